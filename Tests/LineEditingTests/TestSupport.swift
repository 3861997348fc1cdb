import Foundation
import Synchronization
import Testing

/// A pipe whose ends the test closes explicitly (or at `deinit`).
final class TestPipe {
    let readEnd: Int32
    private(set) var writeEnd: Int32

    init() throws {
        var descriptors: [Int32] = [-1, -1]
        let result = descriptors.withUnsafeMutableBufferPointer { pipe($0.baseAddress) }
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        readEnd = descriptors[0]
        writeEnd = descriptors[1]
    }

    /// Writes every byte (blocking while the pipe is full, so large writes need a concurrent reader).
    func write(_ bytes: [UInt8]) {
        Self.writeAll(bytes, to: writeEnd)
    }

    /// Hands the write end to someone else (e.g. a writer thread), who must close it.
    func takeWriteEnd() -> Int32 {
        let descriptor = writeEnd
        writeEnd = -1
        return descriptor
    }

    func closeWriteEnd() {
        guard writeEnd >= 0 else { return }
        _ = close(writeEnd)
        writeEnd = -1
    }

    deinit {
        closeWriteEnd()
        _ = close(readEnd)
    }

    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if !(written < 0 && errno == EINTR) {
                return
            }
        }
    }
}

/// Results handed from a reader thread to the test, one per line read.
final class LineMailbox: Sendable {
    private let received = Mutex<[String]>([])
    private let arrivals = DispatchSemaphore(value: 0)

    func post(_ line: String) {
        received.withLock { $0.append(line) }
        arrivals.signal()
    }

    /// Waits for the next posted line; `nil` if none came within a generous safety margin.
    ///
    /// The margin only turns a hang into a failure; nothing here measures speed.
    func next() -> String? {
        guard arrivals.wait(timeout: .now() + .seconds(60)) == .success else { return nil }
        return received.withLock { $0.removeFirst() }
    }
}

/// A fresh directory under the system temporary directory, removed afterwards.
func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("LineEditingTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// Permission bits of the file or directory at `path`, or `nil` if `stat` fails.
func permissions(of path: String) -> mode_t? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return status.st_mode & 0o7777
}
