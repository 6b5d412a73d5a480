#!/usr/bin/env bash
# Sets up and builds (scripts/setup.sh), then runs every test. GUI tests run offscreen;
# their screenshots land in build/test-output.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
ctest --test-dir "${MEETDESK_BUILD_DIR:-$root/build}" -j2 --output-on-failure
