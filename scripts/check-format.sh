#!/usr/bin/env bash
# Fails if a C++ file is not formatted as .clang-format says.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run -Werror
echo "clang-format: all C++ files formatted"
