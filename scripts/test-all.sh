#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, then runs every test:
# typecheck, lint, unit tests and the Playwright suite in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

find_chromium() {
  for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}

if ! CHROMIUM_PATH="$(find_chromium)"; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's chromium…"
    apt-get update -q && apt-get install -y -q chromium
    CHROMIUM_PATH=/usr/bin/chromium
  else
    echo "No Chromium found: set CHROMIUM_PATH, or run as root to apt-get install chromium." >&2
    exit 1
  fi
fi
export CHROMIUM_PATH

# The export tests run the generated PyTorch code with Debian's python3-torch; the
# evaluation tests regenerate their reference values with Debian's python3-sklearn.
if ! /usr/bin/python3 -c 'import torch, numpy, sklearn' >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's python3-torch and python3-sklearn…"
    apt-get update -q && apt-get install -y -q python3-torch python3-numpy python3-sklearn
  else
    echo "python3-torch or python3-sklearn is missing: run as root, or apt-get install python3-torch python3-numpy python3-sklearn." >&2
    exit 1
  fi
fi
echo "Using browser: $CHROMIUM_PATH ($("$CHROMIUM_PATH" --version 2>/dev/null || echo unknown))"

npm ci --no-audit --no-fund
npm run typecheck
npm run lint
npm run test:unit
npm run test:e2e
# The bench harness at tiny sizes, so it never rots (no timing judgements).
npm run bench -- --smoke
