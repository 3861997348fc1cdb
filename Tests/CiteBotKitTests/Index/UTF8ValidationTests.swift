import Testing
@testable import CiteBotKit

/// The index reader's UTF-8 check must agree with the standard library's on every input.
@Suite struct UTF8ValidationTests {
    func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
    }

    func standard(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
    }

    @Test(arguments: [
        ([UInt8](), true),
        (Array("Kettles boil water — in Köln, Zürich and 東京 😀.".utf8), true),
        ([0xC0, 0x80], false),                // overlong encoding of U+0000
        ([0xE0, 0x9F, 0x80], false),          // overlong three-byte form
        ([0xED, 0xA0, 0x80], false),          // a UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], false),    // above U+10FFFF
        ([0xF0, 0x9F, 0x98], false),          // cut short
        ([0x80], false),                      // a continuation byte alone
        ([0xFF], false),
        (Array("ASCII only, longer than eight bytes".utf8) + [0xE2, 0x80], false),  // cut short after the fast path
    ])
    func knownCases(_ bytes: [UInt8], _ valid: Bool) {
        #expect(isValid(bytes) == valid)
        #expect(standard(bytes) == valid)
    }

    /// Random bytes drawn mostly from boundary values of the table of well-formed sequences.
    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var generator = SeededGenerator(seed: 11)
        let alphabet: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<50_000 {
            let count = Int(generator.next() % 20)
            let bytes = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            #expect(isValid(bytes) == standard(bytes), "\(bytes)")
        }
    }

    /// Valid text, cut at every length: the fast ASCII path must hand over at the right byte.
    @Test func everyPrefixOfValidTextGetsTheStandardVerdict() {
        let text = Array("Fine kettles — Köln's best 東京 😀 and plain ASCII words again é".utf8)
        for length in 0...text.count {
            let prefix = Array(text[0..<length])
            #expect(isValid(prefix) == standard(prefix))
        }
    }
}
