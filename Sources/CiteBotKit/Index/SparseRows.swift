/// Rows of sparse vectors stored back to back (compressed sparse rows).
///
/// Row r's entries are `columns[offsets[r]..<offsets[r+1]]` with `values` alongside,
/// sorted by column. One flat allocation per array keeps millions of rows cheap.
public struct SparseRows: Sendable, Equatable {
    public private(set) var offsets: [Int] = [0]
    public private(set) var columns: [Int32] = []
    public private(set) var values: [Float] = []

    public init() {}

    public init(offsets: [Int], columns: [Int32], values: [Float]) {
        self.offsets = offsets
        self.columns = columns
        self.values = values
    }

    /// Number of rows.
    public var count: Int { offsets.count - 1 }

    /// Appends a row whose entries are already sorted by column.
    public mutating func append<S: Sequence>(row: S) where S.Element == (Int32, Float) {
        for (column, value) in row {
            columns.append(column)
            values.append(value)
        }
        offsets.append(columns.count)
    }

    /// The entries of row `r`.
    public func row(_ r: Int) -> Range<Int> { offsets[r]..<offsets[r + 1] }

    /// Dot product of row `r` with a dense query vector indexed by column.
    ///
    /// - Complexity: O(entries in the row).
    @inlinable
    public func dot(row r: Int, with dense: [Float]) -> Float {
        var sum: Float = 0
        for i in offsets[r]..<offsets[r + 1] {
            sum += values[i] * dense[Int(columns[i])]
        }
        return sum
    }

    /// The value at (`r`, `column`), or 0.
    public func value(row r: Int, column: Int32) -> Float {
        for i in offsets[r]..<offsets[r + 1] where columns[i] == column { return values[i] }
        return 0
    }
}
