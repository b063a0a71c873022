import Foundation
import GRDB

extension Catalog {
    /// Every document, ordered by id, with its latest title and date and every source path.
    public func documents() throws -> [DocumentSummary] {
        var result: [DocumentSummary] = []
        try forEachDocument { result.append($0) }
        return result
    }

    /// Calls `each` with every document, as ``documents()`` lists them, one at a time: a catalog of
    /// finding aids lists hundreds of thousands. `each` runs inside the read, so it must not use the
    /// catalog.
    public func forEachDocument(_ each: (DocumentSummary) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT document_id, number, title, date_edtf, source_path FROM version
                    ORDER BY document_id, number
                    """)
            var current: DocumentSummary?
            while let row = try rows.next() {
                let id: String = row[0]
                let source: String = row[4]
                if current?.id == id {
                    current!.title = row[2]
                    current!.date = row[3]
                    current!.versions += 1
                    if !current!.sources.contains(source) { current!.sources.append(source) }
                } else {
                    if let done = current { try each(done) }
                    current = DocumentSummary(id: id, title: row[2], date: row[3], versions: 1, sources: [source])
                }
            }
            if let done = current { try each(done) }
        }
    }

    /// The number of characters of the longest document id (0 for an empty catalog).
    public func longestDocumentID() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT max(length(id)) FROM document") ?? 0 }
    }

    /// One document with all its versions.
    ///
    /// - Throws: ``ArchivistError`` `unknown-document` when no document has that id.
    public func document(_ id: String) throws -> DocumentDetail {
        try pool.read { db in
            guard let record = try DocumentRecord.fetchOne(db, key: id) else { throw Self.unknownDocument(id, db: db) }
            let versions = try VersionRecord.fetchAll(
                db, sql: "SELECT * FROM version WHERE document_id = ? ORDER BY number", arguments: [id])
            let numbers = Dictionary(uniqueKeysWithValues: versions.map { ($0.id!, $0.number) })
            return DocumentDetail(
                id: id, identityKind: record.identityKind, createdAt: record.createdAt,
                versions: versions.map { Self.info($0, parent: $0.parentID.flatMap { numbers[$0] }) })
        }
    }

    /// The text (body) of a version, for diffs; the latest when `number` is nil.
    public func text(of id: String, version number: Int?) throws -> (version: Int, title: String, body: String) {
        try pool.read { db in
            let row = try Self.versionRow(db, id: id, number: number, columns: "number, title, body")
            return (row["number"], row["title"], row["body"])
        }
    }

    /// The exact original bytes of a version; the latest when `number` is nil. Their SHA-256 is
    /// checked again before they are given back, so damaged bytes are never exported.
    ///
    /// - Throws: ``ArchivistError`` `fixity-mismatch` when the stored bytes no longer match their
    ///   digest, `original-missing`, `unknown-document` or `unknown-version`.
    public func original(of id: String, version number: Int?) throws -> (version: Int, sha256: String, bytes: Data) {
        let (version, sha, bytes) = try pool.read { db in
            let row = try Self.versionRow(db, id: id, number: number, columns: "number, sha256")
            let sha: String = row["sha256"]
            guard let bytes = try Data.fetchOne(db, sql: "SELECT content FROM original WHERE sha256 = ?", arguments: [sha]) else {
                throw ArchivistError(
                    code: "original-missing",
                    message: "the original \(sha) of \(id) is missing from the catalog; run `archivist audit` and restore the catalog from a backup.")
            }
            return (row["number"] as Int, sha, bytes)
        }
        guard SHA256Digest.hex(bytes) == sha else {
            throw ArchivistError(
                code: "fixity-mismatch",
                message:
                    "the stored original of \(id) version \(version) no longer matches its SHA-256 \(sha); it was not exported. Run `archivist audit`, and restore the catalog from a backup."
            )
        }
        return (version, sha, bytes)
    }

    /// The provenance events about a document, oldest first; every event when `id` is nil.
    public func events(about id: String? = nil) throws -> [ProvenanceEvent] {
        try pool.read { db in
            if let id, try DocumentRecord.fetchOne(db, key: id) == nil { throw Self.unknownDocument(id, db: db) }
            let records =
                if let id {
                    try EventRecord.fetchAll(db, sql: "SELECT * FROM event WHERE document_id = ? ORDER BY seq", arguments: [id])
                } else {
                    try EventRecord.fetchAll(db, sql: "SELECT * FROM event ORDER BY seq")
                }
            return records.map(Self.event)
        }
    }

    /// Full-text search over titles and texts (SQLite FTS5 query syntax), best matches first.
    ///
    /// - Throws: ``ArchivistError`` `bad-query` for a malformed query, with SQLite's reason.
    public func search(_ query: String, limit: Int = 20) throws -> [SearchHit] {
        guard query.contains(where: { !$0.isWhitespace }) else {
            throw ArchivistError(code: "bad-query", message: "the search query is empty; give the words to look for, such as 'Xinjiang AND Stalin'.")
        }
        prepareSearchIndex()
        do {
            return try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT v.document_id, v.number, v.title,
                               snippet(version_text, 1, '[', ']', '…', 12) AS snippet
                        FROM version_text JOIN version v ON v.id = version_text.rowid
                        WHERE version_text MATCH ? ORDER BY rank LIMIT ?
                        """,
                    arguments: [query, limit]
                ).map { SearchHit(document: $0["document_id"], version: $0["number"], title: $0["title"], snippet: $0["snippet"]) }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            throw ArchivistError(
                code: "bad-query",
                message:
                    "the search query \(query.debugDescription) is malformed: \(error.message ?? "syntax error"). Quote phrases with double quotes, and use AND, OR, NOT and * as in SQLite FTS5."
            )
        }
    }

    static func versionRow(_ db: Database, id: String, number: Int?, columns: String) throws -> Row {
        let row =
            if let number {
                try Row.fetchOne(db, sql: "SELECT \(columns) FROM version WHERE document_id = ? AND number = ?", arguments: [id, number])
            } else {
                try Row.fetchOne(
                    db, sql: "SELECT \(columns) FROM version WHERE document_id = ? ORDER BY number DESC LIMIT 1", arguments: [id])
            }
        if let row { return row }
        guard let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM version WHERE document_id = ?", arguments: [id]),
            count > 0
        else { throw unknownDocument(id, db: db) }
        throw ArchivistError(
            code: "unknown-version",
            message: "\(id) has no version \(number ?? 0); it has versions 1 to \(count). See `archivist history \(id)`.")
    }

    static func unknownDocument(_ id: String, db: Database) -> ArchivistError {
        let similar =
            (try? String.fetchAll(
                db, sql: "SELECT id FROM document WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 3",
                arguments: ["%" + likeEscaped(id) + "%"])) ?? []
        let hint = similar.isEmpty ? "Run `archivist list` to see the ids." : "Did you mean \(similar.joined(separator: ", "))?"
        return ArchivistError(code: "unknown-document", message: "no document \(id.debugDescription) in the catalog. \(hint)")
    }

    static func info(_ record: VersionRecord, parent: Int?) -> VersionInfo {
        VersionInfo(
            number: record.number, parent: parent, sha256: record.sha256, size: record.size, ingestedAt: record.ingestedAt,
            importer: record.importer, importerVersion: record.importerVersion, format: record.format, encoding: record.encoding,
            sourcePath: record.sourcePath, originPath: record.originPath, title: record.title, dateText: record.dateText,
            date: record.dateEDTF, datePrecision: record.datePrecision, dateEarliest: record.dateEarliest,
            dateLatest: record.dateLatest, summary: record.summary, originalLanguage: record.originalLanguage,
            citation: record.citation, sourceLine: record.sourceLine, translator: record.translator,
            recordID: record.recordID,
            // Most versions have no warnings, and many no fields: their empty JSON is not decoded.
            fields: record.fields == "{}" ? [:] : (try? JSONDecoder().decode([String: String].self, from: Data(record.fields.utf8))) ?? [:],
            warnings: record.warnings == "[]" ? [] : (try? JSONDecoder().decode([ImportWarning].self, from: Data(record.warnings.utf8))) ?? [])
    }

    static func event(_ record: EventRecord) -> ProvenanceEvent {
        ProvenanceEvent(
            seq: record.seq, id: record.id, type: PREMISEventType(rawValue: record.type) ?? .ingestion,
            occurredAt: record.occurredAt, agent: record.agent, outcome: EventOutcome(rawValue: record.outcome) ?? .failure,
            detail: ProvenanceLog.decodeDetail(record.detail), documentID: record.documentID, versionID: record.versionID,
            previousHash: record.prevHash, hash: record.hash)
    }
}
