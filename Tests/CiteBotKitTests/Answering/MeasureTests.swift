import Testing
@testable import CiteBotKit

@Suite struct MeasureTests {
    static func words(_ text: String) -> [String] {
        Tokenizer().words(in: text).map(\.surface)
    }

    @Test(arguments: [
        (Measure.length, "The tower is 300 metres tall.", true),
        (.length, "It stands 984 ft above the square.", true),
        (.length, "The lake is 5km wide.", true),
        (.length, "A 30-storey block went up.", true),
        (.length, "It was finished in 1889 and stood for a thousand years.", false),
        (.length, "It has 3 floors.", false),
        (.mass, "The bell weighs 13 tonnes.", true),
        (.mass, "The bell rang 13 times.", false),
        (.temperature, "The water reaches 95 °C.", true),
        (.temperature, "It boils at 200 degrees.", true),
        (.temperature, "It boils in 5 minutes.", false),
        (.speed, "Trains run at 300 km/h.", true),
        (.speed, "The wind reached 60 miles an hour.", true),
        (.speed, "Sound travels at 343 metres per second.", true),
        (.speed, "The line is 300 km long.", false),
    ])
    func statesANumberInItsUnits(_ measure: Measure, _ text: String, _ expected: Bool) {
        #expect(measure.isStated(in: Self.words(text)) == expected, "\(measure): \(text)")
    }

    /// The span a measure reads is the one in its own units, whatever else the sentence counts.
    @Test(arguments: [
        (Measure.temperature, "They travel at more than 100 kilometres per hour and reach several hundred degrees Celsius.",
         "several hundred degrees celsius" as String?),
        (.speed, "They travel at more than 100 kilometres per hour and reach several hundred degrees Celsius.",
         "more than 100 kilometres per hour"),
        (.length, "Built in 1889, the tower is about 300 metres tall.", "about 300 metres"),
        (.mass, "The bell rang 13 times.", nil),
    ])
    func readsTheSpanInItsUnits(_ measure: Measure, _ text: String, _ expected: String?) {
        let words = Self.words(text)
        #expect(measure.span(in: words).map { words[$0].joined(separator: " ") } == expected, "\(measure): \(text)")
    }

    /// "how hot" is answered with the temperature, not with the first number of the sentence.
    @Test func theShortAnswerIsInTheMeasuresUnits() throws {
        let corpus = "Pyroclastic flows travel at more than 100 kilometres per hour and reach several hundred degrees Celsius."
        let answer = Answerer(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
            .answer("how hot are pyroclastic flows")
        #expect(answer.shortAnswer == "several hundred degrees Celsius")
    }

    @Test(arguments: [
        ("How tall is the tower?", Measure?.some(.length)),
        ("how far is the station", .length),
        ("How heavy is the bell?", .mass),
        ("How hot does the oven get?", .temperature),
        ("How fast do trains run?", .speed),
        ("How many bells are there?", nil),
        ("How long does it last?", nil),
        ("How big is the hall?", nil),
    ])
    func aHowQuestionAsksForItsMeasure(_ question: String, _ measure: Measure?) {
        #expect(QuestionParser(analyzer: Fixtures.analyzer).parse(question).measure == measure, "\(question)")
    }

    /// A sentence with a number, but not a height, is on the topic of "How tall …?" without
    /// saying how tall: its confidence counts half, and citebot abstains.
    @Test(arguments: [true, false])
    func aHeightIsAnsweredOnlyByALength(requires: Bool) throws {
        let corpus = """
            The Stone Tower, a tall landmark, was finished in 1889 and stood for a thousand years.

            Bread is baked daily.
            """
        let index = try Fixtures.index([corpus])
        var options = AnswerOptions()
        options.requiresMeasure = requires
        let answerer = Answerer(index: index, analyzer: Fixtures.analyzer, options: options)
        let answer = answerer.answer("How tall was the Stone Tower?")
        #expect(answer.abstained == requires)
        let measured = try Fixtures.index(["The Stone Tower was 120 metres tall and stood for a thousand years."])
        #expect(!Answerer(index: measured, analyzer: Fixtures.analyzer, options: options).answer("How tall was the Stone Tower?").abstained)
    }

    /// `:why` says which measure the answer lacks.
    @Test func theHalvingNamesTheMeasure() throws {
        let index = try Fixtures.index(["The Stone Tower, a tall landmark, was finished in 1889."])
        let answerer = Answerer(index: index, analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        let analysis = answerer.analyse("How tall is the Stone Tower?")
        let citation = try #require(answerer.answer("How tall is the Stone Tower?").citations.first)
        #expect(answerer.halvings(of: citation, in: analysis) == ["states no length in its units"])
    }
}
