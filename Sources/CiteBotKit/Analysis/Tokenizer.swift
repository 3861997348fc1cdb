import Foundation

/// Splits text into words: runs of letters and digits, keeping apostrophes between
/// letters ("don't") and decimal points or thousands separators between digits ("3.5").
///
/// Everything else — punctuation, symbols, hyphens, control characters — separates words,
/// so "long-term" is two words. Works on any script that Unicode marks alphabetic.
///
/// The scan runs over UTF-8 bytes: ASCII (nearly all of English text) is classified by a
/// table and folded in place, and only words that contain other scalars go through
/// `String` lower-casing and NFC normalisation. Both paths yield the same words.
public struct Tokenizer: Sendable {
    /// Words longer than this many bytes are cut: they are never useful query terms and
    /// an unbroken megabyte of letters must not become a megabyte-long term.
    public var maximumWordBytes: Int

    public init(maximumWordBytes: Int = 64) {
        self.maximumWordBytes = maximumWordBytes
    }

    /// Returns the words of `text` in order.
    ///
    /// - Complexity: O(n) in the text's UTF-8 length.
    public func words<S: StringProtocol>(in text: S) -> [WordToken] {
        var result: [WordToken] = []
        // About one word per six bytes of prose; capped so a huge text grows as usual.
        result.reserveCapacity(min(text.utf8.count / 6 + 4, 1024))
        var scratch = WordScratch()
        let collect: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void = { bytes, range in
            result.append(WordToken(surface: String(decoding: bytes, as: UTF8.self), range: range))
        }
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            scan(bytes, scratch: &scratch, collect)
        }
        if done == nil {
            let copy = Array(text.utf8)
            copy.withUnsafeBufferPointer { scan($0, scratch: &scratch, collect) }
        }
        return result
    }

    /// Calls `body` with each word of `bytes` (valid UTF-8): its folded form, valid only
    /// during the call, and its byte range in `bytes`.
    ///
    /// - Complexity: O(n) in the byte count; no allocation for ASCII words once `scratch` has grown.
    func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, scratch: inout WordScratch,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
    ) {
        Self.asciiClass.withUnsafeBufferPointer { table in
            scan(bytes, table: table, scratch: &scratch, body)
        }
    }

    private func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>, scratch: inout WordScratch,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
    ) {
        var word = WordState()
        var offset = 0
        let count = bytes.count
        var previous = ScalarClass.none
        while offset < count {
            let byte = bytes[offset]
            if byte < 0x80 {
                let kind = table[Int(byte)]
                if kind & Self.wordBit != 0 {
                    if word.length == 0 { word.start = offset }
                    scratch.append(kind & Self.letterBit != 0 && byte < 0x61 ? byte + 32 : byte, at: &word)
                } else if word.length > 0, byte == 0x27 || byte == 0x2E || byte == 0x2C,
                          offset + 1 < count,
                          Self.joins(byte, previous: previous, next: Self.classify(bytes, at: offset + 1, table: table).kind) {
                    scratch.append(byte, at: &word)
                } else if word.length > 0 {
                    flush(&word, scratch: &scratch, end: offset, body)
                }
                previous = ScalarClass(ascii: kind)
                offset += 1
                continue
            }
            let (scalar, width) = Self.decode(bytes, at: offset)
            let kind = ScalarClass(scalar)
            defer {
                offset += width
                previous = kind
            }
            // A combining mark continues the word it follows ("e" + U+0301 is "é").
            if word.length > 0, kind.isCombiningMark {
                scratch.append(bytes, offset..<(offset + width), at: &word)
                word.ascii = false
                continue
            }
            if kind.isWord {
                if word.length == 0 { word.start = offset }
                word.ascii = false
                for folded in String(scalar).lowercased().utf8 { scratch.append(folded, at: &word) }
                continue
            }
            if word.length > 0, scalar == "\u{2019}", offset + width < count,
               previous.isAlphabetic, Self.classify(bytes, at: offset + width, table: table).kind.isAlphabetic {
                scratch.append(0x27, at: &word)
                continue
            }
            flush(&word, scratch: &scratch, end: offset, body)
        }
        flush(&word, scratch: &scratch, end: offset, body)
    }

    private func flush(
        _ word: inout WordState, scratch: inout WordScratch, end: Int,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
    ) {
        guard word.length > 0 else { return }
        defer {
            word.length = 0
            word.ascii = true
        }
        if word.ascii {
            var length = word.length
            // A trailing apostrophe ("dogs'") belongs to no word.
            while length > 0, scratch[length - 1] == 0x27 { length -= 1 }
            length = min(length, maximumWordBytes)
            guard length > 0 else { return }
            scratch.withPrefix(length) { body($0, word.start..<end) }
            return
        }
        // Rare: a word with non-ASCII letters takes the String path for case folding and NFC.
        var text = scratch.withPrefix(word.length) { String(decoding: $0, as: UTF8.self) }.precomposedStringWithCanonicalMapping
        while text.hasSuffix("'") { text.removeLast() }
        if text.utf8.count > maximumWordBytes {
            // Cut on a scalar boundary: never inside a multi-byte letter.
            var cut = maximumWordBytes
            let bytes = Array(text.utf8)
            while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            text = String(decoding: bytes[0..<cut], as: UTF8.self)
        }
        guard !text.isEmpty else { return }
        text.withUTF8 { body($0, word.start..<end) }
    }

    /// Whether the ASCII `byte` (an apostrophe, a full stop or a comma) joins the scalars around it.
    @inline(__always)
    private static func joins(_ byte: UInt8, previous: ScalarClass, next: ScalarClass) -> Bool {
        if byte == 0x27 { return previous.isAlphabetic && next.isAlphabetic }
        return previous.isDecimal && next.isDecimal
    }

    @inline(__always)
    private static func classify(
        _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, table: UnsafeBufferPointer<UInt8>
    ) -> (kind: ScalarClass, width: Int) {
        let byte = bytes[offset]
        if byte < 0x80 { return (ScalarClass(ascii: table[Int(byte)]), 1) }
        let (scalar, width) = decode(bytes, at: offset)
        return (ScalarClass(scalar), width)
    }

    /// Decodes the scalar starting at `offset` of valid UTF-8 (U+FFFD for a stray byte).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard width > 1, offset + width <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for i in 1..<width {
            let next = bytes[offset + i]
            guard next & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    static let wordBit: UInt8 = 1
    static let letterBit: UInt8 = 2
    static let digitBit: UInt8 = 4

    /// Per ASCII byte: word character, letter, decimal digit.
    static let asciiClass: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x30...0x39: return wordBit | digitBit
        case 0x41...0x5A, 0x61...0x7A: return wordBit | letterBit
        default: return 0
        }
    }
}
