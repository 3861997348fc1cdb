import Testing
@testable import CiteBotKit

/// "How many X" is answered by a number that counts X, not by any number on the topic.
@Suite struct CountedItemsTests {
    /// Words these cases use that WordNet lists, but never as nouns.
    static let neverNouns: Set<String> = ["new", "survive", "joined", "resigned", "tighten"]

    static func counts(_ items: String, _ sentence: String) -> Bool {
        let analyzer = Fixtures.analyzer
        let words = analyzer.tokenizer.words(in: sentence).map(\.surface)
        return AnswerSpans.counts(analyzer.stem(items), in: words, stopWords: analyzer.stopWords, stem: analyzer.stem,
                                  isNeverNoun: neverNouns.contains)
    }

    @Test(arguments: [
        ("bolts", "Each wheel is held by 6 to 8 bolts.", true),
        ("bolts", "Use two or more bolts on each side.", true),
        ("members", "The board has seven voting members.", true),
        ("members", "Two new members joined.", true),
        ("towns", "Presses were working in more than two hundred towns.", true),
        ("eggs", "She can lay more than a thousand eggs a day.", true),
        ("copies", "Fewer than fifty copies survive.", true),
        ("queens", "A colony has a single queen.", true),
        ("bolts", "It comes with three boxes of bolts.", true),
        // The number counts something else.
        ("members", "A motion passes with two or more voting member approvals.", false),
        ("members", "The board met 12 times last year.", false),
        ("bolts", "Tighten the wheel in 2 minutes.", false),
        ("eggs", "The queen lays eggs.", false),
        // "one" as a pronoun counts nothing.
        ("members", "One of the members resigned.", false),
    ])
    func aNumberCountsTheNounRightAfterIt(_ items: String, _ sentence: String, _ expected: Bool) {
        #expect(Self.counts(items, sentence) == expected, "\(items) in \(sentence)")
    }

    @Test func onlyHowManyCountsItems() {
        let parser = QuestionParser(analyzer: Fixtures.analyzer)
        #expect(parser.parse("How many voting members does the board have?").countedPhrase == ["voting", "members"])
        #expect(parser.parse("How much water does it hold?").countedPhrase.isEmpty)
        #expect(parser.parse("How much water does it hold?").counted == Fixtures.analyzer.stem("water"))
    }

    /// The counted noun is the phrase's first plural, else its last word: "members", not
    /// "voting"; "bolts", not "hold", which could be a noun too.
    @Test(arguments: [
        (["voting", "members"], 1),
        (["people", "died"], 0),
        (["new", "members"], 1),
        (["resigned"], nil),
        (["bolts", "hold"], 0),
        (["voting", "member", "approvals", "pass"], 2),
    ] as [([String], Int?)])
    func theCountedNounIsThePhrasesFirstPluralOrItsLastWord(_ words: [String], _ head: Int?) {
        #expect(AnswerSpans.nounPhraseHead(in: words, from: 0, stopWords: Fixtures.analyzer.stopWords,
                                           isNeverNoun: (Self.neverNouns.union(["died"])).contains,
                                           isPlural: { $0.hasSuffix("s") }) == head)
    }

    /// "How many bolts hold …": the verb after the counted noun, which could be a noun as
    /// well, is not what is counted; and the short answer runs on to the noun counted.
    @Test func aVerbAfterTheCountedNounIsNotCounted() throws {
        let index = try Fixtures.index(["Wheels turn.\n\nEach wheel is held by 6 to 8 steel bolts."])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer, lexicon: try Fixtures.wordNet())
            .answer("how many bolts hold each wheel")
        #expect(!answer.abstained)
        #expect(answer.shortAnswer == "6 to 8 steel bolts")
    }

    static let corpus = """
        The board decides on motions.

        A motion of the board passes with two or more voting member approvals.
        """

    /// A sentence with a number that counts something else is on the topic without saying
    /// how many: its confidence counts half and citebot abstains; with the check off, or
    /// with a sentence that counts the members, it answers.
    @Test(arguments: [true, false])
    func anotherCountHalvesTheConfidence(requires: Bool) throws {
        let index = try Fixtures.index([Self.corpus])
        var options = AnswerOptions()
        options.requiresCountedItems = requires
        let question = "How many voting members does the board have?"
        let lexicon = try Fixtures.wordNet()
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer, lexicon: lexicon, options: options).answer(question)
        #expect(answer.abstained == requires)
        let counted = try Fixtures.index(["The board decides on motions.\n\nThe board has seven voting members."])
        #expect(!Answerer(index: counted, analyzer: Fixtures.analyzer, lexicon: lexicon, options: options).answer(question).abstained)
        // Without the lexicon, which tells nouns, any number will do.
        #expect(!Answerer(index: index, analyzer: Fixtures.analyzer, options: options).answer(question).abstained)
    }

    /// A misspelt counted word is checked as corrected.
    @Test func aMisspeltCountIsCheckedAsCorrected() throws {
        let index = try Fixtures.index(["The board decides on motions.\n\nThe board has seven voting members."])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer, lexicon: try Fixtures.wordNet())
            .answer("How many voting membrs does the board have?")
        #expect(!answer.abstained)
    }

    /// Units of time are answered in other ways than a number right before the word ("an
    /// hour and a half", "a decade"): any number will do, as before.
    @Test func countsOfTimeAreLeftToTheNumberCheck() throws {
        let sentence = "Each meeting of the board takes an hour and a half."
        let answerer = Answerer(index: try Fixtures.index([sentence]), analyzer: Fixtures.analyzer, lexicon: try Fixtures.wordNet())
        #expect(!Self.counts("hours", sentence))
        #expect(!answerer.answer("How many hours does a board meeting take?").abstained)
    }

    /// `:why` says that the number counts something else.
    @Test func theHalvingSaysWhatIsMissing() throws {
        let index = try Fixtures.index([Self.corpus])
        let answerer = Answerer(index: index, analyzer: Fixtures.analyzer, lexicon: try Fixtures.wordNet(),
                                options: AnswerOptions(minScore: 0))
        let question = "How many voting members does the board have?"
        let citation = try #require(answerer.answer(question).citations.first)
        #expect(answerer.halvings(of: citation, in: answerer.analyse(question)) == ["gives no number of what the question counts"])
    }
}
