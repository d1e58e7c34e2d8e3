"""Pages from templates (Jinja, every value escaped), and plotly figures as data the page draws.

Templates are in `templates/`, one per page kind, extending `base.html`. They receive the page's content
(`content.py`: text already in the page's language) and `t(key, **values)` for labels; data text is escaped
by Jinja's autoescape everywhere. Data text in element content goes through `zh_marked`, which on an English page
marks the Chinese terms inside it (never in an attribute: there it stays plain escaped text).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape
from plotly.utils import PlotlyJSONEncoder

from dashboard.present.text import mark_chinese
from dashboard.site.layout import HTML_LANG

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Drawing options of every chart: no toolbar over the plot (the page offers the downloads), resizing with the page.
CHART_CONFIG = {"displayModeBar": False, "responsive": True, "displaylogo": False}


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "xml"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["css_string"] = css_string
    env.filters["zh_marked"] = zh_marked
    return env


@pass_context
def zh_marked(context: Context, text: object) -> Markup:
    """Data text for element content, escaped; on a page not in Chinese its Chinese terms marked as Chinese."""
    escaped = escape(text)
    if context["html_lang"] == HTML_LANG["zh"]:
        return escaped
    return Markup(mark_chinese(str(escaped), HTML_LANG["zh"]))


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string (for `content:` in a print rule): every character but letters, digits, CJK and
    spaces as a CSS escape, so no quote, backslash or `</style>` in the data can end the string or the element."""
    out = []
    for ch in str(text):
        out.append(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} ")
    return Markup('"' + "".join(out) + '"')


def spec(fig: go.Figure, shared_template: dict | None) -> dict[str, Any]:
    """The figure as plotly.js reads it. Its template is left out when it is the site's shared one
    (`chart-template.js`, loaded once), which keeps each page a few kilobytes lighter."""
    d = fig.to_plotly_json()
    layout = dict(d.get("layout") or {})
    out: dict[str, Any] = {"data": d.get("data") or [], "layout": layout}
    template = layout.get("template")
    if template is not None and shared_template is not None and _plain(template) == shared_template:
        del layout["template"]
        out["shared_template"] = True
    return _rounded(out)


def plain_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """A figure built as plain data (`charts.goal_spec`): it carries no template, so plotly's default, which is
    the site's shared one, draws it."""
    return _rounded({"data": spec["data"], "layout": spec["layout"], "shared_template": True})


#: Significant digits a chart's positions keep on the site: a part in ten million of a value is far below a
#: pixel, and every number people read (labels, hover texts, ticks) is text or drawn from the axis range.
POSITION_DIGITS = 7


def _rounded(value: Any) -> Any:
    """The chart data with its floats at POSITION_DIGITS significant digits (plotly's own JSON writes all 17:
    a tenth of each page's chart data was digits nobody can see)."""
    if isinstance(value, float):
        return float(f"{value:.{POSITION_DIGITS}g}")
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    return value


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, cls=PlotlyJSONEncoder))


def template_of(fig: go.Figure) -> dict | None:
    t = fig.to_plotly_json().get("layout", {}).get("template")
    return None if t is None else _plain(t)


def script_json(value: Any) -> str:
    """JSON safe inside <script type="application/json">: no '<' can end the element or open a comment.
    The element's text is raw (no entities): only "</" (its end tag) and "<!" (a comment, which changes how the
    rest is read) could break out, so only those '<' are escaped; a chart's own <br> and <b> stay as they are
    (escaping every '<', '>' and '&' made the hover texts a third longer)."""
    text = json.dumps(value, cls=PlotlyJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return _BREAKS_OUT.sub("\\\\u003c", text)


_BREAKS_OUT = re.compile(r"<(?=[/!])")


def trace_types(fig: go.Figure | dict[str, Any]) -> set[str]:
    if isinstance(fig, dict):
        return {t.get("type", "scatter") for t in fig["data"]}
    return {t.type for t in fig.data}
