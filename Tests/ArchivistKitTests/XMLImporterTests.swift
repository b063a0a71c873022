import ArchivistXML
import Chronology
import Foundation
import Testing

@testable import ArchivistKit

@Suite("XML importers: TEI, EAD, OAI-PMH, MODS, generic")
struct XMLImporterTests {
    func read(_ text: String, path: String = "test.xml") throws -> XMLImporter.Result {
        try XMLImporter().read(bytes: Array(text.utf8), path: path)
    }

    @Test("TEI: title, date with its precision, translator, msIdentifier reference, language, identity, revision history")
    func tei() throws {
        let result = try read(
            """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
              <titleStmt><title>Letter to Stalin</title><respStmt><resp>Translated by</resp><name>Gary Goldberg</name></respStmt></titleStmt>
              <publicationStmt><idno type="local">etr-7</idno></publicationStmt>
              <sourceDesc><msDesc><msIdentifier><settlement>Moscow</settlement><repository>GARF</repository><collection>R-9401</collection>
                <idno>Opis' 2, Delo 95</idno></msIdentifier></msDesc></sourceDesc></fileDesc>
              <profileDesc><creation><date notBefore="1945-04" notAfter="1945-05">spring 1945</date></creation>
                <langUsage><language ident="ru">Russian</language></langUsage></profileDesc>
              <revisionDesc><change when="2026-11-01" who="#ed">encoded</change></revisionDesc></teiHeader>
            <text><body><p>First.</p><p>Second.</p></body></text></TEI>
            """)
        #expect(result.dialect == "tei")
        let document = try #require(result.documents.first)
        #expect(document.identity == "tei:etr-7")
        #expect(document.title == "Letter to Stalin")
        #expect(document.translator == "Gary Goldberg")
        #expect(document.sourceLine == "Moscow, GARF, R-9401, Opis' 2, Delo 95")
        #expect(document.fields["reference.repository"] == "GARF")
        #expect(document.originalLanguage == "Russian")
        #expect(document.date?.edtf == "1945-04/1945-05")
        #expect(document.dateText == "spring 1945")
        #expect(document.fields["history"] == "2026-11-01 #ed encoded")
        #expect(document.body == "First.\n\nSecond.")
    }

    @Test("a teiCorpus gives one document per TEI; a FRUS volume one per documentary division")
    func multiRecordTEI() throws {
        let corpus = try read(
            "<teiCorpus><teiHeader/><TEI><teiHeader><fileDesc><titleStmt><title>A</title></titleStmt></fileDesc></teiHeader></TEI><TEI><teiHeader><fileDesc><titleStmt><title>B</title></titleStmt></fileDesc></teiHeader></TEI></teiCorpus>"
        )
        #expect(corpus.documents.map(\.title) == ["A", "B"])
        let frus = try read(
            """
            <TEI><teiHeader><fileDesc><titleStmt><title>FRUS 1949</title></titleStmt><publicationStmt><idno type="frus">frus1949</idno></publicationStmt></fileDesc></teiHeader>
            <text><body><div type="chapter"><div type="document" xml:id="d1"><head>Telegram</head><dateline><date when="1949-08-27T14:00:00+01:00">August 27, 1949</date></dateline><p>Text.</p></div>
            <div type="document" xml:id="d2"><head>Memo</head><p>More.</p></div></div></body></text></TEI>
            """)
        #expect(frus.documents.map(\.identity) == ["tei:frus1949#d1", "tei:frus1949#d2"])
        #expect(frus.documents[0].date?.edtf == "1949-08-27")
        #expect(frus.documents[0].fields["volume"] == "FRUS 1949")
    }

    @Test("EAD 2002 without a namespace and EAD3 with the wrong one: collection plus components with their unitid chain")
    func ead() throws {
        let ead2002 = try read(
            """
            <ead><eadheader><eadid>us-xyz-1</eadid></eadheader><archdesc level="collection"><did><unittitle>Papers</unittitle>
            <unitid>MS 1</unitid><unitdate normal="1934/1950">1934-1950</unitdate><repository><corpname>Example Archive</corpname></repository></did>
            <dsc><c01 id="s1"><did><unittitle>Series 1</unittitle><unitid>Series 1</unitid></did>
            <c02><did><unittitle>Folder</unittitle><unitid>Box 2</unitid><unitdate normal="1949-08">August 1949</unitdate></did></c02></c01></dsc></archdesc></ead>
            """)
        #expect(ead2002.dialect == "ead2002")
        #expect(ead2002.documents.map(\.identity) == ["ead:us-xyz-1", "ead:us-xyz-1#s1", "ead:us-xyz-1#MS 1/Series 1/Box 2"])
        #expect(ead2002.documents[0].date?.edtf == "1934/1950")
        #expect(ead2002.documents[2].fields["reference.unitid"] == "MS 1 / Series 1 / Box 2")
        #expect(ead2002.documents[2].sourceLine == "Example Archive, MS 1, Series 1, Box 2")
        #expect(ead2002.documents[2].date?.precision == .month)
        let ead3 = try read(
            """
            <ead xmlns="urn:wrong"><control><recordid>r-9</recordid><maintenancehistory><maintenanceevent><eventtype value="created"/>
            <eventdatetime>2020</eventdatetime><agent>Ann</agent></maintenanceevent></maintenancehistory></control>
            <archdesc level="fonds"><did><unittitle>Fonds</unittitle><unitdatestructured><daterange><fromdate standarddate="1940">1940</fromdate>
            <todate standarddate="1955">1955</todate></daterange></unitdatestructured></did></archdesc></ead>
            """)
        #expect(ead3.dialect == "ead3")
        #expect(ead3.documents.first?.identity == "ead:r-9")
        #expect(ead3.documents.first?.date?.edtf == "1940/1955")
        #expect(ead3.documents.first?.fields["history"] == "created | 2020 | Ann")
    }

    @Test("OAI-PMH: Dublin Core records, a deleted record as a deletion, error responses as errors")
    func oai() throws {
        let list = try read(
            """
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
            <record><header><identifier>oai:x:1</identifier><datestamp>2026-11-01</datestamp></header><metadata>
            <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title>Telegram</dc:title><dc:date>1947-09-10</dc:date><dc:description>About Xinjiang.</dc:description><dc:language>ru</dc:language>
            <dc:contributor>Translated by Gary Goldberg</dc:contributor></oai_dc:dc></metadata></record>
            <record><header status="deleted"><identifier>oai:x:2</identifier><datestamp>2026-11-02</datestamp></header></record>
            </ListRecords></OAI-PMH>
            """)
        #expect(list.documents.count == 2)
        #expect(list.documents[0].identity == "oai:x:1")
        #expect(list.documents[0].date?.edtf == "1947-09-10")
        #expect(list.documents[0].translator == "Translated by Gary Goldberg")
        #expect(list.documents[0].fields["oai.datestamp"] == "2026-11-01")
        #expect(list.documents[1].deletedAtSource)
        #expect(throws: ArchivistError.self) {
            try read(#"<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><error code="badArgument">bad</error></OAI-PMH>"#)
        }
        do {
            _ = try read(#"<OAI-PMH><error code="noRecordsMatch"/></OAI-PMH>"#, path: "empty.xml")
        } catch let error as ArchivistError {
            #expect(error.code == "oai-pmh-error")
            #expect(error.message.contains("noRecordsMatch"))
        }
    }

    @Test("MODS: title parts, start/end dates as an interval, qualifiers, translator role, record identifier")
    func mods() throws {
        let result = try read(
            """
            <mods:modsCollection xmlns:mods="http://www.loc.gov/mods/v3"><mods:mods>
            <mods:titleInfo><mods:nonSort>The</mods:nonSort><mods:title>Report</mods:title></mods:titleInfo>
            <mods:name><mods:namePart>Ann Smith</mods:namePart><mods:role><mods:roleTerm>translator</mods:roleTerm></mods:role></mods:name>
            <mods:originInfo><mods:dateCreated point="start" qualifier="approximate">1949</mods:dateCreated><mods:dateCreated point="end">1951</mods:dateCreated></mods:originInfo>
            <mods:recordInfo><mods:recordIdentifier>rec-1</mods:recordIdentifier></mods:recordInfo></mods:mods></mods:modsCollection>
            """)
        let document = try #require(result.documents.first)
        #expect(document.title == "The Report")
        #expect(document.identity == "mods:rec-1")
        #expect(document.translator == "Ann Smith")
        #expect(document.date?.edtf == "1949~/1951~")
    }

    @Test("any other XML is a generic document with a warning")
    func generic() throws {
        let result = try read("<catalogue><head>Inventory</head><entry>One</entry></catalogue>")
        #expect(result.dialect == "generic")
        #expect(result.documents.first?.title == "Inventory")
        #expect(result.documents.first?.warnings.map(\.code) == ["xml-generic"])
    }

    @Test("raw bytes are recognised as XML by their start, whatever the encoding")
    func sniffing() {
        #expect(XMLImporter.looksLikeXML(Array("  <?xml version='1.0'?><r/>".utf8)))
        #expect(XMLImporter.looksLikeXML([0xEF, 0xBB, 0xBF] + Array("<r/>".utf8)))
        #expect(XMLImporter.looksLikeXML([0xFF, 0xFE] + "<r/>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        #expect(!XMLImporter.looksLikeXML(Array("broken xml".utf8)))
        #expect(!XMLImporter.looksLikeXML(Array("< not a tag".utf8)))
    }

    @Test("ingest: a deleted record is a deletion event, once; nothing is removed")
    func deletion() throws {
        let folder = try TemporaryFolder()
        func harvest(_ deleted: Bool) -> String {
            let header = deleted ? #"<header status="deleted">"# : "<header>"
            let metadata = deleted ? "" : #"<metadata><dc xmlns="http://www.openarchives.org/OAI/2.0/oai_dc/"><title>T</title></dc></metadata>"#
            return #"<OAI-PMH><ListRecords><record>"# + header + "<identifier>oai:x:9</identifier><datestamp>2026</datestamp></header>" + metadata
                + "</record></ListRecords></OAI-PMH>"
        }
        try folder.write("h1/records.xml", harvest(false))
        try folder.write("h2/records.xml", harvest(true))
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/h1"])
        let report = Ingester(catalog: catalog).ingest([folder.path + "/h2"])
        #expect(report.files.first?.documents.first?.status == .deletedAtSource)
        _ = Ingester(catalog: catalog).ingest([folder.path + "/h2"])
        let deletions = try catalog.events(about: "oai:x:9").filter { $0.type == .deletion }
        #expect(deletions.count == 1)
        #expect(try catalog.document("oai:x:9").versions.count == 1)
        #expect(try Auditor(catalog: catalog).run().intact)
    }

    @Test("a file of many records ingested again from another path: each record unchanged; changed bytes give new versions")
    func manyRecordsAgain() throws {
        let folder = try TemporaryFolder()
        func findingAid(_ note: String) -> String {
            """
            <ead><eadheader><eadid>fa-9</eadid></eadheader><archdesc level="collection"><did><unittitle>Papers</unittitle></did>
            <dsc><c01><did><unittitle>One</unittitle><unitid>1</unitid></did></c01>
            <c01><did><unittitle>Two</unittitle><unitid>2</unitid></did><scopecontent><p>\(note)</p></scopecontent></c01></dsc></archdesc></ead>
            """
        }
        try folder.write("a/aid.xml", findingAid("Letters."))
        try folder.write("b/aid.xml", findingAid("Letters."))
        try folder.write("c/aid.xml", findingAid("Letters and diaries."))
        let catalog = try folder.catalog()
        let first = Ingester(catalog: catalog).ingest([folder.path + "/a"])
        #expect(first.files.first?.documents.map(\.status) == [.new, .new, .new])
        let copy = Ingester(catalog: catalog).ingest([folder.path + "/b"])
        #expect(copy.files.first?.status == .unchanged)
        #expect(copy.files.first?.documents.map(\.status) == [.unchanged, .unchanged, .unchanged])
        #expect(copy.files.first?.documents.map(\.version) == [1, 1, 1])
        let changed = Ingester(catalog: catalog).ingest([folder.path + "/c"])
        #expect(changed.files.first?.documents.map(\.status) == [.newVersion, .newVersion, .newVersion])
        #expect(try catalog.document("ead:fa-9#1").versions.count == 2)
        // The first bytes again, from a third path, after the change: unchanged (version 1), nothing added.
        try folder.write("d/aid.xml", findingAid("Letters."))
        let again = Ingester(catalog: catalog).ingest([folder.path + "/d"])
        #expect(again.files.first?.documents.map(\.status) == [.unchanged, .unchanged, .unchanged])
        #expect(again.files.first?.documents.map(\.version) == [1, 1, 1])
        #expect(try catalog.document("ead:fa-9#2").versions.count == 2)
        #expect(try Auditor(catalog: catalog).run(citations: false).passed)
    }

    @Test("a finding aid whose bytes are stored is read for its identities only; one of its records new after all gets it read in full")
    func identitiesOnlyThenFull() throws {
        let folder = try TemporaryFolder()
        let aid = """
            <ead><eadheader><eadid>fa-7</eadid></eadheader><archdesc level="collection"><did><unittitle>Papers</unittitle></did>
            <dsc><c01 id="a"><did><unittitle>One</unittitle><unitdate normal="1949">1949</unitdate></did></c01>
            <c01><did><unittitle>Two</unittitle><unitid>2</unitid></did></c01></dsc></archdesc></ead>
            """
        let catalog = try folder.catalog()
        // The same bytes elsewhere, once catalogued: read for their identities, every record unchanged.
        try folder.write("a/aid.xml", aid)
        try folder.write("b/aid.xml", aid)
        _ = Ingester(catalog: catalog).ingest([folder.path + "/a"])
        let copy = try #require(FileWalker.files(under: [folder.path + "/b"]).first)
        let prepared = Ingester(catalog: catalog).prepare(copy)
        #expect(prepared.payload?.identitiesOnly == true)
        #expect(prepared.payload?.documents.map(\.identity) == ["ead:fa-7", "ead:fa-7#a", "ead:fa-7#2"])
        #expect(prepared.payload?.documents.allSatisfy { $0.title.isEmpty && $0.body.isEmpty } == true)
        let again = Ingester(catalog: catalog).ingest([folder.path + "/b"])
        #expect(again.files.first?.documents.map(\.status) == [.unchanged, .unchanged, .unchanged])
        // The bytes stored as another document's only: the records are new, so the file is read in
        // full and stored with its titles and dates, not the empty documents of the first reading.
        let other = try TemporaryFolder()
        let fresh = try other.catalog()
        let bytes = Data(aid.utf8)
        _ = try fresh.store(
            [ImportedDocument(identity: "other:1", title: "Other", body: "other")],
            from: Catalog.SourceFile(sourcePath: "x.xml", originPath: other.path + "/x.xml", sha256: SHA256Digest.hex(bytes), bytes: bytes),
            format: .xml, encoding: "utf-8", importer: XMLImporter())
        try other.write("in/aid.xml", aid)
        let report = Ingester(catalog: fresh).ingest([other.path + "/in"])
        #expect(report.files.first?.status == .new)
        #expect(report.files.first?.documents.map(\.status) == [.new, .new, .new])
        let one = try fresh.document("ead:fa-7#a").versions
        #expect(one.count == 1 && one.first?.title == "One" && one.first?.date == "1949")
        #expect(try fresh.document("ead:fa-7#2").versions.first?.title == "Two")
        #expect(try Auditor(catalog: fresh).run(citations: false).passed)
    }

    @Test("in one ingest, a later copy of a finding aid is not read: it gets the first copy's documents, unchanged")
    func copiesInOneIngest() throws {
        let folder = try TemporaryFolder()
        let aid = """
            <ead><eadheader><eadid>fa-8</eadid></eadheader><archdesc level="collection"><did><unittitle>Papers</unittitle></did>
            <dsc><c01><did><unittitle>One</unittitle><unitid>1</unitid></did></c01></dsc></archdesc></ead>
            """
        for name in ["a", "b", "c"] { try folder.write("in/\(name).xml", aid) }
        let catalog = try folder.catalog()
        let ingester = Ingester(catalog: catalog)
        let batch = FileWalker.files(under: [folder.path + "/in"])
        let (group, outcome) = ingester.prepareInBackground(batch, onEveryCore: false, copies: EarlierCopies(), start: 0)
        group.wait()
        let prepared = try outcome.get()
        let sha256 = SHA256Digest.hex(Data(aid.utf8))
        #expect(prepared.map(\.repeatsEarlier) == [nil, sha256, sha256])
        #expect(prepared.map { $0.payload == nil } == [false, true, true], "the copies are not read")
        // On several threads a later copy may be hashed before the first and then be read too: the
        // ingest below reads its first batch so, and finds the copies unchanged either way.
        let report = ingester.ingest([folder.path + "/in"])
        #expect(report.files.map(\.status) == [.new, .unchanged, .unchanged])
        #expect(report.files.map(\.format) == ["xml", "xml", "xml"])
        let first = try #require(report.files.first)
        for copy in report.files.dropFirst() {
            #expect(copy.documents.map(\.id) == first.documents.map(\.id) && copy.documents.map(\.version) == [1, 1])
            #expect(copy.documents.allSatisfy { $0.status == .unchanged } && copy.sha256 == sha256 && copy.size == aid.utf8.count)
        }
        #expect(try catalog.document("ead:fa-8#1").versions.map(\.title) == ["One"])
        // Moved elsewhere and ingested again: the first copy is read for its identities, the others not at all.
        try FileManager.default.moveItem(atPath: folder.path + "/in", toPath: folder.path + "/moved")
        let events = try catalog.events().count
        let moved = Ingester(catalog: catalog).ingest([folder.path + "/moved"])
        #expect(moved.files.map(\.status) == [.unchanged, .unchanged, .unchanged])
        #expect(moved.files.map { $0.documents.map(\.version) } == [[1, 1], [1, 1], [1, 1]])
        #expect(try catalog.events().count == events, "unchanged documents log nothing")
    }

    @Test("a file taken for a repeat whose bytes no earlier file had (a digest prefix shared by chance) is read and stored")
    func repeatWithoutEarlierOutcome() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "in/aid.xml", "<ead><eadheader><eadid>fa-3</eadid></eadheader><archdesc><did><unittitle>Papers</unittitle></did></archdesc></ead>")
        let catalog = try folder.catalog()
        let ingester = Ingester(catalog: catalog)
        let file = try #require(FileWalker.files(under: [folder.path + "/in"]).first)
        var prepared = ingester.prepare(file)
        prepared.payload = nil
        prepared.repeatsEarlier = try #require(prepared.result.sha256)
        var repeats = RepeatedFiles()
        let result = ingester.commit(prepared, repeats: &repeats)
        #expect(result.status == .new && result.documents.map(\.id) == ["ead:fa-3"])
        #expect(try catalog.document("ead:fa-3").versions.first?.title == "Papers")
        // Stored, it now stands for its copies.
        #expect(repeats.first(prepared.result.sha256!)?.documents.map(\.id) == ["ead:fa-3"])
    }

    @Test("a copy whose first file cannot stand for it is read: documents known by their path, a deletion at the source")
    func copiesReadAfterAll() throws {
        let folder = try TemporaryFolder()
        // Generic XML is known by its path: each copy is a document of its own.
        for name in ["a", "b"] { try folder.write("in/\(name).xml", "<notes><title>Notes</title><p>Same text.</p></notes>") }
        // An OAI-PMH deletion is reported with the document's latest version at the time it is read.
        let deletion = """
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-01-01T00:00:00Z</responseDate>
            <request verb="ListRecords">https://example.org/oai</request><ListRecords>
            <record><header status="deleted"><identifier>oai:example.org:9</identifier><datestamp>2024-01-01</datestamp></header></record>
            <record><header><identifier>oai:example.org:1</identifier><datestamp>2024-01-01</datestamp></header>
            <metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title>One</dc:title></oai_dc:dc></metadata></record></ListRecords></OAI-PMH>
            """
        for name in ["c", "d"] { try folder.write("in/\(name).xml", deletion) }
        let catalog = try folder.catalog()
        let report = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        #expect(report.files.map(\.status) == [.new, .new, .new, .unchanged])
        #expect(report.files[0].documents.map(\.id) == ["a.xml"] && report.files[1].documents.map(\.id) == ["b.xml"])
        #expect(report.files[3].documents.map(\.id) == ["oai:example.org:9", "oai:example.org:1"])
        #expect(report.files[3].documents.map(\.status) == [.deletedAtSource, .unchanged])
        // A deletion is logged once for the same identifier and bytes, read from either copy.
        #expect(try catalog.events().filter { $0.type == .deletion }.count == 1)
        #expect(try Auditor(catalog: catalog).run(citations: false).passed)
    }

    @Test("stored bytes that hold a record twice and a record not seen before: one new version each, the repeat unchanged")
    func storedBytesRepeatedRecord() throws {
        let folder = try TemporaryFolder()
        let catalog = try folder.catalog()
        let bytes = Data("<records/>".utf8)
        let sha256 = SHA256Digest.hex(bytes)
        func source(_ path: String) -> Catalog.SourceFile {
            Catalog.SourceFile(sourcePath: path, originPath: folder.path + "/" + path, sha256: sha256, bytes: bytes)
        }
        // The bytes are stored first as another document's, so the second store finds them stored.
        _ = try catalog.store(
            [ImportedDocument(identity: "rec:0", title: "Zero", body: "zero"), ImportedDocument(identity: "rec:00", title: "Z", body: "z")],
            from: source("a.xml"), format: .xml, encoding: "utf-8", importer: PlainTextImporter())
        let stored = try catalog.store(
            [
                ImportedDocument(identity: "rec:1", title: "One", body: "one"),
                ImportedDocument(identity: "rec:1", title: "One", body: "one"),
                ImportedDocument(identity: "rec:0", title: "Zero", body: "zero"),
                ImportedDocument(identity: "rec:2", title: "Two", body: "two"),
            ], from: source("b.xml"), format: .xml, encoding: "utf-8", importer: PlainTextImporter())
        #expect(stored.map(\.status) == [.new, .unchanged, .unchanged, .new])
        #expect(stored.map(\.version) == [1, 1, 1, 1])
        #expect(try catalog.document("rec:1").versions.count == 1)
        #expect(try Auditor(catalog: catalog).run(citations: false).passed)
    }

    @Test("ingest --validate logs a validation event and warns on an invalid file, which is still ingested")
    func validationOnIngest() throws {
        let folder = try TemporaryFolder()
        let xsd = try folder.write(
            "r.xsd", #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="r" type="xs:int"/></xs:schema>"#)
        try folder.write("in/good.xml", "<r>4</r>")
        try folder.write("in/bad.xml", "<r>four</r>")
        let catalog = try folder.catalog()
        var options = IngestOptions()
        options.validateXML = true
        options.xmlSchema = xsd
        let report = Ingester(catalog: catalog, options: options).ingest([folder.path + "/in"])
        #expect(report.files.map(\.status) == [.new, .new])
        let bad = try catalog.document("bad.xml").versions[0]
        #expect(bad.warnings.map(\.code).contains("xml-invalid"))
        let events = try catalog.events().filter { $0.type == .validation }
        #expect(Set(events.map(\.outcome)) == [.success, .warning])
    }
}

@Suite("XML corpus (needs ARCHIVIST_CORPUS)")
struct XMLCorpusTests {
    static var corpus: String? {
        let path =
            ProcessInfo.processInfo.environment["ARCHIVIST_CORPUS"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Documents each file must give, counted independently of the importers (components, records,
    /// TEI texts, MODS records in the files); a string is the error code the file must give.
    static let expected: [String: any Sendable] = [
        "tei/frus/frus1949v07p1-excerpt-d1-d3.xml": 3, "tei/teic/aphrodisias.xml": 1, "tei/teic/comenius.xml": 1, "tei/teic/testbare.xml": 1,
        "tei/teic/testbasic.xml": 1, "tei/teic/testbibl.xml": 1, "tei/teic/testchinese.xml": 1, "tei/teic/testcorpus.xml": 3,
        "tei/teic/testdrama.xml": 1, "tei/teic/testi18n.xml": 1, "tei/teic/testminimal.xml": 1, "tei/teic/testms.xml": 1,
        "tei/teic/testnames.xml": 1, "tei/teic/testplace.xml": 1, "tei/teic/testspoken.xml": 1, "tei/teic/testtranscr.xml": 1,
        "tei/teic/testtranscr2.xml": 1, "ead/ead2002/Kitchen_sink_AT_output_EAD_with_enumerated_Cs.xml": 72,
        "ead/ead2002/kitchen_sink_EAD_for_testing_think_this_most_complete.xml": 2, "ead/ead3/C1571.EAD3.xml": 13,
        "ead/ead3/CLRC-2155.xml": 7, "ead/ead3/EAD3test.xml": 15, "ead/ead3/S.0001_valid.xml": 9, "ead/ead3/mc00003.xml": 1325,
        "ead/ead3/mc00019.xml": 44, "ead/ead3/mc00062.xml": 597, "ead/ead3/mc00156.xml": 289, "ead/ead3/mss060.xml": 1,
        "ead/ead3/naa213.xml": 40, "ead/ead3/rbc00001.xml": 48, "ead/ead3/ua012_004.xml": 66, "ead/ead3/ua015_010.xml": 3923,
        "ead/ead3/uarc01180.xml": 167, "ead/ead3/untitled.xml": 1, "ead/ead3/yusa0009x2x16-ead3.xml": 7, "oai-pmh/GetRecord.xml": 1,
        "oai-pmh/GetRecord_utf8test.xml": 1, "oai-pmh/Identify.xml": "oai-pmh-no-records", "oai-pmh/ListIdentifiers.xml": "oai-pmh-no-records",
        "oai-pmh/ListIdentifiers2.xml": "oai-pmh-no-records", "oai-pmh/ListMetadataFormats.xml": "oai-pmh-no-records",
        "oai-pmh/ListRecords.xml": 2, "oai-pmh/ListRecords2.xml": 2, "oai-pmh/ListRecords3.xml": 2, "oai-pmh/ListRecords4.xml": 2,
        "oai-pmh/ListRecordsBroken.xml": "xml-malformed", "oai-pmh/ListSets.xml": "oai-pmh-no-records", "oai-pmh/badArgument.xml": "oai-pmh-error",
        "oai-pmh/badResumptionToken.xml": "oai-pmh-error", "oai-pmh/cannotDisseminateFormat.xml": "oai-pmh-error",
        "oai-pmh/idDoesNotExist.xml": "oai-pmh-error", "oai-pmh/noRecordsMatch.xml": "oai-pmh-error", "oai-pmh/noSetHierarchy.xml": "oai-pmh-error",
        "oai-pmh/undefinedError.xml": "oai-pmh-error", "mods/abstract_xml.xml": 1, "mods/dcterms_xml.xml": 1, "mods/example.xml": 3,
        "mods/genre_xml.xml": 3, "mods/identifier_xml.xml": 1, "mods/language_xml.xml": 4, "mods/location_xml.xml": 2, "mods/name_xml.xml": 1,
        "mods/originInfo_xml.xml": 7, "mods/physicalDesc_xml.xml": 5, "mods/resourceType_xml.xml": 2, "mods/rights_xml.xml": 3,
        "mods/subject_xml.xml": 6, "mods/title_xml.xml": 3,
    ]

    @Test("every EAD file read for its identities only gives the identities and record ids of a full read")
    func eadIdentitiesOnly() throws {
        guard let corpus = Self.corpus else {
            print("SKIPPED: the shared corpus is absent (set ARCHIVIST_CORPUS); EAD identities not compared")
            return
        }
        let files = Self.expected.keys.filter { $0.hasPrefix("ead/") }.sorted()
        #expect(files.count == 18)
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: corpus + "/xml/" + file))
            let full = try XMLImporter().read(bytes: bytes, path: file)
            let identities = try XMLImporter().read(bytes: bytes, path: file, identitiesOnly: true)
            #expect(identities.identitiesOnly && !full.identitiesOnly)
            #expect(identities.documents.map(\.identity) == full.documents.map(\.identity), "\(file)")
            #expect(identities.documents.map(\.recordID) == full.documents.map(\.recordID), "\(file)")
        }
    }

    @Test("every file in xml/{tei,ead,oai-pmh,mods} gives its number of documents, or its clear error")
    func everyFile() throws {
        guard let corpus = Self.corpus else {
            print("SKIPPED: the shared corpus is absent (set ARCHIVIST_CORPUS); XML corpus not read")
            return
        }
        let folder = try TemporaryFolder()
        let catalog = try folder.catalog()
        let root = corpus + "/xml"
        let report = Ingester(catalog: catalog).ingest(["tei", "ead", "oai-pmh", "mods"].map { root + "/" + $0 })
        #expect(report.files.count == Self.expected.count)
        for file in report.files {
            let relative = String(file.origin.dropFirst(root.count + 1))
            switch Self.expected[relative] {
            case let count as Int:
                #expect(file.documents.count == count, "\(relative)")
                #expect(file.status != .failed, "\(relative): \(file.error?.message ?? "")")
            case let code as String:
                #expect(file.error?.code == code, "\(relative)")
            default:
                Issue.record("unexpected file \(relative)")
            }
        }
        // Several files each: title, dates, reference, identity.
        let mc19 = try catalog.document("ead:mc00019").versions[0]
        #expect(mc19.title == "GI Bill Oral Histories")
        #expect(mc19.date == "2003/2004")
        #expect(mc19.fields["reference.unitid"] == "MC 00019")
        #expect(mc19.sourceLine?.hasPrefix("North Carolina State University Libraries") == true)
        let c1571 = try catalog.document("ead:C1571#C1571_c3").versions[0]
        #expect(c1571.title == "Guy Davenport")
        #expect(c1571.date == "1945/1950")
        let frus = try catalog.document("tei:frus1949v07p1#d1").versions[0]
        #expect(frus.title == "The Ambassador in France (Caffery) to the Acting Secretary of State")
        #expect(frus.date == "1949-01-14")
        #expect(frus.sourceLine == "851G.00/1–1449: Telegram")
        let testms = try catalog.document("teic/testms.xml").versions[0]
        #expect(testms.sourceLine == "Amiens, Bibliothèque Municipale, MS 3, Maurdramnus Bible")
        let record = try catalog.document("oai:test.example.com:1996652").versions
        // GetRecord.xml and GetRecord_utf8test.xml carry the same identifier: one record, harvested twice, two versions.
        #expect(record.count == 2)
        #expect(Set(record.map(\.sourcePath)) == ["GetRecord.xml", "GetRecord_utf8test.xml"])
        #expect(record[0].title == "Sample Title")
        #expect(try catalog.events().contains { $0.type == .deletion && $0.detail["identifier"] == "oai:test.example.com:1585310" })
        #expect(try catalog.document("teic/testchinese.xml").versions[0].title == "Sample Poems from Wefo Shrzi (The Conservatory Anthology)")
    }

    @Test("etr-dev: the TEI letter and the OAI-PMH records import with their dates, translator and archival reference")
    func etrDev() throws {
        guard let corpus = Self.corpus else {
            print("SKIPPED: the shared corpus is absent (set ARCHIVIST_CORPUS); etr-dev XML not read")
            return
        }
        let folder = try TemporaryFolder()
        let catalog = try folder.catalog()
        let report = Ingester(catalog: catalog).ingest([corpus + "/etr-dev/tei-letter.xml", corpus + "/etr-dev/oai-dc-records.xml"])
        #expect(report.summary.failed == 0)
        let letter = try catalog.document("tei-letter.xml").versions[0]
        #expect(letter.title == "Letter from Alihan Tore to Commander-in-Chief Marshal Stalin")
        #expect(letter.date == "1945-04-22" && letter.dateText == "22 April 1945")
        #expect(letter.translator == "Gary Goldberg")
        #expect(letter.sourceLine == "Moscow, GARF, Fond R-9401ss, Opis' 2, Delo 95, ll. 352-359")
        #expect(letter.originalLanguage == "Russian")
        let telegram = try catalog.document("oai:archive.example.org:etr-0001").versions[0]
        #expect(telegram.title == "Telegram from Cde. Fedotov to Cde. V.M. Molotov")
        #expect(telegram.date == "1947-09-10")
        #expect(telegram.sourceLine == "History and Public Policy Program Digital Archive")
        #expect(try catalog.document("oai:archive.example.org:etr-0002").versions[0].date == "1948-04-24")
    }
}

@Suite("EAD components, in document order")
struct EADConcurrencyTests {
    @Test("a component's source line is its repository and unitid chain, an empty unitid kept in its place")
    func sourceLines() throws {
        func lines(repository: String) throws -> [String?] {
            let xml = """
                <ead><eadheader><eadid>x</eadid></eadheader><archdesc><did><unittitle>P</unittitle>\(repository)</did>
                <dsc><c01><did><unittitle>A</unittitle><unitid></unitid></did>
                <c02><did><unittitle>B</unittitle><unitid>2</unitid></did></c02></c01></dsc></archdesc></ead>
                """
            let tree = try Array(xml.utf8).withUnsafeBytes { try XMLTree.parse($0) }
            return EADImporter.documents(tree.root, version: "ead2002").map(\.sourceLine)
        }
        #expect(try lines(repository: "") == [nil, "", ", 2"])
        #expect(try lines(repository: "<repository>R</repository>") == ["R", "R, ", "R, , 2"])
    }

    @Test("a finding aid of 300 nested components gives its documents in document order, with their ids, chains and dates")
    func sameDocuments() throws {
        var components = ""
        for series in 1...30 {
            components += "<c01 level=\"series\"><did><unittitle>Series \(series)</unittitle><unitid>S\(series)</unitid>"
            components += "<unitdate>19\(40 + series % 10)-19\(50 + series % 10)</unitdate></did>"
            for file in 1...9 {
                let date = file % 3 == 0 ? "\(file) Oct. 1966" : file % 3 == 1 ? "1949" : "undated"
                components += "<c02 level=\"file\"><did><unittitle>File \(series).\(file)</unittitle><unitid>\(file)</unitid>"
                components += "<unitdate>\(date)</unitdate></did><scopecontent><p>Letters \(series)-\(file).</p></scopecontent></c02>"
            }
            components += "</c01>"
        }
        let xml = """
            <ead xmlns="http://ead3.archivists.org/schema/"><control><recordid>fa-1</recordid></control>
            <archdesc level="collection"><did><unittitle>Papers</unittitle><unitid>MS 1</unitid><repository>Archive</repository></did>
            <dsc>\(components)</dsc></archdesc></ead>
            """
        let bytes = Array(xml.utf8)
        let tree = try bytes.withUnsafeBytes { try XMLTree.parse($0) }
        let root = tree.root
        let documents = EADImporter.documents(root, version: "ead3")
        #expect(documents.count == 301)
        // Document order: each series, then its files; ids and chains from the ancestors' unitids.
        let expected = (1...30).flatMap { series in ["MS 1/S\(series)"] + (1...9).map { "MS 1/S\(series)/\($0)" } }
        #expect(documents.dropFirst().map(\.recordID) == expected)
        #expect(documents[1].identity == "ead:fa-1#MS 1/S1" && documents[2].identity == "ead:fa-1#MS 1/S1/1")
        #expect(documents.last?.fields["reference.unitid"] == "MS 1 / S30 / 9")
        #expect(documents.last?.sourceLine == "Archive, MS 1, S30, 9")
        #expect(documents[2].title == "File 1.1" && documents[2].body.contains("Letters 1-1."))
        #expect(documents[2].date?.edtf == "1949" && documents[3].date == nil && documents[4].date?.edtf == "1966-10-03")
        #expect(documents[1].date?.period.lowerBound.description == "1941-01-01" && documents[1].date?.precision == .year)
    }
}
