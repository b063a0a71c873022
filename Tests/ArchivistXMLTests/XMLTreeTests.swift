import ArchivistXML
import Foundation
import Testing

@Suite("XMLTree: the hardened libxml2 wrapper")
struct XMLTreeTests {
    func parse(_ text: String, limits: XMLLimits = XMLLimits()) throws -> XMLTree {
        try parse(Array(text.utf8), limits: limits)
    }

    func parse(_ bytes: [UInt8], limits: XMLLimits = XMLLimits()) throws -> XMLTree {
        try bytes.withUnsafeBytes { buffer in try XMLTree.parse(buffer, limits: limits) }
    }

    func refusal(_ text: String, limits: XMLLimits = XMLLimits()) -> XMLParseError? {
        do {
            _ = try parse(text, limits: limits)
            return nil
        } catch {
            return error as? XMLParseError
        }
    }

    @Test("elements, namespaces, attributes and text, with inline markup kept inside words and blocks apart")
    func tree() throws {
        let tree = try parse(
            """
            <?xml version="1.0"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><title type="main">A <hi>letter</hi> (<persName>Caffery</persName>)</title></teiHeader>
            <text><body><p>First   paragraph
            goes on.</p><p>Second.</p><corp><part>State University</part><part>Libraries</part></corp></body></text></TEI>
            """)
        let root = tree.root
        #expect(root.name == "TEI" && root.isNamed("TEI"))
        #expect(root.namespace == "http://www.tei-c.org/ns/1.0")
        let title = try #require(root.path("teiHeader", "title"))
        #expect(title.text == "A letter (Caffery)")
        #expect(title.attribute("type") == "main")
        #expect(title.attribute("missing") == nil)
        let attributes = try parse(#"<r a="" b="x &amp; y &#x41;&lt;" c=" two  spaces "/>"#).root
        #expect(attributes.attribute("a") == "")
        #expect(attributes.attribute("b") == "x & y A<")
        #expect(attributes.attribute("c") == " two  spaces ", "attribute values are not collapsed")
        let body = try #require(root.first("body"))
        #expect(body.text(blocks: ["p"]) == "First paragraph goes on.\n\nSecond.\n\nState University Libraries")
        #expect(root.descendants("p").count == 2)
        #expect(title.parent?.name == "teiHeader")
    }

    @Test("the text of chosen children, a paragraph each, is their texts joined with blank lines; lookups stop at the first match")
    func childrenText() throws {
        let tree = try parse(
            """
            <c><did><unittitle>Letters,  1949</unittitle><unitdate>12 Oct. 1955</unitdate></did>
            loose text <scopecontent><p>One.</p>  <p>Two <emph>words</emph>.</p></scopecontent><odd>   </odd>
            <c><did><unittitle>Nested</unittitle></did></c><note><p>Last</p></note></c>
            """)
        let root = tree.root
        let blocks = XMLNameSet(["p"])
        let include: (XMLElementRef) -> Bool = { !$0.isNamed("c") }
        let joined = root.children.filter(include).map { $0.text(blocks: blocks) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        #expect(root.text(ofChildren: include, blocks: blocks) == joined)
        #expect(joined == "Letters, 1949 12 Oct. 1955\n\nOne.\n\nTwo words.\n\nLast")
        #expect(root.text(ofChildren: { _ in false }, blocks: blocks) == "")
        #expect(root.first("unittitle")?.text == "Letters, 1949")
        #expect(root.first("missing") == nil)
        #expect(root.children("c").count == 1 && root.children("did").count == 1 && root.children("p").isEmpty)
        #expect(root.descendants("unittitle").map(\.text) == ["Letters, 1949", "Nested"])
        #expect(root.descendants("unittitle", stop: { $0.isNamed("c") }).map(\.text) == ["Letters, 1949"])
        #expect(root.descendants(stop: { $0.isNamed("did") }).count == 10, "did, scopecontent, p, p, emph, odd, c, did, note, p")
    }

    @Test(
        "an element's text read as it is (one text node already collapsed) equals the writer's, and any other is collapsed",
        arguments: [
            "", "a", "Letters, 1949", " lead", "trail ", "two  spaces", "line\nbreak", "tab\there", "cr\rhere", " ", "   ",
            "Урумчи 乌鲁木齐", "<![CDATA[ kept  as  text ]]>", "<![CDATA[plain]]>", "a<b/>b", "one <!-- c --> two",
        ])
    func textAsItIs(content: String) throws {
        let element = try parse("<r>\(content)</r>").root
        // text(blocks:) always goes through the writer.
        #expect(element.text == element.text(blocks: []))
        #expect(!element.text.hasPrefix(" ") && !element.text.hasSuffix(" ") && !element.text.contains("  "))
        #expect(!element.text.contains("\n") && !element.text.contains("\t") && !element.text.contains("\r"))
    }

    @Test("a name with a two-digit number: the prefix alone or with a number in the range, nothing else")
    func numberedNames() throws {
        let names = ["c", "c01", "c09", "c12", "c13", "c00", "c1", "c001", "cc", "c0a", "ca", "d01", "c1x", "archdesc"]
        let tree = try parse("<r>" + names.map { "<\($0)/>" }.joined() + "</r>")
        let matched = tree.root.children.filter { $0.isNamed("c", orNumbered: 1...12) }.map(\.name)
        #expect(matched == ["c", "c01", "c09", "c12"])
        #expect(tree.root.children.filter { $0.isNamed("arch", orNumbered: 0...99) }.isEmpty, "archdesc: letters after the prefix")
    }

    @Test("the interned names of one tree are looked up safely from many threads at once")
    func concurrentText() throws {
        let tree = try parse("<r>" + String(repeating: "<d><p>a</p><p>b</p></d>", count: 200) + "</r>")
        let parts = tree.root.children
        let blocks = XMLNameSet(["p"])
        final class Texts: @unchecked Sendable {
            let lock = NSLock()
            var all: [String] = []
            let parts: [XMLElementRef]
            init(_ parts: [XMLElementRef]) { self.parts = parts }
        }
        let texts = Texts(parts)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            let text = texts.parts[index].text(blocks: blocks)
            texts.lock.lock()
            texts.all.append(text)
            texts.lock.unlock()
        }
        #expect(texts.all.count == 200 && texts.all.allSatisfy { $0 == "a\n\nb" })
    }

    @Test(
        "entity declarations are refused before anything expands",
        arguments: [
            #"<!DOCTYPE r [ <!ENTITY a "x"> ]><r>&a;</r>"#,
            #"<!DOCTYPE r [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]><r>&xxe;</r>"#,
            #"<!DOCTYPE r [ <!ENTITY % dtd SYSTEM "http://127.0.0.1:9/x.dtd"> %dtd; ]><r/>"#,
            #"<!DOCTYPE r [ <!ENTITY % p "<!ENTITY g 'x'>"> %p; ]><r>&g;</r>"#,
            #"<!DOCTYPE r [ <!ENTITY a "&b;"> <!ENTITY b "&a;"> ]><r>&a;</r>"#,
        ])
    func entities(document: String) {
        #expect(refusal(document)?.kind == .entityDeclaration)
    }

    @Test("an internal parameter entity with a plain value (TEI's INCLUDE switches) and an external DTD are accepted, never loaded")
    func harmlessDoctype() throws {
        let tree = try parse(#"<!DOCTYPE TEI SYSTEM "../DTD/tei.dtd" [ <!ENTITY % TEI.XML 'INCLUDE'> ]><TEI><p>ok</p></TEI>"#)
        #expect(tree.root.text == "ok")
        #expect(tree.doctypeSystemID == "../DTD/tei.dtd")
        let http = try parse(#"<!DOCTYPE ead SYSTEM "http://127.0.0.1:9/ead.dtd"><ead/>"#)
        #expect(http.root.name == "ead")
    }

    @Test("nesting deeper than the limit, files larger than the limit, and broken XML are refused with their kind")
    func limits() {
        let deep = String(repeating: "<a>", count: 11) + String(repeating: "</a>", count: 11)
        #expect(refusal(deep, limits: XMLLimits(maximumDepth: 10))?.kind == .tooDeep)
        #expect(refusal(deep, limits: XMLLimits(maximumDepth: 11)) == nil)
        let libxmlDeep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect(refusal(libxmlDeep)?.kind == .tooDeep)
        #expect(refusal(libxmlDeep)?.detail == "elements are nested more than 256 deep", "not libxml2's advice to allow huge documents")
        #expect(refusal("<r>0123456789</r>", limits: XMLLimits(maximumBytes: 10))?.kind == .tooLarge)
        let broken = refusal("<r><a></r>")
        #expect(broken?.kind == .malformed)
        #expect(broken?.line == 1)
        #expect(refusal("")?.kind == .malformed)
    }

    @Test("encodings: invalid UTF-8 and a wrong declaration are refused; UTF-16 with BOM and declared ISO-8859-1 read right")
    func encodings() throws {
        let invalid = #expect(throws: XMLParseError.self) { try parse(Array("<r>".utf8) + [0xC3, 0x28] + Array("</r>".utf8)) }
        #expect(invalid?.kind == .encoding)
        let text = "<r>Урумчи 乌鲁木齐</r>"
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try parse(utf16).root.text == "Урумчи 乌鲁木齐")
        let latin1: [UInt8] = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><r>N"#.utf8) + [0xFA, 0xF1] + Array("ez</r>".utf8)
        let tree = try parse(latin1)
        #expect(tree.root.text == "Núñez")
        #expect(tree.encoding == "ISO-8859-1")
    }

    @Test("XInclude is never processed: the element stays, nothing is read")
    func xinclude() throws {
        let tree = try parse(#"<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></r>"#)
        #expect(tree.root.children.first?.name == "include")
        #expect(!tree.root.text.contains("root:"))
    }

    @Test("validation against an XSD, offline: valid, invalid with the line, and an unreadable schema")
    func validation() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/archivist-xsd-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let xsd = folder + "/r.xsd"
        try Data(
            """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="r"><xs:complexType><xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """.utf8
        ).write(to: URL(fileURLWithPath: xsd))
        #expect(try parse("<r><a>4</a></r>").validate(schemaAt: xsd).outcome == .valid)
        let invalid = try parse("<r>\n<a>four</a></r>").validate(schemaAt: xsd)
        #expect(invalid.outcome == .invalid)
        #expect(invalid.errorCount == 1)
        #expect(invalid.messages.first?.hasPrefix("line 2:") == true)
        #expect(try parse("<r/>").validate(schemaAt: folder + "/missing.xsd").outcome == .schemaUnreadable)
    }
}
