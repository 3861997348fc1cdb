import Synchronization

/// A word reduced to the term it is indexed and matched under.
public struct AnalyzedTerm: Sendable, Hashable {
    /// The Snowball stem of the word; the unit of indexing and matching.
    public var term: String
    /// The word as it appeared, lower-cased and folded (see ``WordToken/surface``).
    public var surface: String
    /// UTF-8 byte offsets of the word in the analyzed text.
    public var range: Range<Int>
}

/// Turns text into index terms: tokenize, drop stop words, stem.
///
/// Questions and documents go through the same analyzer, so "contains" in a
/// question matches "contain" in the text. Stems are memoised because a corpus
/// repeats a small vocabulary many times.
public final class Analyzer: Sendable {
    public let tokenizer: Tokenizer
    public let stopWords: Set<String>
    private let stemmer: SnowballStemmer
    private let cache = Mutex<[String: String]>([:])
    /// Per word seen by ``terms(of:)``: its stem, or nil for a stop word (one lookup, not two).
    private let termCache = Mutex<[String: String?]>([:])

    /// Fails only if libstemmer has no English stemmer.
    public init?(tokenizer: Tokenizer = Tokenizer(), stopWords: Set<String> = StopWords.english) {
        guard let stemmer = SnowballStemmer() else { return nil }
        self.tokenizer = tokenizer
        self.stopWords = stopWords
        self.stemmer = stemmer
    }

    /// The index terms of `text`, in order, stop words removed.
    ///
    /// - Complexity: O(n) in the text's length.
    public func terms<S: StringProtocol>(in text: S) -> [AnalyzedTerm] {
        terms(of: tokenizer.words(in: text))
    }

    /// The index terms among words already tokenized (so a caller that needs both the
    /// words and the terms tokenizes once).
    ///
    /// - Complexity: O(words); one lock and one hash lookup per word once each word was seen.
    public func terms(of words: [WordToken]) -> [AnalyzedTerm] {
        var result: [AnalyzedTerm] = []
        result.reserveCapacity(words.count)
        termCache.withLock { cache in
            for word in words {
                let term: String?
                if let known = cache[word.surface] {
                    term = known
                } else {
                    term = stopWords.contains(word.surface) ? nil : stemmer.stem(word.surface)
                    cache[word.surface] = .some(term)
                }
                if let term { result.append(AnalyzedTerm(term: term, surface: word.surface, range: word.range)) }
            }
        }
        return result
    }

    /// The stem of one lower-cased word.
    public func stem(_ surface: String) -> String {
        if let cached = cache.withLock({ $0[surface] }) { return cached }
        let stemmed = stemmer.stem(surface)
        cache.withLock { $0[surface] = stemmed }
        return stemmed
    }
}
