/// One indexing worker's memory of words: each distinct surface word is folded, checked
/// against the stop words and stemmed once, then found again by its bytes.
///
/// This is the per-worker stem cache: nothing is shared, so nothing is locked. Surface
/// and term ids are local to the worker; ``TermPool`` hands them to the index assembler.
struct TermInterner {
    private(set) var surfaces = ByteStringTable()
    /// The term id of each surface, or -1 for a stop word.
    private(set) var surfaceTerm: [Int32] = []
    private(set) var terms = ByteStringTable()
    private let stemmer: LocalStemmer
    private let stopWords: Set<String>

    init?(stopWords: Set<String>) {
        guard let stemmer = LocalStemmer() else { return nil }
        self.stemmer = stemmer
        self.stopWords = stopWords
    }

    /// The surface id of the folded word `word` and its term id (-1 for a stop word).
    ///
    /// - Complexity: O(|word|) expected; the first sight of a word also stems it.
    @inline(__always)
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> (surface: Int32, term: Int32) {
        if let id = surfaces.find(word) { return (id, surfaceTerm[Int(id)]) }
        let id = surfaces.insert(word).id
        let term: Int32
        if stopWords.contains(String(decoding: word, as: UTF8.self)) {
            term = -1
        } else {
            term = stemmer.withStem(of: word) { stem in terms.insert(stem).id }
        }
        surfaceTerm.append(term)
        return (id, term)
    }

    /// The tables as they stand, for the assembler.
    func pool() -> TermPool {
        TermPool(terms: terms, surfaces: surfaces, surfaceTerm: surfaceTerm)
    }
}

/// Terms and surface words that document analyses refer to by id: a worker's interned
/// words, or the vocabulary of a saved index.
struct TermPool: Sendable {
    var terms: ByteStringTable
    var surfaces: ByteStringTable
    /// Term id by surface id (-1: a stop word, never referenced by an analysis).
    var surfaceTerm: [Int32]
}
