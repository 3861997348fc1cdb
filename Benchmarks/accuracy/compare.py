#!/usr/bin/env python3
"""Rank the same sentences for the same questions with citebot and the usual baselines.

Every retriever sees exactly the sentences citebot indexes: they come from
`citebot sentences`, so segmentation is never a difference between rows. Only
citable sentences (statements, not headings or questions) are ranked. Each
corpus group is fitted separately: the whole corpus for a JSONL test set, one
article at a time (SQuAD `--scope article`) or every article at once (`all`).

A retrieved sentence is correct by citebot's own rule (TestSets/README.md and
Sources/CiteBotKit/Evaluation/EvidenceMatcher.swift):
  * JSONL: after case folding, quote and dash folding and whitespace collapsing,
    the sentence contains an evidence string or an evidence string contains it
    (answers stand in for evidence when a question has none);
  * SQuAD: the sentence lies in the gold paragraph and some occurrence of it in
    the context covers a gold answer's `answer_start`.

For each answerable question, rank(q) is the 1-based position of the first
correct sentence in the retriever's top 10 (none if absent):
  hit@k  = share of answerable questions with rank(q) <= k
  MRR@10 = mean over answerable questions of 1/rank(q), 0 when absent.
Sentences that share no term with the question (score 0) are not ranked, and
ties keep corpus order, as in citebot.

Prints a Markdown table on standard output. Needs scikit-learn, rank_bm25 and
bm25s (run.sh installs them into a private virtual environment).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import version
from typing import Callable

import bm25s
import numpy as np
from rank_bm25 import BM25Okapi
from sklearn.feature_extraction.text import TfidfVectorizer

HIT_K = 3
MRR_DEPTH = 10
LINE_BREAKS = "\n\x0b\x0c\r\x85\u2028\u2029"
QUOTE_FOLDS = {0x2018: "'", 0x2019: "'", 0x201B: "'", 0x2032: "'",
               0x201C: '"', 0x201D: '"', 0x201F: '"', 0x2033: '"'}
DASH_FOLDS = {code: "-" for code in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212)}


# ---------------------------------------------------------------- evidence rule

def normalize(text: str) -> str:
    """citebot's EvidenceMatcher.normalize: lower case, fold quotes and dashes, collapse whitespace."""
    folded = text.lower().translate({**QUOTE_FOLDS, **DASH_FOLDS})
    return " ".join(folded.split())


def contain(sentence: str, evidence: str) -> bool:
    """Either normalised string contains the other; never for an empty one."""
    return bool(sentence) and bool(evidence) and (evidence in sentence or sentence in evidence)


@dataclass(frozen=True)
class Sentence:
    document: int  # 1-based position of the document in the corpus
    source: str
    paragraph: int
    number: int
    text: str


@dataclass
class Question:
    id: str
    text: str
    unanswerable: bool
    is_gold: Callable[[Sentence], bool]


def jsonl_gold(record: dict) -> Callable[[Sentence], bool]:
    evidence = [e for e in map(normalize, record.get("evidence") or []) if e]
    answers = [a for a in map(normalize, record.get("answers") or []) if a]
    if evidence:
        return lambda s: any(contain(normalize(s.text), e) for e in evidence)
    if answers:
        return lambda s: any(a in normalize(s.text) for a in answers)
    return lambda s: False


def squad_gold(document: int, paragraph: int, context: str, starts: list[int]) -> Callable[[Sentence], bool]:
    """A sentence of the gold paragraph one of whose occurrences covers an answer start."""
    def covers(sentence: Sentence) -> bool:
        if sentence.document != document or sentence.paragraph != paragraph or not sentence.text:
            return False
        at = context.find(sentence.text)
        while at >= 0:
            if any(at <= start < at + len(sentence.text) for start in starts):
                return True
            at = context.find(sentence.text, at + 1)
        return False
    return covers


# ---------------------------------------------------------------- test sets

@dataclass
class Group:
    """Sentences to rank and the questions asked of them."""
    sentences: list[Sentence]
    questions: list[Question]


@dataclass
class TestSet:
    name: str
    file: str
    eval_args: list[str]  # how citebot eval is told about the corpus or scope
    groups: list[Group]


def citebot_sentences(citebot: str, args: list[str]) -> list[tuple[Sentence, bool]]:
    out = subprocess.run([citebot, "sentences", "--quiet", "--format", "jsonl", *args],
                         check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        r = json.loads(line)
        rows.append((Sentence(r["document"], r["source"], r["paragraph"], r["sentence"], r["text"]), r["citable"]))
    return rows


def load_jsonl(citebot: str, path: str, corpus: str) -> TestSet:
    sentences = [s for s, citable in citebot_sentences(citebot, ["--corpus", corpus]) if citable]
    questions = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            questions.append(Question(r.get("id", f"line {number}"), r["question"],
                                      bool(r.get("unanswerable", False)), jsonl_gold(r)))
    return TestSet(path, path, ["--corpus", corpus], [Group(sentences, questions)])


def load_squad(citebot: str, path: str, scope: str) -> TestSet:
    rows = citebot_sentences(citebot, ["--squad", path])
    with open(path, encoding="utf-8") as f:
        data = json.load(f)["data"]
    by_document: dict[int, list[Sentence]] = {}
    for sentence, citable in rows:
        if citable:
            by_document.setdefault(sentence.document, []).append(sentence)
    groups = []
    for index, article in enumerate(data):
        document = index + 1
        questions = []
        for p_index, paragraph in enumerate(article["paragraphs"]):
            # As citebot reads it: line breaks become spaces, one for one, so offsets hold.
            context = paragraph["context"].translate({ord(c): " " for c in LINE_BREAKS})
            for qa in paragraph["qas"]:
                if qa.get("is_impossible", False):
                    questions.append(Question(qa["id"], qa["question"], True, lambda s: False))
                    continue
                starts = sorted({a["answer_start"] for a in qa["answers"]})
                questions.append(Question(qa["id"], qa["question"], False,
                                          squad_gold(document, p_index + 1, context, starts)))
        if questions:
            groups.append(Group(by_document.get(document, []), questions))
    if scope == "all":
        groups = [Group([s for s, citable in rows if citable], [q for g in groups for q in g.questions])]
    return TestSet(f"{path} ({scope})", path, ["--scope", scope], groups)


# ---------------------------------------------------------------- retrievers

class TfIdf:
    def __init__(self, **options):
        self.options = options

    def fit(self, texts: list[str]) -> None:
        self.vectorizer = TfidfVectorizer(**self.options)
        self.matrix = self.vectorizer.fit_transform(texts)

    def scores(self, query: str) -> np.ndarray:
        # Rows are L2-normalised, so the dot product is the cosine.
        return (self.matrix @ self.vectorizer.transform([query]).T).toarray().ravel()


# One analyzer for both BM25s: sklearn's unigram tokens minus English stop words,
# so BM25 and TF-IDF differ in weighting only.
ANALYZE = TfidfVectorizer(stop_words="english").build_analyzer()


class OkapiBM25:
    def fit(self, texts: list[str]) -> None:
        self.model = BM25Okapi([ANALYZE(t) for t in texts])

    def scores(self, query: str) -> np.ndarray:
        return np.asarray(self.model.get_scores(ANALYZE(query)), dtype=float)


class LuceneBM25:
    def fit(self, texts: list[str]) -> None:
        self.model = bm25s.BM25()  # method="lucene", k1=1.5, b=0.75
        self.model.index([ANALYZE(t) for t in texts], show_progress=False)
        self.size = len(texts)

    def scores(self, query: str) -> np.ndarray:
        known = [t for t in ANALYZE(query) if t in self.model.vocab_dict]
        if not known:
            return np.zeros(self.size)
        return np.asarray(self.model.get_scores(known), dtype=float)


PEERS: list[tuple[str, Callable[[], object]]] = [
    ("scikit-learn TF-IDF, unigrams, English stop words",
     lambda: TfIdf(stop_words="english")),
    ("scikit-learn TF-IDF, uni+bigrams, sublinear tf, English stop words",
     lambda: TfIdf(stop_words="english", ngram_range=(1, 2), sublinear_tf=True)),
    ("rank_bm25 BM25Okapi (k1 1.5, b 0.75)", OkapiBM25),
    ("bm25s BM25, Lucene idf (k1 1.5, b 0.75)", LuceneBM25),
]


# ---------------------------------------------------------------- metrics

@dataclass
class Figures:
    hit1: float
    hit3: float
    mrr: float
    answered_accuracy: float | None = None


def figures(ranks: list[int | None]) -> Figures:
    n = len(ranks)
    return Figures(
        hit1=sum(r == 1 for r in ranks) / n,
        hit3=sum(r is not None and r <= HIT_K for r in ranks) / n,
        mrr=sum(1 / r for r in ranks if r is not None and r <= MRR_DEPTH) / n)


def first_match(ranking: list[Sentence], question: Question) -> int | None:
    return next((i + 1 for i, s in enumerate(ranking) if question.is_gold(s)), None)


def run_peer(make: Callable[[], object], test_set: TestSet) -> Figures:
    ranks: list[int | None] = []
    for group in test_set.groups:
        answerable = [q for q in group.questions if not q.unanswerable]
        if not answerable:
            continue
        if not group.sentences:
            ranks += [None] * len(answerable)
            continue
        model = make()
        model.fit([s.text for s in group.sentences])
        for question in answerable:
            scores = model.scores(question.text)
            order = sorted((i for i in range(len(scores)) if scores[i] > 0), key=lambda i: (-scores[i], i))
            ranks.append(first_match([group.sentences[i] for i in order[:MRR_DEPTH]], question))
    return figures(ranks)


def run_citebot(citebot: str, test_set: TestSet, extra: list[str]) -> dict:
    command = [citebot, "eval", test_set.file, *test_set.eval_args, "--format", "json",
               "--top-k", str(HIT_K), "--quiet", *extra]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"compare.py: {' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout)


def check_rule(report: dict, test_set: TestSet) -> None:
    """Fail loudly if this script's evidence rule disagrees with citebot's on citebot's own top citations."""
    questions = {q.id: q for g in test_set.groups for q in g.questions}
    sources = {s.source: s.document for g in test_set.groups for s in g.sentences}
    disagreements = []
    for result in report["results"]:
        top = result.get("topCitation")
        if result["unanswerable"] or top is None:
            continue
        sentence = Sentence(sources.get(top["source"], 0), top["source"], top["paragraph"], top["sentence"],
                            top["text"])
        if questions[result["id"]].is_gold(sentence) != result["hitAt1"]:
            disagreements.append(result["id"])
    if disagreements:
        sys.exit(f"compare.py: the evidence rule here disagrees with citebot's on {test_set.name}: "
                 + ", ".join(disagreements))


def citebot_figures(citebot: str, test_set: TestSet) -> Figures:
    retrieval = run_citebot(citebot, test_set, ["--min-score", "0"])
    check_rule(retrieval, test_set)
    default = run_citebot(citebot, test_set, [])["summary"]
    summary = retrieval["summary"]
    return Figures(summary["hitAt1"], summary["hitAtK"], summary["mrrAt10"], default["answeredAccuracy"])


# ---------------------------------------------------------------- report

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--citebot", required=True, help="the citebot executable")
    parser.add_argument("--jsonl", nargs=2, action="append", default=[], metavar=("TESTSET", "CORPUS"),
                        help="a citebot JSONL test set and the corpus it asks about (repeatable)")
    parser.add_argument("--squad", nargs=2, action="append", default=[], metavar=("FILE", "SCOPES"),
                        help="a SQuAD v1.1/v2.0 file and comma-separated scopes: article, all (repeatable)")
    args = parser.parse_args()

    test_sets = [load_jsonl(args.citebot, path, corpus) for path, corpus in args.jsonl]
    for path, scopes in args.squad:
        test_sets += [load_squad(args.citebot, path, scope) for scope in scopes.split(",")]

    print("| test set | retriever | hit@1 | hit@3 | MRR@10 | answered accuracy |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for test_set in test_sets:
        questions = [q for g in test_set.groups for q in g.questions]
        ungrounded = [q.id for g in test_set.groups for q in g.questions
                      if not q.unanswerable and not any(q.is_gold(s) for s in g.sentences)]
        if ungrounded:
            print(f"compare.py: warning: {test_set.name}: no sentence is gold for "
                  + ", ".join(ungrounded), file=sys.stderr)
        answerable = sum(not q.unanswerable for q in questions)
        sentences = sum(len(g.sentences) for g in test_set.groups)
        label = f"{test_set.name}: {answerable} answerable of {len(questions)}, {sentences} sentences"
        rows = [(name, run_peer(make, test_set)) for name, make in PEERS]
        rows.append(("**citebot**", citebot_figures(args.citebot, test_set)))
        for name, f in rows:
            accuracy = "—" if f.answered_accuracy is None else f"{f.answered_accuracy:.2f}"
            print(f"| {label} | {name} | {f.hit1:.2f} | {f.hit3:.2f} | {f.mrr:.2f} | {accuracy} |")
            label = ""
    print()
    print(f"scikit-learn {version('scikit-learn')}, rank_bm25 {version('rank-bm25')}, bm25s {version('bm25s')}, "
          f"numpy {version('numpy')}; Python {sys.version.split()[0]}. "
          "citebot ranks with --min-score 0; its answered accuracy is at the default threshold.")


if __name__ == "__main__":
    main()
