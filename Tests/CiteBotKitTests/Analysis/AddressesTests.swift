import Testing
@testable import CiteBotKit

@Suite struct AddressesTests {
    /// The text of each range `Addresses` finds in `text`.
    func found(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return Addresses.ranges(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test(arguments: [
        ("See https://a.org/v/3/ now.", ["https://a.org/v/3/"]),
        ("Visit www.b.com/4, then rest.", ["www.b.com/4,"]),
        ("Mail x5@c.org or <<ann.git@mail.example.com>>.", ["x5@c.org", "<<ann.git@mail.example.com>>."]),
        // A Markdown link keeps its text; only the target goes.
        ("Read [the guide](./GUIDE.md) first.", ["./GUIDE.md"]),
        ("[Current releases](#current-releases)", ["#current-releases"]),
        ("[ann](https://host.example/ann) and [bo](#bo)", ["https://host.example/ann", "#bo"]),
        // reStructuredText puts the address in angle brackets after the link text.
        ("`The guide <https://host.example/guide>`_ helps.", ["<https://host.example/guide>`_"]),
        // Names and decorators are no addresses, nor is an "@" without a host.
        ("Use @property or ask @nodejs at 5 @ 6.", []),
        ("A colon: then words, and [brackets] alone.", []),
        ("No trigger bytes here", []),
    ] as [(String, [String])])
    func findsAddressesAndLinkTargets(_ text: String, _ expected: [String]) {
        #expect(found(text) == expected, "\(text)")
    }

    /// The index leaves out the words of addresses and link targets: an e-mail address that
    /// holds "git" does not make its sentence about git, and a link is indexed by its text.
    @Test func theIndexLeavesOutTheirWords() throws {
        let index = try Fixtures.index(["Write to ann.git@mail.example.com for help.\n\n[Current releases](#older-notes)\n\nGit tracks changes to files."])
        let git = try #require(index.vocabulary.id(of: "git"))
        let vectors = index.sentenceVectors
        func terms(_ sentence: Int) -> [Int32] { vectors.row(sentence).map { vectors.columns[$0] } }
        #expect(!terms(0).contains(git))
        #expect(terms(2).contains(git))
        #expect(index.vocabulary.id(of: "exampl") == nil)
        #expect(terms(1).count == 2)
        #expect(index.vocabulary.id(of: "older") == nil)
    }

    /// On random text made of the bytes addresses are built from, the ranges stay inside
    /// the text, in order and apart, and each lies within one run of non-space bytes.
    @Test func rangesAreOrderedInsideTheTextAndWithinOneRun() {
        var random = SeededGenerator(seed: 20261207)
        let alphabet = Array("ab w.:/@[]()#- \n".utf8) + [0xC3, 0xA9]
        var total = 0
        for round in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let found = bytes.withUnsafeBufferPointer { Addresses.ranges(in: $0) }
            total += found.count
            for (range, next) in zip(found, found.dropFirst()) {
                #expect(range.upperBound <= next.lowerBound, "round \(round): \(bytes)")
            }
            for range in found {
                #expect(range.lowerBound >= 0 && range.upperBound <= bytes.count, "round \(round): \(bytes)")
                #expect(!bytes[range].contains { Addresses.isSpace($0) }, "round \(round): \(bytes)")
            }
        }
        // The alphabet makes addresses and link targets often enough for the checks to bite.
        #expect(total > 100)
    }
}
