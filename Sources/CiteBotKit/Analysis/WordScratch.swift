/// A growable byte buffer reused from word to word.
///
/// The bytes live in a ``ScratchBytes`` object, so appending one is a plain store: an
/// `Array` held in an `inout` struct checks that it is uniquely referenced on every write,
/// which cost more than classifying the byte.
struct WordScratch {
    private var storage = ScratchBytes(capacity: 256)

    @inline(__always)
    mutating func append(_ byte: UInt8, at word: inout WordState) {
        if word.length == storage.capacity { storage = storage.doubled(keeping: word.length) }
        storage.base[word.length] = byte
        word.length += 1
    }

    /// Byte `position`, which must have been written for the current word.
    subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < storage.capacity)
        return withExtendedLifetime(storage) { storage.base[position] }
    }

    /// Calls `body` with the first `count` bytes (valid only during the call).
    func withPrefix<R>(_ count: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        precondition(count >= 0 && count <= storage.capacity)
        return withExtendedLifetime(storage) { body(UnsafeBufferPointer(start: storage.base, count: count)) }
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at word: inout WordState) {
        for i in range { append(bytes[i], at: &word) }
    }
}
