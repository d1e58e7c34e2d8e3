"""`python -m dashboard serve`: run the Streamlit app with production settings and return its exit code."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from dashboard.records.sources import ENV_VAR as SOURCES_ENV
from dashboard.records.sources import PROJECT_ROOT
from dashboard.web import guard

APP = Path(__file__).resolve().parent / "app.py"
#: The data folder (holding targets/ and actuals/) the app reads; dashboard/ui/state.py looks here.
DATA_ENV = "PLAN_TRACKER_DATA"
#: Set to 1 by `serve --editor`: the app then shows the data-entry page (never in the public default).
EDITOR_ENV = "PLAN_TRACKER_EDITOR"


def command(port: int, address: str) -> list[str]:
    """The streamlit command line (option names checked against `streamlit config show`, 1.67)."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.port", str(port),
        "--server.address", address,
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "viewer",
        "--client.showErrorDetails", "none",
    ]


def environment(data: Path | None, sources: Path | None, editor: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    env.pop(EDITOR_ENV, None)  # editor mode only when asked for on this command line
    if editor:
        env[EDITOR_ENV] = "1"
    if data is not None:
        env[DATA_ENV] = str(Path(data).resolve())
    if sources is not None:
        env[SOURCES_ENV] = str(Path(sources).resolve())
    return env


def listen_address(address: str | None, editor: bool) -> str:
    """The address to listen on: as given; else this machine only for the editor, every interface for the public."""
    if address:
        return address
    return "127.0.0.1" if editor else "0.0.0.0"


def refusal(address: str, editor: bool, env: dict[str, str] | None = None) -> str | None:
    """Why `serve` must not start (in both languages), or None: an editor reachable from the network needs a
    password (the page would refuse every visitor anyway; better to say so before the server starts)."""
    if not editor:
        return None
    env = dict(os.environ) if env is None else env
    secret = guard.Secret.from_env(env)
    from dashboard.present.locale import Locale

    both = lambda key, **kw: "\n".join(Locale(lang).t(key, **kw) for lang in ("zh", "en"))  # noqa: E731
    names = {"env": guard.PASSWORD_ENV, "hash_env": guard.PASSWORD_HASH_ENV}
    if secret is not None and secret.hashed and not guard.valid_hash(secret.hashed):
        return both("serve.bad_hash", **names)
    if guard.access(address, secret) == "refused":
        return both("serve.refused", address=address, **names)
    return None


def serve(port: int = 8501, address: str | None = None, data: Path | None = None, sources: Path | None = None,
          editor: bool = False) -> int:
    """Run Streamlit until it stops; return its exit code (2, without starting, when `refusal` says no).

    The project folder is the working directory, so .streamlit/config.toml applies. SIGTERM is passed on to
    Streamlit (so stopping this process never leaves a server behind); Ctrl-C reaches both already."""
    address = listen_address(address, editor)
    if (why := refusal(address, editor)) is not None:
        print(why, file=sys.stderr)
        return 2
    cmd = command(port, address)
    if editor:  # uploads no larger than a data file may be (PLAN_TRACKER_MAX_FILE_MB)
        from dashboard.records.yaml_files import max_file_bytes

        cmd += ["--server.maxUploadSize", str(max(1, -(-max_file_bytes() // (1024 * 1024))))]
    proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=environment(data, sources, editor))

    def forward(signum, _frame):
        proc.send_signal(signum)

    previous = signal.signal(signal.SIGTERM, forward)
    try:
        try:
            return proc.wait()
        except KeyboardInterrupt:  # Streamlit got the same Ctrl-C and is shutting down: give it a moment
            try:
                return proc.wait(timeout=10)
            except (KeyboardInterrupt, subprocess.TimeoutExpired):
                proc.kill()
                return proc.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
