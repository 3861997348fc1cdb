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
    /// The open file, for reads that bypass the mapping (-1 for an empty file).
    let descriptor: Int32
    let length: Int

    /// Maps `path`.
    ///
    /// - Throws: ``IndexFileError/unreadable(path:reason:)``.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IndexFileError.unreadable(path: path, reason: Self.errnoText()) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw IndexFileError.unreadable(path: path, reason: Self.errnoText())
        }
        let length = Int(status.st_size)
        guard length > 0 else {
            close(descriptor)
            self.descriptor = -1
            address = 0
            self.length = 0
            return
        }
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != UnsafeMutableRawPointer(bitPattern: -1) else {
            close(descriptor)
            throw IndexFileError.unreadable(path: path, reason: Self.errnoText())
        }
        self.descriptor = descriptor
        address = UInt(bitPattern: mapped)
        self.length = length
    }

    deinit {
        if let base = UnsafeMutableRawPointer(bitPattern: address) { munmap(base, length) }
        if descriptor >= 0 { close(descriptor) }
    }

    /// The bytes at `range` (inside the file), read with `pread` rather than through the
    /// mapping, so that reading a few bytes maps no pages into the process.
    ///
    /// Text is read a sentence at a time from all over the file; through the mapping each
    /// read would keep at least a page resident (a whole large folio, up to 2 MiB, on
    /// kernels that map those at once), until answering held most of the file.
    /// Falls back to the mapping if the read fails.
    func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        precondition(range.lowerBound >= 0 && range.upperBound <= length, "read outside the file")
        return withUnsafeTemporaryAllocation(byteCount: range.count, alignment: 1) { buffer in
            var done = 0
            while done < range.count, let base = buffer.baseAddress {
                let got = pread(descriptor, base + done, range.count - done, off_t(range.lowerBound + done))
                if got > 0 {
                    done += got
                } else if got < 0, errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            guard done == range.count else { return body(UnsafeRawBufferPointer(rebasing: bytes[range])) }
            return body(UnsafeRawBufferPointer(buffer))
        }
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
