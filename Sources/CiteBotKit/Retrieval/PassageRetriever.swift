/// Finds the passages most similar to a question through the inverted index.
///
/// The question vector is re-weighted with passage-level idf and L2-normalised; each
/// passage's score is the dot product with its TF-IDF vector (its cosine), accumulated
/// term at a time over the postings into a dense array reused from question to question.
/// Only the passages touched are then offered to a bounded heap of the `limit` best, so
/// selection costs O(touched · log limit) rather than a sort of every match. Ties break
/// by passage order (the earlier passage first).
public struct PassageRetriever: Sendable {
    public let index: CorpusIndex

    public init(index: CorpusIndex) {
        self.index = index
    }

    /// The `limit` passages with the highest cosine to the question vector, best first.
    ///
    /// - Complexity: O(postings of the vector's terms + touched passages · log `limit`).
    public func top(_ vector: [(id: Int32, weight: Double)], limit: Int) -> [(passage: Int, cosine: Double)] {
        top(vector, limit: limit, cancellation: nil)
    }

    /// How many postings are scored between two looks at the cancellation token.
    static let postingsPerCheck = 4_096

    /// ``top(_:limit:)``, checking `cancellation` before each term and every 4,096 postings;
    /// once it is cancelled the result is incomplete and the caller must throw it away.
    func top(
        _ vector: [(id: Int32, weight: Double)], limit: Int, cancellation: CancellationToken?
    ) -> [(passage: Int, cosine: Double)] {
        guard limit > 0 else { return [] }
        // Re-weight by passage-level idf, keeping each entry's share (synonyms count less).
        var weights = vector.map { entry in
            (id: entry.id, weight: Double(index.passageIDF[Int(entry.id)])
                * entry.weight / max(Double(index.sentenceIDF[Int(entry.id)]), .leastNonzeroMagnitude))
        }
        let norm = weights.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        for i in weights.indices { weights[i].weight /= norm }

        var scratch = index.accumulators.take(size: index.passages.count)
        defer { index.accumulators.give(back: scratch) }
        let postings = index.passagePostings
        var best = BoundedHeap(capacity: limit)
        scratch.withBuffers { scores, seen, touched, gathered, counts in
            // Every posting of every term: the hot loop of answering, kept to plain loads and stores.
            var touchedCount = 0
            postings.columns.withUnsafeBufferPointer { rows in
                postings.values.withUnsafeBufferPointer { values in
                    terms: for (id, weight) in weights {
                        // The postings are walked in blocks so that the check stays out of
                        // the inner loop, which is left exactly as tight as without it.
                        let row = postings.row(Int(id))
                        var start = row.lowerBound
                        while start < row.upperBound {
                            if cancellation.isCancelled { break terms }
                            let end = min(start + Self.postingsPerCheck, row.upperBound)
                            for i in start..<end {
                                // Rows are checked against the passage count at load (or built so).
                                let passage = Int(rows[i])
                                precondition(passage >= 0 && passage < scores.count)
                                if seen[passage] == 0 {
                                    seen[passage] = 1
                                    touched[touchedCount] = Int32(passage)
                                    touchedCount += 1
                                }
                                scores[passage] += weight * Double(values[i])
                            }
                            start = end
                        }
                    }
                }
            }
            // One pass at scattered places copies the scores out (in touched order) and clears
            // them; choosing the best then reads the copies in order.
            for i in 0..<touchedCount {
                let passage = Int(touched[i])
                gathered[i] = scores[passage]
                scores[passage] = 0
                seen[passage] = 0
            }
            let floor = Self.floor(of: limit, among: gathered[0..<touchedCount], counts: counts)
            for i in 0..<touchedCount {
                let score = gathered[i]
                // Cheap rejection: below the floor, or once the heap is full, strictly worse than its worst entry.
                if score < floor || (best.isFull && score < best.worstScore) { continue }
                best.offer(passage: Int(touched[i]), score: score)
            }
        }
        return best.sortedBestFirst().map { ($0.passage, $0.score) }
    }
}

extension PassageRetriever {
    /// How finely ``floor(of:among:counts:)`` sorts scores: by their bit patterns'
    /// top bits, which for positive doubles rise with the value, in 2^6 slices per power of
    /// two (steps of at most 1/64 of a score).
    static let sliceShift: UInt64 = 52 - 6
    /// Scores below 2^-16 share the lowest slice, scores of 4 or more the highest: between
    /// them lie every cosine that can decide the best passages.
    static let lowestSliceKey = Int((0x1p-16 as Double).bitPattern >> sliceShift)
    /// The number of slices.
    static let scoreSlices = Int((4.0 as Double).bitPattern >> sliceShift) - lowestSliceKey + 1

    /// A score that at least `limit` of `scores` reach, as high as a count of the scores by
    /// slice can tell; -∞ when there are too few scores or one is NaN.
    ///
    /// Every passage below it is strictly worse than `limit` others, so it cannot be among
    /// the best `limit`: the heap is offered only the few passages above it, rather than
    /// sifting every passage better than a worst entry that rises slowly from the low scores
    /// met first.
    ///
    /// - Complexity: O(scores + ``scoreSlices``). `counts` must hold ``scoreSlices``
    ///   zeros; it is handed back so.
    static func floor(
        of limit: Int, among scores: UnsafeMutableBufferPointer<Double>.SubSequence,
        counts: UnsafeMutableBufferPointer<Int32>
    ) -> Double {
        guard scores.count > limit else { return -.infinity }
        var unordered = false
        let top = counts.count - 1
        for score in scores {
            var slice = 0
            if score > 0 {
                slice = min(max(Int(truncatingIfNeeded: score.bitPattern >> sliceShift) - lowestSliceKey, 0), top)
            } else if score.isNaN {
                unordered = true
            }
            counts[slice] &+= 1
        }
        var reached = 0
        var slice = top
        while slice > 0 {
            reached += Int(counts[slice])
            if reached >= limit { break }
            slice -= 1
        }
        counts.update(repeating: 0)
        // Slice 0 also holds zero and negative scores, which are below its lower edge: no floor then.
        guard !unordered, slice > 0 else { return -.infinity }
        return Double(bitPattern: UInt64(slice + lowestSliceKey) << sliceShift)
    }
}
