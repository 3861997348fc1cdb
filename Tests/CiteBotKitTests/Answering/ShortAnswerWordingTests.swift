import Testing
@testable import CiteBotKit

/// Short answers keep the words that give their number its meaning, read only prose, and
/// stay grammatical when the number sits inside a compound adjective.
@Suite struct ShortAnswerWordingTests {
    func words(_ text: String) -> [String] { Tokenizer().words(in: text).map(\.surface) }

    /// The words of the quantity span read off `sentence`, joined by spaces; nil when none is read.
    func quantity(_ sentence: String, counting: [String] = []) -> String? {
        let tokens = words(sentence)
        return AnswerSpans.quantitySpan(in: tokens, stopWords: StopWords.english, counting: Set(counting),
                                       stem: Fixtures.analyzer.stem).map { tokens[$0].joined(separator: " ") }
    }

    /// The short answer to `question` over a corpus of `corpus` alone, never abstaining.
    func shortAnswer(_ question: String, over corpus: String) throws -> String? {
        let index = try Fixtures.index([corpus])
        return Answerer(index: index, analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0)).answer(question).shortAnswer
    }

    /// The words of the duration span read off `sentence`, joined by spaces; nil when none is read.
    func duration(_ sentence: String) -> String? {
        let tokens = words(sentence)
        return AnswerSpans.durationSpan(in: tokens).map { tokens[$0].joined(separator: " ") }
    }

    /// A number that is part of a date counts nothing: "how many people died" is not
    /// answered by the "18" of "18 May 1980", nor "how much" by a year.
    @Test func aDateIsNoQuantity() {
        #expect(quantity("On 18 May 1980, the mountain erupted.") == nil)
        #expect(quantity("It erupted on May 18, 1980.") == nil)
        #expect(quantity("In the year 79, the town was buried.") == nil)
        #expect(quantity("Prices have doubled since 1990.") == nil)
        #expect(!AnswerCues.matches(.quantity, words: words("On 18 May 1980, the mountain erupted.")))
        // Numbers that count still count, years of age and plain years among them.
        #expect(quantity("On 18 May 1980, 57 people were killed.") == "57 people")
        #expect(quantity("About 2000 people came.") == "about 2000 people")
        #expect(AnswerCues.matches(.quantity, words: words("The town had 2000 people in 1815.")))
        // "may" is also a verb: a number beside it that is no day of the month still counts.
        #expect(quantity("You may need 40 units.") == "40 units")
    }

    /// A word before a number that changes what it says ("between", "every", "at least",
    /// "no more than") belongs to the answer: "30 and 90 euros" without "between" reads
    /// as two prices, "30 minutes" without "every" as a duration rather than a frequency.
    @Test(arguments: [
        ("Lamps cost between 30 and 90 euros.", "between 30 and 90 euros"),
        ("A repair costs around 400 euros.", "around 400 euros"),
        ("Keep the dose to no more than 5 percent.", "no more than 5 percent"),
        ("Most areas need at least 20 units.", "at least 20 units"),
        ("Fold the dough every 30 minutes.", "every 30 minutes"),
        ("Replace the filter every 200 to 300 litres.", "every 200 to 300 litres"),
        ("Teams add up to 4 players.", "up to 4 players"),
        // A unit written on measures even before "of"; a bare number there picks from a group.
        ("Builds need at least 8GB of RAM with 4 parallel jobs.", "at least 8gb"),
        ("Two of the cheapest lamps cost 30 euros.", "30 euros"),
    ])
    func quantitiesKeepTheirQualifier(_ sentence: String, _ span: String) {
        #expect(quantity(sentence) == span)
    }

    @Test(arguments: [
        ("The effect lasts between 3 and 4 months.", "between 3 and 4 months"),
        ("Stir the pot every 10 minutes.", "every 10 minutes"),
        ("It keeps for up to three months.", "up to three months"),
    ])
    func durationsKeepTheirQualifier(_ sentence: String, _ span: String) {
        #expect(duration(sentence) == span)
    }

    /// "a month" after a quantity is its rate ("5 percent a month"), not a span of time that
    /// answers in its place.
    @Test(arguments: [
        ("Keep the rise to no more than 5 percent a month.", "no more than 5 percent a month"),
        ("A repair costs around 400 euros a year.", "around 400 euros a year"),
        ("Readers borrow about six books per week.", "about six books per week"),
        ("The heater draws 900 watts in an hour.", "an hour"),
    ])
    func ratesStayWithTheirQuantity(_ sentence: String, _ span: String) {
        #expect(quantity(sentence) == span)
    }

    @Test func anArticleAfterAQuantityIsNoDuration() {
        #expect(AnswerSpans.durationSpan(in: words("It costs 400 euros a year.")) == nil)
        #expect(AnswerSpans.durationSpan(in: words("It takes a year.")) == 2..<4)
    }

    /// A question that counts something other than time is answered by an amount before
    /// a span of time in the same sentence; one that counts time, or nothing, by the span.
    @Test(arguments: [
        ("A kettle of about two litres boils water in 3 minutes.", ["water"], "about two litres"),
        ("A kettle of about two litres boils water in 3 minutes.", ["minut"], "3 minutes"),
        ("A kettle of about two litres boils water in 3 minutes.", ["time"], "3 minutes"),
        ("A kettle of about two litres boils water in 3 minutes.", [], "3 minutes"),
        ("Mix 500 grams of flour into 300 ml of water.", ["water"], "300 ml"),
        ("Mix 500 grams of flour into 300 ml of water.", ["flour"], "500 grams"),
    ] as [(String, [String], String)])
    func anAmountComesBeforeATimeUnlessTimeIsCounted(_ sentence: String, _ counting: [String], _ span: String) {
        #expect(quantity(sentence, counting: counting) == span)
    }

    /// "one" as a pronoun ("the current one", "one of them") counts nothing.
    @Test func onlyACountingOneIsANumber() {
        #expect(quantity("It joins another branch into the current one.") == nil)
        #expect(quantity("Pick one of the branches.") == nil)
        #expect(!AnswerCues.matches(.quantity, words: words("It joins another branch into the current one.")))
        #expect(quantity("Keep one branch per feature, or one or two at most.") == "one branch")
        #expect(AnswerCues.matches(.quantity, words: words("It takes one or two.")))
    }

    /// A number that picks from a group ("two of the ways") measures nothing: no span,
    /// though a later number still gives one.
    @Test func aPartitiveNumberIsNoSpan() {
        #expect(quantity("Tea and coffee are two of the drinks people like most.") == nil)
        #expect(quantity("Two of the lamps draw 40 watts.") == "40 watts")
        #expect(quantity("Two lamps draw 40 watts.") == "two lamps")
    }

    /// "to" alone is a preposition, not a qualifier: "walk to 3 shops" counts 3 shops.
    @Test func toWithoutUpIsNotAQualifier() {
        #expect(quantity("They walk to 3 shops.") == "3 shops")
    }

    /// "a two-day period": the article belongs to the noun the compound describes, so the
    /// answer runs on to that noun rather than stopping at "a two-day".
    @Test(arguments: [
        ("The crust stays crisp for a two-day period in a bag.", "How long does the crust stay crisp?", "a two-day period"),
        ("Walks of this kind, a three-hour hill walk, tire the legs.", "How long is a hill walk?", "a three-hour hill walk"),
        ("The crust stays crisp for two days in a bag.", "How long does the crust stay crisp?", "two days"),
        ("A branch is a 41-byte file that holds a hash.", "How big is a branch?", "a 41-byte file"),
        // Hand-wrapped prose: the noun on the next line is still the compound's.
        ("The crust stays crisp for a two-day\nperiod in a bag.", "How long does the crust stay crisp?", "a two-day\nperiod"),
    ])
    func compoundDurationRunsToItsNoun(_ corpus: String, _ question: String, _ short: String) throws {
        #expect(try shortAnswer(question, over: corpus) == short)
    }

    @Test func compoundSpanExtendsOverContentWordsOnly() throws {
        let text = "It lasts a 20-minute nap, then stops."
        let tokens = Tokenizer().words(in: text)
        let surfaces = tokens.map(\.surface)
        let span = try #require(AnswerSpans.durationSpan(in: surfaces))
        let completed = AnswerSpans.completingCompound(span, words: tokens, in: text, stopWords: StopWords.english)
        #expect(surfaces[completed].joined(separator: " ") == "a 20 minute nap")
    }

    /// Digits inside a web address are part of a name, not a count.
    @Test func numbersInsideLinksAreNotAnswers() throws {
        let index = try Fixtures.index(["The kettle guide lives at https://example.org/guide/3/ for all readers."])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
            .answer("How many kettle guides are there?")
        #expect(answer.shortAnswer == nil)
        #expect(answer.citations.first?.text == "The kettle guide lives at https://example.org/guide/3/ for all readers.")
    }

    /// A sentence whose only number is in a link holds no number for "how many".
    @Test func aNumberInALinkDoesNotMakeTheSentenceAnAnswer() throws {
        let index = try Fixtures.index(["The kettle guide lives at https://example.org/guide/3/ for all readers."])
        let answerer = Answerer(index: index, analyzer: Fixtures.analyzer)
        let sentence = try #require(answerer.analyse("How many kettle guides are there?").candidates.first?.sentence)
        #expect(answerer.answerTypeFactor(kind: .quantity, sentence: sentence) == 0.5)
    }

    /// Of two spans in one sentence, the one beside the question's words answers it.
    @Test(arguments: [
        ("Mix 500 grams of flour into 300 ml of water.", "How much water goes in?", "300 ml"),
        ("Mix 500 grams of flour into 300 ml of water.", "How much flour goes in?", "500 grams"),
        ("The lamp shines for 6 hours and charges in 2 hours.", "How long does the lamp shine?", "6 hours"),
        ("The lamp shines for 6 hours and charges in 2 hours.", "How long does the lamp take to charge?", "2 hours"),
        ("The mill opened in 1820 and closed in 1911.", "When did the mill close?", "1911"),
        ("The mill opened in 1820 and closed in 1911.", "When did the mill open?", "1820"),
    ])
    func theSpanNearestTheQuestionsWordsAnswers(_ corpus: String, _ question: String, _ short: String) throws {
        #expect(try shortAnswer(question, over: corpus) == short)
    }

    /// A span after a negation would answer the opposite of its sentence: the sentence is
    /// quoted whole instead.
    @Test(arguments: [
        ("The glaze does not last 3 months in the sun.", nil),
        ("The glaze won't last 3 months in the sun.", nil),
        ("The glaze never dries in under 2 hours.", nil),
        ("The glaze lasts no more than 3 months in the sun.", "no more than 3 months"),
        ("No glaze is needed, and the paint lasts 3 months.", "3 months"),
    ] as [(String, String?)])
    func aNegatedSpanIsNoShortAnswer(_ corpus: String, _ short: String?) throws {
        #expect(try shortAnswer("How long does the glaze last?", over: corpus) == short)
    }

    @Test func nearestKeepsSourceOrderWithoutAnchorsOrOnATie() {
        let sentence = words("It takes 2 days or 3 days.")
        #expect(AnswerSpans.nearest([2..<4, 5..<7], to: [], in: sentence) == 2..<4)
        #expect(AnswerSpans.nearest([2..<4, 5..<7], to: [1], in: sentence) == 2..<4)
        #expect(AnswerSpans.nearest([2..<4, 5..<7], to: [0, 6], in: sentence) == 2..<4)
        #expect(AnswerSpans.nearest([2..<4, 5..<7], to: [7], in: sentence) == 5..<7)
        // A word after a span counts three times as far as one before it.
        #expect(AnswerSpans.nearest([2..<4, 5..<7], to: [4], in: sentence) == 5..<7)
        #expect(AnswerSpans.nearest([2..<4, 6..<8], to: [4], in: ["a", "b", "2", "days", "x", "y", "3", "days"]) == 6..<8)
        // An anchor inside a span is the span's own word, not evidence for it.
        #expect(AnswerSpans.nearest([2..<4, 5..<7], to: [6, 1], in: sentence) == 2..<4)
    }

    /// "a day" for a question that already says "each day" repeats the question, though it
    /// stands nearer the question's words: the span with the number answers.
    @Test func aSpanWithoutANumberThatRepeatsTheQuestionIsPassedOver() throws {
        #expect(try shortAnswer("How long should a pianist practice each day?",
                                over: "Teachers advise 20 minutes of practice a day for a pianist.") == "20 minutes")
        let sentence = words("It takes a week.")
        #expect(AnswerSpans.nearest([2..<4], to: [3], in: sentence) == 2..<4)
    }

    @Test func dateSpansListEveryDate() {
        let sentence = words("Work began in March 1820, paused in 1850 and ended on May 4, 1911.")
        #expect(AnswerSpans.dateSpans(in: sentence).map { sentence[$0].joined(separator: " ") }
                == ["march 1820", "1850", "may 4 1911"])
        #expect(AnswerSpans.dateSpan(in: sentence) == AnswerSpans.dateSpans(in: sentence).first)
    }

    @Test func proseWordsDropLinksAndAddresses() {
        let text = "See https://a.org/v/3/ or www.b.com/4 and mail x5@c.org, then 2 more (<http://d.io/6>)."
        let kept = AnswerSpans.proseWords(Tokenizer().words(in: text), in: text).map(\.surface)
        #expect(kept == ["see", "or", "and", "mail", "then", "2", "more"])
        let markdown = "Since [version 3](./v3.md) it takes 2 steps."
        #expect(AnswerSpans.proseWords(Tokenizer().words(in: markdown), in: markdown).map(\.surface)
                == ["since", "version", "3", "it", "takes", "2", "steps"])
    }
}

/// A "how many" question is answered by the best sentence that holds a number, when the
/// best by score holds none but one just below it does and is confident on its own.
@Suite struct TypedAnswerTests {
    static let corpus = """
        Kettles usually boil water faster than pans.

        A full kettle of about two litres boils water in roughly 3 to 4 minutes at full power.
        """

    func answer(_ question: String, depth: Int, minScore: Double = AnswerOptions.defaultMinScore) throws -> Answer {
        var options = AnswerOptions(minScore: minScore)
        options.typedAnswerDepth = depth
        return Answerer(index: try Fixtures.index([Self.corpus]), analyzer: Fixtures.analyzer, options: options).answer(question)
    }

    @Test func theSentenceWithTheNumberAnswers() throws {
        let question = "How much water do kettles boil?"
        let withoutLookingDeeper = try answer(question, depth: 0)
        #expect(withoutLookingDeeper.citations.first?.text == "Kettles usually boil water faster than pans.")
        let answer = try answer(question, depth: 3)
        #expect(!answer.abstained)
        #expect(answer.citations.first?.text
                == "A full kettle of about two litres boils water in roughly 3 to 4 minutes at full power.")
        #expect(answer.shortAnswer == "about two litres")
    }

    /// A deeper sentence that does not name the question's subject would be abstained on
    /// as well (its confidence halved by `subject`): the best stays first. (The fixture
    /// lexicon lists "go" as a verb, which ends the subject "steel kettles".)
    @Test(arguments: [true, false])
    func aDeeperSentenceAboutSomethingElseDoesNotMoveUp(requiresSubject: Bool) throws {
        let corpus = """
            Copper pans go on heating for 3 to 4 minutes. Steel kettles go on heating until they are switched off.

            Teapots are made of clay.
            """
        var options = AnswerOptions()
        options.requiresSubject = requiresSubject
        let answerer = Answerer(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer,
                                lexicon: try Fixtures.wordNet(), options: options)
        let answer = answerer.answer("How long do steel kettles go on heating?")
        #expect(answer.citations.first?.text == (requiresSubject
            ? "Steel kettles go on heating until they are switched off." : "Copper pans go on heating for 3 to 4 minutes."))
        #expect(answer.abstained == requiresSubject)
    }

    /// Looking deeper only turns an abstention into an answer: where the best is answered
    /// anyway, as always with a threshold of 0, the ranking stands.
    @Test func aBestThatIsAnsweredAnywayStaysFirst() throws {
        let answer = try answer("How much water do kettles boil?", depth: 3, minScore: 0)
        #expect(answer.citations.first?.text == "Kettles usually boil water faster than pans.")
    }

    /// With no sentence holding a number, the best stays first (and its confidence is halved).
    @Test func withoutANumberAnywhereTheBestStays() throws {
        let index = try Fixtures.index(["Kettles usually boil water faster than pans.\n\nPans boil water slowly."])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer).answer("How many minutes do kettles take to boil water?")
        #expect(answer.citations.first?.text == "Kettles usually boil water faster than pans.")
    }
}
