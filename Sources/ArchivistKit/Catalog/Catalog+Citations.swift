import Foundation
import GRDB

extension Catalog {
    /// Joins `version v` to the latest version of each document: `SELECT ... FROM version v` then this.
    static let latestVersionJoin = """
        JOIN (SELECT document_id, max(number) AS number FROM version GROUP BY document_id) latest
          ON latest.document_id = v.document_id AND latest.number = v.number
        """

    /// Joins `version v` to the latest version of each document listed in a JSON array argument:
    /// `SELECT ... FROM version v` then this, with the array of ids as the statement's first argument.
    static let latestVersionOfListedJoin = """
        JOIN (SELECT document_id, max(number) AS number FROM version
              WHERE document_id IN (SELECT value FROM json_each(?)) GROUP BY document_id) latest
          ON latest.document_id = v.document_id AND latest.number = v.number
        """

    /// Calls `each` with the latest version of every document (of the `formats` given, else of
    /// every format), in id order, a page of documents at a time: a catalog of finding aids holds
    /// hundreds of thousands of components, and is never held in memory whole. Each page is read in a
    /// read transaction of its own and handed over after it, so `each` may use the catalog. With
    /// `bodies` false the texts are not read (`body` is empty). What the citation audit reads.
    public func forEachLatestVersion(
        bodies: Bool, formats: Set<String>? = nil, pageSize: Int = 2_000, _ each: (String, VersionInfo, String) throws -> Void
    ) throws {
        let sql = """
            SELECT v.id, v.document_id, v.number, v.parent_id, v.sha256, v.size, v.ingested_at, v.importer, v.importer_version,
              v.format, v.encoding, v.source_path, v.origin_path, v.title, v.date_text, v.date_edtf, v.date_precision,
              v.date_earliest, v.date_latest, v.summary, v.original_language, v.citation, v.source_line, v.translator,
              v.record_id, \(bodies ? "v.body" : "'' AS body"), v.fields, v.warnings
            FROM version v
            \(Self.latestVersionOfListedJoin)
            WHERE ? IS NULL OR v.format IN (SELECT value FROM json_each(?))
            ORDER BY v.document_id
            """
        let formatList = formats.map { CanonicalJSON.array($0.sorted()) }
        var after = ""
        while true {
            let (ids, page) = try pool.read { db in
                let ids = try String.fetchAll(
                    db.cachedStatement(sql: "SELECT DISTINCT document_id FROM version WHERE document_id > ? ORDER BY document_id LIMIT ?"),
                    arguments: [after, pageSize])
                let page = try VersionRecord.fetchAll(db, sql: sql, arguments: [CanonicalJSON.array(ids), formatList, formatList])
                return (ids, page)
            }
            for record in page { try each(record.documentID, Self.info(record, parent: nil), record.body) }
            guard ids.count == pageSize, let last = ids.last else { return }
            after = last
        }
    }

    /// The texts of these documents' latest versions, by id (a document that does not exist is left out).
    public func latestTexts(of ids: [String]) throws -> [String: String] {
        try pool.read { db in
            var texts: [String: String] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT v.document_id, v.body FROM version v
                    \(Self.latestVersionOfListedJoin)
                    """,
                arguments: [CanonicalJSON.array(ids)])
            while let row = try rows.next() { texts[row[0]] = row[1] }
            return texts
        }
    }

    /// Documents whose latest text contains all of `words` (FTS5), best first; used to find the
    /// candidates for a quotation without reading every text.
    public func documents(containingAll words: [String], limit: Int = 20) throws -> [String] {
        let query = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"" }.joined(separator: " AND ")
        guard !query.isEmpty else { return [] }
        prepareSearchIndex()
        return try pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT v.document_id FROM version_text JOIN version v ON v.id = version_text.rowid
                    WHERE version_text MATCH ? ORDER BY rank LIMIT ?
                    """,
                arguments: [query, limit])
        }
    }
}
