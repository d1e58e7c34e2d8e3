"""The editor's desk, guarded: loopback only or behind a password (constant-time, tries counted per process);
`serve --editor` listens on 127.0.0.1 and refuses an open address without a password; saves are logged and files
written 0644."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from dashboard.cli import main
from dashboard.records import importer
from dashboard.web import guard, serve
from dashboard.web.serve import EDITOR_ENV

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "web" / "app.py")


# ---------------------------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(("address", "loopback"), [
    ("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("0.0.0.0", False), ("", False), (None, False), ("192.168.1.5", False), ("::", False), ("example.org", False),
])
def test_loopback_addresses(address, loopback):
    assert guard.is_loopback(address) is loopback


def test_access_open_only_on_loopback_without_a_password():
    secret = guard.Secret(plain="s3cret")
    assert guard.access("127.0.0.1", None) == "open"
    assert guard.access("0.0.0.0", None) == "refused"
    assert guard.access(None, None) == "refused"  # `streamlit run` with no address listens on every interface
    assert guard.access("0.0.0.0", secret) == "password"
    assert guard.access("127.0.0.1", secret) == "password"  # configured: always asked


def test_plain_and_hashed_passwords_match_only_themselves():
    hashed = guard.hash_password("金丝 rope", iterations=1000)
    assert hashed.startswith("pbkdf2_sha256$1000$") and guard.valid_hash(hashed)
    assert guard.Secret(hashed=hashed).matches("金丝 rope")
    assert not guard.Secret(hashed=hashed).matches("金丝 Rope")
    assert guard.Secret(plain="abc").matches("abc") and not guard.Secret(plain="abc").matches("abcd")
    assert not guard.Secret(hashed="pbkdf2_sha256$x$zz$yy").matches("")  # malformed: nobody gets in
    assert not guard.valid_hash("sha1$1$00$00")


def test_secret_from_the_environment():
    assert guard.Secret.from_env({}) is None
    assert guard.Secret.from_env({guard.PASSWORD_ENV: ""}) is None
    assert guard.Secret.from_env({guard.PASSWORD_ENV: "x"}) == guard.Secret(plain="x")


def test_tries_are_limited_and_the_window_slides():
    secret, tries = guard.Secret(plain="right"), guard.Tries(limit=3, window=100)
    assert not tries.attempt(secret, "wrong", now=0)
    assert not tries.attempt(secret, "wrong", now=1)
    assert tries.attempt(secret, "right", now=2)  # a right one does not reset the count
    assert not tries.attempt(secret, "wrong", now=3)
    assert tries.locked(now=4)
    assert not tries.attempt(secret, "right", now=5)  # locked: even the right password is refused
    assert tries.wait_seconds(now=5) == 96
    assert tries.attempt(secret, "right", now=101)  # the first wrong try has left the window


# ---------------------------------------------------------------------------------------------- serve


class _FakeProc:
    def __init__(self, cmd, **kw):
        _FakeProc.cmd, _FakeProc.env = cmd, kw["env"]

    def wait(self, timeout=None):
        return 0

    def send_signal(self, signum):
        pass


@pytest.fixture
def no_password(monkeypatch):
    monkeypatch.delenv(guard.PASSWORD_ENV, raising=False)
    monkeypatch.delenv(guard.PASSWORD_HASH_ENV, raising=False)
    monkeypatch.setattr(subprocess, "Popen", _FakeProc)
    _FakeProc.cmd = None


def _address(cmd) -> str:
    return cmd[cmd.index("--server.address") + 1]


def test_serve_editor_listens_on_loopback_unless_told(no_password):
    assert serve.serve(editor=True) == 0
    assert _address(_FakeProc.cmd) == "127.0.0.1" and _FakeProc.env[EDITOR_ENV] == "1"
    assert serve.serve() == 0
    assert _address(_FakeProc.cmd) == "0.0.0.0"  # the public dashboard, no upload: every interface


def test_serve_editor_on_an_open_address_without_a_password_is_refused(no_password, capsys):
    assert main(["serve", "--editor", "--address", "0.0.0.0"]) == 2
    assert _FakeProc.cmd is None  # nothing started
    err = capsys.readouterr().err
    assert "拒绝启动" in err and "Refused" in err and guard.PASSWORD_ENV in err and "TLS" in err


def test_serve_editor_on_an_open_address_with_a_password_starts(no_password, monkeypatch):
    monkeypatch.setenv(guard.PASSWORD_HASH_ENV, guard.hash_password("pw", iterations=1000))
    assert main(["serve", "--editor", "--address", "0.0.0.0"]) == 0
    assert _address(_FakeProc.cmd) == "0.0.0.0"


def test_a_malformed_hash_stops_serve(no_password, monkeypatch, capsys):
    monkeypatch.setenv(guard.PASSWORD_HASH_ENV, "not-a-hash")
    assert main(["serve", "--editor"]) == 2
    assert "editor-password" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------- the page


@pytest.fixture
def editor_app(monkeypatch, real):
    monkeypatch.delenv("PLAN_TRACKER_DATA", raising=False)
    monkeypatch.delenv(guard.PASSWORD_HASH_ENV, raising=False)
    monkeypatch.setenv(EDITOR_ENV, "1")
    before = st_config.get_option("server.address")
    yield
    st_config.set_option("server.address", before)


def _editor(address: str | None) -> AppTest:
    st_config.set_option("server.address", address)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/editor.py").run()
    assert not at.exception
    return at


def test_page_on_an_open_address_without_a_password_offers_no_upload(editor_app, monkeypatch):
    monkeypatch.delenv(guard.PASSWORD_ENV, raising=False)
    at = _editor(None)
    assert not at.get("file_uploader") and not at.text_input
    assert guard.PASSWORD_ENV in at.error[0].value


def test_page_asks_for_the_password_and_counts_tries_per_process(editor_app, monkeypatch):
    monkeypatch.setenv(guard.PASSWORD_ENV, "open sesame")
    at = _editor("0.0.0.0")
    assert not at.get("file_uploader")
    assert at.text_input[0].label == "编辑密码"
    at.text_input[0].input("wrong")
    at.button[0].click().run()
    assert "密码不对" in at.error[0].value and not at.get("file_uploader")
    at.text_input[0].input("open sesame")
    at.button[0].click().run()
    assert {u.key for u in at.get("file_uploader")} >= {"editor_workbook", "editor_source"}


def test_save_log_and_file_mode(tmp_path):
    importer.atomic_write(tmp_path / "a.yaml", b"x: 1\n")
    assert stat.S_IMODE(os.stat(tmp_path / "a.yaml").st_mode) == 0o644


def test_logs_folder_is_ignored_by_git():
    ignore = (Path(APP).parents[2] / ".gitignore").read_text(encoding="utf-8").split()
    assert "/logs/" in ignore


def test_the_log_line(tmp_path, minimal_root):
    from dashboard.records import sheet
    from dashboard.records.load import load
    from tests.workbooks import fill, from_dataset

    data, _ = load(minimal_root, minimal_root / "sources")
    (minimal_root / "actuals" / "doc-report.yaml").unlink()
    template = tmp_path / "t.xlsx"
    sheet.write_template(template, data)
    doc, rows = from_dataset(data, "doc-report")
    book = fill(template, tmp_path / "f.xlsx", doc, rows)
    assert main(["--data", str(minimal_root), "--sources", str(minimal_root / "sources"), "import", str(book),
                 "--editor-name", "  王 编辑 "]) == 0
    lines = (minimal_root / "logs" / "editor.log").read_text(encoding="utf-8").splitlines()
    entry = json.loads(lines[-1])
    assert entry["editor"] == "王 编辑" and entry["document"] == "doc-report" and entry["figures"] == len(rows)
    assert entry["files"][-1].endswith("doc-report.yaml") and entry["when"].endswith("+00:00")
    written = minimal_root / "actuals" / "doc-report.yaml"
    assert stat.S_IMODE(os.stat(written).st_mode) == 0o644
