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

    /// The stemmer keeps "temporary" and "temporarily" apart (and "happy", "happily"): a
    /// question word the corpus lacks is read as its other form. Typo correction is off, as
    /// it would find the near form by itself where the lexicon does not know the word.
    @Test(arguments: [
        ("Is the effect temporary?", "The effect fades temporarily.", "temporarily"),
        ("Are they ready?", "They came readily.", "readily"),
        ("Are they happy?", "They sang happily.", "happily"),
        ("Did it end happily?", "A happy end.", "happy"),
    ])
    func anAdjectiveIsReadAsTheAdverbTheCorpusUses(question: String, corpus: String, form: String) throws {
        try expectReading(question, over: corpus, as: form, switchedOffBy: \.readsAdverbPairs)
    }

    /// The stemmer keeps "larger" and "largest" apart: a comparative the corpus lacks is read
    /// as its superlative, and the other way round.
    @Test(arguments: [
        ("Is the pan larger?", "This pan is the largest.", "largest"),
        ("Which pan is largest?", "This pan is larger.", "larger"),
    ])
    func aComparativeIsReadAsTheSuperlativeTheCorpusUses(question: String, corpus: String, form: String) throws {
        try expectReading(question, over: corpus, as: form, switchedOffBy: \.readsDegreePairs)
    }

    /// `question`'s word the corpus lacks is read as `form` over `corpus` (typo correction
    /// off), and is not once `option` is off.
    func expectReading(_ question: String, over corpus: String, as form: String,
                       switchedOffBy option: WritableKeyPath<QueryBuilder, Bool>) throws {
        let index = try Fixtures.index([corpus])
        let terms = Fixtures.analyzer.terms(in: question)
        var builder = QueryBuilder(index: index, analyzer: Fixtures.analyzer, lexicon: try lexicon(), correctsTypos: false)
        let read = try #require(builder.query(for: terms).terms.first { $0.correction == form }, "\(question)")
        #expect(read.id == index.vocabulary.id(of: Fixtures.analyzer.stem(form)))
        builder[keyPath: option] = false
        #expect(!builder.query(for: terms).terms.contains { $0.correction == form })
    }

    /// The stemmer joins "feeding" and "feed" but not "fed" and "feed", nor "mice" and
    /// "mouse": a question word also matches its base form's irregular inflections that the
    /// corpus uses (the fixture's lists: "ran" for "run", "mice" for "mouse").
    @Test(arguments: [
        ("Did the dog run?", "The dog ran home.", "ran"),
        ("Where do mouse nests go?", "Two mice nest in the barn.", "mice"),
        ("Is it still running?", "It ran for an hour.", "ran"),  // through the base form "run"
    ])
    func matchesIrregularInflections(question: String, corpus: String, form: String) throws {
        let index = try Fixtures.index([corpus])
        let terms = Fixtures.analyzer.terms(in: question)
        let id = try #require(index.vocabulary.id(of: Fixtures.analyzer.stem(form)))
        var builder = QueryBuilder(index: index, analyzer: Fixtures.analyzer, lexicon: try lexicon(), correctsTypos: false)
        let term = try #require(builder.query(for: terms).terms.first { $0.synonyms.contains(id) }, "\(question)")
        #expect(term.synonymWords.contains(form))
        builder.readsIrregularInflections = false
        #expect(!builder.query(for: terms).terms.contains { $0.synonyms.contains(id) })
    }

    @Test func aWordKnownOnlyByDetachmentGetsNoIrregularForms() throws {
        // The fixture lists neither "mouses" nor "easyer"-like forms as spelled; "mouses"
        // reads as "mouse" + "s" by the rules of detachment only, as a misspelling would.
        let index = try Fixtures.index(["Two mice nest in the barn."])
        let builder = QueryBuilder(index: index, analyzer: Fixtures.analyzer, lexicon: try lexicon(), correctsTypos: false)
        let mice = try #require(index.vocabulary.id(of: Fixtures.analyzer.stem("mice")))
        #expect(try lexicon().baseForms(of: "mouses") == ["mouse"])
        #expect(!builder.query(for: Fixtures.analyzer.terms(in: "mouses")).terms.contains { $0.synonyms.contains(mice) })
    }

    @Test func irregularInflectionsAreTheExceptionListsReadBackwards() throws {
        let lexicon = try lexicon()
        #expect(lexicon.irregularInflections(of: "mouse") == ["mice"])
        #expect(lexicon.irregularInflections(of: "run").contains("ran"))
        #expect(Set(lexicon.irregularInflections(of: "axe")) == ["axes"])
        // The adjective list ("better" for "good") is left out.
        #expect(lexicon.irregularInflections(of: "good").isEmpty)
        #expect(lexicon.irregularInflections(of: "box").isEmpty)
    }

    @Test func aWordListedAsSpelledIsNoComparative() throws {
        // The fixture lists "firefighter" as it is spelled: no degree of anything.
        let index = try Fixtures.index(["The firefightest came."])
        let builder = QueryBuilder(index: index, analyzer: Fixtures.analyzer, lexicon: try lexicon(), correctsTypos: false)
        #expect(builder.query(for: Fixtures.analyzer.terms(in: "firefighter")).terms.first?.id == nil)
    }

    @Test func shortWordsAreNotPairedWithAnAdverb() throws {
        // "early" is no adverb of "ear".
        let index = try Fixtures.index(["They came early."])
        let builder = QueryBuilder(index: index, analyzer: Fixtures.analyzer, lexicon: try lexicon())
        #expect(builder.query(for: Fixtures.analyzer.terms(in: "ear")).terms.first?.id == nil)
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

    /// A word the lexicon lists only as a rare one ("filer": no sense of it tagged in running
    /// text) is more likely a misspelling of a corpus word than meant, and is corrected.
    @Test func aRareWordIsCorrectedToACorpusWord() throws {
        let index = try Fixtures.index(["Fillers plump the lips. Costs vary."])
        var builder = QueryBuilder(index: index, analyzer: Fixtures.analyzer, lexicon: try lexicon())
        for word in ["filer", "filers"] {
            #expect(builder.query(for: Fixtures.analyzer.terms(in: word)).terms.first?.correction == "fillers", "\(word)")
        }
        // "cost" is common: the corpus's "costs" matches it by its stem, and no correction is needed.
        builder.correctsRareWords = false
        #expect(builder.query(for: Fixtures.analyzer.terms(in: "filers")).terms.first?.correction == nil)
    }

    /// An irregular form the corpus never uses ("ran") is read as its base form ("run"),
    /// which stems as the corpus's "runs" and "running" do.
    @Test func anIrregularFormIsReadAsItsBaseFormTheCorpusUses() throws {
        let index = try Fixtures.index(["Foxes run at dusk. A running fox is quick."])
        let builder = QueryBuilder(index: index, analyzer: Fixtures.analyzer, lexicon: try lexicon())
        let term = try #require(builder.query(for: Fixtures.analyzer.terms(in: "ran")).terms.first)
        #expect(term.correction == "run")
        #expect(term.id == index.vocabulary.id(of: Fixtures.analyzer.stem("run")))
        var off = builder
        off.resolvesBaseForms = false
        #expect(off.query(for: Fixtures.analyzer.terms(in: "ran")).terms.first?.id == nil)
        // Only the exception lists count: a regular-looking form is left to typo correction.
        #expect(try lexicon().irregularBaseForms(of: "ran") == ["run"])
        #expect(try lexicon().irregularBaseForms(of: "runs").isEmpty)
        // A word the corpus has keeps its own term.
        #expect(builder.query(for: Fixtures.analyzer.terms(in: "running")).terms.first?.correction == nil)
    }

    /// ``AnswerOptions/resolvesBaseForms`` reaches the answerer's query builder (`eval --ablate irregular-forms`).
    @Test func theAnswerOptionSwitchesIrregularFormsOff() throws {
        let index = try Fixtures.index(["Foxes run at dusk. A running fox is quick."])
        func term(_ resolves: Bool) throws -> QueryTerm? {
            var options = AnswerOptions()
            options.resolvesBaseForms = resolves
            return Answerer(index: index, analyzer: Fixtures.analyzer, lexicon: try lexicon(), options: options)
                .analyse("ran").query.terms.first
        }
        #expect(try term(true)?.correction == "run")
        #expect(try term(false)?.id == nil)
    }

    @Test func unknownNonWordsAreStillCorrected() throws {
        #expect(try query("utilzed", lexicon: lexicon()).terms.first?.correction == "utilized")
    }

    /// The first query term for `text` over `corpus`, with the fixture lexicon unless told otherwise.
    func firstTerm(_ text: String, corpus: String, lexicon: WordNetLexicon?,
                   sameBaseForm: Bool = true) throws -> QueryTerm {
        let index = try Fixtures.index([corpus])
        let builder = QueryBuilder(index: index, analyzer: Fixtures.analyzer, lexicon: lexicon,
                                   correctsToSameBaseForm: sameBaseForm)
        return try #require(builder.query(for: Fixtures.analyzer.terms(in: text)).terms.first)
    }

    @Test func aMisspeltInflectionBecomesTheCorpusFormOfTheSameWord() throws {
        // The fixture's Morphy reads "biger" as "big" + "er", so it passes as a real
        // word; "bigger" (adj.exc) shares the base form "big", and the two stem apart.
        let corpus = "The shed grew bigger yearly."
        #expect(try lexicon().contains("biger"))
        let fixed = try firstTerm("biger", corpus: corpus, lexicon: lexicon())
        #expect(fixed.correction == "bigger" && fixed.id != nil)
        let kept = try firstTerm("biger", corpus: corpus, lexicon: lexicon(), sameBaseForm: false)
        #expect(kept.correction == nil && kept.id == nil)
    }

    @Test func aWordListedAsSpelledKeepsItsFormBesideAnotherFormOfIt() throws {
        // "large" and "larger" share the base form "large" and stem apart, but "large" is
        // a word as typed, not a misspelling.
        let term = try firstTerm("large", corpus: "Prices grow larger yearly.", lexicon: lexicon())
        #expect(term.correction == nil && term.id == nil)
    }

    @Test func aRealInflectionOfAnotherWordIsNotCorrected() throws {
        // "hoped" (hope + "d") is one edit from the corpus word "hooped", whose base forms
        // the lexicon does not share; without a lexicon it would be corrected.
        let corpus = "The barrels were hooped."
        #expect(try firstTerm("hoped", corpus: corpus, lexicon: nil).correction == "hooped")
        let term = try firstTerm("hoped", corpus: corpus, lexicon: lexicon())
        #expect(term.correction == nil && term.id == nil)
    }

    @Test func aWordTheCorpusHasIsNeverCorrected() throws {
        // The corpus itself spells "biger"; the question's word is matched as it is.
        let corpus = "Biger sheds cost more. The shed grew bigger yearly."
        let index = try Fixtures.index([corpus])
        let term = try firstTerm("biger", corpus: corpus, lexicon: lexicon())
        #expect(term.correction == nil)
        #expect(term.id != nil && term.id == index.vocabulary.id(of: Fixtures.analyzer.stem("biger")))
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
