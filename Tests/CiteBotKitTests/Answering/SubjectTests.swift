import Testing
@testable import CiteBotKit

/// An answer must name what the question asks about: its grammatical subject, the words
/// between the auxiliary and the verb. The fixture lexicon lists "run", "cost", "go" and
/// "use" as verbs and not "kettles" or "teapots".
@Suite struct SubjectTests {
    func answerer(_ paragraphs: [String], requiresSubject: Bool = true, lexicon: Bool = true) throws -> Answerer {
        var options = AnswerOptions(minScore: 0)
        options.requiresSubject = requiresSubject
        return Answerer(index: try Fixtures.index([paragraphs.joined(separator: "\n\n")]), analyzer: Fixtures.analyzer,
                        lexicon: lexicon ? try Fixtures.wordNet() : nil, options: options)
    }

    func words(_ answerer: Answerer, _ ids: [Int32]?) -> [String]? {
        ids.map { $0.map { answerer.index.vocabulary.terms[Int($0)] } }
    }

    static let parallel = ["Kettles run for five years on average. Ceramic teapots differ with the glaze."]

    @Test(arguments: [
        ("How long do teapots run?", ["teapot"]),
        ("How long do ceramic teapots run?", ["ceram", "teapot"]),
        ("Can the teapots run hot?", ["teapot"]),
        ("Do kettles cost much?", ["kettl"]),
    ] as [(String, [String])])
    func theSubjectIsBetweenTheAuxiliaryAndTheVerb(question: String, subject: [String]) throws {
        let answerer = try answerer(Self.parallel)
        let parsed = QuestionParser(analyzer: Fixtures.analyzer).parse(question)
        #expect(words(answerer, answerer.subjectTerms(of: parsed)) == subject, "\(question)")
    }

    @Test(arguments: [
        "What makes teapots run?",          // no auxiliary
        "Do teapots with lids glaze well?", // a preposition ends the subject before any verb
        "Are teapots ceramic?",             // no verb after the subject
    ])
    func noSubjectWithoutAnAuxiliaryAndAVerb(question: String) throws {
        let answerer = try answerer(Self.parallel)
        #expect(answerer.subjectTerms(of: QuestionParser(analyzer: Fixtures.analyzer).parse(question)) == nil, "\(question)")
    }

    /// After "is" or "are", a closing word the lexicon lists as an adjective is what is said
    /// of the subject: the words before it are the subject. "be" after the subject is its
    /// verb, as in a passive question.
    @Test(arguments: [
        ("Are teapots large?", ["teapot"] as [String]?),
        ("Are ceramic teapots good?", ["ceram", "teapot"]),
        ("Do teapots grow large?", nil),  // no form of "be": the subject's end stays unknown
        ("Are large?", nil),  // no words before the adjective
        ("Can teapots be used daily?", ["teapot"]),  // "be" after the subject is its verb
        ("Had teapots been used?", nil),  // only "be" itself ends it
    ])
    func aClosingAdjectiveOrBeEndsTheSubject(question: String, subject: [String]?) throws {
        let answerer = try answerer(Self.parallel)
        let parsed = QuestionParser(analyzer: Fixtures.analyzer).parse(question)
        #expect(words(answerer, answerer.subjectTerms(of: parsed)) == subject, "\(question)")
    }

    @Test func aClosingAdjectiveCanBeLeftUnread() throws {
        var options = AnswerOptions(minScore: 0)
        options.readsPredicateAdjectives = false
        let answerer = Answerer(index: try Fixtures.index([Self.parallel.joined()]), analyzer: Fixtures.analyzer,
                                lexicon: try Fixtures.wordNet(), options: options)
        #expect(answerer.subjectTerms(of: QuestionParser(analyzer: Fixtures.analyzer).parse("Are teapots large?")) == nil)
        #expect(answerer.subjectTerms(of: QuestionParser(analyzer: Fixtures.analyzer).parse("Can teapots be used?")) == nil)
    }

    @Test func noSubjectWithoutALexicon() throws {
        let answerer = try answerer(Self.parallel, lexicon: false)
        #expect(answerer.subjectTerms(of: QuestionParser(analyzer: Fixtures.analyzer).parse("How long do teapots run?")) == nil)
    }

    @Test func aSentenceAboutSomethingElseCountsHalf() throws {
        let question = "How long do teapots run?"
        let strict = try answerer(Self.parallel)
        let lenient = try answerer(Self.parallel, requiresSubject: false)
        let answer = strict.answer(question)
        // The sentence with the asked-for verb and a span of time is about kettles.
        #expect(answer.citations.first?.text == "Kettles run for five years on average.")
        #expect(abs(answer.confidence - lenient.answer(question).confidence / 2) < 1e-9)
        #expect(answer.confidence > 0)
    }

    /// For an amount, a subject named only after "than" is what the amount is compared with,
    /// not what it is of.
    @Test(arguments: [
        ("A good trainer costs 400 dollars, more than a gym membership.", true),
        ("A gym membership costs 400 dollars, more than a good trainer.", false),
        ("A gym membership costs 400 dollars.", false),
    ])
    func aSubjectNamedOnlyAfterThanIsNotNamed(sentence: String, halved: Bool) throws {
        let question = "How much does a gym membership cost?"
        let strict = try answerer([sentence])
        var options = AnswerOptions(minScore: 0)
        options.readsComparedSubjects = false
        let plain = Answerer(index: try Fixtures.index([sentence]), analyzer: Fixtures.analyzer,
                             lexicon: try Fixtures.wordNet(), options: options)
        let lenient = try answerer([sentence], requiresSubject: false)
        #expect(abs(plain.answer(question).confidence - lenient.answer(question).confidence) < 1e-9)
        #expect(abs(strict.answer(question).confidence - lenient.answer(question).confidence / (halved ? 2 : 1)) < 1e-9,
                "\(sentence)")
    }

    @Test func whyNamesEachHalving() throws {
        let strict = try answerer(Self.parallel)
        let question = "How long do teapots run?"
        let citation = try #require(strict.answer(question).citations.first)
        #expect(strict.halvings(of: citation, in: strict.analyse(question))
                == ["does not name the question's subject, \"teapots\""])
        let untyped = try answerer(["Teapots run hot on a stove."])
        let other = try #require(untyped.answer(question).citations.first)
        #expect(untyped.halvings(of: other, in: untyped.analyse(question)) == ["holds no span of time, number or date"])
    }

    @Test(arguments: [
        // Named in the sentence by one of its words, not the last.
        (["Kettles of ceramic run for five years.", "Teapots are glazed."], "How long do ceramic teapots run?",
         "Kettles of ceramic run for five years."),
        // Named earlier in the paragraph, then referred to.
        (["Teapots are glazed by hand. Glazed ones run for ten years."], "How long do teapots run?",
         "Glazed ones run for ten years."),
        // The sentence opens on a word of the question.
        (["Cost of kettles is high in winter.", "Teapots are glazed."], "Do teapots cost much in winter?",
         "Cost of kettles is high in winter."),
    ] as [([String], String, String)])
    func aSentenceNamingTheSubjectOrOpeningOnTheQuestionCountsWhole(paragraphs: [String], question: String, cited: String) throws {
        let strict = try answerer(paragraphs)
        let lenient = try answerer(paragraphs, requiresSubject: false)
        let answer = strict.answer(question)
        #expect(answer.citations.first?.text == cited, "\(question)")
        // The subject is one the corpus uses, so the rule applies and finds it named.
        #expect(strict.subjectTerms(of: strict.analyse(question).question)?.isEmpty == false, "\(question)")
        #expect(answer.confidence == lenient.answer(question).confidence, "\(question)")
    }
}
