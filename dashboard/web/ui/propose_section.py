"""The editor page's section "从文件中提取 / Propose from a document" (only with `serve --editor`): upload a document,
see the figures the program proposes with each quote marked in its sentence, tick the right ones, preview what the
import would change, save. It goes through the same path as the command line: the proposals are laid into the
import's template (ticked rows confirmed 是, the others 否), read back and checked by `records/importer.py`, so the
problems and the preview are the import's own. Called from views/editor.py by one line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import streamlit as st

from dashboard.present.changes import compare, figure_lines, goal_table, goals_heading
from dashboard.present.locale import Locale
from dashboard.reader import propose, workbook
from dashboard.reader.files import FORMATS, DocumentText, read_bytes
from dashboard.reader.reading import WHY
from dashboard.records import importer, sheet
from dashboard.records.errors import DataError
from dashboard.records.yaml_files import fingerprint
from dashboard.web.ui import common as ui

_SENTENCE_END = "。！？；!?;\n"
_BEFORE_NUMBER = {"约", "近", "达", "达到", "超过", "不到", "不超过", "低于", "突破", "高于"}  # the rest follow it
_MARKUP = re.compile(r"^(#+ |\s*- )?(.*)$")


def sentence_html(text: str, start: int, end: int, reach: int = 80) -> str:
    """The sentence holding text[start:end], escaped, with that span marked (at most `reach` characters each side)."""
    left = max((text.rfind(ch, max(0, start - reach), start) for ch in _SENTENCE_END), default=-1) + 1
    left = max(left, start - reach)
    ends = [i for i in (text.find(ch, end, end + reach) for ch in _SENTENCE_END) if i >= 0]
    right = min(ends) + 1 if ends else min(len(text), end + reach)
    before, quote, after = text[left:start], text[start:end], text[end:right]
    return (("…" if left > 0 and text[left - 1] not in _SENTENCE_END else "") + ui.h(before.lstrip())
            + f'<mark style="background:#ffe866;color:#000">{ui.h(quote)}</mark>' + ui.h(after.rstrip()) + ("…" if right < len(text) and
                                                                      text[right - 1] not in _SENTENCE_END else ""))


def _preview_markdown(preview: list[str]) -> str:
    out = []
    for line in preview:
        markup, rest = _MARKUP.match(line).groups()  # type: ignore[union-attr]
        markup = "##### " if markup and markup.startswith("#") else markup
        out.append((markup or "") + ui.esc(rest.replace("`", "")))
    return "\n".join(out)


def proposal_label(k: int, p, L: Locale, indicators: dict[str, str], areas: dict[str, str]) -> str:
    """One line naming the proposal: number, indicator, measure, value with its qualifier and unit, year, area."""
    name = indicators.get(p.indicator, "") if p.indicator else ""
    what = f"{name} ({p.indicator})" if p.indicator else L.t("propose.unmatched", name=p.indicator_name)
    when = str(p.year) if p.year is not None else L.years(*p.period) if p.period else L.t(
        "propose.no_year")
    where = areas.get(p.area, p.area) if p.area else (L.t("propose.unmatched", name=p.area_name) if p.area_name
                                                      else L.t("propose.no_area"))
    value = f"{p.value:g}" if isinstance(p.value, float) else str(p.value)
    figure = f"{value}{p.unit}"
    if p.qualifier:
        figure = f"{p.qualifier}{figure}" if p.qualifier in _BEFORE_NUMBER else f"{figure}{p.qualifier}"
    parts = [f"{k + 1}. {what}", p.measure, figure, when, where]
    if p.caliber:
        parts.append(p.caliber)
    return " · ".join(parts)


def _read(data: bytes, name: str) -> DocumentText:
    key = hashlib.sha256(name.encode() + b"\0" + data).hexdigest()
    kept = st.session_state.get("propose_doc")
    if kept is None or kept[0] != key:
        kept = (key, read_bytes(data, name))
        st.session_state["propose_doc"] = kept
    return kept[1]


def _years(text: str) -> int | str | None:
    text = text.strip()
    return int(text) if text.isdigit() else text or None


def render(S, L: Locale, lang: str, root: Path, sources: Path) -> None:
    dataset = S.dataset
    st.subheader(L.t("propose.title"))
    st.caption(L.t("propose.intro"))
    upload = st.file_uploader(L.t("propose.upload"), type=[s.lstrip(".") for s in FORMATS], key="propose_file")
    if upload is None:
        return
    data = upload.getvalue()
    try:
        with st.spinner(L.t("propose.reading")):
            doc = _read(data, upload.name)
    except DataError as exc:
        for p in exc.problems:
            st.error(ui.esc(p.located(lang)))
        return
    for p in doc.problems:
        st.warning(ui.esc(p.located(lang)))
    st.caption(ui.esc(L.t("propose.read", name=doc.name, format=doc.format,
                          encoding=f", {doc.encoding}" if doc.encoding else "", chars=len(doc.text))))

    record = workbook.known_document(dataset, upload.name)
    areas = [""] + [a.id for a in dataset.areas]
    area_label = {a.id: f"{L.pick(a.name, a.name_en)} ({a.id})" for a in dataset.areas} | {
        "": L.t("propose.area_none")}
    if record is not None:
        recorded = sum(1 for o in dataset.observations if o.document == record.id)
        st.info(ui.esc(L.t("propose.known", id=record.id, title=record.title, n=recorded)))
        year: int | None = propose.reported_year(record)
        area: str | None = record.area
    else:
        c1, c2 = st.columns(2)
        year = c1.number_input(L.t("propose.year"), min_value=1949, max_value=2100, value=None, step=1,
                               help=L.t("propose.year_help"), key="propose_year")
        area = c2.selectbox(L.t("propose.area"), areas, format_func=lambda a: area_label[a], help=L.t("propose.area_help"),
                            key="propose_area") or None
    proposals = propose.propose_figures(doc.text, dataset, year=int(year) if year else None, area=area,
                                        years=record.years if record else None)
    new = workbook.new_proposals(proposals, dataset, record)
    if not new:
        st.info(L.t("propose.none"))
        return

    # ---- the proposals: each with its box to tick, and its quote marked in its sentence ------------------------
    st.markdown(L.t("propose.count", n=len(new)))
    indicators = {i.id: L.pick(i.name, i.name_en) for i in dataset.indicators}
    area_names = {a.id: L.pick(a.name, a.name_en) for a in dataset.areas}
    ticked: set[int] = set()
    tick_key = st.session_state["propose_doc"][0][:12]
    for k, p in enumerate(new):
        with st.container(border=True, key=f"propose_row_{k}"):
            if st.checkbox(ui.esc(proposal_label(k, p, L, indicators, area_names)), key=f"propose_use_{tick_key}_{k}"):
                ticked.add(k)
            page = doc.page_of(p.start)
            where = f" · {L.t('propose.page', n=page)}" if page else ""
            ui.html(f'<div class="pt-proposal"><div>{sentence_html(doc.text, p.start, p.end)}</div>'
                    f'<div style="color:#555;font-size:0.88rem">{ui.h(L.t("propose.col.why"))}{ui.h(L.colon)}'
                    f'{ui.h(L.pick(*WHY[p.why]) if p.why in WHY else p.why)}{ui.h(where)}</div></div>')

    # ---- the document's fields --------------------------------------------------------------------------------
    if record is not None:
        document = workbook.document_cells(doc, record, year=None, area=None)
        force = st.checkbox(L.t("propose.replace", file=f"actuals/{record.id}.yaml"), key="propose_force")
    else:
        force = False
        with st.expander(L.t("propose.document"), expanded=bool(ticked)):
            d1, d2 = st.columns(2)
            document = {
                "file": doc.text_name,
                "title": d1.text_input(L.t("propose.doc.title"), value=doc.title, key="propose_title"),
                "title_en": d2.text_input(L.t("propose.doc.title_en"), key="propose_title_en"),
                "publisher": d1.text_input(L.t("propose.doc.publisher"), key="propose_publisher"),
                "published": d2.date_input(L.t("propose.doc.published"), value=None, key="propose_published",
                                           min_value=dt.date(1949, 1, 1)),
                "published_basis": d1.selectbox(L.t("propose.doc.basis"), ["stated", "inferred"],
                                                format_func=lambda b: L.t(f"propose.doc.basis.{b}"),
                                                key="propose_basis"),
                "years": _years(d2.text_input(L.t("propose.doc.years"), value=str(year or ""),
                                               key=f"propose_years_{year}")),
                "area": area,
            }
    st.download_button(L.t("propose.download"),
                       data=lambda: workbook.figures_workbook_bytes(doc, proposals, dataset, record=record,
                                                                    document=document, ticked=ticked),
                       file_name=f"{Path(doc.name).stem}.xlsx", key="propose_download",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    if not ticked:
        st.info(L.t("propose.tick_first"))
        return
    missing = [k for k in ("title", "title_en", "publisher", "published", "years", "area") if not document.get(k)]
    if missing:  # say it in the form's words, before the import would say it in the workbook's
        st.warning(L.t("propose.fill_document", fields=L.join(L.t(f"propose.doc.{k}") if k != "area" else
                                                              L.t("propose.area") for k in missing)))
        return

    # ---- problems and the preview: the import's own, of the ticked rows ------------------------------------
    source_name = record.file if record is not None else doc.text_name
    source_bytes = data if doc.format == "txt" else doc.text.encode("utf-8")
    wb = workbook.figures_workbook_bytes(doc, proposals, dataset, record=record, document=document, ticked=ticked)
    key = (hashlib.sha256(wb + source_bytes + bytes([force])).hexdigest(), fingerprint(root, sources))
    kept = st.session_state.get("propose_outcome")
    if kept is None or kept[0] != key:
        with st.spinner(L.t("editor.checking")):
            filled = sheet.read(wb, f"{Path(doc.name).stem}.xlsx")
            outcome = importer.check(root, sources, filled, (source_name, source_bytes), force=force)
            kept = (key, outcome, compare(outcome.before[0], outcome.after[0]))
        st.session_state["propose_outcome"] = kept
    _, outcome, changes = kept
    st.markdown(f"**{ui.esc(L.t('propose.preview', n=len(ticked)))}**")
    problems = [p for p in outcome.problems + outcome.elsewhere if p.code != "proposal-unconfirmed"]
    for p in problems:
        (st.error if p.severity == "error" else st.warning)(ui.esc(p.located(lang)))
    after_locale = Locale(lang, outcome.after[0])
    if changes.empty:
        st.markdown(ui.esc(after_locale.t("changes.nothing")))
    else:
        st.markdown(_preview_markdown([goals_heading(changes, after_locale)]))
        if changes.goals:
            head, rows = goal_table(changes, after_locale)
            ui.html(ui.html_table(head, ([ui.h(c) for c in r] for r in rows), after_locale.colon, cls="pt-changes"))
        st.markdown(_preview_markdown(figure_lines(changes, after_locale)))
    targets = [str(p) for p in (outcome.source_target, outcome.target) if p is not None]
    st.caption(ui.esc(L.t("import.would_write", files=L.join(targets))))
    if st.button(L.t("propose.save"), type="primary", disabled=not outcome.ok, key="propose_save"):
        try:
            written = importer.write(outcome)
        except (OSError, DataError) as exc:
            st.error(ui.esc(L.t("editor.save_failed", why=exc)))
        else:
            st.session_state.pop("propose_outcome", None)
            st.success(ui.esc(L.t("import.written", files=L.join(str(p) for p in written))))
    elif not outcome.ok:
        st.caption(L.t("editor.fix_first"))
