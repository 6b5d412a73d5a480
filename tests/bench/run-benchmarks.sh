#!/usr/bin/env bash
# Prints the benchmark table. Usage: tests/bench/run-benchmarks.sh [BUILD_DIR]
# Builds nothing: run scripts/bench.sh for the whole set-up.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
bench="$build/tests/bench/meetdesk-bench"
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

big="$work/generated-3000.json"
"$bench" generate "$big" --competitors 3000 --events 150 --results 20000 --trials 40000 --seed 1
size_mb=$(awk "BEGIN { printf \"%.1f\", $(stat -c %s "$big") / 1048576 }")

read -r our_read our_write _ < <("$bench" io "$big" --repeat 5)
read -r py_read py_write < <("$python" - "$big" <<'PY'
import json, sys, time
data = open(sys.argv[1], encoding="utf-8").read()
best_read = best_write = float("inf")
for _ in range(5):
    t = time.perf_counter(); doc = json.loads(data); best_read = min(best_read, time.perf_counter() - t)
    t = time.perf_counter(); json.dumps(doc, indent=2, ensure_ascii=False); best_write = min(best_write, time.perf_counter() - t)
print("%.1f %.1f" % (best_read * 1000, best_write * 1000))
PY
)

read -r open_ms peak_mb resets edit_ms < <("$bench" tree "$big" 2>/dev/null)

# Validation: a full check of the 3,000-competitor meet, and edits of a 30,000-competitor meet
# with the FindingsService following (targets: under 100 ms, and under 5 ms an edit).
read -r check_ms check_cpu_ms check_findings < <("$bench" check "$big" --repeat 5)
huge="$work/generated-30000.json"
"$bench" generate "$huge" --competitors 30000 --events 1500 --results 200000 --trials 400000 --seed 1
read -r edit_median_ms edit_slowest_ms huge_open_ms huge_peak_mb _ < <("$bench" edits "$huge" --edits 200)
rm -f "$huge"

meetdesk="$build/app/meetdesk"

# Printing the whole meet, start lists and results, as PDF (no display needed).
started=$(date +%s.%N)
print_pages=$("$meetdesk" print "$big" "$work/generated-3000.pdf" --page-size A4 2>/dev/null | sed -E 's/.*: ([0-9]+) page.*/\1/')
ended=$(date +%s.%N)
print_seconds=$(awk "BEGIN { printf \"%.1f\", $ended - $started }")

# Publishing, to the local sandbox (tests/sandbox), against a per-record upload script.
sandbox_out="$work/sandbox.out"
"$python" "$here/../sandbox/run.py" >"$sandbox_out" 2>"$work/sandbox.err" &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null; wait $sandbox_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$sandbox_out" ] && break; sleep 0.2; done
root=$(head -1 "$sandbox_out")
reset() { "$python" -c "import urllib.request as u; u.urlopen(u.Request('${root%api/}sandbox/reset/', data=b'{}'))"; }
publish_row() { # FILE -> "requests writes seconds"
  local started ended line
  started=$(date +%s.%N)
  line=$(MEETDESK_PASSWORD=federation-pass "$meetdesk" push "$1" --server "$root" --user federation | grep '^Published:')
  ended=$(date +%s.%N)
  echo "$line" | sed -E 's/.*; ([0-9]+) requests \(([0-9]+) writes\)/\1 \2/' | tr '\n' ' '
  awk "BEGIN { printf \"%.1f\\n\", $ended - $started }"
}
half="$work/generated-1500.json"
"$bench" generate "$half" --competitors 1500 --events 150 --results 20000 --trials 40000 --seed 1
reset
read -r pub_requests pub_writes pub_seconds < <(publish_row "$big")
read -r again_requests again_writes again_seconds < <(publish_row "$big")
reset
read -r half_requests half_writes half_seconds < <(publish_row "$half")
reset
"$bench" generate "$work/fresh.json" --competitors 3000 --events 150 --results 20000 --trials 40000 --seed 1
read -r py_requests py_seconds < <("$python" "$here/per_record_upload.py" "$work/fresh.json" "$root" federation federation-pass)

printf '%-62s %10s %10s\n' "benchmark (best of 5, $size_mb MB, 3000 competitors)" "meetdesk" "python3"
printf '%-62s %8s ms %8s ms\n' "read file text into the model (python: json.loads)" "$our_read" "$py_read"
printf '%-62s %8s ms %8s ms\n' "write the model as JSON text (python: json.dumps indent=2)" "$our_write" "$py_write"
printf '%-62s %8s ms %10s\n' "open in the main window until the tree is painted" "$open_ms" "-"
printf '%-62s %8s MB %10s\n' "peak memory of that process (max RSS)" "$peak_mb" "-"
printf '%-62s %8s ms %10s\n' "one edit in the open competition ($resets model resets)" "$edit_ms" "-"
printf '%-62s %8s ms %7s cpu\n' "full check, every rule ($check_findings findings; wall, processor)" "$check_ms" "$check_cpu_ms"
printf '%-62s %10s %10s\n' "30000 competitors, 1500 events, FindingsService following" "" ""
printf '%-62s %8s ms %10s\n' "open: read and first full check" "$huge_open_ms" "-"
printf '%-62s %8s MB %10s\n' "peak memory of that process (max RSS)" "$huge_peak_mb" "-"
printf '%-62s %8s ms %8s ms\n' "one edit, findings current (median, slowest of 200)" "$edit_median_ms" "$edit_slowest_ms"
printf '%-62s %6s s %5s pages\n' "print it all as PDF, start lists and results (A4)" "$print_seconds" "$print_pages"
printf '%-62s %10s %10s\n' "publish to the sandbox (requests, wall time)" "meetdesk" "per-record"
printf '%-62s %5s req %6s s %5s req %5s s\n' "first publish, 3000 competitors, 150 events" "$pub_requests" "$pub_seconds" "$py_requests" "$py_seconds"
printf '%-62s %5s req %6s s\n' "first publish, 1500 competitors, the same events" "$half_requests" "$half_seconds"
printf '%-62s %5s req %6s s\n' "publish again, unchanged ($again_writes writes)" "$again_requests" "$again_seconds"
