#!/usr/bin/env bash
# Ranks the same sentences for the same questions with citebot and with the usual
# baselines (scikit-learn TF-IDF, rank_bm25, bm25s), and prints a Markdown table.
# One command, from any directory:  Benchmarks/accuracy/run.sh
# Progress goes to standard error, the table to standard output. README.md beside
# this file says what is measured and where the data comes from.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
downloads="$here/.work"

note() { printf '%s\n' "run.sh: $*" >&2; }

if [[ ! -x "$venv/bin/python" ]]; then
    note "creating the virtual environment $venv"
    "${PYTHON:-python3}" -m venv "$venv"
fi
note "installing the peers (requirements.txt)"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2

note "building citebot (release, scratch path .build-bench)"
(cd "$root" && swift build -c release --scratch-path .build-bench) >&2
citebot="$(cd "$root" && swift build -c release --scratch-path .build-bench --show-bin-path)/citebot"

# The only real SQuAD data found inside a PyPI package: a five-question excerpt in
# allennlp 0.9.0's wheel (see README.md). Fetched once; squad_excerpt.py checks its hash.
mkdir -p "$downloads"
wheel="$downloads/allennlp-0.9.0-py3-none-any.whl"
if [[ ! -f "$wheel" ]]; then
    note "fetching allennlp 0.9.0 (wheel only, for its SQuAD excerpt)"
    "$venv/bin/pip" download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
        -d "$downloads" allennlp==0.9.0 >&2
fi
excerpt="$downloads/allennlp-squad-v1.1-excerpt.json"
"$venv/bin/python" "$here/squad_excerpt.py" "$wheel" "$excerpt"

note "ranking"
cd "$root"
"$venv/bin/python" "$here/compare.py" --citebot "$citebot" \
    --jsonl TestSets/botox-vs-fillers.jsonl corpus \
    --jsonl TestSets/running-vs-cycling.jsonl TestSets/corpora/running-vs-cycling \
    --jsonl TestSets/python-docs.jsonl TestSets/corpora/python-docs \
    --jsonl TestSets/home-guides.jsonl TestSets/corpora/home-guides \
    --jsonl TestSets/volcanoes.jsonl TestSets/corpora/volcanoes \
    --jsonl TestSets/valgrind-faq.jsonl TestSets/corpora/valgrind-faq \
    --jsonl TestSets/txt-debian-users-groups.jsonl TestSets/corpora/txt-debian-users-groups \
    --jsonl TestSets/md-systemd-uids-gids.jsonl TestSets/corpora/md-systemd-uids-gids \
    --jsonl TestSets/asciidoc-git-subtree.jsonl TestSets/corpora/asciidoc-git-subtree \
    --jsonl TestSets/md-nodejs-governance.jsonl TestSets/corpora/md-nodejs-governance \
    --jsonl TestSets/txt-zlib-faq.jsonl TestSets/corpora/txt-zlib-faq \
    --squad TestSets/squad-fixture-v2.0.json article,all \
    --squad "${excerpt#"$root"/}" article
