import Testing
@testable import CiteBotKit

/// Inputs the tokenizer fuzz target (`Fuzz/Targets/tokenizer.swift`) stopped on.
@Suite struct TokenizerFuzzFindingsTests {
    /// 60 digits, "d'", U+134E9 (a 4-byte letter) and "c": one word of 67 bytes with a
    /// non-ASCII letter, cut to `maximumWordBytes` (64) in the middle of that letter.
    static let cutInsideAScalar: [UInt8] = Array(repeating: 0x32, count: 60) + [0x64, 0x27, 0xF0, 0x93, 0x93, 0xA9, 0x63]

    @Test func longWordsAreCutOnAScalarBoundary() {
        let text = String(decoding: Self.cutInsideAScalar, as: UTF8.self)
        let words = Tokenizer().words(in: text)
        #expect(words.count == 1)
        // The fuzzer found the cut splitting the 4-byte letter (a U+FFFD, 65 bytes).
        for word in words {
            #expect(word.surface.utf8.count <= Tokenizer().maximumWordBytes)
            #expect(!word.surface.unicodeScalars.contains("\u{FFFD}"))
        }
    }
}
