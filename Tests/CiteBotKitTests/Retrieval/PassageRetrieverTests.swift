import Testing
@testable import CiteBotKit

/// The accumulator-and-heap retriever must return what scoring every matched passage
/// and sorting them returns, ties by passage order.
@Suite struct PassageRetrieverTests {
    /// Scores every matched passage in a dictionary and sorts them all.
    static func reference(_ index: CorpusIndex, _ vector: [(id: Int32, weight: Double)], limit: Int) -> [(passage: Int, cosine: Double)] {
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

    @Test func tiesBreakByPassageOrder() throws {
        // Three identical passages: equal cosines, so the earlier passages come first.
        let index = try Fixtures.index(["Cats sleep.\n\nCats sleep.\n\nCats sleep."])
        let cat = try #require(index.vocabulary.id(of: "cat"))
        #expect(PassageRetriever(index: index).top([(cat, 1)], limit: 2).map(\.passage) == [0, 1])
    }
}
