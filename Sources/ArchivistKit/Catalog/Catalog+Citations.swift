import Foundation
import GRDB

extension Catalog {
    /// Joins `version v` to the latest version of each document: `SELECT ... FROM version v` then this.
    static let latestVersionJoin = """
        JOIN (SELECT document_id, max(number) AS number FROM version GROUP BY document_id) latest
          ON latest.document_id = v.document_id AND latest.number = v.number
        """

    /// The latest version of every document, with its text: what the citation audit reads.
    public func latestVersions() throws -> [(document: String, version: VersionInfo, body: String)] {
        try pool.read { db in
            let records = try VersionRecord.fetchAll(
                db,
                sql: """
                    SELECT v.* FROM version v
                    \(Self.latestVersionJoin)
                    ORDER BY v.document_id
                    """)
            return records.map { ($0.documentID, Self.info($0, parent: nil), $0.body) }
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
