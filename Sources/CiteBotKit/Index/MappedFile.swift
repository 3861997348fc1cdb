import Foundation

/// A file mapped read-only into memory, unmapped when the last reference goes.
///
/// Pages are read from disk on first touch and can be dropped again with
/// ``release(_:)`` once checked, so loading a large index does not keep pages it
/// only verified. Columns of a loaded index read from the mapping in place and keep
/// it alive. The address is held as an integer: the mapping is never written, so the
/// object is `Sendable` as it stands.
final class MappedFile: Sendable {
    /// Bit pattern of the mapping's first byte (0 for an empty file).
    let address: UInt
    let length: Int

    /// Maps `path`.
    ///
    /// - Throws: ``IndexFileError/unreadable(path:reason:)``.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IndexFileError.unreadable(path: path, reason: Self.errnoText()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw IndexFileError.unreadable(path: path, reason: Self.errnoText()) }
        let length = Int(status.st_size)
        guard length > 0 else {
            address = 0
            self.length = 0
            return
        }
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw IndexFileError.unreadable(path: path, reason: Self.errnoText())
        }
        address = UInt(bitPattern: mapped)
        self.length = length
    }

    deinit {
        if let base = UnsafeMutableRawPointer(bitPattern: address) { munmap(base, length) }
    }

    /// The mapped bytes; valid while this object is alive.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: address), count: length)
    }

    /// Tells the kernel the pages of `range` are not needed now (they are re-read from
    /// the page cache if touched again).
    func release(_ range: Range<Int>) {
        guard let base = UnsafeMutableRawPointer(bitPattern: address) else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        if end > start { madvise(base + start, end - start, MADV_DONTNEED) }
    }

    static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }
}

/// Drops a mapped file's pages behind a forward pass over it, a window at a time.
///
/// A check that reads a large section from start to end would otherwise leave all of it
/// resident until the end (and on kernels that map whole large folios per fault, far
/// more than it read); releasing what lies behind the pass keeps about one window.
struct PageRelease {
    /// Bytes passed between releases: large enough that the calls cost nothing beside the
    /// reading, small beside the sections.
    static let window = 1 << 22

    let file: MappedFile
    /// File offset up to which pages were released (rounded down to a page boundary).
    private var released: Int
    private let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Starts a pass at file offset `offset`.
    init(_ file: MappedFile, from offset: Int) {
        self.file = file
        released = offset
    }

    /// Says the pass has read everything before file offset `offset`.
    ///
    /// - Complexity: O(1) except once per ``window`` bytes.
    @inline(__always)
    mutating func passed(_ offset: Int) {
        guard offset - released >= Self.window else { return }
        file.release(released..<offset)
        // The page holding `offset` may still be read: release it with the next window.
        released = offset / page * page
    }
}
