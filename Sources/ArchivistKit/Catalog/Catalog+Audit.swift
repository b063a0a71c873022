import Foundation
import GRDB

extension Catalog {
    /// A version that uses an original, for naming it in reports.
    public struct VersionRef: Sendable, Codable, Equatable {
        /// The document id.
        public var document: String
        /// The version number.
        public var version: Int
        /// The size the version recorded for its original.
        public var size: Int
    }

    /// Calls `body` with every stored original (digest it is filed under, size recorded, bytes),
    /// reading them one at a time in a single read transaction.
    public func forEachOriginal(_ body: (String, Int, Data) throws -> Void) throws {
        try pool.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT sha256, size, content FROM original ORDER BY sha256")
            while let row = try cursor.next() {
                try body(row["sha256"], row["size"], row["content"])
            }
        }
    }

    /// The versions that point at the original `sha256`.
    public func versions(using sha256: String) throws -> [VersionRef] {
        try versionRefs(where: "sha256 = ?", arguments: [sha256])
    }

    /// Versions whose original is missing from the catalog.
    public func versionsWithoutOriginal() throws -> [VersionRef] {
        try versionRefs(where: "sha256 NOT IN (SELECT sha256 FROM original)")
    }

    /// Versions that have no ingestion event in the log (the event was deleted).
    public func versionsWithoutIngestionEvent() throws -> [VersionRef] {
        // One pass over the log into a temporary index, not a scan per version.
        try versionRefs(where: "id NOT IN (SELECT version_id FROM event WHERE type = 'ingestion' AND version_id IS NOT NULL)")
    }

    private func versionRefs(where condition: String, arguments: StatementArguments = []) throws -> [VersionRef] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT document_id, number, size FROM version WHERE \(condition) ORDER BY document_id, number",
                arguments: arguments
            ).map { VersionRef(document: $0["document_id"], version: $0["number"], size: $0["size"]) }
        }
    }

    /// One link of the provenance log's chain, as the audit checks it.
    public struct ChainLink: Sendable {
        /// The event's sequence number.
        public var seq: Int64
        /// The event type as stored.
        public var type: String
        /// The document concerned, if any.
        public var documentID: String?
        /// The previous hash the event records.
        public var previousHash: String
        /// The hash the event records.
        public var hash: String
        /// The hash its stored content gives now.
        public var recomputedHash: String
    }

    /// Calls `body` with every event's chain link in log order, in a single read transaction.
    public func forEachChainLink(_ body: (ChainLink) throws -> Void) throws {
        try pool.read { db in
            // Columns read by position, not decoded as records: an audit reads every event.
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT seq, id, type, occurred_at, agent, outcome, detail, document_id, version_id, prev_hash, hash
                    FROM event ORDER BY seq
                    """)
            while let row = try cursor.next() {
                let record = EventRecord(
                    seq: row[0], id: row[1], type: row[2], occurredAt: row[3], agent: row[4], outcome: row[5], detail: row[6],
                    documentID: row[7], versionID: row[8], prevHash: row[9], hash: row[10])
                try body(
                    ChainLink(
                        seq: record.seq, type: record.type, documentID: record.documentID, previousHash: record.prevHash,
                        hash: record.hash, recomputedHash: ProvenanceLog.hash(of: record)))
            }
        }
    }

    /// SQLite's `PRAGMA integrity_check` and `PRAGMA foreign_key_check`: an empty array when sound.
    public func integrityProblems() throws -> [String] {
        try pool.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let foreign = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map {
                "foreign key violation in \($0[0] as String? ?? "?") row \($0[1] as Int64? ?? 0) (parent \($0[2] as String? ?? "?"))"
            }
            return integrity + foreign
        }
    }

    /// Appends an event that concerns the catalog as a whole (an audit, an export).
    @discardableResult
    public func record(_ type: PREMISEventType, outcome: EventOutcome, detail: [String: String]) throws -> ProvenanceEvent {
        try pool.write { db in
            var log = try ProvenanceLog(db)
            return Self.event(try log.append(type, outcome: outcome, detail: detail))
        }
    }
}
