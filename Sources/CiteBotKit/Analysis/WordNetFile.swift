import Foundation

/// One WordNet database file, memory-mapped and read a line at a time.
///
/// WordNet's index and exception files are sorted by their first field in byte order,
/// and its data files are addressed by byte offset, so a lookup needs neither a parse
/// of the whole file nor a copy of it: opening costs one `mmap`, and the pages a lookup
/// touches are the only ones read from disk. Every read is checked against the file's
/// length, so a truncated or malformed file yields fewer results, never a crash.
struct WordNetFile: Sendable {
    private let bytes: Data

    /// Maps the file at `path`; nil if it cannot be read.
    init?(path: String) {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            return nil
        }
        bytes = data
    }

    /// Wraps bytes already in memory (an absent optional file is an empty one).
    init(bytes: Data = Data()) {
        self.bytes = bytes
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")

    /// The lines whose first space-separated field is `key`, in file order, without
    /// their newline.
    ///
    /// Binary search over byte positions: each probe backs up to the start of the line
    /// it lands in and compares that line's first field. The WordNet licence header's
    /// lines begin with a space, so their first field is empty and sorts before every
    /// key, which keeps them from disturbing the search. Exception files may list one
    /// inflected form on several consecutive lines, so the search finds the first such
    /// line and the rest are read after it.
    ///
    /// - Complexity: O(log n) probes in the file's length n, each O(line length).
    func lines(withKey key: [UInt8]) -> [[UInt8]] {
        guard !key.isEmpty else { return [] }
        return bytes.withUnsafeBytes { raw -> [[UInt8]] in
            let count = raw.count
            // `low` is always the start of a line; the first matching line lies in [low, high).
            var low = 0
            var high = count
            var first: Int?
            while low < high {
                let start = Self.lineStart(raw, containing: low + (high - low) / 2, notBefore: low)
                let end = Self.lineEnd(raw, from: start)
                let order = Self.compareFirstField(raw, start, end, key)
                if order < 0 {
                    low = end < count ? end + 1 : count
                } else {
                    if order == 0 { first = start }
                    high = start
                }
            }
            guard var cursor = first else { return [] }
            var found: [[UInt8]] = []
            while cursor < count {
                let end = Self.lineEnd(raw, from: cursor)
                guard Self.compareFirstField(raw, cursor, end, key) == 0 else { break }
                found.append(Array(raw[cursor..<end]))
                cursor = end + 1
            }
            return found
        }
    }

    /// Every line of the file, without its newline, in file order.
    ///
    /// - Complexity: O(n) in the file's length; for the small exception lists.
    func allLines() -> [ArraySlice<UInt8>] {
        bytes.withUnsafeBytes { raw in
            Array(raw).split(separator: Self.newline, omittingEmptySubsequences: true)
        }
    }

    /// The line that starts at byte `offset`, without its newline; nil if `offset` is
    /// outside the file or not the start of a line.
    ///
    /// - Complexity: O(line length).
    func line(at offset: Int) -> [UInt8]? {
        bytes.withUnsafeBytes { raw -> [UInt8]? in
            guard offset >= 0, offset < raw.count else { return nil }
            guard offset == 0 || raw[offset - 1] == Self.newline else { return nil }
            return Array(raw[offset..<Self.lineEnd(raw, from: offset)])
        }
    }

    /// The start of the line holding `position`, scanning back no further than `floor`.
    private static func lineStart(_ raw: UnsafeRawBufferPointer, containing position: Int, notBefore floor: Int) -> Int {
        var start = min(position, raw.count)
        while start > floor, raw[start - 1] != newline { start -= 1 }
        return start
    }

    /// The index of the newline ending the line that begins at `start`, or the file's
    /// length when the last line has none.
    ///
    /// - Complexity: O(line length), through `memchr` (vectorised), since every probe of a
    ///   lookup reads a whole line.
    private static func lineEnd(_ raw: UnsafeRawBufferPointer, from start: Int) -> Int {
        let start = max(start, 0)
        guard start < raw.count, let base = raw.baseAddress else { return raw.count }
        guard let found = memchr(base + start, Int32(newline), raw.count - start) else { return raw.count }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// Byte-order comparison of the line's first field, `raw[start..<end]` up to its
    /// first space, with `key`: negative, zero or positive.
    private static func compareFirstField(_ raw: UnsafeRawBufferPointer, _ start: Int, _ end: Int, _ key: [UInt8]) -> Int {
        var position = start
        var index = 0
        while true {
            let lineDone = position >= end || position >= raw.count || raw[position] == space
            let keyDone = index >= key.count
            if lineDone || keyDone {
                return (lineDone ? 0 : 1) - (keyDone ? 0 : 1)
            }
            let lineByte = raw[position]
            let keyByte = key[index]
            if lineByte != keyByte { return lineByte < keyByte ? -1 : 1 }
            position += 1
            index += 1
        }
    }
}
