import Testing
@testable import CiteBotKit

/// Passage postings made straight from sentence rows must equal, bit for bit, summing each
/// passage's row, weighting it and transposing the rows, as the index did before, less the
/// passages that are not posted.
@Suite struct PassagePostingsTests {
    /// Random sentence rows (terms ascending, counts 1…300 so that the tf table's end is
    /// crossed) cut into passages of 1…4 sentences.
    static func corpus(seed: UInt64) -> (rows: CountRows, passageStarts: [Int], termCount: Int) {
        var generator = SeededGenerator(seed: seed)
        let termCount = 40
        var rows = CountRows()
        for _ in 0..<200 {
            let terms = (0..<termCount).filter { _ in generator.next() % 6 == 0 }
            for term in terms {
                rows.columns.append(Int32(term))
                rows.counts.append(generator.next() % 10 == 0 ? Int32(256 + generator.next() % 45) : Int32(1 + generator.next() % 4))
            }
            rows.offsets.append(rows.columns.count)
        }
        var passageStarts = [0]
        while passageStarts[passageStarts.count - 1] < rows.count {
            passageStarts.append(min(rows.count, passageStarts[passageStarts.count - 1] + 1 + Int(generator.next() % 4)))
        }
        return (rows, passageStarts, termCount)
    }

    /// The old way: passage rows, weighted, transposed; then the passages not posted dropped.
    static func reference(_ rows: CountRows, _ passageStarts: [Int], posts: [Bool], termCount: Int) -> (postings: SparseRows, idf: [Float]) {
        var passageRows = CountRows()
        for p in 0..<(passageStarts.count - 1) {
            var total = [Int32: Int32]()
            for s in passageStarts[p]..<passageStarts[p + 1] {
                for i in rows.offsets[s]..<rows.offsets[s + 1] { total[rows.columns[i], default: 0] += rows.counts[i] }
            }
            for term in total.keys.sorted() {
                passageRows.columns.append(term)
                passageRows.counts.append(total[term] ?? 0)
            }
            passageRows.offsets.append(passageRows.columns.count)
        }
        let idf = passageRows.documentFrequency(termCount: termCount).map {
            Float(TfIdfWeighting.idf(documentFrequency: Int($0), unitCount: passageStarts.count - 1))
        }
        let vectors = passageRows.weighted(idf: idf, workers: 1)
        var postingRows = [[Int32]](repeating: [], count: termCount)
        var postingValues = [[Float]](repeating: [], count: termCount)
        for r in 0..<vectors.count where posts[r] {
            for i in vectors.offsets[r]..<vectors.offsets[r + 1] {
                postingRows[Int(vectors.columns[i])].append(Int32(r))
                postingValues[Int(vectors.columns[i])].append(vectors.values[i])
            }
        }
        var offsets = [0]
        for list in postingRows { offsets.append(offsets[offsets.count - 1] + list.count) }
        return (SparseRows(offsets: offsets, columns: postingRows.flatMap { $0 }, values: postingValues.flatMap { $0 }), idf)
    }

    @Test(arguments: [1, 2, 3, 5] as [UInt64])
    func equalsWeightingThenTransposing(seed: UInt64) {
        let (rows, passageStarts, termCount) = Self.corpus(seed: seed)
        var generator = SeededGenerator(seed: seed)
        let everyPassage = [Bool](repeating: true, count: passageStarts.count - 1)
        let somePassages = everyPassage.map { _ in generator.next() % 3 != 0 }
        for posts in [everyPassage, somePassages] {
            let expected = Self.reference(rows, passageStarts, posts: posts, termCount: termCount)
            for workers in [1, 2, 3] {
                let built = PassagePostings.build(sentenceRows: rows, passageStarts: passageStarts, posts: posts,
                                                  termCount: termCount, workers: workers)
                #expect(built.postings == expected.postings, "seed \(seed), \(workers) workers")
                #expect(built.idf == expected.idf, "seed \(seed), \(workers) workers")
            }
        }
    }

    @Test func passagesNotPostedAreNeverFoundButCountInTheIdf() {
        // Two passages of one sentence each, both holding term 0; only the second is posted.
        var rows = CountRows()
        for _ in 0..<2 {
            rows.columns.append(0)
            rows.counts.append(1)
            rows.offsets.append(rows.columns.count)
        }
        let built = PassagePostings.build(sentenceRows: rows, passageStarts: [0, 1, 2], posts: [false, true],
                                          termCount: 1, workers: 1)
        #expect(Array(built.postings.columns) == [1])
        #expect(built.idf == [Float(TfIdfWeighting.idf(documentFrequency: 2, unitCount: 2))])
    }
}
