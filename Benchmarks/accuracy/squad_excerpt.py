#!/usr/bin/env python3
"""Copy the real SQuAD v1.1 excerpt that the allennlp 0.9.0 wheel ships, made readable by citebot.

allennlp 0.9.0 (PyPI, Apache-2.0) bundles `allennlp/tests/fixtures/data/squad.json`:
two paragraphs of the SQuAD v1.1 article "University_of_Notre_Dame" (CC BY-SA 4.0)
with five questions. The file has no top-level "version", which citebot requires,
so the copy gets "version": "1.1"; nothing else changes.

Usage: squad_excerpt.py WHEEL OUTPUT.json
"""

import hashlib
import json
import sys
import zipfile

MEMBER = "allennlp/tests/fixtures/data/squad.json"
SHA256 = "c65b72846ca32b0edaf604a37c1ba614b3030a1374811e5ac375254da9bb56cb"


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    wheel, output = sys.argv[1:]
    with zipfile.ZipFile(wheel) as archive:
        raw = archive.read(MEMBER)
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SHA256:
        sys.exit(f"squad_excerpt.py: {MEMBER} in {wheel} has sha256 {digest}, expected {SHA256}")
    data = json.loads(raw)
    with open(output, "w", encoding="utf-8") as f:
        json.dump({"version": "1.1", "data": data["data"]}, f, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
