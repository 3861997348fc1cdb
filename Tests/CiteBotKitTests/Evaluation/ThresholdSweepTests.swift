import Testing

@testable import CiteBotKit

@Suite("Threshold sweep")
struct ThresholdSweepTests {
    /// Five questions:
    /// s1 0.9 correct, s2 0.7 wrong, s3 0.5 correct, s4 0.3 unanswerable,
    /// s5 0.8 answerable with nothing to cite (never answered).
    static let samples = [
        SweepSample(confidence: 0.9, hasCitation: true, topCorrect: true, unanswerable: false),
        SweepSample(confidence: 0.7, hasCitation: true, topCorrect: false, unanswerable: false),
        SweepSample(confidence: 0.5, hasCitation: true, topCorrect: true, unanswerable: false),
        SweepSample(confidence: 0.3, hasCitation: true, topCorrect: false, unanswerable: true),
        SweepSample(confidence: 0.8, hasCitation: false, topCorrect: false, unanswerable: false),
    ]

    @Test func thresholdZeroAnswersEverythingCitable() {
        // Answered s1–s4: coverage 4/5; correct s1, s3: accuracy 2/4.
        // Abstained s5 (FP, but a correct abstention: nothing right to cite); s4 answered (FN).
        // F1 = 2·0 / (0 + 1 + 1) = 0. Decision accuracy = (2 + 1)/5.
        let point = ThresholdSweep.point(at: 0, samples: Self.samples)
        #expect(point.answered == 4)
        #expect(point.coverage == 0.8)
        #expect(point.accuracy == 0.5)
        #expect(point.abstentionF1 == 0)
        #expect(point.decisionAccuracy == 0.6)
    }

    @Test func thresholdAboveTheUnanswerableConfidence() {
        // t = 0.4: answered s1, s2, s3 (3/5), correct 2/3. TP = s4, FP = s5, FN = 0:
        // F1 = 2/(2 + 1) = 2/3. Correct abstentions s4, s5: decision (2 + 2)/5 = 0.8.
        let point = ThresholdSweep.point(at: 0.4, samples: Self.samples)
        #expect(point.coverage == 0.6)
        #expect(point.accuracy == 2.0 / 3.0)
        #expect(point.abstentionF1 == 2.0 / 3.0)
        #expect(point.decisionAccuracy == 0.8)
    }

    @Test func highThresholdAbstainsOnCorrectAnswersToo() {
        // t = 0.6: answered s1, s2 (2/5), accuracy 1/2. TP = s4; FP = s3, s5: F1 = 2/(2 + 2) = 0.5.
        // Correct abstentions s4, s5 (s3 was right): decision (1 + 2)/5 = 0.6.
        let point = ThresholdSweep.point(at: 0.6, samples: Self.samples)
        #expect(point.coverage == 0.4)
        #expect(point.accuracy == 0.5)
        #expect(point.abstentionF1 == 0.5)
        #expect(point.decisionAccuracy == 0.6)
    }

    @Test func nothingAnsweredHasNoAccuracy() {
        // t = 0.95: no answers; correct abstentions s2, s4, s5: decision 3/5.
        let point = ThresholdSweep.point(at: 0.95, samples: Self.samples)
        #expect(point.coverage == 0)
        #expect(point.accuracy == nil)
        #expect(point.decisionAccuracy == 0.6)
    }

    @Test func bestThresholdMaximisesDecisionAccuracyTiesToTheLowerThreshold() {
        // Decision accuracy 0.8 holds on (0.3, 0.5] (s4 abstained) and again on
        // (0.7, 0.8] (s2 abstained too, s3 lost); the lowest grid point is 0.32.
        let sweep = ThresholdSweep(samples: Self.samples)
        #expect(sweep.points.count == 51)
        #expect(sweep.best?.threshold == 0.32)
        #expect(sweep.best?.decisionAccuracy == 0.8)
        #expect(sweep.points[40].decisionAccuracy == 0.8)  // t = 0.80
    }

    @Test func gridThresholdsAreExactDecimals() {
        let thresholds = SweepOptions.standard.thresholds
        #expect(thresholds.count == 51)
        #expect(thresholds.first == 0)
        #expect(thresholds[3] == 0.06)
        #expect(thresholds[35] == 0.7)
        #expect(thresholds.last == 1)
        // A confidence of exactly 0.06 is answered at t = 0.06.
        let sample = SweepSample(confidence: 0.06, hasCitation: true, topCorrect: true, unanswerable: false)
        #expect(ThresholdSweep.point(at: thresholds[3], samples: [sample]).answered == 1)
    }

    @Test func customOptionsAreValidated() throws {
        #expect(try SweepOptions(lower: 0.2, upper: 0.4, step: 0.1).thresholds == [0.2, 0.3, 0.4])
        #expect(throws: SweepOptionsError.invalidStep(0)) { try SweepOptions(step: 0) }
        #expect(throws: SweepOptionsError.invalidRange(lower: 0.5, upper: 0.4)) {
            try SweepOptions(lower: 0.5, upper: 0.4)
        }
        #expect(throws: SweepOptionsError.invalidRange(lower: 0, upper: 2)) { try SweepOptions(upper: 2) }
    }

    @Test func emptySampleHasNoBest() {
        let sweep = ThresholdSweep(samples: [])
        #expect(sweep.best == nil)
        #expect(sweep.points.allSatisfy { $0.coverage == nil })
    }
}
