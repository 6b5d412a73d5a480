#!/usr/bin/env bash
# Sets up and builds (scripts/setup.sh), then prints the benchmark table.
# Usage: scripts/bench.sh [--only publish]   (see tests/bench/run-benchmarks.sh)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MEETDESK_EXTRA_PACKAGES="python3 python3-requests ${MEETDESK_EXTRA_PACKAGES:-}" "$root/scripts/setup.sh" >/dev/null
"$root/tests/bench/run-benchmarks.sh" "$@" "${MEETDESK_BUILD_DIR:-$root/build}"
