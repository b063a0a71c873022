import Chronology
import Foundation
import GRDB

extension Catalog {
    /// The version of the claim extractor; stored with each extraction, and claims made by another
    /// are re-derived.
    public static let claimExtractorVersion = "8"

    /// A claim ready to store: its type, sentence and JSON. Encoding is done where claims are
    /// extracted (off the thread that writes), since it costs as much as the writing.
    public struct EncodedClaim: Sendable {
        let type: String
        let sentence: String
        let json: String
    }

    /// Encodes claims for ``store(_:from:format:encoding:importer:claims:lexicon:identitiesOnly:)``.
    public static func encode(_ claims: [Claim]) throws -> [EncodedClaim] {
        let encoder = JSONEncoder()
        encoder.userInfo[.claimStorage] = true
        return try claims.map { EncodedClaim(type: $0.type, sentence: $0.text, json: String(decoding: try encoder.encode($0), as: UTF8.self)) }
    }

    /// Stores the claims of one version in the claims cache, replacing any earlier extraction of it.
    static func storeClaims(_ db: Database, versionID: Int64, claims: [EncodedClaim], lexicon: String, at now: String) throws {
        try db.execute(sql: "DELETE FROM claim WHERE version_id = ?", arguments: [versionID])
        try db.execute(
            sql: "INSERT OR REPLACE INTO claim_extraction(version_id, extractor, lexicon, claims, extracted_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [versionID, claimExtractorVersion, lexicon, claims.count, now])
        let insert = try db.cachedStatement(sql: "INSERT INTO claim(version_id, seq, type, sentence, content) VALUES (?, ?, ?, ?, ?)")
        for (seq, claim) in claims.enumerated() {
            try insert.execute(arguments: [versionID, seq, claim.type, claim.sentence, claim.json])
        }
    }

    /// What the extractor reads of a stored version.
    static func claimSource(_ record: VersionRecord) -> ClaimSource {
        ClaimSource(
            title: record.title, summary: record.summary, body: record.body, date: storedDate(record),
            isArchival: record.format != DocumentFormat.plainText.rawValue)
    }

    /// A version's display date as a date value, from its stored interval and precision.
    static func storedDate(_ record: VersionRecord) -> DateValue? {
        guard let earliest = record.dateEarliest.flatMap(CalendarDay.init(iso:)),
            let latest = record.dateLatest.flatMap(CalendarDay.init(iso:)),
            let precision = record.datePrecision.flatMap(DatePrecision.init(rawValue:)), earliest <= latest
        else { return nil }
        return DateValue(period: earliest...latest, precision: precision, text: record.dateText ?? record.dateEDTF ?? "")
    }

    /// The claims of the latest version of every document, for the verifier.
    ///
    /// Versions never extracted, or extracted with another extractor or other data files, are
    /// extracted again first (every version with `rebuild`), `chunk` versions at a time, each chunk
    /// stored and logged as one `metadata extraction` event; returns the claims and how many
    /// versions were extracted. `progress` is told (extracted, to extract) after each version, one
    /// call at a time.
    public func claimsForVerification(
        extractor: ClaimExtractor, rebuild: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil,
        chunk: Int = Catalog.extractionChunk
    ) throws -> (claims: [CatalogClaim], extracted: Int) {
        precondition(chunk > 0, "chunk must be positive")
        let fingerprint = extractor.lexicon.fingerprint
        let cache = try claimCache.pool()
        let current = try cache.read { db in
            try Set(
                Int64.fetchAll(
                    db, sql: "SELECT version_id FROM claim_extraction WHERE extractor = ? AND lexicon = ?",
                    arguments: [Self.claimExtractorVersion, fingerprint]))
        }
        let staleIDs = try pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM version ORDER BY id") }
            .filter { rebuild || !current.contains($0) }
        // Claims just extracted are used as they are, not read back from the cache.
        var fresh: [Int64: [Claim]] = [:]
        // In chunks, so that only a chunk's texts are held at once; each chunk's claims are stored and
        // logged (one `metadata extraction` event) before the next is read.
        for chunkStart in stride(from: 0, to: staleIDs.count, by: chunk) {
            let stale = try versions(Array(staleIDs[chunkStart..<min(chunkStart + chunk, staleIDs.count)]))
            let total = staleIDs.count
            let chunkProgress = progress.map { report in { @Sendable (done: Int, _: Int) in report(chunkStart + done, total) } }
            // Extraction is pure: spread it over every core.
            let slots = ConcurrentSlots<(claims: [Claim], encoded: [EncodedClaim])>(count: stale.count, empty: ([], []), progress: chunkProgress)
            concurrentLoop(iterations: stale.count) { index in
                let claims = extractor.claims(in: Self.claimSource(stale[index]))
                slots.set(index, (try? Self.encode(claims)).map { (claims, $0) } ?? ([], []))
            }
            let extracted = stale.indices.map { (id: stale[$0].id!, claims: slots.values[$0].encoded) }
            for index in stale.indices { fresh[stale[index].id!] = slots.values[index].claims }
            let now = Timestamp.now()
            try cache.write { db in
                for version in extracted {
                    try Self.storeClaims(db, versionID: version.id, claims: version.claims, lexicon: fingerprint, at: now)
                }
            }
            try pool.write { db in
                var log = try ProvenanceLog(db)
                try log.append(
                    .metadataExtraction, outcome: .success,
                    detail: [
                        "what": "claims", "versions": String(extracted.count), "claims": String(extracted.map(\.claims.count).reduce(0, +)),
                        "extractor": Self.claimExtractorVersion, "lexicon": fingerprint, "reason": rebuild ? "rebuild" : "missing or stale",
                    ],
                    at: now)
            }
            logger.info("claims extracted", metadata: ["versions": "\(chunkStart + extracted.count) of \(total)"])
        }
        return (try latestClaims(cache, fresh: fresh), staleIDs.count)
    }

    /// How many versions' claims are extracted, stored and logged at a time.
    public static let extractionChunk = 1000

    /// Calls `body` with `values` in chunks of at most 500 (under SQLite's limit on bound values),
    /// each with the `?,?,...` list its `IN (...)` needs.
    static func inChunks<Value: DatabaseValueConvertible>(_ values: [Value], _ body: (_ chunk: [Value], _ marks: String) throws -> Void) rethrows {
        for start in stride(from: 0, to: values.count, by: 500) {
            let chunk = Array(values[start..<min(start + 500, values.count)])
            try body(chunk, Array(repeating: "?", count: chunk.count).joined(separator: ","))
        }
    }

    /// The versions with these ids.
    private func versions(_ ids: [Int64]) throws -> [VersionRecord] {
        try pool.read { db in
            var records: [VersionRecord] = []
            try Self.inChunks(ids) { chunk, marks in
                records += try VersionRecord.fetchAll(
                    db, sql: "SELECT * FROM version WHERE id IN (\(marks)) ORDER BY id", arguments: StatementArguments(chunk))
            }
            return records
        }
    }

    private func latestClaims(_ cache: DatabasePool, fresh: [Int64: [Claim]]) throws -> [CatalogClaim] {
        struct Latest {
            let document: String
            let version: Int
            let source: String
            let archival: Bool
        }
        let latest = try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.id, v.document_id, v.number, v.source_path, v.format FROM version v
                    \(Self.latestVersionJoin)
                    ORDER BY v.document_id
                    """)
        }
        var byVersion: [Int64: Latest] = [:]
        for row in latest {
            byVersion[row["id"]] = Latest(
                document: row["document_id"], version: row["number"], source: row["source_path"],
                archival: (row["format"] as String) != DocumentFormat.plainText.rawValue)
        }
        var claims: [Int64: [CatalogClaim]] = [:]
        for (versionID, extracted) in fresh {
            guard let version = byVersion[versionID] else { continue }
            claims[versionID] = extracted.map {
                CatalogClaim(document: version.document, version: version.version, source: version.source, archival: version.archival, claim: $0)
            }
        }
        // The rows are read in order, then decoded on every core.
        let stored = try cache.read { db in
            var rows: [(versionID: Int64, sentence: String, content: String)] = []
            let cursor = try Row.fetchCursor(db, sql: "SELECT version_id, sentence, content FROM claim ORDER BY version_id, seq")
            while let row = try cursor.next() {
                let versionID: Int64 = row[0]
                // Claims of earlier versions stay in the cache; only the latest are verified.
                guard byVersion[versionID] != nil, fresh[versionID] == nil else { continue }
                rows.append((versionID, row[1], row[2]))
            }
            return rows
        }
        let decoded = ConcurrentSlots<Result<Claim, any Error>?>(count: stored.count, empty: nil)
        let batch = 1024
        concurrentLoop(iterations: (stored.count + batch - 1) / batch) { part in
            let decoder = JSONDecoder()
            decoder.userInfo[.claimStorage] = true
            for index in (part * batch)..<min(stored.count, (part + 1) * batch) {
                decoded.set(
                    index,
                    Result {
                        var claim = try decoder.decode(Claim.self, from: Data(stored[index].content.utf8))
                        claim.text = stored[index].sentence
                        return claim
                    })
            }
        }
        for (index, row) in stored.enumerated() {
            let version = byVersion[row.versionID]!
            let claim: Claim
            do {
                claim = try decoded.values[index]!.get()
            } catch {
                throw ArchivistError(
                    code: "claims-unreadable",
                    message:
                        "the stored claims of \(version.document) cannot be read (\(error)); run `archivist verify --rebuild` to extract them again.",
                    path: claimCache.path, cause: "\(error)")
            }
            claims[row.versionID, default: []].append(
                CatalogClaim(document: version.document, version: version.version, source: version.source, archival: version.archival, claim: claim))
        }
        return latest.flatMap { claims[$0["id"] as Int64] ?? [] }
    }

    /// How a document is cited in the verifier's report: its citation when it has one, else its
    /// title and source path.
    public func citationLines(for documents: Set<String>) throws -> [String: String] {
        guard !documents.isEmpty else { return [:] }
        return try pool.read { db in
            // Only the documents asked for (in chunks, under SQLite's limit on bound values), and only
            // the columns a citation line needs, not the texts.
            var lines: [String: String] = [:]
            try Self.inChunks(documents.sorted()) { chunk, marks in
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT v.document_id, v.citation, v.title, v.source_path FROM version v
                        \(Self.latestVersionJoin)
                        WHERE v.document_id IN (\(marks))
                        """,
                    arguments: StatementArguments(chunk))
                {
                    let citation: String? = row["citation"]
                    let title: String = row["title"]
                    let source: String = row["source_path"]
                    lines[row["document_id"]] = citation ?? "\"\(title)\" (\(source))"
                }
            }
            return lines
        }
    }
}
