#!/usr/bin/env bash
# Builds one libFuzzer target: Fuzz/build.sh TARGET [OUTPUT]
#
# CiteBotKit's sources are compiled once into an instrumented static library
# (-sanitize=fuzzer,address, optimised, with debug info), then Fuzz/Targets/TARGET.swift
# is linked against it. Both are rebuilt only when a source is newer than its output.
# Needs only the Swift toolchain and libstemmer-dev; works from a fresh clone.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:?usage: Fuzz/build.sh TARGET [OUTPUT]   (TARGET is a file name in Fuzz/Targets without .swift)}"
source="$root/Fuzz/Targets/$target.swift"
if [ ! -f "$source" ]; then
    echo "build.sh: no fuzz target $source; targets:" $(ls "$root/Fuzz/Targets" | sed 's/\.swift$//') >&2
    exit 64
fi
work="${FUZZ_BUILD_DIR:-$root/Fuzz/.build}"
output="${2:-$work/$target}"
mkdir -p "$work/CiteBotKit" "$(dirname "$output")"

# -enable-testing lets a target `@testable import CiteBotKit` to reach internal parts
# (the index reader, its checksum).
flags=(-sanitize=fuzzer,address -O -g -parse-as-library -swift-version 6 -use-ld=lld)
library="$work/CiteBotKit/libCiteBotKit.a"
mapfile -t sources < <(find "$root/Sources/CiteBotKit" -name '*.swift' | sort)

if [ ! -f "$library" ] || [ -n "$(find "$root/Sources/CiteBotKit" "$root/Sources/CStemmer" "$root/Sources/CMalloc" -newer "$library" -print -quit)" ]; then
    echo "build.sh: compiling CiteBotKit (${#sources[@]} files) with fuzzer and address sanitizer" >&2
    swiftc "${flags[@]}" -module-name CiteBotKit -I "$root/Sources/CStemmer" -I "$root/Sources/CMalloc" \
        -enable-testing -emit-library -static -emit-module -emit-module-path "$work/CiteBotKit/CiteBotKit.swiftmodule" \
        -o "$library" "${sources[@]}"
fi

if [ ! -f "$output" ] || [ "$source" -nt "$output" ] || [ "$library" -nt "$output" ]; then
    echo "build.sh: linking $output" >&2
    swiftc "${flags[@]}" -I "$work/CiteBotKit" -I "$root/Sources/CStemmer" -I "$root/Sources/CMalloc" \
        "$source" "$library" -lstemmer -o "$output"
fi
echo "$output"
