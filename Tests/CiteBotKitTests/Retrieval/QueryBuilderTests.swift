import Foundation
import Testing
@testable import CiteBotKit

@Suite struct QueryBuilderTests {
    static let corpus = "The tool is utilized daily. Lost keys are common. Prices continue to rise."

    /// The hand-made WordNet database of the test fixtures ("use" ~ "utilize", "cost" is a word).
    func lexicon() throws -> WordNetLexicon {
        let url = try #require(Bundle.module.url(forResource: "WordNet", withExtension: nil, subdirectory: "Fixtures"))
        return try #require(WordNetLexicon(directory: url.path))
    }

    func query(_ text: String, lexicon: WordNetLexicon?, senses: Int = 1) throws -> Query {
        let index = try Fixtures.index([Self.corpus])
        return QueryBuilder(index: index, analyzer: Fixtures.analyzer, lexicon: lexicon, synonymSenses: senses)
            .query(for: Fixtures.analyzer.terms(in: text))
    }

    @Test func addsSynonymsTheCorpusUses() throws {
        let index = try Fixtures.index([Self.corpus])
        let term = try #require(try query("use", lexicon: lexicon()).terms.first)
        #expect(term.id == nil)  // "use" itself never occurs
        #expect(term.synonymWords.map(Fixtures.analyzer.stem) == ["util"])  // "utilization" or "utilize"
        #expect(term.synonyms == [try #require(index.vocabulary.id(of: "util"))])
    }

    @Test func noLexiconOrZeroSensesMeansNoSynonyms() throws {
        #expect(try query("use", lexicon: nil).terms.first?.synonyms == [])
        #expect(try query("use", lexicon: lexicon(), senses: 0).terms.first?.synonyms == [])
    }

    @Test func adverbsTheCorpusLacksAreLeftOut() throws {
        // The fixture lists "well" only as an adverb; the corpus never uses it.
        let index = try Fixtures.index([Self.corpus])
        let terms = Fixtures.analyzer.terms(in: "prices rise well")
        let dropping = QueryBuilder(index: index, analyzer: Fixtures.analyzer, lexicon: try lexicon())
        #expect(dropping.query(for: terms).terms.map(\.surface) == ["prices", "rise"])
        var keeping = dropping
        keeping.dropsUnknownAdverbs = false
        let kept = keeping.query(for: terms).terms
        #expect(kept.map(\.surface) == ["prices", "rise", "well"])
        // Kept, the unknown word weighs the most and halves what a sentence can cover.
        let unknown = try #require(kept.last), known = try #require(kept.first)
        #expect(unknown.weight > known.weight)
    }

    @Test func realWordsAreNotCorrectedToCorpusWords() throws {
        // Without a lexicon "cost" is one edit from the corpus word "lost".
        #expect(try query("cost", lexicon: nil).terms.first?.correction == "lost")
        let term = try #require(try query("cost", lexicon: lexicon()).terms.first)
        #expect(term.correction == nil && term.id == nil)
    }

    @Test func unknownNonWordsAreStillCorrected() throws {
        #expect(try query("utilzed", lexicon: lexicon()).terms.first?.correction == "utilized")
    }

    @Test func synonymMatchesCountTowardCoverageAtTheirShare() throws {
        let index = try Fixtures.index([Self.corpus])
        let q = try query("use tool", lexicon: lexicon())
        let top = try #require(SentenceRanker(index: index).rank(q, limit: 1).first)
        #expect(index.text(ofSentence: top.sentence) == "The tool is utilized daily.")
        // coverage = (w_tool + 0.7 · w_use) / (w_tool + w_use), with w_use the unknown-word idf.
        let tool = try #require(q.terms.first { $0.surface == "tool" })
        let use = try #require(q.terms.first { $0.surface == "use" })
        let expected = (tool.weight + 0.7 * use.weight) / (tool.weight + use.weight)
        #expect(abs(top.coverage - expected) < 1e-9)
    }
}
