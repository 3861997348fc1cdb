/// The `capacity` best (score, passage) pairs seen, as a min-heap on "worse first".
///
/// A pair is better when its score is higher, or equal with an earlier passage.
struct BoundedHeap {
    struct Entry {
        var passage: Int
        var score: Double
    }

    let capacity: Int
    private(set) var entries: [Entry] = []

    init(capacity: Int) {
        self.capacity = capacity
        entries.reserveCapacity(min(capacity, 1024))
    }

    @inline(__always)
    static func isBetter(_ a: Entry, than b: Entry) -> Bool {
        a.score != b.score ? a.score > b.score : a.passage < b.passage
    }

    /// Whether `capacity` pairs are kept.
    var isFull: Bool { entries.count >= capacity }

    /// The score of the worst pair kept (the root); only meaningful when not empty.
    var worstScore: Double { entries.first?.score ?? -.infinity }

    /// Keeps the pair if it is among the best `capacity` so far.
    ///
    /// - Complexity: O(log capacity).
    mutating func offer(passage: Int, score: Double) {
        let entry = Entry(passage: passage, score: score)
        if entries.count < capacity {
            entries.append(entry)
            entries.withUnsafeMutableBufferPointer { heap in
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard Self.isBetter(heap[parent], than: heap[child]) else { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            }
            return
        }
        // The root is the worst kept; replace it only by something better.
        guard Self.isBetter(entry, than: entries[0]) else { return }
        entries.withUnsafeMutableBufferPointer { heap in
            heap[0] = entry
            Self.siftDown(heap, from: 0, count: heap.count)
        }
    }

    /// Restores the heap order below `parent` among the first `count` entries.
    @inline(__always)
    private static func siftDown(_ heap: UnsafeMutableBufferPointer<Entry>, from parent: Int, count: Int) {
        var parent = parent
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < count, isBetter(heap[worst], than: heap[left]) { worst = left }
            if right < count, isBetter(heap[worst], than: heap[right]) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }

    /// The kept pairs, best first: a heapsort that moves the worst to the back each step.
    ///
    /// - Complexity: O(capacity · log capacity).
    func sortedBestFirst() -> [Entry] {
        var sorted = entries
        sorted.withUnsafeMutableBufferPointer { heap in
            var end = heap.count
            while end > 1 {
                end -= 1
                heap.swapAt(0, end)
                Self.siftDown(heap, from: 0, count: end)
            }
        }
        return sorted
    }
}
