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
        #expect(resolved == "How long does kettles last?")
    }

    @Test func whatAboutRepeatsThePreviousQuestionWithTheNewTopic() throws {
        let resolved = try resolver().resolve("what about teapots?", previous: "How long do electric kettles last?")
        #expect(resolved == "How long do teapots last?")
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
