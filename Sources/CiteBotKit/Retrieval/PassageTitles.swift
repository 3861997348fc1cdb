import Synchronization

/// The title each passage's first sentence stands under (``SentenceRanker/title(before:)``),
/// found the first time a question reaches the passage and kept for the life of the index.
///
/// Finding a title walks back over up to ``SentenceRanker/headingLookback`` sentence
/// records, and the same passages come back for question after question; a process that
/// answers one question pays only for the passages it reaches.
final class PassageTitles: Sendable {
    /// Per passage: its title's sentence index, ``none``, or ``unknown`` before first use.
    private let known = Mutex<[Int32]>([])

    static let unknown = Int32.min
    static let none: Int32 = -1

    /// The titles of `passages` (indices below `passageCount`), in order; `find` gives the
    /// title of a passage not seen before.
    ///
    /// - Complexity: O(`passages`) once every passage was seen; one lock per call.
    func titles(of passages: [Int], passageCount: Int, find: (Int) -> Int?) -> [Int?] {
        known.withLock { known in
            if known.count != passageCount { known = [Int32](repeating: Self.unknown, count: passageCount) }
            return passages.map { passage in
                if known[passage] == Self.unknown { known[passage] = find(passage).map { Int32($0) } ?? Self.none }
                return known[passage] == Self.none ? nil : Int(known[passage])
            }
        }
    }
}
