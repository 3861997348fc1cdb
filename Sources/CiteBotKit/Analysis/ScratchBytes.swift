/// The bytes of one ``WordScratch``: a fixed allocation, replaced by a larger copy when full
/// rather than resized, so that its fields never change once made.
final class ScratchBytes {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(capacity: Int) {
        base = .allocate(capacity: capacity)
        base.initialize(repeating: 0, count: capacity)
        self.capacity = capacity
    }

    deinit { base.deallocate() }

    /// A copy twice the size holding the first `count` bytes.
    func doubled(keeping count: Int) -> ScratchBytes {
        let larger = ScratchBytes(capacity: capacity * 2)
        larger.base.update(from: base, count: count)
        return larger
    }
}
