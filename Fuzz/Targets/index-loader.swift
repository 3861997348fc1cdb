// libFuzzer target: the saved-index reader on arbitrary files, then questions answered
// from whatever it accepted.
//
// Random bytes rarely survive the checksums, so unless byte 32 (reserved) is 0xFF the
// input is first "repaired": its length field, every in-bounds section checksum and the
// header checksum are recomputed, letting mutations reach the structural checks behind
// them. A crafted file must end in an IndexFileError or in an index that answers
// without crashing, its citations slices of its own documents.
@testable import CiteBotKit
import Foundation

private let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("citebot-fuzz-index-\(ProcessInfo.processInfo.processIdentifier).cbx").path

/// Removes the scratch file when the fuzzer exits: libFuzzer ends a run with exit(), which
/// runs atexit handlers, so a finished run leaves nothing in the temporary directory.
private let scratchFileRemoval: Void = {
    atexit { unlink(path) }
}()

private let analyzer: Analyzer = {
    guard let analyzer = Analyzer() else { fatalError("libstemmer has no English stemmer") }
    return analyzer
}()

private let questions = ["How long does Botox last?", "what do fillers contain", "botox vs fillers", "x"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIndexLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = scratchFileRemoval
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.count >= IndexFileFormat.headerSize, bytes[32] != 0xFF { repair(&bytes) }
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        fatalError("cannot write \(path)")
    }
    let saved: SavedIndex
    let reader: IndexFileReader
    do {
        reader = try IndexFileReader(path: path)
        saved = try reader.load()
    } catch let error as IndexFileError {
        check(error.description.contains(path), "the error does not name the file: \(error)")
        return 0
    } catch {
        fatalError("not an IndexFileError: \(error)")
    }
    do {
        _ = try reader.analyses(of: saved)
    } catch is IndexFileError {
    } catch {
        fatalError("not an IndexFileError: \(error)")
    }
    let index = saved.index
    for sentence in index.sentences.indices { _ = index.text(ofSentence: sentence) }
    for paragraph in index.paragraphs.indices { _ = index.text(ofParagraph: paragraph) }
    let answerer = Answerer(index: index, analyzer: analyzer, options: AnswerOptions(topK: 2, minScore: 0))
    for question in questions {
        let answer = answerer.answer(question)
        check(answer.confidence.isNaN || (0...1).contains(answer.confidence), "confidence \(answer.confidence)")
    }
    return 0
}

/// Recomputes the length field, the checksums of sections that lie inside the file,
/// and the header checksum.
private func repair(_ bytes: inout [UInt8]) {
    func store(_ value: UInt64, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + 8), with: $0) }
    }
    func load(_ offset: Int) -> UInt64 {
        bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    }
    store(UInt64(bytes.count), at: 16)
    let count = Int(bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self)) })
    let header = IndexFileFormat.headerSize, entrySize = IndexFileFormat.tableEntrySize
    guard count <= (bytes.count - header) / entrySize else { return }
    for entry in 0..<count {
        let at = header + entry * entrySize
        let offset = load(at + 8), length = load(at + 16)
        guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { continue }
        let checksum = bytes.withUnsafeBytes {
            Checksum64.of(UnsafeRawBufferPointer(rebasing: $0[Int(offset)..<Int(offset + length)]))
        }
        store(checksum, at: at + 24)
    }
    store(0, at: 24)
    let tableEnd = header + count * entrySize
    let checksum = bytes.withUnsafeBytes { Checksum64.of(UnsafeRawBufferPointer(rebasing: $0[0..<tableEnd])) }
    store(checksum, at: 24)
}

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}
