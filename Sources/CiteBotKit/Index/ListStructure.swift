/// Where list items start, read back from the text around a sentence.
extension CorpusIndex {
    /// Where the list marker opening `sentence`'s line starts ("- ", "* ", "• ", "1. ",
    /// "2) ", after any indentation, as the splitter reads list items), when the sentence
    /// is the first on a list item's line; nil otherwise.
    public func listMarkerStart(of sentence: Int) -> Int? {
        let record = sentences[sentence]
        let start = record.range.lowerBound
        // A marker and its indentation are a few bytes; a longer run is not a list's.
        let window = max(0, start - 16)..<start
        // A stand-in for the sentence's first byte: the splitter wants an item's body.
        let bytes = Array(documents.text(of: record.document, window).utf8) + [UInt8(ascii: "x")]
        guard let lineStart = bytes.lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }) ?? (window.lowerBound == 0 ? 0 : nil)
        else { return nil }
        let indent = bytes[lineStart...].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        let body = bytes.withUnsafeBufferPointer { SentenceSplitter.listItemBody((lineStart + indent)..<$0.count, in: $0) }
        guard body?.lowerBound == bytes.count - 1 else { return nil }
        // Counted back from the sentence: the window may open inside a character, whose
        // decoding could change the byte count before the line, never after it.
        return start - (bytes.count - 1 - lineStart - indent)
    }
}
