import Synchronization

/// Finds the corpus word closest to a misspelt one without comparing it with every word.
///
/// A deletion-neighbourhood index (the "symmetric delete" method): two words within
/// optimal-string-alignment distance d both reduce, by at most d deletions each, to a
/// common string (a substitution or an adjacent transposition is one deletion on each
/// side, an insertion one deletion on the other). Every corpus word is filed under the
/// hashes of its deletion variants — up to 2 deletions for words of 6 letters or more,
/// which is as far as any correction reaches them, else 1 — and a question word looks
/// up its own variants. Stems the corpus never spells out are filed too, so that a typo
/// of a base form ("wrok") reaches the term of its inflections ("works"). Candidates are then checked with ``editDistance(_:_:limit:)``
/// and chosen by the rule of ``QueryBuilder/correction(for:)``: least distance, then
/// most frequent, then alphabetical. Hash collisions only add candidates, so the result
/// is exactly that of a scan over the whole vocabulary.
struct CorrectionIndex: Sendable {
    /// The strings matched against: every surface form, then every stem that is not one.
    private let keys: [String]
    /// How each key is shown: itself, or for a stem its most frequent surface form.
    private let surfaces: [String]
    /// Where the stems begin among the keys: every surface form comes before them.
    private let firstStem: Int
    private let counts: [Int]
    private let terms: [Int32]
    /// Scalars of surface i: `scalars[scalarOffsets[i]..<scalarOffsets[i + 1]]`.
    private let scalars: [Unicode.Scalar]
    private let scalarOffsets: [Int]
    /// Bucket b lists the surfaces with a deletion variant hashing to b:
    /// `bucketEntries[bucketOffsets[b]..<bucketOffsets[b + 1]]`.
    private let bucketOffsets: [Int32]
    private let bucketEntries: [Int32]
    private let mask: Int

    /// - Complexity: O(V · n²) for V words of n letters, once.
    init(vocabulary: Vocabulary) {
        var keys: [String] = []
        var surfaces: [String] = []
        var counts: [Int] = []
        var terms: [Int32] = []
        keys.reserveCapacity(vocabulary.surfaces.count)
        // A stem the corpus never spells out ("work" when only "works" occurs) is a
        // target too: a typo of the base form ("wrok") is one edit from the stem but
        // two from every inflection. It shows as its most frequent spelling. Per term:
        // that spelling, its count and the count of all spellings.
        let termCount = vocabulary.terms.count
        var display = [String?](repeating: nil, count: termCount)
        var best = [Int](repeating: 0, count: termCount)
        var spellings = [Int](repeating: 0, count: termCount)
        for (surface, entry) in vocabulary.surfaces {
            keys.append(surface)
            surfaces.append(surface)
            counts.append(entry.count)
            terms.append(entry.term)
            let t = Int(entry.term)
            guard t >= 0 && t < termCount else { continue }
            if let shown = display[t], entry.count < best[t] || (entry.count == best[t] && shown < surface) {
                // The spelling shown so far stays.
            } else {
                display[t] = surface
                best[t] = entry.count
            }
            // Counts come from the index file; a crafted one must not overflow the sum.
            let (sum, overflow) = spellings[t].addingReportingOverflow(entry.count)
            spellings[t] = overflow ? (entry.count > 0 ? .max : .min) : sum
        }
        let surfaceCount = keys.count
        for t in 0..<termCount {
            guard let shown = display[t] else { continue }
            let stem = vocabulary.terms[t]
            guard vocabulary.surfaces[stem] == nil else { continue }
            keys.append(stem)
            surfaces.append(shown)
            counts.append(spellings[t])
            terms.append(Int32(t))
        }
        // Keys are in no particular order: the correction rule breaks ties by the keys
        // themselves, so the result does not depend on it.
        self.keys = keys
        self.surfaces = surfaces
        self.counts = counts
        self.terms = terms
        firstStem = surfaceCount
        var scalars: [Unicode.Scalar] = []
        var scalarOffsets = [0]
        for key in keys {
            scalars.append(contentsOf: key.unicodeScalars)
            scalarOffsets.append(scalars.count)
        }
        // Every variant's bucket, in word order, and each word's first variant: 4 bytes a
        // variant, allocated once at its exact size (a word of n scalars has 1 + n variants,
        // plus n(n - 1)/2 at depth 2), rather than a hash and an owner grown by appending.
        var firstVariant = [Int](repeating: 0, count: keys.count + 1)
        for i in keys.indices {
            let n = scalarOffsets[i + 1] - scalarOffsets[i]
            firstVariant[i + 1] = firstVariant[i] + Self.variantCount(length: n, depth: Self.depth(length: n))
        }
        let total = firstVariant[keys.count]
        // About four variants a bucket: the offsets cost a quarter of what one a bucket
        // would, and a lookup only checks a few more candidates (collisions never change
        // the result, see above).
        var bucketCount = 1024
        while bucketCount * 4 < total { bucketCount *= 2 }
        let mask = bucketCount - 1
        var buckets = [UInt32]()
        buckets.reserveCapacity(total)
        // offsets[b] counts bucket b's entries, then becomes where bucket b ends.
        var offsets = [Int32](repeating: 0, count: bucketCount + 1)
        for i in keys.indices {
            let word = scalars[scalarOffsets[i]..<scalarOffsets[i + 1]]
            Self.forEachVariant(of: word, depth: Self.depth(length: word.count)) { hash in
                let bucket = Int(truncatingIfNeeded: hash) & mask
                buckets.append(UInt32(bucket))
                offsets[bucket] += 1
            }
        }
        precondition(buckets.count == total, "variantCount(length:depth:) disagrees with forEachVariant")
        for b in 1...bucketCount { offsets[b] += offsets[b - 1] }
        // Filled from the last variant back, each bucket's end moving down to its start, so
        // the entries keep word order within a bucket and no second offset table is needed.
        var entries = [Int32](repeating: 0, count: total)
        for i in keys.indices.reversed() {
            for k in stride(from: firstVariant[i + 1] - 1, through: firstVariant[i], by: -1) {
                let bucket = Int(buckets[k])
                offsets[bucket] -= 1
                entries[Int(offsets[bucket])] = Int32(i)
            }
        }
        self.scalars = scalars
        self.scalarOffsets = scalarOffsets
        self.bucketOffsets = offsets
        self.bucketEntries = entries
        self.mask = mask
    }

    /// How deep the variants of a word of `length` scalars go: 2 deletions from 6 scalars on.
    static func depth(length: Int) -> Int { length >= 6 ? 2 : 1 }

    /// How many hashes ``forEachVariant(of:depth:)`` reports for a word of `length` scalars.
    static func variantCount(length n: Int, depth: Int) -> Int {
        1 + (depth >= 1 ? n : 0) + (depth >= 2 ? n * (n - 1) / 2 : 0)
    }

    /// A corpus word within the correction distance of a typed word.
    struct Candidate: Sendable, Equatable {
        /// The string matched: a surface form, or a stem the corpus only uses inflected.
        let key: String
        /// How the candidate is shown: the key, or for a stem its most frequent spelling.
        let surface: String
        let id: Int32
        let distance: Int
        /// How often the corpus uses the key (for a stem, all its spellings together).
        let count: Int
    }

    /// The corpus word closest to `surface`, if one is close enough (see ``QueryBuilder/correction(for:)``).
    ///
    /// - Complexity: O(n² · candidates) for a word of n letters; independent of the vocabulary's size
    ///   but for the candidates that share a deletion variant.
    /// - Parameter includingStems: whether stems that are not themselves surface forms
    ///   are candidates (see ``init(vocabulary:)``).
    func correction(for surface: String, includingStems: Bool = true) -> (surface: String, id: Int32)? {
        Self.best(of: candidates(for: surface, includingStems: includingStems)).map { ($0.surface, $0.id) }
    }

    /// The preferred of `candidates` by the correction rule: least distance, then most
    /// frequent in the corpus, then alphabetical by key (keys are unique, so the order is total).
    static func best(of candidates: [Candidate]) -> Candidate? {
        // Counts are compared, not negated: a crafted index's count may be Int.min.
        candidates.min { a, b in
            if a.distance != b.distance { return a.distance < b.distance }
            if a.count != b.count { return a.count > b.count }
            return a.key < b.key
        }
    }

    /// Every corpus word within the correction distance of `surface` (1 for words of 4–7
    /// letters, 2 from 8 letters on), in no particular order; empty for words under 4
    /// letters or with a scalar that is not a letter.
    ///
    /// - Complexity: as ``correction(for:includingStems:)``.
    func candidates(for surface: String, includingStems: Bool = true) -> [Candidate] {
        let letters = Array(surface.unicodeScalars)
        guard letters.count >= 4, letters.allSatisfy({ $0.properties.isAlphabetic }) else { return [] }
        let limit = letters.count >= 8 ? 2 : 1
        var seen = Set<Int32>()
        Self.forEachVariant(of: letters[...], depth: limit) { hash in
            let bucket = Int(truncatingIfNeeded: hash) & mask
            for i in bucketOffsets[bucket]..<bucketOffsets[bucket + 1] { seen.insert(bucketEntries[Int(i)]) }
        }
        var found: [Candidate] = []
        for candidate in seen {
            let i = Int(candidate)
            if i >= firstStem && !includingStems { continue }
            let word = Array(scalars[scalarOffsets[i]..<scalarOffsets[i + 1]])
            guard abs(word.count - letters.count) <= limit else { continue }
            let distance = editDistance(letters, word, limit: limit)
            guard distance <= limit else { continue }
            found.append(Candidate(key: keys[i], surface: surfaces[i], id: terms[i], distance: distance, count: counts[i]))
        }
        return found
    }

    /// Calls `body` with the hash of `word` and of every string made by deleting up to
    /// `depth` of its scalars (a variant reached twice may be reported twice).
    ///
    /// The hash is FNV-1a over the kept scalars, then their count. Variants share prefixes:
    /// the state after the scalars before each deleted position is carried forward rather
    /// than recomputed, so each variant costs only the scalars after its last deletion.
    ///
    /// - Complexity: O(n³) for depth 2 in the word's length n, about a third of hashing
    ///   every variant whole; this runs for every vocabulary word when the index is built.
    static func forEachVariant(of word: ArraySlice<Unicode.Scalar>, depth: Int, _ body: (UInt64) -> Void) {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        @inline(__always) func step(_ hash: UInt64, _ scalar: Unicode.Scalar) -> UInt64 {
            (hash ^ UInt64(scalar.value)) &* prime
        }
        // Equal variants of different words must hash alike: only their scalars count.
        @inline(__always) func finish(_ hash: UInt64, length: Int) -> UInt64 {
            let hash = (hash ^ UInt64(length)) &* prime
            return hash ^ (hash >> 29)
        }
        word.withUnsafeBufferPointer { scalars in
            let n = scalars.count
            var whole: UInt64 = 0xcbf2_9ce4_8422_2325
            for scalar in scalars { whole = step(whole, scalar) }
            body(finish(whole, length: n))
            guard depth >= 1 else { return }
            // `prefix`: the state after scalars[0..<a].
            var prefix: UInt64 = 0xcbf2_9ce4_8422_2325
            for a in 0..<n {
                var hash = prefix
                for i in (a + 1)..<n { hash = step(hash, scalars[i]) }
                body(finish(hash, length: n - 1))
                if depth >= 2 {
                    // `middle`: the state after scalars[0..<a] and scalars[(a + 1)..<b].
                    var middle = prefix
                    for b in (a + 1)..<n {
                        var hash = middle
                        for i in (b + 1)..<n { hash = step(hash, scalars[i]) }
                        body(finish(hash, length: n - 2))
                        middle = step(middle, scalars[b])
                    }
                }
                prefix = step(prefix, scalars[a])
            }
        }
    }
}

/// A ``CorrectionIndex`` built the first time a question needs one, then shared.
final class LazyCorrectionIndex: Sendable {
    private let built = Mutex<CorrectionIndex?>(nil)

    func index(for vocabulary: Vocabulary) -> CorrectionIndex {
        built.withLock { built in
            if let built { return built }
            let index = CorrectionIndex(vocabulary: vocabulary)
            built = index
            return index
        }
    }
}
