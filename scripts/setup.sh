#!/usr/bin/env bash
# Installs the Debian packages Meetdesk needs (only those missing), then configures and builds.
# Environment: MEETDESK_BUILD_DIR (default: build), MEETDESK_CMAKE_ARGS (extra cmake arguments),
# MEETDESK_EXTRA_PACKAGES (more Debian packages, e.g. for CI).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${MEETDESK_BUILD_DIR:-$root/build}

packages=(g++ cmake ninja-build qt6-base-dev qt6-base-dev-tools fonts-dejavu-core
  qtkeychain-qt6-dev libquazip1-qt6-dev python3 python3-django python3-djangorestframework gunicorn
  python3-requests poppler-utils)
# shellcheck disable=SC2206 # a space-separated list on purpose
packages+=(${MEETDESK_EXTRA_PACKAGES:-})

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# shellcheck disable=SC2086 # extra arguments are split on purpose
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${MEETDESK_CMAKE_ARGS:-}
cmake --build "$build"
