/// Finds the parts of a text that point somewhere rather than say something: web addresses
/// ("https://…", "www.…"), e-mail addresses ("name@host.org") and the targets of Markdown
/// links ("[text](target)", whose text is kept).
///
/// Their words are not the text's words. "romaaan.git@gmail.com" says nothing about git,
/// and "[Current releases](#current-releases)" says "current releases" once, not twice.
/// The index leaves these words out, and so do the answer cues that read numbers (a digit
/// in an address counts nothing).
public enum Addresses {
    /// The byte ranges of `bytes` that are addresses or link targets, in order.
    ///
    /// - Complexity: O(n) in the bytes: one pass looks for the bytes an address or a link
    ///   target needs (":" of "://", "@", "]" of "](", "." of "www."), and only the run of
    ///   non-space bytes around each is read again. A text with none allocates nothing.
    public static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        triggers.withUnsafeBufferPointer { triggers in ranges(in: bytes, triggers: triggers) }
    }

    /// For each byte value, whether it may be the byte an address needs (see
    /// ``ranges(in:)``): a table read per byte rather than four comparisons.
    static let triggers: [Bool] = (0...255).map { [colon, at, closingBracket, dot].contains(UInt8($0)) }

    private static func ranges(in bytes: UnsafeBufferPointer<UInt8>, triggers: UnsafeBufferPointer<Bool>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            guard triggers[Int(byte)],
                  byte != dot || (i >= 3 && bytes[i - 1] | 0x20 == w && bytes[i - 2] | 0x20 == w && bytes[i - 3] | 0x20 == w) else {
                i += 1
                continue
            }
            var start = i
            while start > 0, !isSpace(bytes[start - 1]) { start -= 1 }
            var end = i + 1
            while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
            chunkRanges(bytes, start..<end, into: &found)
            // The rest of the run, other triggers included, has been read.
            i = end
        }
        return found
    }

    /// Answers, for offsets given in ascending order (a text's words, in order), whether each
    /// lies inside one of the ordered, disjoint ranges ``ranges(in:)`` found: one pass over
    /// both, rather than a search of every range for every word.
    public struct Cursor {
        let ranges: [Range<Int>]
        var next = 0

        public init(_ ranges: [Range<Int>]) {
            self.ranges = ranges
        }

        /// Whether `offset`, no smaller than any offset asked before, is inside a range.
        public mutating func covers(_ offset: Int) -> Bool {
            while next < ranges.count, ranges[next].upperBound <= offset { next += 1 }
            return next < ranges.count && ranges[next].contains(offset)
        }
    }

    /// ``ranges(in:)`` for a string.
    public static func ranges<S: StringProtocol>(in text: S) -> [Range<Int>] {
        if let found = text.utf8.withContiguousStorageIfAvailable({ ranges(in: $0) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { ranges(in: $0) }
    }

    static let colon = UInt8(ascii: ":"), at = UInt8(ascii: "@"), closingBracket = UInt8(ascii: "]")
    static let openingParenthesis = UInt8(ascii: "("), closingParenthesis = UInt8(ascii: ")")
    static let w = UInt8(ascii: "w"), dot = UInt8(ascii: ".")

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// The address ranges of one run of non-space bytes: the targets of the Markdown links
    /// in it, or else the whole run when it is a web or e-mail address.
    static func chunkRanges(_ bytes: UnsafeBufferPointer<UInt8>, _ chunk: Range<Int>, into found: inout [Range<Int>]) {
        var targets = false
        var i = chunk.lowerBound
        while i + 1 < chunk.upperBound {
            if bytes[i] == closingBracket, bytes[i + 1] == openingParenthesis {
                var end = i + 2
                while end < chunk.upperBound, bytes[end] != closingParenthesis { end += 1 }
                found.append((i + 2)..<end)
                targets = true
                i = end
            } else {
                i += 1
            }
        }
        if !targets, isAddress(bytes, chunk) { found.append(chunk) }
    }

    /// Whether a run of non-space bytes is a web address (it holds "://" or opens with
    /// "www.", after any brackets or quotes) or an e-mail address (word bytes, "@", then a
    /// host with a dot). "@property" and "@nodejs" are names, not addresses.
    static func isAddress(_ bytes: UnsafeBufferPointer<UInt8>, _ chunk: Range<Int>) -> Bool {
        for i in chunk.dropLast(2) where bytes[i] == colon && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/") {
            return true
        }
        if let at = chunk.first(where: { bytes[$0] == at }), at > chunk.lowerBound, isWordByte(bytes[at - 1]),
           at + 1 < chunk.upperBound, isWordByte(bytes[at + 1]),
           ((at + 1)..<chunk.upperBound).contains(where: { bytes[$0] == dot && $0 + 1 < chunk.upperBound && isWordByte(bytes[$0 + 1]) }) {
            return true
        }
        guard let first = chunk.first(where: { isWordByte(bytes[$0]) }), first + 4 < chunk.upperBound else { return false }
        return bytes[first] | 0x20 == w && bytes[first + 1] | 0x20 == w && bytes[first + 2] | 0x20 == w && bytes[first + 3] == dot
    }
}
