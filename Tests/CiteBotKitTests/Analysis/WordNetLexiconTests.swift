import Foundation
import Testing
@testable import CiteBotKit

@Suite struct WordNetLexiconFixtureTests {
    @Test func missingDirectoryGivesNil() {
        #expect(WordNetLexicon(directory: "/nonexistent/citebot-wordnet") == nil)
    }

    @Test func directoryWithoutDatabaseFilesGivesNil() throws {
        let fixtures = URL(fileURLWithPath: try Fixtures.wordNetDirectory()).deletingLastPathComponent().path
        #expect(WordNetLexicon(directory: fixtures) == nil)
    }

    @Test func tellsWordsListedOnlyAsAdverbs() throws {
        let lexicon = try Fixtures.wordNet()
        #expect(lexicon.isOnlyAdverb("well"))  // index.adv only
        #expect(!lexicon.isOnlyAdverb("good"))  // index.adj and index.adv
        #expect(!lexicon.isOnlyAdverb("mouse"))
        #expect(!lexicon.isOnlyAdverb("qwxz"))  // not a word at all
    }

    @Test(arguments: [
        ("large", true),  // index.adj
        ("go on", true),  // a collocation in index.verb
        ("mice", true),  // noun.exc
        ("Bigger", true),  // adj.exc, lower-cased first
        ("larger", false),  // known only as large + "er"
        ("biger", false),  // known only as big + "er", a misspelling Morphy accepts
        ("qwxz", false),
        ("", false),
    ])
    func tellsWordsListedAsSpelledFromOnesKnownByRule(_ word: String, _ listed: Bool) throws {
        #expect(try Fixtures.wordNet().listsAsSpelled(word) == listed)
    }

    @Test(arguments: [
        ("filer", true),  // listed, no sense tagged
        ("filers", true),  // by rule, of "filer"
        ("cost", false),  // a tagged sense
        ("mice", false),  // of "mouse", tagged
        ("qwxz", false),  // not listed at all: unknown, not rare
    ])
    func tellsRareWords(_ word: String, _ rare: Bool) throws {
        #expect(try Fixtures.wordNet().isRare(word) == rare)
    }

    @Test func acceptsADirectoryWithATrailingSlash() throws {
        let lexicon = try #require(WordNetLexicon(directory: try Fixtures.wordNetDirectory() + "/"))
        #expect(lexicon.contains("mouse"))
    }

    @Test(arguments: [
        ("mice", ["mouse"]),  // noun.exc
        ("running", ["run"]),  // verb.exc
        ("bigger", ["big"]),  // adj.exc
        ("better", ["good", "well"]),  // adj.exc, then adv.exc
        ("axes", ["axe", "axis"]),  // one form on two exception lines
        ("churches", ["church"]),  // noun ches → ch
        ("firemen", ["fireman"]),  // noun men → man
        ("boxes", ["box"]),  // noun xes → x
        ("wrinkles", ["wrinkle"]),  // noun and verb s → "", listed once
        ("invented", ["invent"]),  // verb ed → ""
        ("used", ["use"]),  // verb ed → e
        ("hoping", ["hope"]),  // verb ing → e
        ("larger", ["large"]),  // adjective er → e
        ("use", ["use"]),  // a base form is its own
        ("go on", ["go on"]),  // collocation, spaces for underscores
        ("Mice", ["mouse"]),  // lower-cased first
    ])
    func findsBaseForms(_ word: String, _ expected: [String]) throws {
        #expect(try Fixtures.wordNet().baseForms(of: word) == expected)
    }

    @Test(arguments: ["mouse", "mice", "invented", "wrinkles", "better", "go on", "lifespan", "kirk"])
    func containsWordsAndTheirInflections(_ word: String) throws {
        #expect(try Fixtures.wordNet().contains(word))
    }

    @Test(arguments: ["botx", "wrinkels", "", "mouses s", "bos", "is", "bed"])
    func rejectsNonWords(_ word: String) throws {
        let lexicon = try Fixtures.wordNet()
        #expect(!lexicon.contains(word))
        #expect(lexicon.baseForms(of: word).isEmpty)
        #expect(lexicon.synonyms(of: word).isEmpty)
    }

    @Test func synonymsFollowSenseRankAcrossPartsOfSpeech() throws {
        let lexicon = try Fixtures.wordNet()
        // First senses: the noun "use", then the verb "use"; the verb's second sense adds
        // only "expend", as it repeats "utilize".
        #expect(lexicon.synonyms(of: "use", senses: 1) == ["usage", "utilization", "utilize", "utilise", "apply", "employ"])
        #expect(lexicon.synonyms(of: "use") == ["usage", "utilization", "utilize", "utilise", "apply", "employ", "expend"])
    }

    @Test func synonymsOfAnInflectedFormComeFromItsBaseForms() throws {
        let lexicon = try Fixtures.wordNet()
        #expect(lexicon.synonyms(of: "used") == ["utilize", "utilise", "apply", "employ", "expend"])
        #expect(lexicon.synonyms(of: "mice") == ["computer mouse"])
        #expect(lexicon.synonyms(of: "lifespan") == ["lifetime", "life"])
    }

    @Test func synonymsAreLowerCasedWithSpacesAndNoAdjectiveMarkers() throws {
        let lexicon = try Fixtures.wordNet()
        #expect(lexicon.synonyms(of: "churches") == ["church building", "kirk"])
        #expect(lexicon.synonyms(of: "big") == ["large"])
        #expect(lexicon.synonyms(of: "continue") == ["go on", "proceed"])
        #expect(lexicon.synonyms(of: "go on") == ["continue", "proceed"])
    }

    @Test func synonymsLeaveOutTheWordAndEveryBaseForm() throws {
        // "better" has base forms "good" (adjective) and "well" (adverb), which share a
        // synset in the adverb file.
        #expect(try Fixtures.wordNet().synonyms(of: "better") == ["full"])
    }

    @Test func senseLimitBelowOneGivesNothing() throws {
        let lexicon = try Fixtures.wordNet()
        #expect(lexicon.synonyms(of: "use", senses: 0).isEmpty)
        #expect(lexicon.synonyms(of: "use", senses: -3).isEmpty)
        #expect(lexicon.synonyms(of: "use", senses: Int.max) == lexicon.synonyms(of: "use"))
    }

    @Test func answersAreStableUnderConcurrentUse() async throws {
        let lexicon = try Fixtures.wordNet()
        let words = ["use", "used", "mice", "better", "churches", "botx", "go on", "wrinkles"]
        let expected = words.map { lexicon.synonyms(of: $0) }
        let fresh = try Fixtures.wordNet()
        let results = await withTaskGroup(of: (Int, [String]).self) { group in
            for round in 0..<64 {
                let position = round % words.count
                group.addTask { (position, fresh.synonyms(of: words[position])) }
            }
            var results: [(Int, [String])] = []
            for await result in group { results.append(result) }
            return results
        }
        for (position, synonyms) in results {
            #expect(synonyms == expected[position], "word \(words[position])")
        }
    }
}

@Suite struct WordNetLexiconMalformedTests {
    /// `Fixtures/WordNet/Malformed/`: index lines that are truncated, non-numeric, point
    /// outside data.noun or into the middle of a line, data lines whose offset or word
    /// count is wrong, files without a final newline, binary junk and empty files.
    private func lexicon() throws -> WordNetLexicon {
        try #require(WordNetLexicon(directory: try Fixtures.wordNetDirectory("Malformed")))
    }

    @Test func validEntriesStillWork() throws {
        let lexicon = try lexicon()
        #expect(lexicon.synonyms(of: "valid") == ["sound"])
        // Both the last index line and the last data line lack a newline.
        #expect(lexicon.synonyms(of: "last line") == ["final line"])
        #expect(lexicon.synonyms(of: "valid") == ["sound"])
    }

    @Test(arguments: ["broken", "garbage", "nonnumeric", "hugepointers", "outside", "midline", "toomany", "mismatch", "badcount"])
    func malformedEntriesAreWordsWithoutSynonyms(_ word: String) throws {
        let lexicon = try lexicon()
        #expect(lexicon.contains(word))
        #expect(lexicon.synonyms(of: word, senses: 5).isEmpty)
    }

    @Test(arguments: ["zigzag", "a", "z", "\u{0}", "ÿ", "mice"])
    func junkAndEmptyFilesGiveNoSynonyms(_ word: String) throws {
        #expect(try lexicon().synonyms(of: word).isEmpty)
    }
}

@Suite struct WordNetFileTests {
    private func file(_ text: String) -> WordNetFile {
        WordNetFile(bytes: Data(text.utf8))
    }

    private func lines(_ file: WordNetFile, _ key: String) -> [String] {
        file.lines(withKey: Array(key.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    private let sorted = """
          1 licence header, starts with two spaces
          2 more header
        a first
        axe one
        axes axe
        axes axis
        use n 1
        use_up v 1
        used a 1
        zoo last
        """

    @Test(arguments: [
        ("a", ["a first"]), ("axe", ["axe one"]), ("axes", ["axes axe", "axes axis"]), ("use", ["use n 1"]),
        ("use_up", ["use_up v 1"]), ("used", ["used a 1"]), ("zoo", ["zoo last"]),
        ("", []), ("1", []), ("b", []), ("us", []), ("zoom", []), ("zz", []), ("~", []),
    ])
    func findsEveryLineWithAKey(_ key: String, _ expected: [String]) {
        #expect(lines(file(sorted), key) == expected)
    }

    @Test func emptyFileHasNoLines() {
        #expect(lines(file(""), "a").isEmpty)
        #expect(file("").line(at: 0) == nil)
    }

    @Test func readsLinesOnlyAtLineStarts() {
        let data = file("ab cd\nef\n")
        #expect(data.line(at: 0) == Array("ab cd".utf8))
        #expect(data.line(at: 6) == Array("ef".utf8))
        #expect(data.line(at: 2) == nil)
        #expect(data.line(at: 9) == nil)
        #expect(data.line(at: -1) == nil)
        #expect(data.line(at: Int.max) == nil)
    }

    @Test func searchAgreesWithALinearScanOnRandomSortedFiles() {
        for seed: UInt64 in 1...40 {
            var generator = SeededGenerator(seed: seed)
            let alphabet = Array("abc_".utf8)
            var keys: [[UInt8]] = []
            for _ in 0..<Int(generator.next() % 60) {
                let length = 1 + Int(generator.next() % 4)
                keys.append((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            }
            keys.sort { $0.lexicographicallyPrecedes($1) }
            let text = "  1 header\n" + keys.enumerated().map { "\(String(decoding: $1, as: UTF8.self)) \($0)" }
                .joined(separator: "\n")
            let data = file(text)
            for probe in keys + [Array("ab".utf8), Array("c".utf8), Array("bb_".utf8)] {
                let expected = keys.enumerated().filter { $0.element == probe }
                    .map { "\(String(decoding: $0.element, as: UTF8.self)) \($0.offset)" }
                let found = data.lines(withKey: probe).map { String(decoding: $0, as: UTF8.self) }
                #expect(found == expected, "seed \(seed), key \(String(decoding: probe, as: UTF8.self))")
            }
        }
    }
}

@Suite struct WordNetPartOfSpeechTests {
    private func forms(_ partOfSpeech: WordNetPartOfSpeech, _ word: String) -> [String] {
        partOfSpeech.detachedForms(of: Array(word.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func appliesRulesInMorphyOrder() {
        #expect(forms(.noun, "churches") == ["churche", "church"])
        #expect(forms(.verb, "hoping") == ["hope", "hop"])
        #expect(forms(.adjective, "largest") == ["larg", "large"])
        #expect(forms(.adverb, "faster").isEmpty)
    }

    @Test func leavesAtLeastTwoLettersOfStem() {
        #expect(forms(.noun, "is").isEmpty)
        #expect(forms(.verb, "bed").isEmpty)
        #expect(forms(.verb, "used") == ["use", "us"])
    }

    @Test func doesNotDetachSFromDoubleS() {
        #expect(forms(.noun, "boss").isEmpty)
        #expect(forms(.verb, "kisses") == ["kisse", "kiss"])
    }
}

@Suite(.enabled(if: WordNetLexicon() != nil, "WordNet is not installed (apt install wordnet-base)"))
struct WordNetLexiconInstalledTests {
    private func lexicon() throws -> WordNetLexicon {
        try #require(WordNetLexicon())
    }

    @Test(arguments: ["cost", "invented", "wrinkles", "mice", "better", "lifespan", "utilized", "go on"])
    func containsEnglishWords(_ word: String) throws {
        #expect(try lexicon().contains(word))
    }

    @Test(arguments: ["wrinkels", "botx", "injectoins", "qzx"])
    func rejectsMisspellings(_ word: String) throws {
        #expect(try !lexicon().contains(word))
    }

    @Test func reducesInflectedForms() throws {
        let lexicon = try lexicon()
        #expect(lexicon.baseForms(of: "mice") == ["mouse"])
        #expect(lexicon.baseForms(of: "invented") == ["invent"])
        #expect(lexicon.baseForms(of: "better").contains("good"))
    }

    @Test func findsCommonSynonyms() throws {
        let lexicon = try lexicon()
        #expect(lexicon.synonyms(of: "use").contains("utilize"))
        #expect(lexicon.synonyms(of: "used").contains("utilize"))
        #expect(lexicon.synonyms(of: "lifespan").contains("lifetime"))
        #expect(!lexicon.synonyms(of: "use").contains("use"))
    }
}
