"""In headless Chromium, the editor page's "从文件中提取 / Propose from a document": a three-sentence bulletin is
uploaded, its figures proposed with each quote marked in its sentence, three ticked, the document's fields typed,
the import's preview shown, and saving writes the document's YAML with exactly the ticked figures and its text to
the sources folder. Ports 8680–8689. Screenshots in tests/artifacts/ (propose-*.png)."""

from __future__ import annotations

import pytest

from tests.browser import ARTIFACTS, copy_data, needs_chromium, open_chromium, serve_app
from tests.conftest import SHARED_SOURCES

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="shared source documents not present"),
]
pytest.importorskip("playwright.sync_api")

PORTS = range(8680, 8690)
BULLETIN = ("克拉玛依区2008年国民经济和社会发展统计公报\n"
            "2008年，全区实现地区生产总值85.3亿元，比上年增长12.5%。全区城镇居民人均可支配收入达到16495元，"
            "农牧民人均纯收入7820元。城镇登记失业率控制在2.1%以内。\n")


def test_a_bulletin_proposed_ticked_previewed_and_saved(tmp_path):
    from dashboard.records.load import load

    root, sources = copy_data(tmp_path)
    bulletin = tmp_path / "005_bulletin.txt"
    bulletin.write_text(BULLETIN, encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    with serve_app(PORTS, data=root, sources=sources, editor=True) as base, open_chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 3200})
        page.goto(base + "/editor", wait_until="domcontentloaded")
        page.wait_for_selector("text=从文件中提取", timeout=60_000)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(str(bulletin))
        page.wait_for_selector("mark", timeout=60_000)
        marks = page.locator("mark").all_inner_texts()
        assert "2008年，全区实现地区生产总值85.3亿元" in marks and all(m in BULLETIN for m in marks)
        page.get_by_test_id("stNumberInputField").first.fill("2008")
        page.keyboard.press("Enter")
        page.locator('[data-testid="stSelectbox"]').first.click()
        page.get_by_role("option").filter(has_text="karamay-district").first.click()
        page.wait_for_selector("text=· 2008 · 克拉玛依区", timeout=60_000)
        boxes = page.locator('[data-testid="stCheckbox"]')
        labels = boxes.all_inner_texts()
        picks = [k for k, text in enumerate(labels) if ("85.3亿元" in text and "level" in text)
                 or "16495元" in text or "2.1%以内" in text]
        assert len(picks) == 3, labels
        for k in picks:
            boxes.nth(k).click()
            page.wait_for_timeout(800)
        page.get_by_label("英文标题").fill("Karamay District statistical bulletin 2008")
        page.get_by_label("发布机关").fill("克拉玛依区统计局")
        page.get_by_role("spinbutton", name="year, 发布日期").click()
        page.keyboard.type("20090301")  # the date's segments: year, month, day
        page.get_by_label("英文标题").click()  # leave the date field so its value is sent
        page.wait_for_selector("text=预览：采用所勾选的3条后的变化", timeout=60_000)
        page.wait_for_function("() => !document.body.innerText.includes('missing-field')", timeout=60_000)
        page.wait_for_selector("text=新增或修改的数据（3条）", timeout=60_000)
        page.wait_for_selector('button:has-text("保存所勾选的数据"):not([disabled])', timeout=60_000)
        page.wait_for_timeout(1000)  # the rerun's last elements replace the stale ones
        page.screenshot(path=str(ARTIFACTS / "propose-preview-1400.png"), full_page=True)
        page.get_by_role("button", name="保存所勾选的数据").click()
        page.wait_for_selector("text=已写入", timeout=60_000)
        page.close()
        narrow = browser.new_page(viewport={"width": 390, "height": 2400})
        narrow.goto(base + "/editor?lang=en", wait_until="domcontentloaded")
        narrow.wait_for_selector("text=Propose from a document", timeout=60_000)
        narrow.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(str(bulletin))
        narrow.wait_for_selector("mark", timeout=60_000)
        narrow.screenshot(path=str(ARTIFACTS / "propose-390-en.png"), full_page=True)
        narrow.close()
    data, report = load(root, sources)
    assert report.valid, [str(p) for p in report.errors]
    saved = [o for o in data.observations if o.document == "doc-005"]
    assert sorted((o.indicator, o.value, o.year, o.area) for o in saved) == [
        ("gdp", 85.3, 2008, "karamay-district"), ("urban_disposable_income_per_capita", 16495, 2008,
                                                  "karamay-district"),
        ("urban_registered_unemployment_rate", 2.1, 2008, "karamay-district")]
    assert (sources / "005_bulletin.txt").read_text(encoding="utf-8") == BULLETIN
