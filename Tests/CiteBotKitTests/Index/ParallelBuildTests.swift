import Testing
@testable import CiteBotKit

/// An index built on several threads must be the one a single thread builds.
@Suite struct ParallelBuildTests {
    static func documents(seed: UInt64, count: Int) -> [Document] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { i in
            Document(source: "doc\(i).txt", text: RandomText.document(&generator, paragraphs: 1 + Int(generator.next() % 6)))
        }
    }

    @Test(arguments: [1, 5, 99])
    func parallelEqualsSerial(seed: UInt64) throws {
        let documents = Self.documents(seed: seed, count: 37)
        let serial = try IndexBuilder(analyzer: Fixtures.analyzer, workers: 1).buildWithSegments(documents)
        for workers in [2, 3, 8] {
            let parallel = try IndexBuilder(analyzer: Fixtures.analyzer, workers: workers).buildWithSegments(documents)
            #expect(IndexComparison.differences(serial.index, parallel.index).isEmpty, "seed \(seed), \(workers) workers")
            #expect(serial.segments == parallel.segments, "seed \(seed), \(workers) workers")
        }
    }

    @Test func termsAreNumberedInOrderOfFirstOccurrence() throws {
        let index = try Fixtures.index(["Cats chase mice.", "Dogs chase cats. Birds sing."])
        #expect(index.vocabulary.terms == ["cat", "chase", "mice", "dog", "bird", "sing"])
    }
}

/// Field-by-field comparison of two indexes, naming what differs.
enum IndexComparison {
    static func differences(_ a: CorpusIndex, _ b: CorpusIndex) -> [String] {
        var result: [String] = []
        if a.documents != b.documents { result.append("documents") }
        if a.sentences != b.sentences { result.append("sentences") }
        if a.paragraphs != b.paragraphs { result.append("paragraphs") }
        if a.passages != b.passages { result.append("passages") }
        if a.passageOfSentence != b.passageOfSentence { result.append("passageOfSentence") }
        if a.paragraphOfSentence != b.paragraphOfSentence { result.append("paragraphOfSentence") }
        if a.vocabulary != b.vocabulary { result.append("vocabulary") }
        if a.sentenceVectors != b.sentenceVectors { result.append("sentenceVectors") }
        if a.passagePostings != b.passagePostings { result.append("passagePostings") }
        if a.sentenceIDF != b.sentenceIDF { result.append("sentenceIDF") }
        if a.passageIDF != b.passageIDF { result.append("passageIDF") }
        if a.sentenceFrequency != b.sentenceFrequency { result.append("sentenceFrequency") }
        if a.options != b.options { result.append("options") }
        return result
    }
}

@Suite struct Checksum64Tests {
    @Test func anySplitGivesTheSameChecksum() {
        var generator = SeededGenerator(seed: 11)
        let bytes = (0..<1000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let whole = bytes.withUnsafeBytes { Checksum64.of($0) }
        for split in [0, 1, 7, 31, 32, 33, 500, 999, 1000] {
            var checksum = Checksum64()
            bytes.withUnsafeBytes { all in
                checksum.update(UnsafeRawBufferPointer(rebasing: all[0..<split]))
                checksum.update(UnsafeRawBufferPointer(rebasing: all[split...]))
            }
            #expect(checksum.finish() == whole, "split at \(split)")
        }
    }

    @Test func everySingleByteChangeIsDetected() {
        let bytes = [UInt8](repeating: 7, count: 100)
        let original = bytes.withUnsafeBytes { Checksum64.of($0) }
        for i in bytes.indices {
            var changed = bytes
            changed[i] ^= 1
            #expect(changed.withUnsafeBytes { Checksum64.of($0) } != original, "byte \(i)")
        }
    }
}
