#!/usr/bin/env bash
# Install what the tests need (a venv, the package with its test extras, Debian's Chromium) and run them all.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "== installing Debian chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
echo "== installing casusbeeld with its test extras"
.venv/bin/pip install -q --disable-pip-version-check -e '.[test]' 2> >(grep -v "is ignored" >&2)

echo "== ruff"
.venv/bin/ruff check app models layouts tests bench scripts
echo "== pytest"
exec .venv/bin/python -m pytest "$@"
