#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor with no terminal handling, for pipes and files.
///
/// It never prints the prompt (batch output must contain answers only) and it
/// streams: a line is returned as soon as its `\n` has arrived, so citebot can
/// run as a coprocess that gets one question, answers, and gets the next.
///
/// Lines lose their `\n` and one trailing `\r`; invalid UTF-8 becomes U+FFFD;
/// NUL bytes are kept as U+0000; a last line without `\n` is still returned.
/// A read error (other than `EINTR`, or `EAGAIN` on a non-blocking descriptor,
/// which are waited out) ends the input like end of file does.
///
/// The reader does not close its file descriptor: whoever opened it does.
public final class PlainLineReader: LineReader {
    /// The descriptor lines are read from.
    public let fileDescriptor: Int32

    /// Bytes read but not yet returned; `lineStart` is where the next line begins.
    private var buffer: [UInt8] = []
    private var lineStart = 0
    /// Everything before `scanStart` is known to hold no `\n`, so long lines are scanned once.
    private var scanStart = 0
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    private var reachedEnd = false

    /// Creates a reader of `fileDescriptor` (standard input by default).
    public init(fileDescriptor: Int32 = STDIN_FILENO) {
        self.fileDescriptor = fileDescriptor
    }

    /// Returns the next line, blocking only until that line's `\n` (or end of file) arrives.
    ///
    /// `prompt` is ignored: nothing is ever written.
    /// - Complexity: Amortised O(*n*) in the length of the line.
    public func readLine(prompt: String) -> LineInput {
        while true {
            if let newline = nextNewline() {
                let line = UTF8Line.decode(buffer[lineStart..<newline])
                lineStart = newline + 1
                scanStart = lineStart
                return .line(line)
            }
            if reachedEnd {
                guard lineStart < buffer.count else { return .endOfInput }
                let line = UTF8Line.decode(buffer[lineStart...])
                lineStart = buffer.count
                scanStart = lineStart
                return .line(line)
            }
            discardReturnedBytes()
            fill()
        }
    }

    /// The next line if it has arrived already, without reading or waiting: `.line` when
    /// its `\n` is in the buffer (or input has ended after it), `.endOfInput` when input has
    /// ended, nil when the next line would have to be waited for.
    ///
    /// Lets a caller take every question that is already there as one batch while still
    /// answering a coprocess, which sends one line and waits, without reading ahead.
    /// - Complexity: O(*n*) in the length of the line.
    public func readLineIfArrived() -> LineInput? {
        guard reachedEnd || nextNewline() != nil else { return nil }
        return readLine(prompt: "")
    }

    /// Index of the next `\n` at or after `scanStart`, remembering how far the search got.
    private func nextNewline() -> Int? {
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            guard scanStart < bytes.count, let base = bytes.baseAddress else { return nil }
            guard let hit = memchr(base + scanStart, Int32(UInt8(ascii: "\n")), bytes.count - scanStart) else {
                return nil
            }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if found == nil { scanStart = buffer.count }
        return found
    }

    /// Drops returned lines from the front before reading more, so the buffer holds one partial line at most.
    private func discardReturnedBytes() {
        guard lineStart > 0 else { return }
        buffer.removeSubrange(0..<lineStart)
        scanStart -= lineStart
        lineStart = 0
    }

    /// Appends whatever the descriptor has ready (at least one byte unless at end of input).
    private func fill() {
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return
            }
            if count == 0 {
                reachedEnd = true
                return
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                // An inherited non-blocking descriptor: wait for data instead of spinning.
                var request = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&request, 1, -1)
            default:
                reachedEnd = true
                return
            }
        }
    }
}
