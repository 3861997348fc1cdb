import Testing
@testable import CiteBotKit

/// The text of a saved index is checked to be UTF-8 in pieces on several cores; the pieces
/// must give the same verdict as checking each document whole.
@Suite struct UTF8PiecesTests {
    func pieces(_ bytes: [UInt8], documents: [Range<Int>], pieceBytes: Int) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { IndexFileReader.utf8Pieces(of: $0, documents: documents, pieceBytes: pieceBytes) }
    }

    func isUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
    }

    @Test func piecesCoverEachDocumentInOrderAndNeverCutACharacter() {
        let text = Array("Kettles boil water — in Köln, in Zürich and in 東京 — every morning.".utf8)
        let boundary = Array("Kettles boil water — in Köln".utf8).count
        let documents = [0..<boundary, boundary..<text.count]
        for size in 1...12 {
            let cut = pieces(text, documents: documents, pieceBytes: size)
            #expect(cut.first?.lowerBound == 0 && cut.last?.upperBound == text.count)
            #expect(zip(cut, cut.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(cut.allSatisfy { piece in documents.contains { $0.contains(piece.lowerBound) && piece.upperBound <= $0.upperBound } })
            #expect(cut.allSatisfy { isUTF8(text[$0]) })
        }
    }

    @Test func piecesAgreeWithWholeDocumentsOnAnyBytes() {
        var generator = SeededGenerator(seed: 7)
        let alphabet: [UInt8] = [0x41, 0x20, 0xC3, 0xA9, 0xE2, 0x80, 0x94, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0xC0]
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 24)
            let bytes = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let split = count == 0 ? 0 : Int(generator.next() % UInt64(count + 1))
            let documents = [0..<split, split..<count]
            let whole = documents.allSatisfy { isUTF8(bytes[$0]) }
            let size = 1 + Int(generator.next() % 6)
            let cut = pieces(bytes, documents: documents, pieceBytes: size)
            #expect(cut.allSatisfy { isUTF8(bytes[$0]) } == whole, "\(bytes) split at \(split) in pieces of \(size)")
        }
    }
}
