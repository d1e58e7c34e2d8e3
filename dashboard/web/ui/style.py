"""The few style rules Streamlit's theme does not give: links that look like links, status labels on their colours,
tables that become cards on a phone, the language switch in the top bar, headings sized for a phone.

One style block per page run (`inject`), drawn by Streamlit outside the page's flow.
"""

from __future__ import annotations

import streamlit as st

from dashboard.present.charts import STATUS_COLOURS

NARROW = 640  # px: Streamlit stacks columns below this width; tables turn into cards there too
LINK = "#0b57d0"  # 6.6:1 on white


def css() -> str:
    status = "\n".join(f".pt-s-{s} {{ background: {c}; }}" for s, c in STATUS_COLOURS.items())
    return f"""
<style>
[data-testid="stPageLink-NavLink"] p, [data-testid="stMarkdownContainer"] a, .pt-html a {{
  color: {LINK}; text-decoration: underline; text-underline-offset: 2px; }}
[data-testid="stPageLink-NavLink"] p {{ white-space: normal; overflow-wrap: anywhere; }}
[data-testid="stPageLink-NavLink"] {{ padding-left: 0; }}
.st-key-lang_switch {{ position: fixed; top: 0.55rem; right: 3.2rem; z-index: 999991; width: auto; }}
.st-key-lang_switch [data-testid="stPageLink-NavLink"] {{ background: #fff; border: 1px solid #c4c4c4;
  padding: 0.1rem 0.6rem; border-radius: 0.5rem; }}
.st-key-lang_switch [data-testid="stPageLink-NavLink"] p {{ text-decoration: none; font-weight: 600; }}
.pt-status {{ color: #000; font-weight: 700; padding: 0.05em 0.4em; border-radius: 0.3em; white-space: nowrap;
  border: 2px solid transparent; }}
.pt-status.pt-proxy {{ border: 2px dashed #000; }}
{status}
.pt-table {{ border-collapse: collapse; width: 100%; font-size: 0.92rem; table-layout: auto; }}
.pt-table th {{ text-align: left; border-bottom: 2px solid #bbb; padding: 0.35rem 0.5rem; vertical-align: bottom; }}
.pt-table td {{ border-bottom: 1px solid #e2e2e2; padding: 0.35rem 0.5rem; vertical-align: top; }}
.pt-table td.pt-num, .pt-table th.pt-num {{ text-align: right; white-space: nowrap; }}
[data-testid="stMainBlockContainer"] {{ padding-top: 4.5rem; }}
.pt-metrics td {{ font-size: 1.6rem; }}
.pt-metrics th {{ font-weight: 400; color: #444; }}
.pt-counts {{ width: auto; min-width: min(100%, 28rem); }}
.pt-goals {{ table-layout: fixed; }}
.pt-goals th:nth-child(1) {{ width: 20%; }} .pt-goals th:nth-child(2) {{ width: 13%; }}
.pt-goals th:nth-child(3) {{ width: 10%; }} .pt-goals th:nth-child(4) {{ width: 6%; }}
.pt-goals th:nth-child(5) {{ width: 11%; }} .pt-goals th:nth-child(6) {{ width: 9%; }}
.pt-goals td {{ overflow-wrap: anywhere; }}
/* A short cell's name or figure stays whole (克拉玛依市, 2%以内), broken only where it cannot fit a line. */
.pt-goals td:nth-child(-n+5), .pt-figures td:not(:last-child) {{ word-break: keep-all; overflow-wrap: break-word; }}
.pt-figures td:nth-child(2) {{ white-space: nowrap; }}  /* a span of years (2016—2020) stays on one line */
.pt-goals .pt-status {{ white-space: normal; display: inline-block; }}  /* a label with its years wraps in its column */
.pt-changes {{ table-layout: fixed; }}
.pt-changes th:nth-child(1) {{ width: 24%; }} .pt-changes th:nth-child(2) {{ width: 15%; }}
.pt-changes th:nth-child(3) {{ width: 15%; }} .pt-changes th:nth-child(4) {{ width: 18%; }}
.pt-changes td {{ overflow-wrap: anywhere; }}
[data-testid="stCaptionContainer"] {{ opacity: 1 !important; color: #555 !important; }}
[data-testid="stCaptionContainer"] p {{ color: #555 !important; }}
[data-testid="stMarkdownContainer"] blockquote, [data-testid="stMarkdownContainer"] blockquote p {{ color: #444 !important;
  opacity: 1 !important; }}
[data-testid="stMarkdownContainer"] h2 {{ font-size: 1.6rem; }}
.pt-cite {{ background: #f4f4f4; border-radius: 0.4rem; padding: 0.6rem 0.8rem; user-select: all;
  overflow-wrap: anywhere; }}
.pt-muted {{ color: #555; font-size: 0.88rem; }}
.pt-quote {{ border-left: 3px solid #bbb; margin: 0.3rem 0; padding: 0.1rem 0.6rem; }}
.pt-gloss {{ color: #444; font-style: italic; }}
.pt-card {{ border: 1px solid #ddd; border-radius: 0.5rem; padding: 0.6rem 0.8rem; margin: 0 0 0.6rem 0; }}
.pt-card p {{ margin: 0.15rem 0; }}
.pt-problem.pt-error {{ border-left: 5px solid #b3261e; }}
.pt-problem.pt-warning {{ border-left: 5px solid #b86e00; }}
.pt-problem p {{ overflow-wrap: anywhere; }}
.pt-badge {{ font-weight: 700; padding: 0.05em 0.45em; border-radius: 0.3em; color: #fff; }}
.pt-badge-error {{ background: #b3261e; }}
.pt-badge-warning {{ background: #8a5300; }}
.pt-groups {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); gap: 0.4rem 1.2rem; }}
.pt-group h3 {{ font-size: 1.05rem; margin: 0.6rem 0 0.2rem 0; padding: 0; }}
.pt-group ul {{ list-style: none; margin: 0; padding: 0; }}
.pt-group li {{ margin: 0.15rem 0; }}
.pt-group p {{ margin: 0.15rem 0; }}
@media (max-width: {NARROW}px) {{
  h1 {{ font-size: 1.75rem !important; }}
  h2 {{ font-size: 1.35rem !important; }}
  .pt-table.pt-figures {{ display: none !important; }}
  .pt-table:not(.pt-keep) thead {{ display: none; }}
  .pt-table:not(.pt-keep), .pt-table:not(.pt-keep) tbody, .pt-table:not(.pt-keep) tr,
  .pt-table:not(.pt-keep) td {{ display: block; width: 100%; }}
  .pt-table:not(.pt-keep) tr {{ border: 1px solid #ddd; border-radius: 0.5rem; padding: 0.3rem 0.6rem; margin-bottom: 0.5rem; }}
  .pt-table:not(.pt-keep) td {{ border: none; padding: 0.15rem 0; text-align: left !important; white-space: normal !important; }}
  .pt-table:not(.pt-keep) td[data-label]::before {{ content: attr(data-label); color: #555; font-size: 0.85rem;
    margin-right: 0.25em; }}
  .pt-table td.pt-first::before {{ content: none; }}
}}
/* Printed (a goal page for a file or a meeting): the page's words and charts only, no controls. */
@media print {{
  @page {{ size: A4; margin: 14mm 12mm; }}
  header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"], .st-key-lang_switch,
  [data-testid="stDownloadButton"], [data-testid="stButton"], [data-testid="stSelectbox"],
  [data-testid="stMultiSelect"], [data-testid="stTextInput"], [data-testid="stPopover"],
  [data-testid="stFileUploader"], [data-testid="stCheckbox"], [data-testid="stElementToolbar"],
  [data-testid="stPageLink"] {{ display: none !important; }}
  [data-testid="stMainBlockContainer"] {{ padding-top: 0 !important; max-width: none !important; }}
  .pt-card, .pt-table tr, .pt-quote, [data-testid="stPlotlyChart"] {{ break-inside: avoid; }}
  h1, h2, h3 {{ break-after: avoid; }}
}}
</style>
"""


def inject() -> None:
    st.html(css())
