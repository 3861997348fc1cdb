#!/usr/bin/env bash
# Times two commands in alternation and compares them: for A/B checks of one change on a
# machine whose speed drifts over minutes, where timing all of A and then all of B would
# measure the drift.
#
#   Benchmarks/interleave.sh N "COMMAND A" "COMMAND B"
#
# Runs A then B, N times (each through bash -c, output discarded), and prints both medians
# and the median, minimum and maximum of the N pairwise ratios A/B (above 1: B is faster).
set -euo pipefail
if [ $# -ne 3 ]; then
    echo "usage: $0 N \"COMMAND A\" \"COMMAND B\"" >&2
    exit 64
fi
runs=$1 a=$2 b=$3
for _ in $(seq "$runs"); do
    for which in A B; do
        command=$a
        [ "$which" = B ] && command=$b
        start=$(date +%s.%N)
        bash -c "$command" > /dev/null 2>&1
        end=$(date +%s.%N)
        echo "$which $start $end"
    done
done | python3 -c '
import statistics, sys
times = {"A": [], "B": []}
for line in sys.stdin:
    which, start, end = line.split()
    times[which].append(float(end) - float(start))
a, b = times["A"], times["B"]
ratios = sorted(x / y for x, y in zip(a, b))
print(f"A median {statistics.median(a):.3f} s, B median {statistics.median(b):.3f} s; "
      f"A/B per pair: median {statistics.median(ratios):.2f} (min {ratios[0]:.2f}, max {ratios[-1]:.2f}), {len(ratios)} pairs")
'
