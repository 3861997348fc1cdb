import Foundation
import Testing
@testable import CiteBotKit

/// How file bytes become text: binary files are told apart by their first 8 KiB.
@Suite struct CorpusDecodingTests {
    static func describe(_ bytes: [UInt8]) -> String {
        switch CorpusLoader.decode(Data(bytes)) {
        case .binary: return "binary"
        case .text(let text, let repaired): return (repaired ? "repaired:" : "text:") + text
        }
    }

    @Test func plainTextIsText() {
        #expect(Self.describe(Array("Cats sleep.\n".utf8)) == "text:Cats sleep.\n")
    }

    @Test func byteOrderMarkIsDropped() {
        #expect(Self.describe([0xEF, 0xBB, 0xBF] + Array("Hi".utf8)) == "text:Hi")
    }

    @Test func invalidUTF8IsRepaired() {
        #expect(Self.describe([0x41, 0xFF, 0x42]) == "repaired:A\u{FFFD}B")
    }

    @Test func mostlyControlBytesWithANullAreBinary() {
        #expect(Self.describe([0x00, 0x01, 0x02, 0x03, 0x41]) == "binary")
    }

    @Test func aFewNullsInTextAreNotBinary() {
        let bytes = Array(String(repeating: "word ", count: 40).utf8) + [0x00]
        #expect(Self.describe(bytes).hasPrefix("text:"))
    }

    @Test func onlyTheFirst8KiBAreSampled() {
        let text = Array(String(repeating: "a", count: 8192).utf8)
        #expect(Self.describe(text + [UInt8](repeating: 0, count: 4096)).hasPrefix("text:"))
        #expect(Self.describe([UInt8](repeating: 0, count: 4096) + text) == "binary")
    }
}
