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

    /// A sentence that ends with a colon before a list carries the list, markers and all, up
    /// to the prose after it; an item's second sentence stays with its item.
    @Test func aSentenceEndingInAColonCarriesTheListAfterIt() throws {
        let text = """
            To descale the kettle, do the following steps:

            - Pour in vinegar. Leave it an hour.
            - Rinse twice.
              1. Boil clean water.

            Descaling takes ten minutes.
            """
        let answerer = Answerer(index: try Fixtures.index([text]), analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        let answer = answerer.answer("How do I descale the kettle?")
        let citation = try #require(answer.citations.first)
        #expect(citation.text == "To descale the kettle, do the following steps:")
        #expect(citation.continuation == "- Pour in vinegar. Leave it an hour.\n- Rinse twice.\n  1. Boil clean water.")
        #expect(TextRenderer().render(answer).contains("steps: [1]\n    - Pour in vinegar. Leave it an hour.\n    - Rinse twice.\n      1. Boil clean water.\n  [1] doc1.txt"))
    }

    /// A long list is cut after ``Answerer/continuationItems`` items; a line the splitter
    /// reads as no list item ("20245. It …", "-x") carries nothing.
    @Test func aListIsCutAndLookalikesAreNoList() throws {
        let items = (1...12).map { "- Step \($0) of descaling." }.joined(separator: "\n")
        let answerer = Answerer(index: try Fixtures.index(["To descale the kettle, do this:\n\n" + items]),
                                analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        let continuation = try #require(answerer.answer("How do I descale the kettle?").citations.first?.continuation)
        #expect(continuation == (1...Answerer.continuationItems).map { "- Step \($0) of descaling." }.joined(separator: "\n"))
        let bullets = Answerer(index: try Fixtures.index(["To descale the kettle, do this:\n\n• Pour in vinegar.\n• Rinse twice."]),
                               analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        #expect(bullets.answer("How do I descale the kettle?").citations.first?.continuation == "• Pour in vinegar.\n• Rinse twice.")
        for lookalike in ["20245. Vinegar came later.", "-x marks the spot."] {
            let plain = Answerer(index: try Fixtures.index(["To descale the kettle, do this:\n\n" + lookalike]),
                                 analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
            #expect(plain.answer("How do I descale the kettle?").citations.first?.continuation == nil, "\(lookalike)")
        }
    }
}
