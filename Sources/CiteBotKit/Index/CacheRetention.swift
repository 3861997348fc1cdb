import Foundation

/// How much the index cache keeps: at most `maxFiles` index files, together at most
/// `maxBytes`, the most recently used first.
///
/// Each corpus, and each build of citebot, gets a cache file of its own, so without a
/// limit the cache only grows. After ``IndexStore`` writes a cache file it calls
/// ``prune(directory:keeping:)``, which deletes the least recently used files beyond
/// either limit. A file counts as used when it is written or loaded from the cache:
/// both leave its modification time at that moment.
///
/// Pruning is safe beside other citebot processes using the same directory:
/// - only finished index files are candidates: names of 16 lowercase hexadecimal digits
///   and `.cbx`, which a writer gives its file only by renaming it into place when it is
///   complete; temporary files (`.NAME.tmp-…`) are left to the writers' own clean-up;
/// - entries are examined without following symbolic links, by name inside the opened
///   directory, and only regular files are deleted, so nothing outside the directory is
///   ever touched and a link is never deleted either;
/// - a file is deleted only if it is still the one examined (same inode and time);
/// - a process that has a deleted index mapped keeps reading it (an unlinked file lives
///   on while it is open or mapped); at worst a process about to open a file that was
///   just deleted finds it gone and rebuilds that index;
/// - `keeping`, the file just written, is never deleted, even alone over `maxBytes`.
public struct CacheRetention: Sendable, Equatable {
    /// The most index files kept.
    public var maxFiles: Int
    /// The most bytes of index files kept.
    public var maxBytes: Int64

    public init(maxFiles: Int, maxBytes: Int64) {
        self.maxFiles = maxFiles
        self.maxBytes = maxBytes
    }

    /// Ten files and 2 GiB: a handful of corpora and builds in use at once stay cached.
    public static let standard = CacheRetention(maxFiles: 10, maxBytes: 2 << 30)

    /// Deletes the least recently used index files of `directory` beyond the limits,
    /// never the file named `keeping`. Ties in time go to the name, so the result is
    /// the same whatever order the directory lists its entries in.
    ///
    /// - Returns: the names of the files deleted, in the order they were deleted.
    @discardableResult
    public func prune(directory: String, keeping: String) -> [String] {
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryDescriptor >= 0 else { return [] }
        defer { close(directoryDescriptor) }
        var files = Self.indexFiles(in: directoryDescriptor)
        files.sort { a, b in
            if a.name == keeping || b.name == keeping { return a.name == keeping && b.name != keeping }
            return a.modified != b.modified ? a.modified > b.modified : a.name < b.name
        }
        var kept = 0
        var bytes: Int64 = 0
        var deleted: [String] = []
        // Once a file is over a limit, so is every older one: what is kept stays the most
        // recently used files, never an older small file in place of a newer large one.
        var full = false
        for file in files {
            if file.name == keeping || (!full && kept < maxFiles && bytes + file.size <= maxBytes) {
                kept += 1
                bytes += file.size
                continue
            }
            full = true
            if Self.examine(file.name, in: directoryDescriptor) == file, unlinkat(directoryDescriptor, file.name, 0) == 0 {
                deleted.append(file.name)
            }
        }
        return deleted
    }

    /// Marks the cache file at `path` as used now (its modification time), so that
    /// pruning keeps it over files used longer ago. Failure only makes it look older.
    static func markUsed(_ path: String) {
        _ = utimensat(AT_FDCWD, path, nil, 0)
    }

    /// Whether `name` is what ``IndexStore/cachePath(paths:names:directory:)`` gives a
    /// finished cache file: 16 lowercase hexadecimal digits, then `.cbx`.
    static func isIndexFileName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count == 20, bytes[16...].elementsEqual(".cbx".utf8) else { return false }
        return bytes[..<16].allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// A regular index file as found: its name, inode, size and modification time.
    struct Entry: Equatable {
        var name: String
        var inode: UInt64
        var size: Int64
        /// Nanoseconds since 1970.
        var modified: Int64
    }

    /// The regular files with index file names in the opened directory.
    private static func indexFiles(in directoryDescriptor: Int32) -> [Entry] {
        // The listing gets a descriptor of its own: closedir closes it.
        let listingDescriptor = dup(directoryDescriptor)
        guard listingDescriptor >= 0 else { return [] }
        guard let listing = fdopendir(listingDescriptor) else {
            close(listingDescriptor)
            return []
        }
        defer { closedir(listing) }
        var files: [Entry] = []
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if isIndexFileName(name), let file = examine(name, in: directoryDescriptor) { files.append(file) }
        }
        return files
    }

    /// The entry `name` of the opened directory if it is a regular file, examined
    /// without following a symbolic link.
    private static func examine(_ name: String, in directoryDescriptor: Int32) -> Entry? {
        var status = stat()
        guard fstatat(directoryDescriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0,
              status.st_mode & S_IFMT == S_IFREG
        else { return nil }
        return Entry(name: name, inode: UInt64(status.st_ino), size: Int64(status.st_size),
                     modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
    }
}
