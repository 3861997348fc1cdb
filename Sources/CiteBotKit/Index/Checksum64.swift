/// A fast 64-bit checksum of a byte buffer, to detect a damaged or truncated index file.
///
/// Four independent lanes each absorb every fourth 8-byte word with a multiply–rotate
/// round (the construction of XXH64's rounds, not compatible with it); the lanes and the
/// length are then mixed together. Changing any byte changes the lane that absorbed it,
/// and each round is a bijection of the word, so single-word corruption is always caught.
/// Not a defence against a crafted file: every value read is bounds-checked as well.
///
/// - Complexity: O(n), several gigabytes a second.
struct Checksum64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = lane &+ word &* prime2
        return ((mixed << 31) | (mixed >> 33)) &* prime1
    }

    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
    private var length = 0
    /// Bytes not yet absorbed: fewer than 32.
    private var pending: [UInt8] = []

    init() {}

    /// The checksum of `bytes` in one call.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = Checksum64()
        checksum.update(bytes)
        return checksum.finish()
    }

    /// Absorbs the next bytes; any split of the same bytes gives the same checksum.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length += bytes.count
        var offset = 0
        if !pending.isEmpty {
            let take = min(32 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { absorb($0, upTo: 32) }
            pending.removeAll(keepingCapacity: true)
        }
        let rest = UnsafeRawBufferPointer(rebasing: bytes[offset...])
        let whole = rest.count / 32 * 32
        absorb(rest, upTo: whole)
        pending.append(contentsOf: rest[whole...])
    }

    private mutating func absorb(_ bytes: UnsafeRawBufferPointer, upTo end: Int) {
        var offset = 0
        var lanes = self.lanes
        while offset + 32 <= end {
            lanes.0 = Self.round(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = Self.round(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = Self.round(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = Self.round(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        self.lanes = lanes
    }

    /// The checksum of everything absorbed.
    func finish() -> UInt64 {
        var hash = UInt64(length) &* Self.prime3
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
            hash = Self.round(hash ^ Self.round(0, lane), Self.prime3)
        }
        pending.withUnsafeBytes { tail in
            var offset = 0
            while offset + 8 <= tail.count {
                hash = Self.round(hash, tail.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            while offset < tail.count {
                hash = Self.round(hash, UInt64(tail[offset]) | 0x100)
                offset += 1
            }
        }
        hash ^= hash >> 33
        hash = hash &* Self.prime2
        hash ^= hash >> 29
        return hash
    }
}
