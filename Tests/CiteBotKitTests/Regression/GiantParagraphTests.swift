import Testing
@testable import CiteBotKit

/// Found while fuzzing the splitter (its speed fell as inputs gained lines): every line
/// of a paragraph recounted the words of the whole block it continued, so a paragraph
/// of many lines split in quadratic time — 100,000 lines took over ten minutes.
/// Quadratic splitting would make this test run for hours; it is not timed.
@Suite struct GiantParagraphTests {
    @Test func paragraphOfManyLinesSplitsInOnePass() {
        let lines = 50_000
        let text = "Start here.\n" + String(repeating: "and then the results keep going on and on\n", count: lines)
        let segmentation = SentenceSplitter().split(text)
        #expect(segmentation.paragraphs.count == 1)
        #expect(segmentation.sentences.count == 2)
        #expect(segmentation.sentences.last?.range.upperBound == text.utf8.count - 1)
    }

    @Test func shortLabelsStillStartBlocks() {
        // The bounded count must not change what is a label: eight words do, nine do not.
        let eight = "One two three four five six seven eight\nNext line here."
        let nine = "One two three four five six seven eight nine\nNext line here."
        #expect(SentenceSplitter().split(eight).sentences.count == 2)
        #expect(SentenceSplitter().split(nine).sentences.count == 1)
    }
}
