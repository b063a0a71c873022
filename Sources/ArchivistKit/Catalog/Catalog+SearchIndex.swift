import Foundation
import GRDB

/// The search index (`version_text`, FTS5 over the versions' titles and texts) is brought up to
/// date in batches, each in a transaction of its own, rather than in every file's transaction.
///
/// A file's transaction stores its original, versions and events; indexing its text there made
/// FTS5 tokenize the text and flush a one-document segment at every commit, which was about 40%
/// of ingest's storing time. Indexing a few hundred versions at once costs a fraction of that.
/// `search_state.indexed_through` is the highest version id indexed. Version ids only grow, so an
/// update indexes exactly the versions above it. Ingest updates the index every
/// ``SearchIndexSchedule/interval`` stored files (or ``SearchIndexSchedule/versionLimit`` versions)
/// and when it ends; `search` and the citation audit
/// update it before they query, so a search always sees every catalogued version, even after an
/// ingest that was killed between the two.
extension Catalog {
    /// Indexes for search every version stored since the last update, in one transaction.
    ///
    /// - Returns: how many versions were indexed.
    @discardableResult
    public func updateSearchIndex() throws -> Int {
        try writeTransaction { db in
            try Self.indexPendingVersions(db)
        }
    }

    /// How many stored versions are not indexed for search yet.
    public func versionsAwaitingSearchIndex() throws -> Int {
        try pool.read { db in try Self.searchBacklog(db).count }
    }

    /// Brings the index up to date, when it is behind; used before a query and when an ingest ends.
    /// A catalog that cannot be written (a read-only copy) keeps its index as it is, with a warning
    /// that names how many versions are not indexed: a search then leaves them out.
    func prepareSearchIndex() {
        do {
            guard try versionsAwaitingSearchIndex() > 0 else { return }
            try updateSearchIndex()
        } catch {
            let backlog = (try? versionsAwaitingSearchIndex()).map(String.init) ?? "some"
            logger.warning(
                "\(backlog) versions are not indexed for search yet and the index cannot be updated now; searches leave them out until an ingest or search can update it",
                metadata: ["catalog": "\(path)", "error": "\(error)"])
        }
    }

    static func searchBacklog(_ db: Database) throws -> (indexedThrough: Int64, latest: Int64, count: Int) {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT indexed_through, (SELECT coalesce(max(id), 0) FROM version) AS latest,
                           (SELECT count(*) FROM version WHERE id > indexed_through) AS pending
                    FROM search_state
                    """))
        guard let row else {
            throw ArchivistError(
                code: "catalog-unreadable",
                message: "the catalog has no search_state row; it was changed outside archivist. Restore it from a backup.")
        }
        return (row["indexed_through"], row["latest"], row["pending"])
    }

    /// Indexes the versions above `indexed_through`; the caller holds the write transaction.
    static func indexPendingVersions(_ db: Database) throws -> Int {
        let backlog = try searchBacklog(db)
        guard backlog.count > 0 else { return 0 }
        try db.execute(
            sql: "INSERT INTO version_text(rowid, title, body) SELECT id, title, body FROM version WHERE id > ? ORDER BY id",
            arguments: [backlog.indexedThrough])
        try db.execute(sql: "UPDATE search_state SET indexed_through = ?", arguments: [backlog.latest])
        return backlog.count
    }
}

/// Counts the commits that stored new versions, and says when the search index is due an update:
/// every ``interval`` such files, or sooner when they brought ``versionLimit`` versions (a finding
/// aid is thousands of documents), so that no update's transaction grows without bound.
final class SearchIndexSchedule: @unchecked Sendable {
    /// Files stored between two updates of the search index during an ingest.
    static let interval = 256
    /// Versions stored between two updates, at most (reached first by files of many records).
    static let versionLimit = 4096

    private let lock = NSLock()
    private var files = 0
    private var versions = 0

    /// Counts one commit that stored `versions` new versions; true when an update is due (and
    /// restarts the count).
    func noteStored(versions added: Int = 1) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        files += 1
        versions += added
        guard files >= Self.interval || versions >= Self.versionLimit else { return false }
        files = 0
        versions = 0
        return true
    }
}
