import Foundation
import Testing
@testable import CiteBotKit

/// Freed memory handed back to the system between the stages of a build.
@Suite struct FreedMemoryTests {
    /// This process's resident anonymous memory in KiB, from `/proc/self/status`.
    static func residentAnonymous() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") })
        else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    /// Whether AddressSanitizer's allocator stands in for glibc's (as in CI's sanitizer
    /// run): it keeps freed blocks in quarantine, and `malloc_trim` has no heap to trim.
    static var underAddressSanitizer: Bool {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil
    }

    @Test(.enabled(if: FreedMemoryTests.residentAnonymous() != nil && !FreedMemoryTests.underAddressSanitizer,
                   "needs /proc/self/status and glibc's allocator"))
    func returnsFreePagesThatLiveBlocksHold() throws {
        // Other tests allocate in this process at the same time, so one reading may be
        // swamped by them: the drop must show in one of three tries, each on fresh blocks.
        var drops: [Int] = []
        for _ in 0..<3 {
            let drop = try Self.dropAfterReturningFreedBlocks()
            drops.append(drop)
            if drop >= 24 * 1024 { break }
        }
        // 60 MiB are freed each time; most of it must leave.
        #expect(drops.contains { $0 >= 24 * 1024 }, "resident memory fell by \(drops) KiB")
    }

    /// How far resident anonymous memory falls, in KiB, when the free pages are returned
    /// after 64 MiB of 4 KiB blocks are written (so that they are resident) and all but one
    /// block in 16 freed: the free runs lie between live blocks, where freeing alone leaves
    /// their pages resident.
    static func dropAfterReturningFreedBlocks() throws -> Int {
        let size = 4096
        let blocks = (0..<16_384).compactMap { _ in malloc(size) }
        defer { for i in stride(from: 0, to: blocks.count, by: 16) { free(blocks[i]) } }
        for block in blocks { memset(block, 1, size) }
        for i in blocks.indices where i % 16 != 0 { free(blocks[i]) }
        let before = try #require(residentAnonymous())
        FreedMemory.returnToSystem()
        let after = try #require(residentAnonymous())
        return before - after
    }
}
