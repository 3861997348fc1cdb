import CStemmer
import Synchronization

/// Reduces English words to their Snowball (Porter2) stems, through libstemmer.
///
/// libstemmer's stemmer objects keep per-call scratch state, so one instance is
/// serialised behind a lock; indexing workers each create their own stemmer.
public final class SnowballStemmer: Sendable {
    private let handle: Mutex<Handle>

    private final class Handle {
        let raw: OpaquePointer
        init(raw: OpaquePointer) { self.raw = raw }
        deinit { sb_stemmer_delete(raw) }
    }

    /// Creates an English stemmer; fails only if libstemmer lacks the algorithm.
    public init?(language: String = "english") {
        guard let raw = sb_stemmer_new(language, "UTF_8") else { return nil }
        handle = Mutex(Handle(raw: raw))
    }

    /// Returns the stem of a lower-cased word.
    ///
    /// - Complexity: O(n) in the word's length.
    public func stem(_ word: String) -> String {
        handle.withLock { handle in
            let bytes = Array(word.utf8)
            guard let out = sb_stemmer_stem(handle.raw, bytes, Int32(bytes.count)) else { return word }
            let length = Int(sb_stemmer_length(handle.raw))
            return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
        }
    }
}

/// A Snowball stemmer owned by one thread: no lock, stems UTF-8 bytes in place.
///
/// Index workers each create one, so stemming never waits on another core. Not
/// `Sendable`: libstemmer's scratch state must never be shared.
final class LocalStemmer {
    private let raw: OpaquePointer

    /// Fails only if libstemmer lacks the algorithm.
    init?(language: String = "english") {
        guard let raw = sb_stemmer_new(language, "UTF_8") else { return nil }
        self.raw = raw
    }

    deinit { sb_stemmer_delete(raw) }

    /// Calls `body` with the stem of the lower-cased word `word` (valid during the call only).
    ///
    /// - Complexity: O(n) in the word's length.
    func withStem<R>(of word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let base = word.baseAddress,
              let out = sb_stemmer_stem(raw, base, Int32(word.count)) else { return body(word) }
        return body(UnsafeBufferPointer(start: out, count: Int(sb_stemmer_length(raw))))
    }
}
