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
    /// The term's weight in the question: sentence-level idf (the largest idf when unknown).
    public var weight: Double
}

/// A question ready for ranking.
public struct Query: Sendable, Hashable {
    public var terms: [QueryTerm]

    /// Distinct known term ids with their summed question weights.
    public var knownWeights: [(id: Int32, weight: Double)] {
        var merged: [Int32: Double] = [:]
        for term in terms { if let id = term.id { merged[id, default: 0] += term.weight } }
        return merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Sum of all term weights, known or not.
    public var totalWeight: Double { terms.reduce(0) { $0 + $1.weight } }

    public static func == (lhs: Query, rhs: Query) -> Bool { lhs.terms == rhs.terms }
    public func hash(into hasher: inout Hasher) { hasher.combine(terms) }
}
