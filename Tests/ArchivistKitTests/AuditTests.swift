import Foundation
import GRDB
import Testing

@testable import ArchivistKit

@Suite("Audit: fixity, the log chain, integrity")
struct AuditTests {
    /// A catalog with two documents, and a raw connection that bypasses the schema's guards, as a
    /// tamperer with the file would.
    func tamperable() throws -> (TemporaryFolder, Catalog, DatabaseQueue) {
        let folder = try TemporaryFolder()
        try folder.write("in/record.txt", wilsonExport())
        try folder.write("in/article.txt", "An article\nThe plane crashed.")
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let queue = try DatabaseQueue(path: catalog.path)
        try queue.write { db in
            for trigger in ["original_is_immutable", "event_is_immutable", "event_is_kept"] {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
        }
        return (folder, catalog, queue)
    }

    @Test("a sound catalog passes and the audit is logged as a fixity check")
    func sound() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/record.txt", wilsonExport())
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let report = try Auditor(catalog: catalog).run()
        #expect(report.passed)
        #expect(report.fixity.checked == 1)
        #expect(report.log.intact)
        #expect(report.log.events == 3)
        #expect(try catalog.events().last?.type == .fixityCheck)
        #expect(try Auditor(catalog: catalog).run().log.events == 4)
    }

    @Test("one flipped byte in a stored original is named with document, version, expected and found")
    func flippedByte() throws {
        let (folder, catalog, queue) = try tamperable()
        defer { withExtendedLifetime(folder) {} }
        let sha = try catalog.document("wcda:555001").versions[0].sha256
        try queue.write { db in
            let content = try #require(try Data.fetchOne(db, sql: "SELECT content FROM original WHERE sha256 = ?", arguments: [sha]))
            var bytes = [UInt8](content)
            bytes[10] ^= 0x01
            try db.execute(sql: "UPDATE original SET content = ? WHERE sha256 = ?", arguments: [Data(bytes), sha])
        }
        let report = try Auditor(catalog: catalog).run()
        #expect(!report.passed)
        let failure = try #require(report.fixity.failures.first)
        #expect(report.fixity.failures.count == 1)
        #expect(failure.code == "fixity-mismatch")
        #expect(failure.document == "wcda:555001")
        #expect(failure.version == 1)
        #expect(failure.expected == sha)
        #expect(failure.found != sha)
        #expect(report.log.intact)
    }

    @Test("an edited event is detected at that event")
    func editedEvent() throws {
        let (folder, catalog, queue) = try tamperable()
        defer { withExtendedLifetime(folder) {} }
        try queue.write { db in
            try db.execute(sql: "UPDATE event SET detail = json_set(detail, '$.status', 'unchanged') WHERE seq = 2")
        }
        let report = try Auditor(catalog: catalog).run()
        #expect(!report.log.intact)
        #expect(report.log.firstBadEvent == 2)
        #expect(report.log.problems.map(\.code) == ["event-hash-mismatch"])
        #expect(report.fixity.failures.isEmpty)
    }

    @Test("a deleted event is detected by the gap, the broken link and the unlogged version")
    func deletedEvent() throws {
        let (folder, catalog, queue) = try tamperable()
        defer { withExtendedLifetime(folder) {} }
        try queue.write { db in try db.execute(sql: "DELETE FROM event WHERE seq = 2") }
        let report = try Auditor(catalog: catalog).run()
        #expect(!report.log.intact)
        #expect(report.log.firstBadEvent == 3)
        #expect(Set(report.log.problems.map(\.code)) == ["event-sequence-gap", "event-chain-broken", "version-unlogged"])
    }

    @Test("an inserted event is detected even when it carries a hash of its own")
    func insertedEvent() throws {
        let (folder, catalog, queue) = try tamperable()
        defer { withExtendedLifetime(folder) {} }
        try queue.write { db in
            try db.execute(sql: "UPDATE event SET seq = seq + 100 WHERE seq >= 3")
            let previous = try #require(try String.fetchOne(db, sql: "SELECT hash FROM event WHERE seq = 2"))
            try db.execute(
                sql: """
                    INSERT INTO event (seq, id, type, occurred_at, agent, outcome, detail, prev_hash, hash)
                    VALUES (3, 'forged', 'validation', '1949-01-01T00:00:00.000Z', 'someone', 'success', '{}', ?, ?)
                    """, arguments: [previous, String(repeating: "a", count: 64)])
        }
        let report = try Auditor(catalog: catalog).run()
        #expect(!report.log.intact)
        #expect(report.log.problems.contains { $0.code == "event-hash-mismatch" && $0.event == 3 })
    }
}
