import Foundation
import Synchronization

/// English vocabulary and synonyms, read from a WordNet 3.0 database such as Debian's
/// `wordnet-base` package.
///
/// citebot uses it for two things a corpus alone cannot tell it. First, whether a
/// question word missing from the corpus is still a real English word, so that "cost"
/// is not "corrected" to the corpus word "lost". Second, which other words mean the
/// same, so that a question about what "used" can match a sentence about what was
/// "utilized" (query expansion).
///
/// Opening only maps the files: lookups binary-search the sorted `index.*` and `*.exc`
/// files and read synsets from `data.*` at the byte offsets the index gives, touching a
/// few pages per word, and every answer is memoised. Inflected forms are reduced to
/// their base forms the way WordNet's Morphy does (`morphy(7WN)`): irregular forms from
/// the exception lists, regular ones by the rules of detachment, each kept only if the
/// index lists it. Malformed or truncated files give fewer or empty answers, never a
/// crash.
public final class WordNetLexicon: Sendable {
    /// The directory the database was opened from.
    public let directory: String

    private let categories: [Category]
    private let cache = Mutex(Cache())
    /// Base form → its irregular inflections, from the noun and verb exception lists;
    /// read on first use.
    private let inflections = Mutex<[String: [String]]?>(nil)

    /// The files of one part of speech.
    private struct Category: Sendable {
        let partOfSpeech: WordNetPartOfSpeech
        let index: WordNetFile
        let data: WordNetFile
        let exceptions: WordNetFile
    }

    /// A base form the index lists, with its synsets' byte offsets in sense order
    /// (most frequent sense first).
    private struct Lemma: Sendable {
        let category: Int
        let key: [UInt8]
        let synsetOffsets: [Int]
        /// How many of its senses the semantic concordance tagged: 0 for a word rare in
        /// running text ("filer"), more for a common one ("cost").
        let taggedSenses: Int
    }

    /// A synset: data files of different parts of speech reuse the same offsets.
    private struct SynsetID: Hashable {
        let category: Int
        let offset: Int
    }

    private struct SynonymQuery: Hashable, Sendable {
        let key: [UInt8]
        let senses: Int
    }

    /// Memoised answers; emptied when it grows past `limit` entries, which a chat
    /// session's vocabulary never reaches but a long batch run might.
    private struct Cache: Sendable {
        static let limit = 20_000
        var lemmas: [[UInt8]: [Lemma]] = [:]
        var synonyms: [SynonymQuery: [String]] = [:]
    }

    /// The directory used when none is given: `$CITEBOT_WORDNET` if set and not empty,
    /// else Debian's `/usr/share/wordnet`.
    public static var defaultDirectory: String {
        if let configured = ProcessInfo.processInfo.environment["CITEBOT_WORDNET"], !configured.isEmpty {
            return configured
        }
        return "/usr/share/wordnet"
    }

    /// Opens the database in `directory` (``defaultDirectory`` when nil).
    ///
    /// Returns nil unless all four `index.*` files and all four `data.*` files can be
    /// read, so callers can treat WordNet as optional and fall back to corpus-only
    /// behaviour. A missing exception list (`noun.exc`, …) counts as empty.
    ///
    /// - Complexity: O(1) in the database's size: files are memory-mapped, not read.
    public init?(directory: String? = nil) {
        let directory = directory ?? Self.defaultDirectory
        func path(_ name: String) -> String {
            directory.hasSuffix("/") ? directory + name : directory + "/" + name
        }
        var categories: [Category] = []
        for partOfSpeech in WordNetPartOfSpeech.allCases {
            let suffix = partOfSpeech.fileSuffix
            guard let index = WordNetFile(path: path("index." + suffix)),
                  let data = WordNetFile(path: path("data." + suffix))
            else { return nil }
            let exceptions = WordNetFile(path: path(suffix + ".exc")) ?? WordNetFile()
            categories.append(Category(partOfSpeech: partOfSpeech, index: index, data: data, exceptions: exceptions))
        }
        self.directory = directory
        self.categories = categories
    }

    /// Whether `word`, or a base form of it, is an English word in any part of speech.
    ///
    /// Inflected forms count ("invented", "creases", "mice", "better"), so a question
    /// word that passes is a real word and must not be spelling-corrected. Multi-word
    /// entries may be given with spaces ("go on").
    ///
    /// - Complexity: O(p · c · log n) on first use of a word, for p parts of speech,
    ///   c candidate base forms and index files of n bytes; O(1) afterwards.
    public func contains(_ word: String) -> Bool {
        !lemmas(of: word).isEmpty
    }

    /// Whether WordNet lists `word` as it is spelled: as a base form in an index, or as an
    /// irregular form in an exception list (`mice`).
    ///
    /// ``contains(_:)`` also accepts words known only through Morphy's regular rules of
    /// detachment, and those rules accept misspelt inflections: "useing" passes as
    /// "use" + "ing" and "biger" as "big" + "er". A word listed as spelled is a real
    /// word; one recognised only through the rules may be a typo.
    ///
    /// - Complexity: O(p · log n) for p parts of speech and files of n bytes.
    public func listsAsSpelled(_ word: String) -> Bool {
        guard let key = Self.key(for: word) else { return false }
        return categories.contains { category in
            !category.index.lines(withKey: key).isEmpty || !category.exceptions.lines(withKey: key).isEmpty
        }
    }

    /// Whether WordNet lists `word`, as spelled, as a verb's base form ("give", "use"; not
    /// "gives"): the form an instruction opens with.
    ///
    /// - Complexity: O(log n) for a verb index of n bytes.
    public func listsAsBaseVerb(_ word: String) -> Bool {
        guard let key = Self.key(for: word) else { return false }
        return categories.contains { category in
            category.partOfSpeech == .verb && !category.index.lines(withKey: key).isEmpty
        }
    }

    /// Whether WordNet lists `word` but as a rare word only: no base form of it has a sense
    /// that its semantic concordance tagged in running text ("filer", "filers"; not "cost",
    /// "filter"). A question word the corpus lacks that is rare in English is more likely a
    /// misspelling of a corpus word ("filers" for "filters") than meant.
    ///
    /// - Complexity: as ``contains(_:)``.
    public func isRare(_ word: String) -> Bool {
        let lemmas = lemmas(of: word)
        return !lemmas.isEmpty && lemmas.allSatisfy { $0.taggedSenses == 0 }
    }

    /// Whether WordNet lists `word` only as an adverb ("actually", "usually"): a word that
    /// says how or how often, not what a question is about.
    ///
    /// - Complexity: as ``contains(_:)``.
    public func isOnlyAdverb(_ word: String) -> Bool {
        let lemmas = lemmas(of: word)
        return !lemmas.isEmpty && lemmas.allSatisfy { categories[$0.category].partOfSpeech == .adverb }
    }

    /// Whether WordNet lists `word` only as a noun ("price", "warranty"; not "level", which is
    /// also a verb and an adjective).
    ///
    /// - Complexity: as ``contains(_:)``.
    public func isOnlyNoun(_ word: String) -> Bool {
        let lemmas = lemmas(of: word)
        return !lemmas.isEmpty && lemmas.allSatisfy { categories[$0.category].partOfSpeech == .noun }
    }

    /// Whether WordNet lists `word` (or a base form of it) as an adjective ("safe", "permanent").
    ///
    /// - Complexity: as ``contains(_:)``.
    public func canBeAdjective(_ word: String) -> Bool {
        lemmas(of: word).contains { categories[$0.category].partOfSpeech == .adjective }
    }

    /// Whether WordNet lists `word` (or a base form of it) as a verb ("last", "help", "lasts").
    ///
    /// - Complexity: as ``contains(_:)``.
    public func canBeVerb(_ word: String) -> Bool {
        lemmas(of: word).contains { categories[$0.category].partOfSpeech == .verb }
    }

    /// Whether WordNet lists `word` but never as a noun ("noisy", "quickly"); false for a
    /// word it does not list, which may be anything.
    ///
    /// - Complexity: as ``contains(_:)``.
    public func isNeverNoun(_ word: String) -> Bool {
        let lemmas = lemmas(of: word)
        return !lemmas.isEmpty && lemmas.allSatisfy { categories[$0.category].partOfSpeech != .noun }
    }

    /// Whether `word` is listed and is its own only base form: a word ending in "s" that is
    /// no inflection ("lens", "news", "series"), unlike "kettles" (of "kettle") or "glasses"
    /// (listed, but also of "glass").
    ///
    /// - Complexity: as ``contains(_:)``.
    public func isOwnOnlyBaseForm(_ word: String) -> Bool {
        baseForms(of: word) == [word.lowercased()]
    }

    /// The base forms of `word` that WordNet lists, lower-cased, with spaces between
    /// the words of a collocation.
    ///
    /// For each part of speech in turn (noun, verb, adjective, adverb) the candidates
    /// are the word itself, its irregular base forms from that part's exception list
    /// (`mice` → `mouse`) and the results of Morphy's rules of detachment (`creases` →
    /// `crease`, `invented` → `invent`); only those the part's index lists are kept.
    /// The word itself is included when it is listed, so "better" gives both "better"
    /// and "good". Duplicates across parts of speech are dropped, first kept.
    ///
    /// - Complexity: as ``contains(_:)``.
    public func baseForms(of word: String) -> [String] {
        var forms: [String] = []
        for lemma in lemmas(of: word) {
            let form = Self.displayForm(lemma.key)
            if !forms.contains(form) { forms.append(form) }
        }
        return forms
    }

    /// The base forms the exception lists give for `word` as an irregular inflection
    /// (`ran` → `run`, `mice` → `mouse`), in noun, verb, adjective, adverb order; empty for
    /// a word no list names. Unlike ``baseForms(of:)`` no rule of detachment is applied, so a
    /// misspelling that only looks inflected ("heavyer") gets none.
    public func irregularBaseForms(of word: String) -> [String] {
        guard let key = Self.key(for: word) else { return [] }
        var forms: [String] = []
        for category in categories {
            for line in category.exceptions.lines(withKey: key) {
                for base in line.split(separator: Self.space).dropFirst() {
                    let form = Self.displayForm(base)
                    if !forms.contains(form) { forms.append(form) }
                }
            }
        }
        return forms
    }

    /// The irregular inflections the noun and verb exception lists give for the base form
    /// `word` (`feed` → `fed`, `throw` → `threw`, `thrown`, `child` → `children`): the
    /// reverse of ``irregularBaseForms(of:)``. The stemmer joins regular inflections
    /// ("feeding", "throws") but not these, so a question saying "feed" would miss a text
    /// saying "fed". Adjectives are left out: their list reads "better" as "good" and
    /// "best" as "well", which are not the same words to a reader.
    ///
    /// - Complexity: O(1) after the first call, which reads both lists (about 80 KB).
    public func irregularInflections(of word: String) -> [String] {
        let table = inflections.withLock { table in
            if let table { return table }
            var built: [String: [String]] = [:]
            for category in categories where category.partOfSpeech == .noun || category.partOfSpeech == .verb {
                for line in category.exceptions.allLines() {
                    let fields = line.split(separator: Self.space)
                    // A phrase ("went_on") is no single word a question could hold.
                    guard let first = fields.first, !first.contains(Self.underscore) else { continue }
                    let inflected = Self.displayForm(first)
                    for base in fields.dropFirst() {
                        let form = Self.displayForm(base)
                        if form != inflected, !(built[form]?.contains(inflected) ?? false) { built[form, default: []].append(inflected) }
                    }
                }
            }
            table = built
            return built
        }
        return table[word.lowercased()] ?? []
    }

    /// Words that share a sense with `word`, for query expansion.
    ///
    /// These are the other lemmas of the synsets of the word's base forms. For each base
    /// form and part of speech at most `senses` synsets are read, in WordNet's sense
    /// order; results are ordered by sense rank across all of them (every first sense,
    /// then every second sense, …) so the most frequent meanings come first. Words are
    /// lower-cased, adjective markers such as `(a)` are dropped, underscores become
    /// spaces, and repeats, the word itself and its base forms are left out.
    ///
    /// - Complexity: O(s · b · (l + log n)) on first use of a word, for s senses, b base
    ///   forms, data lines of length l and index files of n bytes; O(1) afterwards.
    public func synonyms(of word: String, senses: Int = 3) -> [String] {
        guard senses > 0, let key = Self.key(for: word) else { return [] }
        let query = SynonymQuery(key: key, senses: senses)
        if let cached = cache.withLock({ $0.synonyms[query] }) { return cached }

        let lemmas = lemmas(forKey: key)
        var seen = Set([Self.displayForm(key)])
        for lemma in lemmas { seen.insert(Self.displayForm(lemma.key)) }
        var visitedSynsets = Set<SynsetID>()
        var found: [String] = []
        let deepest = min(senses, lemmas.map(\.synsetOffsets.count).max() ?? 0)
        for rank in 0..<deepest {
            for lemma in lemmas where rank < lemma.synsetOffsets.count {
                let offset = lemma.synsetOffsets[rank]
                guard visitedSynsets.insert(SynsetID(category: lemma.category, offset: offset)).inserted else { continue }
                for synonym in words(ofSynsetAt: offset, in: categories[lemma.category]) {
                    if seen.insert(synonym).inserted { found.append(synonym) }
                }
            }
        }

        cache.withLock { cache in
            if cache.synonyms.count >= Cache.limit { cache.synonyms.removeAll() }
            cache.synonyms[query] = found
        }
        return found
    }

    // MARK: - Lookup

    private func lemmas(of word: String) -> [Lemma] {
        guard let key = Self.key(for: word) else { return [] }
        return lemmas(forKey: key)
    }

    /// The base forms of `key` that the index lists, in ``baseForms(of:)`` order.
    private func lemmas(forKey key: [UInt8]) -> [Lemma] {
        if let cached = cache.withLock({ $0.lemmas[key] }) { return cached }
        var found: [Lemma] = []
        for (position, category) in categories.enumerated() {
            var candidates = [key]
            for line in category.exceptions.lines(withKey: key) {
                for base in line.split(separator: Self.space).dropFirst() where !candidates.contains(Array(base)) {
                    candidates.append(Array(base))
                }
            }
            for form in category.partOfSpeech.detachedForms(of: key) where !candidates.contains(form) {
                candidates.append(form)
            }
            for candidate in candidates {
                guard let line = category.index.lines(withKey: candidate).first else { continue }
                found.append(Lemma(category: position, key: candidate, synsetOffsets: Self.synsetOffsets(inIndexLine: line),
                                   taggedSenses: Self.taggedSenseCount(inIndexLine: line)))
            }
        }
        cache.withLock { cache in
            if cache.lemmas.count >= Cache.limit { cache.lemmas.removeAll() }
            cache.lemmas[key] = found
        }
        return found
    }

    /// The words of the synset at `offset` in the category's data file, in display form;
    /// empty if the line there is missing, malformed, or not the synset it should be.
    private func words(ofSynsetAt offset: Int, in category: Category) -> [String] {
        guard let line = category.data.line(at: offset) else { return [] }
        // synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id…] p_cnt …
        let fields = line.split(separator: Self.space, maxSplits: 4)
        guard fields.count == 5, Self.decimal(fields[0]) == offset,
              let wordCount = Self.hexadecimal(fields[3])
        else { return [] }
        let rest = fields[4].split(separator: Self.space, maxSplits: 2 * wordCount)
        guard rest.count >= 2 * wordCount else { return [] }
        return stride(from: 0, to: 2 * wordCount, by: 2).compactMap { position in
            let form = Self.displayForm(Self.droppingMarker(rest[position]))
            return form.isEmpty ? nil : form
        }
    }

    // MARK: - Parsing

    private static let space = UInt8(ascii: " ")
    private static let underscore = UInt8(ascii: "_")

    /// The index key of a word: lower-cased, spaces as underscores; nil for an empty or
    /// implausibly long word, which no index line can match.
    private static func key(for word: String) -> [UInt8]? {
        let key = word.lowercased().utf8.map { $0 == space ? underscore : $0 }
        guard !key.isEmpty, key.count <= 256 else { return nil }
        return key
    }

    /// A lemma as citebot shows and matches it: underscores as spaces, lower-cased.
    private static func displayForm(_ lemma: some Collection<UInt8>) -> String {
        // Lemmas are nearly all ASCII, lower-cased here byte by byte; only the rare other
        // one goes through Unicode's lower-casing (which would cost the most by far).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lemma.count)
        var isASCII = true
        for byte in lemma {
            switch byte {
            case underscore: bytes.append(space)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
            default:
                if byte >= 0x80 { isASCII = false }
                bytes.append(byte)
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return isASCII ? text : text.lowercased()
    }

    /// An adjective without the syntactic marker data.adj may append, as in "galore(ip)".
    private static func droppingMarker(_ word: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard word.last == UInt8(ascii: ")"), let open = word.firstIndex(of: UInt8(ascii: "(")) else { return word }
        return word[word.startIndex..<open]
    }

    /// The synset offsets of an index line, in sense order; empty if the line is malformed.
    ///
    /// Fields: lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt
    /// synset_offset… (see `wndb(5WN)`).
    private static func synsetOffsets(inIndexLine line: [UInt8]) -> [Int] {
        let fields = line.split(separator: space)
        guard fields.count >= 4, let synsetCount = decimal(fields[2]), let pointerCount = decimal(fields[3]),
              pointerCount <= fields.count, synsetCount <= fields.count
        else { return [] }
        let first = 4 + pointerCount + 2
        guard first + synsetCount <= fields.count else { return [] }
        var offsets: [Int] = []
        for field in fields[first..<(first + synsetCount)] {
            guard let offset = decimal(field) else { return [] }
            offsets.append(offset)
        }
        return offsets
    }

    /// The tagged sense count of an index line (its `tagsense_cnt`); 0 if the line is malformed.
    private static func taggedSenseCount(inIndexLine line: [UInt8]) -> Int {
        let fields = line.split(separator: space)
        guard fields.count >= 4, let pointerCount = decimal(fields[3]), 4 + pointerCount + 1 < fields.count else { return 0 }
        return decimal(fields[4 + pointerCount + 1]) ?? 0
    }

    /// A non-negative decimal integer of at most 18 digits (so it cannot overflow).
    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// A hexadecimal integer of one to four digits, as in a data line's `w_cnt`.
    private static func hexadecimal(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        var value = 0
        for digit in digits {
            let nibble: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = digit - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value * 16 + Int(nibble)
        }
        return value
    }
}
