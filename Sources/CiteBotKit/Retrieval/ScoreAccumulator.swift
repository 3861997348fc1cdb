/// A dense score array with a mark per passage, room to list the passages touched with
/// their scores, and counts of those scores by slice.
///
/// Handed out all zeros and handed back all zeros: the retriever clears exactly the
/// entries it touched.
struct ScoreAccumulator: Sendable {
    /// Single precision: the postings hold `Float` weights, a question has a handful of
    /// terms, and half the bytes per passage keeps more of a large corpus's array in cache
    /// (the scattered adds into it are most of answering's time there).
    var scores: [Float]
    /// 1 for a passage already listed in `touched` during the current question.
    var seen: [UInt8]
    /// The passages touched, in order of first touch; only a prefix is in use.
    var touched: [Int32]
    /// Their scores, copied out in the same order; only a prefix is in use.
    var gathered: [Double]
    /// Per score slice, how many touched passages score in it (see ``PassageRetriever/floor(of:among:counts:)``).
    var counts: [Int32]

    init(size: Int) {
        scores = [Float](repeating: 0, count: size)
        seen = [UInt8](repeating: 0, count: size)
        touched = [Int32](repeating: 0, count: size)
        gathered = [Double](repeating: 0, count: size)
        counts = [Int32](repeating: 0, count: PassageRetriever.scoreSlices)
    }

    /// Calls `body` with the arrays as buffers (checked once here rather than on every
    /// access in the loop).
    mutating func withBuffers<R>(
        _ body: (UnsafeMutableBufferPointer<Float>, UnsafeMutableBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int32>,
                 UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int32>) -> R
    ) -> R {
        scores.withUnsafeMutableBufferPointer { scores in
            seen.withUnsafeMutableBufferPointer { seen in
                touched.withUnsafeMutableBufferPointer { touched in
                    gathered.withUnsafeMutableBufferPointer { gathered in
                        counts.withUnsafeMutableBufferPointer { counts in body(scores, seen, touched, gathered, counts) }
                    }
                }
            }
        }
    }
}
