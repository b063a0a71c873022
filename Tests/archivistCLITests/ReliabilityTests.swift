import Foundation
import GRDB
import Testing

@Suite("Reliability: killed ingests, concurrent ingests and verifies, tampering", .serialized)
struct ReliabilityTests {
    /// Writes `count` deterministic documents (Wilson Center exports and plain texts) under `folder`.
    func makeCorpus(_ scratch: Scratch, folder: String, count: Int, offset: Int = 0) throws {
        for index in offset..<(offset + count) {
            let body = String(repeating: "Line \(index) of a translated cable about Xinjiang and the Ili region. ", count: 40)
            if index % 2 == 0 {
                try scratch.write(
                    "\(folder)/wcda-\(index).txt",
                    """
                    Digital Archive digitalarchive.wilsoncenter.org
                    International History Declassified

                    May 4, 1943
                    Record \(index)

                    Citation:
                    "Record \(index)," May 4, 1943, History and Public Policy Program Digital Archive, RGASPI, f. 17, op. 162, d. 37, ll. 120-123. Translated by Gary Goldberg. https://digitalarchive.wilsoncenter.org/document/\(700000 + index)

                    Summary:
                    Generated record \(index).

                    Original Language:
                    Russian

                    Contents:
                    English Translation

                    \(body)
                    """)
            } else {
                try scratch.write("\(folder)/text-\(index).txt", "Secondary text \(index)\n\n\(body)")
            }
        }
    }

    func documents(_ scratch: Scratch, catalog: String = "catalog.sqlite") throws -> [[String: Any]] {
        let list = try CLIRunner.run(["list", "--json", "--catalog", catalog], in: scratch.path)
        return try #require(list.json as? [[String: Any]], "\(list.stderr)")
    }

    @Test("ingest killed with SIGKILL at 20 moments: the catalog stays sound and a rerun catalogues every file once")
    func sigkill() throws {
        let scratch = try Scratch()
        var generator = SplitMix(seed: 1949)
        var killedMidway = 0
        for trial in 0..<20 {
            // New files each trial, so that every run has work to be interrupted in.
            try makeCorpus(scratch, folder: "in", count: 150, offset: trial * 150)
            let process = try CLIRunner.start(["ingest", "in", "--quiet"], in: scratch.path)
            let delay = 10_000 + Int(generator.next() % 250_000)  // 10 to 260 ms
            usleep(UInt32(delay))
            if process.isRunning { killedMidway += 1 }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let audit = try CLIRunner.run(["audit", "--json", "--no-citations"], in: scratch.path)
            #expect(audit.status == 0, "trial \(trial): audit after kill: \(audit.stdout.prefix(600)) \(audit.stderr)")
        }
        #expect(killedMidway >= 10, "most kills should land while ingest runs (\(killedMidway) of 20)")
        let rerun = try CLIRunner.run(["ingest", "in", "--json"], in: scratch.path)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let documents = try documents(scratch)
        #expect(documents.count == 3000)
        #expect(documents.allSatisfy { $0["versions"] as? Int == 1 })
        // Versions stored by killed runs after their last search-index update are indexed by the
        // rerun: the index holds every version exactly once (FTS5's check against its content).
        let indexed = try DatabaseQueue(path: scratch.path + "/catalog.sqlite").write { db in
            try db.execute(sql: "INSERT INTO version_text(version_text, rank) VALUES ('integrity-check', 1)")
            return try Bool.fetchOne(db, sql: "SELECT indexed_through = (SELECT max(id) FROM version) FROM search_state")
        }
        #expect(indexed == true)
        let final = try CLIRunner.run(["audit"], in: scratch.path)
        #expect(final.status == 0)
        #expect(final.stdout.contains("3000 originals re-hashed"))
    }

    @Test("two ingests at once over overlapping folders both succeed without duplicates")
    func concurrent() throws {
        let scratch = try Scratch()
        try makeCorpus(scratch, folder: "root/a", count: 100)
        try makeCorpus(scratch, folder: "root/b", count: 100, offset: 100)
        try makeCorpus(scratch, folder: "root/c", count: 100, offset: 200)
        // One process ingests a and b; the other b and c, then the whole root (nested overlap).
        let first = try CLIRunner.start(["ingest", "root/a", "root/b", "--quiet"], in: scratch.path)
        let second = try CLIRunner.start(["ingest", "root/b", "root/c", "--quiet"], in: scratch.path)
        let third = try CLIRunner.start(["ingest", "root", "--quiet"], in: scratch.path)
        for process in [first, second, third] {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let documents = try documents(scratch)
        #expect(documents.count == 300)
        #expect(documents.allSatisfy { $0["versions"] as? Int == 1 })
        #expect(try CLIRunner.run(["audit", "--quiet"], in: scratch.path).status == 0)
    }

    @Test("three verifies at once on a new claims cache give the same report and leave each version's claims once, complete")
    func concurrentVerify() throws {
        let scratch = try Scratch()
        try scratch.copySample()
        #expect(try CLIRunner.run(["ingest", "--quiet"], in: scratch.path).status == 0)
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var all: [CLIRunner.Result] = []
        }
        let results = Results()
        let folder = scratch.path
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            if let result = try? CLIRunner.run(["verify", "--json"], in: folder) {
                results.lock.lock()
                results.all.append(result)
                results.lock.unlock()
            }
        }
        #expect(results.all.count == 3)
        #expect(results.all.allSatisfy { $0.status == 1 }, "each finds the sample's planted conflict")
        #expect(Set(results.all.map(\.stdout)).count == 1)
        let cache = try DatabaseQueue(path: scratch.path + "/catalog.sqlite-claims")
        let (extractions, versions, incomplete) = try cache.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM claim_extraction") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(DISTINCT version_id) FROM claim") ?? 0,
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM claim_extraction x WHERE x.claims != (SELECT count(*) FROM claim c WHERE c.version_id = x.version_id)")
                    ?? -1
            )
        }
        #expect(incomplete == 0, "every version has exactly the claims its extraction counted")
        let catalogVersions = try DatabaseQueue(path: scratch.path + "/catalog.sqlite").read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM version") ?? 0
        }
        #expect(extractions == catalogVersions)
        #expect(versions <= extractions)
        #expect(try CLIRunner.run(["audit", "--no-citations", "--quiet"], in: scratch.path).status == 0)
    }

    @Test("audit names a flipped byte and an edited event, exits 1, and reports both in JSON")
    func tampering() throws {
        let scratch = try Scratch()
        try scratch.copySample()
        #expect(try CLIRunner.run(["ingest", "--quiet"], in: scratch.path).status == 0)
        let queue = try DatabaseQueue(path: scratch.path + "/catalog.sqlite")
        let sha = try queue.write { db -> String in
            try db.execute(sql: "DROP TRIGGER original_is_immutable; DROP TRIGGER event_is_immutable")
            let sha = try #require(try String.fetchOne(db, sql: "SELECT sha256 FROM version WHERE document_id = 'wcda:900101'"))
            try db.execute(
                sql: "UPDATE original SET content = CAST(substr(content, 1, 99) || 'X' || substr(content, 101) AS BLOB) WHERE sha256 = ?",
                arguments: [sha])
            try db.execute(sql: "UPDATE event SET agent = 'someone else' WHERE seq = 5")
            return sha
        }
        let audit = try CLIRunner.run(["audit", "--json"], in: scratch.path)
        #expect(audit.status == 1)
        let report = try #require(audit.json as? [String: Any])
        let fixity = try #require(report["fixity"] as? [String: Any])
        let failures = try #require(fixity["failures"] as? [[String: Any]])
        #expect(failures.count == 1)
        #expect(failures.first?["document"] as? String == "wcda:900101")
        #expect(failures.first?["expected"] as? String == sha)
        let log = try #require(report["log"] as? [String: Any])
        #expect(log["intact"] as? Bool == false)
        #expect(log["first_bad_event"] as? Int == 5)
        let human = try CLIRunner.run(["audit"], in: scratch.path)
        #expect(human.status == 1)
        #expect(human.stdout.contains("fixity-mismatch [wcda:900101 v1]"))
        #expect(human.stdout.contains("event-hash-mismatch [chronology-xinjiang-1949.txt event 5]"))
    }
}

/// A small deterministic generator (SplitMix64), so the kill moments are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
