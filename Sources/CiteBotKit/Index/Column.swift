/// A read-only array of plain values that lives either in an array the column keeps or
/// in place inside a memory-mapped index file.
///
/// A freshly built index reads its columns from the arrays it built; a loaded one reads them straight from the
/// mapped file, so loading copies nothing and only the pages a question touches are ever
/// read from disk. Every subscript is bounds-checked like `Array`'s; the reader checks
/// offsets and ids once at load, so reads through them stay in bounds by construction.
///
/// The memory is kept alive by ``ColumnMemory``; the column holds its address as an
/// integer so that it stays `Sendable` without an unchecked conformance (nothing ever
/// writes through it).
public struct Column<Element: BitwiseCopyable & Sendable>: RandomAccessCollection, Sendable {
    let memory: ColumnMemory
    /// Bit pattern of the first element's address (0 when empty).
    let address: UInt
    public let count: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// An empty column.
    public init() {
        self.init([])
    }

    /// A column reading `elements` in place (the array is kept, not copied).
    public init(_ elements: [Element]) {
        let memory = ColumnMemory(adopting: elements)
        self.init(memory: memory, address: memory.address, count: elements.count)
    }

    /// `count` elements at `address`, kept alive by `memory`; the caller has checked
    /// that they lie inside it and are suitably aligned.
    init(memory: ColumnMemory, address: UInt, count: Int) {
        self.memory = memory
        self.address = count > 0 ? address : 0
        self.count = count
    }

    /// - Complexity: O(1).
    @inline(__always)
    public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "Column index out of range")
        return withExtendedLifetime(memory) { buffer[position] }
    }

    private var buffer: UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: UnsafePointer<Element>(bitPattern: address), count: count)
    }

    /// Calls `body` with the elements; the pointer must not escape `body`.
    @inline(__always)
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(memory) { try body(buffer) }
    }

    /// Calls `body` with the bytes of elements `range`, read from the file rather than
    /// through the mapping for a column of a loaded index.
    ///
    /// For reads scattered over a large column that should not stay resident.
    func withBytesRead<R>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "Column range out of range")
        return memory.withBytes(at: address + UInt(range.lowerBound * MemoryLayout<Element>.stride),
                                count: range.count * MemoryLayout<Element>.stride, body)
    }

    /// The elements' bytes, for writing them to a file.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
    }
}

extension Column: Equatable where Element: Equatable {
    public static func == (a: Column, b: Column) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }
}

extension Column: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

/// Memory holding column data: an array kept alive with the object, or a mapped file
/// kept mapped while any column reads from it.
final class ColumnMemory: Sendable {
    /// Bit pattern of the first byte's address (possibly 0 for an empty array; a column
    /// of no elements never reads it).
    let address: UInt
    /// The adopted array, held only to keep its elements alive (and never mutated, so
    /// they never move).
    private let array: (any Sendable)?
    private let file: MappedFile?

    /// Adopts `elements` without copying them: a built index's vectors and postings are
    /// hundreds of megabytes at scale, and a copy doubled the peak memory of building.
    init<Element: BitwiseCopyable & Sendable>(adopting elements: [Element]) {
        file = nil
        array = elements
        address = elements.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    /// Calls `body` with the `count` bytes at `address`: read from the file without
    /// mapping them when the memory is a mapped file (see ``MappedFile/withBytes(_:_:)``).
    func withBytes<R>(at address: UInt, count: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let file, count > 0 {
            let offset = Int(address - file.address)
            return file.withBytes(offset..<(offset + count), body)
        }
        return withExtendedLifetime(self) { body(UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: address), count: count)) }
    }

    init(file: MappedFile) {
        self.file = file
        array = nil
        address = file.address
    }
}
