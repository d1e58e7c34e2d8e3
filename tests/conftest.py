from __future__ import annotations

import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
MINIMAL = HERE / "data" / "minimal"
INVALID = HERE / "data" / "invalid"
PROJECT = HERE.parent
SHARED_SOURCES = PROJECT.parent / "shared" / "sources"


@pytest.fixture
def minimal_root(tmp_path: Path) -> Path:
    """A copy of the small valid data set, safe to break."""
    root = tmp_path / "data"
    shutil.copytree(MINIMAL, root)
    return root


@pytest.fixture(scope="session")
def real():
    """The project's real data, loaded against the shared source documents."""
    from dashboard.records.load import load

    if not SHARED_SOURCES.is_dir():
        pytest.skip("shared source documents not present")
    return load(PROJECT, SHARED_SOURCES)
