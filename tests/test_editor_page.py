"""The editor page through AppTest: absent from the public dashboard, inert if opened there; in editor mode it
offers the template and the uploads. (Uploading and saving are driven in a real browser: test_browser_editor.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.web.serve import EDITOR_ENV, environment

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "web" / "app.py")


@pytest.fixture(autouse=True)
def project_data(monkeypatch, real):
    monkeypatch.delenv("PLAN_TRACKER_DATA", raising=False)
    monkeypatch.delenv(EDITOR_ENV, raising=False)


def test_public_dashboard_does_not_register_the_editor_page():
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    with pytest.raises(Exception):  # noqa: B017 - not a page of the public app
        at.switch_page("views/editor.py").run()


def test_the_editor_view_alone_in_public_mode_shows_a_notice_and_no_upload():
    at = AppTest.from_file(str(Path(APP).parent / "views" / "editor.py"), default_timeout=60)
    at.run()
    assert not at.exception
    assert at.info and "serve --editor" in at.info[0].value
    assert not at.get("file_uploader") and not at.get("download_button")


def test_editor_mode_offers_the_template_and_the_uploads(monkeypatch):
    from streamlit import config

    monkeypatch.setenv(EDITOR_ENV, "1")
    monkeypatch.delenv("PLAN_TRACKER_EDITOR_PASSWORD", raising=False)
    monkeypatch.delenv("PLAN_TRACKER_EDITOR_PASSWORD_HASH", raising=False)
    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")  # loopback: the page is open without a password
    try:
        _offers(AppTest.from_file(APP, default_timeout=60))
    finally:
        config.set_option("server.address", before)


def _offers(at: AppTest) -> None:
    at.run()
    at.switch_page("views/editor.py").run()
    assert not at.exception
    # the document to propose from, then the workbook and its source text, then a new plan's workbook and text
    assert [u.key for u in at.get("file_uploader")] == ["propose_file", "editor_workbook", "editor_source",
                                                         "plan_workbook", "plan_source"]
    assert len(at.get("download_button")) == 1
    assert "上传表格后" in at.info[0].value
    assert "上传目标表和规划原文后" in at.info[1].value  # the new plan's section waits for its fields and files


def test_serve_sets_editor_mode_only_when_asked(monkeypatch):
    monkeypatch.setenv(EDITOR_ENV, "1")  # inherited from a shell: not editor mode unless --editor
    assert EDITOR_ENV not in environment(None, None)
    assert environment(None, None, editor=True)[EDITOR_ENV] == "1"
