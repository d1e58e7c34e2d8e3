"""Where everything lives in the published site, and how one page links to another.

Every link is relative, so the site works from any folder of any web server or bucket (`https://host/`,
`https://host/reviews/2026/`, a snapshot under `snapshots/<name>/`) with no server configuration.
"""

from __future__ import annotations

import posixpath

from dashboard.present.locale import LANGS

HTML_LANG = {"zh": "zh-Hans", "en": "en"}
#: Page kinds of each language, and their paths under /<lang>/.
PAGES = {
    "overview": "index.html",
    "table": "goals.html",
    "documents": "documents.html",
    "coherence": "coherence.html",
    "methodology": "methodology.html",
}
NAV = ("overview", "table", "documents", "coherence", "methodology")
NAV_KEYS = {"overview": "ui.page.overview", "table": "ui.page.table", "documents": "ui.page.documents",
            "coherence": "ui.page.coherence", "methodology": "ui.page.methodology"}
CONTRACT = "data/assessment.json"
TABLE_CSV = "data/goals.csv"
GZIP = ".gz"  # a data file published compressed (publish --gzip-data) is named with this after its own name
SNAPSHOTS = "snapshots"


#: Pages of one plan: the first plan's at the addresses of the one-plan site (old links keep working), a later
#: plan's in its own folder, `<lang>/plan/<plan-id>/`.
PLAN_PAGES = ("overview", "table")
PLANS_PAGE = "plans.html"  # every plan, when there are more than the switcher names (publish.SWITCHER_PLANS)
PLAN_DIR = "plan"
INDICATOR_DIR = "indicator"


def page(kind: str, lang: str, plan: str | None = None) -> str:
    """A page of a language; `plan`: a later plan's id, for its overview and goal table (None: the first plan's)."""
    if plan and kind in PLAN_PAGES:
        return f"{lang}/{PLAN_DIR}/{plan}/{PAGES[kind]}"
    return f"{lang}/{PAGES[kind]}"


def plans_page(lang: str) -> str:
    return f"{lang}/{PLANS_PAGE}"


def indicator_page(indicator_file: str, lang: str) -> str:
    """One indicator across plans: every plan's targets and every figure of it."""
    return f"{lang}/{INDICATOR_DIR}/{indicator_file}.html"


def goal_page(goal_file: str, lang: str) -> str:
    return f"{lang}/goal/{goal_file}.html"


def chart_image(goal_file: str, lang: str, fmt: str) -> str:
    return f"charts/{lang}/{goal_file}.{fmt}"


def goal_csv(goal_file: str, lang: str) -> str:
    """A goal's figures, headers and words in one language (present/figures.py)."""
    return f"data/{lang}/{goal_file}-figures.csv"


def data_file(path: str, gzipped: bool) -> str:
    """Where a data file (the contract, a CSV) is published: its own path, or with `.gz` when compressed."""
    return path + GZIP if gzipped else path


def other_language(path: str) -> str:
    """The same page in the other language: zh/goal/x.html ↔ en/goal/x.html (pages outside a language stay)."""
    head, _, rest = path.partition("/")
    if head not in LANGS:
        return path
    other = LANGS[1 - LANGS.index(head)]
    return f"{other}/{rest}"


def root_of(path: str) -> str:
    """The relative prefix from a page back to the site's root: '' for index.html, '../' for zh/index.html."""
    return "../" * path.count("/")


def href(from_path: str, to_path: str) -> str:
    """A relative link from one file of the site to another."""
    rel = posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
    return rel
