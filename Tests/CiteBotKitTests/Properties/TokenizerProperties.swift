import Foundation
import Testing
import PropertyBased
@testable import CiteBotKit

/// Properties of ``Tokenizer`` on random text: each word's range slices to the word.
@Suite struct TokenizerProperties {
    /// The range of a word slices to text that folds to its surface, begins and ends with
    /// a letter, digit or mark, and is not part of a longer run of word characters.
    @Test func wordRangesSliceToTheirWords() async {
        let tokenizer = Tokenizer()
        await propertyCheck(count: 300, input: HostileText.text()) { text in
            let bytes = Array(text.utf8)
            var previousEnd = 0
            for word in tokenizer.words(in: text) {
                let range = word.range
                guard range.lowerBound >= previousEnd, range.upperBound <= bytes.count, !range.isEmpty else {
                    Issue.record("word \(word.surface.debugDescription) has range \(range) in \(bytes.count) bytes")
                    return
                }
                previousEnd = range.upperBound
                let slice = String(decoding: bytes[range], as: UTF8.self)
                #expect(Array(slice.utf8) == Array(bytes[range]), "range \(range) cuts a UTF-8 sequence")
                let folded = Self.fold(slice)
                if folded.utf8.count <= tokenizer.maximumWordBytes {
                    #expect(folded == word.surface,
                            "\(slice.debugDescription) at \(range) folds to \(folded.debugDescription), not \(word.surface.debugDescription)")
                } else {
                    // A long word is cut, on a scalar boundary, to at most the limit.
                    #expect(word.surface.utf8.count <= tokenizer.maximumWordBytes
                            && folded.unicodeScalars.starts(with: word.surface.unicodeScalars)
                            && !word.surface.unicodeScalars.contains("\u{FFFD}"),
                            "\(folded.debugDescription) was cut to \(word.surface.debugDescription)")
                }
                if let first = slice.unicodeScalars.first, let last = slice.unicodeScalars.last {
                    #expect(Self.isWordScalar(first) && Self.isWordScalar(last) || last.properties.generalCategory == .nonspacingMark,
                            "\(slice.debugDescription) starts or ends with punctuation")
                }
                if range.upperBound < bytes.count {
                    let next = String(decoding: bytes[range.upperBound...].prefix(4), as: UTF8.self).unicodeScalars.first
                    #expect(next.map { !Self.isWordScalar($0) } ?? true,
                            "\(slice.debugDescription) stops before the word character \(next.map(\.debugDescription) ?? "")")
                }
            }
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }

    /// Lower-cased scalar by scalar (as the tokenizer does: no final-sigma rule),
    /// typographic apostrophes folded, NFC.
    static func fold(_ text: String) -> String {
        var folded = ""
        for scalar in text.unicodeScalars {
            folded += scalar == "\u{2019}" ? "'" : String(scalar).lowercased()
        }
        return folded.precomposedStringWithCanonicalMapping
    }
}
