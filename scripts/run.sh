#!/usr/bin/env bash
# Set up (if needed) and serve the dashboard: http://localhost:${PORT:-8501}
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python -m dashboard serve --port "${PORT:-8501}" "$@"
