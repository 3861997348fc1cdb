"""One peer system, one phase, in its own process (so its peak memory is its own).

    peers.py SYSTEM build SENTENCES.jsonl INDEX_DIR      -> prints {"seconds": index time}
    peers.py SYSTEM answer SENTENCES.jsonl INDEX_DIR QUESTIONS.txt OUT.jsonl
        -> loads the saved index, answers every question (top 10), writes the top-1
           sentence text per question, prints {"first": s, "seconds": s for all}

The index time excludes reading the sentences file: the peers get their input in memory.
"""
import json
import os
import pickle
import re
import sys
import time

START = time.perf_counter()
WORD = re.compile(r"\w+")


def sentences(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]


def questions(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


class Tantivy:
    def build(self, texts, directory):
        import tantivy
        schema = tantivy.SchemaBuilder()
        schema.add_text_field("text", stored=False, tokenizer_name="en_stem")
        schema.add_integer_field("id", stored=True, indexed=False, fast=False)
        index = tantivy.Index(schema.build(), path=directory)
        writer = index.writer(heap_size=256_000_000, num_threads=1)
        for i, text in enumerate(texts):
            writer.add_document(tantivy.Document(text=text, id=i))
        writer.commit()
        writer.wait_merging_threads()

    def open(self, directory):
        import tantivy
        self.index = tantivy.Index.open(directory)
        self.index.reload()
        self.searcher = self.index.searcher()

    def top(self, question):
        words = " ".join(WORD.findall(question))
        if not words:
            return None
        query = self.index.parse_query(words, ["text"])
        hits = self.searcher.search(query, 10).hits
        if not hits:
            return None
        return self.searcher.doc(hits[0][1])["id"][0]


class BM25S:
    def build(self, texts, directory):
        import bm25s
        import Stemmer
        stemmer = Stemmer.Stemmer("english")
        tokens = bm25s.tokenize(texts, stopwords="en", stemmer=stemmer, show_progress=False)
        retriever = bm25s.BM25()
        retriever.index(tokens, show_progress=False)
        retriever.save(directory)

    def open(self, directory):
        import bm25s
        import Stemmer
        self.stemmer = Stemmer.Stemmer("english")
        self.retriever = bm25s.BM25.load(directory)
        self.bm25s = bm25s

    def top(self, question):
        tokens = self.bm25s.tokenize([question], stopwords="en", stemmer=self.stemmer, show_progress=False)
        if not tokens.ids or not tokens.ids[0]:
            return None
        results, _ = self.retriever.retrieve(tokens, k=10, show_progress=False, n_threads=1)
        return int(results[0][0])


class SKLearn:
    def build(self, texts, directory):
        from sklearn.feature_extraction.text import TfidfVectorizer
        vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype="float32")
        matrix = vectorizer.fit_transform(texts).T.tocsr()  # terms x sentences: postings
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "tfidf.pickle"), "wb") as f:
            pickle.dump((vectorizer, matrix), f, protocol=pickle.HIGHEST_PROTOCOL)

    def open(self, directory):
        import numpy
        with open(os.path.join(directory, "tfidf.pickle"), "rb") as f:
            self.vectorizer, self.matrix = pickle.load(f)
        self.numpy = numpy

    def top(self, question):
        query = self.vectorizer.transform([question])
        if query.nnz == 0:
            return None
        scores = (query @ self.matrix).toarray().ravel()  # only the postings of the query's terms
        best = self.numpy.argpartition(-scores, 9)[:10]
        best = best[self.numpy.argsort(-scores[best], kind="stable")]
        return int(best[0]) if scores[best[0]] > 0 else None


SYSTEMS = {"tantivy": Tantivy, "bm25s": BM25S, "scikit-learn": SKLearn}


def main():
    system, phase, sentences_path, directory = sys.argv[1:5]
    peer = SYSTEMS[system]()
    loading = time.perf_counter()
    texts = sentences(sentences_path)
    # Reading our JSONL copy of the sentences is not part of the peer's start-up.
    loaded = time.perf_counter() - loading
    if phase == "build":
        began = time.perf_counter()
        peer.build(texts, directory)
        print(json.dumps({"seconds": time.perf_counter() - began}))
        return
    asked = questions(sys.argv[5])
    peer.open(directory)
    first = None
    began = time.perf_counter()
    with open(sys.argv[6], "w", encoding="utf-8") as out:
        for question in asked:
            best = peer.top(question)
            if first is None:
                first = time.perf_counter() - START - loaded
            out.write(json.dumps({"top": texts[best] if best is not None else None}) + "\n")
    print(json.dumps({"first": first, "seconds": time.perf_counter() - began, "loaded": loaded}))


if __name__ == "__main__":
    main()
