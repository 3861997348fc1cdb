import Foundation
import Synchronization
import Testing
@testable import CiteBotKit

/// A watched condition that holds from its `after`-th question on (1-based), counting every
/// question: a deterministic stand-in for a Ctrl-C arriving part-way through the work.
final class CancelAfterChecks: Sendable {
    let after: Int
    private let asked = Atomic<Int>(0)

    init(after: Int) {
        self.after = after
    }

    var checks: Int { asked.load(ordering: .relaxed) }

    func token() -> CancellationToken {
        CancellationToken(watching: { self.asked.wrappingAdd(1, ordering: .relaxed).newValue >= self.after })
    }
}

@Suite struct CancellationTokenTests {
    static func cancelled() -> CancellationToken {
        let token = CancellationToken()
        token.cancel()
        return token
    }

    @Test func startsUncancelledAndStaysCancelledOnceCancelled() {
        let token = CancellationToken()
        #expect(!token.isCancelled)
        #expect(throws: Never.self) { try token.checkCancellation() }
        token.cancel()
        #expect(token.isCancelled)
        #expect(token.isCancelled)
        #expect(throws: CancellationError.self) { try token.checkCancellation() }
    }

    @Test func aWatchedConditionCancelsAndIsRemembered() {
        let flag = Flag()
        let token = CancellationToken(watching: { flag.value.load(ordering: .relaxed) })
        #expect(!token.isCancelled)
        flag.value.store(true, ordering: .relaxed)
        #expect(token.isCancelled)
        // The condition going away again (a signal flag taken by someone else) changes nothing.
        flag.value.store(false, ordering: .relaxed)
        #expect(token.isCancelled)
    }

    final class Flag: Sendable {
        let value = Atomic<Bool>(false)
    }
}

/// Indexing stops and throws when its token is cancelled, and is unchanged when it is not.
@Suite struct IndexCancellationTests {
    static func documents(count: Int) -> [Document] {
        ParallelBuildTests.documents(seed: 17, count: count)
    }

    @Test(arguments: [1, 3])
    func aCancelledTokenStopsIndexBuilding(workers: Int) {
        let builder = IndexBuilder(analyzer: Fixtures.analyzer, workers: workers)
        #expect(throws: CancellationError.self) {
            try builder.build(Self.documents(count: 12), cancellation: CancellationTokenTests.cancelled())
        }
    }

    @Test func cancellingPartWayStopsBeforeTheRemainingDocuments() throws {
        let documents = Self.documents(count: 40)
        let seen = Mutex(0)
        let condition = CancelAfterChecks(after: 5)
        #expect(throws: CancellationError.self) {
            try IndexBuilder(analyzer: Fixtures.analyzer, workers: 1).build(
                documents, progress: { progress in seen.withLock { $0 = progress.files } },
                cancellation: condition.token())
        }
        // Checked before each document: the fifth check stops the fifth document.
        #expect(seen.withLock { $0 } == 4)
    }

    @Test func anUncancelledTokenChangesNothing() throws {
        let documents = Self.documents(count: 25)
        let plain = try IndexBuilder(analyzer: Fixtures.analyzer, workers: 2).build(documents)
        let token = CancellationToken()
        let watched = try IndexBuilder(analyzer: Fixtures.analyzer, workers: 2).build(documents, cancellation: token)
        #expect(IndexComparison.differences(plain, watched).isEmpty)
        #expect(!token.isCancelled)
    }

    @Test func aCancelledBuildWritesNothingToTheCache() throws {
        let directory = try IndexFileTests.corpus(IndexFileTests.files)
        let cache = directory.appendingPathComponent("cache")
        #expect(throws: CancellationError.self) {
            try IndexFileTests.store.cached(paths: [directory.path], directory: cache.path,
                                            cancellation: CancellationTokenTests.cancelled())
        }
        let written = (try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []
        #expect(written.isEmpty)
    }

    @Test func aCancelledUpdateKeepsTheCachedIndexAsItWas() throws {
        let directory = try IndexFileTests.corpus(IndexFileTests.files)
        let cache = directory.appendingPathComponent("cache")
        _ = try IndexFileTests.store.cached(paths: [directory.path], directory: cache.path)
        let path = IndexFileTests.store.cachePath(paths: [directory.path], names: nil, directory: cache.path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try "A changed file about kettles.".write(
            to: directory.appendingPathComponent("a.txt"), atomically: false, encoding: .utf8)
        #expect(throws: CancellationError.self) {
            try IndexFileTests.store.cached(paths: [directory.path], directory: cache.path,
                                            cancellation: CancellationTokenTests.cancelled())
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 1)
    }
}

/// Answering stops and throws when its token is cancelled, and is unchanged when it is not.
@Suite struct AnswerCancellationTests {
    static let questions = [
        "Why does limescale build up?", "How long does an electric kettle take to boil water?",
        "What is the capital of France?", "how does a stovetop kettle whistle",
    ]

    func answerer() throws -> Answerer {
        Answerer(index: try Fixtures.index([AnswererTests.corpus]), analyzer: Fixtures.analyzer)
    }

    @Test func aCancelledTokenMakesAnswerThrow() throws {
        let answerer = try answerer()
        for question in Self.questions {
            #expect(throws: CancellationError.self, "\(question)") {
                try answerer.answer(question, cancellation: CancellationTokenTests.cancelled())
            }
        }
    }

    @Test func cancellingDuringTheWorkThrowsRatherThanAnsweringFromPartialResults() throws {
        let answerer = try answerer()
        // The first check passes; one of the checks inside retrieval and ranking cancels.
        let condition = CancelAfterChecks(after: 2)
        #expect(throws: CancellationError.self) {
            try answerer.answer(Self.questions[0], cancellation: condition.token())
        }
        #expect(condition.checks >= 2)
    }

    @Test func anUncancelledTokenChangesNothing() throws {
        let answerer = try answerer()
        for question in Self.questions {
            let token = CancellationToken()
            #expect(try answerer.answer(question, cancellation: token) == answerer.answer(question), "\(question)")
        }
    }

    @Test func retrievalStopsWalkingPostingsOnceCancelled() throws {
        // One term in 5,000 passages (copies, kept apart here): the check every 4,096 postings
        // ends the walk early.
        let index = try Fixtures.index([Array(repeating: "Cats sleep.", count: 5_000).joined(separator: "\n\n")])
        let cat = try #require(index.vocabulary.id(of: "cat"))
        let retriever = PassageRetriever(index: index)
        #expect(retriever.top([(cat, 1)], limit: 10_000, collapsingCopies: false, cancellation: CancellationToken()).count == 5_000)
        let partial = retriever.top([(cat, 1)], limit: 10_000, collapsingCopies: false, cancellation: CancelAfterChecks(after: 2).token())
        #expect(partial.count < 5_000)
        #expect(retriever.top([(cat, 1)], limit: 10_000, collapsingCopies: false, cancellation: CancellationTokenTests.cancelled()).isEmpty)
    }
}
