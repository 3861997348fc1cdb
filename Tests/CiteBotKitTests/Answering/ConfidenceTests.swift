import Foundation
import Testing
@testable import CiteBotKit

/// Confidence counts a question word the best sentence says through a synonym of a later
/// sense as matched. The fixture lexicon gives "use" the synonyms "utilize", "apply",
/// "employ" (first sense) and "expend" (second sense only).
@Suite struct ConfidenceTests {
    /// The hand-made WordNet database of the test fixtures.
    func lexicon() throws -> WordNetLexicon {
        let url = try #require(Bundle.module.url(forResource: "WordNet", withExtension: nil, subdirectory: "Fixtures"))
        return try #require(WordNetLexicon(directory: url.path))
    }

    func answerer(_ paragraphs: [String], lexicon: WordNetLexicon?, senses: Int = 3) throws -> Answerer {
        let corpus = paragraphs.joined(separator: "\n\n")
        return Answerer(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer, lexicon: lexicon,
                        options: AnswerOptions(minScore: 0, confidenceSynonymSenses: senses))
    }

    /// The question's term weights by surface word.
    func weights(_ answerer: Answerer, _ question: String) -> [String: Double] {
        Dictionary(answerer.analyse(question).query.terms.map { ($0.surface, $0.weight) }, uniquingKeysWith: max)
    }

    static let apart = ["Cyclists expend energy quickly on steep hills.", "Runners store energy in their muscles overnight."]

    @Test func aLaterSenseSynonymInTheSentenceCountsAsTheWord() throws {
        let answerer = try answerer(Self.apart, lexicon: lexicon())
        let question = "Do cyclists use energy?"
        let analysis = answerer.analyse(question)
        // Ranking does not know "expend" for "use": the sentence covers only its other words.
        #expect(analysis.query.terms.first { $0.surface == "use" }?.synonyms.isEmpty == true)
        #expect(try #require(analysis.candidates.first).coverage < 0.9)
        let answer = answerer.answer(question)
        #expect(answer.citations.first?.text == "Cyclists expend energy quickly on steep hills.")
        #expect(abs(answer.confidence - 1) < 1e-9)
    }

    @Test func withoutTheOptionOrTheLexiconConfidenceIsTheCoverage() throws {
        let question = "Do cyclists use energy?"
        for answerer in [try answerer(Self.apart, lexicon: lexicon(), senses: 0), try answerer(Self.apart, lexicon: nil)] {
            let coverage = try #require(answerer.analyse(question).candidates.first).coverage
            let w = weights(answerer, question)
            let expected = try #require(w["cyclists"]).advanced(by: try #require(w["energy"]))
                / w.values.reduce(0, +)
            #expect(abs(coverage - expected) < 1e-9)
            #expect(answerer.answer(question).confidence == coverage)
        }
    }

    @Test func aWordItsPassageHasIsCountedOnceNotTwice() throws {
        // "use" stands in the passage, so coverage already counts it at half; the synonym in
        // the sentence adds only the other half. "quixotic" is unknown and has no synonyms,
        // which keeps the confidence below 1 where double counting would show.
        let answerer = try answerer(["Cyclists expend energy quickly on steep hills. The use of gears helps."],
                                    lexicon: lexicon())
        let question = "Do quixotic cyclists use energy?"
        let answer = answerer.answer(question)
        #expect(answer.citations.first?.text == "Cyclists expend energy quickly on steep hills.")
        let w = weights(answerer, question)
        let total = w.values.reduce(0, +)
        let expected = (try #require(w["cyclists"]) + (try #require(w["energy"])) + (try #require(w["use"]))) / total
        #expect(abs(answer.confidence - expected) < 1e-9)
        #expect(answer.confidence < 1)
    }

    /// "These creases …" says what it says about the creases of the sentence before it, so
    /// that sentence's "frown" counts as matched (at the half coverage had not yet given it,
    /// being in the passage); "Its …" and a sentence of another paragraph do not reach back.
    /// WordNet plays no part in it: it holds without the lexicon too.
    @Test(arguments: [("These", true, true, true), ("These", false, false, true), ("Its", true, false, true),
                      ("These", true, true, false)])
    func aSentenceOpeningWithADemonstrativeHasThePreviousSentencesWords(
        _ opening: String, _ reads: Bool, _ counted: Bool, _ withLexicon: Bool
    ) throws {
        let corpus = "Frown creases form between the brows. \(opening) creases deepen with age, sun and repeated smiling."
        var options = AnswerOptions(minScore: 0, confidenceSynonymSenses: 3)
        options.readsDemonstratives = reads
        let answerer = Answerer(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer,
                                lexicon: withLexicon ? try lexicon() : nil, options: options)
        let question = "Do frown creases deepen with age?"
        let answer = answerer.answer(question)
        #expect(answer.citations.first?.text == "\(opening) creases deepen with age, sun and repeated smiling.")
        let w = weights(answerer, question)
        let total = w.values.reduce(0, +)
        let frown = try #require(w["frown"])
        let coverage = (try #require(w["creases"]) + (try #require(w["deepen"])) + (try #require(w["age"])) + 0.5 * frown) / total
        #expect(abs(answer.confidence - (coverage + (counted ? 0.5 * frown / total : 0))) < 1e-9)
    }

    @Test func aDemonstrativeDoesNotReachIntoTheParagraphBefore() throws {
        let answerer = try answerer(["Frown creases form between the brows.", "These creases deepen with age, sun and repeated smiling."],
                                    lexicon: lexicon())
        let question = "Do frown creases deepen with age?"
        let analysis = answerer.analyse(question)
        let best = try #require(analysis.candidates.first)
        #expect(answerer.index.text(ofSentence: best.sentence) == "These creases deepen with age, sun and repeated smiling.")
        #expect(answerer.answer(question).confidence == best.coverage)
    }

    @Test func aSynonymTheSentenceLacksAddsNothing() throws {
        let answerer = try answerer(["Cyclists gain energy quickly on steep hills.", "Riders expend little."],
                                    lexicon: lexicon())
        let question = "Do cyclists use energy?"
        let analysis = answerer.analyse(question)
        let best = try #require(analysis.candidates.first)
        #expect(answerer.answer(question).confidence == best.coverage)
    }
}

/// A question that asks for a span of time, a number or a date counts the confidence of a
/// sentence that holds none at half: the sentence is on the topic but cannot say what was asked.
@Suite struct AnswerTypeConfidenceTests {
    func answer(_ corpus: String, _ question: String, requiresAnswerType: Bool) throws -> Answer {
        var options = AnswerOptions(minScore: 0)
        options.requiresAnswerType = requiresAnswerType
        return Answerer(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer, options: options).answer(question)
    }

    /// The factor each case expects: ½ for a sentence without the span of time, number,
    /// date or frequency its "how long", "how many", "when" or "how often" question asks for;
    /// 1 when it has one, and for every other kind of question.
    @Test(arguments: [
        ("Kettles boil water on gas stoves.", "How long does a kettle take to boil water?", 0.5),
        ("Kettles boil water on gas stoves.", "How many kettles boil water?", 0.5),
        ("Kettles boil water on gas stoves.", "When do kettles boil water?", 0.5),
        ("Kettles boil water in about three minutes.", "How long does a kettle take to boil water?", 1),
        ("Two kettles boil water on gas stoves.", "How many kettles boil water?", 1),
        ("Kettles boil water in 1950 on gas stoves.", "When do kettles boil water?", 1),
        ("Kettles boil water every morning.", "When do kettles boil water?", 1),
        ("Kettles boil water on gas stoves.", "Why do kettles boil water?", 1),
        // "How often" is answered by a frequency, which need hold no number.
        ("Water the basil daily in summer.", "How often should I water basil?", 1),
        ("Kettles boil water twice a day.", "How often do kettles boil water?", 1),
        ("Kettles boil water every morning.", "How often do kettles boil water?", 1),
        ("Kettles usually boil water on gas stoves.", "How often do kettles boil water?", 0.5),
        ("Kettles boil water twice a day.", "How many kettles boil water?", 0.5),
        // "Who" is answered by a proper name: a capitalised word other than the first.
        ("Kettles were first sold in Birmingham by Joseph Bourne.", "Who first sold kettles?", 1),
        ("Kettles were first sold in shops across the city.", "Who first sold kettles?", 0.5),
        // A name the question holds is its topic, not its answer.
        ("Kettles were first sold in shops across Birmingham.", "Who first sold kettles in Birmingham?", 0.5),
    ] as [(String, String, Double)])
    func countsASentenceWithoutTheAskedTypeAtHalf(_ corpus: String, _ question: String, _ factor: Double) throws {
        let checked = try answer(corpus, question, requiresAnswerType: true)
        let unchecked = try answer(corpus, question, requiresAnswerType: false)
        #expect(checked.citations.first?.text == corpus)
        #expect(unchecked.confidence > 0.5)
        #expect(abs(checked.confidence - factor * unchecked.confidence) < 1e-9, "\(question)")
    }

    /// The name check for "who" is its own switch: off, a nameless sentence keeps its confidence.
    @Test func aNamelessAnswerToWhoCanBeLeftUnchecked() throws {
        let corpus = "Kettles were first sold in shops across the city."
        var options = AnswerOptions(minScore: 0)
        options.requiresName = false
        let answerer = Answerer(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer, options: options)
        let unchecked = try answer(corpus, "Who first sold kettles?", requiresAnswerType: false)
        #expect(answerer.answer("Who first sold kettles?").confidence == unchecked.confidence)
        let checked = Answerer(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        let analysis = checked.analyse("Who first sold kettles?")
        let citation = try #require(checked.answer("Who first sold kettles?").citations.first)
        #expect(checked.halvings(of: citation, in: analysis) == ["gives no name"])
    }

    @Test func theDefaultAbstainsWhenTheTopicMatchesButTheTypeDoesNot() throws {
        let corpus = "Kettles boil water on gas stoves."
        let index = try Fixtures.index([corpus])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer).answer("How long does a kettle take to boil water on a gas stove?")
        #expect(answer.abstained)
        #expect(answer.citations.first?.text == corpus)
    }
}

/// A demonstrative stands for what the sentence before it named, not for what that sentence
/// said it was not: after "The danger is not the lava but the flows.", "These are …" is about
/// the flows.
@Suite struct DeniedAntecedentTests {
    @Test func aWordTheSentenceBeforeDeniesIsNotInherited() throws {
        let corpus = "The main danger is not the lava but the hot flows. These are fast avalanches of gas and rock."
        let answerer = Answerer(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        let denied = answerer.deniedTerms(in: 0)
        #expect(denied == [try #require(answerer.index.vocabulary.id(of: Fixtures.analyzer.stem("lava")))])
        #expect(answerer.deniedTerms(in: 1).isEmpty)
    }
}
