import Dispatch
import Foundation
import Synchronization

/// Runs independent pieces of work on several cores and collects their results in order.
///
/// Results never depend on the number of workers: each piece is computed alone and the
/// pieces are put back in their order, so a parallel build equals a serial one.
enum ParallelChunks {
    /// The number of cores available to this process.
    static var availableCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(i)` for every i in `0..<count`, in order; on `workers` threads when above 1.
    static func map<T: Sendable>(_ count: Int, workers: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard workers > 1, count > 1 else { return (0..<count).map(body) }
        let results = Mutex<[T?]>(Array(repeating: nil, count: count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < count else { return }
                let value = body(i)
                results.withLock { $0[i] = value }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    /// Splits `0..<count` into about `pieces` contiguous ranges.
    static func ranges(_ count: Int, pieces: Int) -> [Range<Int>] {
        let pieces = max(1, min(pieces, count))
        return (0..<pieces).map { p in (count * p / pieces)..<(count * (p + 1) / pieces) }
    }
}
