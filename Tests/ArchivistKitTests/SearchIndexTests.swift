import Foundation
import GRDB
import Testing

@testable import ArchivistKit

@Suite("Search index, updated in batches")
struct SearchIndexTests {
    /// FTS5's own check, with rank 1, that the index holds exactly the tokens of its external
    /// content (the versions): it throws when a version is missing or indexed twice.
    func indexMatchesVersions(_ catalog: Catalog) throws {
        try catalog.pool.write { db in
            try db.execute(sql: "INSERT INTO version_text(version_text, rank) VALUES ('integrity-check', 1)")
        }
    }

    /// Stores the files under `in/` as ingest does, each in its own transaction, without the
    /// search-index update an ingest ends with (as when it is killed before its end).
    func storeWithoutIndexing(_ catalog: Catalog, folder: TemporaryFolder) {
        let ingester = Ingester(catalog: catalog)
        for file in FileWalker.files(under: [folder.path + "/in"]) {
            _ = ingester.commit(ingester.prepare(file))
        }
    }

    func notes(_ folder: TemporaryFolder, count: Int, from first: Int = 0) throws {
        for index in first..<(first + count) {
            try folder.write("in/note-\(index).txt", "Note \(index)\n\nThe courier marker\(index) reached Ghulja in 1949.\n")
        }
    }

    @Test("the schedule asks for an update every interval of stored files, or sooner at the version limit")
    func schedule() {
        let schedule = SearchIndexSchedule()
        let due = (1...(SearchIndexSchedule.interval * 3)).filter { _ in schedule.noteStored() }
        #expect(due == [1, 2, 3].map { $0 * SearchIndexSchedule.interval })
        // Files of many records: due as soon as they bring the version limit.
        let large = SearchIndexSchedule()
        #expect(!large.noteStored(versions: SearchIndexSchedule.versionLimit - 1))
        #expect(large.noteStored(versions: 1))
        #expect(large.noteStored(versions: SearchIndexSchedule.versionLimit))
        #expect(!large.noteStored(versions: 10))
    }

    @Test("an ingest of more files than a batch leaves every version indexed, once, and searchable")
    func batches() throws {
        let folder = try TemporaryFolder()
        let count = SearchIndexSchedule.interval + 40
        try notes(folder, count: count)
        let catalog = try folder.catalog()
        let report = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        #expect(report.files.filter { $0.status == .new }.count == count)
        #expect(try catalog.versionsAwaitingSearchIndex() == 0)
        #expect(try catalog.search("marker7").map(\.document) == ["note-7.txt"])
        #expect(try catalog.search("marker\(count - 1)").map(\.document) == ["note-\(count - 1).txt"])
        try indexMatchesVersions(catalog)
        // Nothing new: a second ingest indexes nothing and leaves the index exact.
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        #expect(try catalog.updateSearchIndex() == 0)
        try indexMatchesVersions(catalog)
    }

    @Test("storing updates the index every interval of files, before any ingest ends")
    func updatedOnTheWay() throws {
        let folder = try TemporaryFolder()
        try notes(folder, count: SearchIndexSchedule.interval + 3)
        let catalog = try folder.catalog()
        storeWithoutIndexing(catalog, folder: folder)
        // The interval's files were indexed when the last of them was stored; the three after wait.
        #expect(try catalog.versionsAwaitingSearchIndex() == 3)
        #expect(try catalog.updateSearchIndex() == 3)
        try indexMatchesVersions(catalog)
    }

    @Test("versions stored without an index update (an ingest killed before its end) are found by the next search")
    func catchUp() throws {
        let folder = try TemporaryFolder()
        try notes(folder, count: 3)
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        try notes(folder, count: 2, from: 3)
        // Store two files as ingest does, one transaction each, but stop before its final update.
        storeWithoutIndexing(catalog, folder: folder)
        #expect(try catalog.versionsAwaitingSearchIndex() == 2)
        // Before the update, the index lacks the two new versions (the check sees it).
        #expect(throws: (any Error).self) { try indexMatchesVersions(catalog) }
        #expect(try catalog.search("marker4").map(\.document) == ["note-4.txt"])
        #expect(try catalog.versionsAwaitingSearchIndex() == 0)
        try indexMatchesVersions(catalog)
    }

    @Test("quotations are looked up in versions not yet indexed too")
    func quotationCandidates() throws {
        let folder = try TemporaryFolder()
        try notes(folder, count: 2)
        let catalog = try folder.catalog()
        storeWithoutIndexing(catalog, folder: folder)
        #expect(try catalog.versionsAwaitingSearchIndex() == 2)
        #expect(try catalog.documents(containingAll: ["courier", "marker1"]) == ["note-1.txt"])
    }

    @Test("a catalog made before v4 (indexed in each file's transaction) is indexed through its last version")
    func fromVersion3() throws {
        let folder = try TemporaryFolder()
        let (path, queue) = try folder.olderCatalog(upTo: "v3: claims moved to the claims cache")
        // A version as v3 stored it: indexed in its own transaction.
        try queue.write { db in
            let sha = String(repeating: "a", count: 64)
            try db.execute(sql: "INSERT INTO original VALUES (?, 5, x'6869746865', '2026-01-01T00:00:00Z')", arguments: [sha])
            try db.execute(sql: "INSERT INTO document VALUES ('old.txt', 'path', '2026-01-01T00:00:00Z')")
            try db.execute(
                sql: """
                    INSERT INTO version (id, document_id, number, sha256, size, ingested_at, importer, importer_version, format,
                                         encoding, source_path, origin_path, title, body)
                    VALUES (7, 'old.txt', 1, ?, 5, '2026-01-01T00:00:00Z', 'text', '1', 'text', 'utf-8', 'old.txt', '/old.txt',
                            'Old', 'an earlier Urumqi telegram')
                    """, arguments: [sha])
            try db.execute(sql: "INSERT INTO version_text(rowid, title, body) VALUES (7, 'Old', 'an earlier Urumqi telegram')")
        }
        try queue.close()
        let catalog = try Catalog(path: path)
        let through = try catalog.pool.read { db in try Int.fetchOne(db, sql: "SELECT indexed_through FROM search_state") }
        #expect(through == 7)
        #expect(try catalog.versionsAwaitingSearchIndex() == 0)
        #expect(try catalog.search("Urumqi").map(\.document) == ["old.txt"])
        try indexMatchesVersions(catalog)
    }
}
