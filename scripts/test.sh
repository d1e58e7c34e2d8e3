#!/usr/bin/env bash
# Set up (if needed), check the data, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python -m dashboard check
.venv/bin/ruff check dashboard tests benchmarks
.venv/bin/mypy dashboard
# Two workers, a test file to each (a file's server and browser fixtures are made once): about 7 minutes, not 10.
exec .venv/bin/python -m pytest -n 2 --dist loadfile "$@"
