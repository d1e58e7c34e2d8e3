"""In headless Chromium: the dashboard keeps serving with a GBK source and with a document id used twice; the
editor page (only with `serve --editor`) takes a workbook and its source text, shows problems and the preview, and
saves; the public dashboard has no upload. Ports 8610–8619 (the editor helper's range). Screenshots in
tests/artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import ARTIFACTS, CHART, app_settled, copy_data, needs_chromium, open_chromium, serve_app
from tests.conftest import SHARED_SOURCES

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="shared source documents not present"),
]
playwright_api = pytest.importorskip("playwright.sync_api")

PORTS = range(8610, 8620)
CRASH = "This app has encountered an error"
DOC000 = "000_4636b1359e574024.txt"


def _serve(root: Path, sources: Path, editor: bool = False):
    return serve_app(PORTS, data=root, sources=sources, editor=editor)


@pytest.fixture(scope="module")
def browser():
    with open_chromium() as b:
        yield b


def _copy(tmp: Path) -> tuple[Path, Path]:
    return copy_data(tmp)


def _page(browser, width: int):
    return browser.new_page(viewport={"width": width, "height": 1000})


def _no_crash(page) -> None:
    assert CRASH not in page.content()
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.fixture(scope="module")
def broken_data(tmp_path_factory):
    """The real data with the city's 2008 report saved as GBK and a new file reusing its id doc-000."""
    root, sources = _copy(tmp_path_factory.mktemp("broken"))
    path = sources / DOC000
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    text = (root / "actuals" / "doc-003.yaml").read_text(encoding="utf-8")
    (root / "actuals" / "doc-005.yaml").write_text(text.replace("id: doc-003", "id: doc-000", 1)
                                                   .replace("doc003-", "doc005-"), encoding="utf-8")
    return root, sources


def test_dashboard_keeps_serving_with_a_gbk_source_and_a_duplicate_document_id(browser, broken_data):
    root, sources = broken_data
    ARTIFACTS.mkdir(exist_ok=True)
    with _serve(root, sources) as base:
        for width in (1400, 390):
            page = _page(browser, width)
            page.goto(base + "/", wait_until="domcontentloaded")
            page.wait_for_selector(CHART, timeout=60_000)
            _no_crash(page)
            page.wait_for_selector("text=doc-005.yaml", state="attached", timeout=30_000)  # the refused file, in the problems table
            page.screenshot(path=str(ARTIFACTS / f"containment-overview-{width}.png"), full_page=True)
            page.close()
        page = _page(browser, 1400)
        # a goal whose deciding figure is in the GBK document: still judged from it
        page.goto(base + "/goal?goal=urban-income-2010", wait_until="domcontentloaded")
        page.wait_for_selector(CHART, timeout=60_000)
        _no_crash(page)
        body = page.inner_text("body")
        assert "13110" in body  # doc-000's figure, read from the GBK file
        page.screenshot(path=str(ARTIFACTS / "containment-goal-1400.png"), full_page=True)
        page.goto(base + "/documents", wait_until="domcontentloaded")
        page.wait_for_selector("text=克拉玛依市2008年政府工作报告", timeout=60_000)  # the first doc-000 keeps its place
        _no_crash(page)
        page.screenshot(path=str(ARTIFACTS / "containment-documents-1400.png"), full_page=True)
        page.close()


def test_public_dashboard_has_no_upload(browser, tmp_path):
    """The data-entry address of the public dashboard says, in the page's language, that nothing is entered there
    (not Streamlit's English "Page not found"); no upload, and no link to it."""
    from dashboard.present.locale import Locale

    root, sources = _copy(tmp_path)
    with _serve(root, sources) as base:
        for width, lang in ((1400, "zh"), (390, "en")):
            page = _page(browser, width)
            page.goto(base + "/editor" + ("?lang=en" if lang == "en" else ""), wait_until="domcontentloaded")
            page.wait_for_selector("text=" + Locale(lang).t("editor.closed")[:12], timeout=60_000)
            app_settled(page)
            _no_crash(page)
            body = page.inner_text("body")
            assert "Page not found" not in body and "not found" not in body.lower()
            assert page.locator('[data-testid="stFileUploader"]').count() == 0
            assert page.locator('a[href$="/editor"]').count() == 0
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.screenshot(path=str(ARTIFACTS / f"editor-closed-{width}-{lang}.png"), full_page=True)
            page.close()


def test_editor_page_uploads_checks_previews_and_saves(browser, tmp_path):
    from dashboard.records import sheet
    from dashboard.records.load import load
    from tests.workbooks import fill, from_dataset

    root, sources = _copy(tmp_path)
    data, _ = load(root, sources)
    (root / "actuals" / "doc-000.yaml").unlink()
    (sources / DOC000).rename(tmp_path / DOC000)  # the text is uploaded with the workbook
    doc, rows = from_dataset(data, "doc-000")
    template = tmp_path / "template.xlsx"
    sheet.write_template(template, data)
    bad_rows = [dict(r) for r in rows]
    bad_rows[0]["unit"] = "万元"
    bad = fill(template, tmp_path / "bad.xlsx", doc, bad_rows)
    good = fill(template, tmp_path / "good.xlsx", doc, rows)
    with _serve(root, sources, editor=True) as base:
        page = _page(browser, 1400)
        page.goto(base + "/editor", wait_until="domcontentloaded")
        page.wait_for_selector('[data-testid="stFileUploader"]', timeout=60_000)
        _no_crash(page)
        app_settled(page)
        workbook = page.locator('.st-key-editor_workbook input[type="file"]')
        page.locator('.st-key-editor_source input[type="file"]').set_input_files(str(tmp_path / DOC000))
        page.wait_for_selector("text=" + DOC000[-10:], timeout=60_000)  # the text is in (a long name shows its middle elided) before the workbook comes
        app_settled(page)
        workbook.set_input_files(str(bad))
        page.wait_for_selector("text=unit-not-in-quote", state="attached", timeout=60_000)
        assert page.get_by_role("button", name="保存", exact=True).is_disabled()
        page.screenshot(path=str(ARTIFACTS / "editor-problems-1400.png"), full_page=True)
        app_settled(page)
        workbook.set_input_files(str(good))
        page.wait_for_selector("text=没有发现问题", timeout=60_000)
        page.wait_for_selector("text=判定变化的目标", timeout=60_000)  # the preview follows the problems (a busy machine: seconds)
        page.screenshot(path=str(ARTIFACTS / "editor-preview-1400.png"), full_page=True)
        changes = page.locator("table.pt-changes")  # the goals before and after, side by side
        assert changes.locator("th").all_inner_texts() == ["目标", "原判定", "新判定", "决定性数据", "理由"]
        assert changes.locator("tbody tr").count() >= 1
        changes.screenshot(path=str(ARTIFACTS / "editor-preview-table-1400.png"))
        app_settled(page)
        page.get_by_role("button", name="保存", exact=True).click()
        page.wait_for_selector("text=已写入", timeout=60_000)
        page.close()
        narrow = _page(browser, 390)
        narrow.goto(base + "/editor?lang=en", wait_until="domcontentloaded")
        narrow.wait_for_selector('[data-testid="stFileUploader"]', timeout=60_000)
        narrow.screenshot(path=str(ARTIFACTS / "editor-390-en.png"), full_page=True)
        narrow.close()
    imported, report = load(root, sources)
    assert report.valid, [str(p) for p in report.errors]
    assert imported.observations == data.observations
    assert (sources / DOC000).read_bytes() == (tmp_path / DOC000).read_bytes()


def test_editor_page_asks_for_the_password(browser, tmp_path):
    """With a password configured, the page asks for it before any upload; a wrong one is refused."""
    root, sources = _copy(tmp_path)
    with serve_app(PORTS, data=root, sources=sources, editor=True,
                   extra_env={"PLAN_TRACKER_EDITOR_PASSWORD": "绿洲 oasis 2010"}) as base:
        for width, lang in ((390, "zh"), (1400, "en")):
            page = _page(browser, width)
            page.goto(base + "/editor" + ("?lang=en" if lang == "en" else ""), wait_until="domcontentloaded")
            box = page.get_by_label("编辑密码" if lang == "zh" else "Editor password", exact=True)
            box.wait_for(timeout=60_000)
            _no_crash(page)
            assert page.locator('[data-testid="stFileUploader"]').count() == 0
            box.fill("wrong")
            page.get_by_role("button", name="进入" if lang == "zh" else "Enter").click()
            page.wait_for_selector("text=" + ("密码不对" if lang == "zh" else "Wrong password"), timeout=30_000)
            assert page.locator('[data-testid="stFileUploader"]').count() == 0
            page.screenshot(path=str(ARTIFACTS / f"editor-password-{width}-{lang}.png"), full_page=True)
            box = page.get_by_label("编辑密码" if lang == "zh" else "Editor password", exact=True)
            box.fill("绿洲 oasis 2010")
            page.get_by_role("button", name="进入" if lang == "zh" else "Enter").click()
            page.wait_for_selector('[data-testid="stFileUploader"]', timeout=60_000)
            _no_crash(page)
            page.screenshot(path=str(ARTIFACTS / f"editor-unlocked-{width}-{lang}.png"), full_page=True)
            page.close()


CENSUS = "905_three_sentences.txt"
SENTENCES = ("克拉玛依区2010年第六次全国人口普查常住人口为20.5万人。克拉玛依市2008年建成区绿地率达到39.5%。"
             "克拉玛依市2008年完成地区生产总值680亿元。\n")  # a test text in the form of the real ones


def _three_sentences(tmp_path: Path, template: Path, mistakes: bool) -> Path:
    """The three sentences an editor tried, with the mistakes the issue lists (or corrected)."""
    from openpyxl import load_workbook

    from tests.workbooks import fill

    s1, s2, s3 = (s + "。" if not s.endswith("。") else s for s in SENTENCES.strip().split("。")[:3])
    doc = {"title": "三句话", "title_en": "Three sentences", "publisher": "克拉玛依市统计局", "published": "2011-03-01",
           "published_basis": "inferred", "area": "karamay-city", "years": "2008-2010", "file": CENSUS}
    rows = [
        {"indicator": "常住人口" if mistakes else "resident_population", "area": "karamay-district", "year": 2010,
         "value": 20.5, "unit": "万人", "quote": s1.rstrip("。")},
        {"indicator": "green_space_rate", "area": "tacheng-prefecture" if mistakes else "karamay-city", "year": 2008,
         "value": 39.5, "qualifier": "达到", "unit": "%", "quote": s2.rstrip("。")},
        {"indicator": "gdp", "area": "karamay-city", "year": 2008, "value": 680, "unit": "亿元", "quote": s3.rstrip("。")},
    ]
    if mistakes:
        rows.append(dict(rows[2]))
    book = fill(template, tmp_path / ("mistakes.xlsx" if mistakes else "three.xlsx"), doc, rows)
    if mistakes:
        wb = load_workbook(book)
        cell = wb["数据 observations"]["E3"]
        cell.value, cell.number_format = 0.395, "0.0%"
        wb.save(book)
    return book


def test_editor_page_explains_the_editors_mistakes_at_both_widths_in_both_languages(browser, tmp_path):
    from dashboard.records import sheet
    from dashboard.records.load import load

    root, sources = _copy(tmp_path)
    (tmp_path / CENSUS).write_text(SENTENCES, encoding="utf-8")
    data, _ = load(root, sources)
    template = tmp_path / "template.xlsx"
    sheet.write_template(template, data)
    bad, good = _three_sentences(tmp_path, template, True), _three_sentences(tmp_path, template, False)
    with _serve(root, sources, editor=True) as base:
        for width in (1400, 390):
            for lang in ("zh", "en"):
                page = browser.new_page(viewport={"width": width, "height": 2400})  # Streamlit scrolls inside
                page.goto(base + "/editor" + ("?lang=en" if lang == "en" else ""), wait_until="domcontentloaded")
                page.wait_for_selector('[data-testid="stFileUploader"]', timeout=60_000)
                # the page's style element and the uploaders arrive as separate elements: on a loaded machine a
                # frame can show an uploader before the style hides its English words; they must go, and soon
                page.wait_for_function("!/Browse files|per file/.test(document.body.innerText)", timeout=15_000)
                body = page.inner_text("body")
                assert "Browse files" not in body and "per file" not in body
                assert page.locator('[aria-label^="Help for"]').count() == 0  # Streamlit's English help label
                if lang == "zh":
                    assert "Upload" not in body
                choose = page.get_by_role("button", name="选择文件" if lang == "zh" else "Choose a file", exact=True)
                assert choose.count() == 3  # our label is the button's accessible name, on every uploader
                workbook = page.locator('.st-key-editor_workbook input[type="file"]')
                page.locator('.st-key-editor_source input[type="file"]').set_input_files(str(tmp_path / CENSUS))
                page.wait_for_selector("text=905_thr", timeout=60_000)
                workbook.set_input_files(str(bad))
                page.wait_for_selector(".pt-problem", timeout=90_000)
                _no_crash(page)
                cards = page.locator(".pt-problem").all_inner_texts()
                text = "\n".join(cards)
                for code in ("duplicate-row", "percent-cell", "area-against-quote", "unknown-reference"):
                    assert code in text, (code, text)
                assert "resident_population" in text  # the closest id, by name
                assert "None" not in text
                fix = "修改" if lang == "zh" else "Fix"
                assert all(fix in c for c in cards)  # every card shows its fix, no sideways scroll
                page.screenshot(path=str(ARTIFACTS / f"editor-mistakes-{width}-{lang}.png"), full_page=True)
                workbook.set_input_files(str(good))
                page.wait_for_function("() => !document.body.innerText.includes('percent-cell')", timeout=60_000)
                page.wait_for_selector("text=" + ("5. 保存" if lang == "zh" else "5. Save"), timeout=60_000)
                body = page.inner_text("body")
                assert "请按" not in body and "correct the workbook" not in body  # no errors: no order to correct
                page.screenshot(path=str(ARTIFACTS / f"editor-corrected-{width}-{lang}.png"), full_page=True)
                page.close()


def test_editor_page_imports_a_new_plan(browser, tmp_path):
    """The editor's "new plan" section: the plan's fields, a reviewed goals workbook and the plan's text in; the
    problems located (a wrong cell at its row and column), the preview with each goal's judgement; saved as
    import-plan saves, and the next load has the plan."""
    from dashboard.records.load import load
    from tests.test_import_plan import ROWS, TEXT, workbook

    root, sources = _copy(tmp_path)
    text = tmp_path / "upload" / "city-plan.txt"
    text.parent.mkdir()
    text.write_text(TEXT, encoding="utf-8")
    rows = [[("urban_registered_unemployment_rate" if c == "unemployment_rate" else c) for c in r] for r in ROWS]
    bad_rows = [list(r) for r in rows]
    bad_rows[0][5] = 310  # not the number of its quote
    bad, good = tmp_path / "upload" / "bad.xlsx", tmp_path / "upload" / "goals.xlsx"
    bad.write_bytes(workbook(bad_rows))
    good.write_bytes(workbook(rows))
    with _serve(root, sources, editor=True) as base:
        page = _page(browser, 1400)
        page.goto(base + "/editor", wait_until="domcontentloaded")
        page.wait_for_selector("text=导入审核后的目标表", timeout=60_000)
        _no_crash(page)
        page.get_by_text("导入审核后的目标表").click()
        for label, value in (("规划编号", "city-plan"), ("规划名称（中文）", "测试市十二五规划"),
                             ("规划名称（英文）", "Test City 12th plan")):
            box = page.get_by_label(label)
            box.fill(value)
            box.press("Enter")
        for label, value in (("规划期首年", "2011"), ("规划期末年", "2015"), ("基期年", "2010")):
            box = page.get_by_label(label)
            box.fill(value)
            box.press("Enter")
        app_settled(page)  # the fields' reruns done before the uploads
        plan_workbook = page.locator('.st-key-plan_workbook input[type="file"]')
        page.locator('.st-key-plan_source input[type="file"]').set_input_files(str(text))
        page.wait_for_selector("text=" + text.name, timeout=60_000)  # the text is in before the workbook comes
        app_settled(page)
        plan_workbook.set_input_files(str(bad))
        page.wait_for_selector("text=number-not-in-quote", state="attached", timeout=90_000)
        page.wait_for_selector("text=预览：新规划", timeout=60_000)
        assert page.get_by_role("button", name="保存新规划").is_disabled()
        page.screenshot(path=str(ARTIFACTS / "editor-plan-problems-1400.png"), full_page=True)
        app_settled(page)
        plan_workbook.set_input_files(str(good))
        page.wait_for_selector("text=没有发现问题", timeout=90_000)
        page.wait_for_selector("text=预览：新规划", timeout=60_000)
        page.screenshot(path=str(ARTIFACTS / "editor-plan-preview-1400.png"), full_page=True)
        app_settled(page)  # the preview above may still be the last run's while this one goes on
        page.get_by_role("button", name="保存新规划").click()
        page.wait_for_selector("text=已写入", timeout=60_000)
        _no_crash(page)
        page.close()
    data, report = load(root, sources)
    plan = data.plan_by_id("city-plan")
    assert plan is not None and plan.period == (2011, 2015) and plan.base_year == 2010
    assert report.valid, [str(p) for p in report.errors]
    goals = data.goals_of("city-plan")
    assert len(goals) == 2 and goals[0].id == "city-plan.gdp-2015" and goals[0].target == 300
    assert (tmp_path / "texts" / "city-plan.txt").read_text(encoding="utf-8") == TEXT
