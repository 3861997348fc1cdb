/// Rows of sparse vectors stored back to back (compressed sparse rows).
///
/// Row r's entries are `columns[offsets[r]..<offsets[r+1]]` with `values` alongside,
/// sorted by column. One flat ``Column`` per array keeps millions of rows cheap, and a
/// loaded index reads them in place from its mapped file.
public struct SparseRows: Sendable, Equatable {
    public let offsets: Column<Int>
    public let columns: Column<Int32>
    public let values: Column<Float>

    /// No rows.
    public init() {
        self.init(offsets: Column([0]), columns: Column(), values: Column())
    }

    /// Rows copied from arrays; `offsets` starts at 0 and ends at `columns.count`.
    public init(offsets: [Int], columns: [Int32], values: [Float]) {
        self.init(offsets: Column(offsets), columns: Column(columns), values: Column(values))
    }

    init(offsets: Column<Int>, columns: Column<Int32>, values: Column<Float>) {
        self.offsets = offsets
        self.columns = columns
        self.values = values
    }

    /// Number of rows.
    public var count: Int { offsets.count - 1 }

    /// The entries of row `r`.
    public func row(_ r: Int) -> Range<Int> { offsets[r]..<offsets[r + 1] }

    /// Dot product of row `r` with a dense query vector indexed by column.
    ///
    /// - Complexity: O(entries in the row).
    public func dot(row r: Int, with dense: [Float]) -> Float {
        var sum: Float = 0
        for i in row(r) {
            sum += values[i] * dense[Int(columns[i])]
        }
        return sum
    }

    /// The value at (`r`, `column`), or 0.
    public func value(row r: Int, column: Int32) -> Float {
        for i in row(r) where columns[i] == column { return values[i] }
        return 0
    }
}
