"""A document file as the text its quotes must be verbatim spans of: `.txt`, `.docx`, `.pdf` (with a text layer) and
`.html`. What cannot be read is one located problem of the error catalogue (`DataError`), never a guess.

- `.txt`: UTF-8 (a byte-order mark dropped) or GB18030 (which reads GBK and GB2312), as `records.sources` reads
  source documents; the text is the file's, character for character.
- `.docx` (python-docx): the body's paragraphs and tables in document order, a table row a line, its cells
  separated by tabs (a merged cell once). Headers, footers, text boxes and pictures are not read.
- `.pdf` (pypdfium2, PDFium's own text extraction: CJK comes back as characters, 10× faster than pdfminer here):
  each page's text layer; a line the page wrapped inside a sentence is joined to the next (no space between Chinese
  characters), and Kangxi radicals some PDF fonts map ideographs to (⽬ for 目) are folded back by NFKC. A page
  without a text layer (a scan) is a warning; a PDF with none at all, an encrypted or a damaged one, an error.
- `.html` (lxml): the page's main text (`<article>`, `<main>` or the usual content containers of government sites,
  else `<body>`), without scripts, styles, navigation, headers and footers; a block a line, table cells by tabs.

What it cannot read: text drawn as an image (a scanned page, a table laid out as a picture) — there is no OCR —,
old `.doc` files, spreadsheets, and text in an encoding other than UTF-8/GB18030.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.records import errors
from dashboard.records.sources import decode

FORMATS = {".txt": "txt", ".text": "txt", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}
MAX_ENV = "PLAN_TRACKER_MAX_DOCUMENT_MB"
DEFAULT_MAX_MB = 50.0


def max_document_bytes() -> int:
    """The size limit of a document read (default 50 MB; PLAN_TRACKER_MAX_DOCUMENT_MB changes it)."""
    try:
        mb = float(os.environ.get(MAX_ENV, DEFAULT_MAX_MB))
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(mb * 1024 * 1024)


@dataclass(frozen=True)
class DocumentText:
    """A document's text, and how it was read."""

    name: str  # the file's name, as messages name it
    text: str  # every proposal's quote is a span of this
    format: str  # txt, docx, pdf, html
    encoding: str | None = None  # utf-8, utf-8-sig or gb18030 for txt and html; None for docx and pdf
    title: str = ""  # the title the file declares (HTML <title>, the docx or PDF properties), or ""
    page_starts: tuple[int, ...] = ()  # PDF: the offset in `text` where each page begins
    problems: tuple[errors.Problem, ...] = field(default=())  # warnings (pages without text)

    def page_of(self, offset: int) -> int | None:
        """The PDF page (1-based) holding the character at `offset`."""
        if not self.page_starts:
            return None
        return sum(1 for s in self.page_starts if s <= offset)

    @property
    def text_name(self) -> str:
        """The name of the text as a source document: the file's own for .txt, else its stem with .txt."""
        return self.name if self.format == "txt" else f"{Path(self.name).stem}.txt"


def read_document(path: str | os.PathLike, *, max_bytes: int | None = None) -> DocumentText:
    """Read a document file; raises `errors.DataError` with one located problem when it cannot be read."""
    path = Path(path)
    limit = max_document_bytes() if max_bytes is None else max_bytes
    _check_kind(path.name)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _fail(errors.DocumentUnreadable, path.name, note=exc.strerror or type(exc).__name__) from None
    if size > limit:
        raise _too_large(path.name, size, limit)
    return read_bytes(path.read_bytes(), path.name, max_bytes=limit)


def read_bytes(data: bytes, name: str, *, max_bytes: int | None = None) -> DocumentText:
    """The same, for a file's bytes (an upload)."""
    limit = max_document_bytes() if max_bytes is None else max_bytes
    kind = _check_kind(name)
    if len(data) > limit:
        raise _too_large(name, len(data), limit)
    if not data.strip():
        raise _fail(errors.DocumentEmpty, name)
    doc = _READERS[kind](data, name)
    if not doc.text.strip():
        raise _fail(errors.DocumentEmpty, name)
    return doc


def _check_kind(name: str) -> str:
    kind = FORMATS.get(Path(name).suffix.lower())
    if kind is None:
        raise _fail(errors.DocumentFormat, name, suffix=Path(name).suffix or "—",
                    allowed=sorted({k for k in FORMATS if k not in (".text", ".htm")}))
    return kind


def _fail(cls: type[errors.Problem], name: str, note: str = "", **params) -> errors.DataError:
    return errors.DataError([cls(file=name, kind="file", detail=note, params=params)])


def _too_large(name: str, size: int, limit: int) -> errors.DataError:
    return _fail(errors.DocumentTooLarge, name, size_mb=round(size / 1048576, 1), limit_mb=round(limit / 1048576, 1))


# ---------------------------------------------------------------------------------------------- plain text


def _text_of_bytes(data: bytes, name: str) -> tuple[str, str]:
    decoded = decode(data)
    if decoded.encoding is None:
        raise _fail(errors.DocumentUndecodable, name, position=decoded.error_at)
    nul = decoded.text.find("\x00")
    if nul >= 0:  # a binary file under a text name: GB18030 and UTF-8 both "read" NUL bytes
        raise _fail(errors.DocumentUndecodable, name, position=len(decoded.text[:nul].encode(decoded.encoding)))
    return decoded.text, decoded.encoding


def _read_txt(data: bytes, name: str) -> DocumentText:
    text, encoding = _text_of_bytes(data, name)
    return DocumentText(name=name, text=text, format="txt", encoding=encoding, title=_first_line(text))


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]


# ---------------------------------------------------------------------------------------------- Word


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: an encrypted Office file, or an old .doc


def _read_docx(data: bytes, name: str) -> DocumentText:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    if data.startswith(_OLE):
        raise _fail(errors.DocumentEncrypted, name, note="OLE compound file")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise _fail(errors.DocumentDamaged, name, note=f"{type(exc).__name__}: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises several kinds for a foreign file
        raise _fail(errors.DocumentDamaged, name, note=f"{type(exc).__name__}: {exc}") from None
    lines: list[str] = []

    def table(t: Table) -> None:
        for row in t.rows:
            seen: list = []
            cells = []
            for cell in row.cells:
                if any(cell._tc is s for s in seen):  # a merged cell repeats in python-docx's row.cells
                    continue
                seen.append(cell._tc)
                cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
            if any(cells):
                lines.append("\t".join(cells))

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            table(block)
    text = "\n".join(lines)
    title = (document.core_properties.title or "").strip() or _first_line(text)
    return DocumentText(name=name, text=text, format="docx", title=title)


# ---------------------------------------------------------------------------------------------- PDF


_SENTENCE_END = "。！？；：!?;:」』”）)"
_RADICALS = re.compile("[\u2f00-\u2fdf]")  # Kangxi radicals: NFKC folds each to its ideograph (⽬ → 目)


def _read_pdf(data: bytes, name: str) -> DocumentText:
    import pypdfium2 as pdfium

    if not data.lstrip().startswith(b"%PDF"):
        raise _fail(errors.DocumentDamaged, name, note="no %PDF header")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise _fail(errors.DocumentEncrypted, name, note=str(exc)) from None
        raise _fail(errors.DocumentDamaged, name, note=str(exc)) from None
    try:
        pages: list[str] = []
        blank: list[int] = []
        for number in range(len(pdf)):
            page = pdf[number]
            textpage = page.get_textpage()
            raw = textpage.get_text_range() if textpage.count_chars() else ""
            textpage.close()
            page.close()
            if not raw.strip():
                blank.append(number + 1)
            pages.append(_join_wrapped(_RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), raw)))
        title = str((pdf.get_metadata_dict() or {}).get("Title") or "").strip()
    finally:
        pdf.close()
    if not pages or len(blank) == len(pages):
        raise _fail(errors.PdfWithoutText, name, pages=len(pages))
    text, starts = "", []
    for page_text in pages:
        if text:
            text += "\n\n"
        starts.append(len(text))
        text += page_text
    problems: tuple[errors.Problem, ...] = ()
    if blank:
        problems = (errors.PdfPagesWithoutText(file=name, kind="file", params={"pages": blank, "total": len(pages)}),)
    return DocumentText(name=name, text=text, format="pdf", title=title or _first_line(text),
                        page_starts=tuple(starts), problems=problems)


def _is_wide(ch: str) -> bool:
    """A character written without spaces around it: CJK ideographs, kana, full-width forms and punctuation."""
    return ch > "\u2e7f" and not ("\uac00" <= ch <= "\ud7af")


def _width(line: str) -> int:
    return sum(2 if _is_wide(ch) else 1 for ch in line.strip())


def _join_wrapped(page: str) -> str:
    """A page's lines, with a line the layout wrapped inside a sentence joined to the next: a line as wide as the
    page's text (80% of its widest line) that does not end a sentence. Between CJK characters or digits nothing is
    put, between Latin words one space. Headings, table rows and a paragraph's last line are short: they stay."""
    lines = [line.rstrip() for line in page.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    full = 0.8 * max((_width(line) for line in lines), default=0)
    out: list[str] = []
    wrapped = False  # the last line in `out` ended as a full line
    for line in lines:
        if out and wrapped and line.strip():
            prev = out[-1]
            last, first = prev[-1], line.lstrip()[0]
            if last not in _SENTENCE_END:
                joiner = "" if (_is_wide(last) or _is_wide(first) or (last.isdigit() and first.isdigit())) else " "
                out[-1] = prev + joiner + line.lstrip()
                wrapped = _width(line) >= full
                continue
        out.append(line)
        wrapped = bool(line.strip()) and _width(line) >= full
    return "\n".join(out).strip("\n")


# ---------------------------------------------------------------------------------------------- HTML


_DROP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
         "select", "button", "object", "embed", "canvas", "head"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "tbody", "thead", "h1", "h2", "h3", "h4", "h5", "h6",
          "section", "article", "main", "blockquote", "pre", "dd", "dt", "dl", "hr", "figure", "figcaption",
          "address", "center", "caption"}
_CELL = {"td", "th"}
_CONTENT = re.compile(r"(^|[\s_-])(article|content|zoom|trs_editor|detail|main[-_]?text|text[-_]?content|"
                      r"news[-_]?content|con(t)?box|pages_content)($|[\s_-])", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_-]+)""", re.I)


def _read_html(data: bytes, name: str) -> DocumentText:
    import lxml.html

    text, encoding = _html_text(data, name)
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # noqa: BLE001 - lxml raises ParserError or ValueError for what is not a page
        raise _fail(errors.DocumentDamaged, name, note=f"{type(exc).__name__}: {exc}") from None
    title = (root.findtext(".//title") or "").strip()
    for bad in root.xpath("//comment() | //processing-instruction()"):
        bad.drop_tree() if hasattr(bad, "drop_tree") else bad.getparent().remove(bad)
    for el in list(root.iter(*_DROP)):
        if el.getparent() is not None:
            el.drop_tree()
    body = _main_element(root)
    parts: list[str] = []
    _walk(body, parts)
    lines = []
    for line in "".join(parts).split("\n"):
        line = _tidy(line)
        if line:
            lines.append(line)
    return DocumentText(name=name, text="\n".join(lines), format="html", encoding=encoding,
                        title=title or _first_line("\n".join(lines)))


def _html_text(data: bytes, name: str) -> tuple[str, str]:
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith(b"\xef\xbb\xbf"):
        label = declared.group(1).decode("ascii").lower()
        codec = "gb18030" if label in ("gbk", "gb2312", "gb18030", "x-gbk") else label
        try:
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: read it as any text file
    return _text_of_bytes(data, name)


def _main_element(root):
    for xpath in ("//article", "//main", "//*[@role='main']"):
        found = root.xpath(xpath)
        if len(found) == 1 and _cjk_or_text_len(found[0]) > 0:
            return found[0]
    candidates = [el for el in root.iter("div", "td", "section")
                  if _CONTENT.search(f"{el.get('id', '')} {el.get('class', '')}")]
    if candidates:
        best = max(candidates, key=_cjk_or_text_len)
        if _cjk_or_text_len(best) > 0.3 * _cjk_or_text_len(root):
            return best
    bodies = root.xpath("//body")
    return bodies[0] if bodies else root


def _cjk_or_text_len(el) -> int:
    return len(re.sub(r"\s+", "", el.text_content() or ""))


def _walk(el, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _BLOCK:
        out.append("\n")
    if el.text and tag:
        out.append(_BREAKS.sub(" ", el.text))
    for child in el:
        _walk(child, out)
        if isinstance(child.tag, str) and child.tag in _CELL:
            out.append("\t")
    if tag in _BLOCK:
        out.append("\n")
    if el.tail:
        out.append(_BREAKS.sub(" ", el.tail))


_BREAKS = re.compile(r"[\r\n]+")  # a line break in a page's source is a space on the screen
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def _tidy(line: str) -> str:
    """One line of a page: white space as a browser shows it (a run is one space, none at either end, none
    between two Chinese characters a source line break parted); table cells keep a tab between them."""
    cells = [_SPACES.sub(" ", c).strip(" \u3000") for c in line.split("\t")]
    cells = [re.sub(r"(?<=[\u2e80-\uffef]) (?=[\u2e80-\uffef])", "", c) for c in cells]
    return "\t".join(c for c in cells if c)


_READERS = {"txt": _read_txt, "docx": _read_docx, "pdf": _read_pdf, "html": _read_html}
