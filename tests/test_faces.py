"""Every face states the same facts: for every goal in both languages, the app's goal page, the site's goal page
and the PDF's goal page show the same status label, basis, reason, deciding figure, progress figure, caveats and,
for a goal of another area than the plan's, that area.

The facts are read here from the judge's account by one rule each (the rule the goal view states); each face's
rendered output must contain every one of them, and a face shows a progress section exactly when there is a
progress figure. Text is compared with all whitespace removed (faces wrap and escape differently)."""

from __future__ import annotations

import html as _html
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.judge import Judge
from dashboard.judge.account import GoalAccount
from dashboard.present import export
from dashboard.present.export import pages
from dashboard.present.locale import LANGS, Locale
from dashboard.present.views.goal import progress_figure
from dashboard.site import layout
from dashboard.site.publish import publish

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "web" / "app.py")
DAY = __import__("datetime").date(2026, 12, 1)


def plain(markup: str) -> str:
    """A face's output as text with no whitespace: tags dropped, entities and Markdown escapes undone."""
    text = _html.unescape(re.sub(r"<[^>]+>", "", markup)).replace("\\", "")
    return re.sub(r"\s+", "", text)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def progress_facts(a: GoalAccount, loc: Locale) -> list[str]:
    e = progress_figure(a)
    if e is None or e.progress is None:
        return []
    p = e.progress
    out = []
    if p.completion is not None:
        out.append(loc.pct(p.completion))
    if p.time_share is not None:
        out.append(loc.pct(p.time_share))
    if p.growth_ratio is not None:
        out.append(f"{p.growth_ratio:.2f}")
    unit = p.pace_unit or a.goal.unit
    for pace in (p.pace_achieved, p.pace_asked, p.pace_needed):
        if pace is not None:
            out.append(loc.pace(pace, unit))
    return out


def facts(a: GoalAccount, loc: Locale) -> dict[str, list[str]]:
    """What every face must state about a goal, each as the words the locale gives it."""
    out: dict[str, list[str]] = {
        "status": [loc.goal_status(a) if hasattr(loc, "goal_status") else loc.status(a.status, a.basis)],
        "reason": [loc.reason(a.reason)],
        "caveats": [loc.reason(c) for c in a.caveats] + ([loc.pick(a.goal.notes, a.goal.notes_en)]
                                                         if a.goal.notes or a.goal.notes_en else []),
        "progress": progress_facts(a, loc),
        "area": [loc.goal_area(a.goal)] if loc.goal_area(a.goal) else [],  # a goal of another area says so
    }
    if a.deciding is not None:
        o = a.deciding.observation
        out["basis"] = [loc.basis(a.basis)]
        out["deciding"] = [loc.observed(o), loc.area(o.area)]
    return out


@pytest.fixture(scope="module")
def judged(real):
    data, _ = real
    judge = Judge(data)
    return data, judge, {a.goal.id: a for a in judge.accounts()}


@pytest.fixture(scope="module")
def site(tmp_path_factory, judged):
    data = judged[0]
    out = tmp_path_factory.mktemp("site")
    publish(data, out, images=False, base_url="https://example.org/plan/", today=DAY)
    return out


@pytest.fixture(scope="module")
def app(judged):
    """The app's goal page, run once per goal and language: its text with whitespace removed."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/goal.py")
    out: dict[tuple[str, str], str] = {}
    for lang in LANGS:
        for goal_id in judged[2]:
            at.query_params.clear()
            at.query_params["goal"] = goal_id
            if lang == "en":
                at.query_params["lang"] = "en"
            at.run()
            assert not at.exception, [e.value for e in at.exception]
            parts = [str(e.value) for kind in ("markdown", "caption", "warning", "info") for e in getattr(at, kind)]
            parts += [h.proto.body for h in at.get("html")]
            out[(lang, goal_id)] = "\n".join(parts)
    return out


def _face_texts(lang: str, goal_id: str, judged, site: Path, app) -> dict[str, str]:
    data, _, accounts = judged
    loc = Locale(lang, data)
    a = accounts[goal_id]
    path = site / layout.goal_page(export.safe_name(goal_id), lang)
    return {"app": app[(lang, goal_id)], "site": path.read_text(encoding="utf-8"),
            "pdf": pages.goal_page(a, loc, None)}


def test_every_face_states_the_same_facts(judged, site, app):
    data, _, accounts = judged
    wrong = []
    for lang in LANGS:
        loc = Locale(lang, data)
        for goal_id, a in accounts.items():
            faces = _face_texts(lang, goal_id, judged, site, app)
            for kind, items in facts(a, loc).items():
                for item in items:
                    for face, text in faces.items():
                        if squeeze(item) not in plain(text):
                            wrong.append(f"{lang} {goal_id} {face}: {kind} {item!r} missing")
    assert not wrong, f"{len(wrong)} facts missing:\n" + "\n".join(wrong[:60])


def test_a_face_shows_progress_exactly_when_there_is_a_progress_figure(judged, site, app):
    data, _, accounts = judged
    wrong = []
    for lang in LANGS:
        loc = Locale(lang, data)
        heading = loc.t("ui.goal.progress", year=2000).split("2000")[0]
        headings = {"app": ["## " + heading], "site": ['id="h-progress"'], "pdf": [f"<p class=label>{heading}"]}
        for goal_id, a in accounts.items():
            faces = _face_texts(lang, goal_id, judged, site, app)
            expected = bool(progress_facts(a, loc))
            for face, text in faces.items():
                shown = any(h in text.replace("\\", "") for h in headings[face])
                if shown != expected:
                    wrong.append(f"{lang} {goal_id} {face}: progress shown={shown}, expected={expected}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("module", ["goal", "overview", "table", "documents", "coherence", "methodology"])
def test_each_view_imports_first(module):
    """A face imports its view before anything else (a Streamlit page does): no import cycle through export."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", f"import dashboard.present.views.{module}"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
