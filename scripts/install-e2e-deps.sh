#!/usr/bin/env bash
# Installs the Debian 12 packages the browser tests (tests/e2e) need, and only those missing:
# Node.js with npm to run them, Debian's chromium to drive (no browser is ever downloaded), and a
# font for the screenshots. Quiet when everything is present, so tests/e2e/run.sh calls it every time.
# A node and npm already on the PATH (a newer Node.js, say) are used as they are.
set -euo pipefail

packages=(chromium fonts-dejavu-core)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

exec "$(dirname "$0")/install-deps.sh" "${packages[@]}"
