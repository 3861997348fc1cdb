import Foundation
import Testing
@testable import CiteBotKit

/// Every question set quotes its evidence as text. If the splitter changes where sentences
/// start or which are citable, an evidence string can stop matching anything, and the set
/// would then score citebot against an answer it can no longer give. This pins that every
/// evidence string of every JSONL set still matches a citable sentence of its corpus.
@Suite struct TestSetIntegrityTests {
    /// Each JSONL set and the corpus it asks about, relative to the repository root.
    static let sets: [(questions: String, corpus: String)] = [
        ("TestSets/botox-vs-fillers.jsonl", "corpus"),
        ("TestSets/botox-vs-fillers-dev.jsonl", "corpus"),
        ("TestSets/running-vs-cycling.jsonl", "TestSets/corpora/running-vs-cycling"),
        ("TestSets/python-docs.jsonl", "TestSets/corpora/python-docs"),
        ("TestSets/home-guides.jsonl", "TestSets/corpora/home-guides"),
        ("TestSets/volcanoes.jsonl", "TestSets/corpora/volcanoes"),
        ("TestSets/valgrind-faq.jsonl", "TestSets/corpora/valgrind-faq"),
        ("TestSets/txt-debian-users-groups.jsonl", "TestSets/corpora/txt-debian-users-groups"),
        ("TestSets/md-systemd-uids-gids.jsonl", "TestSets/corpora/md-systemd-uids-gids"),
        ("TestSets/asciidoc-git-subtree.jsonl", "TestSets/corpora/asciidoc-git-subtree"),
        ("TestSets/md-nodejs-governance.jsonl", "TestSets/corpora/md-nodejs-governance"),
        ("TestSets/txt-zlib-faq.jsonl", "TestSets/corpora/txt-zlib-faq"),
    ]

    @Test(arguments: sets)
    func everyEvidenceStringMatchesACitableSentence(_ questionsPath: String, corpusPath: String) throws {
        let root = Fixtures.repositoryRoot
        let (documents, warnings) = try CorpusLoader().load([root.appendingPathComponent(corpusPath).path])
        #expect(warnings.isEmpty)
        var citable: [String] = []
        for document in documents {
            let segmentation = SentenceSplitter().split(document.text)
            for sentence in segmentation.sentences where sentence.isCitable {
                citable.append(EvidenceMatcher.normalize(CorpusIndex.slice(document.text, sentence.range)))
            }
        }
        #expect(!citable.isEmpty)

        var reader = try JSONLQuestionReader(contentsOf: root.appendingPathComponent(questionsPath))
        let questions = try reader.collectQuestions()
        #expect(questions.count >= 40)
        for question in questions {
            #expect(question.unanswerable == question.evidence.isEmpty, "\(question.id)")
            for evidence in question.evidence {
                let wanted = EvidenceMatcher.normalize(evidence)
                let found = citable.contains { EvidenceMatcher.contain($0, wanted) }
                #expect(found, "\(questionsPath) \(question.id): no citable sentence matches \"\(evidence)\"")
            }
        }
    }
}
