import Foundation
import GRDB

/// A row of `original`: the exact bytes of an ingested file, stored once per SHA-256.
struct OriginalRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "original"
    var sha256: String
    var size: Int
    var content: Data
    var storedAt: String

    enum CodingKeys: String, CodingKey {
        case sha256, size, content
        case storedAt = "stored_at"
    }
}

/// A row of `document`: one catalogued document, whatever its number of versions.
struct DocumentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "document"
    var id: String
    var identityKind: String
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id
        case identityKind = "identity_kind"
        case createdAt = "created_at"
    }
}

/// A row of `version`: one ingested state of a document, never changed once written.
struct VersionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "version"
    var id: Int64?
    var documentID: String
    var number: Int
    var parentID: Int64?
    var sha256: String
    var size: Int
    var ingestedAt: String
    var importer: String
    var importerVersion: String
    var format: String
    var encoding: String
    var sourcePath: String
    var originPath: String
    var title: String
    var dateText: String?
    var dateEDTF: String?
    var datePrecision: String?
    var dateEarliest: String?
    var dateLatest: String?
    var summary: String?
    var originalLanguage: String?
    var citation: String?
    var sourceLine: String?
    var translator: String?
    var recordID: String?
    var body: String
    var fields: String
    var warnings: String

    enum CodingKeys: String, CodingKey {
        case id, number, sha256, size, importer, format, encoding, title, summary, citation, translator, body, fields, warnings
        case documentID = "document_id"
        case parentID = "parent_id"
        case ingestedAt = "ingested_at"
        case importerVersion = "importer_version"
        case sourcePath = "source_path"
        case originPath = "origin_path"
        case dateText = "date_text"
        case dateEDTF = "date_edtf"
        case datePrecision = "date_precision"
        case dateEarliest = "date_earliest"
        case dateLatest = "date_latest"
        case originalLanguage = "original_language"
        case sourceLine = "source_line"
        case recordID = "record_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of `event`: one entry of the hash-chained provenance log.
struct EventRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "event"
    var seq: Int64
    var id: String
    var type: String
    var occurredAt: String
    var agent: String
    var outcome: String
    var detail: String
    var documentID: String?
    var versionID: Int64?
    var prevHash: String
    var hash: String

    enum CodingKeys: String, CodingKey {
        case seq, id, type, agent, outcome, detail, hash
        case occurredAt = "occurred_at"
        case documentID = "document_id"
        case versionID = "version_id"
        case prevHash = "prev_hash"
    }
}

// Ingest writes these rows for every file: plain cached INSERT statements with positional
// arguments cost a fraction of the Codable-based `insert(_:)`, which encodes through a container.

extension OriginalRecord {
    /// Inserts the original unless one with the same digest is already stored.
    func insertIfAbsent(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO original (sha256, size, content, stored_at) VALUES (?, ?, ?, ?)")
            .execute(arguments: [sha256, size, content, storedAt])
    }
}

extension DocumentRecord {
    func insertRow(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO document (id, identity_kind, created_at) VALUES (?, ?, ?)")
            .execute(arguments: [id, identityKind, createdAt])
    }
}

extension VersionRecord {
    mutating func insertRow(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO version (document_id, number, parent_id, sha256, size, ingested_at, importer, importer_version,
                  format, encoding, source_path, origin_path, title, date_text, date_edtf, date_precision, date_earliest,
                  date_latest, summary, original_language, citation, source_line, translator, record_id, body, fields, warnings)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: StatementArguments(
                [
                    documentID, number, parentID, sha256, size, ingestedAt, importer, importerVersion, format, encoding, sourcePath,
                    originPath, title, dateText, dateEDTF, datePrecision, dateEarliest, dateLatest, summary, originalLanguage,
                    citation, sourceLine, translator, recordID, body, fields, warnings,
                ] as [(any DatabaseValueConvertible)?]))
        id = db.lastInsertedRowID
    }
}

extension EventRecord {
    func insertRow(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO event (seq, id, type, occurred_at, agent, outcome, detail, document_id, version_id, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: StatementArguments(
                [
                    seq, id, type, occurredAt, agent, outcome, detail, documentID, versionID, prevHash, hash,
                ] as [(any DatabaseValueConvertible)?]))
    }
}
