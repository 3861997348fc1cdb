"""Builds the corpora and questions, runs citebot and the peers, prints the tables.

Every system gets the same sentences (citebot's own segmentation, dumped with
`citebot sentences`) and the same questions; each phase runs in its own process,
whose peak resident memory is read from wait4().
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time

PEERS = ["tantivy", "bm25s", "scikit-learn"]
SEED = 20240611
QUESTIONS = 1000
STOP = set("""a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either else etc even ever every few for
from further get gets got had has have having he her here hers him his how however i if in into is it its itself
just may me might more most must my neither no nor not now of off often on once only or other others otherwise
our out over own per quite rather really same shall she should so some such than that the their them then there
these they this those though through thus to too under until up upon us very via was we were what whatever when
where whereas whether which while who whom whose why will with within without would yet you your""".split())


def note(text):
    print(f"bench.py: {text}", file=sys.stderr, flush=True)


def run(command, stdin=None, stdout=None):
    """Runs a command; returns (wall seconds, peak RSS in MB, stdout bytes).

    The peak is measured by GNU time around the command: a child forked from this
    (large) Python process would otherwise inherit its resident size in ru_maxrss."""
    report = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"citebot-bench-rss-{os.getpid()}")
    began = time.perf_counter()
    process = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report] + command, stdin=stdin,
                             stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - began
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({process.returncode}): {process.stderr.decode(errors='replace')}")
    with open(report) as f:
        peak = int(f.read().split()[-1]) / 1024
    return wall, peak, process.stdout or b""


def corpus(sources, work, scale):
    """`scale` differently named copies of the sources."""
    directory = os.path.join(work, f"corpus-{scale}x")
    if not os.path.isdir(directory):
        note(f"building the {scale}x corpus")
        for copy in range(scale):
            shutil.copytree(sources, os.path.join(directory, f"copy{copy + 1:02d}"))
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(directory) for f in fs if f.endswith(".txt"))
    return directory, size


def make_questions(records, path):
    """1,000 questions from citable sentences, reproducibly: a few of the sentence's content
    words, shuffled and some dropped, the way people type keyword questions."""
    rng = random.Random(SEED)
    candidates = [r for r in records if r["citable"] and len(r["text"].split()) >= 8]
    questions = []
    while len(questions) < QUESTIONS:
        record = rng.choice(candidates)
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z_]+", record["text"]) if w.lower() not in STOP and len(w) > 3]
        words = list(dict.fromkeys(words))
        if len(words) < 3:
            continue
        chosen = rng.sample(words, min(len(words), rng.randint(3, 5)))
        opener = rng.choice(["What about", "How does", "Why", "Explain", "Where is"])
        questions.append({"question": f"{opener} {' '.join(chosen)}?", "answer": record["text"]})
    with open(path, "w", encoding="utf-8") as f:
        for q in questions:
            f.write(q["question"] + "\n")
    return questions


def hit_rate(tops, questions):
    return sum(1 for top, q in zip(tops, questions) if top is not None and top == q["answer"]) / len(questions)


def measure(args, scale):
    directory, size = corpus(args.sources, args.work, scale)
    megabytes = size / 1e6
    base = os.path.join(args.work, f"{scale}x")
    os.makedirs(base, exist_ok=True)
    sentences_path = os.path.join(base, "sentences.jsonl")
    note(f"{scale}x: dumping citebot's sentences ({megabytes:.0f} MB corpus)")
    with open(sentences_path + ".all", "wb") as out:
        run([args.citebot, "sentences", "--corpus", directory, "--no-cache", "--quiet", "--format", "jsonl"], stdout=out)
    with open(sentences_path + ".all", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    with open(sentences_path, "w", encoding="utf-8") as f:
        for r in records:
            if r["citable"]:
                f.write(json.dumps({"text": r["text"]}) + "\n")
    questions_path = os.path.join(base, "questions.txt")
    # The questions come from the 1x corpus so every scale asks the same ones.
    questions = make_questions(records if scale == 1 else args.records_1x, questions_path)
    if scale == 1:
        args.records_1x = records
    one = os.path.join(base, "one.txt")
    with open(one, "w") as f:
        f.write(questions[0]["question"] + "\n")

    results = {}
    note(f"{scale}x: citebot")
    index = os.path.join(base, "citebot.cbx")
    build, build_rss, _ = run([args.citebot, "index", "--corpus", directory, "--output", index, "--quiet"])
    first, _, _ = run([args.citebot, "batch", "--index", index, "--quiet"], stdin=open(one))
    every, rss, out = run([args.citebot, "batch", "--index", index, "--quiet", "--format", "jsonl", "--min-score", "0"],
                          stdin=open(questions_path))
    # The same questions on one thread, as the peers answer them.
    single, _, _ = run([args.citebot, "batch", "--index", index, "--quiet", "--format", "jsonl", "--min-score", "0",
                        "--jobs", "1"], stdin=open(questions_path))
    tops = []
    for line in out.decode().splitlines():
        record = json.loads(line)
        tops.append(record["citations"][0]["text"] if record["citations"] else None)
    results["citebot"] = dict(index=megabytes / build, qps=QUESTIONS / max(every - first, 1e-9),
                              qps1=QUESTIONS / max(single - first, 1e-9), rss=rss,
                              build_rss=build_rss, first=first, hit=hit_rate(tops, questions))
    for peer in PEERS:
        note(f"{scale}x: {peer}")
        store = os.path.join(base, peer)
        shutil.rmtree(store, ignore_errors=True)
        os.makedirs(store)
        peers = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers.py")
        _, build_rss, out = run([sys.executable, peers, peer, "build", sentences_path, store])
        build = json.loads(out)["seconds"]
        answers = os.path.join(base, f"{peer}-answers.jsonl")
        _, rss, out = run([sys.executable, peers, peer, "answer", sentences_path, store, questions_path, answers])
        timing = json.loads(out)
        # Start-up as for citebot: a whole process answering one question, less the time the
        # peer spends reading our JSONL copy of the sentences (its own index has no text).
        first, _, out = run([sys.executable, peers, peer, "answer", sentences_path, store, one, answers + ".one"])
        timing["first"] = first - json.loads(out)["loaded"]
        with open(answers, encoding="utf-8") as f:
            tops = [json.loads(line)["top"] for line in f]
        results[peer] = dict(index=megabytes / build, qps=QUESTIONS / timing["seconds"], rss=rss, build_rss=build_rss,
                             first=timing["first"], hit=hit_rate(tops, questions))
    return megabytes, len([r for r in records if r["citable"]]), results


def table(megabytes, count, results):
    best = {key: (max if key in ("index", "qps", "hit") else min)(results[p][key] for p in PEERS)
            for key in ("index", "qps", "rss", "first", "hit")}
    lines = [f"corpus {megabytes:.1f} MB, {count} citable sentences, {QUESTIONS} questions (seed {SEED})", "",
             "| system | index MB/s | questions/s | peak RSS answering | startup to first answer | hit@1 |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for system in ["citebot"] + PEERS:
        r = results[system]

        def cell(key, text):
            if system == "citebot":
                ratio = r[key] / best[key] if key in ("index", "qps", "hit") else best[key] / r[key]
                return f"{text} ({ratio:.1f}× best peer)"
            return text
        index_text = "%.1f" % r["index"]
        qps_text = "%.0f" % r["qps"]
        rss_text = "%.0f MB" % r["rss"]
        first_text = "%.0f ms" % (r["first"] * 1000)
        hit_text = "%.3f" % r["hit"]
        lines.append(f"| {system} | {cell('index', index_text)} | {cell('qps', qps_text)} | "
                     f"{cell('rss', rss_text)} | {cell('first', first_text)} | {cell('hit', hit_text)} |")
    lines.append("")
    single = results["citebot"]["qps1"]
    lines.append(f"citebot answers on every core (`batch --jobs` defaults to one per core); on one thread "
                 f"(`--jobs 1`) it answers {single:.0f} questions/s ({single / best['qps']:.1f}× best peer).")
    lines.append("")
    lines.append("Peak RSS while building: " + ", ".join(f"{s} {results[s]['build_rss']:.0f} MB" for s in ["citebot"] + PEERS))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--citebot", required=True)
    parser.add_argument("--sources", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--scales", nargs="+", type=int, default=[1, 3, 10])
    args = parser.parse_args()
    args.records_1x = None
    scales = sorted(set(args.scales) | {1})
    measured = {scale: measure(args, scale) for scale in scales}
    print(f"## citebot against its peers ({os.cpu_count()} cores; peers single-threaded where they allow)\n")
    for scale in scales:
        print(f"### {scale}x\n")
        print(table(*measured[scale]) + "\n")
    print("### How citebot's cost grows\n")
    print("| scale | corpus MB | index seconds | index MB/s | ms per question | ms per question, one thread | startup ms | RSS answering | RSS building |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for scale in scales:
        megabytes, _, results = measured[scale]
        r = results["citebot"]
        print(f"| {scale}x | {megabytes:.0f} | {megabytes / r['index']:.2f} | {r['index']:.1f} | {1000 / r['qps']:.3f} | {1000 / r['qps1']:.3f} | "
              f"{r['first'] * 1000:.0f} | {r['rss']:.0f} MB | {r['build_rss']:.0f} MB |")


if __name__ == "__main__":
    main()
