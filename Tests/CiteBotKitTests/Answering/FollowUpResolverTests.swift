import Testing
@testable import CiteBotKit

@Suite struct FollowUpResolverTests {
    // "kettles" is the corpus's most frequent topic word; "descaling" and "limescale" are rarer.
    static let corpus = """
        Electric kettles boil water fast. Kettles need descaling. Kettles last ten years.

        Stovetop kettles whistle. Limescale builds up in kettles. Teapots brew tea.
        """

    func resolver() throws -> FollowUpResolver {
        FollowUpResolver(index: try Fixtures.index([Self.corpus]), analyzer: Fixtures.analyzer)
    }

    @Test func pronounTakesThePreviousSubject() throws {
        let resolved = try resolver().resolve("How long does it last?", previous: "Why do kettles need descaling?")
        #expect(resolved == "How long do kettles last?")
    }

    @Test func whatAboutRepeatsThePreviousQuestionWithTheNewTopic() throws {
        let resolved = try resolver().resolve("what about teapots?", previous: "How long do electric kettles last?")
        #expect(resolved == "How long do teapots last?")
    }

    /// A plural that ends in "s" takes the apostrophe alone: "kettles' element", not "kettles's".
    /// The auxiliary before the new subject agrees with it: "does kettles" and "is kettles"
    /// read as mistakes in the "(taken as: …)" line and in `:why`.
    @Test(arguments: [
        ("Is it permanent?", "What is limescale?", "Is limescale permanent?"),
        ("is it permanent?", "Why do kettles need descaling?", "are kettles permanent?"),
        ("How long does it last?", "Why do kettles need descaling?", "How long do kettles last?"),
        ("Does it whistle?", "How do stovetop kettles work?", "Do stovetop kettles whistle?"),
        ("what about teapots?", "How long does the kettle last?", "How long do the teapots last?"),
        ("what about limescale?", "Why are kettles noisy?", "Why is limescale noisy?"),
        ("what about glass?", "Why are kettles noisy?", "Why is glass noisy?"),
        ("How long does its element last?", "Why do kettles need descaling?", "How long does kettles' element last?"),
    ])
    func theAuxiliaryAgreesWithTheNewSubject(_ question: String, _ previous: String, _ expected: String) throws {
        #expect(try resolver().resolve(question, previous: previous) == expected)
    }

    /// The subject "kettle" of "Is kettle water safe?" is followed by "water", which the new
    /// topic ends with: the words are replaced together, not repeated.
    @Test(arguments: [
        ("what about tap water?", "Is kettle water safe?", "Is tap water safe?"),
        ("what about water?", "Is kettle water safe?", "Is water safe?"),
        // A topic that does not end with them leaves them in place.
        ("what about teapot?", "How hot does kettle water get?", "How hot does teapot water get?"),
        ("what about tap water?", "Is kettle water, when boiled, safe?", "Is tap water, when boiled, safe?"),
        ("what about hot tea water?", "Is kettle tea water safe?", "Is hot tea water safe?"),
    ])
    func aTopicEndingWithTheWordsAfterTheSubjectReplacesThem(_ question: String, _ previous: String, _ expected: String) throws {
        #expect(try resolver().resolve(question, previous: previous) == expected)
    }

    @Test func aFollowUpSaysWhatItIsAbout() throws {
        let resolver = try resolver()
        #expect(resolver.followUp("what about teapots?", previous: "How long do electric kettles last?")
            == .init(question: "How long do teapots last?", subject: "teapots"))
        #expect(resolver.followUp("How long does it last?", previous: "Why do kettles need descaling?")
            == .init(question: "How long do kettles last?", subject: "kettles"))
        #expect(resolver.followUp("Why do kettles whistle?", previous: "What is limescale?") == nil)
    }

    /// An answer to "what about X?" must name X: the sentence about the previous subject
    /// shares every other word of the question and would otherwise win.
    @Test func aFollowUpIsAnsweredOnlyBySentencesNamingItsSubject() throws {
        let index = try Fixtures.index(["Electric kettles last ten years.\n\nTeapots last for decades if handled with care."])
        let answerer = Answerer(index: index, analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        let question = "How long do electric teapots last?"
        #expect(answerer.answer(question).citations.first?.text == "Electric kettles last ten years.")
        let followUp = try answerer.answer(question, about: "teapots", cancellation: CancellationToken())
        #expect(followUp.citations.map(\.text) == ["Teapots last for decades if handled with care."])
        #expect(!followUp.abstained)
        // A subject the corpus never uses restricts nothing.
        let unknown = try answerer.answer(question, about: "lasers", cancellation: CancellationToken())
        #expect(unknown.citations == answerer.answer(question).citations)
    }

    /// No sentence that matches the question names the subject: an abstention, not the
    /// sentence about something else.
    @Test func aFollowUpNoMatchingSentenceNamesIsAbstained() throws {
        let index = try Fixtures.index(["Electric kettles last ten years.\n\nTeapots crack easily."])
        let answerer = Answerer(index: index, analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        #expect(!answerer.answer("How long do kettles last?").abstained)
        let answer = try answerer.answer("How long do kettles last?", about: "teapots", cancellation: CancellationToken())
        #expect(answer.abstained)
        #expect(answer.citations.isEmpty)
        #expect(answer.text == Answerer.abstentionText)
    }

    @Test func subjectKeepsACompoundModifier() throws {
        let subject = try #require(try resolver().subject(of: "How long do electric kettles last?"))
        #expect(subject.text == "electric kettles")
    }

    @Test func standaloneQuestionsAreLeftAlone() throws {
        let resolver = try resolver()
        #expect(resolver.resolve("Why do kettles whistle?", previous: "What is limescale?") == nil)
        #expect(resolver.resolve("How long does it last?", previous: nil) == nil)
        // The pronoun has a topic of its own beside it.
        #expect(resolver.resolve("Do kettles need it?", previous: "What is limescale?") == nil)
    }
}

/// With WordNet, the auxiliary agrees with the right word: a singular in "-s" stays
/// singular, and a noun the old subject only modified keeps its verb.
@Suite struct FollowUpAgreementWithLexiconTests {
    func resolve(_ question: String, previous: String, lexicon: Bool) throws -> String? {
        FollowUpResolver(index: try Fixtures.index([FollowUpResolverTests.corpus]), analyzer: Fixtures.analyzer,
                         lexicon: lexicon ? try Fixtures.wordNet() : nil)
            .resolve(question, previous: previous)
    }

    @Test func aSingularInSStaysSingular() throws {
        #expect(try resolve("what about lens?", previous: "Why are kettles noisy?", lexicon: false) == "Why are lens noisy?")
        #expect(try resolve("what about lens?", previous: "Why are kettles noisy?", lexicon: true) == "Why is lens noisy?")
        // A plural stays plural: "teapots" is no base form of its own.
        #expect(try resolve("what about teapots?", previous: "Why is limescale noisy?", lexicon: true) == "Why are teapots noisy?")
    }

    @Test func theVerbOfANounTheOldSubjectModifiedStays() throws {
        let previous = "Why is the kettle price high?"
        #expect(try resolve("what about teapots?", previous: previous, lexicon: false) == "Why are the teapots price high?")
        #expect(try resolve("what about teapots?", previous: previous, lexicon: true) == "Why is the teapots price high?")
        // A word that is also a verb may be the question's verb: "How much does the kettle cost?".
        #expect(try resolve("what about teapots?", previous: "How much does the kettle cost?", lexicon: true)
                == "How much do the teapots cost?")
    }

    /// A word WordNet lists, but never as a noun, is no subject however often the corpus
    /// uses it: "noisy" in "Why are kettles noisy?" is what is said of kettles.
    @Test func aWordThatIsNeverANounIsNoSubject() throws {
        let corpus = """
            Kettles are noisy because water bubbles.

            A noisy fan hums. A noisy road roars. Lenses focus light.
            """
        func resolve(lexicon: Bool) throws -> String? {
            FollowUpResolver(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer,
                             lexicon: lexicon ? try Fixtures.wordNet() : nil)
                .resolve("what about lenses?", previous: "Why are kettles noisy?")
        }
        #expect(try resolve(lexicon: true) == "Why are lenses noisy?")
        // Nor is it a topic of the follow-up's own, which would leave "they" unresolved.
        let withWordNet = FollowUpResolver(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer,
                                           lexicon: try Fixtures.wordNet())
        #expect(withWordNet.resolve("Are they noisy?", previous: "Why are kettles noisy?") == "Are kettles noisy?")
        // Without WordNet the most frequent word stands, as before.
        #expect(try resolve(lexicon: false) == "Why are lenses?")
        #expect(try Fixtures.wordNet().isNeverNoun("noisy"))
        #expect(try !Fixtures.wordNet().isNeverNoun("price"))
        #expect(try !Fixtures.wordNet().isNeverNoun("kettles"))  // not listed: may be anything
    }

    @Test func lexiconTellsNounsAndOwnBaseForms() throws {
        let lexicon = try Fixtures.wordNet()
        #expect(lexicon.isOnlyNoun("price"))
        #expect(!lexicon.isOnlyNoun("cost"))  // also a verb
        #expect(!lexicon.isOnlyNoun("kettle"))  // not listed
        #expect(lexicon.isOwnOnlyBaseForm("lens"))
        #expect(!lexicon.isOwnOnlyBaseForm("axes"))  // of "axe" and "axis"
        #expect(!lexicon.isOwnOnlyBaseForm("creases"))  // of "crease"
    }
}
