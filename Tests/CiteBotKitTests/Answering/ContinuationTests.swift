import Testing
@testable import CiteBotKit

/// A sentence that ends with a colon promises the code block after it; the answer shows it.
@Suite struct ContinuationTests {
    static let notes = """
        # Kettle notes

        To descale the kettle, run:

        ```
        descale --kettle --strength 2
        ```

        Descaling takes ten minutes. Rinse it twice: limescale tastes bitter.
        """

    func answerer() throws -> Answerer {
        Answerer(index: try Fixtures.index([Self.notes]), analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
    }

    @Test func aSentenceEndingInAColonCarriesTheCodeAfterIt() throws {
        let answer = try answerer().answer("How do I descale the kettle?")
        let citation = try #require(answer.citations.first)
        #expect(citation.text == "To descale the kettle, run:")
        #expect(citation.continuation == "```\ndescale --kettle --strength 2\n```")
        #expect(TextRenderer().render(answer) == """
            To descale the kettle, run: [1]
                descale --kettle --strength 2
              [1] doc1.txt ¶2.1: "To descale the kettle, run:"

            """)
        #expect(AnswerRecord(answer).jsonLine().contains(#""continuation":"```\ndescale --kettle --strength 2\n```","paragraph":2"#))
    }

    /// A directive and the code under it are separate blocks; both follow the colon.
    @Test func consecutiveCodeBlocksAllFollow() throws {
        let text = "To descale the kettle, run:\n\n.. code::\n\n    descale --now\n\nIt takes ten minutes."
        let answerer = Answerer(index: try Fixtures.index([text]), analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        let answer = answerer.answer("How do I descale the kettle?")
        let citation = try #require(answer.citations.first)
        #expect(citation.continuation == ".. code::\n\n    descale --now")
        #expect(TextRenderer().render(answer).contains("[1]\n    .. code::\n\n        descale --now\n  [1] doc1.txt"))
    }

    @Test func otherSentencesCarryNothing() throws {
        let answerer = try answerer()
        #expect(answerer.answer("How long does descaling take?").citations.first?.continuation == nil)
        // A colon inside the sentence, or prose after a final colon, is no code block.
        #expect(answerer.answer("Why rinse it twice?").citations.first?.continuation == nil)
        let prose = Answerer(index: try Fixtures.index(["To descale the kettle, run:\n\nPour vinegar in it."]),
                             analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        #expect(prose.answer("How do I descale the kettle?").citations.first?.continuation == nil)
    }
}
