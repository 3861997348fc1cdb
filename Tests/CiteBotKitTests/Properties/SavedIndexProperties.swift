import Foundation
import Testing
import PropertyBased
@testable import CiteBotKit

/// A saved index answers exactly as the index it was saved from, whatever the corpus.
@Suite struct SavedIndexProperties {
    static let store = IndexStore(builder: IndexBuilder(analyzer: Fixtures.analyzer), producer: "property tests")

    @Test func saveAndLoadRoundTripsToIdenticalAnswers() async throws {
        let corpora = HostileText.text(pieces: 80).array(of: 1...3)
        let questions = Gen.int(in: 0..<HostileText.words.count).array(of: 1...5).map { indices in
            indices.map { HostileText.words[$0] }.joined(separator: " ")
        }.array(of: 4)
        await propertyCheck(count: 60, input: corpora, questions) { texts, questions in
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("citebot-roundtrip-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (number, text) in texts.enumerated() {
                try Data(text.utf8).write(to: directory.appendingPathComponent("doc\(number + 1).txt"))
            }
            guard let built = try? Self.store.build(paths: [directory.path]) else { return }  // no indexable text
            let path = directory.appendingPathComponent("index.cbx").path
            try Self.store.write(built, to: path)
            let loaded = try Self.store.load(path: path)
            #expect(IndexComparison.differences(built.index, loaded.index).isEmpty)
            let before = Answerer(index: built.index, analyzer: Fixtures.analyzer, options: AnswerOptions(topK: 2, minScore: 0))
            let after = Answerer(index: loaded.index, analyzer: Fixtures.analyzer, options: AnswerOptions(topK: 2, minScore: 0))
            for question in questions {
                #expect(before.answer(question) == after.answer(question), "\(question)")
            }
        }
    }
}
