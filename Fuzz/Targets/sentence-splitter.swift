// libFuzzer target: SentenceSplitter on arbitrary bytes (decoded as citebot decodes files,
// invalid UTF-8 replaced by U+FFFD). Besides crashes it checks the invariants citations
// rely on, and stops with a message naming the broken one.
import CiteBotKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSentenceSplitter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let utf8 = Array(text.utf8)
    let segmentation = SentenceSplitter().split(text, document: 3)

    var previousEnd = 0
    for (index, sentence) in segmentation.sentences.enumerated() {
        let range = sentence.range
        check(!range.isEmpty, "sentence \(index) is empty")
        check(range.lowerBound >= previousEnd && range.upperBound <= utf8.count,
              "sentence \(index) \(range) overlaps the one before or leaves the text (\(utf8.count) bytes)")
        check(isScalarBoundary(range.lowerBound, utf8) && isScalarBoundary(range.upperBound, utf8),
              "sentence \(index) \(range) cuts a UTF-8 sequence")
        check(sentence.document == 3, "sentence \(index) names document \(sentence.document)")
        previousEnd = range.upperBound
    }
    var nextSentence = 0
    for (index, paragraph) in segmentation.paragraphs.enumerated() {
        check(paragraph.number == index + 1, "paragraph \(index) is numbered \(paragraph.number)")
        check(paragraph.sentences.lowerBound == nextSentence, "paragraph \(index) skips or repeats sentences")
        nextSentence = paragraph.sentences.upperBound
        for (offset, sentenceIndex) in paragraph.sentences.enumerated() {
            let sentence = segmentation.sentences[sentenceIndex]
            check(sentence.paragraph == paragraph.number && sentence.number == offset + 1,
                  "sentence \(sentenceIndex) is numbered ¶\(sentence.paragraph).\(sentence.number)")
            check(paragraph.range.contains(sentence.range.lowerBound)
                  && sentence.range.upperBound <= paragraph.range.upperBound,
                  "sentence \(sentenceIndex) lies outside its paragraph")
        }
    }
    check(nextSentence == segmentation.sentences.count, "sentences after the last paragraph")
    return 0
}

private func isScalarBoundary(_ offset: Int, _ bytes: [UInt8]) -> Bool {
    offset == bytes.count || bytes[offset] & 0xC0 != 0x80
}

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}
