/// The terms of an index and the words that produced them.
///
/// Terms are Snowball stems numbered densely from 0. Surface words are kept with their
/// term so a misspelt question word can be corrected to a word the corpus really uses.
public struct Vocabulary: Sendable, Equatable {
    /// Term text by id.
    public private(set) var terms: [String] = []
    private var ids: [String: Int32] = [:]
    /// Surface word → (term id, occurrences in the corpus).
    public private(set) var surfaces: [String: SurfaceEntry] = [:]

    public struct SurfaceEntry: Sendable, Equatable {
        public var term: Int32
        public var count: Int
    }

    public init() {}

    /// Number of terms.
    public var count: Int { terms.count }

    /// The id of `term`, if the corpus has it.
    public func id(of term: String) -> Int32? { ids[term] }

    /// Returns the id of `term`, adding it if new, and counts one occurrence of `surface`.
    public mutating func add(term: String, surface: String) -> Int32 {
        let id: Int32
        if let existing = ids[term] {
            id = existing
        } else {
            id = Int32(terms.count)
            terms.append(term)
            ids[term] = id
        }
        surfaces[surface, default: SurfaceEntry(term: id, count: 0)].count += 1
        return id
    }

    /// Replaces the contents with interned tables: terms by id, surfaces with their term and count.
    mutating func load(terms table: ByteStringTable, surfaces: ByteStringTable, surfaceTerms: [Int32], surfaceCounts: [Int]) {
        terms = (0..<table.count).map { table.string($0) }
        ids = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($0.element, Int32($0.offset)) })
        var entries: [String: SurfaceEntry] = [:]
        entries.reserveCapacity(surfaces.count)
        for id in 0..<surfaces.count {
            entries[surfaces.string(id)] = SurfaceEntry(term: surfaceTerms[id], count: surfaceCounts[id])
        }
        self.surfaces = entries
    }
}
