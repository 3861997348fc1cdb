import Testing
@testable import CiteBotKit

@Suite struct QuestionParserTests {
    let parser = QuestionParser(analyzer: Fixtures.analyzer)

    @Test(arguments: [
        ("How long does the effect last?", QuestionKind.duration),
        ("how many people were there", .quantity),
        ("Why do leaves fall?", .reason),
        ("What causes rain?", .reason),
        ("How does a siphon work?", .method),
        ("What is a siphon?", .definition),
        ("Who wrote it?", .person),
        ("Where is it found?", .place),
        ("When was it built?", .time),
        ("What year was it built?", .time),
        ("Can dogs swim?", .yesNo),
        ("Is it safe?", .yesNo),
        ("What is the difference between tea and coffee?", .comparison),
        ("tea vs coffee", .comparison),
        ("Is tea different from coffee?", .comparison),
        ("Is tea different?", .yesNo),
        ("How does glass differ from steel?", .comparison),
        ("Why does vsync stutter?", .reason),
        ("How tall is the tower?", .quantity),
        ("how deep is the lake", .quantity),
        ("How hard is it to learn?", .method),
        ("What are comparisons for?", .definition),
        ("so why is the sky blue", .reason),
        ("garden tools", .other),
        ("Which tools cut metal?", .list),
        ("What kinds of tea grow here?", .list),
        ("What forms can snow take?", .list),
        ("What varieties of apple keep best?", .list),
        ("What categories of tax apply?", .list),
        ("What forms on a cold window?", .other),  // "forms" is the verb here
        ("What forms when water freezes?", .other),
        ("What forms the crust of bread?", .other),
        ("What kinds are there?", .list),
        ("Which is faster?", .definition),
        ("What does a siphon need?", .other),
        ("What happens if the pump fails?", .consequence),
        ("what will happen to the ice once the sun is out", .consequence),
        ("What can happen to bread as it cools?", .consequence),
        ("What happened in 1989?", .other),  // an event, not what follows from a condition
        ("In what year was it built?", .time),  // a leading phrase before the question word
        ("by how much can I raise the dose", .quantity),
        ("In the example above, why does it fail?", .reason),
        ("kettle how long", .duration),
        ("Which happens first, if both ring?", .list),
    ])
    func classifiesByQuestionWording(_ question: String, _ kind: QuestionKind) {
        #expect(parser.parse(question).kind == kind)
    }

    @Test func dropsTheModifierOfHowLong() {
        let terms = parser.parse("How long does the effect stay?").terms.map(\.term)
        #expect(terms == ["effect", "stay"])
    }

    /// "What causes X" asks what "why X" asks, and "why" is no word of the topic either;
    /// "cause" elsewhere in a question is one.
    @Test func dropsCauseFromWhatCauses() {
        let question = "What causes scale in a kettle?"
        #expect(parser.parse(question).kind == .reason)
        #expect(parser.parse(question).terms.map(\.term) == ["scale", "kettl"])
        #expect(parser.parse("Why does hard water cause scale?").terms.map(\.term).contains("caus"))
        var plain = parser
        plain.readsCauseVerbs = false
        #expect(plain.parse(question).kind == .reason)
        #expect(plain.parse(question).terms.map(\.term) == ["caus", "scale", "kettl"])
    }

    /// "How long does X last" asks for a span of time with "last" as with "long"; "the last
    /// X" names something.
    @Test func dropsTheVerbLastFromHowLong() {
        #expect(parser.parse("How long do kettles last?").terms.map(\.term) == ["kettl"])
        #expect(parser.parse("how long does a kettle last before it rusts").terms.map(\.term) == ["kettl", "rust"])
        #expect(parser.parse("How long did the last eruption go on?").terms.map(\.term) == ["last", "erupt", "go"])
        var plain = parser
        plain.readsDurationVerbs = false
        #expect(plain.parse("How long do kettles last?").terms.map(\.term) == ["kettl", "last"])
    }

    @Test func dropsHappenFromAConsequence() {
        #expect(parser.parse("What happens to the pump if the valve sticks?").terms.map(\.term) == ["pump", "valv", "stick"])
        // Without the reading "happen" is a word of the topic like any other.
        var plain = parser
        plain.readsConsequences = false
        #expect(plain.parse("What happens to the pump if the valve sticks?").kind == .other)
        #expect(plain.parse("What happens to the pump if the valve sticks?").terms.map(\.term).contains("happen"))
    }

    @Test(arguments: [
        ("What is a type?", ["type"]),
        ("what is the time complexity of python's sort", ["time", "complex", "python", "sort"]),
        ("What kind of tea is oolong?", ["tea", "oolong"]),
        ("Which types of tea grow here?", ["tea", "grow"]),
        ("Is there more than one kind of tea?", ["one", "kind", "tea"]),
    ])
    func kindNounsAreDroppedOnlyBeforeOf(_ question: String, _ terms: [String]) {
        #expect(parser.parse(question).terms.map(\.term) == terms, "\(question)")
    }

    /// "What" before a noun phrase asks "which": told by an auxiliary right after one word,
    /// or, with WordNet, by a first word that cannot be a verb.
    @Test func whatBeforeANounPhraseAsksWhich() throws {
        let lexicon = try Fixtures.wordNet()
        let reading = QuestionParser(analyzer: Fixtures.analyzer, lexicon: lexicon)
        #expect(reading.parse("What kettle did the shop stock?").kind == .list)
        #expect(parser.parse("what kit do I need").kind == .list)  // the auxiliary needs no lexicon
        #expect(reading.parse("What noisy kettles break first?").kind == .list)
        #expect(parser.parse("What noisy kettles break first?").kind == .other)
        #expect(reading.parse("What costs more, tea or coffee?").kind != .list)  // "costs" can be a verb
        var plain = reading
        plain.readsNounPhrases = false
        #expect(plain.parse("What noisy kettles break first?").kind == .other)
        #expect(plain.parse("What kettle did the shop stock?").kind == .other)
    }

    @Test func aLeadingPhraseCanBeLeftUnread() {
        var plain = parser
        plain.readsLeadingPhrases = false
        #expect(plain.parse("In what year was it built?").kind == .other)
    }

    /// "How can I tell if …" asks what shows something, not how to do it: no method cue.
    @Test func askingHowToTellIsNoMethodQuestion() {
        #expect(parser.parse("how can i tell if im overwatering my plants").kind == .other)
        #expect(parser.parse("How do you know whether the bread is done?").kind == .other)
        #expect(parser.parse("how would one recognise when a starter is ready").kind == .other)
        // A method still: telling something to someone, knowing how, checking.
        #expect(parser.parse("How do I tell the dog to sit?").kind == .method)
        #expect(parser.parse("How does the inverter know the voltage?").kind == .method)
        var plain = parser
        plain.readsRecognition = false
        #expect(plain.parse("how can i tell if im overwatering my plants").kind == .method)
    }

    /// Naming the attribute asked for asks what "how long" or "how hot" asks: a span of
    /// time, or an amount in the attribute's units.
    @Test(arguments: [
        ("what's the typical lifespan of a kettle?", QuestionKind.duration, Measure?.none),
        ("What is the cost of a kettle?", .quantity, nil),
        ("what price did the kettle fetch", .quantity, nil),
        ("What temperature should the oven be?", .quantity, .temperature),
        ("What internal temperature means the loaf is done?", .quantity, .temperature),
        ("what is the kettle's weight", .quantity, .mass),
    ])
    func namingTheAttributeAskedForAsksForAnAmount(_ question: String, _ kind: QuestionKind, _ measure: Measure?) {
        let parsed = parser.parse(question)
        #expect(parsed.kind == kind, "\(question)")
        #expect(parsed.measure == measure, "\(question)")
    }

    @Test func anAttributeNounFurtherOnIsTopic() {
        // More than one word before the noun, or a noun the question is about.
        #expect(parser.parse("What does a + at the end of a version number mean?").kind != .quantity)
        #expect(parser.parse("what are the main causes of high temperature").kind != .quantity)
        var plain = parser
        plain.readsAttributes = false
        #expect(plain.parse("What is the cost of a kettle?").kind == .definition)
        #expect(plain.parse("What temperature should the oven be?").measure == nil)
    }

    /// "When should X …" asks under what condition, "when did X …" for a date.
    @Test(arguments: [
        ("When should houseplants be watered?", true),
        ("when do bees swarm", true),
        ("When can I bake with the starter?", true),
        ("When did the volcano erupt?", false),
        ("When was the tower built?", false),
        ("What year should I plant it?", false),  // a time question, but asking for a year
    ])
    func readsWhetherAWhenQuestionAsksForACondition(_ question: String, _ condition: Bool) {
        #expect(parser.parse(question).asksCondition == condition, "\(question)")
        var plain = parser
        plain.readsConditions = false
        #expect(!plain.parse(question).asksCondition)
    }

    @Test func withoutReadingKindNounsADefinitionDropsThemAll() {
        var plain = parser
        plain.readsKindNouns = false
        #expect(plain.parse("What is a type?").terms.isEmpty)
    }

    @Test func readsWhetherTheQuestionDenies() {
        #expect(parser.parse("Why doesn't soap work?").denies)
        #expect(parser.parse("why is it not safe").denies)
        #expect(!parser.parse("Why does soap work?").denies)
    }

    @Test func keepsLongWhenItIsTopic() {
        #expect(parser.parse("Is the road long?").terms.map(\.term) == ["road", "long"])
    }

    @Test(arguments: [
        ("Which lasts longer, kettles or teapots?", [["kettl"], ["teapot"]]),
        ("What is cheaper, a kettle or the electric teapot?", [["kettl"], ["electr", "teapot"]]),
        ("Which is better for tea, kettles or teapots", [["kettl"], ["teapot"]]),
        ("Which kettles or teapots last?", []),  // no comma: no offered choice
        ("Do kettles last, or teapots?", []),  // not opened by which/what/who
        ("Which lasts longer, kettles?", []),
    ] as [(String, [[String]])])
    func readsTheOptionsOfAChoice(_ question: String, _ options: [[String]]) {
        let parsed = parser.parse(question)
        #expect(parsed.sides.map { $0.map(\.term) } == options, "\(question)")
        #expect(parsed.kind != .comparison)
    }

    @Test(arguments: [
        ("How many bolts does a shelf need?", "bolt"),
        ("so how much water should I drink", "water"),
        ("How many are there?", nil),
        ("How often does it rain?", nil),
        ("What is a siphon?", nil),
    ] as [(String, String?)])
    func readsWhatAHowManyQuestionCounts(_ question: String, _ counted: String?) {
        #expect(parser.parse(question).counted == counted)
    }

    @Test(arguments: [
        ("How often should I water basil?", true),
        ("so how often do kettles whistle", true),
        ("How many times do kettles whistle?", false),
        ("Do kettles often whistle?", false),
    ])
    func readsWhetherAQuestionAsksHowOften(_ question: String, _ asks: Bool) {
        #expect(parser.parse(question).asksFrequency == asks, "\(question)")
    }

    @Test(arguments: [
        ("Can dogs swim?", "can"),
        ("so will it rain", "will"),
        ("Isn't it late?", "isn't"),
        ("What is a siphon?", nil),
    ] as [(String, String?)])
    func keepsTheAuxiliaryOfYesNoQuestions(_ question: String, _ auxiliary: String?) {
        #expect(parser.parse(question).auxiliary == auxiliary)
    }

    @Test(arguments: [
        "What's a siphon?",
        "whats a siphon",
        "What exactly is a siphon?",
        "what actually are siphons",
        "What counts as a siphon?",
        "so what exactly qualifies as a siphon",
    ])
    func readsVariantsOfWhatIsAsDefinitions(_ question: String) {
        #expect(parser.parse(question).kind == .definition)
        #expect(parser.parse(question).terms.map(\.term) == ["siphon"])
    }

    @Test(arguments: [
        ("What's a siphon?", QuestionKind.other),
        ("What exactly is a siphon?", .other),
        ("What counts as a siphon?", .other),
    ])
    func definitionPhrasingCanBeSwitchedOff(_ question: String, _ kind: QuestionKind) {
        let plain = QuestionParser(analyzer: Fixtures.analyzer, readsDefinitionPhrasing: false)
        #expect(plain.parse(question).kind == kind)
    }

    @Test(arguments: [
        ("What counts do you keep?", QuestionKind.list),  // "which counts": no definition
        ("What exactly happened?", .other),
        ("What exactly did they find?", .other),
    ])
    func leavesOtherWhatQuestionsAlone(_ question: String, _ kind: QuestionKind) {
        #expect(parser.parse(question).kind == kind)
    }

    @Test func splitsComparisonIntoSides() {
        let parsed = parser.parse("What is the difference between green tea and black coffee?")
        #expect(parsed.sides.map { $0.map(\.term) } == [["green", "tea"], ["black", "coffe"]])
        #expect(!parsed.terms.map(\.term).contains("differ"))
    }
    /// A misspelt comparison word ("diffrence") still asks for a comparison, and is no
    /// topic word; WordNet tells the typo from a real word one edit from a comparison word
    /// ("compered"), and without WordNet nothing is read as a typo.
    @Test func aMisspeltComparisonWordStillAsksForAComparison() throws {
        let parser = QuestionParser(analyzer: Fixtures.analyzer, lexicon: try Fixtures.wordNet())
        let typo = parser.parse("diffrence between tea and coffee")
        #expect(typo.kind == .comparison)
        #expect(typo.sides.map { $0.map(\.term) } == [["tea"], [Fixtures.analyzer.stem("coffee")]])
        #expect(parser.parse("Who compered tea shows?").kind == .person)
        #expect(parser.parse("Who compered tea shows?").terms.map(\.surface).contains("compered"))
        #expect(QuestionParser(analyzer: Fixtures.analyzer).parse("diffrence between tea and coffee").kind == .other)
        #expect(parser.spellingOfCue("diferences") == "differences")
        #expect(parser.spellingOfCue("compraed") == "compared")
        #expect(parser.spellingOfCue("differ") == nil)
    }

    /// "How tall" asks for a number as "how many" does, but "tall" is kept: the answer
    /// often repeats it ("… 100 metres tall"), where "many" only frames the question.
    @Test func keepsTheAdjectiveOfAMeasureQuestion() {
        let parsed = parser.parse("How tall is the lighthouse?")
        #expect(parsed.kind == .quantity)
        #expect(parsed.terms.map(\.surface) == ["tall", "lighthouse"])
        #expect(parser.parse("How many lighthouses are there?").terms.map(\.surface) == ["lighthouses"])
    }

}

@Suite struct LongQuestionTests {
    @Test func onlyTheOpeningContentWordsAreMatched() {
        let parser = QuestionParser(analyzer: Fixtures.analyzer)
        let question = (0..<10_000).map { "word\($0)" }.joined(separator: " ")
        let parsed = parser.parse(question)
        #expect(parsed.terms.count == QuestionParser.maximumTerms)
        #expect(parsed.terms.first?.surface == "word0")
    }
}
