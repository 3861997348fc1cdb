import Testing
@testable import CiteBotKit

/// ``SentenceRanker`` reuses work across the sentences of a passage (each term's presence
/// in the passage, the title's cosine) and across questions (each passage's title); it must
/// score exactly as the formula applied to every sentence on its own does, bit for bit.
@Suite struct SentenceRankerReferenceTests {
    /// The ranking formula applied sentence by sentence, looking everything up afresh.
    static func reference(_ ranker: SentenceRanker, _ query: Query, limit: Int) -> [RankedSentence] {
        let index = ranker.index
        let options = ranker.options
        let vector = query.vector
        guard !vector.isEmpty, limit > 0 else { return [] }
        let passages = PassageRetriever(index: index).top(vector, limit: options.candidatePassages)
        let total = query.totalWeight
        let norm = vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        let vectors = index.sentenceVectors
        func find(_ id: Int32, _ row: Range<Int>) -> Int? {
            row.first { vectors.columns[$0] == id }
        }
        var ranked: [RankedSentence] = []
        for (passage, passageCosine) in passages {
            let sentences = index.passages[passage]
            var title = options.headingWeight > 0 ? sentences.first.flatMap { ranker.title(before: $0) } : nil
            for s in sentences {
                if options.headingWeight > 0, ranker.isTitle(s) { title = s }
                guard index.sentences.isCitable(s) else { continue }
                let row = vectors.row(s)
                var cosine = 0.0
                for (id, weight) in vector {
                    if let position = find(id, row) { cosine += weight / norm * Double(vectors.values[position]) }
                }
                guard cosine > 0 || passageCosine > 0 else { continue }
                let headingRow = title.map { vectors.row($0) } ?? 0..<0
                var headingCosine = 0.0
                for (id, weight) in vector {
                    if let position = find(id, headingRow) { headingCosine += weight / norm * Double(vectors.values[position]) }
                }
                var matched = 0.0
                var context = 0.0
                for term in query.terms {
                    if let id = term.id, find(id, row) != nil {
                        matched += term.weight
                    } else if term.synonyms.contains(where: { find($0, row) != nil }) {
                        matched += query.synonymShare * term.weight
                    } else if let id = term.id, index.passage(passage, contains: id) || find(id, headingRow) != nil {
                        context += term.weight
                    }
                }
                let coverage = total > 0 ? matched / total : 0
                ranked.append(RankedSentence(
                    sentence: s,
                    score: options.sentenceWeight * cosine + options.passageWeight * passageCosine
                        + options.coverageWeight * coverage + options.headingWeight * headingCosine,
                    sentenceCosine: cosine, passageCosine: passageCosine,
                    coverage: total > 0 ? (matched + 0.5 * context) / total : 0))
            }
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.sentence < $1.sentence }
        return Array(ranked.prefix(limit))
    }

    /// Documents of headings, FAQ-style questions alone in their paragraph, and prose.
    static func documents(seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        func pick() -> String { RandomText.words[Int(generator.next() % UInt64(RandomText.words.count))] }
        return (0..<6).map { _ in
            (0..<(3 + Int(generator.next() % 8))).map { _ -> String in
                switch generator.next() % 4 {
                case 0: return pick().capitalized + " " + pick()
                case 1: return "Does the " + pick() + " " + pick() + "?"
                default: return RandomText.document(&generator, paragraphs: 1)
                }
            }.joined(separator: "\n\n")
        }
    }

    @Test(arguments: [5, 12, 40, 77])
    func agreesWithScoringEverySentenceAlone(seed: UInt64) throws {
        let index = try Fixtures.index(Self.documents(seed: seed))
        var generator = SeededGenerator(seed: seed &+ 1)
        for round in 0..<60 {
            var options = RankingOptions()
            options.candidatePassages = 1 + Int(generator.next() % 30)
            if round % 5 == 0 { options.headingWeight = 0 }
            // One ranker for all rounds of an option set, so the title cache is reused across questions.
            let ranker = SentenceRanker(index: index, options: options)
            let count = 1 + Int(generator.next() % 4)
            let terms = (0..<count).map { _ -> QueryTerm in
                let word = RandomText.words[Int(generator.next() % UInt64(RandomText.words.count))]
                let term = Fixtures.analyzer.stem(word.lowercased())
                let synonyms = generator.next() % 3 == 0
                    ? [Int32(generator.next() % UInt64(index.vocabulary.count))] : []
                return QueryTerm(surface: word, term: term, id: index.vocabulary.id(of: term), synonyms: synonyms,
                                 weight: Double(1 + generator.next() % 5))
            }
            let query = Query(terms: terms)
            let limit = 1 + Int(generator.next() % 25)
            let expected = Self.reference(ranker, query, limit: limit)
            let actual = ranker.rank(query, limit: limit)
            #expect(actual == expected, "seed \(seed), round \(round)")
        }
    }

    /// Warming reads stay inside the index (a debug build checks every buffer read), headings
    /// and sentences without terms included, and leave nothing to see but 0 or 1.
    @Test func warmingReadsEveryPassageInBounds() throws {
        let index = try Fixtures.index(Self.documents(seed: 3) + ["Title\n\n...\n\nThe and of."])
        let all = Array(index.passages.indices)
        #expect(all.count > 10)
        #expect((0...1).contains(SentenceRanker.warm(all, in: index)))
        #expect(SentenceRanker.warm([], in: index) == 0)
    }

    @Test func findsEachPassageTitleOnceAndKeepsIt() throws {
        let index = try Fixtures.index(Self.documents(seed: 9))
        let ranker = SentenceRanker(index: index)
        let titles = PassageTitles()
        var looked: [Int] = []
        let passages = Array(index.passages.indices)
        let expected = passages.map { index.passages[$0].first.flatMap(ranker.title(before:)) }
        let first = titles.titles(of: passages.reversed(), passageCount: index.passages.count) { passage in
            looked.append(passage)
            return index.passages[passage].first.flatMap(ranker.title(before:))
        }
        #expect(first == expected.reversed())
        #expect(expected.contains { $0 != nil } && expected.contains { $0 == nil })
        let again = titles.titles(of: passages, passageCount: index.passages.count) { passage in
            looked.append(passage)
            return nil
        }
        #expect(again == expected)
        #expect(looked.sorted() == passages, "each passage's title is found once")
    }
}
