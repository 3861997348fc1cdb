/// Finds the passages most similar to a question through the inverted index.
///
/// The question vector is re-weighted with passage-level idf and L2-normalised; each
/// passage's score is the dot product with its TF-IDF vector (its cosine), accumulated
/// term at a time over the postings, in single precision, into a dense array reused from
/// question to question.
/// Only the passages touched are then offered to a bounded heap of the `limit` best, so
/// selection costs O(touched · log limit) rather than a sort of every match. Ties break
/// by passage order (the earlier passage first).
public struct PassageRetriever: Sendable {
    public let index: CorpusIndex

    public init(index: CorpusIndex) {
        self.index = index
    }

    /// The `limit` passages with the highest cosine to the question vector, best first (the
    /// index holds only passages with a citable sentence); when `collapsingCopies`, a passage whose text is a copy
    /// of a better one's (the same document twice in a corpus) is left out, so that copies do
    /// not crowd out the distinct passages sentences are chosen from.
    ///
    /// - Complexity: O(postings of the vector's terms + touched passages · log `limit`).
    public func top(
        _ vector: [(id: Int32, weight: Double)], limit: Int, collapsingCopies: Bool = true
    ) -> [(passage: Int, cosine: Double)] {
        top(vector, limit: limit, collapsingCopies: collapsingCopies, cancellation: nil)
    }

    /// How many postings are scored between two looks at the cancellation token.
    static let postingsPerCheck = 4_096

    /// ``top(_:limit:)``, checking `cancellation` before each term and every 4,096 postings;
    /// once it is cancelled the result is incomplete and the caller must throw it away.
    func top(
        _ vector: [(id: Int32, weight: Double)], limit: Int, collapsingCopies: Bool = true,
        cancellation: CancellationToken?
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
        var chosen: [BoundedHeap.Entry] = []
        scratch.withBuffers { scores, seen, touched, gathered, counts in
            // Every posting of every term: the hot loop of answering, kept to plain loads and stores.
            var touchedCount = 0
            postings.columns.withUnsafeBufferPointer { rows in
                postings.values.withUnsafeBufferPointer { values in
                    terms: for (id, termWeight) in weights {
                        let weight = Float(termWeight)
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
                                scores[passage] += weight * values[i]
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
                gathered[i] = Double(scores[passage])
                scores[passage] = 0
                seen[passage] = 0
            }
            // When `collapsingCopies`, a copy of a better passage is passed over. The floor
            // counts copies too, so when that leaves fewer than `limit`, the choice is made
            // again under the lower floor of a larger count (the scores are kept, so only
            // choosing is repeated).
            let histogram = SliceHistogram(gathered[0..<touchedCount], counts: counts)
            defer { counts.update(repeating: 0) }
            // A little room from the start, so that a few copies do not call for a second round.
            var capacity = collapsingCopies ? limit + limit / 4 : limit
            while true {
                var heap = BoundedHeap(capacity: capacity)
                let floor = histogram.floor(of: capacity)
                for i in 0..<touchedCount {
                    let score = gathered[i]
                    // Cheap rejection: below the floor, or once the heap is full, strictly worse than its worst entry.
                    if score < floor || (heap.isFull && score < heap.worstScore) { continue }
                    heap.offer(passage: Int(touched[i]), score: score)
                }
                chosen = []
                // Where the run of chosen passages with the current score begins: copies tie.
                var tieStart = 0
                for entry in heap.sortedBestFirst() where chosen.count < limit {
                    if let last = chosen.last, last.score != entry.score { tieStart = chosen.count }
                    if collapsingCopies, chosen[tieStart...].contains(where: { isCopy(entry.passage, of: $0.passage) }) { continue }
                    chosen.append(entry)
                }
                if chosen.count >= limit || floor == -.infinity { break }
                // Copies come in runs: grow by the share of the passages above the floor that
                // were kept, with room to spare.
                let needed = Double(capacity) * Double(limit) / Double(max(chosen.count, 1)) * 1.5
                capacity = min(touchedCount, max(capacity * 2, Int(needed.rounded(.up))))
            }
        }
        return chosen.map { ($0.passage, $0.score) }
    }
}

extension PassageRetriever {
    /// Whether `passage`, which ties with `other` on score, is a copy of it: the same
    /// shape (``PassageList/shape(of:in:)``), that is as many sentences, each of the same
    /// role and the same length in bytes.
    ///
    /// Two passages whose cosines with a question are equal to the last bit have the same
    /// weights for the question's terms and the same norm; with the same sentences of the
    /// same lengths as well, they are the same text, or differ only in words that carry no
    /// weight, and either one's sentences are quoted as they are. Neither the terms nor the
    /// text are compared, nor the sentences read: on a corpus holding many copies, reading
    /// them cost more than the rest of choosing, and the copies of a passage lie far apart.
    ///
    /// - Complexity: O(1).
    func isCopy(_ passage: Int, of other: Int) -> Bool {
        index.passages.shapes[passage] == index.passages.shapes[other]
    }

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
        let histogram = SliceHistogram(scores, counts: counts)
        defer { counts.update(repeating: 0) }
        return histogram.floor(of: limit)
    }
}

/// How many scores fall in each slice of ``PassageRetriever/scoreSlices``: counted once,
/// it gives the floor for any number of best passages (``floor(of:)``).
struct SliceHistogram {
    let counts: UnsafeMutableBufferPointer<Int32>
    let total: Int
    /// Whether a score was NaN, which has no place in the order.
    let unordered: Bool

    /// Counts `scores` into `counts`, which must hold ``PassageRetriever/scoreSlices``
    /// zeros; the caller zeroes it again when done.
    ///
    /// - Complexity: O(scores).
    init(_ scores: UnsafeMutableBufferPointer<Double>.SubSequence, counts: UnsafeMutableBufferPointer<Int32>) {
        var unordered = false
        let top = counts.count - 1
        for score in scores {
            var slice = 0
            if score > 0 {
                slice = min(max(Int(truncatingIfNeeded: score.bitPattern >> PassageRetriever.sliceShift)
                    - PassageRetriever.lowestSliceKey, 0), top)
            } else if score.isNaN {
                unordered = true
            }
            counts[slice] &+= 1
        }
        self.counts = counts
        self.total = scores.count
        self.unordered = unordered
    }

    /// A score that at least `limit` of the scores reach, as high as the slices can tell;
    /// -∞ when there are too few scores or one is NaN.
    ///
    /// - Complexity: O(``PassageRetriever/scoreSlices``).
    func floor(of limit: Int) -> Double {
        guard total > limit else { return -.infinity }
        var reached = 0
        var slice = counts.count - 1
        while slice > 0 {
            reached += Int(counts[slice])
            if reached >= limit { break }
            slice -= 1
        }
        // Slice 0 also holds zero and negative scores, which are below its lower edge: no floor then.
        guard !unordered, slice > 0 else { return -.infinity }
        return Double(bitPattern: UInt64(slice + PassageRetriever.lowestSliceKey) << PassageRetriever.sliceShift)
    }
}
