/// One content word of a question, resolved against the index.
public struct QueryTerm: Sendable, Hashable {
    /// The word as typed (folded).
    public var surface: String
    /// The term it is matched under (a stem); for a corrected word, the correction's stem.
    public var term: String
    /// The term's id in the index, or nil when the corpus never uses it.
    public var id: Int32?
    /// The corpus word a misspelling was corrected to, if any.
    public var correction: String?
    /// Terms of the corpus that mean the same (from the lexicon), matched at reduced weight.
    public var synonyms: [Int32]
    /// The surface forms of ``synonyms``, for explanations.
    public var synonymWords: [String]
    /// The term's weight in the question: sentence-level idf (the largest idf when unknown).
    public var weight: Double

    public init(
        surface: String, term: String, id: Int32?, correction: String? = nil,
        synonyms: [Int32] = [], synonymWords: [String] = [], weight: Double
    ) {
        self.surface = surface
        self.term = term
        self.id = id
        self.correction = correction
        self.synonyms = synonyms
        self.synonymWords = synonymWords
        self.weight = weight
    }
}

/// A question ready for ranking: its terms, each with its weight and alternatives.
public struct Query: Sendable, Hashable {
    public var terms: [QueryTerm]
    /// The share of a term's weight that a synonym match earns.
    public var synonymShare: Double

    public init(terms: [QueryTerm], synonymShare: Double = 0.7) {
        self.terms = terms
        self.synonymShare = synonymShare
    }

    /// Sum of all term weights, known or not: the denominator of coverage.
    public var totalWeight: Double { terms.reduce(0) { $0 + $1.weight } }

    /// Every term id to look up, with its weight in the question vector: a known term at
    /// its own weight, each synonym at ``synonymShare`` of the term's weight. Sorted by id;
    /// an id reached twice keeps the larger weight.
    public var vector: [(id: Int32, weight: Double)] {
        var merged: [Int32: Double] = [:]
        for term in terms {
            if let id = term.id { merged[id] = max(merged[id] ?? 0, term.weight) }
            for synonym in term.synonyms {
                merged[synonym] = max(merged[synonym] ?? 0, synonymShare * term.weight)
            }
        }
        return merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
