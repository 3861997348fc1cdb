// libFuzzer target: JSONLQuestionReader on arbitrary bytes. Every line must give a
// question or a TestSetError that names the line; nothing else may happen.
import CiteBotKit
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let reader = JSONLQuestionReader(data: bytes, file: "fuzz.jsonl")
    let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    var questions = 0
    do {
        while let question = try reader.nextQuestion() {
            questions += 1
            check(questions <= lines, "more questions (\(questions)) than lines (\(lines))")
            check(!question.question.allSatisfy(\.isWhitespace), "an empty question was accepted")
            check(question.unanswerable || !question.evidence.isEmpty || !question.answers.isEmpty,
                  "a question without evidence or answers was accepted")
        }
    } catch {
        check(!error.description.isEmpty, "an error without a message")
        check(error.description.contains("fuzz.jsonl"), "the error does not name the file: \(error)")
    }
    return 0
}

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}
