import Testing
@testable import CiteBotKit

/// A column made from an array reads that array's elements in place.
@Suite struct ColumnTests {
    @Test func readsTheArrayItWasMadeFrom() {
        let column = Column<Int32>([3, 1, 4, 1, 5])
        #expect(Array(column) == [3, 1, 4, 1, 5])
        #expect(column.withUnsafeBufferPointer { Array($0) } == [3, 1, 4, 1, 5])
    }

    @Test func keepsItsElementsWhenTheArrayChangesOrGoes() {
        var values: [Float] = (0..<1000).map(Float.init)
        var column: Column<Float>? = Column(values)
        values[0] = -1
        values.append(contentsOf: [1, 2, 3])
        values.removeAll()
        #expect(column?.first == 0)
        #expect(column?.count == 1000)
        #expect(column.map { Array($0) } == (0..<1000).map(Float.init))
        // The column alone keeps the elements alive.
        let copy = column
        column = nil
        #expect(copy?.last == 999)
    }

    @Test func emptyColumnsHaveNoElements() {
        #expect(Column<Int>([]).isEmpty)
        #expect(Column<Int>().withUnsafeBufferPointer { $0.count } == 0)
    }
}
