/// Resolves a question's terms against an index, correcting misspellings and adding
/// synonyms the corpus uses.
///
/// A question word the corpus never uses is compared with the corpus's own words;
/// when one is within a small edit distance (1 for words of 4–7 letters, 2 from 8
/// letters on) the most frequent such word replaces it; a stem the corpus uses only
/// inflected counts as such a word ("wrok" → "works"). Words the corpus knows are
/// never changed, words under 4 letters are never corrected, and neither are real
/// English words when a lexicon is available ("cost" is not a typo of "lost"), except
/// a word that only looks real: one the lexicon knows only by its rules of detachment
/// and that shares a base form with a near corpus word is that word misspelt ("biger",
/// read as "big" + "er", is "bigger").
///
/// With a lexicon, each word's synonyms (its first WordNet senses) that occur in the
/// corpus are added as alternatives: "used" also matches "utilized"; so are the irregular
/// inflections of its base form, which the stemmer cannot join: "feed" also matches "fed".
public struct QueryBuilder: Sendable {
    public let index: CorpusIndex
    public let analyzer: Analyzer
    public let lexicon: WordNetLexicon?
    /// Whether a question word the corpus lacks that the lexicon lists only as a rare word
    /// (``WordNetLexicon/isRare(_:)``) is corrected as an unknown word would be: "filers"
    /// to "filters".
    public var correctsRareWords: Bool = true
    /// Whether unknown words are corrected to near corpus words.
    public var correctsTypos: Bool
    /// Whether a typo may also be corrected to a stem the corpus only uses inflected
    /// ("wrok" to the term of "works"), not only to a word as the corpus spells it.
    public var correctsToStems: Bool
    /// How many senses of a word contribute synonyms (0 turns expansion off).
    public var synonymSenses: Int
    /// Whether question words that the corpus lacks and the lexicon lists only as adverbs
    /// are left out of the query.
    public var dropsUnknownAdverbs: Bool
    /// Whether a real English word the corpus lacks is still corrected to a corpus word
    /// within the correction distance that shares one of its base forms, when the lexicon
    /// knows the word only through its rules of detachment: it takes a misspelt
    /// inflection ("biger") for a regular one of the same word, which the corpus
    /// spells its own way ("bigger"). A word the lexicon lists as
    /// spelled ("large") is kept even beside another form of it ("larger").
    public var correctsToSameBaseForm: Bool
    /// Whether a question word the corpus lacks is read as a base form the lexicon's
    /// exception lists give for it when the corpus uses that one: irregular inflections do not stem alike, so
    /// "swam" would miss "swimming" and "mice" "mouse", while "swim" and "mouse" stem as the
    /// corpus words do.
    public var resolvesBaseForms = true
    /// Whether a question word the corpus lacks is read as its adverb or adjective when the
    /// corpus uses that one and the stemmer keeps the two apart, "temporary" as
    /// "temporarily" (see ``adverbPairInCorpus(of:)``).
    public var readsAdverbPairs = true
    /// Whether a comparative or superlative the corpus lacks is read as the other degree when
    /// the corpus uses that one, "cheaper" as "cheapest" (see ``degreePairInCorpus(of:)``).
    public var readsDegreePairs = true
    /// Whether a question word also matches the irregular inflections of its base form that
    /// the corpus uses, "feed" matching "fed" (see ``irregularInflections(of:except:)``).
    public var readsIrregularInflections = true

    public init(
        index: CorpusIndex, analyzer: Analyzer, lexicon: WordNetLexicon? = nil,
        correctsTypos: Bool = true, synonymSenses: Int = 3, correctsToStems: Bool = true,
        dropsUnknownAdverbs: Bool = true, correctsToSameBaseForm: Bool = true
    ) {
        self.correctsToSameBaseForm = correctsToSameBaseForm
        self.dropsUnknownAdverbs = dropsUnknownAdverbs
        self.correctsToStems = correctsToStems
        self.index = index
        self.analyzer = analyzer
        self.lexicon = lexicon
        self.correctsTypos = correctsTypos
        self.synonymSenses = synonymSenses
    }

    /// The query for a list of analysed question terms.
    public func query(for terms: [AnalyzedTerm]) -> Query {
        let unknownIDF = TfIdfWeighting.idf(documentFrequency: 0, unitCount: index.sentences.count)
        var result: [QueryTerm] = []
        var seen = Set<String>()
        for term in terms {
            var resolved = QueryTerm(surface: term.surface, term: term.term, id: index.vocabulary.id(of: term.term),
                                     weight: unknownIDF)
            if resolved.id == nil, let (form, id) = reading(ofUnknown: term.surface) {
                resolved.correction = form
                resolved.term = index.vocabulary.terms[Int(id)]
                resolved.id = id
            }
            // An adverb the corpus never uses ("actually", "usually") only says how the
            // question is put; counted at the largest idf it would sink the confidence.
            if resolved.id == nil, dropsUnknownAdverbs, lexicon?.isOnlyAdverb(term.surface) ?? false { continue }
            if let id = resolved.id { resolved.weight = Double(index.sentenceIDF[Int(id)]) }
            // A repeated word says nothing new about the topic.
            guard seen.insert(resolved.term).inserted else { continue }
            let word = resolved.correction ?? term.surface
            (resolved.synonyms, resolved.synonymWords) = synonyms(of: word, except: resolved.id)
            if readsIrregularInflections {
                for (id, word) in irregularInflections(of: word, except: resolved.id)
                where !resolved.synonyms.contains(id) {
                    resolved.synonyms.append(id)
                    resolved.synonymWords.append(word)
                }
            }
            result.append(resolved)
        }
        return Query(terms: result)
    }

    /// The corpus word an unknown question word is read as, by the first of these that finds
    /// one (each as its switch allows): a typo's correction, an irregular form's base form, the
    /// other degree of a comparative or superlative, the other form of an adjective in "-y"
    /// and its adverb in "-ily"; nil to keep the word unknown.
    func reading(ofUnknown surface: String) -> (String, Int32)? {
        if correctsTypos, let fix = correction(ofUnknown: surface) { return (fix.surface, fix.id) }
        if resolvesBaseForms, let found = baseFormInCorpus(of: surface) { return found }
        if readsDegreePairs, let found = degreePairInCorpus(of: surface) { return found }
        if readsAdverbPairs, let found = adverbPairInCorpus(of: surface) { return found }
        return nil
    }

    /// The first base form the lexicon's exception lists give for `surface`
    /// (``WordNetLexicon/irregularBaseForms(of:)``) whose stem the corpus uses, with that
    /// term's id. Regular inflections already stem alike, and reading a misspelling such as
    /// "heavyer" by the rules of detachment would turn a typo into a confident match.
    func baseFormInCorpus(of surface: String) -> (String, Int32)? {
        guard let lexicon else { return nil }
        for base in lexicon.irregularBaseForms(of: surface) where base != surface && !base.utf8.contains(UInt8(ascii: " ")) {
            if let id = index.vocabulary.id(of: analyzer.stem(base)) { return (base, id) }
        }
        return nil
    }

    /// The adverb of an adjective in "-y", or the adjective of an adverb in "-ily", that the
    /// corpus uses in its place: the stemmer keeps "temporary" and "temporarily", "happy"
    /// and "happily" apart (it already joins "dangerous" and "dangerously", "basic" and
    /// "basically"). Only words of five letters or more, so "ear" is never "early".
    ///
    /// - Complexity: O(1): one vocabulary lookup.
    func adverbPairInCorpus(of surface: String) -> (String, Int32)? {
        guard surface.unicodeScalars.count >= 5, surface.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        var forms: [String] = []
        if surface.hasSuffix("ily") {
            forms.append(String(surface.dropLast(3)) + "y")  // temporarily → temporary
        } else if surface.hasSuffix("y"), let before = surface.dropLast().last, !"aeiou".contains(before) {
            forms.append(String(surface.dropLast()) + "ily")
        }
        for form in forms {
            if let id = index.vocabulary.id(of: analyzer.stem(form)) { return (form, id) }
        }
        return nil
    }

    /// The superlative of a comparative, or the comparative of a superlative, that the corpus
    /// uses in its place: the stemmer keeps "cheaper" and "cheapest" apart, so "Is running
    /// cheaper …?" would miss "Running is one of the cheapest sports". With the lexicon the
    /// word must be a regular inflection it reads by rule ("water" and "interest" are listed
    /// as they are spelled, so they are left alone).
    ///
    /// - Complexity: O(1): a vocabulary lookup and a few lexicon lookups.
    func degreePairInCorpus(of surface: String) -> (String, Int32)? {
        guard surface.unicodeScalars.count >= 5, surface.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        let form: String
        if surface.hasSuffix("est") {
            form = String(surface.dropLast(3)) + "er"  // cheapest → cheaper, biggest → bigger
        } else if surface.hasSuffix("er") {
            form = String(surface.dropLast(2)) + "est"
        } else {
            return nil
        }
        if let lexicon, lexicon.listsAsSpelled(surface) || lexicon.baseForms(of: surface).isEmpty { return nil }
        return index.vocabulary.id(of: analyzer.stem(form)).map { (form, $0) }
    }

    /// Corpus terms of the irregular inflections of `word`'s base forms ("fed" for "feed" or
    /// "feeding"), with the words that produced them: the stemmer cannot join them. Only
    /// for a word the corpus uses (`own`) or the lexicon lists as spelled.
    func irregularInflections(of word: String, except own: Int32?) -> [(Int32, String)] {
        // A misspelling that only looks inflected ("easyer", as "easy" + "er") has no base form.
        guard let lexicon, own != nil || lexicon.listsAsSpelled(word) else { return [] }
        var found: [(Int32, String)] = []
        for base in [word] + lexicon.baseForms(of: word) {
            for form in lexicon.irregularInflections(of: base) {
                guard let id = index.vocabulary.id(of: analyzer.stem(form)), id != own,
                      !found.contains(where: { $0.0 == id }) else { continue }
                found.append((id, form))
            }
        }
        return found
    }

    /// Corpus terms that the lexicon gives as synonyms of `word`, with the words that produced them.
    ///
    /// - Complexity: a few lexicon lookups per word (cached by the lexicon).
    func synonyms(of word: String, except own: Int32?) -> ([Int32], [String]) {
        guard let lexicon, synonymSenses > 0 else { return ([], []) }
        var ids: [Int32] = []
        var words: [String] = []
        // A lemma of several words (joined by spaces) is more than one term. Its bytes are
        // tested, not its Characters: Foundation's substring search costs more than the rest of
        // the lookup, and WordNet's lemmas are ASCII.
        for synonym in lexicon.synonyms(of: word, senses: synonymSenses) where !synonym.utf8.contains(UInt8(ascii: " ")) {
            guard !analyzer.stopWords.contains(synonym),
                  let id = index.vocabulary.id(of: analyzer.stem(synonym)), id != own, !ids.contains(id)
            else { continue }
            ids.append(id)
            words.append(synonym)
        }
        return (ids, words)
    }

    /// The correction of a question word the corpus lacks, or nil to keep it: the closest
    /// corpus word (``correction(for:)``), unless the lexicon knows the word, which is then
    /// corrected only as ``correctsToSameBaseForm`` says, choosing among its candidates by
    /// the same rule.
    ///
    /// - Complexity: as ``correction(for:)``, plus a few lexicon lookups per candidate
    ///   for a word the lexicon lists.
    func correction(ofUnknown surface: String) -> (surface: String, id: Int32)? {
        guard let lexicon, lexicon.contains(surface) else { return correction(for: surface) }
        if correctsRareWords, lexicon.isRare(surface) { return correction(for: surface) }
        // A word listed as spelled ("large") is not misspelt, even when the corpus has
        // another form of it ("larger"); only one recognised by the rules of detachment may be.
        guard correctsToSameBaseForm, !lexicon.listsAsSpelled(surface) else { return nil }
        let candidates = index.corrections.index(for: index.vocabulary)
            .candidates(for: surface, includingStems: correctsToStems)
        guard !candidates.isEmpty else { return nil }
        let own = Set(lexicon.baseForms(of: surface))
        let same = candidates.filter { !own.isDisjoint(with: lexicon.baseForms(of: $0.surface)) }
        return CorrectionIndex.best(of: same).map { ($0.surface, $0.id) }
    }

    /// The corpus word closest to `surface`, if one is close enough: least edit distance,
    /// then most frequent, then alphabetical by the string matched (the word, or with
    /// ``correctsToStems`` a stem the corpus only uses inflected, counted as often as all
    /// its spellings together and shown as its most frequent one).
    ///
    /// - Complexity: sub-linear in the vocabulary, through ``CorrectionIndex`` (built on first use).
    public func correction(for surface: String) -> (surface: String, id: Int32)? {
        index.corrections.index(for: index.vocabulary).correction(for: surface, includingStems: correctsToStems)
    }
}
