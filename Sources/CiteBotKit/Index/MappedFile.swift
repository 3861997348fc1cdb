import Foundation

/// A file mapped read-only into memory, unmapped when released.
///
/// Pages are read from disk on first touch and can be dropped again with
/// ``release(_:)`` once copied, so loading a large index does not hold the file
/// and its copy in memory at the same time.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer
    private let base: UnsafeMutableRawPointer?

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
            base = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw IndexFileError.unreadable(path: path, reason: Self.errnoText())
        }
        base = mapped
        bytes = UnsafeRawBufferPointer(start: mapped, count: length)
    }

    deinit {
        if let base { munmap(base, bytes.count) }
    }

    /// Tells the kernel the pages of `range` are no longer needed (they are re-read if touched again).
    func release(_ range: Range<Int>) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        if end > start { madvise(base + start, end - start, MADV_DONTNEED) }
    }

    static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }
}
