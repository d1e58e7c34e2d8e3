#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine, only what is missing:
# Debian packages (Chromium for static chart export and browser tests, a CJK font so Chinese is not
# drawn as boxes, TrueType CJK fonts that PDFs embed as CID fonts, poppler-utils to read PDFs back), then a
# virtual environment with pinned packages.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
# TrueType CJK fonts for print: Chromium embeds them in PDFs as CID fonts (Noto CJK's CFF outlines become Type 3)
fc-list "WenQuanYi Micro Hei" 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)
fc-list "AR PL UMing CN" 2>/dev/null | grep -q . || need+=(fonts-arphic-uming)
fc-list "AR PL UKai CN" 2>/dev/null | grep -q . || need+=(fonts-arphic-ukai)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing Debian packages: ${need[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv"
    "$PY" -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
    echo "setup: installing Python packages (pinned)"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -c constraints.txt -e ".[test]"
    touch "$stamp"
fi
