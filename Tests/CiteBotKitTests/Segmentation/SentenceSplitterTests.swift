import Testing
import Foundation
@testable import CiteBotKit

/// Each sentence of `text` as the splitter reads it: its role and its text.
fileprivate func split(_ text: String) -> [(role: SentenceRole, text: String)] {
    SentenceSplitter().split(text).sentences.map { ($0.role, CorpusIndex.slice(text, $0.range)) }
}

/// Splitter cases are written as marked text: `|` stands where a sentence boundary is
/// expected, and the text without the marks is what is split.
@Suite struct SentenceSplitterTests {
    static func sentences(_ text: String) -> [String] {
        let segmentation = SentenceSplitter().split(text)
        return segmentation.sentences.map { CorpusIndex.slice(text, $0.range) }
    }

    static func expected(_ marked: String) -> (text: String, sentences: [String]) {
        let parts = marked.split(separator: "|").map { String($0).trimmingCharacters(in: .whitespaces) }
        return (marked.replacingOccurrences(of: "|", with: ""), parts)
    }

    @Test(arguments: [
        "Botox lasts months.| Fillers vary.",
        "He said “stop.”| Then he left.",
        "She asked, \"Why?\"| Nobody knew.",
        "Dr. Smith works in the U.S. office.| She is busy.",
        "Use e.g. cream or i.e. lotion daily.| Rinse after.",
        "The dose is 3.5 mg per day.| It rises to 4.25 mg.",
        "They may: plump up lips.| Enhance cheeks.| fill in scars.| soften lines.",
        "Wait... what happened?| Nothing.",
        "J. R. R. Tolkien wrote books.| They sold well.",
        "Prices rose, etc.| Then they fell.",
        "Is it safe?| Yes, mostly!| Ask first.",
        "Results last (about 3 months).| Repeat.",
    ])
    func splitsMarkedText(_ marked: String) {
        let (text, sentences) = Self.expected(marked)
        #expect(Self.sentences(text) == sentences, "\(marked)")
    }

    @Test func blankLinesSeparateParagraphs() {
        let text = "First one. First two.\n\n  \nSecond para.\nStill second."
        let segmentation = SentenceSplitter().split(text)
        #expect(segmentation.paragraphs.count == 2)
        #expect(segmentation.sentences.map(\.paragraph) == [1, 1, 2, 2])
        #expect(segmentation.sentences.map(\.number) == [1, 2, 1, 2])
    }

    @Test func titleWithoutFinalPunctuationIsHeading() {
        let text = "Recommended Posts\n\nBody text here. More body."
        let roles = SentenceSplitter().split(text).sentences.map(\.role)
        #expect(roles == [.heading, .statement, .statement])
    }

    @Test func oneLineQuestionParagraphIsHeading() {
        let text = "What is the Difference Between A and B?\n\nA differs from B."
        let roles = SentenceSplitter().split(text).sentences.map(\.role)
        #expect(roles == [.heading, .statement])
    }

    @Test func questionInsideProseIsNotCitable() {
        let text = "Many ask this. Why does it work? It works by magic."
        let roles = SentenceSplitter().split(text).sentences.map(\.role)
        #expect(roles == [.statement, .question, .statement])
    }

    @Test func markdownHeadingsAndListItems() {
        let text = "# Care guide\n- Wash daily\n- Rinse with water.\n1. Dry well\n\nPlain text follows."
        let segmentation = SentenceSplitter().split(text)
        let quoted = segmentation.sentences.map { CorpusIndex.slice(text, $0.range) }
        #expect(quoted == ["Care guide", "Wash daily", "Rinse with water.", "Dry well", "Plain text follows."])
        #expect(segmentation.sentences.map(\.role) == [.heading, .statement, .statement, .statement, .statement])
    }

    @Test func shortLabelLineStartsNewBlock() {
        let text = "Ingredients\nFlour and water are mixed. Salt is added."
        let segmentation = SentenceSplitter().split(text)
        let quoted = segmentation.sentences.map { CorpusIndex.slice(text, $0.range) }
        #expect(quoted == ["Ingredients", "Flour and water are mixed.", "Salt is added."])
    }

    @Test func softWrappedLinesJoinIntoOneSentence() {
        let text = "This sentence is wrapped across\ntwo lines of the file. Next one."
        #expect(Self.sentences(text) == ["This sentence is wrapped across\ntwo lines of the file.", "Next one."])
    }

    @Test func punctuationOnlySentenceIsSymbols() {
        let text = "Real text here. ***"
        #expect(SentenceSplitter().split(text).sentences.map(\.role) == [.statement, .symbols])
    }

    @Test func rangesQuoteTheSourceVerbatimWithMultibyteText() {
        let text = "Café crème is “good.” Naïve résumé — fine.\n\nΚαλημέρα κόσμε. 日本語の文。"
        let segmentation = SentenceSplitter().split(text)
        for sentence in segmentation.sentences {
            let quoted = CorpusIndex.slice(text, sentence.range)
            #expect(text.contains(quoted))
            #expect(quoted == quoted.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(Self.sentences(text).first == "Café crème is “good.”")
    }

    @Test func emptyAndWhitespaceTextHaveNoSentences() {
        #expect(SentenceSplitter().split("").sentences.isEmpty)
        #expect(SentenceSplitter().split(" \n\t\n ").paragraphs.isEmpty)
    }
}

@Suite struct TitleSentenceTests {
    @Test(arguments: [
        ("15. Disclaimer of Warranty.\n\nThe program comes with no warranty.", [SentenceRole.heading, .statement]),
        ("5. Submission of Contributions. Unless stated otherwise, terms apply.", [.heading, .statement]),
        ("Yes. The Program is free.", [.statement, .statement]),
        ("Botox results last 3 to 4 months. It varies.", [.statement, .statement]),
        ("Jane Smith Wrote This Book In Seven Long Years.", [.statement]),
    ])
    func shortTitleCaseSentencesAreHeadings(_ text: String, _ roles: [SentenceRole]) {
        #expect(SentenceSplitter().split(text).sentences.map(\.role) == roles, "\(text)")
    }
}

/// A line of nothing but links to sections of the same document is a table of contents'
/// entry, kept for context like a heading; a link elsewhere, or words beside the links, is
/// a statement.
@Suite struct ContentsEntryTests {
    @Test(arguments: [
        ("## Contents\n\n- [Current releases](#current-releases)\n- [Old ones](#old), [Notes](#notes).", [SentenceRole.heading, .heading, .heading]),
        ("- [Downloads](https://example.org/downloads)", [.statement]),
        ("See [the notes](#notes) for more.", [.statement]),
        ("- [Unclosed](#unclosed and more words here.", [.statement]),
        ("[a] and [b] are named.", [.statement]),
    ])
    func contentsEntriesAreNotCitable(_ text: String, _ roles: [SentenceRole]) {
        #expect(SentenceSplitter().split(text).sentences.map(\.role) == roles, "\(text)")
    }
}

@Suite struct CodeFenceTests {
    @Test func fencedCodeIsNeverCitable() {
        let text = "Add it to your package:\n\n```swift\nlet x = 1. let y = 2.\n\nprint(x)\n```\n\nThen build it."
        let segmentation = SentenceSplitter().split(text)
        let roles = segmentation.sentences.map(\.role)
        #expect(roles == [.statement, .code, .code, .statement])
        let quoted = segmentation.sentences.map { CorpusIndex.slice(text, $0.range) }
        #expect(quoted[1] == "```swift\nlet x = 1. let y = 2.")
        #expect(quoted[3] == "Then build it.")
    }

    @Test func tildeFencesAndProseAfterClosingFenceInOneParagraph() {
        let text = "~~~\ncode here.\n~~~\nProse follows here."
        let roles = SentenceSplitter().split(text).sentences.map(\.role)
        #expect(roles == [.code, .statement])
    }

    func roles(_ text: String) -> [SentenceRole] { SentenceSplitter().split(text).sentences.map(\.role) }

    /// A plain-text file's title underlined with tildes, with no closing fence anywhere,
    /// must not turn the rest of the file into code.
    @Test func aTildeUnderlineOpensNoFence() {
        let text = "Kettle notes\nRelease 2 of 2024\n~~~~~~~~~~~~~~~~~\n\nA kettle boils water. It switches off by itself."
        #expect(roles(text) == [.heading, .heading, .code, .statement, .statement])
        // Two such titles do not make a fence of everything between them.
        let two = text + "\n\nPart two\n~~~~~~~~\n\nA teapot keeps tea hot."
        #expect(roles(two) == [.heading, .heading, .code, .statement, .statement, .heading, .code, .statement])
    }

    /// An opening fence that nothing closes is read as a line of its own (markup, never
    /// cited), and what follows it as text; a fence opened and closed after it is still code.
    @Test func anUnclosedFenceFencesNothing() {
        #expect(roles("Kettles boil water.\n\n```\n\nThey switch off by themselves.")
                == [.statement, .code, .statement])
        let later = "```\n\nKettles boil water.\n\n~~~\nboil(kettle)\n~~~\n\nThey switch off."
        #expect(roles(later) == [.code, .statement, .code, .statement])
    }

    /// A fence right under a shorter line of text is still a fence ("Run:" and "```").
    @Test func aFenceUnderAShortLineIsAFence() {
        #expect(roles("Run this:\n```\nboil(kettle)\n```\nThen pour.") == [.statement, .code, .statement])
    }
}

/// A Markdown table's rows are no sentences: kept, never cited.
@Suite struct TableTests {
    func roles(_ text: String) -> [SentenceRole] { SentenceSplitter().split(text).sentences.map(\.role) }

    @Test func tableRowsAreNeverCitable() {
        let text = "Kettles differ in size.\n\n| Kettle | Litres |\n|--------|--------|\n| Steel  | 1.7    |\n\nPick one that fits."
        #expect(roles(text) == [.statement, .code, .statement])
    }

    @Test(arguments: ["| Kettle | Litres |", "|---|:---:|"])
    func rowsAreTableRows(_ line: String) {
        #expect(line.utf8.withContiguousStorageIfAvailable { SentenceSplitter.isTableRow(0..<line.utf8.count, in: $0) } == true)
    }

    @Test(arguments: ["Use a | to pipe output.", "| one cell |", "|x"])
    func otherLinesAreNot(_ line: String) {
        #expect(line.utf8.withContiguousStorageIfAvailable { SentenceSplitter.isTableRow(0..<line.utf8.count, in: $0) } == false)
    }
}

/// Front matter ("---", "title: …", "---" at a document's start) is metadata, never cited.
@Suite struct FrontMatterTests {
    @Test(arguments: [
        "---\ntitle: Kettles: a guide\nlayout: default\ntags:\n  - home\n---\n\nKettles boil water.",
        "+++\ntitle = \"Kettles\"\n+++\n\nKettles boil water.",
    ])
    func frontMatterIsNeverCited(_ text: String) {
        let sentences = split(text)
        #expect(sentences.filter { $0.role == .statement }.map(\.text) == ["Kettles boil water."], "\(text)")
    }

    @Test(arguments: [
        "---\nKettles boil water.\n\n---\n\nThey switch off.",  // rules around prose
        "---\ntitle: Kettles\n\nKettles boil water.",         // never closed
        "Kettles boil water.\n\n---\ntitle: Kettles\n---",      // not at the start
    ])
    func otherRulesAreNoFrontMatter(_ text: String) {
        #expect(split(text).contains { $0.role == .statement && $0.text.hasPrefix("Kettles boil") }, "\(text)")
    }
}

/// Numbered entries of manuals and FAQs ("2.1. When building …") title their answers.
@Suite struct NumberedHeadingTests {
    @Test func aNumberedEntryTitlesItsAnswer() {
        let text = "4.1. My kettle clicks off too early. \nScale on the element makes it overheat. Descale it."
        let sentences = split(text)
        #expect(sentences.map(\.role) == [.heading, .statement, .statement])
        #expect(sentences[0].text == "4.1. My kettle clicks off too early.")
    }

    @Test func aNumberedTitleRunsToTheEndOfItsSentence() {
        let text = "2.1. When building the kettle, the lid sticks partway \nthrough, something like this: \nDescale the hinge first."
        let sentences = split(text)
        #expect(sentences.map(\.role) == [.heading, .statement])
        #expect(sentences[1].text == "Descale the hinge first.")
    }

    @Test(arguments: [
        "3.5 million kettles were sold. Most of them were electric.",  // a decimal
        "1. Fill the kettle. Switch it on.",                          // a list item
        "Kettles boil water.\n2.1. Heading in the middle of a paragraph is prose.",
    ])
    func otherNumbersAreNoTitles(_ text: String) {
        #expect(!split(text).contains { $0.role == .heading }, "\(text)")
    }

    @Test(arguments: ["3.4 Installing the kettle", "10.2.1. Descaling", "1.1. How do you descale a kettle?"])
    func sectionNumbersOpenTitles(_ line: String) {
        #expect(split(line + "\nUse vinegar.").first?.role == .heading, "\(line)")
    }
}

@Suite struct DisplayTests {
    @Test func deeperLinesUnderAColonLineAreCode() {
        let text = "When I build it, make fails with this: \n    ld: cannot find -lkettle\n    collect2: exit status 1\n"
            + "Install the kettle library first."
        let sentences = split(text)
        #expect(sentences.map(\.role) == [.statement, .code, .statement])
        #expect(sentences[1].text == "ld: cannot find -lkettle\n    collect2: exit status 1")
        #expect(sentences[2].text == "Install the kettle library first.")
    }

    @Test func theDisplayEndsAtALineIndentedNoDeeper() {
        let text = "The kettle printed this:\n    E42 element hot\n  Then it stopped. Descale it."
        #expect(split(text).map(\.role) == [.statement, .code, .statement, .statement])
    }

    @Test(arguments: [
        "Default value:\n    Two litres of water.",                  // a short term and its definition
        ":param size:\n    How much water the kettle holds.",        // a reStructuredText field
        "The kettle has three parts:\n  The lid keeps steam in.",    // nested two columns, not four
        "10. The kettle is sold in two sizes:\n    small and large ones.",  // a list item's wrapped line
        "The kettle has three parts:\n    - a lid\n    - a spout",    // a list after a colon
        "The kettle has three parts:\n\n    The lid keeps steam in.", // a paragraph of its own
    ])
    func nestedProseIsNoDisplay(_ text: String) {
        #expect(!split(text).contains { $0.role == .code }, "\(text)")
    }
}

@Suite struct DefinitionAndCommandTests {
    @Test func aDoubleColonTermTitlesItsDefinition() {
        let sentences = split("-q::\n--quiet::\n\tSay nothing on the terminal. Errors still show.")
        #expect(sentences.map(\.role) == [.heading, .heading, .statement, .statement])
        #expect(sentences[2].text == "Say nothing on the terminal.")
    }

    @Test func aShortColonTermAboveADeeperLineTitlesIt() {
        let sentences = split("Default:\n  Two litres of water.")
        #expect(sentences.map(\.role) == [.heading, .statement])
        #expect(split("Default: two litres\n  of water.").map(\.role) == [.statement])  // no term: words after the colon
        #expect(split("Default:\nTwo litres of water.").map(\.role) == [.statement])     // not deeper
    }

    @Test func aRuleLineAndABlockAttributeAreMarkup() {
        let sentences = split("[TIP]\nBoil the kettle first.\n+\nThen pour the water.")
        #expect(sentences.map(\.role) == [.code, .statement, .code, .statement])
        #expect(sentences[3].text == "Then pour the water.")
    }

    /// A verbatim style ("[source,sh]", "[listing]", "[literal]", "[verse]") makes the rest
    /// of its paragraph code; other styles ("[NOTE]", "[quote]") leave it prose.
    @Test(arguments: ["[source,sh]", "[listing]", "[literal]", "[verse]", "[Source]"])
    func aVerbatimStyleMakesItsParagraphCode(_ attribute: String) {
        let sentences = split("\(attribute)\n'kettle' [<options>] boil <litres>\n'kettle' stop\n\nIt stops when the water boils.")
        #expect(sentences.map(\.role) == [.code, .code, .statement])
        #expect(sentences[2].text == "It stops when the water boils.")
    }

    @Test(arguments: ["[NOTE]", "[quote]", "[sourcery]"])
    func otherStylesLeaveTheirParagraphProse(_ attribute: String) {
        #expect(split("\(attribute)\nBoil the kettle first.").map(\.role) == [.code, .statement])
    }

    @Test func mixedPunctuationOnItsOwnLineStillEndsASentence() {
        let sentences = split("It defaults to\n``...``.")
        #expect(sentences.count == 1)
        #expect(sentences[0].role == .statement)
    }

    @Test func aCommandAtAPromptAndItsOutputAreCode() {
        let text = "Run it like this:\n\n\t$ kettle --boil \\\n\t\t--litres 2\n\tBoiling 2 litres.\nIt stops when the water boils."
        let sentences = split(text)
        #expect(sentences.map(\.role) == [.statement, .code, .statement])
        #expect(sentences[2].text == "It stops when the water boils.")
        #expect(split(">>> kettle.boil()\n100").map(\.role) == [.code])
    }

    @Test func proseRightAfterAFenceWithACommandIsProse() {
        let sentences = split("```\n$ kettle --boil\n```\nIt stops when the water boils.")
        #expect(sentences.last?.role == .statement)
        #expect(sentences.last?.text == "It stops when the water boils.")
    }

    @Test(arguments: ["$5 buys a kettle.", "A 50% share of kettles.", "Prices start at $ 5."])
    func moneyAndPercentagesAreNoPrompts(_ text: String) {
        #expect(split(text).map(\.role) == [.statement], "\(text)")
    }
}

@Suite struct MarkupLineTests {
    func roles(_ text: String) -> [SentenceRole] { SentenceSplitter().split(text).sentences.map(\.role) }

    @Test func underlinedTitlesAreHeadings() {
        #expect(roles("Generators\n==========\n\nA generator yields values.") == [.heading, .code, .statement])
        #expect(roles("Setup\n-----\nRun the installer first.") == [.heading, .code, .statement])
    }

    @Test func directivesAreMarkup() {
        #expect(roles(".. function:: zip(*iterables)\n\n   Make an iterator that aggregates elements.")
                == [.code, .statement])
    }

    @Test func aShortLabelAboveMoreTextTitlesIt() {
        #expect(roles("GIL\n   See global interpreter lock.") == [.heading, .statement])
        #expect(roles("Ingredients\nFlour and water are mixed.") == [.heading, .statement])
    }

    @Test func proseLinesAreNotTakenForLabels() {
        // Soft-wrapped prose continues in lower case; a last line has nothing to title.
        #expect(roles("This sentence is wrapped across\ntwo lines of the file.") == [.statement])
        #expect(roles("The table below lists them.\nFlour and water") == [.statement, .statement])
    }
}

@Suite struct LiteralBlockTests {
    func roles(_ text: String) -> [SentenceRole] { SentenceSplitter().split(text).sentences.map(\.role) }

    @Test func indentedParagraphsAfterDoubleColonAreCode() {
        let text = "Use it like this::\n\n    PyObject *tuple, *list;\n\n    return tuple;\n\nBack to prose here."
        // The lead-in only introduces the code: it titles it, it is not a statement.
        #expect(roles(text) == [.heading, .code, .code, .statement])
    }

    @Test func unindentedParagraphAfterDoubleColonIsProse() {
        #expect(roles("The statement::\n\nNot indented, so prose.") == [.heading, .statement])
    }

    @Test func indentedProseWithoutDoubleColonStaysProse() {
        #expect(roles("A term\n\n   Its definition is indented.") == [.heading, .statement])
    }
}

@Suite struct ReStructuredTextProseTests {
    func quoted(_ text: String) -> [String] {
        SentenceSplitter().split(text).sentences.map { CorpusIndex.slice(text, $0.range) }
    }

    func roles(_ text: String) -> [SentenceRole] { SentenceSplitter().split(text).sentences.map(\.role) }

    @Test(arguments: [
        "Sorts are guaranteed to be `stable\n<https://example.org/stability>`_\\. That means order is kept.",
        "To accommodate those cases, Python provides\n:class:`functools.cmp_to_key` to wrap the function.",
        "See the proposals\n(PEPs) for details.",
    ])
    func aShortLineGoesOnIntoAMarkupLine(_ text: String) {
        #expect(roles(text).first == .statement, "\(text)")
        #expect(quoted(text).first?.contains("\n") == true, "\(text)")
    }

    /// Scripts without letter case cannot start a line in lower case, so their text after a
    /// label opens a paragraph of its own, as a capitalised line does.
    @Test(arguments: ["概要\n这是一个说明。", "Überblick\nÄpfel sind rund.", "Summary\n概要を説明します。"])
    func aLineInAScriptWithoutCaseOpensTextAfterALabel(_ text: String) {
        #expect(roles(text) == [.heading, .statement], "\(text)")
    }

    @Test func aLineEndingOnAFunctionWordIsNoLabel() {
        let text = "The usual name for this pattern is\nDouble Dispatch, after how it picks a method."
        #expect(quoted(text) == [text])
        #expect(roles(text) == [.statement])
    }

    @Test func fieldListLinesAreLabelsEachOnItsOwn() {
        let text = ":Author: Jane Roe and John Doe\n:Release: 0.1\n\n:func:`len` returns the length."
        #expect(quoted(text) == [":Author: Jane Roe and John Doe", ":Release: 0.1", ":func:`len` returns the length."])
        #expect(roles(text) == [.heading, .heading, .statement])
    }

    @Test func anUnderlinedTitleOfTwoSentencesIsOneHeading() {
        let text = "I'm new here. Is there a guide?\n-------------------------------\n\nThere are many guides."
        #expect(quoted(text).first == "I'm new here. Is there a guide?")
        #expect(roles(text) == [.heading, .code, .statement])
    }
}

/// `isTitleCase` judges words on their bytes as it goes; it must agree with collecting
/// every word first and judging them afterwards, as it once did.
@Suite struct TitleCaseTests {
    static func reference(_ text: String) -> Bool {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            if isLetter || byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "'") {
                current.append(byte)
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll()
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        guard !words.isEmpty, words.count <= 6 else { return false }
        var capitalised = 0
        for word in words where !SentenceSplitter.titleFunctionWords.contains(word) {
            guard let first = word.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return false }
            capitalised += 1
        }
        return capitalised >= 2
    }

    static func judge(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { SentenceSplitter.isTitleCase(0..<$0.count, in: $0) }
    }

    @Test(arguments: [
        ("Disclaimer of Warranty.", true), ("15. Disclaimer of Warranty.", false), ("Yes.", false),
        ("The Art of War", true), ("A Tale of Two Cities Told Again", false), ("Terms and conditions", false),
        ("Über Alles Gut", false), ("Don't Panic Now", true), ("of the", false), ("", false),
    ])
    func judgesTitles(_ text: String, _ expected: Bool) {
        #expect(Self.judge(text) == expected)
        #expect(Self.reference(text) == expected)
    }

    @Test(arguments: [11, 12, 13])
    func agreesWithJudgingAllWordsFirst(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let words = ["Alpha", "beta", "of", "the", "Vs", "vs", "3D", "É", "é", "Don't", "and", "X", "in", "Zed"]
        for round in 0..<500 {
            let count = Int(generator.next() % 9)
            let separators = [" ", " ", ". ", "-", ", ", "\n"]
            var text = ""
            for _ in 0..<count {
                text += words[Int(generator.next() % UInt64(words.count))]
                text += separators[Int(generator.next() % UInt64(separators.count))]
            }
            if round % 5 == 0 { text = RandomText.make(&generator, pieces: Int(generator.next() % 12)) }
            #expect(Self.judge(text) == Self.reference(text), "seed \(seed), round \(round): \(text.debugDescription)")
        }
    }

    /// Each sentence's text with its lead-in's text (nil when it has none).
    static func leadIns(_ text: String) -> [(String, String?)] {
        let sentences = SentenceSplitter().split(text).sentences
        return sentences.enumerated().map { position, sentence in
            let leadIn = sentence.leadInDistance > 0 ? sentences[position - sentence.leadInDistance] : nil
            return (CorpusIndex.slice(text, sentence.range), leadIn.map { CorpusIndex.slice(text, $0.range) })
        }
    }

    @Test func listItemsAfterAColonSentenceStandUnderIt() {
        let text = """
            Versions have a suffix:

            - The suffix for an alpha is aN. It is rare.
            - The suffix for a beta is bN.

            Prose follows the list.
            - A later item has no lead-in.
            """
        let found = Self.leadIns(text)
        let lead = "Versions have a suffix:"
        #expect(found.map(\.0) == [lead, "The suffix for an alpha is aN.", "It is rare.", "The suffix for a beta is bN.",
                                   "Prose follows the list.", "A later item has no lead-in."])
        #expect(found.map(\.1) == [nil, lead, lead, lead, nil, nil])
    }

    @Test func aListWithoutAColonHasNoLeadIn() {
        let found = Self.leadIns("Versions have a suffix.\n- The suffix for a beta is bN.\n- The suffix for an alpha is aN.")
        #expect(found.allSatisfy { $0.1 == nil })
    }

    @Test func deeperIndentedParagraphsStandUnderTheColonParagraphBeforeThem() {
        let text = """
            Here is what the founder wrote:

               We needed a better tool. So we wrote one.

               It took a year.

            Back at the margin.

               Indented, but after no colon.
            """
        let found = Self.leadIns(text)
        let lead = "Here is what the founder wrote:"
        #expect(found.map(\.1) == [nil, lead, lead, lead, nil, nil])
    }

    /// A lead-in counts for its list's first ``SentenceSplitter/leadInItems`` items; the items
    /// after them, far from it, stand alone.
    @Test func aLongListsLaterItemsHaveNoLeadIn() {
        let items = (1...40).map { "- Item number \($0) is here." }.joined(separator: "\n")
        let found = Self.leadIns("The items follow:\n" + items)
        #expect(found.count == 41)
        #expect(found.dropFirst().prefix(SentenceSplitter.leadInItems).allSatisfy { $0.1 == "The items follow:" })
        #expect(found.dropFirst(1 + SentenceSplitter.leadInItems).allSatisfy { $0.1 == nil })
    }
}
