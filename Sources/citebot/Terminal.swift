import Foundation

/// Writes to the standard streams unbuffered, so each record reaches a pipe at once.
///
/// A closed pipe raises SIGPIPE, whose default action ends the process quietly with
/// the conventional status (141 in a shell), as `head` expects of a Unix filter.
enum Terminal {
    static func write(_ text: String) {
        writeAll(text, to: STDOUT_FILENO)
    }

    static func writeError(_ text: String) {
        writeAll(text, to: STDERR_FILENO)
    }

    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }  // nothing to write
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Colour only on a terminal, and never when NO_COLOR is set (to anything non-empty).
    static func wantsColour(fileDescriptor: Int32) -> Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
        return isatty(fileDescriptor) != 0 && noColor.isEmpty
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
