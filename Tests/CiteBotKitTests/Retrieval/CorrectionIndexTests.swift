import Testing
@testable import CiteBotKit

/// The deletion-neighbourhood index must correct exactly as a scan of the vocabulary does.
@Suite struct CorrectionIndexTests {
    static let vocabularyText = """
        Botox injections relax wrinkles. Dermal fillers restore volume. Hyaluronic acid fillers last \
        months. Treatments differ in cost. The muscles relax slowly. Injected toxins weaken muscles. \
        Wrinkles appear with aging. Fillers contain hyaluronic acid. Costs rise yearly. Botulinum toxin.
        """

    /// FNV-1a over the scalars, then their count, as every deletion variant is filed.
    static func variantHash(_ scalars: [Unicode.Scalar]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01B3 }
        hash = (hash ^ UInt64(scalars.count)) &* 0x0000_0100_0000_01B3
        return hash ^ (hash >> 29)
    }

    /// Variants are hashed with shared prefixes; each must still hash as the string it is,
    /// so that a question word and a corpus word reduced to the same string meet.
    @Test(arguments: [0, 1, 2])
    func variantsHashAsTheStringsTheyAre(depth: Int) {
        for word in ["", "a", "ab", "wrinkle", "hyaluronic", "café", "aaaa"] {
            let scalars = Array(word.unicodeScalars)
            var expected = [Self.variantHash(scalars)]
            if depth >= 1 {
                for a in scalars.indices {
                    var one = scalars
                    one.remove(at: a)
                    expected.append(Self.variantHash(one))
                    guard depth >= 2 else { continue }
                    for b in (a + 1)..<scalars.count {
                        var two = scalars
                        two.remove(at: b)
                        two.remove(at: a)
                        expected.append(Self.variantHash(two))
                    }
                }
            }
            var actual: [UInt64] = []
            CorrectionIndex.forEachVariant(of: scalars[...], depth: depth) { actual.append($0) }
            #expect(actual == expected, "\(word), depth \(depth)")
        }
    }

    /// The index is sized from this count before any variant is made; a wrong count would
    /// misplace every word filed after the first word it is wrong for.
    @Test(arguments: [0, 1, 2])
    func variantCountIsHowManyVariantsAreReported(depth: Int) {
        for length in 0...14 {
            let scalars = Array(String(repeating: "x", count: length).unicodeScalars)
            var reported = 0
            CorrectionIndex.forEachVariant(of: scalars[...], depth: depth) { _ in reported += 1 }
            #expect(CorrectionIndex.variantCount(length: length, depth: depth) == reported, "length \(length)")
        }
    }

    @Test(arguments: [1, 17, 123])
    func agreesWithTheScanOnMutatedWords(seed: UInt64) throws {
        let index = try Fixtures.index([Self.vocabularyText])
        let correction = CorrectionIndex(vocabulary: index.vocabulary)
        var generator = SeededGenerator(seed: seed)
        let words = Array(index.vocabulary.surfaces.keys).sorted()
        let letters = Array("abcdefghijklmnopqrstuvwxyzé")
        for round in 0..<400 {
            var word = Array(words[Int(generator.next() % UInt64(words.count))])
            for _ in 0..<(Int(generator.next() % 4)) {
                let position = Int(generator.next() % UInt64(word.count + 1))
                let letter = letters[Int(generator.next() % UInt64(letters.count))]
                switch generator.next() % 4 {
                case 0: word.insert(letter, at: position)
                case 1: if position < word.count { word.remove(at: position) }
                case 2: if position < word.count { word[position] = letter }
                default: if position + 1 < word.count { word.swapAt(position, position + 1) }
                }
            }
            let typed = String(word)
            for stems in [true, false] {
                let expected = ReferenceCorrection.correction(for: typed, in: index.vocabulary, includingStems: stems)
                let actual = correction.correction(for: typed, includingStems: stems)
                #expect(actual?.surface == expected?.surface && actual?.id == expected?.id,
                        "seed \(seed), round \(round), stems \(stems): \(typed)")
            }
        }
    }

    /// Words near which the candidate test types: plural and singular forms, short words
    /// and long ones, so that both correction distances and stems are met.
    static let candidateText = """
        Copper kettles whistle loudly. A kettle costs less than a teapot. Teapots crack when \
        heated. Descaling kettles removes limescale. Costs rise yearly. Whistling kettles annoy.
        """

    @Test(arguments: ["ketles", "cots", "cost", "whistel", "teapts", "descalling", "limscale", "acd", "zzzz"])
    func candidatesAreEveryWordWithinTheDistance(typed: String) throws {
        let index = try Fixtures.index([Self.candidateText])
        let correction = CorrectionIndex(vocabulary: index.vocabulary)
        let letters = Array(typed.unicodeScalars)
        let limit = letters.count >= 8 ? 2 : 1
        let expected = letters.count < 4 ? [] : index.vocabulary.surfaces.keys.filter {
            editDistance(letters, Array($0.unicodeScalars), limit: limit) <= limit
        }.sorted()
        let found = correction.candidates(for: typed, includingStems: false)
        #expect(found.map(\.key).sorted() == expected, "\(typed)")
        for candidate in found {
            #expect(candidate.distance == editDistance(letters, Array(candidate.key.unicodeScalars), limit: limit))
        }
        // The correction is the best of the candidates.
        #expect(correction.correction(for: typed, includingStems: false)?.surface
                == CorrectionIndex.best(of: found)?.surface)
    }

    @Test func correctsThroughTheQueryBuilder() throws {
        let index = try Fixtures.index([Self.vocabularyText])
        let builder = QueryBuilder(index: index, analyzer: Fixtures.analyzer)
        #expect(builder.correction(for: "wrinkels")?.surface == "wrinkles")
        #expect(builder.correction(for: "hyaluronik")?.surface == "hyaluronic")
        #expect(builder.correction(for: "zzzz") == nil)
    }

    @Test func aTypoOfAStemTheCorpusNeverSpellsOutReachesItsInflections() throws {
        // "wrok" is one transposition from the stem "work" but two edits from "works",
        // the only form the corpus uses; the correction is shown as that form.
        let index = try Fixtures.index(["The pump works daily. Valves leak."])
        let work = try #require(index.vocabulary.id(of: "work"))
        let builder = QueryBuilder(index: index, analyzer: Fixtures.analyzer)
        let corrected = try #require(builder.correction(for: "wrok"))
        #expect(corrected.surface == "works" && corrected.id == work)
        var surfacesOnly = builder
        surfacesOnly.correctsToStems = false
        #expect(surfacesOnly.correction(for: "wrok") == nil)
    }
}
