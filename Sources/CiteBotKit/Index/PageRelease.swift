import Foundation

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
