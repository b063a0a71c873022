import Foundation
import Testing

@testable import ArchivistKit

@Suite("Citations: parser, credits, formats")
struct CitationTests {
    struct Case: Sendable, CustomStringConvertible {
        var raw: String
        var title: String
        var date: String?
        var references: [String]
        var translators: [String]
        var recordID: String?
        var defects: [String]
        var reprint: Bool = false
        var description: String { String(raw.prefix(60)) }
    }

    /// The Wilson Center citations of ../shared/corpus/etr-dev, written out, and defect variants.
    static let cases: [Case] = [
        Case(
            raw:
                #""Memorandum of Conversation between Anastas Mikoyan and Mao Zedong," February 04, 1949, History and Public Policy Program Digital Archive, APRF: F. 39, Op. 1, D. 39, Ll. 47-53. Translated by Sergey Radchenko. https://digitalarchive.wilsoncenter.org/document/112436"#,
            title: "Memorandum of Conversation between Anastas Mikoyan and Mao Zedong", date: "1949-02-04", references: ["APRF 39/1/39 47-53"],
            translators: ["Sergey Radchenko"], recordID: "112436", defects: ["date-zero-padded-day"]),
        Case(
            raw:
                #""Excerpt on Xinjiang from Minutes No. 40 of the VKP(b) CC Politburo Meetings," May 4, 1943, History and Public Policy Program Digital Archive, RGASPI, f. 17, op. 162, d. 37, ll. 120-123. Obtained by Jamil Hasanli and translated by Gary Goldberg. https://digitalarchive.wilsoncenter.org/document/121800"#,
            title: "Excerpt on Xinjiang from Minutes No. 40 of the VKP(b) CC Politburo Meetings", date: "1943-05-04",
            references: ["RGASPI 17/162/37 120-123"], translators: ["Gary Goldberg"], recordID: "121800", defects: []),
        Case(
            raw:
                #""Memorandum of Conversation between Stalin and CCP Delegation," June 27, 1949, History and Public Policy Program Digital Archive, APRF: F. 45, Op. 1, D. 329, Ll. 1-7. Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 2, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), pp. 148-151. Translated by Sergey Radchenko. https://digitalarchive.wilsoncenter.org/document/113380"#,
            title: "Memorandum of Conversation between Stalin and CCP Delegation", date: "1949-06-27", references: ["APRF 45/1/329 1-7"],
            translators: ["Sergey Radchenko"], recordID: "113380", defects: [], reprint: true),
        Case(
            raw:
                #"“Telegram from Mao Zedong to Filippov [Stalin] on Air Transport”, 26, 1949, History and Public Policy Program Digital Archive, APRF, Fond 45, Opis 1, Delo 332, List 3. Translated for CWIHP by Sergey Radchenko."#,
            title: "Telegram from Mao Zedong to Filippov [Stalin] on Air Transport", date: "1949", references: ["APRF 45/1/332 3"],
            translators: ["Sergey Radchenko"], recordID: nil, defects: ["comma-outside-quotes", "date-month-missing", "url-missing"]),
        Case(
            raw:
                #""Report on the Situtation in Xinjiang [sic]," 1946, Cold War International History Project, AVPRF f. 0100, op. 34, 1946, p. 253, d. 18 and PRC FMA 109-00004-03, 10. Obtained and translated for CWIHP by David Wolff. https://digitalarchive.wilsoncenter.org/document/900777"#,
            title: "Report on the Situtation in Xinjiang [sic]", date: "1946", references: ["AVPRF 0100/34/18 -", "PRC FMA // 10"],
            translators: ["David Wolff"], recordID: "900777", defects: []),
    ]

    @Test("each citation is parsed into its parts; defects are reported, not repaired", arguments: cases)
    func parse(_ item: Case) {
        let citation = CitationParser.parse(item.raw)
        #expect(citation.raw == item.raw)
        #expect(citation.title == item.title)
        #expect(citation.date?.edtf == item.date)
        #expect(
            citation.references.map { "\($0.archive) \([$0.fond, $0.opis, $0.delo].map { $0 ?? "" }.joined(separator: "/")) \($0.folios ?? "-")" }
                == item.references)
        #expect(citation.translators == item.translators)
        #expect(citation.recordID == item.recordID)
        #expect(citation.defects.map(\.code).sorted() == item.defects.sorted())
        #expect((citation.reprint != nil) == item.reprint)
        if item.reprint { #expect(citation.reprint?.hasSuffix("pp. 148-151") == true) }
        #expect(citation.programme != nil)
    }

    @Test(
        "every credit form gives its roles and names",
        arguments: [
            ("Translated by Gary Goldberg.", ["translated: Gary Goldberg"]),
            ("Translated for CWIHP by Gary Goldberg.", ["translated: Gary Goldberg"]),
            ("Obtained by Jamil Hasanli and translated by Gary Goldberg.", ["obtained: Jamil Hasanli", "translated: Gary Goldberg"]),
            ("Obtained and translated for CWIHP by David Wolff.", ["obtained: David Wolff", "translated: David Wolff"]),
            ("Translated by Sergey Radchenko with Vladislav Zubok.", ["translated: Sergey Radchenko, Vladislav Zubok"]),
        ])
    func credits(line: String, expected: [String]) {
        #expect(CitationParser.credits(in: line).map { "\($0.role): \($0.names.joined(separator: ", "))" } == expected)
    }

    @Test("Chicago note and bibliography, CSL-JSON and BibTeX of a Wilson Center record")
    func formats() throws {
        let raw = Self.cases[1].raw
        let version = VersionInfo(
            number: 1, parent: nil, sha256: "", size: 0, ingestedAt: "", importer: "wcda-export", importerVersion: "1", format: "wcda-export",
            encoding: "utf-8", sourcePath: "x.txt", originPath: "/x.txt", title: Self.cases[1].title, dateText: "May 4, 1943", date: "1943-05-04",
            datePrecision: "day", dateEarliest: nil, dateLatest: nil, summary: nil, originalLanguage: "Russian", citation: raw, sourceLine: nil,
            translator: nil, recordID: "121800", fields: [:], warnings: [])
        let formatted = CitationFormatter.format(document: "wcda:121800", version: version)
        #expect(
            formatted.chicagoNote
                == "“Excerpt on Xinjiang from Minutes No. 40 of the VKP(b) CC Politburo Meetings,” May 4, 1943, RGASPI, f. 17, op. 162, d. 37, ll. 120–123, trans. Gary Goldberg, History and Public Policy Program Digital Archive, Wilson Center, https://digitalarchive.wilsoncenter.org/document/121800."
        )
        #expect(
            formatted.chicagoBibliography
                == "“Excerpt on Xinjiang from Minutes No. 40 of the VKP(b) CC Politburo Meetings.” May 4, 1943. RGASPI, f. 17, op. 162, d. 37, ll. 120–123. Translated by Gary Goldberg. History and Public Policy Program Digital Archive, Wilson Center. https://digitalarchive.wilsoncenter.org/document/121800."
        )
        #expect(formatted.cslJSON.issued?.dateParts == [[1943, 5, 4]])
        #expect(formatted.cslJSON.archive == "Russian State Archive of Socio-Political History")
        #expect(formatted.cslJSON.translator?.first?.family == "Goldberg")
        #expect(formatted.bibtex.hasPrefix("@misc{wcda_121800,"))
        #expect(formatted.bibtex.contains("url = {https://digitalarchive.wilsoncenter.org/document/121800}"))
        // A citation whose date lacks its month is cited with the document's own date value.
        var telegram = version
        telegram.citation = Self.cases[3].raw
        telegram.date = "1949-09"
        #expect(CitationFormatter.format(document: "wcda:900104", version: telegram).chicagoNote.contains("September 1949"))
    }
}

@Suite("Citation audit")
struct CitationAuditTests {
    @Test("quotations found, approximate and not found; citations resolved by URL, reference and title; completeness gaps")
    func audit() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "in/record.txt",
            wilsonExport(
                id: "555001",
                body: "The Soviet Union cannot tolerate such activity and will support the rebels in their struggle against the Governor."))
        try folder.write(
            "in/article.txt",
            """
            An article

            The decree (https://digitalarchive.wilsoncenter.org/document/555001) promised help "in their struggle against the Governor." It also spoke of "the rebels in their fight against the Governor" and of "a secret airfield near the border" that no record mentions.

            See also RGASPI, f. 17, op. 162, d. 999, ll. 1-2, and APRF, F. 45 for more, and Record ID 555001 and Record ID 999999.
            """)
        try folder.write(
            "in/bare.xml",
            #"<TEI><teiHeader><fileDesc><titleStmt><title>Bare</title></titleStmt></fileDesc><profileDesc><langUsage><language>Russian</language></langUsage></profileDesc></teiHeader><text><body><p>x</p></body></text></TEI>"#
        )
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let result = try CitationAuditor(catalog: catalog).run()
        let quotes = Dictionary(uniqueKeysWithValues: result.quotes.map { ($0.quote, $0) })
        #expect(quotes["in their struggle against the Governor."]?.status == "found")
        #expect(quotes["in their struggle against the Governor."]?.target == "wcda:555001")
        #expect(quotes["the rebels in their fight against the Governor"]?.status == "approximate")
        #expect(quotes["a secret airfield near the border"]?.status == "not-found")
        let citations = result.citations
        #expect(citations.first { $0.citation.contains("/document/555001") }?.status == "resolved")
        #expect(citations.first { $0.citation.hasPrefix("RGASPI") }?.status == "unresolved")
        #expect(citations.first { $0.citation == "Record ID 555001" }?.target == "wcda:555001")
        #expect(citations.first { $0.citation == "Record ID 999999" }?.status == "unresolved")
        let partial = try #require(citations.first { $0.citation.hasPrefix("APRF") })
        #expect(partial.status == "incomplete")
        #expect(partial.problems == ["reference-incomplete"])
        let gaps = Set(result.findings.filter { $0.document == "bare.xml" }.map(\.code))
        #expect(gaps == ["citation-date-missing", "citation-reference-missing", "citation-translator-missing"])
        #expect(!result.findings.contains { $0.document == "wcda:555001" })
    }
}

@Suite("Citations of the shared development corpus (needs ARCHIVIST_CORPUS)")
struct CorpusCitationTests {
    @Test("every Wilson Center citation in etr-dev parses (title, date, reference, translator, URL) and cites in Chicago form")
    func etrDev() throws {
        guard let corpus = XMLCorpusTests.corpus else {
            print("SKIPPED: the shared corpus is absent (set ARCHIVIST_CORPUS); etr-dev citations not parsed")
            return
        }
        let folder = corpus + "/etr-dev"
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix("-export.txt") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let document = try #require(try WilsonCenterImporter(layout: .wilsonCenterExport).read(text, path: name).first)
            let raw = try #require(document.citation, "\(name)")
            let citation = CitationParser.parse(raw)
            #expect(citation.title == document.title, "\(name)")
            #expect(citation.date != nil, "\(name)")
            #expect(citation.references.count == 1, "\(name)")
            #expect(!citation.translators.isEmpty, "\(name)")
            #expect(citation.recordID != nil && citation.url != nil, "\(name)")
            let reference = citation.references[0]
            #expect([reference.fond, reference.opis, reference.delo, reference.folios].allSatisfy { $0 != nil }, "\(name)")
            let version = VersionInfo(
                number: 1, parent: nil, sha256: "", size: 0, ingestedAt: "", importer: "wcda-export", importerVersion: "1", format: "wcda-export",
                encoding: "utf-8", sourcePath: name, originPath: name, title: document.title, dateText: document.dateText, date: document.date?.edtf,
                datePrecision: nil, dateEarliest: nil, dateLatest: nil, summary: nil, originalLanguage: document.originalLanguage, citation: raw,
                sourceLine: nil, translator: document.translator, recordID: document.recordID, fields: [:], warnings: [])
            let note = CitationFormatter.format(document: "wcda:\(citation.recordID!)", version: version).chicagoNote
            #expect(note.hasPrefix("“\(document.title),” "), "\(note)")
            #expect(note.contains("\(reference.archive), f. \(reference.fond!), op. \(reference.opis!), d. \(reference.delo!)"), "\(note)")
            #expect(note.contains("trans. \(citation.translators.joined(separator: " and "))"), "\(note)")
            #expect(note.hasSuffix("/document/\(citation.recordID!)."), "\(note)")
            checked += 1
        }
        #expect(checked == 4)
    }
}
