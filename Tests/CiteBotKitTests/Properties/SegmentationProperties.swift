import Testing
import PropertyBased
@testable import CiteBotKit

/// Properties of ``SentenceSplitter`` on random text: sentence ranges are ordered,
/// on scalar boundaries, and together lose no word character.
@Suite struct SegmentationProperties {
    @Test func sentenceRangesAreOrderedScalarAlignedSlices() async {
        await propertyCheck(count: 300, input: HostileText.text()) { text in
            let bytes = Array(text.utf8)
            let segmentation = SentenceSplitter().split(text)
            var previousEnd = 0
            for sentence in segmentation.sentences {
                #expect(sentence.range.lowerBound >= previousEnd && sentence.range.upperBound <= bytes.count,
                        "sentence \(sentence.range) out of order or outside \(bytes.count) bytes")
                #expect(!sentence.range.isEmpty)
                #expect(Self.isBoundary(sentence.range.lowerBound, bytes) && Self.isBoundary(sentence.range.upperBound, bytes),
                        "sentence \(sentence.range) cuts a UTF-8 sequence")
                previousEnd = max(previousEnd, sentence.range.upperBound)
            }
        }
    }

    /// Every letter and digit of the text lies inside some sentence; the only exception is
    /// the number of an ordered-list marker ("1. ", "12) "), which the splitter strips by design.
    @Test func splittingLosesNoWordCharacter() async {
        await propertyCheck(count: 300, input: HostileText.text()) { text in
            let segmentation = SentenceSplitter().split(text)
            var covered = [Bool](repeating: false, count: text.utf8.count)
            for sentence in segmentation.sentences {
                for offset in sentence.range { covered[offset] = true }
            }
            let markers = Self.listMarkerDigits(text)
            var offset = 0
            for scalar in text.unicodeScalars {
                let isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                if isWordCharacter && !covered[offset] && !markers.contains(offset) {
                    Issue.record("\(scalar.debugDescription) at byte \(offset) is in no sentence")
                }
                offset += scalar.utf8.count
            }
        }
    }

    static func isBoundary(_ offset: Int, _ bytes: [UInt8]) -> Bool {
        offset == bytes.count || bytes[offset] & 0xC0 != 0x80
    }

    /// Byte offsets of the digits of ordered-list markers: at a line's start after blanks,
    /// one to four digits, `.` or `)`, a blank, then more text on the line.
    static func listMarkerDigits(_ text: String) -> Set<Int> {
        let bytes = Array(text.utf8)
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var markers = Set<Int>()
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            var index = lineStart
            while index < lineEnd {
                if isBlank(bytes[index]) { index += 1 }
                else if bytes[index] == 0xC2, index + 1 < lineEnd, bytes[index + 1] == 0xA0 { index += 2 }
                else { break }
            }
            let digits = index
            while index < lineEnd, (0x30...0x39).contains(bytes[index]), index - digits < 4 { index += 1 }
            if index > digits, index + 1 < lineEnd, bytes[index] == 0x2E || bytes[index] == 0x29,
               isBlank(bytes[index + 1]), bytes[(index + 1)..<lineEnd].contains(where: { !isBlank($0) }) {
                markers.formUnion(digits..<index)
            }
            lineStart = lineEnd + 1
        }
        return markers
    }
}
