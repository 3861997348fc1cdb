/// Splits a document into paragraphs and sentences, and tells headings from prose.
///
/// Rules, all language-general for English prose and light Markdown:
/// - Paragraphs are separated by blank lines (empty or only spaces and tabs).
/// - Inside a paragraph a line starts a new block when it is a Markdown heading or a
///   list item, or when the line before it is a short label without final punctuation.
/// - A sentence ends after `.`, `!`, `?` or `…` (possibly repeated, possibly followed by
///   closing quotes or brackets) when whitespace or the block's end follows, except after
///   known abbreviations ("Dr.", "e.g.", "U.S."), single-letter initials, an ordered-list
///   number, or an ellipsis that runs on in lower case. Decimals never contain whitespace,
///   so "3.5" is never split. A lower-case start after a full stop still begins a new
///   sentence: list fragments are often written that way.
/// - Lines from a Markdown code fence (```) to its closing fence are code: kept, never cited;
///   so are reStructuredText directives (".. note::"), title underlines ("=====") and
///   literal blocks (the indented paragraphs after a paragraph ending in "::"), and so are
///   the rows of a Markdown table ("| a | b |"), and so are the lines right under a line
///   ending with a colon and indented four columns deeper, in its paragraph: a display
///   of a command or its output (``introducesDisplay(_:in:)``), and commands at a prompt
///   ("$ make", ">>> f()") with the lines under them up to the paragraph's end. A line of
///   one punctuation mark ("+", "* * *") or an AsciiDoc block attribute ("[TIP]") is markup.
/// - A term of a definition list ("--quiet::", or "Default:" above a deeper line) is a
///   heading over its definition (``isTerm(_:before:in:)``).
/// - A title underlined with "=====" or "-----", a short label line with more of its
///   paragraph after it ("Ingredients" above a list) and a reStructuredText field
///   (":Author: …") are headings; a heading stays one unit whatever its punctuation. A line
///   that starts in lower case or with markup ("<https://…>", "`name`", ":role:") carries
///   on the line before it, and so does a line after one ending on a function word.
/// - A list's items, and the paragraphs indented deeper than a paragraph that ends with a
///   colon, record the sentence with that colon as their lead-in (``Sentence/leadInDistance``).
/// - A block is a heading when it is a Markdown heading, or a paragraph's only line with
///   at most ``maximumHeadingWords`` words that ends without `.`, `!`, `:` or `;`
///   (a one-line question such as an article's title counts too).
public struct SentenceSplitter: Sendable {
    /// The longest one-line paragraph, in words, that is taken for a title or heading.
    public var maximumHeadingWords: Int

    public init(maximumHeadingWords: Int = 20) {
        self.maximumHeadingWords = maximumHeadingWords
    }

    /// Segments `text`, the content of the document with index `document`.
    ///
    /// - Complexity: O(n) in the text's UTF-8 length.
    public func split(_ text: String, document: Int = 0) -> Segmentation {
        var text = text
        return text.withUTF8 { bytes in split(bytes: bytes, document: document) }
    }

    private func split(bytes: UnsafeBufferPointer<UInt8>, document: Int) -> Segmentation {
        var result = Segmentation()
        var paragraphLines: [Range<Int>] = []
        // Lines that are code, never prose: front matter and fenced code (found first, over
        // the whole document), then table rows and literal blocks (found line by line).
        var codeLines = Self.fencedLines(in: bytes)
        // reStructuredText literal blocks: a paragraph ending in "::" introduces indented
        // paragraphs of code, up to the first paragraph indented less.
        var literalIndent: Int? = nil
        var opensLiteral = false
        var paragraphIndent = 0
        // The colon sentence that introduced the list being read, and how many items it has
        // had; nil outside such a list.
        var leadIn: Int? = nil
        var leadInItems = 0
        // The last sentence of a paragraph ending with a colon, and that paragraph's indent:
        // the paragraphs indented deeper after it (a quotation, an example) are what it introduces.
        var blockLeadIn: Int? = nil
        var blockLeadInIndent = 0
        // The indent of the paragraph's last line that ended with a colon, while the lines
        // after it are indented deeper: those lines are a display (a command, its output, an
        // error message), not prose.
        var displayIndent: Int? = nil
        // The indent of the paragraph's first command at a prompt ("$ make"), while the
        // lines after it are as deep: they are its session.
        var promptIndent: Int? = nil
        // After an AsciiDoc attribute line naming a verbatim style ("[source,sh]",
        // "[verse]"), the rest of its paragraph.
        var inVerbatimBlock = false

        func closeParagraph() {
            guard !paragraphLines.isEmpty else { return }
            if paragraphIndent <= blockLeadInIndent { blockLeadIn = nil }
            let number = result.paragraphs.count + 1
            let first = result.sentences.count
            // Runs of code lines become one uncitable "sentence" each; prose runs are split.
            var runs: [(lines: [Range<Int>], isCode: Bool)] = []
            for line in paragraphLines {
                let isCode = codeLines.contains(line.lowerBound)
                if let last = runs.last, last.isCode == isCode {
                    runs[runs.count - 1].lines.append(line)
                } else {
                    runs.append(([line], isCode))
                }
            }
            var blocks: [Block] = []
            var codeBlocks = Set<Int>()
            for run in runs {
                if run.isCode, let firstLine = run.lines.first, let lastLine = run.lines.last {
                    codeBlocks.insert(blocks.count)
                    blocks.append(Block(range: firstLine.lowerBound..<lastLine.upperBound,
                                        isMarkdownHeading: false, isListItem: false))
                } else {
                    blocks += Self.blocks(of: run.lines, in: bytes)
                }
            }
            for (blockIndex, block) in blocks.enumerated() {
                if codeBlocks.contains(blockIndex) || block.isMarkup {
                    result.sentences.append(Sentence(
                        document: document, paragraph: number, number: result.sentences.count - first + 1,
                        range: block.range, role: .code))
                    continue
                }
                if block.isListItem {
                    if let previous = result.sentences.last, previous.role != .code,
                       Self.endsWithColon(previous.range, in: bytes) {
                        leadIn = result.sentences.count - 1
                        leadInItems = 1
                    } else if leadIn != nil, leadInItems < Self.leadInItems {
                        leadInItems += 1
                    } else {
                        leadIn = nil
                    }
                } else {
                    // Prose after a list ends it.
                    leadIn = nil
                }
                // A heading is one unit however it is punctuated ("I'm new. Where do I start?").
                let ranges = block.isMarkdownHeading ? [block.range] : sentenceRanges(in: block.range, in: bytes)
                let role = ranges.count == 1
                    ? blockRole(block, isOnlyLine: paragraphLines.count == 1, in: bytes) : .statement
                for range in ranges {
                    var sentenceRole = role
                    if sentenceRole == .statement {
                        if !Self.containsWordCharacter(range, in: bytes) {
                            sentenceRole = .symbols
                        } else if Self.endsWithQuestionMark(range, in: bytes) {
                            sentenceRole = .question
                        } else if Self.isTitleCase(range, in: bytes) || Self.introducesLiteral(range, in: bytes)
                                    || Self.isContentsEntry(range, in: bytes) {
                            sentenceRole = .heading
                        }
                    }
                    let distance = (leadIn ?? blockLeadIn).map { result.sentences.count - $0 } ?? 0
                    result.sentences.append(Sentence(
                        document: document, paragraph: number,
                        number: result.sentences.count - first + 1,
                        range: range, role: sentenceRole,
                        leadInDistance: distance <= Self.leadInReach ? distance : 0))
                }
            }
            if let last = result.sentences.indices.last, last >= first, result.sentences[last].role != .code,
               Self.endsWithColon(result.sentences[last].range, in: bytes) {
                blockLeadIn = last
                blockLeadInIndent = paragraphIndent
            }
            let range = paragraphLines[0].lowerBound..<paragraphLines[paragraphLines.count - 1].upperBound
            result.paragraphs.append(Paragraph(
                document: document, number: number, range: range,
                sentences: first..<result.sentences.count))
            paragraphLines.removeAll(keepingCapacity: true)
        }

        var lineStart = 0
        var index = 0
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                let line = Self.trimmed(lineStart..<index, in: bytes)
                if line.isEmpty {
                    if let last = paragraphLines.last, Self.introducesLiteral(last, in: bytes) { opensLiteral = true }
                    closeParagraph()
                    displayIndent = nil
                    promptIndent = nil
                    inVerbatimBlock = false
                } else {
                    let indent = line.lowerBound - lineStart
                    if paragraphLines.isEmpty {
                        // The first line of a paragraph decides whether it is literal code.
                        paragraphIndent = indent
                        if opensLiteral {
                            literalIndent = indent > 0 ? indent : nil
                            opensLiteral = false
                        } else if let required = literalIndent, indent < required {
                            literalIndent = nil
                        }
                    }
                    if let colonIndent = displayIndent, indent < colonIndent + Self.displayDepth {
                        displayIndent = nil
                    }
                    if let commandIndent = promptIndent, indent < commandIndent { promptIndent = nil }
                    let isFenced = codeLines.contains(line.lowerBound)
                    if inVerbatimBlock {
                        codeLines.insert(line.lowerBound)
                    } else if Self.isVerbatimAttribute(line, in: bytes) {
                        inVerbatimBlock = true
                    } else if !isFenced, promptIndent != nil || Self.isPromptLine(line, in: bytes) {
                        // A command typed at a shell or interpreter prompt, and the lines under
                        // it, as deep, up to the paragraph's end: what it runs on to after a
                        // backslash, what it printed, the next commands.
                        codeLines.insert(line.lowerBound)
                        promptIndent = promptIndent ?? indent
                    } else if literalIndent.map({ paragraphIndent >= $0 }) ?? false || Self.isTableRow(line, in: bytes)
                        || (displayIndent != nil && Self.listItemBody(line, in: bytes) == nil) {
                        codeLines.insert(line.lowerBound)
                    } else if !isFenced, Self.introducesDisplay(line, in: bytes) {
                        // A list item's wrapped lines hang under its text, not its marker.
                        displayIndent = (Self.listItemBody(line, in: bytes)?.lowerBound ?? line.lowerBound) - lineStart
                    }
                    paragraphLines.append(line)
                }
                lineStart = index + 1
            }
            index += 1
        }
        closeParagraph()
        return result
    }

    /// How many times the search for fenced code starts again after an opening fence that
    /// nothing closes; past that, the rest of the document has no fenced code. It bounds
    /// the work on text full of stray fences.
    static let fenceRestarts = 8

    /// The starts of the lines that are Markdown fenced code, the fences included: from an
    /// opening fence (``isCodeFence(_:in:)``) to the first later line of the same mark alone,
    /// at least as long, which closes it; and the lines of the document's front matter
    /// (``frontMatter(_:in:)``), after which the search begins.
    ///
    /// Two lines that look like opening fences are not: a run of tildes or backticks alone
    /// right under a line of text and at least as long (a title underline, "Release
    /// notes\n~~~~~~~~~~~~~"), and a fence that nothing closes. Markdown would take all the
    /// rest of the document for code after either; a plain-text file with one such line
    /// would then have nothing left to cite. The search starts again after such a fence.
    ///
    /// - Complexity: O(n × ``fenceRestarts``) in the text's UTF-8 length.
    static func fencedLines(in bytes: UnsafeBufferPointer<UInt8>) -> Set<Int> {
        var lines: [Range<Int>] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
            lines.append(trimmed(start..<index, in: bytes))
            start = index + 1
        }
        var fenced = frontMatter(lines, in: bytes)
        var from = fenced.isEmpty ? 0 : fenced.count
        var restarts = 0
        scan: while from < lines.count {
            var open: (mark: UInt8, count: Int, line: Int)? = nil
            var pending: [Int] = []
            for i in from..<lines.count {
                let line = lines[i]
                if let fence = open {
                    pending.append(line.lowerBound)
                    if markRun(line, in: bytes).map({ $0.mark == fence.mark && $0.count >= fence.count }) == true {
                        fenced.formUnion(pending)
                        pending.removeAll()
                        open = nil
                    }
                    continue
                }
                guard isCodeFence(line, in: bytes) else { continue }
                if let run = markRun(line, in: bytes), i > 0, !lines[i - 1].isEmpty,
                   !fenced.contains(lines[i - 1].lowerBound),
                   scalarCount(lines[i - 1], in: bytes) <= run.count {
                    continue  // a title underline
                }
                open = (bytes[line.lowerBound], 0, i)
                open?.count = line.prefix { bytes[$0] == bytes[line.lowerBound] }.count
                pending = [line.lowerBound]
            }
            guard let unclosed = open, restarts < Self.fenceRestarts else { break scan }
            restarts += 1
            from = unclosed.line + 1
        }
        return fenced
    }

    /// Whether `line` is a row of a Markdown table ("| 0 | `root` user | Linux |"): it opens
    /// and closes with a pipe and holds at least one more. A row's cells are no sentence;
    /// like code, a table is kept but never cited.
    /// Whether `line` is a command at a prompt: it opens with "$ ", "% " (a shell's) or
    /// ">>> " (Python's). Documentation shows commands so, and they are never sentences.
    static func isPromptLine(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func opens(with prompt: StaticString) -> Bool {
            let count = prompt.utf8CodeUnitCount
            guard line.count > count else { return false }
            return (0..<count).allSatisfy { bytes[line.lowerBound + $0] == prompt.utf8Start[$0] }
        }
        return opens(with: "$ ") || opens(with: "% ") || opens(with: ">>> ")
    }

    static func isTableRow(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let pipe = UInt8(ascii: "|")
        guard line.count >= 3, bytes[line.lowerBound] == pipe, bytes[line.upperBound - 1] == pipe else { return false }
        return line.dropFirst().dropLast().contains { bytes[$0] == pipe }
    }

    /// The most lines of front matter looked for (``frontMatter(_:in:)``).
    static let maximumFrontMatterLines = 64

    /// The starts of the lines of a document's front matter, delimiters included, or none:
    /// metadata that static-site generators read ("---", "title: …", "layout: default",
    /// "---") and that is no prose. It opens the document with a line of "---" (or "+++"),
    /// holds only "key: value" lines (or "key = value" after "+++"), their indented or
    /// "- " continuations, and closes with the same delimiter within
    /// ``maximumFrontMatterLines`` lines.
    static func frontMatter(_ lines: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> Set<Int> {
        func text(_ line: Range<Int>) -> Substring { Substring(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self) }
        guard let first = lines.first, first.lowerBound == 0, ["---", "+++"].contains(text(first)) else { return [] }
        let delimiter = text(first)
        let separator: Character = delimiter == "---" ? ":" : "="
        for i in lines.indices.dropFirst().prefix(maximumFrontMatterLines) {
            let line = lines[i]
            if text(line) == delimiter {
                return i > 1 ? Set(lines[...i].map(\.lowerBound)) : []
            }
            // A blank line, or an indented one continuing a value.
            if line.isEmpty || line.lowerBound > 0 && (bytes[line.lowerBound - 1] == 0x20 || bytes[line.lowerBound - 1] == 0x09) {
                continue
            }
            let content = text(line)
            if content.hasPrefix("- ") || content.hasPrefix("#") { continue }
            guard let mark = content.firstIndex(of: separator), mark > content.startIndex,
                  content[..<mark].allSatisfy({ $0.isLetter || $0.isNumber || "_-. ".contains($0) }) else { return [] }
        }
        return []
    }

    /// The mark and its count when `line` is nothing but one fence mark repeated at least
    /// three times ("~~~~~", "```"), else nil.
    private static func markRun(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> (mark: UInt8, count: Int)? {
        guard isCodeFence(line, in: bytes) else { return nil }
        let mark = bytes[line.lowerBound]
        return line.allSatisfy({ bytes[$0] == mark }) ? (mark, line.count) : nil
    }

    /// The number of Unicode scalars in `range`: the bytes that do not continue one.
    private static func scalarCount(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        range.count { bytes[$0] & 0xC0 != 0x80 }
    }

    /// A Markdown fence line: three or more backticks or tildes, optionally followed by
    /// an info string ("```swift").
    private static func isCodeFence(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 3 else { return false }
        let mark = bytes[line.lowerBound]
        guard mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~") else { return false }
        return bytes[line.lowerBound + 1] == mark && bytes[line.lowerBound + 2] == mark
    }

    /// How much deeper than the line ending with a colon, in columns, the lines after it
    /// in its paragraph must be indented to be its display (``introducesDisplay(_:in:)``).
    static let displayDepth = 4

    /// Whether `line` ends with a colon and has at least three words: the lines right after
    /// it in its paragraph, at least ``displayDepth`` columns deeper than its text, are then
    /// code, never cited ("'make' fails with this:" above the error it printed). Plain text
    /// has no other way to show a command or its output, and those lines are not sentences.
    /// Four columns is Markdown's indent for code; prose nested under a line (a definition
    /// under its term, a list item's wrapped lines) is usually indented two or three. A
    /// shorter line ("Default:", "-v, --verbose:") or a reStructuredText field (":param x:")
    /// is a term, and the deeper lines its definition; list items after a colon are a list
    /// (``Sentence/leadInDistance``), not a display.
    static func introducesDisplay(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        endsWithColon(line, in: bytes) && !isFieldListLine(line, in: bytes)
            && wordCount(line, in: bytes, stoppingAfter: 3) >= 3
    }

    // MARK: - Blocks

    /// The most items a list's lead-in is counted for (``Sentence/leadInDistance``): a
    /// longer list's later items are taken for a list of their own.
    static let leadInItems = 32

    /// The farthest back, in sentences, a lead-in is recorded.
    static let leadInReach = 255

    /// Whether `line` is one punctuation mark, alone or repeated with or without spaces
    /// ("+", "* * *", "--"). A line of mixed punctuation ("``...``.") may end a sentence.
    static func isRule(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first, bytes[first] < 0x80, !containsWordCharacter(line, in: bytes) else { return false }
        return line.allSatisfy { bytes[$0] == bytes[first] || isSpace(bytes[$0]) }
    }

    /// Whether `line` is an AsciiDoc block attribute: a word or list of words in square
    /// brackets with no space ("[TIP]", "[source,shell]"), alone on its line.
    static func isBlockAttribute(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 3, bytes[line.lowerBound] == UInt8(ascii: "["), bytes[line.upperBound - 1] == UInt8(ascii: "]"),
              isASCIILetter(bytes[line.lowerBound + 1]) else { return false }
        return !line.contains { isSpace(bytes[$0]) }
    }

    /// AsciiDoc styles whose block is shown verbatim, line by line: code ("source",
    /// "listing"), literal text, and verse, whose lines are not sentences (a synopsis in a
    /// manual page, a poem).
    static let verbatimStyles: Set<String> = ["source", "listing", "literal", "verse"]

    /// Whether `line` is a block attribute (``isBlockAttribute(_:in:)``) whose style, its
    /// first field, is one of ``verbatimStyles``: "[source,sh]", "[verse]".
    static func isVerbatimAttribute(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isBlockAttribute(line, in: bytes) else { return false }
        var end = line.lowerBound + 1
        while end < line.upperBound - 1, isASCIILetter(bytes[end]) { end += 1 }
        let style = String(decoding: UnsafeBufferPointer(rebasing: bytes[(line.lowerBound + 1)..<end]), as: UTF8.self)
        return verbatimStyles.contains(style.lowercased())
    }

    /// Whether `line`, followed in its paragraph by `next`, is a term of a definition list:
    /// it ends with "::" (AsciiDoc's labelled list, "--squash::"), or it is one or two words
    /// ending with a colon and `next` is indented deeper ("Default:" above its value).
    /// reStructuredText's "::" ends a paragraph, so it never has a line after it here.
    static func isTerm(_ line: Range<Int>, before next: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard endsWithColon(line, in: bytes) else { return false }
        if introducesLiteral(line, in: bytes) { return true }
        return wordCount(line, in: bytes, stoppingAfter: 2) <= 2 && indent(of: next, in: bytes) > indent(of: line, in: bytes)
    }

    /// How many bytes of spaces and tabs stand before `line` (trimmed) on its line.
    static func indent(of line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = line.lowerBound
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
        return line.lowerBound - start
    }

    /// Whether `range` ends with a colon, trailing whitespace aside.
    static func endsWithColon(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let last = trimmed(range, in: bytes)
        return !last.isEmpty && bytes[last.upperBound - 1] == UInt8(ascii: ":")
    }

    private struct Block {
        var range: Range<Int>
        var isMarkdownHeading: Bool
        var isListItem: Bool
        /// An underline of a setext/reStructuredText title ("=====") or a reST directive
        /// (".. note::"): markup, never prose.
        var isMarkup = false
    }

    private static func blocks(of lines: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> [Block] {
        var blocks: [Block] = []
        // Lines so far of a numbered heading that has not ended its sentence yet.
        var openHeading = 0
        for (index, line) in lines.enumerated() {
            if openHeading > 0 {
                blocks[blocks.count - 1].range = blocks[blocks.count - 1].range.lowerBound..<line.upperBound
                openHeading = endsSentence(line, in: bytes) || openHeading >= maximumNumberedHeadingLines - 1 ? 0 : openHeading + 1
                continue
            }
            if line == lines.first, opensWithSectionNumber(line, in: bytes) {
                // "4.1. My program uses the C++ STL." above its answer: a numbered entry's
                // title, up to the end of its first sentence.
                blocks.append(Block(range: line, isMarkdownHeading: true, isListItem: false))
                openHeading = endsSentence(line, in: bytes) ? 0 : 1
                continue
            }
            if isUnderline(line, in: bytes) {
                // "Title\n=====": the line above is a title, this one is markup.
                if let last = blocks.last, !last.isListItem, !last.isMarkup, !containsNewline(last.range, in: bytes) {
                    blocks[blocks.count - 1].isMarkdownHeading = true
                }
                blocks.append(Block(range: line, isMarkdownHeading: false, isListItem: false, isMarkup: true))
                continue
            }
            if isDirective(line, in: bytes) {
                blocks.append(Block(range: line, isMarkdownHeading: false, isListItem: false, isMarkup: true))
                continue
            }
            if isFieldListLine(line, in: bytes) {
                // ":Author: Jane Roe" labels a value; like a label line, it is never cited.
                blocks.append(Block(range: line, isMarkdownHeading: true, isListItem: false))
                continue
            }
            if isRule(line, in: bytes) || isBlockAttribute(line, in: bytes) {
                // One punctuation mark alone or repeated ("+" joining a definition's
                // paragraphs in AsciiDoc, "* * *") or an AsciiDoc block attribute ("[TIP]",
                // "[verse]") is markup between sentences, never part of one.
                blocks.append(Block(range: line, isMarkdownHeading: false, isListItem: false, isMarkup: true))
                continue
            }
            if let next = index < lines.count - 1 ? lines[index + 1] : nil, isTerm(line, before: next, in: bytes) {
                // "--squash::" or "Default:" above its definition: the term titles it.
                blocks.append(Block(range: line, isMarkdownHeading: true, isListItem: false))
                continue
            }
            let heading = markdownHeadingBody(line, in: bytes)
            let item = listItemBody(line, in: bytes)
            let startsBlock: Bool
            if let last = blocks.last {
                startsBlock = heading != nil || item != nil || last.isMarkdownHeading || last.isMarkup
                    || (isShortLabel(last.range, in: bytes) && opensText(at: line.lowerBound, in: bytes))
            } else {
                startsBlock = true
            }
            if startsBlock {
                blocks.append(Block(
                    range: heading ?? item ?? line,
                    isMarkdownHeading: heading != nil,
                    isListItem: item != nil))
            } else {
                blocks[blocks.count - 1].range = blocks[blocks.count - 1].range.lowerBound..<line.upperBound
            }
        }
        // A short label line with more of the paragraph after it ("Ingredients" above a
        // list, a glossary term above its definition) titles what follows.
        for i in blocks.indices.dropLast() where !blocks[i].isListItem && !blocks[i].isMarkup
            && !containsNewline(blocks[i].range, in: bytes) && isShortLabel(blocks[i].range, in: bytes) {
            blocks[i].isMarkdownHeading = true
        }
        return blocks
    }

    /// The most lines a numbered heading (``opensWithSectionNumber(_:in:)``) runs over.
    static let maximumNumberedHeadingLines = 3

    /// Whether `line` opens with a section number of two or more levels and a space, then
    /// text: "2.1. When building …", "3.4 Installing", as numbered manuals and FAQs title
    /// their entries. One level ("1.") is a list item; a decimal ("3.5 million …") is
    /// told apart by the lower-case word after it.
    static func opensWithSectionNumber(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = line.lowerBound
        var levels = 0
        var endsWithDot = false
        while index < line.upperBound, isDigit(bytes[index]) {
            let start = index
            while index < line.upperBound, isDigit(bytes[index]), index - start < 3 { index += 1 }
            levels += 1
            endsWithDot = false
            guard index < line.upperBound else { return false }
            if bytes[index] == UInt8(ascii: ".") {
                index += 1
                endsWithDot = true
            } else {
                break
            }
        }
        guard levels >= 2, index + 1 < line.upperBound, isSpace(bytes[index]) else { return false }
        let text = trimmed(index..<line.upperBound, in: bytes)
        guard !text.isEmpty else { return false }
        return endsWithDot || opensText(at: text.lowerBound, in: bytes)
    }

    /// Whether `line` ends a sentence: its last mark, closing quotes and brackets aside, is
    /// `.`, `?`, `!` or `:`.
    private static func endsSentence(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let mark = finalMark(line, in: bytes) else { return false }
        return ".?!:".utf8.contains(mark)
    }

    /// A line of three or more of one punctuation character ("=====", "-----", "~~~~"):
    /// a setext or reStructuredText title underline, or a thematic break.
    private static func isUnderline(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 3 else { return false }
        let mark = bytes[line.lowerBound]
        guard "=-~^*#+_:'\"`.".utf8.contains(mark) else { return false }
        return line.allSatisfy { bytes[$0] == mark }
    }

    /// A reStructuredText field list line: ":Name: value" or ":Name:" alone. A role such as
    /// ":func:`len` returns…" is prose: its closing colon is followed by a backquote.
    private static func isFieldListLine(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 3, bytes[line.lowerBound] == UInt8(ascii: ":") else { return false }
        var index = line.lowerBound + 1
        while index < line.upperBound, bytes[index] != UInt8(ascii: ":") {
            if bytes[index] == UInt8(ascii: "`") { return false }
            index += 1
        }
        guard index < line.upperBound, index > line.lowerBound + 1 else { return false }
        return index + 1 == line.upperBound || isSpace(bytes[index + 1])
    }

    /// Whether a line can open text of its own after a label: it starts with a capital
    /// letter, a digit, or a letter of a script without case (which has no lower case to
    /// carry on in). A line that starts in lower case or with markup ("<https://…>",
    /// "`name`", ":role:", "(") carries on the line before it.
    private static func opensText(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || isDigit(byte) }
        guard let properties = firstScalar(at: index, in: bytes)?.properties else { return false }
        return properties.isAlphabetic && !properties.isLowercase
    }

    /// A reStructuredText explicit markup line: ".. directive::", ".. _label:", ".. comment".
    private static func isDirective(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        line.count >= 3 && bytes[line.lowerBound] == UInt8(ascii: ".") && bytes[line.lowerBound + 1] == UInt8(ascii: ".")
            && bytes[line.lowerBound + 2] == UInt8(ascii: " ")
    }

    private static func containsNewline(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        range.contains { bytes[$0] == UInt8(ascii: "\n") }
    }

    private func blockRole(_ block: Block, isOnlyLine: Bool, in bytes: UnsafeBufferPointer<UInt8>) -> SentenceRole {
        if block.isMarkdownHeading { return .heading }
        if block.isListItem || !isOnlyLine { return .statement }
        let words = Self.wordCount(block.range, in: bytes, stoppingAfter: maximumHeadingWords)
        guard words <= maximumHeadingWords else { return .statement }
        switch Self.finalMark(block.range, in: bytes) {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: ":"), UInt8(ascii: ";"): return .statement
        default: return .heading
        }
    }

    /// A line of at most eight words without final punctuation that does not end on a
    /// function word ("… for the"): a label or sub-heading (when the next line opens text
    /// of its own).
    private static func isShortLabel(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Counting stops at the ninth word: the block being extended can be a whole
        // giant paragraph, and recounting it for every line would be quadratic.
        guard wordCount(line, in: bytes, stoppingAfter: 8) <= 8 else { return false }
        switch finalMark(line, in: bytes) {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"),
             UInt8(ascii: ";"), UInt8(ascii: ","):
            return false
        default:
            return !endsWithFunctionWord(line, in: bytes)
        }
    }

    /// Whether the last word of `range` is a lower-case function word, which leaves a
    /// phrase unfinished ("The usual name for this pattern is").
    private static func endsWithFunctionWord(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = range.upperBound
        while start > range.lowerBound, isASCIILetter(bytes[start - 1]) { start -= 1 }
        guard start < range.upperBound, start == range.lowerBound || isSpace(bytes[start - 1]) else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<range.upperBound]), as: UTF8.self)
        return titleFunctionWords.contains(word) || continuingWords.contains(word)
    }

    /// Words that cannot end a label or title: verbs and conjunctions that need more after them.
    static let continuingWords: Set<String> = ["is", "are", "was", "were", "be", "but", "that", "which", "than"]

    /// The text of a Markdown ATX heading ("## Title"), without its markers.
    private static func markdownHeadingBody(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var index = line.lowerBound
        while index < line.upperBound, bytes[index] == UInt8(ascii: "#") { index += 1 }
        let level = index - line.lowerBound
        guard (1...6).contains(level), index < line.upperBound, isSpace(bytes[index]) else { return nil }
        let body = trimmed(index..<line.upperBound, in: bytes)
        return body.isEmpty ? nil : body
    }

    /// The text of a list item ("- x", "* x", "+ x", "• x", "1. x", "2) x"), without its marker.
    static func listItemBody(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var index = line.lowerBound
        guard index < line.upperBound else { return nil }
        let first = bytes[index]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            index += 1
        } else if first == 0xE2, index + 2 < line.upperBound, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA2 {
            index += 3  // U+2022 BULLET
        } else if isDigit(first) {
            while index < line.upperBound, isDigit(bytes[index]), index - line.lowerBound < 4 { index += 1 }
            guard index < line.upperBound,
                  bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return nil }
            index += 1
        } else {
            return nil
        }
        guard index < line.upperBound, isSpace(bytes[index]) else { return nil }
        let body = trimmed(index..<line.upperBound, in: bytes)
        return body.isEmpty ? nil : body
    }

    // MARK: - Sentences

    private func sentenceRanges(in block: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = block.lowerBound
        var index = block.lowerBound
        while index < block.upperBound {
            let terminator = Self.terminatorLength(at: index, in: bytes)
            guard terminator > 0 else {
                index += 1
                continue
            }
            let markStart = index
            var end = index + terminator
            // Runs of terminators ("?!", "...") and closing quotes or brackets belong to the sentence.
            while end < block.upperBound {
                let more = Self.terminatorLength(at: end, in: bytes)
                if more > 0 { end += more; continue }
                let closer = Self.closerLength(at: end, in: bytes)
                if closer > 0 { end += closer; continue }
                break
            }
            let followedBySpace = end == block.upperBound || Self.isSpace(bytes[end]) || Self.isNoBreakSpace(at: end, in: bytes)
            if followedBySpace && isBoundary(mark: markStart, end: end, sentenceStart: start, block: block, in: bytes) {
                let range = Self.trimmed(start..<end, in: bytes)
                if !range.isEmpty { ranges.append(range) }
                start = end
            }
            index = end
        }
        let rest = Self.trimmed(start..<block.upperBound, in: bytes)
        if !rest.isEmpty { ranges.append(rest) }
        return ranges
    }

    /// Decides whether the terminator at `mark` (ending, with closers, at `end`) ends a sentence.
    private func isBoundary(
        mark: Int, end: Int, sentenceStart: Int, block: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let nextWord = Self.nextNonSpace(from: end, limit: block.upperBound, in: bytes)
        guard let nextWord else { return true }
        let nextIsLower = Self.isLowercaseStart(at: nextWord, in: bytes)
        let nextIsUpper = Self.isUppercaseStart(at: nextWord, in: bytes)

        // An ellipsis that runs on in lower case continues the sentence.
        let isEllipsis = bytes[mark] == 0xE2
            || (mark + 2 < bytes.count && bytes[mark] == UInt8(ascii: ".") && bytes[mark + 1] == UInt8(ascii: ".") && bytes[mark + 2] == UInt8(ascii: "."))
        if isEllipsis { return !nextIsLower }
        guard bytes[mark] == UInt8(ascii: ".") else { return true }

        // The word before the full stop, including inner full stops ("e.g", "U.S").
        var wordStart = mark
        while wordStart > sentenceStart {
            let byte = bytes[wordStart - 1]
            if Self.isASCIILetter(byte) || Self.isDigit(byte) || byte == UInt8(ascii: ".") { wordStart -= 1 } else { break }
        }
        guard wordStart < mark else { return true }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<mark]), as: UTF8.self)
        let lower = word.lowercased()

        if Abbreviations.neverFinal.contains(lower) { return false }
        if Abbreviations.possiblyFinal.contains(lower) { return nextIsUpper }
        // A single capital letter is an initial ("J. R. Tolkien").
        if word.utf8.count == 1, let first = word.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") {
            return false
        }
        // Letter-dot-letter forms not in the list ("p.m", "a.k.a") end only before a capital.
        if lower.contains(".") { return nextIsUpper }
        // "1." opening a block is a list number, not a sentence.
        if wordStart == block.lowerBound, word.utf8.allSatisfy(Self.isDigit) { return false }
        return true
    }

    // MARK: - Byte helpers

    /// Length of a sentence terminator at `index`: `.`, `!`, `?` (1 byte) or `…` (3 bytes).
    private static func terminatorLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        switch bytes[index] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return 1
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6: return 3
        default: return 0
        }
    }

    /// Length of a closing quote or bracket at `index`: ' " ) ] (1 byte), ’ ” (3 bytes), » (2 bytes).
    private static func closerLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        switch bytes[index] {
        case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: ")"), UInt8(ascii: "]"): return 1
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0x99 || bytes[index + 2] == 0x9D): return 3
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xBB: return 2
        default: return 0
        }
    }

    /// The last byte of a range that is not a closing quote or bracket.
    private static func finalMark(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var end = range.upperBound
        while end > range.lowerBound {
            let byte = bytes[end - 1]
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") {
                end -= 1
            } else if end - 3 >= range.lowerBound, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80,
                      bytes[end - 1] == 0x99 || bytes[end - 1] == 0x9D {
                end -= 3
            } else {
                return byte
            }
        }
        return nil
    }

    /// A sentence ending in "::" only introduces the literal block after it ("like this::").
    static func introducesLiteral(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        range.count >= 2 && bytes[range.upperBound - 1] == UInt8(ascii: ":") && bytes[range.upperBound - 2] == UInt8(ascii: ":")
    }

    /// Words that stay lower case inside a title ("Disclaimer of Warranty").
    static let titleFunctionWords: Set<String> = [
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
        "to", "with", "vs",
    ]

    /// A short run of words, each capitalised but for function words: a section title that
    /// ends in a full stop ("15. Disclaimer of Warranty."), not a statement.
    ///
    /// Only ASCII-lettered words are judged; a sentence with a digit-only or lower-case
    /// content word, or more than six words, is prose.
    ///
    /// - Complexity: O(n) in the range's length; every sentence is asked, so words are judged
    ///   on their bytes as they end, and the first lower-case content word or seventh word
    ///   ends the scan (a function word is lower case, so only such words are looked up).
    static func isTitleCase(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var count = 0
        var capitalised = 0
        var start = -1
        // Whether the word `start..<end` still allows a title, counting it if capitalised.
        func admits(_ end: Int) -> Bool {
            count += 1
            guard count <= 6 else { return false }
            let first = bytes[start]
            if first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") {
                capitalised += 1
                return true
            }
            return titleFunctionWords.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        }
        for index in range {
            let byte = bytes[index]
            if isASCIILetter(byte) || byte >= 0x80 || isDigit(byte) || byte == UInt8(ascii: "'") {
                if start < 0 { start = index }
            } else if start >= 0 {
                guard admits(index) else { return false }
                start = -1
            }
        }
        if start >= 0, !admits(range.upperBound) { return false }
        // One capitalised word alone ("Yes.") is not a title.
        return count > 0 && capitalised >= 2
    }

    private static func endsWithQuestionMark(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        finalMark(range, in: bytes) == UInt8(ascii: "?")
    }

    /// The number of blank-separated words in `range`, or `limit + 1` as soon as there are more than `limit`.
    ///
    /// - Complexity: O(k), where k is the length of the prefix of `range` that holds `limit + 1` words.
    private static func wordCount(
        _ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, stoppingAfter limit: Int = .max
    ) -> Int {
        var count = 0
        var inWord = false
        for index in range {
            if isSpace(bytes[index]) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count > limit { return count }
            }
        }
        return count
    }

    /// Whether `range` is nothing but Markdown links to places in the same document
    /// ("[Current releases](#current-releases)", a table of contents' entry), with at most
    /// punctuation between them: it names sections rather than saying anything, so it is
    /// kept for context like a heading. A link elsewhere may be what a question asks for
    /// ("[Downloads](https://…)") and is left citable.
    static func isContentsEntry(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var links = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            if byte == UInt8(ascii: "[") {
                // "[text](#anchor)": the text may hold anything but a closing bracket.
                var close = i + 1
                while close < range.upperBound, bytes[close] != UInt8(ascii: "]") { close += 1 }
                guard close + 2 < range.upperBound, bytes[close + 1] == UInt8(ascii: "("),
                      bytes[close + 2] == UInt8(ascii: "#") else { return false }
                var end = close + 3
                while end < range.upperBound, bytes[end] != UInt8(ascii: ")") { end += 1 }
                guard end < range.upperBound else { return false }
                links += 1
                i = end + 1
            } else if byte >= 0x80 || isASCIILetter(byte) || isDigit(byte) {
                return false
            } else {
                i += 1
            }
        }
        return links > 0
    }

    private static func containsWordCharacter(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Any non-ASCII byte may begin a letter of another script; only pure ASCII
        // punctuation counts as wordless.
        range.contains { bytes[$0] >= 0x80 || isASCIILetter(bytes[$0]) || isDigit(bytes[$0]) }
    }

    private static func nextNonSpace(from index: Int, limit: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = index
        while index < limit {
            if isSpace(bytes[index]) { index += 1 } else if isNoBreakSpace(at: index, in: bytes) { index += 2 } else { return index }
        }
        return nil
    }

    private static func isLowercaseStart(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        return firstScalar(at: index, in: bytes)?.properties.isLowercase ?? false
    }

    private static func isUppercaseStart(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            // Digits and opening quotes or brackets also open sentences.
            return (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || isDigit(byte)
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "(")
        }
        guard let scalar = firstScalar(at: index, in: bytes) else { return false }
        return scalar.properties.isUppercase || scalar == "\u{201C}" || scalar == "\u{2018}"
    }

    private static func firstScalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        let end = min(bytes.count, index + 4)
        var iterator = UnsafeBufferPointer(rebasing: bytes[index..<end]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) || isNoBreakSpace(at: lower, in: bytes) {
            lower += isSpace(bytes[lower]) ? 1 : 2
        }
        while upper > lower, isSpace(bytes[upper - 1]) || (upper - 2 >= lower && isNoBreakSpace(at: upper - 2, in: bytes)) {
            upper -= isSpace(bytes[upper - 1]) ? 1 : 2
        }
        return lower..<upper
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func isNoBreakSpace(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        index + 1 < bytes.count && bytes[index] == 0xC2 && bytes[index + 1] == 0xA0
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
