/// Passage postings made straight from sentence rows, without the passage rows.
///
/// A passage's vector is the sum of its sentences' rows, weighted like a sentence's
/// (``CountRows/weighted(idf:workers:)``: w = (1 + ln c) · idf, divided by the row's
/// L2 norm), and an index keeps it only by term. Rather than materialise every passage
/// row, weight them, then transpose them (three copies of the postings at once), each
/// passage's row is summed twice into a scratch table: once to count the passages of each
/// term (the idf needs them all), once to write its weights into their term's postings.
/// The arithmetic and its order are those of weighting then transposing, so the postings
/// are the same to the bit.
enum PassagePostings {
    /// The postings of every passage that `posts` (`passageStarts[p]..<passageStarts[p + 1]`
    /// are passage p's sentences), and each term's passage-level idf over all passages.
    ///
    /// A passage left out (one with no citable sentence, such as a heading on its own) can
    /// never be found, and so never takes the place of one that can give an answer; the
    /// idf still counts it, so the other passages' weights do not depend on which are left
    /// out.
    ///
    /// Passages are split into chunks handled on `workers` threads; each chunk writes its
    /// passages' entries from where the passages before it end, so the result does not
    /// depend on `workers`.
    /// - Complexity: O(sentence entries · 2 + passage entries · log(entries per passage)).
    static func build(
        sentenceRows: CountRows, passageStarts: [Int], posts: [Bool], termCount: Int, workers: Int
    ) -> (postings: SparseRows, idf: [Float]) {
        precondition(posts.count == passageStarts.count - 1)
        let passageCount = passageStarts.count - 1
        // Each chunk keeps a count per term, so the chunks are few.
        let chunks = ParallelChunks.ranges(passageCount, pieces: workers > 1 ? min(workers * 2, 16) : 1)
        // Per chunk: each term's passages, all of them (for the idf) and those posted.
        let chunkFrequencies = ParallelChunks.map(chunks.count, workers: workers) { c -> (all: [Int32], posted: [Int32]) in
            var frequency = [Int32](repeating: 0, count: termCount)
            var posted = [Int32](repeating: 0, count: termCount)
            var summer = PassageSummer(termCount: termCount)
            for p in chunks[c] {
                summer.sum(passageStarts[p]..<passageStarts[p + 1], of: sentenceRows)
                for term in summer.touched { frequency[Int(term)] += 1 }
                if posts[p] { for term in summer.touched { posted[Int(term)] += 1 } }
                summer.clear()
            }
            return (frequency, posted)
        }
        var frequency = [Int32](repeating: 0, count: termCount)
        var postedFrequency = [Int32](repeating: 0, count: termCount)
        for part in chunkFrequencies {
            for t in 0..<termCount {
                frequency[t] += part.all[t]
                postedFrequency[t] += part.posted[t]
            }
        }
        var offsets = [Int](repeating: 0, count: termCount + 1)
        for t in 0..<termCount { offsets[t + 1] = offsets[t] + Int(postedFrequency[t]) }
        // Where each chunk writes its first entry of each term.
        var starts: [[Int]] = []
        var next = Array(offsets.dropLast())
        for part in chunkFrequencies {
            starts.append(next)
            for t in 0..<termCount { next[t] += Int(part.posted[t]) }
        }
        let cursors = starts
        let idf = frequency.map { Float(TfIdfWeighting.idf(documentFrequency: Int($0), unitCount: passageCount)) }
        let tf = (0..<256).map { Float(TfIdfWeighting.tf($0)) }
        let total = offsets[termCount]
        var rows = [Int32](repeating: 0, count: total)
        var values = [Float](repeating: 0, count: total)
        // The chunks write disjoint slots of the two arrays; their addresses go to the
        // workers as integers, as nothing else touches the arrays meanwhile.
        rows.withUnsafeMutableBufferPointer { rowBuffer in
            values.withUnsafeMutableBufferPointer { valueBuffer in
                let rowAddress = UInt(bitPattern: rowBuffer.baseAddress)
                let valueAddress = UInt(bitPattern: valueBuffer.baseAddress)
                _ = ParallelChunks.map(chunks.count, workers: workers) { c -> Bool in
                    guard let rows = UnsafeMutablePointer<Int32>(bitPattern: rowAddress),
                          let values = UnsafeMutablePointer<Float>(bitPattern: valueAddress)
                    else { return false }
                    var cursor = cursors[c]
                    var summer = PassageSummer(termCount: termCount)
                    var weights: [Float] = []
                    for p in chunks[c] where posts[p] {
                        summer.sum(passageStarts[p]..<passageStarts[p + 1], of: sentenceRows)
                        summer.touched.sort()
                        weights.removeAll(keepingCapacity: true)
                        var norm: Float = 0
                        for term in summer.touched {
                            let count = Int(summer.total[Int(term)])
                            let weight = (count < 256 ? tf[count] : Float(TfIdfWeighting.tf(count))) * idf[Int(term)]
                            weights.append(weight)
                            norm += weight * weight
                        }
                        let length = norm.squareRoot()
                        for (term, weight) in zip(summer.touched, weights) {
                            let slot = cursor[Int(term)]
                            rows[slot] = Int32(p)
                            values[slot] = length > 0 ? weight / length : weight
                            cursor[Int(term)] = slot + 1
                        }
                        summer.clear()
                    }
                    return true
                }
            }
        }
        return (SparseRows(offsets: offsets, columns: rows, values: values), idf)
    }
}

/// Sums sentence rows into one passage row, reusing a dense table by term.
private struct PassageSummer {
    /// Per term, its count in the passage being summed (0 for terms not in it).
    var total: [Int32]
    /// The passage's distinct terms, in order of first appearance.
    var touched: [Int32] = []

    init(termCount: Int) {
        total = [Int32](repeating: 0, count: termCount)
    }

    mutating func sum(_ sentences: Range<Int>, of rows: CountRows) {
        for s in sentences {
            for i in rows.offsets[s]..<rows.offsets[s + 1] {
                let term = Int(rows.columns[i])
                if total[term] == 0 { touched.append(Int32(term)) }
                total[term] += rows.counts[i]
            }
        }
    }

    /// Empties the table for the next passage.
    mutating func clear() {
        for term in touched { total[Int(term)] = 0 }
        touched.removeAll(keepingCapacity: true)
    }
}
