import Foundation
import Testing

@testable import CiteBotKit

@Suite("SQuAD test sets")
struct SQuADTestSetTests {
    func load(_ name: String) throws -> SQuADTestSet {
        try SQuADTestSet(contentsOf: evaluationFixture(name), displayName: name)
    }

    func error(_ json: String) -> TestSetError? {
        do {
            _ = try SQuADTestSet(data: Data(json.utf8), file: "s.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func v1BuildsOneDocumentPerArticleWithUniqueSafeNames() throws {
        let set = try load("squad-v1.json")
        #expect(set.version == "1.1")
        #expect(set.documents.map(\.source) == ["Super_Bowl_50.txt", "Beyoncé_singer_actress.txt", "Super_Bowl_50-2.txt"])
        #expect(set.warnings.isEmpty)
    }

    @Test func contextsBecomeParagraphsWithLineBreaksFlattened() throws {
        let document = try load("squad-v1.json").documents[0]
        #expect(
            document.text == """
                Super Bowl 50 was an American football game. The Denver Broncos defeated the Carolina Panthers 24–10.

                The game was played in Santa Clara. It was the 50th Super Bowl.
                """)
    }

    @Test func answerableQuestionsCarryTheirGoldLocation() throws {
        let questions = try load("squad-v1.json").questions
        #expect(questions.map(\.id) == ["sb1", "sb2", "sb3", "by1"])
        let sb1 = try #require(questions.first)
        #expect(sb1.answers == ["Denver Broncos", "The Denver Broncos", "Denver Broncos"])
        #expect(sb1.gold?.source == "Super_Bowl_50.txt")
        #expect(sb1.gold?.paragraph == 1)
        #expect(sb1.gold?.answerStarts == [49, 45])
        #expect(!sb1.unanswerable)
        let sb3 = questions[2]
        #expect(sb3.gold?.paragraph == 2)
        #expect(sb3.gold?.answerStarts == [47])
    }

    @Test func goldMatchesTheSentenceHoldingTheAnswer() throws {
        let questions = try load("squad-v1.json").questions
        let sb1 = questions[0]
        #expect(sb1.isMatched(by: cite("The Denver Broncos defeated the Carolina Panthers 24–10.", 1, 2, source: "Super_Bowl_50.txt")))
        #expect(!sb1.isMatched(by: cite("Super Bowl 50 was an American football game.", 1, 1, source: "Super_Bowl_50.txt")))
        // The flattened line break keeps "50th" at offset 47 of paragraph 2.
        let sb3 = questions[2]
        #expect(sb3.isMatched(by: cite("It was the 50th Super Bowl.", 2, 2, source: "Super_Bowl_50.txt")))
        #expect(!sb3.isMatched(by: cite("The game was played in Santa Clara.", 2, 1, source: "Super_Bowl_50.txt")))
    }

    @Test func v2ImpossibleQuestionsAreUnanswerable() throws {
        let set = try load("squad-v2.json")
        #expect(set.version == "v2.0")
        #expect(set.questions.map(\.unanswerable) == [false, true, false])
        let impossible = set.questions[1]
        #expect(impossible.gold == nil)
        #expect(impossible.answers.isEmpty)
        #expect(set.questions[2].gold?.answerStarts == [81])
    }

    @Test func unknownVersionIsRejected() {
        #expect(throws: TestSetError.unsupportedSQuADVersion(file: "squad-unknown-version.json", version: "3.0")) {
            _ = try load("squad-unknown-version.json")
        }
    }

    static let malformed: [(json: String, message: String)] = [
        (#"{"version": "1.1", "data": ["#, "s.json: invalid JSON (unexpected end of file during JSON parse)"),
        ("{\"version\": \"1.1\",\n \"data\": [\n {\"title\": x}]}", "s.json: invalid JSON (invalid value at line 3, column 12)"),
        ("[1]", "s.json: not a SQuAD file: the top level is not a JSON object"),
        (#"{"data": []}"#, #"s.json: not a SQuAD file: no top-level "version""#),
        (#"{"version": "1.1"}"#, #"s.json: not a SQuAD file: no top-level "data""#),
        (#"{"version": 1.1, "data": []}"#, "s.json: not a SQuAD file: version must be a string"),
        (
            #"{"version": "1.1", "data": [{"title": "T", "paragraphs": [{"context": "C.", "qas": [{"id": "q"}]}]}]}"#,
            #"s.json: data[0].paragraphs[0].qas[0]: missing "question"."#
        ),
        (
            #"{"version": "1.1", "data": [{"title": "T", "paragraphs": [{"context": "C.", "qas": [{"id": "q", "question": "Q?", "answers": [{"text": "C", "answer_start": "0"}]}]}]}]}"#,
            "s.json: data[0].paragraphs[0].qas[0].answers[0].answer_start: must be an integer."
        ),
        (
            #"{"version": "1.1", "data": [{"title": "T", "paragraphs": [{"context": "C.", "qas": [{"id": "q", "question": "Q?", "answers": [{"text": "C.", "answer_start": 1}]}]}]}]}"#,
            "s.json: data[0].paragraphs[0].qas[0]: answers[0].answer_start 1 with 2-character text lies outside the 2-character context."
        ),
        (
            #"{"version": "v2.0", "data": [{"title": "T", "paragraphs": [{"context": "C.", "qas": [{"id": "q", "question": "Q?", "answers": []}]}]}]}"#,
            #"s.json: data[0].paragraphs[0].qas[0]: no "answers" and not marked "is_impossible": true."#
        ),
        (
            #"{"version": "1.1", "data": [{"title": "T", "paragraphs": [{"context": " ", "qas": []}]}]}"#,
            "s.json: data[0].paragraphs[0].context: the context is empty."
        ),
    ]

    @Test(arguments: malformed)
    func malformedFileGivesAPreciseError(json: String, message: String) {
        let description = error(json)?.description ?? "accepted"
        #expect(description.hasPrefix(message), "got: \(description)")
    }

    @Test func answerTextDisagreeingWithItsOffsetIsAWarning() throws {
        let json = #"{"version": "1.1", "data": [{"title": "T", "paragraphs": [{"context": "Abc def.", "qas": [{"id": "q", "question": "Q?", "answers": [{"text": "def", "answer_start": 0}]}]}]}]}"#
        let set = try SQuADTestSet(data: Data(json.utf8), file: "s.json")
        #expect(set.warnings.count == 1)
        #expect(set.warnings.first?.contains("data[0].paragraphs[0].qas[0].answers[0]") == true)
        #expect(set.questions.first?.gold?.answerStarts == [0])
    }

    @Test func allScopeIsOneCorpusOfEveryArticle() throws {
        let groups = try load("squad-v1.json").groups(scope: .all)
        #expect(groups.count == 1)
        #expect(groups[0].documents.count == 3)
        #expect(groups[0].questions.count == 4)
    }

    @Test func articleScopeGroupsByArticleAndSkipsArticlesWithoutQuestions() throws {
        let groups = try load("squad-v1.json").groups(scope: .article)
        #expect(groups.map(\.name) == ["Super_Bowl_50.txt", "Beyoncé_singer_actress.txt"])
        #expect(groups.map { $0.questions.map(\.id) } == [["sb1", "sb2", "sb3"], ["by1"]])
        #expect(groups[0].documents.map(\.source) == ["Super_Bowl_50.txt"])
    }

    @Test func paragraphScopeRewritesGoldToTheSingleParagraphCorpus() throws {
        let groups = try load("squad-v1.json").groups(scope: .paragraph)
        #expect(groups.map { $0.questions.map(\.id) } == [["sb1"], ["sb2", "sb3"], ["by1"]])
        let second = groups[1]
        #expect(second.documents == [Document(source: "Super_Bowl_50.p2.txt", text: "The game was played in Santa Clara. It was the 50th Super Bowl.")])
        let sb3 = second.questions[1]
        #expect(sb3.gold?.source == "Super_Bowl_50.p2.txt")
        #expect(sb3.gold?.paragraph == 1)
        #expect(sb3.isMatched(by: cite("It was the 50th Super Bowl.", 1, 2, source: "Super_Bowl_50.p2.txt")))
    }

    @Test func unanswerableQuestionsStayWithTheirParagraph() throws {
        let groups = try load("squad-v2.json").groups(scope: .paragraph)
        #expect(groups.count == 1)
        #expect(groups[0].questions.map(\.id) == ["n1", "n2", "n3"])
    }

    @Test func titlesAreSanitisedIntoFileNames() {
        var used: Set<String> = []
        #expect(SQuADTestSet.uniqueSource(for: "../etc/passwd", index: 0, used: &used) == "etc_passwd.txt")
        #expect(SQuADTestSet.uniqueSource(for: "  ", index: 1, used: &used) == "article-2.txt")
        #expect(SQuADTestSet.uniqueSource(for: nil, index: 2, used: &used) == "article-3.txt")
        #expect(SQuADTestSet.uniqueSource(for: "etc/passwd", index: 3, used: &used) == "etc_passwd-2.txt")
    }
}
