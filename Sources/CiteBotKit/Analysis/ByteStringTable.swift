/// Interns byte strings: each distinct string gets a dense id, in order of first insertion.
///
/// Strings live back to back in one byte arena and are found through an open-addressing
/// table of ids, so looking up a word read from a UTF-8 buffer allocates nothing.
struct ByteStringTable: Sendable, Equatable {
    /// The strings' bytes, back to back.
    private(set) var bytes: [UInt8] = []
    /// String i is `bytes[offsets[i]..<offsets[i + 1]]`.
    private(set) var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Ids by slot; -1 marks an empty slot.
    private var slots = [Int32](repeating: -1, count: 64)

    init() {}

    /// Number of strings.
    var count: Int { offsets.count - 1 }

    /// The bytes of string `id`.
    func range(of id: Int) -> Range<Int> { offsets[id]..<offsets[id + 1] }

    /// The string `id` as a `String`.
    func string(_ id: Int) -> String {
        String(decoding: bytes[offsets[id]..<offsets[id + 1]], as: UTF8.self)
    }

    /// FNV-1a over the bytes: fast on the short strings words are.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The id of `key`, if present.
    ///
    /// - Complexity: O(|key|) expected.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash, equals(Int(id), key) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The id of `key`, inserting it (with the next id) when new.
    ///
    /// - Complexity: O(|key|) expected, amortised.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int32, inserted: Bool) {
        let hash = Self.hash(key)
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash, equals(Int(id), key) { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        bytes.append(contentsOf: key)
        offsets.append(bytes.count)
        hashes.append(hash)
        if count * 2 > slots.count {
            grow()
            mask = slots.count - 1
            slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
        }
        slots[slot] = id
        return (id, true)
    }

    /// Inserts a `String`.
    mutating func insert(_ string: String) -> (id: Int32, inserted: Bool) {
        var string = string
        return string.withUTF8 { insert($0) }
    }

    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[id]
        guard offsets[id + 1] - start == key.count else { return false }
        return bytes.withUnsafeBufferPointer { arena in
            for i in 0..<key.count where arena[start + i] != key[i] { return false }
            return true
        }
    }

    private mutating func grow() {
        var larger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = larger.count - 1
        for id in 0..<(count - 1) {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while larger[slot] >= 0 { slot = (slot + 1) & mask }
            larger[slot] = Int32(id)
        }
        slots = larger
    }
}
