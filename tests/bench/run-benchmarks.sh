#!/usr/bin/env bash
# Prints the benchmark table. Usage: tests/bench/run-benchmarks.sh [--only publish] [BUILD_DIR]
# Builds nothing: run scripts/bench.sh for the whole set-up. --only publish: only the rows of
# re-publishing the 3,000-competitor meet (unchanged, one correction), on loopback and through
# the fault proxy adding 80 ms to each request.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
only=""
if [ "${1:-}" = "--only" ]; then
  only=${2:?--only needs a part: publish}
  [ "$only" = publish ] || { echo "run-benchmarks.sh: --only publish is the one part" >&2; exit 2; }
  shift 2
fi
build=${1:-$here/../../build}
bench="$build/tests/bench/meetdesk-bench"
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

big="$work/generated-3000.json"
"$bench" generate "$big" --competitors 3000 --events 150 --results 20000 --trials 40000 --seed 1
size_mb=$(awk "BEGIN { printf \"%.1f\", $(stat -c %s "$big") / 1048576 }")

if [ -z "$only" ]; then
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
read -r bulk_ms bulk_nodes bulk_entries bulk_rows bulk_resets bulk_undo_ms < <("$bench" bulk --competitors 3000 2>/dev/null)
entries="$here/../data/entries"
read -r imp_rows imp_plan_ms imp_apply_ms imp_undo_ms imp_created imp_changed _ imp_resets < <("$bench" import --table "$entries/entries-300.csv" --meet "$entries/meet.json" 2>/dev/null)
read -r big_rows big_plan_ms big_apply_ms big_undo_ms big_created big_changed _ big_resets < <("$bench" import --rows 3000 2>/dev/null)

read -r compute_ms compute_values apply_ms compute_undo_ms again_ms again_values < <("$bench" compute "$big")

# Validation: a full check of the 3,000-competitor meet, and edits of a 30,000-competitor meet
# with the FindingsService following (targets: under 100 ms, and under 5 ms an edit).
read -r check_ms check_cpu_ms check_findings < <("$bench" check "$big" --repeat 5)
huge="$work/generated-30000.json"
"$bench" generate "$huge" --competitors 30000 --events 1500 --results 200000 --trials 400000 --seed 1
read -r edit_median_ms edit_slowest_ms huge_open_ms huge_peak_mb _ < <("$bench" edits "$huge" --edits 200)
read -r panel_median_ms panel_slowest_ms _ _ _ panel_rows _ panel_resets < <("$bench" edits "$huge" --edits 200 --panel)
rm -f "$huge"

# meetdesk compute on the whole file: read, worked out, written.
started=$(date +%s.%N)
"$meetdesk" compute "$big" "$work/computed.json" 2>/dev/null
ended=$(date +%s.%N)
compute_seconds=$(awk "BEGIN { printf \"%.1f\", $ended - $started }")

# Printing the whole meet, start lists and results, as PDF (no display needed).
started=$(date +%s.%N)
print_pages=$("$meetdesk" print "$big" "$work/generated-3000.pdf" --page-size A4 2>/dev/null | sed -E 's/.*: ([0-9]+) page.*/\1/')
ended=$(date +%s.%N)
print_seconds=$(awk "BEGIN { printf \"%.1f\", $ended - $started }")

fi

meetdesk="$build/app/meetdesk"

# Publishing, to the local sandbox (tests/sandbox), against a per-record upload script.
sandbox_out="$work/sandbox.out"
"$python" "$here/../sandbox/run.py" >"$sandbox_out" 2>"$work/sandbox.err" &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null; wait $sandbox_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$sandbox_out" ] && break; sleep 0.2; done
root=$(head -1 "$sandbox_out")
reset() { "$python" -c "import urllib.request as u; u.urlopen(u.Request('${root%api/}sandbox/reset/', data=b'{}'))"; }
publish_row() { # FILE [OPTION...] -> "requests writes seconds" (requests after the login)
  local started ended line
  started=$(date +%s.%N)
  line=$(MEETDESK_PASSWORD=federation-pass "$meetdesk" push "$@" --server "$root" --user federation | grep '^Published:')
  ended=$(date +%s.%N)
  echo "$line" | sed -E 's/.*; ([0-9]+) requests \(([0-9]+) writes\)/\1 \2/' | tr '\n' ' '
  awk "BEGIN { printf \"%.1f\\n\", $ended - $started }"
}
half="$work/generated-1500.json"
"$bench" generate "$half" --competitors 1500 --events 150 --results 20000 --trials 40000 --seed 1
reset
read -r pub_requests pub_writes pub_seconds < <(publish_row "$big")
read -r again_requests again_writes again_seconds < <(publish_row "$big")
"$bench" correct "$big"
read -r fix_requests fix_writes fix_seconds < <(publish_row "$big")
verify_requests="-"; verify_writes="-"; verify_seconds="-"
[ -n "$only" ] || read -r verify_requests verify_writes verify_seconds < <(publish_row "$big" --verify)

# The same two rows through the fault proxy (tests/sandbox/proxy.py) adding 80 ms to every
# request, as a club's link would.
proxy_out="$work/proxy.out"
"$python" "$here/../sandbox/proxy.py" --upstream "${root%api/}" --latency-ms 80 >"$proxy_out" 2>"$work/proxy.err" &
proxy_pid=$!
trap 'kill $proxy_pid $sandbox_pid 2>/dev/null; wait $proxy_pid $sandbox_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$proxy_out" ] && break; sleep 0.2; done
read -r proxy_base _ < "$proxy_out"
direct=$root
root="${proxy_base%/}/api/"
# The sync state belongs to one server address: publish once through the proxy first, so
# the rows below start from a state made there.
proxied="$work/proxied.json"
cp "$big" "$proxied"
publish_row "$proxied" >/dev/null
read -r slow_again_requests _ slow_again_seconds < <(publish_row "$proxied")
"$bench" correct "$proxied"
read -r slow_fix_requests _ slow_fix_seconds < <(publish_row "$proxied")
root=$direct
kill "$proxy_pid" 2>/dev/null || true
wait "$proxy_pid" 2>/dev/null || true

if [ "$only" = publish ]; then
  printf '%-62s %10s\n' "publish to the sandbox, $size_mb MB, 3000 competitors" "meetdesk"
  printf '%-62s %5s req %6s s\n' "first publish, 3000 competitors, 150 events" "$pub_requests" "$pub_seconds"
  printf '%-62s %5s req %6s s\n' "publish again, unchanged ($again_writes writes)" "$again_requests" "$again_seconds"
  printf '%-62s %5s req %6s s\n' "publish again, one result corrected ($fix_writes writes)" "$fix_requests" "$fix_seconds"
  printf '%-62s %5s req %6s s\n' "publish again, unchanged, through an 80 ms proxy" "$slow_again_requests" "$slow_again_seconds"
  printf '%-62s %5s req %6s s\n' "publish again, one result corrected, through an 80 ms proxy" "$slow_fix_requests" "$slow_fix_seconds"
  exit 0
fi

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
printf '%-62s %8s ms %8s ms\n' "the same with the findings panel and tree following" "$panel_median_ms" "$panel_slowest_ms"
printf '%-62s %8s rows %6s resets\n' "findings panel after those edits" "$panel_rows" "$panel_resets"
printf '%-62s %6s s %5s pages\n' "print it all as PDF, start lists and results (A4)" "$print_seconds" "$print_pages"
printf '%-62s %8s ms %10s\n' "bulk insert, one undo step: $bulk_nodes records + $bulk_entries entries" "$bulk_ms" "-"
printf '%-62s %8s ms %10s\n' "  (tree: $bulk_rows rows inserted, $bulk_resets resets); its undo" "$bulk_undo_ms" "-"
printf '%-62s %8s ms %10s\n' "compute places of the whole meet: $compute_values values to write" "$compute_ms" "-"
printf '%-62s %8s ms %10s\n' "  written as one undo step" "$apply_ms" "-"
printf '%-62s %8s ms %10s\n' "  its undo" "$compute_undo_ms" "-"
printf '%-62s %8s ms %10s\n' "  worked out again once written ($again_values values to write)" "$again_ms" "-"
printf '%-62s %6s s %10s\n' "meetdesk compute FILE OUT (read, work out, write)" "$compute_seconds" "-"
printf '%-62s %8s ms %10s\n' "import the $imp_rows-row entries CSV: plan" "$imp_plan_ms" "-"
printf '%-62s %8s ms %10s\n' "  apply, one undo step ($imp_created new, $imp_changed merged, $imp_resets resets)" "$imp_apply_ms" "-"
printf '%-62s %8s ms %10s\n' "  its undo" "$imp_undo_ms" "-"
printf '%-62s %8s ms %10s\n' "import $big_rows generated rows into 1000 competitors: plan" "$big_plan_ms" "-"
printf '%-62s %8s ms %10s\n' "  apply, one undo step ($big_created new, $big_changed merged, $big_resets resets)" "$big_apply_ms" "-"
printf '%-62s %8s ms %10s\n' "  its undo" "$big_undo_ms" "-"
printf '%-62s %10s %10s\n' "publish to the sandbox (requests, wall time)" "meetdesk" "per-record"
printf '%-62s %5s req %6s s %5s req %5s s\n' "first publish, 3000 competitors, 150 events" "$pub_requests" "$pub_seconds" "$py_requests" "$py_seconds"
printf '%-62s %5s req %6s s\n' "first publish, 1500 competitors, the same events" "$half_requests" "$half_seconds"
printf '%-62s %5s req %6s s\n' "publish again, unchanged ($again_writes writes)" "$again_requests" "$again_seconds"
printf '%-62s %5s req %6s s\n' "publish again, one result corrected ($fix_writes writes)" "$fix_requests" "$fix_seconds"
printf '%-62s %5s req %6s s\n' "publish again, unchanged, every heat verified (--verify)" "$verify_requests" "$verify_seconds"
printf '%-62s %5s req %6s s\n' "publish again, unchanged, through an 80 ms proxy" "$slow_again_requests" "$slow_again_seconds"
printf '%-62s %5s req %6s s\n' "publish again, one result corrected, through an 80 ms proxy" "$slow_fix_requests" "$slow_fix_seconds"
