/// Turns the raw bytes of one line into a `String`, shared by the plain reader
/// and the history file so both treat line endings and bad bytes alike.
enum UTF8Line {
    /// Decodes `bytes` (without the `\n`), dropping one trailing `\r`.
    ///
    /// Invalid UTF-8 becomes U+FFFD rather than being dropped, so a line is
    /// never silently lost; NUL bytes stay as U+0000.
    /// - Complexity: O(*n*) in the number of bytes.
    static func decode<Bytes: BidirectionalCollection>(_ bytes: Bytes) -> String
    where Bytes.Element == UInt8 {
        if let last = bytes.last, last == UInt8(ascii: "\r") {
            return String(decoding: bytes.dropLast(), as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
