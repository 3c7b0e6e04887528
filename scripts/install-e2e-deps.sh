#!/usr/bin/env bash
# Installs the Debian 12 packages the browser tests (tests/e2e) need, and only those missing:
# Node.js with npm to run them, Debian's chromium to drive (no browser is ever downloaded), and a
# font for the screenshots. Quiet when everything is present, so tests/e2e/run.sh calls it every time.
# A node and npm already on the PATH (a newer Node.js, say) are used as they are.
set -euo pipefail

packages=(chromium fonts-dejavu-core)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-e2e-deps: missing packages: ${missing[*]}" >&2
  echo "install-e2e-deps: run as root (or install them with sudo apt-get install)" >&2
  exit 1
fi

echo "install-e2e-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
