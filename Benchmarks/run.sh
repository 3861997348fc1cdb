#!/usr/bin/env bash
# Speed and scale of citebot against tantivy, bm25s and scikit-learn, on the Python 3.11
# documentation sources at 1x, 3x and 10x. One command, from any directory:
#     Benchmarks/run.sh            (SCALES="1 3" Benchmarks/run.sh for a quicker run;
#                                   SCRATCH_PATH=.build-x to build citebot elsewhere)
# Progress goes to standard error, the tables to standard output. See README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$here/.venv"
work="$here/work"
sources=/usr/share/doc/python3.11/html/_sources

note() { printf '%s\n' "run.sh: $*" >&2; }

if [[ ! -d "$sources" ]]; then
    note "installing python3.11-doc (Debian)"
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y python3.11-doc >&2
    else sudo apt-get install -y python3.11-doc >&2; fi
fi

if [[ ! -x "$venv/bin/python" ]]; then
    note "creating the virtual environment $venv"
    "${PYTHON:-python3}" -m venv "$venv"
fi
note "installing the peers (requirements.txt)"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2

scratch="${SCRATCH_PATH:-.build-speed}"
note "building citebot (release, scratch path $scratch)"
(cd "$root" && swift build -c release --scratch-path "$scratch") >&2
citebot="$(cd "$root" && swift build -c release --scratch-path "$scratch" --show-bin-path)/citebot"

"$venv/bin/python" "$here/bench.py" --citebot "$citebot" --sources "$sources" --work "$work" \
    --scales ${SCALES:-1 3 10}
