/// Runs test questions through a ``QuestionAnswering`` engine and scores the replies.
///
/// It calls `answer(_:)` exactly as `ask` and `batch` do, with nothing special-cased,
/// so the figures are the product's figures. Results stream: each is passed to
/// the caller's `onResult` (for a JSON report or progress) and folded into a
/// ``MetricsAccumulator``; the evaluator itself keeps only the first failures and
/// a small ``SweepSample`` per question. Several `evaluate` calls (one per corpus
/// group, each with its own engine) accumulate into one run; ``finish()`` ends it.
public struct Evaluator {
    /// The cut-off of hit@k.
    public var k: Int { accumulator.k }
    /// How many failing results ``EvaluationRun/failures`` keeps.
    public let failureLimit: Int
    private var accumulator: MetricsAccumulator
    private var failures: [EvalResult] = []
    private var samples: [SweepSample] = []
    private var answering: Duration = .zero

    /// - Parameters:
    ///   - k: the cut-off of hit@k (values below 1 count as 1).
    ///   - failureLimit: how many failing results to keep for the report (negative counts as 0).
    public init(k: Int = 3, failureLimit: Int = 10) {
        accumulator = MetricsAccumulator(k: k)
        self.failureLimit = max(0, failureLimit)
    }

    /// Answers and scores each question of `questions` with `engine`.
    ///
    /// - Parameter onResult: called with each result, in order, right after it is scored.
    /// - Complexity: one `answer(_:)` call plus O(*r*) citation matches per question.
    public mutating func evaluate<Questions: Sequence<EvalQuestion>>(
        _ questions: Questions, with engine: some QuestionAnswering,
        onResult: (EvalResult) throws -> Void
    ) rethrows {
        for question in questions {
            try onResult(score(question, with: engine))
        }
    }

    /// Answers and scores each question of `questions` with `engine`, keeping only
    /// the summary, failures and sweep samples.
    public mutating func evaluate<Questions: Sequence<EvalQuestion>>(
        _ questions: Questions, with engine: some QuestionAnswering
    ) {
        for question in questions {
            _ = score(question, with: engine)
        }
    }

    /// Answers and scores every question `source` yields, reading it as it goes.
    ///
    /// - Throws: the source's error (for example a malformed line), after the
    ///   questions before it were scored, or an error thrown by `onResult`.
    public mutating func evaluate<Source: QuestionSource>(
        _ source: inout Source, with engine: some QuestionAnswering,
        onResult: (EvalResult) throws -> Void = { _ in }
    ) throws {
        while let question = try source.nextQuestion() {
            try onResult(score(question, with: engine))
        }
    }

    /// The run so far: summary, kept failures and sweep samples.
    ///
    /// The summary's speed counts only time spent inside `answer(_:)` calls, not
    /// corpus loading or indexing between groups.
    public func finish() -> EvaluationRun {
        let seconds = Double(answering.components.seconds) + Double(answering.components.attoseconds) * 1e-18
        return EvaluationRun(
            summary: accumulator.summary(elapsedSeconds: seconds), failures: failures, sweepSamples: samples)
    }

    private mutating func score(_ question: EvalQuestion, with engine: some QuestionAnswering) -> EvalResult {
        let clock = ContinuousClock()
        let started = clock.now
        let answer = engine.answer(question.question)
        answering += clock.now - started
        let result = EvalResult(question: question, answer: answer, k: accumulator.k)
        accumulator.add(result)
        samples.append(SweepSample(result))
        if result.isFailure, failures.count < failureLimit { failures.append(result) }
        return result
    }
}

/// What an ``Evaluator`` run produced.
public struct EvaluationRun: Sendable, Hashable {
    /// The metrics.
    public var summary: EvalSummary
    /// The first failing results, in question order, up to the evaluator's limit
    /// (`summary.failures` says how many there were in all).
    public var failures: [EvalResult]
    /// One sample per question, for ``ThresholdSweep``.
    public var sweepSamples: [SweepSample]
}
