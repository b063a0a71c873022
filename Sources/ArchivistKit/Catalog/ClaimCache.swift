import Foundation
import GRDB

/// The claims cache: a SQLite file beside the catalog (`<catalog>-claims`, WAL mode) holding each
/// version's claims, as the verifier extracted them.
///
/// Claims are derived from the versions and re-derived whenever the data files or the extractor
/// change, so they are kept out of the catalog: an audit checks, and a backup keeps, only what was
/// ingested and what was done to it. The file is opened (and made) the first time claims are
/// read or stored; deleting it loses nothing, since the next `verify` extracts the claims again.
final class ClaimCache: @unchecked Sendable {
    /// The cache file.
    let path: String
    private let lock = NSLock()
    private var opened: DatabasePool?

    init(path: String) {
        self.path = path
    }

    /// The cache's connection pool, opened and migrated on first use.
    ///
    /// - Throws: ``ArchivistError`` `claims-cache-unreadable` when the file is not a claims cache
    ///   or is damaged (it can be deleted: the next `verify` makes it again).
    func pool() throws -> DatabasePool {
        lock.lock()
        defer { lock.unlock() }
        if let opened { return opened }
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let pool = try Catalog.openPool(path: path, configuration: configuration)
            try Catalog.migrate(pool, with: ClaimCacheSchema.migrator)
            opened = pool
            return pool
        } catch {
            throw ArchivistError(
                code: "claims-cache-unreadable",
                message:
                    "cannot open or create the claims cache \(path) (\(error)). If its folder is writable, the file is damaged or not a claims cache; it holds only derived data: delete it, and the next `archivist verify` extracts the claims again.",
                path: path, cause: "\(error)")
        }
    }
}
