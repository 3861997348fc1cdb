import Synchronization

/// Score arrays kept between questions so that answering allocates nothing per passage.
///
/// One array per thread answering at the same time; each is handed back all zeros.
final class AccumulatorPool: Sendable {
    private let free = Mutex<[ScoreAccumulator]>([])

    func take(size: Int) -> ScoreAccumulator {
        if let reused = free.withLock({ $0.popLast() }), reused.scores.count == size { return reused }
        return ScoreAccumulator(size: size)
    }

    func give(back accumulator: ScoreAccumulator) {
        free.withLock { $0.append(accumulator) }
    }
}
