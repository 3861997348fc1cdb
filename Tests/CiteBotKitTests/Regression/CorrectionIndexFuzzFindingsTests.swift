import Testing
@testable import CiteBotKit

/// Found by the index-loader fuzz target in CI: a saved index may claim any count for a
/// surface word, and building the typo index summed the counts of a stem's spellings
/// with trapping arithmetic, so two huge counts crashed the first question with an
/// unknown word.
@Suite struct CorrectionIndexFuzzFindingsTests {
    @Test(arguments: [Int.max, Int.min])
    func countsFromAFileThatOverflowTheirSumDoNotCrash(extreme: Int) throws {
        var terms = ByteStringTable()
        _ = terms.insert("work")
        var surfaces = ByteStringTable()
        _ = surfaces.insert("works")
        _ = surfaces.insert("worked")
        var vocabulary = Vocabulary()
        vocabulary.load(terms: terms, surfaces: surfaces, surfaceTerms: [0, 0], surfaceCounts: [extreme, extreme])
        let index = CorrectionIndex(vocabulary: vocabulary)
        // "wrok" is a typo of the stem "work", which only the two spellings carry.
        let correction = try #require(index.correction(for: "wrok"))
        #expect(correction.id == 0)
    }
}
