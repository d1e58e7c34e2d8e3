"""Make a PDF's text the real characters: rewrite the ToUnicode maps that send ideographs to look-alikes.

Chromium (Skia) writes each embedded font's ToUnicode map from the font's own character map, taking for each
glyph the lowest code point that maps to it. Noto Sans CJK draws 目 (U+76EE) and the Kangxi radical ⽬ (U+2F6C)
with one glyph, and ～ (U+FF5E) and 〜 (U+301C) with another, so the map says ⽬ and 〜: copying, searching and
text extraction get look-alikes. The glyphs are right; only the maps are wrong. This pass reads, for each font
in the PDF, the installed font file's character map (fontTools) to know which characters share a glyph, and
sends the glyph to the one the document's own text uses, a radical to its ideograph, a ligature (ﬁ) to its
letters. Fonts it cannot find keep
their maps, except that Kangxi radicals fold to the ideographs Unicode declares them equivalent to (NFKC).
"""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
import zlib
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

#: CJK unified ideographs: the basic block, extension A, extensions B–I.
_UNIFIED = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2EBEF), (0x30000, 0x323AF))
#: Code points that look like ideographs but are not: radicals, Kangxi radicals, strokes.
LOOK_ALIKES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0x31C0, 0x31EF))
#: Latin ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ): Chromium draws "fi" with one glyph and maps it to U+FB01.
LIGATURES = (0xFB00, 0xFB06)


def is_unified(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _UNIFIED)


def is_look_alike(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in LOOK_ALIKES)


@lru_cache(maxsize=16)
def font_file(postscript_name: str) -> tuple[str, int] | None:
    """The installed font file and face index of a PostScript name (fontconfig), or None."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}\t%{index}\t%{postscriptname}", f":postscriptname={postscript_name}"],
                             capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    parts = out.split("\t")
    if len(parts) != 3 or parts[2] != postscript_name:  # fontconfig offers a fallback font: not this one
        return None
    return parts[0], int(parts[1] or 0)


@lru_cache(maxsize=16)
def glyph_groups(postscript_name: str) -> dict[int, tuple[int, ...]]:
    """For one installed font: each code point drawn with a glyph that others share → all of them."""
    found = font_file(postscript_name)
    if found is None:
        return {}
    from fontTools.ttLib import TTCollection, TTFont

    path, index = found
    font = TTCollection(path, lazy=True).fonts[index] if path.lower().endswith((".ttc", ".otc")) else \
        TTFont(path, lazy=True)
    by_glyph: dict[str, list[int]] = {}
    for cp, glyph in font.getBestCmap().items():
        by_glyph.setdefault(glyph, []).append(cp)
    return {cp: tuple(cps) for cps in by_glyph.values() if len(cps) > 1 for cp in cps}


def choose(cp: int, group: tuple[int, ...] | None, used: frozenset[int]) -> int:
    """The character a glyph stands for, where the map says `cp` and the font draws `group` with that glyph.

    Where the text the document was made from holds exactly one of them, that one (～ rather than 〜). A
    look-alike (a radical) gives way to the ideograph of its glyph. Otherwise the map's own choice stands."""
    if not group:
        folded = unicodedata.normalize("NFKC", chr(cp)) if is_look_alike(cp) else ""
        return ord(folded) if len(folded) == 1 and is_unified(ord(folded)) else cp
    in_text = [c for c in group if c in used]
    if len(in_text) == 1:
        return in_text[0]
    if is_look_alike(cp):
        unified = sorted(c for c in (in_text or group) if is_unified(c))
        if unified:
            return unified[0]
    return cp


def _character(ch: str, groups: dict[int, tuple[int, ...]], used: frozenset[int]) -> str:
    """What a mapped character should read as: a Latin ligature as its letters (ﬁ → fi), else `choose`."""
    if LIGATURES[0] <= ord(ch) <= LIGATURES[1]:
        return unicodedata.normalize("NFKC", ch)
    return chr(choose(ord(ch), groups.get(ord(ch)), used))


def _hex_text(h: str) -> str:
    return bytes.fromhex(h).decode("utf-16-be", errors="surrogatepass")


def _text_hex(text: str) -> str:
    return text.encode("utf-16-be", errors="surrogatepass").hex().upper()


_BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
_PAIR = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")
_RANGE = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])")


def parse_cmap(text: str) -> tuple[dict[str, str], int]:
    """A ToUnicode CMap's mappings (source code as hex → text) and the width of its codes in hex digits."""
    mapping: dict[str, str] = {}
    width = 2
    for block in _BFCHAR.findall(text):
        for src, dst in _PAIR.findall(block):
            mapping[src.upper()] = _hex_text(dst)
            width = len(src)
    for block in _BFRANGE.findall(text):
        for lo, hi, dst in _RANGE.findall(block):
            width = len(lo)
            first, last = int(lo, 16), int(hi, 16)
            if dst.startswith("["):
                targets = [_hex_text(h) for h in re.findall(r"<([0-9A-Fa-f]*)>", dst)]
            else:
                start = _hex_text(dst[1:-1])
                targets = [start[:-1] + chr(ord(start[-1]) + i) for i in range(last - first + 1)]
            for code, target in zip(range(first, last + 1), targets, strict=False):
                mapping[f"{code:0{len(lo)}X}"] = target
    return mapping, width


def write_cmap(mapping: dict[str, str], width: int) -> bytes:
    codes = sorted(mapping, key=lambda c: int(c, 16))
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def", "1 begincodespacerange",
             f"<{'0' * width}> <{'F' * width}>", "endcodespacerange"]
    for i in range(0, len(codes), 100):  # at most 100 entries a block (PDF 32000-1, 9.10.3)
        chunk = codes[i:i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{c}> <{_text_hex(mapping[c])}>" for c in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return ("\n".join(lines) + "\n").encode("ascii")


def _fonts(resources, seen: set[int]) -> Iterator:
    resources = resources.get_object() if resources is not None else None
    if not resources:
        return
    for font in (resources.get("/Font") or {}).values():
        obj = font.get_object()
        key = font.idnum if hasattr(font, "idnum") else id(obj)
        if key not in seen:
            seen.add(key)
            yield obj
            for sub in obj.get("/DescendantFonts") or ():
                yield sub.get_object()
            if "/Resources" in obj:  # a Type 3 font's glyphs may use fonts of their own
                yield from _fonts(obj["/Resources"], seen)
    for xobject in (resources.get("/XObject") or {}).values():
        x = xobject.get_object()
        key = xobject.idnum if hasattr(xobject, "idnum") else id(x)
        if key not in seen and "/Resources" in x:
            seen.add(key)
            yield from _fonts(x["/Resources"], seen)


def _postscript_name(font) -> str:
    name = str(font.get("/BaseFont") or "")
    descriptor = font.get("/FontDescriptor")
    if not name and descriptor is not None:
        name = str(descriptor.get_object().get("/FontName") or "")
    name = name.lstrip("/")
    return name.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", name) else name


def fix_text_maps(pdf: bytes, source: str = "", headings: tuple[str, ...] = ()) -> tuple[bytes, int]:
    """The PDF with every font's ToUnicode map sending each glyph to the character it was drawn for, and how
    many mappings changed: `source` is the text the document was made from (its HTML). Outline entries that
    Chromium names twice ("目标一览目标一览", for a heading at the top of a forced page) are given the
    `headings`' own words. A PDF with nothing to change comes back as it was.

    The changes are appended as an incremental update (PDF 32000-1, 7.5.6): the original bytes stay as they
    are, a new cross-reference section points at the new objects. Reading only the fonts and the outline and
    writing only what changed keeps this to a fraction of a second for a pack."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    used = frozenset(ord(ch) for ch in set(source))
    changed = 0
    seen: set[int] = set()
    updates: dict[int, bytes] = {}  # object number → its new body
    for page in reader.pages:
        for font in _fonts(page.get("/Resources"), seen):
            ref = font.get("/ToUnicode")
            if ref is None or not hasattr(ref, "idnum") or ref.idnum in updates:
                continue
            mapping, width = parse_cmap(ref.get_object().get_data().decode("latin-1"))
            groups = glyph_groups(_postscript_name(font))
            fixed = {code: "".join(_character(ch, groups, used) for ch in text) for code, text in mapping.items()}
            n = sum(fixed[c] != mapping[c] for c in mapping)
            if n:
                changed += n
                data = zlib.compress(write_cmap(fixed, width))
                updates[ref.idnum] = (f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode()
                                      + data + b"\nendstream")
    doubled = {h + h: h for h in headings}
    for num, item in _outline_items(reader):
        title = str(item.get("/Title", ""))
        if title in doubled:
            from pypdf.generic import NameObject, TextStringObject

            item[NameObject("/Title")] = TextStringObject(doubled[title])
            body = io.BytesIO()
            item.write_to_stream(body)
            updates[num] = body.getvalue()
            changed += 1
    if not changed:
        return pdf, 0
    return _append_update(pdf, reader.trailer, updates), changed


def _outline_items(reader) -> Iterator[tuple[int, Any]]:
    outlines = reader.trailer["/Root"].get("/Outlines")
    outlines = outlines.get_object() if outlines is not None else None
    stack = [outlines.raw_get("/First")] if outlines is not None and "/First" in outlines else []
    while stack:
        ref = stack.pop()
        item = ref.get_object()
        yield ref.idnum, item
        stack += [item.raw_get(k) for k in ("/Next", "/First") if k in item]


def _append_update(pdf: bytes, trailer, updates: dict[int, bytes]) -> bytes:
    """`pdf` with the objects `updates` replaced by an incremental update: the new objects, a cross-reference
    table for them, and a trailer that chains to the previous one."""
    prev = int(re.findall(rb"startxref\s+(\d+)", pdf[-2048:])[-1])
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets = {}
    for num in sorted(updates):
        offsets[num] = len(out)
        out += f"{num} 0 obj\n".encode() + updates[num] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for num in sorted(offsets):
        out += f"{num} 1\n{offsets[num]:010d} 00000 n \n".encode()
    entries = [f"/Size {int(trailer['/Size'])}", f"/Root {trailer.raw_get('/Root').idnum} 0 R", f"/Prev {prev}"]
    if "/Info" in trailer:
        entries.append(f"/Info {trailer.raw_get('/Info').idnum} 0 R")
    if "/ID" in trailer:
        entries.append("/ID [" + " ".join(f"<{bytes(x).hex()}>" for x in trailer["/ID"]) + "]")
    out += f"trailer\n<< {' '.join(entries)} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
