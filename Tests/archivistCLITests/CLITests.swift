import ArchivistKit
import Foundation
import GRDB
import Testing

@Suite("archivist command line")
struct CLITests {
    @Test("--help lists every command; each command's help says what it does")
    func help() throws {
        let scratch = try Scratch()
        let root = try CLIRunner.run(["--help"], in: scratch.path)
        #expect(root.status == 0)
        for command in [
            "ingest", "list", "show", "history", "diff", "search", "audit", "export", "bag validate", "validate", "inspect", "cite", "dates",
            "verify",
        ] {
            #expect(root.stdout.contains(command.split(separator: " ")[0]), "root help lists \(command)")
            let sub = try CLIRunner.run(command.split(separator: " ").map(String.init) + ["--help"], in: scratch.path)
            #expect(sub.status == 0)
            #expect(sub.stdout.contains("--json"), "\(command) --help shows --json")
            #expect(sub.stdout.contains("--catalog"), "\(command) --help shows --catalog")
        }
        #expect(try CLIRunner.run(["ingest", "--help"], in: scratch.path).stdout.contains("windows-1251"))
        #expect(try CLIRunner.run(["audit", "--help"], in: scratch.path).stdout.contains("fixity"))
        let verifyHelp = try CLIRunner.run(["verify", "--help"], in: scratch.path).stdout
        #expect(
            verifyHelp.contains("aliases.tsv") && verifyHelp.contains("gazetteer.tsv") && verifyHelp.contains("--rebuild")
                && verifyHelp.contains("role-mismatch"))
    }

    @Test(
        "usage errors exit 64",
        arguments: [["--no-such-flag"], ["show"], ["frobnicate"], ["search", "x", "--limit", "0"], ["export", "x", "--json"]])
    func usage(arguments: [String]) throws {
        let scratch = try Scratch()
        #expect(try CLIRunner.run(arguments, in: scratch.path).status == 64)
    }

    @Test("ingest with no ingest/ folder says what to do and exits 64")
    func noIngestFolder() throws {
        let scratch = try Scratch()
        let result = try CLIRunner.run(["ingest"], in: scratch.path)
        #expect(result.status == 64)
        #expect(result.stderr.contains("ingest/"))
    }

    @Test("the README's first command ingests the sample into catalog.sqlite; every --json output matches its schema")
    func sampleTour() throws {
        let scratch = try Scratch()
        try scratch.copySample()
        let ingest = try CLIRunner.run(["ingest", "--json"], in: scratch.path)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/catalog.sqlite"))
        try expectValid(ingest.stdout, "ingest")
        let summary = try #require((ingest.json as? [String: Any])?["summary"] as? [String: Any])
        #expect(summary["new_version"] as? Int == 1)
        #expect(summary["failed"] as? Int == 0)

        let again = try CLIRunner.run(["ingest"], in: scratch.path)
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 new, 0 new versions, 7 unchanged, 0 failed"))

        let list = try CLIRunner.run(["list", "--json"], in: scratch.path)
        try expectValid(list.stdout, "list")
        let documents = try #require(list.json as? [[String: Any]])
        #expect(documents.count == 6)
        let twoLayouts = try #require(documents.first { $0["id"] as? String == "wcda:900102" })
        #expect(twoLayouts["versions"] as? Int == 2)
        #expect(Set(twoLayouts["sources"] as? [String] ?? []) == ["wcda-mikoyan-1949-export.txt", "wcda-mikoyan-1949-page.txt"])
        // Printed as it is read, byte for byte what encoding the library's whole listing gives.
        #expect(list.stdout == (try CLIRunner.printedJSON(try Catalog(path: scratch.path + "/catalog.sqlite", create: false).documents())))

        for (arguments, schema) in [
            (["show", "wcda:900104", "--json"], "show"), (["history", "wcda:900102", "--json"], "history"),
            (["diff", "wcda:900102", "--json"], "diff"), (["search", "Xinjiang", "--json"], "search"),
        ] {
            let result = try CLIRunner.run(arguments, in: scratch.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            try expectValid(result.stdout, schema)
        }
        let show = try CLIRunner.run(["show", "wcda:900104"], in: scratch.path)
        #expect(show.stdout.contains("citation-date-month-missing"))
        #expect(show.stdout.contains("[1949-09, month precision]"))
        let diff = try CLIRunner.run(["diff", "wcda:900102"], in: scratch.path)
        #expect(
            diff.stdout.contains(
                "+ Mao said the People's Liberation Army would move into Xinjiang and expected to hold the whole of the province by 1951."))
        let search = try CLIRunner.run(["search", "Baikal"], in: scratch.path)
        #expect(search.stdout.contains("article-east-turkistan-1949.txt"))
        // The sample article misquotes Stalin on purpose: the audit finds it (exit 1), the catalog is intact.
        let auditJSON = try CLIRunner.run(["audit", "--json"], in: scratch.path)
        #expect(auditJSON.status == 1)
        try expectValid(auditJSON.stdout, "audit")
        let quotes = try #require((auditJSON.json as? [String: Any])?["quotes"] as? [[String: Any]])
        #expect(
            quotes.contains { $0["quote"] as? String == "because a delay may invite British interference." && $0["status"] as? String == "not-found" }
        )
        let audit = try CLIRunner.run(["audit"], in: scratch.path)
        #expect(audit.stdout.contains("Catalog intact; 1 citation finding(s) above."), "\(audit.stdout)")
        // --no-citations checks the catalog only: the misquote is not looked at.
        let catalogOnly = try CLIRunner.run(["audit", "--no-citations"], in: scratch.path)
        #expect(catalogOnly.status == 0)
        #expect(catalogOnly.stdout.contains("Audit passed."))
    }

    @Test("export writes the original bytes exactly, to a file or to stdout")
    func export() throws {
        let scratch = try Scratch()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Title\r\nText with “quotes”\r\n".utf8)
        try scratch.write("in/doc.txt", bytes)
        #expect(try CLIRunner.run(["ingest", "in", "--quiet"], in: scratch.path).status == 0)
        let json = try CLIRunner.run(["export", "doc.txt", "-o", "out.txt", "--json"], in: scratch.path)
        #expect(json.status == 0)
        try expectValid(json.stdout, "export")
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/out.txt"))) == bytes)
        let stdout = try CLIRunner.run(["export", "doc.txt", "--version", "1"], in: scratch.path)
        #expect(Array(stdout.stdout.utf8) == bytes)
        let nowhere = try CLIRunner.run(["export", "doc.txt", "-o", "missing/out.txt"], in: scratch.path)
        #expect(nowhere.status == 1)
        #expect(nowhere.stderr.contains("the folder missing does not exist; create it or choose another -o path."))
    }

    @Test("export refuses an original whose bytes no longer match their SHA-256")
    func exportChecksFixity() throws {
        let scratch = try Scratch()
        try scratch.write("in/doc.txt", "Title\nText")
        #expect(try CLIRunner.run(["ingest", "in", "--quiet"], in: scratch.path).status == 0)
        let queue = try DatabaseQueue(path: scratch.path + "/catalog.sqlite")
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER original_is_immutable; UPDATE original SET content = CAST('Tampered' AS BLOB)")
        }
        let result = try CLIRunner.run(["export", "doc.txt", "-o", "out.txt"], in: scratch.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no longer matches its SHA-256"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/out.txt"))
    }

    @Test("without a terminal, ingest draws no progress: stderr stays empty on a clean batch")
    func noProgressOffTerminal() throws {
        let scratch = try Scratch()
        for index in 0..<30 { try scratch.write("in/\(index).txt", "Title \(index)\nText \(index)") }
        let result = try CLIRunner.run(["ingest", "in"], in: scratch.path)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains("30 files: 30 new"))
    }

    @Test("--catalog and ARCHIVIST_CATALOG choose the catalog file")
    func catalogLocation() throws {
        let scratch = try Scratch()
        try scratch.write("in/a.txt", "A\nB")
        #expect(try CLIRunner.run(["ingest", "in", "--catalog", "one.sqlite"], in: scratch.path).status == 0)
        #expect(try CLIRunner.run(["ingest", "in"], in: scratch.path, environment: ["ARCHIVIST_CATALOG": "two.sqlite"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/one.sqlite"))
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/two.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/catalog.sqlite"))
    }

    @Test(
        "a command that reads the catalog, given none, is a usage error naming the path, and makes no catalog",
        arguments: [
            ["list"], ["show", "x"], ["history", "x"], ["diff", "x"], ["search", "x"], ["audit"], ["verify"], ["cite", "x"],
            ["export", "x", "-o", "out.txt"],
        ])
    func noCatalog(arguments: [String]) throws {
        let scratch = try Scratch()
        let result = try CLIRunner.run(arguments + ["--json", "--catalog", "typo.sqlite"], in: scratch.path)
        #expect(result.status == 64)
        try expectValid(result.stdout, "error")
        #expect(((result.json as? [String: Any])?["error"] as? [String: Any])?["code"] as? String == "catalog-missing")
        #expect(result.stderr.contains("no catalog at typo.sqlite") && result.stderr.contains("archivist ingest"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/typo.sqlite"))
    }

    @Test("an unknown id is an error with a hint; with --json the error is JSON too")
    func unknownDocument() throws {
        let scratch = try Scratch()
        try scratch.copySample()
        _ = try CLIRunner.run(["ingest", "--quiet"], in: scratch.path)
        let result = try CLIRunner.run(["show", "wcda:9001", "--json"], in: scratch.path)
        #expect(result.status == 64)
        try expectValid(result.stdout, "error")
        #expect(result.stderr.contains("Did you mean wcda:900101"))
        let version = try CLIRunner.run(["show", "wcda:900102", "--version", "3"], in: scratch.path)
        #expect(version.status == 64)
        #expect(version.stderr.contains("it has versions 1 to 2"))
        let bad = try CLIRunner.run(["search", "\"unclosed"], in: scratch.path)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("malformed"))
        let empty = try CLIRunner.run(["search", " "], in: scratch.path)
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("the search query is empty"))
    }

    @Test("a batch with bad files exits 1, names each file and its reason, and ingests the rest")
    func badBatch() throws {
        let scratch = try Scratch()
        try scratch.write("in/good.txt", "Good\ntext")
        try scratch.write("in/empty.txt", [])
        try scratch.write("in/image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])
        try scratch.write("in/latin.txt", [0x4B, 0x75, 0x6C, 0x6A, 0x61, 0xE9])
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/in/link.txt", withDestinationPath: scratch.path + "/in/good.txt")
        let result = try CLIRunner.run(["ingest", "in"], in: scratch.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("failed       empty.txt: empty.txt is empty"))
        #expect(result.stdout.contains("failed       image.png: image.png is a PNG image"))
        #expect(result.stdout.contains("latin.txt is not valid UTF-8: byte 0xE9 at offset 5"))
        #expect(result.stdout.contains("link.txt is a symbolic link"))
        #expect(result.stdout.contains("5 files: 1 new, 0 new versions, 0 unchanged, 4 failed"))
        let list = try CLIRunner.run(["list", "--json"], in: scratch.path)
        #expect((list.json as? [[String: Any]])?.map { $0["id"] as? String } == ["good.txt"])
    }

    @Test("a file the user cannot read is reported as unreadable (run as an unprivileged user when root)")
    func unreadable() throws {
        let scratch = try Scratch()
        try scratch.write("in/good.txt", "Good\ntext")
        let secret = try scratch.write("in/secret.txt", "Secret\ntext")
        chmod(secret, 0o000)
        var prefix: [String] = []
        if geteuid() == 0 {
            // Root reads everything; run archivist as "nobody" so the permission bites.
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                Issue.record("running as root without /usr/bin/setpriv: cannot test an unreadable file")
                return
            }
            chmod(scratch.path, 0o777)
            chmod(scratch.path + "/in", 0o777)
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        let result = try CLIRunner.run(["ingest", "in", "--catalog", scratch.path + "/catalog.sqlite"], in: scratch.path, prefix: prefix)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("cannot read secret.txt: Permission denied"))
        #expect(result.stdout.contains("1 new"))
    }
}
