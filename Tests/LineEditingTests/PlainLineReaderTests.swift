import Foundation
import LineEditing
import Testing

@Suite("PlainLineReader")
struct PlainLineReaderTests {
    /// Named input → expected lines, for the byte-level rules.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let input: [UInt8]
        let expected: [String]
        var testDescription: String { name }

        init(_ name: String, _ input: [UInt8], _ expected: [String]) {
            self.name = name
            self.input = input
            self.expected = expected
        }

        init(_ name: String, _ input: String, _ expected: [String]) {
            self.init(name, Array(input.utf8), expected)
        }
    }

    static let cases: [Case] = [
        Case("several lines", "one\ntwo\nthree\n", ["one", "two", "three"]),
        Case("CRLF endings", "one\r\ntwo\r\n", ["one", "two"]),
        Case("only a trailing CR is stripped", "a\rb\r\r\n", ["a\rb\r"]),
        Case("final line without newline", "one\ntwo", ["one", "two"]),
        Case("final line without newline, with CR", "one\r", ["one"]),
        Case("empty lines are empty strings", "\n\na\n\n", ["", "", "a", ""]),
        Case("empty input", "", []),
        Case("invalid UTF-8 becomes U+FFFD", [0x61, 0xFF, 0x62, 0x0A, 0xC3, 0x0A], ["a\u{FFFD}b", "\u{FFFD}"]),
        Case("NUL bytes are kept", [0x61, 0x00, 0x62, 0x0A], ["a\u{0}b"]),
        Case("multibyte UTF-8", "café ☕︎\n", ["café ☕︎"]),
    ]

    /// Writes `input` from another thread (a pipe holds only 64 KiB) and reads until end of input.
    static func readAll(_ input: [UInt8]) throws -> [LineInput] {
        let pipe = try TestPipe()
        // The writer thread owns the write end, so the pipe must not close that number again
        // (by then it may belong to another test running in parallel).
        let writeEnd = pipe.takeWriteEnd()
        let writer = Thread {
            TestPipe.writeAll(input, to: writeEnd)
            _ = close(writeEnd)
        }
        writer.start()
        let reader = PlainLineReader(fileDescriptor: pipe.readEnd)
        var results: [LineInput] = []
        while true {
            let input = reader.readLine(prompt: "ignored> ")
            results.append(input)
            if input == .endOfInput { break }
        }
        // A second call after the end must not block or invent lines.
        results.append(reader.readLine(prompt: ""))
        withExtendedLifetime(pipe) {}
        return results
    }

    @Test(arguments: cases)
    func readsLinesByByteRules(_ testCase: Case) throws {
        let results = try Self.readAll(testCase.input)
        #expect(results == testCase.expected.map(LineInput.line) + [.endOfInput, .endOfInput])
    }

    @Test func readsOneMegabyteLine() throws {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        let results = try Self.readAll(long + Array("\nafter\n".utf8))
        #expect(results.count == 4)
        #expect(results.first == .line(String(repeating: "x", count: 1 << 20)))
        #expect(results.dropFirst().first == .line("after"))
    }

    @Test func returnsEachLineBeforeTheNextIsWritten() throws {
        let pipe = try TestPipe()
        let mailbox = LineMailbox()
        let readEnd = pipe.readEnd
        let reader = Thread {
            let lines = PlainLineReader(fileDescriptor: readEnd)
            while case .line(let line) = lines.readLine(prompt: "") {
                mailbox.post(line)
            }
            mailbox.post("<end>")
        }
        reader.start()

        pipe.write(Array("first\n".utf8))
        // Line 2 is not written yet: a reader waiting for more than one line would never post.
        #expect(mailbox.next() == "first")

        // A multibyte character split across two writes arrives whole.
        pipe.write([UInt8(ascii: "n"), 0xC3])
        pipe.write([0xA9, UInt8(ascii: "\n")])
        #expect(mailbox.next() == "né")

        pipe.write(Array("second\n".utf8))
        #expect(mailbox.next() == "second")

        pipe.closeWriteEnd()
        #expect(mailbox.next() == "<end>")
        // The read end must stay open (and its number unused) until the reader thread is done.
        withExtendedLifetime(pipe) {}
    }

    @Test func takesOnlyLinesThatHaveArrived() throws {
        let pipe = try TestPipe()
        pipe.write(Array("one\ntwo\nthr".utf8))
        let reader = PlainLineReader(fileDescriptor: pipe.readEnd)
        #expect(reader.readLine(prompt: "") == .line("one"))
        #expect(reader.readLineIfArrived() == .line("two"))
        // "thr" has no newline yet and input has not ended: taking it would mean waiting.
        #expect(reader.readLineIfArrived() == nil)
        pipe.write(Array("ee\n".utf8))
        pipe.closeWriteEnd()
        #expect(reader.readLine(prompt: "") == .line("three"))
        #expect(reader.readLine(prompt: "") == .endOfInput)
        #expect(reader.readLineIfArrived() == .endOfInput)
    }

    @Test func takesAnUnterminatedLastLineOnceInputHasEnded() throws {
        let pipe = try TestPipe()
        pipe.write(Array("one\nlast".utf8))
        pipe.closeWriteEnd()
        let reader = PlainLineReader(fileDescriptor: pipe.readEnd)
        #expect(reader.readLine(prompt: "") == .line("one"))
        // Not read yet: nothing has arrived as far as the reader knows.
        #expect(reader.readLineIfArrived() == nil)
        #expect(reader.readLine(prompt: "") == .line("last"))
        #expect(reader.readLineIfArrived() == .endOfInput)
    }
}
