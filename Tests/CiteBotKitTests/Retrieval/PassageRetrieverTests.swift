import Testing
@testable import CiteBotKit

/// The accumulator-and-heap retriever must return what scoring every matched passage
/// and sorting them returns, ties by passage order, less the copies of better passages.
@Suite struct PassageRetrieverTests {
    /// Scores every matched passage in a dictionary and sorts them all; when `collapsing`,
    /// drops each passage whose score and sentence texts equal those of one before it.
    static func reference(
        _ index: CorpusIndex, _ vector: [(id: Int32, weight: Double)], limit: Int, collapsing: Bool = true
    ) -> [(passage: Int, cosine: Double)] {
        var weights = vector.map { entry in
            (id: entry.id, weight: Double(index.passageIDF[Int(entry.id)])
                * entry.weight / max(Double(index.sentenceIDF[Int(entry.id)]), .leastNonzeroMagnitude))
        }
        let norm = weights.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        for i in weights.indices { weights[i].weight /= norm }
        // Single precision, as the retriever accumulates.
        var sums: [Int: Float] = [:]
        for (id, weight) in weights {
            for i in index.passagePostings.row(Int(id)) {
                sums[Int(index.passagePostings.columns[i]), default: 0] += Float(weight) * index.passagePostings.values[i]
            }
        }
        let scores = sums.mapValues(Double.init)
        let sorted = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        func texts(_ passage: Int) -> [String] { index.passages[passage].map { index.text(ofSentence: $0) } }
        var kept: [(passage: Int, cosine: Double)] = []
        for (passage, cosine) in sorted where kept.count < limit {
            if collapsing, kept.contains(where: { $0.cosine == cosine && texts($0.passage) == texts(passage) }) { continue }
            kept.append((passage, cosine))
        }
        return kept
    }

    @Test(arguments: [3, 8, 31])
    func agreesWithSortingEveryMatch(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let documents = (0..<20).map { _ in RandomText.document(&generator, paragraphs: 4) }
        let index = try Fixtures.index(documents)
        let retriever = PassageRetriever(index: index)
        for round in 0..<100 {
            let terms = Set((0..<(1 + Int(generator.next() % 4))).map { _ in Int32(generator.next() % UInt64(index.vocabulary.count)) })
            let vector = terms.sorted().map { (id: $0, weight: Double(1 + generator.next() % 3)) }
            let limit = 1 + Int(generator.next() % 12)
            let expected = Self.reference(index, vector, limit: limit)
            let actual = retriever.top(vector, limit: limit)
            #expect(actual.map(\.passage) == expected.map(\.passage) && actual.map(\.cosine) == expected.map(\.cosine),
                    "seed \(seed), round \(round)")
        }
    }

    /// Many more passages touched than asked for, so that the floor leaves most of them out.
    @Test(arguments: [4, 19])
    func agreesWithSortingEveryMatchWhenFewOfManyAreAsked(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let documents = (0..<60).map { _ in RandomText.document(&generator, paragraphs: 6) }
        let index = try Fixtures.index(documents)
        let retriever = PassageRetriever(index: index)
        for round in 0..<40 {
            let terms = Set((0..<(1 + Int(generator.next() % 5))).map { _ in Int32(generator.next() % UInt64(index.vocabulary.count)) })
            let vector = terms.sorted().map { (id: $0, weight: Double(1 + generator.next() % 3)) }
            let limit = 1 + Int(generator.next() % 40)
            let expected = Self.reference(index, vector, limit: limit)
            let actual = retriever.top(vector, limit: limit)
            #expect(actual.map(\.passage) == expected.map(\.passage) && actual.map(\.cosine) == expected.map(\.cosine),
                    "seed \(seed), round \(round)")
        }
    }

    /// The floor leaves out only scores that `limit` others beat: at least `limit` scores
    /// reach it, and it is the lower edge of the slice where they are first reached.
    @Test(arguments: [2, 23, 71])
    func floorIsReachedByAtLeastTheAskedNumber(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let pool: [Double] = [0, -0.5, 1, 0.5, 0.25, 7, 1e-9, 0x1p-16, 0.3333]
        for round in 0..<200 {
            let count = Int(generator.next() % 300)
            let scores = (0..<count).map { _ in
                generator.next() % 4 == 0 ? pool[Int(generator.next() % UInt64(pool.count))]
                    : Double(generator.next() % 1_000_000) / 1_000_000
            }
            let limit = 1 + Int(generator.next() % 50)
            var buffer = scores
            var counts = [Int32](repeating: 0, count: PassageRetriever.scoreSlices)
            let floor = buffer.withUnsafeMutableBufferPointer { scores in
                counts.withUnsafeMutableBufferPointer { counts in
                    PassageRetriever.floor(of: limit, among: scores[...], counts: counts)
                }
            }
            #expect(counts.allSatisfy { $0 == 0 }, "seed \(seed), round \(round): the counts are handed back zero")
            if count <= limit {
                #expect(floor == -.infinity, "seed \(seed), round \(round)")
                continue
            }
            let reaching = scores.filter { $0 >= floor }.count
            #expect(reaching >= limit, "seed \(seed), round \(round): only \(reaching) of \(limit) reach \(floor)")
            // Not needlessly low: the limit-th best score lies within one slice (1/64 of a power of two) above it.
            let kth = scores.sorted(by: >)[limit - 1]
            #expect(floor == -.infinity ? kth < 0x1p-15 : kth < floor * (1 + 1.0 / 32) || kth >= 4,
                    "seed \(seed), round \(round): floor \(floor), limit-th score \(kth)")
        }
    }

    @Test func noFloorWhenAScoreIsNaN() {
        var scores: [Double] = [0.9, .nan, 0.8, 0.7]
        var counts = [Int32](repeating: 0, count: PassageRetriever.scoreSlices)
        let floor = scores.withUnsafeMutableBufferPointer { scores in
            counts.withUnsafeMutableBufferPointer { counts in
                PassageRetriever.floor(of: 2, among: scores[...], counts: counts)
            }
        }
        #expect(floor == -.infinity)
    }

    @Test func tiesBreakByPassageOrder() throws {
        // Three identical passages: equal cosines, so the earlier passages come first.
        let index = try Fixtures.index(["Cats sleep.\n\nCats sleep.\n\nCats sleep."])
        let cat = try #require(index.vocabulary.id(of: "cat"))
        #expect(PassageRetriever(index: index).top([(cat, 1)], limit: 2, collapsingCopies: false).map(\.passage) == [0, 1])
    }

    @Test func aCopyOfABetterPassageIsLeftOut() throws {
        // Passages 0 and 2 are the same text; 1 differs in a word that carries weight.
        let index = try Fixtures.index(["Cats sleep all day.\n\nCats sleep all night.\n\nCats sleep all day."])
        let cat = try #require(index.vocabulary.id(of: "cat"))
        let retriever = PassageRetriever(index: index)
        #expect(retriever.top([(cat, 1)], limit: 3).map(\.passage) == [0, 1])
        #expect(retriever.top([(cat, 1)], limit: 3, collapsingCopies: false).map(\.passage) == [0, 2, 1])
    }

    /// Whole documents repeated, the way a corpus can hold the same file under two names: the
    /// copies must not take the places of the distinct passages, which are still all found.
    @Test(arguments: [5, 12])
    func copiesLeaveRoomForDistinctPassages(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let distinct = (0..<15).map { _ in RandomText.document(&generator, paragraphs: 4) }
        // Each document three times over, so that a first choice of the best few holds copies.
        let index = try Fixtures.index(distinct + distinct + distinct)
        let retriever = PassageRetriever(index: index)
        for round in 0..<60 {
            let terms = Set((0..<(1 + Int(generator.next() % 4))).map { _ in Int32(generator.next() % UInt64(index.vocabulary.count)) })
            let vector = terms.sorted().map { (id: $0, weight: Double(1 + generator.next() % 3)) }
            let limit = 1 + Int(generator.next() % 20)
            for collapsing in [true, false] {
                let expected = Self.reference(index, vector, limit: limit, collapsing: collapsing)
                let actual = retriever.top(vector, limit: limit, collapsingCopies: collapsing)
                #expect(actual.map(\.passage) == expected.map(\.passage) && actual.map(\.cosine) == expected.map(\.cosine),
                        "seed \(seed), round \(round), collapsing \(collapsing)")
            }
        }
    }

    @Test func aHeadingOnItsOwnIsNeverFound() throws {
        // The heading is a passage of its own, with nothing in it to cite.
        let index = try Fixtures.index(["# Cats\n\nCats sleep all day, and cats purr."])
        let cat = try #require(index.vocabulary.id(of: "cat"))
        let found = PassageRetriever(index: index).top([(cat, 1)], limit: 5)
        #expect(found.count == 1)
        #expect(found.allSatisfy { index.passages[$0.passage].contains { index.sentences.isCitable($0) } })
    }
}

/// A passage's shape tells its copies from other passages without reading them.
@Suite struct PassageShapeTests {
    @Test func copiesShareAShapeAndOtherTextDoesNot() throws {
        let text = "Kettles boil water. They switch off by themselves."
        let index = try Fixtures.index([
            text,
            text,                                                    // a copy
            "Kettles boil water? They switch off by themselves.",    // same lengths, one role
            "Kettles boil water. They switch off by itself.",        // one length
            "Kettles boil water.",                                   // one sentence fewer
        ])
        let shapes = index.passages.indices.map { index.passages.shapes[$0] }
        #expect(shapes.count == 5)
        #expect(shapes[0] == shapes[1])
        #expect(Set(shapes).count == 4, "\(shapes)")
    }
}
