"""Reading document files: each format's text (real characters, in order), and each honest limit as one located
problem of the catalogue in both languages. Every fixture is made here: python-docx writes the Word file, the PDFs
are written by hand with the standard Chinese font STSong-Light (PDFium maps it to characters, as any reader does),
Pillow saves a picture as a PDF (a scan), pypdf encrypts one."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dashboard.reader import files
from dashboard.reader.files import read_bytes, read_document
from dashboard.records import errors

BULLETIN = ["克拉玛依区全年实现地区生产总值712.5亿元，比上年增长",
            "12.3%。城镇居民人均可支配收入达到16495元。",
            "表1 主要指标"]


def cjk_pdf(pages: list[list[str]], width: int = 595) -> bytes:
    """A PDF whose pages hold these lines in STSong-Light (UTF-16 encoded, not embedded)."""
    objs: list[str] = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    kids = []
    font = 3
    objs.append("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H "
                "/DescendantFonts [4 0 R] >>")
    objs.append("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
                "/Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R >>")
    objs.append("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] "
                "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>")
    for lines in pages:
        content = "BT /F1 14 Tf 50 780 Td 18 TL " + " ".join(
            f"<{line.encode('utf-16-be').hex()}> Tj T*" for line in lines) + " ET"
        objs.append(f"<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} 842] /Resources << /Font << /F1 {font} 0 R "
                    f">> >> /Contents {len(objs)} 0 R >>")
        kids.append(len(objs))
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    out = b"%PDF-1.7\n"
    offsets = []
    for k, o in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def scan_pdf() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (600, 300), "white")
    ImageDraw.Draw(img).rectangle((40, 40, 560, 80), fill="black")  # a "line of print", as pixels
    buf = io.BytesIO()
    img.save(buf, format="PDF")
    return buf.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(cjk_pdf([BULLETIN]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _only_problem(exc: pytest.ExceptionInfo) -> errors.Problem:
    (problem,) = exc.value.problems
    return problem


# ---------------------------------------------------------------------------------------------- what it reads


def test_text_in_utf8_with_a_mark_and_in_gbk(tmp_path: Path):
    sentence = "全区城镇居民人均可支配收入达到16495元，比上年增长１２．３％。\r\n"
    for encoding, data in (("utf-8", sentence.encode()), ("utf-8-sig", b"\xef\xbb\xbf" + sentence.encode()),
                           ("gb18030", sentence.encode("gbk"))):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(data)
        doc = read_document(path)
        assert (doc.text, doc.encoding, doc.format) == (sentence, encoding, "txt")  # character for character
        assert doc.text_name == path.name


def test_a_word_file_reads_paragraphs_and_tables_in_order(tmp_path: Path):
    import docx

    d = docx.Document()
    d.core_properties.title = "2008年统计公报"
    d.add_paragraph("一、综合")
    d.add_paragraph("全年实现地区生产总值712.5亿元。")
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = "指标", "2008年", "增长%"
    table.cell(1, 0).text, table.cell(1, 1).text, table.cell(1, 2).text = "粮食产量", "3.2万吨", "5.1"
    merged = table.cell(2, 0).merge(table.cell(2, 2))
    merged.text = "注：增长按可比价计算"
    d.add_paragraph("二、农业")
    path = tmp_path / "bulletin.docx"
    d.save(path)
    doc = read_document(path)
    assert doc.text == ("一、综合\n全年实现地区生产总值712.5亿元。\n指标\t2008年\t增长%\n粮食产量\t3.2万吨\t5.1\n"
                        "注：增长按可比价计算\n二、农业")
    assert (doc.format, doc.title, doc.text_name) == ("docx", "2008年统计公报", "bulletin.txt")


def test_a_pdf_with_a_text_layer_reads_real_characters_with_wrapped_lines_joined(tmp_path: Path):
    path = tmp_path / "bulletin.pdf"
    path.write_bytes(cjk_pdf([BULLETIN, ["第二页：粮食产量3.2万吨。"]]))
    doc = read_document(path)
    # the first line fills the page's width and ends mid-sentence: joined; the short heading stays a line
    assert doc.text == ("克拉玛依区全年实现地区生产总值712.5亿元，比上年增长12.3%。城镇居民人均可支配收入达到16495元。\n表1 主要指标"
                        "\n\n第二页：粮食产量3.2万吨。")
    assert doc.page_starts == (0, doc.text.index("第二页")) and doc.page_of(doc.text.index("粮食")) == 2
    assert doc.problems == () and doc.format == "pdf"


def test_wrapped_lines_are_joined_only_inside_a_sentence():
    page = "一、综合\n全年实现地区生产总值712.5亿元，比上年增长\n12.3%。\n表1"
    assert files._join_wrapped(page) == "一、综合\n全年实现地区生产总值712.5亿元，比上年增长12.3%。\n表1"
    assert files._join_wrapped("Gross regional product grew by\n12.3 per cent.\nTable 1") == \
        "Gross regional product grew by 12.3 per cent.\nTable 1"
    assert files._join_wrapped("全年实现地区生产总值712.5亿元。\n城镇居民人均可支配收入达到") == \
        "全年实现地区生产总值712.5亿元。\n城镇居民人均可支配收入达到"


def test_kangxi_radicals_of_a_pdf_font_fold_to_their_ideographs():
    assert files._RADICALS.sub(lambda m: __import__("unicodedata").normalize("NFKC", m.group()), "⽬标⼈均") == "目标人均"


def test_a_page_without_text_is_a_warning_the_rest_is_read(tmp_path: Path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(cjk_pdf([BULLETIN]))))
    writer.append(PdfReader(io.BytesIO(scan_pdf())))
    buf = io.BytesIO()
    writer.write(buf)
    doc = read_bytes(buf.getvalue(), "mixed.pdf")
    assert "16495元" in doc.text
    (warning,) = doc.problems
    assert warning.code == "pdf-pages-without-text" and warning.severity == "warning"
    assert warning.located("en").startswith("mixed.pdf: [pdf-pages-without-text]: of the PDF's 2 pages, page(s) 2 ")
    assert "第2页没有文字层" in warning.located("zh")


def test_an_html_page_gives_its_body_text_without_navigation_or_scripts():
    page = """<!DOCTYPE html><html><head><meta charset="gbk"><title>克拉玛依区2008年统计公报</title>
    <script>var x = "增长99%";</script><style>p{color:red}</style></head><body>
    <div class="nav"><a href="/">首页</a></div><header>政府网站</header><nav>导航 新闻 公开</nav>
    <div id="zoom" class="TRS_Editor"><p>　　全年实现地区生产总值712.5亿元，
    比上年增长12.3%。</p><p>城镇居民人均可支配收入达到<b>16495</b>元&nbsp;。</p>
    <table><tr><th>指标</th><th>2008年</th></tr><tr><td>粮食产量</td><td>3.2 万吨</td></tr></table></div>
    <footer>版权所有</footer></body></html>"""
    doc = read_bytes(page.encode("gbk"), "bulletin.html")
    assert doc.text == ("全年实现地区生产总值712.5亿元，比上年增长12.3%。\n城镇居民人均可支配收入达到16495元。\n"
                        "指标\t2008年\n粮食产量\t3.2 万吨")
    assert (doc.format, doc.encoding, doc.title) == ("html", "gb18030", "克拉玛依区2008年统计公报")


def test_an_html_page_without_a_content_container_reads_its_body():
    doc = read_bytes("<html><body><p>全市粮食产量3.2万吨。</p><script>1</script></body></html>".encode(), "a.htm")
    assert doc.text == "全市粮食产量3.2万吨。" and doc.encoding == "utf-8"


# ---------------------------------------------------------------------------------------------- honest limits


@pytest.mark.parametrize(("name", "data", "code", "en", "zh"), [
    ("scan.pdf", scan_pdf(), "pdf-no-text", "none of the PDF's 1 pages has a text layer", "本程序不做文字识别（OCR）"),
    ("locked.pdf", encrypted_pdf(), "document-encrypted", "the file is encrypted", "文件已加密"),
    ("broken.pdf", cjk_pdf([BULLETIN])[:300], "document-damaged", "the file is damaged", "文件已损坏"),
    ("notapdf.pdf", b"hello, world", "document-damaged", "no %PDF header", "文件已损坏"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "document-damaged", "the file is damaged", "文件已损坏"),
    ("locked.docx", files._OLE + b"\x00" * 600, "document-encrypted", "the file is encrypted", "文件已加密"),
    ("latin1.txt", "Bev\u00f6lkerung \u00fc\u00e4\u00df\u00ff\u00fe".encode("latin-1") + b"\x80\xff",
     "document-undecodable", "not text in UTF-8 or GB18030", "不是UTF-8或GB18030"),
    ("binary.txt", b"\x00\x01\x02\x03abc", "document-undecodable", "(byte 0)", "第0字节"),
    ("empty.txt", b"  \n ", "document-empty", "holds no text", "没有可读取的文字"),
    ("sheet.xlsx", b"PK", "document-format", "files of type '.xlsx' cannot be read", "不能读取“.xlsx”类型的文件"),
    ("old.doc", b"x", "document-format", "(readable: .docx, .html, .pdf, .txt)", "另存为.docx"),
])
def test_what_cannot_be_read_is_one_located_message_in_both_languages(name, data, code, en, zh):
    with pytest.raises(errors.DataError) as exc:
        read_bytes(data, name)
    problem = _only_problem(exc)
    assert problem.code == code and problem.severity == "error"
    assert problem.located("en").startswith(f"{name}: [{code}]: ") and en in problem.located("en")
    assert problem.located("zh").startswith(f"{name}：[{code}]：") and zh in problem.located("zh")
    assert "Fix: " in problem.located("en") and "修改：" in problem.located("zh")


def test_a_file_over_the_limit_is_not_read(tmp_path: Path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes("增长".encode() * 200_000)  # 1.2 MB
    with pytest.raises(errors.DataError) as exc:
        read_document(path, max_bytes=1_000_000)
    problem = _only_problem(exc)
    assert problem.code == "document-too-large"
    assert "the file is 1.1 MB, over the limit of 1 MB" in problem.located("en")
    monkeypatch.setenv(files.MAX_ENV, "0.5")
    with pytest.raises(errors.DataError):
        read_document(path)
    monkeypatch.setenv(files.MAX_ENV, "2")
    assert read_document(path).text.startswith("增长")


def test_a_missing_file_is_a_located_message(tmp_path: Path):
    with pytest.raises(errors.DataError) as exc:
        read_document(tmp_path / "nowhere.pdf")
    assert _only_problem(exc).located("en").startswith("nowhere.pdf: [document-unreadable]")


def test_the_reader_imports_only_the_records_layer():
    import ast

    for path in Path(files.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dashboard."):
                assert node.module.startswith(("dashboard.records", "dashboard.reader")), (path.name, node.module)


# ---------------------------------------------------------------------------------------------- the same bulletin, four ways

SENTENCES = ["2008年，全区实现地区生产总值85.3亿元，比上年增长12.5%。",
             "全区城镇居民人均可支配收入达到16495元，农牧民人均纯收入7820元。",
             "城镇登记失业率控制在2.1%以内。"]


def _as_docx(tmp_path: Path) -> Path:
    import docx

    d = docx.Document()
    for s in SENTENCES:
        d.add_paragraph(s)
    path = tmp_path / "b.docx"
    d.save(path)
    return path


def _as_files(tmp_path: Path) -> dict[str, Path]:
    out = {"txt": tmp_path / "b.txt", "gbk": tmp_path / "b-gbk.txt", "html": tmp_path / "b.html",
           "pdf": tmp_path / "b.pdf", "docx": _as_docx(tmp_path)}
    out["txt"].write_text("\n".join(SENTENCES), encoding="utf-8")
    out["gbk"].write_bytes("\n".join(SENTENCES).encode("gbk"))
    out["html"].write_text("<html><body><nav>首页</nav><article>" + "".join(f"<p>{s}</p>" for s in SENTENCES)
                           + "</article></body></html>", encoding="utf-8")
    out["pdf"].write_bytes(cjk_pdf([SENTENCES]))
    return out


def test_the_same_bulletin_in_every_format_gives_the_same_proposals_each_a_span_of_its_text(real, tmp_path):
    from dashboard.reader.propose import propose_figures

    data, _ = real
    found = {}
    for kind, path in _as_files(tmp_path).items():
        doc = read_document(path)
        proposals = propose_figures(doc.text, data, year=2008, area="karamay-district")
        assert all(doc.text[p.start:p.end] == p.quote for p in proposals), kind
        found[kind] = sorted((p.indicator or "", p.measure, p.value, p.unit, p.year, p.area) for p in proposals)
    assert ("gdp", "level", 85.3, "亿元", 2008, "karamay-district") in found["txt"]
    assert all(v == found["txt"] for v in found.values()), found


@pytest.mark.slow
def test_a_pdf_printed_by_chromium_reads_back_as_its_characters():
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("no Chromium")
    from dashboard.present.export.renderer import Renderer

    html = ("<html><head><meta charset='utf-8'><style>body{font-family:'Noto Sans CJK SC'}</style></head><body>"
            "<h1>克拉玛依区统计公报</h1>" + "".join(f"<p>{s}</p>" for s in SENTENCES) + "<p>目标、长远、民生</p></body></html>")
    with Renderer() as r:
        data = r.pdf(html, width=800, height=1100)
    doc = read_bytes(data, "chromium.pdf")
    for s in SENTENCES:
        assert s in doc.text
    assert "目标、长远、民生" in doc.text  # not ⽬标 or ⻓远
