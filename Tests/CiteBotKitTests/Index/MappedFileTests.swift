import Foundation
import Testing
@testable import CiteBotKit

/// A mapped index file, and reads that bypass the mapping.
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
}
