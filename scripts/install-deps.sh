#!/usr/bin/env bash
# Installs the Debian 12 packages Spoorboek needs to build and test, and only those missing.
# Idempotent and quiet when everything is present, so build.sh can call it every time.
set -euo pipefail

# With arguments: those packages instead (scripts/install-e2e-deps.sh uses this).
if [ $# -gt 0 ]; then
  packages=("$@")
else
  packages=(
    ca-certificates g++ cmake ninja-build pkg-config
    nlohmann-json3-dev libsqlite3-dev libsodium-dev libcli11-dev libfmt-dev libspdlog-dev
    libpq-dev postgresql
    libssl-dev librestinio-dev libasio-dev libhttp-parser-dev libkainjow-mustache-dev libqrencode-dev
    googletest libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
    libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils
    jq procps curl python3-icalendar
    clang libclang-rt-14-dev
  )
fi

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
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root (or install them with sudo apt-get install)" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
