/// The merged documents' sentence, paragraph and passage tables, as an index stores them.
struct MergedTables {
    var sentences: [SentenceRecord] = []
    var paragraphs: [ParagraphRecord] = []
    /// Passage p is sentences `passageStarts[p]..<passageStarts[p + 1]`.
    var passageStarts: [Int] = [0]
    var passageOfSentence: [Int32] = []
    var paragraphOfSentence: [Int32] = []
}
