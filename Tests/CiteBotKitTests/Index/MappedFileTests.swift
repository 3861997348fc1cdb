import Foundation
import Testing
@testable import CiteBotKit

/// A mapped index file: reads that bypass the mapping, and pages dropped behind a pass.
@Suite struct MappedFileTests {
    /// A temporary file of `count` bytes, byte i being i mod 251 (a prime, so no two
    /// pages hold the same bytes at the same place), mapped.
    static func mapped(count: Int) throws -> (file: MappedFile, bytes: [UInt8]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("citebot-mapped-\(UUID().uuidString)").path
        let bytes = (0..<count).map { UInt8($0 % 251) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        return (try MappedFile(path: path), bytes)
    }

    /// Whether the page holding `address` is mapped into this process, from
    /// `/proc/self/pagemap` (bit 63 of the page's entry); nil where that is not readable.
    static func isResident(_ address: UInt) -> Bool? {
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        let descriptor = open("/proc/self/pagemap", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var entry: UInt64 = 0
        guard pread(descriptor, &entry, 8, off_t(address / page * 8)) == 8 else { return nil }
        return entry >> 63 == 1
    }

    @Test(arguments: [0..<0, 0..<1, 4095..<4097, 9_990..<10_000, 0..<10_000])
    func readsWhatTheMappingHolds(range: Range<Int>) throws {
        let (file, bytes) = try Self.mapped(count: 10_000)
        #expect(file.withBytes(range) { Array($0) } == Array(bytes[range]))
        #expect(Array(file.bytes[range]) == Array(bytes[range]))
    }

    @Test func columnsReadTheirElementsEitherWay() {
        let column = Column<Int32>([10, 20, 30, 40])
        #expect(column.withBytesRead(1..<3) { Array($0.bindMemory(to: Int32.self)) } == [20, 30])
        #expect(column.withBytesRead(2..<2) { $0.count } == 0)
    }

    @Test(.enabled(if: FileManager.default.isReadableFile(atPath: "/proc/self/pagemap")))
    func aPassReleasesThePagesItLeavesBehind() throws {
        let window = PageRelease.window
        let (file, bytes) = try Self.mapped(count: 3 * window)
        var release = PageRelease(file, from: 0)
        var sum = 0
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        for offset in stride(from: 0, to: 2 * window + page, by: page) {
            sum &+= Int(file.bytes[offset])
            release.passed(offset + page)
        }
        #expect(Self.isResident(file.address) == false)
        #expect(Self.isResident(file.address + UInt(window - page)) == false)
        // The page the pass is on stays mapped.
        #expect(Self.isResident(file.address + UInt(2 * window)) == true)
        // Released pages read the same again.
        #expect(Array(file.bytes[0..<window]) == Array(bytes[0..<window]))
        #expect(sum > 0)
    }
}
