import Foundation
import GRDB
import Testing

@testable import ArchivistKit

@Suite("Catalog: identity, versions, originals, search")
struct CatalogTests {
    @Test("new, unchanged and new-version outcomes; nothing is overwritten")
    func versions() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/record.txt", wilsonExport())
        let catalog = try folder.catalog()
        let ingester = Ingester(catalog: catalog)
        let first = ingester.ingest([folder.path + "/in"])
        #expect(first.files.map(\.status) == [.new])
        #expect(first.files[0].documents == [.init(id: "wcda:555001", version: 1, status: .new)])
        #expect(ingester.ingest([folder.path + "/in"]).files.map(\.status) == [.unchanged])
        try folder.write("in/record.txt", wilsonExport(body: "A corrected translation."))
        let third = ingester.ingest([folder.path + "/in"])
        #expect(third.files[0].documents == [.init(id: "wcda:555001", version: 2, status: .newVersion)])
        let detail = try catalog.document("wcda:555001")
        #expect(detail.versions.map(\.number) == [1, 2])
        #expect(detail.versions[1].parent == 1)
        #expect(detail.versions[0].parent == nil)
        #expect(try catalog.text(of: "wcda:555001", version: 1).body == "Mao said the army would take Xinjiang by 1951.")
        #expect(try catalog.text(of: "wcda:555001", version: nil).body == "A corrected translation.")
    }

    @Test("bytes a document already had, coming back after a newer version, are unchanged and add nothing")
    func revertedBytes() throws {
        let folder = try TemporaryFolder()
        let catalog = try folder.catalog()
        let ingester = Ingester(catalog: catalog)
        try folder.write("in/record.txt", wilsonExport())
        _ = ingester.ingest([folder.path + "/in"])
        try folder.write("in/record.txt", wilsonExport(body: "Second text."))
        _ = ingester.ingest([folder.path + "/in"])
        try folder.write("in/record.txt", wilsonExport())
        let reverted = ingester.ingest([folder.path + "/in"])
        #expect(reverted.files[0].documents == [.init(id: "wcda:555001", version: 1, status: .unchanged)])
        #expect(try catalog.document("wcda:555001").versions.count == 2)
    }

    @Test("the same record saved from the site and from the PDF export is one document with two versions")
    func twoLayouts() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/export.txt", wilsonExport())
        try folder.write("in/page.txt", wilsonPage())
        let catalog = try folder.catalog()
        let report = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        #expect(report.files.map(\.status) == [.new, .newVersion])
        let list = try catalog.documents()
        #expect(list.count == 1)
        #expect(list[0].versions == 2)
        #expect(list[0].sources == ["export.txt", "page.txt"])
        // Ingesting the folder again changes nothing: each file is already a version.
        #expect(Ingester(catalog: catalog).ingest([folder.path + "/in"]).summary.unchanged == 2)
        #expect(try catalog.documents()[0].versions == 2)
    }

    @Test("export gives back the original bytes exactly, and identical bytes are stored once")
    func originals() throws {
        let folder = try TemporaryFolder()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Title line\r\nBody with CRLF\r\n".utf8)
        try folder.write("in/a.txt", bytes)
        try folder.write("in/sub/b.txt", bytes)
        let catalog = try folder.catalog()
        let report = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        #expect(report.files.map(\.status) == [.new, .new])
        #expect(try catalog.documents().map(\.id) == ["a.txt", "sub/b.txt"])
        #expect(Array(try catalog.original(of: "a.txt", version: 1).bytes) == bytes)
        #expect(Array(try catalog.original(of: "sub/b.txt", version: nil).bytes) == bytes)
        var originals = 0
        try catalog.forEachOriginal { _, _, _ in originals += 1 }
        #expect(originals == 1)
        #expect(try catalog.document("a.txt").versions[0].encoding == "utf-8-bom")
        // Bytes damaged in the file are never given back, neither on their own nor in a bag.
        try DatabaseQueue(path: catalog.path).write { db in
            try db.execute(sql: "DROP TRIGGER original_is_immutable; UPDATE original SET content = CAST('Tampered' AS BLOB)")
        }
        #expect(throws: ArchivistError.self) { try catalog.original(of: "a.txt", version: 1) }
        do {
            _ = try catalog.original(of: "a.txt", version: 1)
        } catch let error as ArchivistError {
            #expect(error.code == "fixity-mismatch" && error.message.contains("a.txt version 1"))
        }
        let bag = folder.path + "/bag"
        do {
            _ = try BagWriter(catalog: catalog).export(["a.txt"], to: bag)
            Issue.record("a bag was written from damaged bytes")
        } catch let error as ArchivistError {
            #expect(error.code == "fixity-mismatch")
        }
        #expect(!FileManager.default.fileExists(atPath: bag), "no half-written bag is left")
    }

    @Test("the schema refuses to change or delete versions, originals and events")
    func immutability() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/a.txt", "A title\nSome text")
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let queue = try DatabaseQueue(path: catalog.path)
        for sql in [
            "UPDATE version SET title = 'x'", "DELETE FROM version", "UPDATE original SET size = 1",
            "DELETE FROM original", "UPDATE event SET outcome = 'failure'", "DELETE FROM event", "DELETE FROM document",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { try $0.execute(sql: sql) } }
        }
    }

    @Test(
        "v5 makes the event table again with its checks as OR chains: every event kept as it was, the chain intact, the checks and triggers still refusing"
    )
    func eventTableAgain() throws {
        let folder = try TemporaryFolder()
        let (path, queue) = try folder.olderCatalog(upTo: "v4: search index updated in batches")
        try folder.write("in/a.txt", "A note\nwith a body")
        // Events as v4 logged them, with the IN-list checks: a digest, an ingestion, a failure.
        try queue.write { db in
            var log = try ProvenanceLog(db)
            try log.append(.messageDigestCalculation, outcome: .success, detail: ["digest": String(repeating: "a", count: 64)])
            try log.append(.ingestion, outcome: .warning, detail: ["status": "new", "source": "a.txt"])
            try log.append(.ingestion, outcome: .failure, detail: ["code": "empty-file"])
        }
        let before = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY seq") }
        try queue.close()
        let catalog = try Catalog(path: path)
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        try catalog.pool.write { db in
            let after = try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY seq")
            #expect(before.count == 3 && after.count > 3)
            #expect(Array(after.prefix(3)) == before)
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'event'") ?? ""
            #expect(sql.contains("type = 'ingestion' OR") && !sql.contains(" IN ("))
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'event_v4%'").isEmpty)
            // The checks refuse what the IN lists refused.
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: "INSERT INTO event VALUES (999, 'x', 'bogus', 't', 'a', 'success', '{}', NULL, NULL, ?, ?)",
                    arguments: [String(repeating: "0", count: 64), String(repeating: "0", count: 64)])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: "INSERT INTO event VALUES (999, 'x', 'ingestion', 't', 'a', 'maybe', '{}', NULL, NULL, ?, ?)",
                    arguments: [String(repeating: "0", count: 64), String(repeating: "0", count: 64)])
            }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE event SET agent = 'x' WHERE seq = 1") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM event WHERE seq = 1") }
        }
        // The chain runs from the events v4 logged through those logged after the migration.
        #expect(try Auditor(catalog: catalog).run(citations: false).passed)
    }

    @Test("every ingestion is logged as a hash-chained series of PREMIS events")
    func events() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/record.txt", wilsonExport())
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let events = try catalog.events(about: "wcda:555001")
        #expect(events.map(\.type) == [.ingestion, .metadataExtraction])
        let all = try catalog.events()
        #expect(all.map(\.type) == [.messageDigestCalculation, .ingestion, .metadataExtraction])
        #expect(all[0].previousHash == ProvenanceEvent.genesisHash)
        #expect(all[1].previousHash == all[0].hash)
        #expect(all[2].previousHash == all[1].hash)
        #expect(all.allSatisfy { $0.agent.hasPrefix("archivist/") })
        #expect(all[1].detail["status"] == "new")
        #expect(all[2].outcome == .warning)  // the zero-padded citation day
    }

    @Test("ingest copies its commits into the catalog file in the background; the catalog stays sound and complete")
    func backgroundCheckpoints() throws {
        let folder = try TemporaryFolder()
        let count = WALCheckpointer.interval * 3 + 5
        for index in 0..<count {
            try folder.write("in/record-\(index).txt", wilsonExport(id: String(800_000 + index), body: "Cable \(index) on the Ili region."))
        }
        let path = folder.path + "/catalog.sqlite"
        do {
            let catalog = try Catalog(path: path)
            let report = Ingester(catalog: catalog).ingest([folder.path + "/in"])
            #expect(report.summary.failed == 0)
            catalog.checkpointer.wait()
            #expect(catalog.checkpointer.checkpoints >= 1, "at least one background checkpoint ran")
            // Pages were copied while the WAL was still in use: the catalog file has grown beyond its empty size.
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            #expect(size > 100 * 4096)
            #expect(try catalog.events().count == 3 * count)
            #expect(try Auditor(catalog: catalog).run().passed)
        }
        // Once the last connection is closed, the WAL is folded into the catalog file and removed.
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let reopened = try Catalog(path: path)
        #expect(try reopened.documents().count == count)
        #expect(try reopened.events().count == 3 * count + 1, "the ingest's events and the audit's fixity check")
        #expect(try Auditor(catalog: reopened).run(record: false).passed)
    }

    @Test("a store transaction commits what its body wrote, and rolls all of it back when the body throws")
    func storeTransaction() throws {
        let folder = try TemporaryFolder()
        let catalog = try folder.catalog()
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try catalog.writeTransaction { db in
                try DocumentRecord(id: "half-written", identityKind: "path", createdAt: "2026-11-25T00:00:00Z").insertRow(db)
                var log = try ProvenanceLog(db)
                try log.append(.ingestion, outcome: .success, detail: ["note": "never kept"])
                throw Stop()
            }
        }
        let rows = { try catalog.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? -1 } }
        #expect(try rows() == 0)
        #expect(try catalog.events().isEmpty)
        // A failing statement inside rolls back too, and the connection is usable afterwards.
        #expect(throws: (any Error).self) {
            try catalog.writeTransaction { db in
                try DocumentRecord(id: "dup", identityKind: "path", createdAt: "2026-11-25T00:00:00Z").insertRow(db)
                try DocumentRecord(id: "dup", identityKind: "path", createdAt: "2026-11-25T00:00:00Z").insertRow(db)
            }
        }
        #expect(try rows() == 0)
        let count = try catalog.writeTransaction { db in
            try DocumentRecord(id: "kept", identityKind: "path", createdAt: "2026-11-25T00:00:00Z").insertRow(db)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0
        }
        #expect(count == 1)
        try folder.write("in/record.txt", wilsonExport())
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        #expect(try Auditor(catalog: catalog).run(record: false).passed)
    }

    @Test("full-text search finds titles and texts; a malformed query is a clear error")
    func search() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/record.txt", wilsonExport())
        try folder.write("in/article.txt", "Crash\nThe plane crashed near Lake Baikal.")
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        #expect(try catalog.search("Baikal").map(\.document) == ["article.txt"])
        #expect(try catalog.search("Mikoyan").map(\.document) == ["wcda:555001"])
        #expect(try catalog.search("\"take Xinjiang\"").first?.snippet.contains("Xinjiang]") == true)
        let error = #expect(throws: ArchivistError.self) { try catalog.search("\"unclosed") }
        #expect(error?.code == "bad-query")
    }

    @Test("the latest versions come a page at a time, each document once, in id order; formats and texts as asked")
    func latestVersionsByPage() throws {
        let folder = try TemporaryFolder()
        for index in 1...5 { try folder.write("in/note-\(index).txt", "Note \(index)\nfirst text") }
        try folder.write("in/record.txt", wilsonExport())
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        try folder.write("in/note-2.txt", "Note 2\nsecond text")
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let expected = ["note-1.txt", "note-2.txt", "note-3.txt", "note-4.txt", "note-5.txt", "wcda:555001"]
        for pageSize in [1, 2, 5, 6, 100] {
            var seen: [(String, Int, String)] = []
            try catalog.forEachLatestVersion(bodies: true, pageSize: pageSize) { id, version, body in seen.append((id, version.number, body)) }
            #expect(seen.map(\.0) == expected, "page size \(pageSize)")
            #expect(seen.first { $0.0 == "note-2.txt" }.map { [$0.1] } == [2])
            #expect(seen.first { $0.0 == "note-2.txt" }?.2 == "Note 2\nsecond text")
            var texts: [String] = []
            try catalog.forEachLatestVersion(bodies: true, formats: ["text"], pageSize: pageSize) { id, _, _ in texts.append(id) }
            #expect(texts == Array(expected.prefix(5)), "only the plain texts, page size \(pageSize)")
            var records: [String] = []
            try catalog.forEachLatestVersion(bodies: false, formats: ["wcda-export"], pageSize: pageSize) { id, version, body in
                #expect(body.isEmpty && version.title == "Memorandum of Conversation between Anastas Mikoyan and Mao Zedong")
                records.append(id)
            }
            #expect(records == ["wcda:555001"])
        }
        #expect(try catalog.latestTexts(of: ["note-2.txt"]) == ["note-2.txt": "Note 2\nsecond text"])
        #expect(try catalog.latestTexts(of: ["nothing"]).isEmpty)
        #expect(
            try catalog.latestTexts(of: ["note-2.txt", "nothing", "note-1.txt"])
                == ["note-2.txt": "Note 2\nsecond text", "note-1.txt": "Note 1\nfirst text"])
    }

    @Test("unknown documents and versions are clear errors")
    func unknown() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/record.txt", wilsonExport())
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let missing = #expect(throws: ArchivistError.self) { try catalog.document("wcda:555") }
        #expect(missing?.code == "unknown-document")
        #expect(missing?.message.contains("wcda:555001") == true)
        let version = #expect(throws: ArchivistError.self) { try catalog.original(of: "wcda:555001", version: 7) }
        #expect(version?.code == "unknown-version")
    }

    @Test("a file that is not a catalog is refused with a clear error")
    func notACatalog() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            "notes.sqlite", "just some text, not SQLite at all, long enough to be a header........................................................")
        let error = #expect(throws: ArchivistError.self) { try Catalog(path: path) }
        #expect(error?.code == "catalog-unreadable")
    }

    @Test("schemas/catalog.sql is the migrated catalog's schema, schemas/claims.sql the claims cache's", arguments: ["catalog", "claims"])
    func referenceSchema(_ name: String) throws {
        let folder = try TemporaryFolder()
        let catalog = try folder.catalog()
        if name == "claims" { _ = try catalog.claimCache.pool() }
        let queue = try DatabaseQueue(path: name == "claims" ? catalog.claimCache.path : catalog.path)
        let migrated = try queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
                    AND name NOT LIKE 'grdb_%' AND name NOT LIKE 'version_text_%' ORDER BY rowid
                    """)
        }
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schemas/\(name).sql")
        let reference = try String(contentsOf: file, encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: "\n")
        func normalise(_ sql: String) -> String {
            sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        #expect(normalise(reference) == normalise(migrated.map { $0 + ";" }.joined(separator: "\n")))
    }
}
