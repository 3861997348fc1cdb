#!/usr/bin/env bash
# Builds and runs one fuzz target: Fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags…]
#
# The seeds in Fuzz/Seeds/TARGET are copied into a scratch corpus (the seeds stay as
# committed); new inputs libFuzzer finds accumulate there across runs. A crash, leak or
# timeout leaves its input in Fuzz/.build/artifacts/TARGET/ and makes the status non-zero.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:?usage: Fuzz/run.sh TARGET [SECONDS] [libFuzzer flags…]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))
work="${FUZZ_BUILD_DIR:-$root/Fuzz/.build}"
binary="$("$root/Fuzz/build.sh" "$target")"
corpus="$work/corpus/$target"
artifacts="$work/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
cp "$root/Fuzz/Seeds/$target/"* "$corpus/"
# Inputs may grow to twice the largest seed (at least 4 KiB).
largest=$(wc -c "$root/Fuzz/Seeds/$target/"* | sort -n | tail -n 2 | head -n 1 | awk '{print $1}')
max_len=$(( 2 * largest > 4096 ? 2 * largest : 4096 ))
# ASan's leak checker needs ptrace, which containers often forbid; Swift leaks nothing
# libFuzzer could attribute anyway.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
# Swift's own crash backtracer reads memory that ASan flags and can hang; libFuzzer
# prints the stack instead.
export SWIFT_BACKTRACE=enable=no
exec "$binary" "$corpus" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$@"
