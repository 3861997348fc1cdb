import Foundation
@testable import CiteBotKit

/// The scalar-by-scalar tokenizer citebot used before the byte-level one, kept verbatim
/// as the reference that ``Tokenizer`` must agree with on every input.
struct ReferenceTokenizer {
    /// Words longer than this many bytes are cut: they are never useful query terms and
    /// an unbroken megabyte of letters must not become a megabyte-long term.
    var maximumWordBytes: Int

    init(maximumWordBytes: Int = 64) {
        self.maximumWordBytes = maximumWordBytes
    }

    /// Returns the words of `text` in order.
    ///
    /// - Complexity: O(n) in the text's UTF-8 length.
    func words<S: StringProtocol>(in text: S) -> [WordToken] {
        var result: [WordToken] = []
        var current = String.UnicodeScalarView()
        var ascii = true
        var start = 0
        var offset = 0
        var previous: Unicode.Scalar? = nil

        func flush(at end: Int) {
            guard !current.isEmpty else { return }
            var word = String(current)
            if !ascii { word = word.precomposedStringWithCanonicalMapping }
            // A trailing apostrophe ("dogs'") belongs to no word.
            while word.hasSuffix("'") { word.removeLast() }
            if word.utf8.count > maximumWordBytes {
                // Cut on a scalar boundary, as the tokenizer does.
                var scalars = String.UnicodeScalarView()
                var bytes = 0
                for scalar in word.unicodeScalars {
                    bytes += UTF8.width(scalar)
                    if bytes > maximumWordBytes { break }
                    scalars.append(scalar)
                }
                word = String(scalars)
            }
            if !word.isEmpty { result.append(WordToken(surface: word, range: start..<end)) }
            current.removeAll(keepingCapacity: true)
            ascii = true
        }

        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            let width = UTF8.width(scalar)
            defer {
                offset += width
                previous = scalar
            }
            // A combining mark continues the word it follows ("e" + U+0301 is "é").
            if !current.isEmpty, Self.isCombiningMark(scalar) {
                current.append(scalar)
                ascii = false
                continue
            }
            if let folded = Self.wordScalar(scalar) {
                if current.isEmpty { start = offset }
                if folded.value >= 0x80 { ascii = false }
                if folded.value < 0x80 {
                    current.append(folded)
                } else {
                    current.append(contentsOf: String(folded).lowercased().unicodeScalars)
                }
                continue
            }
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            if !current.isEmpty, let previous, let next, Self.joins(scalar, previous, next) {
                current.append(Self.isApostrophe(scalar) ? "'" : scalar)
                continue
            }
            flush(at: offset)
        }
        flush(at: offset)
        return result
    }

    /// The lower-cased ASCII form of a word character, the scalar itself for other
    /// letters and digits, or nil for a separator.
    private static func wordScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return scalar
        case 0x41...0x5A: return Unicode.Scalar(scalar.value + 32)
        case 0..<0x80: return nil
        default:
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType == .decimal { return scalar }
            return nil
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }

    /// True when `scalar`, between `previous` and `next`, is part of one word:
    /// an apostrophe between letters or a decimal point/comma between digits.
    private static func joins(_ scalar: Unicode.Scalar, _ previous: Unicode.Scalar, _ next: Unicode.Scalar) -> Bool {
        if isApostrophe(scalar) {
            return previous.properties.isAlphabetic && next.properties.isAlphabetic
        }
        if scalar == "." || scalar == "," {
            return previous.properties.numericType == .decimal && next.properties.numericType == .decimal
        }
        return false
    }
}
