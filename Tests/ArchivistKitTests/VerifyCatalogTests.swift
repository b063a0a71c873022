import Chronology
import Foundation
import GRDB
import Testing

@testable import ArchivistKit

@Suite("Verifier on a catalog: claims stored per version, re-extracted, latest versions")
struct VerifyCatalogTests {
    @Test("ingest with extractClaims stores each new version's claims and logs their number in the metadata-extraction event")
    func storedAtIngest() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/record.txt", wilsonExport(body: "On 6 February 1949 Mao met Mikoyan and told him the army would take Xinjiang."))
        let catalog = try folder.catalog()
        var options = IngestOptions()
        options.extractClaims = true
        _ = Ingester(catalog: catalog, options: options).ingest([folder.path + "/in"])
        let stored = try DatabaseQueue(path: catalog.path + "-claims").read { db in
            try Row.fetchAll(db, sql: "SELECT c.type, c.sentence, x.claims FROM claim c JOIN claim_extraction x USING (version_id) ORDER BY c.seq")
        }
        // The title (a memorandum of conversation), the summary ("A conversation on Xinjiang.") and the sentence.
        #expect(stored.map { $0["type"] as String } == ["meeting", "meeting", "meeting"])
        #expect((stored.first?["claims"] as Int?) == 3)
        #expect(stored.last?["sentence"] as String? == "On 6 February 1949 Mao met Mikoyan and told him the army would take Xinjiang.")
        let extraction = try #require(try catalog.events(about: "wcda:555001").first { $0.type == .metadataExtraction })
        #expect(extraction.detail["claims"] == "3")
        // Nothing to re-extract: the claims are current.
        #expect(try catalog.claimsForVerification(extractor: ClaimExtractor(lexicon: .shipped)).extracted == 0)
    }

    @Test(
        "a claim's JSON reads back to the same claim, keyed for reports and positional in the catalog (qualified dates, open counts, names written otherwise)"
    )
    func roundTrip() throws {
        let claims = ClaimExtractor(lexicon: .shipped).claims(
            in: ClaimSource(
                title: "t",
                body:
                    "In late August 1949 Akhmetjan Kasimov's plane crashed east of Lake Baikal with at least 14 people aboard, reported on 3 September 1949.",
                isArchival: false))
        let claim = try #require(claims.first)
        #expect(claim.counts.first?.high == nil)
        #expect(claim.participants.contains { $0.text != $0.name }, "a name written otherwise than its canonical form")
        #expect(claim.places.contains { $0.widenKm > 0 })
        #expect(claim.date?.value.qualifiers.isEmpty == false)
        let data = try JSONEncoder().encode(claim)
        let keyed = String(decoding: data, as: UTF8.self)
        #expect(keyed.contains("\"widen_km\"") && keyed.contains("\"edtf\"") && keyed.contains("\"text\":\"In late"))
        #expect(try JSONDecoder().decode(Claim.self, from: data) == claim)
        // As stored: a positional array, without the sentence (it has its own column) or the derived date fields.
        let storage = JSONEncoder()
        storage.userInfo[.claimStorage] = true
        let stored = String(decoding: try storage.encode(claim), as: UTF8.self)
        #expect(stored.hasPrefix("[\""))
        #expect(!stored.contains("In late") && !stored.contains("edtf") && !stored.contains("widen_km"))
        #expect(stored.utf8.count * 2 < keyed.utf8.count)
        let reader = JSONDecoder()
        reader.userInfo[.claimStorage] = true
        var back = try reader.decode(Claim.self, from: Data(stored.utf8))
        back.text = claim.text
        #expect(back == claim)
        // A stored claim is not a report's claim, and the other way round: each reader refuses the other's form.
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Claim.self, from: Data(stored.utf8)) }
        #expect(throws: DecodingError.self) { try reader.decode(Claim.self, from: data) }
    }

    @Test("ingest stores no claims by default; the next verify extracts them and reports what extraction at ingest gives")
    func deferred() throws {
        let folder = try TemporaryFolder()
        try writeIncorporation(in: folder)
        let deferred = try Catalog(path: folder.path + "/deferred.sqlite")
        _ = Ingester(catalog: deferred).ingest([folder.path + "/in"])
        #expect(!FileManager.default.fileExists(atPath: deferred.path + "-claims"), "no claims cache before the first verify")
        let calls = ProgressLog()
        let later = try Verifier.run(catalog: deferred) { done, total in calls.append(done, total) }
        #expect(later.extracted == 2)
        #expect(calls.values.map(\.0).sorted() == [1, 2] && calls.values.allSatisfy { $0.1 == 2 }, "progress told once per version")
        let atIngest = try folder.catalog()
        var options = IngestOptions()
        options.extractClaims = true
        _ = Ingester(catalog: atIngest, options: options).ingest([folder.path + "/in"])
        let now = try Verifier.run(catalog: atIngest)
        #expect(now.extracted == 0)
        #expect(later.report == now.report)
        #expect(now.report.summary.conflicts == 1)
    }

    @Test("only the latest version is verified; --rebuild and changed data files re-extract, each logged once")
    func rebuildAndLatest() throws {
        let folder = try TemporaryFolder()
        try writeIncorporation(in: folder)
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        #expect(try Verifier.run(catalog: catalog).report.summary.conflicts == 1)
        // A corrected second version of b agrees with a: the old version no longer counts.
        try writeIncorporation(in: folder, b: 19)
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let corrected = try Verifier.run(catalog: catalog).report
        #expect(corrected.summary.conflicts == 0)
        #expect(corrected.claims.first { $0.document == "b.txt" }?.version == 2)
        #expect(corrected.claims.allSatisfy { $0.status == "supported" })

        let before = try catalog.events().filter { $0.type == .metadataExtraction && $0.documentID == nil }.count
        let rebuilt = try Verifier.run(catalog: catalog, rebuild: true)
        #expect(rebuilt.extracted == 3, "every version, old ones too")
        try folder.write("aliases.tsv", "East Turkistan National Army\torganisation\tETNA|Ili National Army\n")
        #expect(try Verifier.run(catalog: catalog).extracted == 3, "the data files changed")
        #expect(try Verifier.run(catalog: catalog).extracted == 0)
        let after = try catalog.events().filter { $0.type == .metadataExtraction && $0.documentID == nil }
        #expect(after.count == before + 2)
        #expect(after.last?.detail["versions"] == "3")
        #expect(try Auditor(catalog: catalog).run(citations: false).passed, "re-extraction keeps the log's chain and the catalog intact")
    }

    @Test("claims live in a cache beside the catalog: deleting it loses nothing, a damaged one says to delete it, the audit never reads it")
    func cacheFile() throws {
        let folder = try TemporaryFolder()
        try writeIncorporation(in: folder)
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let first = try Verifier.run(catalog: catalog)
        let cache = catalog.path + "-claims"
        #expect(FileManager.default.fileExists(atPath: cache))
        let tables = try DatabaseQueue(path: catalog.path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'claim%'")
        }
        #expect(tables.isEmpty, "the catalog itself holds no claims")

        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cache + suffix) }
        let again = try Verifier.run(catalog: try Catalog(path: catalog.path))
        #expect(again.extracted == 2)
        #expect(again.report == first.report)

        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cache + suffix) }
        try Data("not a database, not at all; just some bytes to fill a page of it".utf8).write(to: URL(fileURLWithPath: cache))
        let reopened = try Catalog(path: catalog.path)
        let damaged = #expect(throws: ArchivistError.self) { try Verifier.run(catalog: reopened) }
        #expect(damaged?.code == "claims-cache-unreadable")
        #expect(damaged?.message.contains(cache) == true && damaged?.message.contains("delete it") == true)
        #expect(try Auditor(catalog: reopened).run(citations: false).passed, "the audit checks the catalog, not the cache")
    }

    @Test("a catalog made before the cache (claims in the catalog, v2) loses its claim tables on opening and verifies the same")
    func fromVersion2() throws {
        let folder = try TemporaryFolder()
        let (path, queue) = try folder.olderCatalog(upTo: "v2: claims")
        try queue.close()
        try writeIncorporation(in: folder)
        let catalog = try Catalog(path: path)
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'claim%'")
        }
        #expect(tables.isEmpty)
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        #expect(try Verifier.run(catalog: catalog).report.summary.conflicts == 1)
    }

    @Test("claims are extracted in chunks, each stored and logged as it is done, with the same claims as in one go")
    func chunks() throws {
        let folder = try TemporaryFolder()
        for day in 1...5 {
            try folder.write("in/\(day).txt", "T\(day)\n\nOn \(day) December 1949 the East Turkistan National Army was incorporated into the PLA.\n")
        }
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let extractor = ClaimExtractor(lexicon: .shipped)
        let calls = ProgressLog()
        let chunked = try catalog.claimsForVerification(extractor: extractor, progress: { calls.append($0, $1) }, chunk: 2)
        #expect(chunked.extracted == 5)
        #expect(calls.values.map(\.0).sorted() == [1, 2, 3, 4, 5] && calls.values.allSatisfy { $0.1 == 5 })
        let events = try catalog.events().filter { $0.type == .metadataExtraction && $0.detail["what"] == "claims" }
        #expect(events.map { $0.detail["versions"] } == ["2", "2", "1"])
        let whole = try catalog.claimsForVerification(extractor: extractor, rebuild: true)
        #expect(whole.claims.map(\.claim) == chunked.claims.map(\.claim))
        #expect(try catalog.claimsForVerification(extractor: extractor, chunk: 2).extracted == 0)
    }

    @Test("a stored claim that cannot be read names its document and says to rebuild, and --rebuild mends it")
    func unreadableClaim() throws {
        let folder = try TemporaryFolder()
        try writeIncorporation(in: folder)
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let first = try Verifier.run(catalog: catalog)
        try DatabaseQueue(path: catalog.path + "-claims").write { db in
            try db.execute(
                sql: "UPDATE claim SET content = '[\"incorporation\"]' WHERE version_id = (SELECT max(version_id) FROM claim)")
        }
        let error = #expect(throws: ArchivistError.self) { try Verifier.run(catalog: catalog) }
        #expect(error?.code == "claims-unreadable")
        #expect(error?.message.contains("b.txt") == true && error?.message.contains("verify --rebuild") == true)
        let mended = try Verifier.run(catalog: catalog, rebuild: true)
        #expect(mended.report == first.report)
    }

    @Test("an unknown document and a broken data file are errors that say what to do")
    func errors() throws {
        let folder = try TemporaryFolder()
        let catalog = try folder.catalog()
        let unknown = #expect(throws: ArchivistError.self) { try Verifier.run(catalog: catalog, document: "wcda:1") }
        #expect(unknown?.code == "unknown-document")
        try folder.write("events.tsv", "event\tcrash\n")
        let broken = #expect(throws: ArchivistError.self) { try Verifier.run(catalog: catalog) }
        #expect(broken?.code == "data-file-invalid")
        #expect(broken?.message.contains("tab-separated") == true)
    }
}

/// Two texts dating the ETNA's incorporation into the PLA: `in/a.txt` on 19 December 1949 and
/// `in/b.txt` on `b` December 1949 (22, a conflict, unless told otherwise).
func writeIncorporation(in folder: TemporaryFolder, b: Int = 22) throws {
    try folder.write("in/a.txt", "A\n\nOn 19 December 1949 the East Turkistan National Army was incorporated into the PLA.\n")
    try folder.write("in/b.txt", "B\n\nOn \(b) December 1949 the East Turkistan National Army was incorporated into the PLA.\n")
}

/// Progress calls recorded from any thread.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [(Int, Int)] = []

    func append(_ done: Int, _ total: Int) {
        lock.lock()
        calls.append((done, total))
        lock.unlock()
    }

    var values: [(Int, Int)] {
        lock.lock()
        defer { lock.unlock() }
        return calls
    }
}
