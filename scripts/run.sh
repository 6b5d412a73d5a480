#!/usr/bin/env bash
# Sets up and builds (scripts/setup.sh), then starts Meetdesk on the bundled sample meet.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
exec "${MEETDESK_BUILD_DIR:-$root/build}/app/meetdesk" "$root/resources/samples/riverside-open-2026.json" "$@"
