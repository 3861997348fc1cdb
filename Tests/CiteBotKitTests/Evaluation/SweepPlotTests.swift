import Foundation
import Testing

@testable import CiteBotKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Sweep plot")
struct SweepPlotTests {
    static let samples = ThresholdSweepTests.samples

    func render(title: String = "Botox & fillers <test>") -> String {
        let sweep = ThresholdSweep(samples: Self.samples)
        let current = ThresholdSweep.point(at: 0.25, samples: Self.samples)
        return SweepPlot(width: 640, height: 440, title: title).svg(sweep, current: current)
    }

    @Test func isWellFormedXMLWithAnSVGRoot() throws {
        let outline = try SVGOutline(render())
        #expect(outline.root == "svg")
        #expect(outline.attributes("svg").first?["width"] == "640")
        #expect(outline.attributes("svg").first?["height"] == "440")
        #expect(outline.attributes("svg").first?["xmlns"] == "http://www.w3.org/2000/svg")
    }

    @Test func hasAxisLabelsTitleAndTicks() throws {
        let outline = try SVGOutline(render())
        #expect(outline.texts.contains("coverage"))
        #expect(outline.texts.contains("accuracy of answered"))
        // Escaped in the file, the title reads back verbatim.
        #expect(outline.texts.contains("Botox & fillers <test>"))
        for tick in ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"] {
            #expect(outline.texts.filter { $0 == tick }.count == 2, "tick \(tick) on both axes")
        }
    }

    @Test func drawsTheCurveThroughEveryAnsweringThreshold() throws {
        let outline = try SVGOutline(render())
        let polyline = try #require(outline.attributes("polyline").first)
        #expect(polyline["class"] == "curve")
        // Thresholds 0.00…0.90 answer something (s1 has confidence 0.9); 0.92…1.00 do not.
        let points = polyline["points"]?.split(separator: " ") ?? []
        #expect(points.count == 46)
        // Coverage 0.8 and accuracy 0.5 at t = 0: x = 70 + 0.8·540, y = 50 + 0.5·330.
        #expect(points.first == "502.0,215.0")
    }

    @Test func marksTheBestAndCurrentThresholds() throws {
        let outline = try SVGOutline(render())
        let classes = outline.attributes("circle").compactMap { $0["class"] }
        #expect(classes.filter { $0 == "best" }.count == 1)
        #expect(classes.filter { $0 == "current" }.count == 1)
        #expect(outline.texts.contains("best t=0.32"))
        #expect(outline.texts.contains("current t=0.25"))
    }

    @Test func plotWithNothingAnsweredStillRenders() throws {
        let samples = [SweepSample(confidence: 0, hasCitation: false, topCorrect: false, unanswerable: true)]
        let svg = SweepPlot().svg(ThresholdSweep(samples: samples), current: ThresholdSweep.point(at: 0.5, samples: samples))
        let outline = try SVGOutline(svg)
        #expect(outline.attributes("polyline").isEmpty)
        #expect(outline.texts.contains("no threshold answers any question"))
        #expect(outline.texts.contains("current t=0.50: nothing answered"))
    }
}

/// The elements, attributes and text of an SVG document, read with `XMLParser`
/// so that a malformed document fails the test.
final class SVGOutline: NSObject, XMLParserDelegate {
    private(set) var root: String?
    private var elements: [(name: String, attributes: [String: String])] = []
    private var textStack: [String] = []
    private(set) var texts: [String] = []
    private var parseError: String?

    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        let parsed = parser.parse()
        let problem = parseError ?? parser.parserError.map { "\($0)" } ?? "unknown parse failure"
        try #require(parsed, "SVG is not well-formed XML: \(problem)")
    }

    func attributes(_ name: String) -> [[String: String]] {
        elements.filter { $0.name == name }.map(\.attributes)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        if root == nil { root = elementName }
        elements.append((elementName, attributeDict))
        textStack.append("")
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !textStack.isEmpty { textStack[textStack.count - 1] += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        let text = textStack.popLast() ?? ""
        if elementName == "text" || elementName == "title" { texts.append(text) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        self.parseError = "\(parseError) at line \(parser.lineNumber), column \(parser.columnNumber)"
    }
}
