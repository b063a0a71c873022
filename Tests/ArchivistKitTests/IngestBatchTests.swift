import Foundation
import Testing

@testable import ArchivistKit

@Suite("Ingest of a batch with bad files")
struct IngestBatchTests {
    @Test("each bad file is reported with its reason and logged; the good files are ingested")
    func badInputs() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/good.txt", "A good text\nwith a body")
        try folder.write("in/record.txt", wilsonExport())
        try folder.write("in/empty.txt", [])
        try folder.write("in/scan.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        try folder.write("in/cyrillic.txt", Array("Телеграмма".utf8).map { $0 } + [0xC0, 0xC1])
        try folder.write("in/.hidden.txt", "never read")
        try folder.write("in/tei.xml", "<?xml version=\"1.0\"?><!DOCTYPE TEI [<!ENTITY a \"x\">]><TEI>&a;</TEI>")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/in/link.txt", withDestinationPath: folder.path + "/in/good.txt")
        let catalog = try folder.catalog()
        let report = Ingester(catalog: catalog).ingest([folder.path + "/in", folder.path + "/missing"])
        let byPath = Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0) })
        #expect(byPath["good.txt"]?.status == .new)
        #expect(byPath["record.txt"]?.status == .new)
        #expect(byPath["empty.txt"]?.error?.code == "empty-file")
        #expect(byPath["scan.png"]?.error?.code == "binary-file")
        #expect(byPath["scan.png"]?.error?.message.contains("PNG") == true)
        #expect(byPath["cyrillic.txt"]?.error?.code == "invalid-utf8")
        #expect(byPath["link.txt"]?.error?.code == "symlink")
        #expect(byPath["tei.xml"]?.error?.code == "xml-entity-declaration")
        #expect(report.files.first { $0.path.hasSuffix("missing") }?.error?.code == "not-found")
        #expect(byPath[".hidden.txt"] == nil)
        #expect(report.summary.failed == 6)
        #expect(try catalog.documents().map(\.id) == ["good.txt", "wcda:555001"])
        let failures = try catalog.events().filter { $0.outcome == .failure }
        #expect(failures.count == 6)
        #expect(failures.contains { $0.detail["code"] == "invalid-utf8" && $0.detail["source"] == "cyrillic.txt" })
        #expect(try Auditor(catalog: catalog).run().intact)
    }

    @Test("inspect reads files on every core and hands them back in the walk's order, each as if read alone")
    func inspectInOrder() throws {
        let folder = try TemporaryFolder()
        for index in 0..<40 {
            switch index % 4 {
            case 0: try folder.write("in/\(index).txt", wilsonExport(id: String(900_000 + index)))
            case 1: try folder.write("in/\(index).txt", "Text \(index)\n\nA secondary text.")
            case 2: try folder.write("in/\(index).txt", [])
            default:
                try folder.write(
                    "in/\(index).xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body><p>\(index)</p></body></text></TEI>")
            }
        }
        let together = Ingester.inspect([folder.path + "/in"])
        let paths = together.map(\.path)
        #expect(together.count == 40)
        #expect(paths == paths.sorted(), "the walk's order")
        let alone = try paths.map { path in try #require(Ingester.inspect([folder.path + "/in/" + path]).first) }
        for (a, b) in zip(together, alone) {
            #expect(a.documents == b.documents)
            #expect(a.error?.code == b.error?.code)
            #expect(a.sha256 == b.sha256)
        }
        #expect(together.filter { $0.error?.code == "empty-file" }.count == 10)
        #expect(together.filter { $0.format == "xml" }.count == 10)
        // Without summaries: the same files, refusals and digests, and no documents listed.
        var bare: [InspectedFile] = []
        Ingester.inspect([folder.path + "/in"], summaries: false) { bare.append($0) }
        #expect(bare.map(\.path) == paths)
        #expect(bare.map(\.error?.code) == together.map(\.error?.code))
        #expect(bare.map(\.sha256) == together.map(\.sha256))
        #expect(bare.allSatisfy { $0.documents.isEmpty })
        #expect(together.filter { !$0.documents.isEmpty }.count == 30)
    }

    @Test("a batch read on every core is the batch read on one thread: same results, documents and refusals, in order")
    func batchOnEveryCore() throws {
        let folder = try TemporaryFolder()
        for index in 0..<48 {
            switch index % 3 {
            case 0: try folder.write("in/\(index).txt", wilsonExport(id: String(910_000 + index)))
            case 1: try folder.write("in/\(index).xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>\(index)</p></body></text></TEI>")
            default: try folder.write("in/\(index).bin", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, UInt8(index)])
            }
        }
        let catalog = try folder.catalog()
        let ingester = Ingester(catalog: catalog)
        let batch = FileWalker.files(under: [folder.path + "/in"])
        #expect(batch.count == 48)
        func read(onEveryCore: Bool) throws -> [Ingester.Prepared] {
            let (group, outcome) = ingester.prepareInBackground(batch, onEveryCore: onEveryCore)
            group.wait()
            return try outcome.get()
        }
        let serial = try read(onEveryCore: false)
        let concurrent = try read(onEveryCore: true)
        #expect(concurrent.map(\.file.sourcePath) == batch.map(\.sourcePath))
        #expect(concurrent.map(\.result) == serial.map(\.result))
        #expect(concurrent.map { $0.payload?.documents } == serial.map { $0.payload?.documents })
        #expect(concurrent.map { $0.failure?.code } == serial.map { $0.failure?.code })
        #expect(serial.filter { $0.failure?.code == "binary-file" }.count == 16)
    }

    @Test("--encoding windows-1251 ingests a Cyrillic export and records the encoding")
    func windows1251() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/cable.txt", [0xD2, 0xE5, 0xEB, 0xE5, 0xE3, 0xF0, 0xE0, 0xEC, 0xEC, 0xE0, 0x0A, 0xCC, 0xEE, 0xF1, 0xEA, 0xE2, 0xE0])
        let catalog = try folder.catalog()
        let report = Ingester(catalog: catalog, options: IngestOptions(encoding: .windows1251)).ingest([folder.path + "/in"])
        #expect(report.files.map(\.status) == [.new])
        let version = try catalog.document("cable.txt").versions[0]
        #expect(version.title == "Телеграмма")
        #expect(version.encoding == "windows-1251")
    }

    @Test("a file given directly is identified by its name; the same file reached through its folder stays one document")
    func identityByOrigin() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/sub/note.txt", "A note\nfirst text")
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in/sub/note.txt"])
        #expect(try catalog.documents().map(\.id) == ["note.txt"])
        #expect(Ingester(catalog: catalog).ingest([folder.path + "/in"]).files.map(\.status) == [.unchanged])
        try folder.write("in/sub/note.txt", "A note\nsecond text")
        let report = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        #expect(report.files[0].documents == [.init(id: "note.txt", version: 2, status: .newVersion)])
    }

    @Test("two different files with the same relative path under two folders stay two documents")
    func sameRelativePath() throws {
        let folder = try TemporaryFolder()
        try folder.write("east/notes.txt", "East notes\none")
        try folder.write("west/notes.txt", "West notes\ntwo")
        let catalog = try folder.catalog()
        let report = Ingester(catalog: catalog).ingest([folder.path + "/east", folder.path + "/west"])
        #expect(report.files.map(\.status) == [.new, .new])
        #expect(try catalog.documents().map(\.id) == ["notes.txt", "west/notes.txt"])
        // A changed file keeps its own document.
        try folder.write("west/notes.txt", "West notes\nthree")
        let again = Ingester(catalog: catalog).ingest([folder.path + "/west"])
        #expect(again.files[0].documents == [.init(id: "west/notes.txt", version: 2, status: .newVersion)])
    }

    @Test("the versions ingested from a batch's paths come from one query: by path and bytes, in the order stored")
    func versionsIngestedFromPaths() throws {
        let folder = try TemporaryFolder()
        let a = try folder.write("in/a.txt", "A\none")
        let b = try folder.write("in/b.txt", "B\none")
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let first = SHA256Digest.hex(Data("A\none".utf8))
        try folder.write("in/a.txt", "A\ntwo")
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let second = SHA256Digest.hex(Data("A\ntwo".utf8))
        let ingested = try catalog.versionsIngested(from: [a, b, folder.path + "/in/never.txt"])
        #expect(ingested.versions(at: a, sha256: first) == [.init(documentID: "a.txt", version: 1, status: .unchanged)])
        #expect(ingested.versions(at: a, sha256: second) == [.init(documentID: "a.txt", version: 2, status: .unchanged)])
        #expect(ingested.versions(at: b, sha256: first).isEmpty, "other bytes at that path")
        #expect(ingested.versions(at: folder.path + "/in/never.txt", sha256: first).isEmpty)
        #expect(try catalog.versionsIngested(from: [b]).versions(at: a, sha256: first).isEmpty, "a path not asked")
        for (path, sha256) in [(a, first), (a, second), (b, first)] {
            #expect(try catalog.alreadyIngested(originPath: path, sha256: sha256) == ingested.versions(at: path, sha256: sha256))
        }
        // Ingest asks it once per batch, and finds the unchanged files (hashed, not imported) from it.
        let again = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        #expect(again.files.map(\.status) == [.unchanged, .unchanged])
        #expect(again.files.map { $0.documents.map(\.version) } == [[2], [1]])
    }

    @Test("files are batched by count and by bytes held, each batch in walk order; a file larger than the limit is a batch alone")
    func batchLimits() throws {
        let folder = try TemporaryFolder()
        for (name, size) in [("a", 40), ("b", 40), ("c", 40), ("d", 200), ("e", 10), ("f", 10), ("g", 10), ("h", 10)] {
            try folder.write("in/\(name).txt", [UInt8](repeating: 0x61, count: size))
        }
        let files = FileWalker.files(under: [folder.path + "/in"])
        let names = { (batches: [[FoundFile]]) in batches.map { $0.map { ($0.sourcePath as NSString).lastPathComponent } } }
        #expect(
            names(Ingester.batches(of: files, files: 3, bytes: 100))
                == [["a.txt", "b.txt"], ["c.txt"], ["d.txt"], ["e.txt", "f.txt", "g.txt"], ["h.txt"]])
        #expect(names(Ingester.batches(of: files, files: 64, bytes: 1_000)) == [files.map { ($0.sourcePath as NSString).lastPathComponent }])
    }
}
