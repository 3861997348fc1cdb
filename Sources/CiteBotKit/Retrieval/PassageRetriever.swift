/// Finds the passages most similar to a question through the inverted index.
///
/// The question vector is re-weighted with passage-level idf and L2-normalised; each
/// passage's score is the dot product with its TF-IDF vector (its cosine), accumulated
/// term at a time over the postings. Ties break by passage order.
public struct PassageRetriever: Sendable {
    public let index: CorpusIndex

    public init(index: CorpusIndex) {
        self.index = index
    }

    /// The `limit` passages with the highest cosine to the question vector, best first.
    ///
    /// - Complexity: O(postings of the vector's terms + matched passages · log).
    public func top(_ vector: [(id: Int32, weight: Double)], limit: Int) -> [(passage: Int, cosine: Double)] {
        // Re-weight by passage-level idf, keeping each entry's share (synonyms count less).
        var weights = vector.map { entry in
            (id: entry.id, weight: Double(index.passageIDF[Int(entry.id)])
                * entry.weight / max(Double(index.sentenceIDF[Int(entry.id)]), .leastNonzeroMagnitude))
        }
        let norm = weights.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        for i in weights.indices { weights[i].weight /= norm }
        var scores: [Int: Double] = [:]
        for (id, weight) in weights {
            for i in index.passagePostings.row(Int(id)) {
                scores[Int(index.passagePostings.columns[i]), default: 0] += weight * Double(index.passagePostings.values[i])
            }
        }
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { ($0.key, $0.value) }
    }

}
