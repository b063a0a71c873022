import Chronology
import Foundation
import GRDB
import Logging

/// The archive catalog: originals, documents, versions, the provenance log and the search index,
/// in one SQLite file (WAL mode) accessed through GRDB.
///
/// This is the only type that speaks SQL; everything else asks it through this API.
public final class Catalog: Sendable {
    /// The catalog file.
    public let path: String
    /// The folder holding the catalog file, where users keep data files that extend archivist's
    /// (`archives.tsv`).
    public var folder: String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }
    let pool: DatabasePool
    let logger: Logger
    /// The claims the verifier reads: derived data, in a file of its own beside the catalog.
    let claimCache: ClaimCache
    /// Copies ingest's commits into the catalog file on another thread.
    let checkpointer: WALCheckpointer
    /// When ingest brings the search index up to date (see `Catalog+SearchIndex.swift`).
    let searchSchedule = SearchIndexSchedule()

    /// Opens the catalog at `path`, applying pending migrations as needed; creates it when there is
    /// none, unless `create` is false.
    ///
    /// - Throws: ``ArchivistError`` `catalog-unreadable` when the file is not an archivist catalog,
    ///   `catalog-missing` when there is no file and `create` is false, `catalog-folder-missing` when
    ///   its folder does not exist.
    public init(path: String, create: Bool = true, logger: Logger = Logger(label: "archivist.catalog")) throws {
        self.path = path
        self.logger = logger
        self.claimCache = ClaimCache(path: path + "-claims")
        self.checkpointer = WALCheckpointer(path: path, logger: logger)
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync survives a killed process (every commit is in the WAL); only a
            // power loss can lose the last commits, never corrupt earlier ones.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Checkpoint less often than every 1,000 pages: each file's transaction touches dozens
            // of index and FTS pages, and frequent checkpoints rewrote them again and again. During
            // ingest, WALCheckpointer copies most pages in the background before this is reached.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
        }
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
                throw ArchivistError(
                    code: "catalog-folder-missing",
                    message: "the folder \(directory) for the catalog \(path) does not exist; create it or choose another --catalog path.",
                    path: path)
            }
            if !create && !FileManager.default.fileExists(atPath: path) {
                throw ArchivistError(
                    code: "catalog-missing",
                    message:
                        "there is no catalog at \(path): run `archivist ingest` to make one, or give the catalog's path with --catalog (or ARCHIVIST_CATALOG).",
                    path: path)
            }
            pool = try Self.openPool(path: path, configuration: configuration)
            try Self.migrate(pool)
        } catch let error as ArchivistError {
            throw error
        } catch {
            throw ArchivistError(
                code: "catalog-unreadable",
                message:
                    "cannot open the catalog \(path): it is not an archivist catalog or is damaged. Check --catalog (or ARCHIVIST_CATALOG), or restore the file from a backup.",
                path: path, cause: "\(error)")
        }
    }

    /// Opens the pool, waiting while another process holds the lock that switching a new file to
    /// WAL mode needs (the busy timeout does not cover that first statement).
    static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                attempt += 1
                if attempt >= 600 { throw error }
                usleep(100_000)
            }
        }
    }

    /// Applies pending migrations. Two processes opening a new catalog at once may both see a
    /// migration as pending; the loser's transaction fails and rolls back, and it then finds the
    /// migration done by the winner.
    static func migrate(_ pool: DatabasePool, with migrator: DatabaseMigrator = CatalogSchema.migrator) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch {
                attempt += 1
                if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
                if attempt >= 5 { throw error }
                usleep(50_000)
            }
        }
    }

    deinit {
        checkpointer.wait()
    }

    // MARK: Ingest

    /// A file about to be stored: where it came from and its bytes' digest.
    public struct SourceFile: Sendable {
        /// The path as ingested, relative to the folder given to `ingest`.
        public var sourcePath: String
        /// The absolute path the bytes were read from.
        public var originPath: String
        /// The SHA-256 of the bytes.
        public var sha256: String
        /// The bytes.
        public var bytes: Data
        /// Path identities to use when the file's format carries none, in order of preference:
        /// the path relative to the folder given, that path under the folder's own name, the absolute path.
        public var identityCandidates: [String]
        /// For a payload file of a BagIt bag: the bag's digests, already checked against `bytes`,
        /// recorded as a fixity-check event of each version the file is.
        public var bag: BagFixity?
        /// For an XML file checked against a schema: the outcome, logged as a `validation` event.
        public var validation: SchemaValidationRecord?

        /// Creates a source file description.
        public init(
            sourcePath: String, originPath: String, sha256: String, bytes: Data, identityCandidates: [String]? = nil,
            bag: BagFixity? = nil
        ) {
            self.sourcePath = sourcePath
            self.originPath = originPath
            self.sha256 = sha256
            self.bytes = bytes
            self.identityCandidates = identityCandidates ?? [sourcePath, originPath]
            self.bag = bag
        }
    }

    /// How the catalog treated one document of an ingested file.
    public struct Stored: Sendable, Equatable {
        /// The document id.
        public var documentID: String
        /// The version number the bytes are (new or already there).
        public var version: Int
        /// Whether a version was added, and whether the document was new.
        public var status: IngestStatus
    }

    /// Whether bytes of this SHA-256 are stored (as any document's, from any path).
    public func hasOriginal(sha256: String) throws -> Bool {
        // One statement, atomic by itself: no transaction around it (ingest asks this of every file
        // it reads, and what it tells is checked again inside the storing transaction).
        try pool.unsafeRead { db in try Self.hasOriginal(db, sha256: sha256) }
    }

    static func hasOriginal(_ db: Database, sha256: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM original WHERE sha256 = ?)"), arguments: [sha256]) ?? false
    }

    /// Thrown by ``store(_:from:format:encoding:importer:claims:lexicon:identitiesOnly:)`` when
    /// documents that hold only their identities are not all unchanged: they must be read in full
    /// and stored again. Nothing was written.
    public struct IdentitiesOnlyNotEnough: Error {}

    /// The versions these exact bytes already are when they were ingested before from the same
    /// absolute path; an empty array means the file must be read and stored.
    public func alreadyIngested(originPath: String, sha256: String) throws -> [Stored] {
        try versionsIngested(from: [originPath]).versions(at: originPath, sha256: sha256)
    }

    /// The versions ingested before from these absolute paths, for ``IngestedVersions/versions(at:sha256:)``:
    /// ingest asks it of a whole batch of files in one statement, rather than of each file in a read of its own.
    public func versionsIngested(from originPaths: [String]) throws -> IngestedVersions {
        // One statement, atomic by itself: no transaction around it (the versions it finds are never deleted).
        try pool.unsafeRead { db in
            var found = IngestedVersions()
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT origin_path, sha256, document_id, number FROM version
                        WHERE origin_path IN (SELECT value FROM json_each(?)) ORDER BY id
                        """),
                arguments: [CanonicalJSON.array(originPaths)])
            while let row = try rows.next() {
                found.byPath[row[0], default: []].append((row[1], Stored(documentID: row[2], version: row[3], status: .unchanged)))
            }
            return found
        }
    }

    /// Versions by the absolute path they were ingested from (see ``Catalog/versionsIngested(from:)``).
    public struct IngestedVersions: Sendable {
        var byPath: [String: [(sha256: String, stored: Stored)]] = [:]

        /// The versions the bytes `sha256` already are, ingested from `originPath`, in the order they were stored.
        public func versions(at originPath: String, sha256: String) -> [Stored] {
            byPath[originPath]?.filter { $0.sha256 == sha256 }.map(\.stored) ?? []
        }
    }

    /// Stores the documents read from one file in one transaction: the original bytes once, a new
    /// version for each document whose bytes are new, and the provenance events.
    ///
    /// `claims`, when given, holds each document's extracted claims (aligned with `documents`),
    /// extracted with the data files of fingerprint `lexicon`: once the transaction is committed,
    /// each new version's are stored in the claims cache beside the catalog.
    ///
    /// `identitiesOnly` says the documents hold only their identities (see
    /// ``XMLImporter/read(bytes:path:identitiesOnly:)``): when any of them is not unchanged, nothing
    /// is written and ``IdentitiesOnlyNotEnough`` is thrown.
    public func store(
        _ documents: [ImportedDocument], from file: SourceFile, format: DocumentFormat, encoding: String,
        importer: any DocumentImporter, claims: [[EncodedClaim]]? = nil, lexicon: String? = nil, identitiesOnly: Bool = false
    ) throws -> [Stored] {
        var extracted: [(versionID: Int64, claims: [EncodedClaim])] = []
        let now = Timestamp.now()
        let results = try writeTransaction { db in
            var results: [Stored] = []
            extracted = []
            var log = try ProvenanceLog(db)
            var digestLogged = false
            // A document can have these bytes only if they are stored already: for new bytes (most
            // files) one lookup settles every document; for stored ones, the versions they already
            // are (of all the file's documents, a finding aid's thousands) come in one statement.
            let bytesStored = try Self.hasOriginal(db, sha256: file.sha256)
            // A record's own identifier is read in place: passing the whole document copied it,
            // which for a finding aid's thousands of unchanged components was a tenth of storing.
            let identities = try documents.indices.map { index in
                try documents[index].identity.map { (id: $0, kind: "record") }
                    ?? resolveIdentity(db, document: documents[index], file: file, index: index, count: documents.count)
            }
            var known = try bytesStored ? versions(db, of: identities.map(\.id), sha256: file.sha256) : [:]
            for index in documents.indices {
                let identity = identities[index]
                if documents[index].deletedAtSource {
                    results.append(try recordDeletion(db, identity: identity.id, document: documents[index], file: file, log: &log, at: now))
                    continue
                }
                if let unchanged = known[identity.id] {
                    if let bag = file.bag {
                        try log.append(
                            .fixityCheck, outcome: .success, detail: bag.eventDetail(catalogSHA256: file.sha256),
                            documentID: identity.id, versionID: unchanged.id, at: now)
                    }
                    results.append(Stored(documentID: identity.id, version: unchanged.number, status: .unchanged))
                    continue
                }
                if identitiesOnly { throw IdentitiesOnlyNotEnough() }
                let previous = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT id, number FROM version WHERE document_id = ? ORDER BY number DESC LIMIT 1"),
                    arguments: [identity.id])
                let document = documents[index]
                if !digestLogged {
                    try storeOriginal(db, file: file, log: &log, at: now)
                    digestLogged = true
                }
                if previous == nil {
                    try DocumentRecord(id: identity.id, identityKind: identity.kind, createdAt: now).insertRow(db)
                }
                let number = (previous?["number"] as Int? ?? 0) + 1
                var version = VersionRecord(
                    id: nil, documentID: identity.id, number: number, parentID: previous?["id"], sha256: file.sha256,
                    size: file.bytes.count, ingestedAt: now, importer: importer.name, importerVersion: importer.version,
                    format: format.rawValue, encoding: encoding, sourcePath: file.sourcePath,
                    originPath: file.originPath, title: document.title, dateText: document.dateText ?? document.date?.text,
                    dateEDTF: document.date?.edtf, datePrecision: document.date?.precision.rawValue,
                    dateEarliest: document.date?.earliest?.description, dateLatest: document.date?.latest?.description,
                    summary: document.summary, originalLanguage: document.originalLanguage, citation: document.citation,
                    sourceLine: document.sourceLine, translator: document.translator, recordID: document.recordID,
                    body: document.body, fields: CanonicalJSON.object(document.fields), warnings: CanonicalJSON.warnings(document.warnings))
                try version.insertRow(db)
                let versionID = version.id!
                // A record that occurs twice in the file is this version the second time.
                known[identity.id] = (versionID, number)
                let status: IngestStatus = previous == nil ? .new : .newVersion
                try log.append(
                    .ingestion, outcome: .success,
                    detail: [
                        "status": status.rawValue, "version": String(number), "source": file.sourcePath, "origin": file.originPath,
                        "sha256": file.sha256, "size": String(file.bytes.count),
                    ],
                    documentID: identity.id, versionID: versionID, at: now)
                var metadata = [
                    "format": format.rawValue, "importer": "\(importer.name)/\(importer.version)", "encoding": encoding,
                    "title": document.title,
                ]
                if let date = document.date { metadata["date"] = date.edtf }
                if let claims, lexicon != nil, index < claims.count {
                    extracted.append((versionID, claims[index]))
                    metadata["claims"] = String(claims[index].count)
                }
                if !document.warnings.isEmpty {
                    metadata["warnings"] = document.warnings.map(\.code).joined(separator: ",")
                }
                try log.append(
                    .metadataExtraction, outcome: document.warnings.isEmpty ? .success : .warning, detail: metadata,
                    documentID: identity.id, versionID: versionID, at: now)
                if let bag = file.bag {
                    try log.append(
                        .fixityCheck, outcome: .success, detail: bag.eventDetail(catalogSHA256: file.sha256),
                        documentID: identity.id, versionID: versionID, at: now)
                }
                if let validation = file.validation {
                    try log.append(
                        .validation, outcome: validation.outcome, detail: validation.detail, documentID: identity.id, versionID: versionID,
                        at: now)
                }
                results.append(Stored(documentID: identity.id, version: number, status: status))
            }
            return results
        }
        checkpointer.noteCommit()
        let added = results.count(where: { $0.status == .new || $0.status == .newVersion })
        if added > 0, searchSchedule.noteStored(versions: added) {
            do {
                try updateSearchIndex()
                checkpointer.noteCommit()
            } catch {
                logger.warning(
                    "search index not updated; the next ingest or search updates it", metadata: ["catalog": "\(path)", "error": "\(error)"])
            }
        }
        // The claims go to the cache once the versions are committed. Should this fail, the versions
        // are stored all the same, and the next `verify` extracts their claims.
        if let lexicon, !extracted.isEmpty {
            do {
                try claimCache.pool().write { db in
                    for item in extracted {
                        try Self.storeClaims(db, versionID: item.versionID, claims: item.claims, lexicon: lexicon, at: now)
                    }
                }
            } catch {
                logger.warning(
                    "claims not stored; the next verify extracts them", metadata: ["file": "\(file.sourcePath)", "error": "\(error)"])
            }
        }
        return results
    }

    /// The versions, among the documents `ids`, whose bytes are `sha256`: by document id, in one
    /// statement that looks each id up in the `(document_id, sha256)` index.
    private func versions(_ db: Database, of ids: [String], sha256: String) throws -> [String: (id: Int64, number: Int)] {
        var found: [String: (id: Int64, number: Int)] = [:]
        found.reserveCapacity(ids.count)
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT v.document_id, v.id, v.number FROM json_each(?) AS j
                    JOIN version AS v ON v.document_id = j.value AND v.sha256 = ?
                    """),
            arguments: [CanonicalJSON.array(ids), sha256])
        while let row = try rows.next() {
            found[row[0]] = (row[1], row[2])
        }
        return found
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction on the writer connection, committed when it
    /// returns and rolled back when it throws.
    ///
    /// The same as GRDB's `write`, but the `BEGIN` and `COMMIT` statements are prepared once and
    /// reused: `write` prepares them anew for every transaction, and ingest runs one per file.
    func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
            do {
                let result = try body(db)
                try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
                return result
            } catch {
                if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK TRANSACTION") }
                throw error
            }
        }
    }

    /// Stores a file's original bytes (once per SHA-256) and logs their digest.
    private func storeOriginal(_ db: Database, file: SourceFile, log: inout ProvenanceLog, at now: String) throws {
        try OriginalRecord(sha256: file.sha256, size: file.bytes.count, content: file.bytes, storedAt: now).insertIfAbsent(db)
        try log.append(
            .messageDigestCalculation, outcome: .success,
            detail: ["algorithm": "SHA-256", "digest": file.sha256, "source": file.sourcePath, "size": String(file.bytes.count)], at: now)
    }

    /// Logs a record the source reports deleted as a `deletion` event (once per identifier and
    /// file content), keeping the file's bytes; nothing is removed.
    private func recordDeletion(
        _ db: Database, identity: String, document: ImportedDocument, file: SourceFile, log: inout ProvenanceLog, at now: String
    ) throws -> Stored {
        let logged =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM event WHERE type = 'deletion' AND json_extract(detail, '$.identifier') = ?
                                   AND json_extract(detail, '$.sha256') = ?)
                    """,
                arguments: [identity, file.sha256]) ?? false
        let latest = try Int.fetchOne(db, sql: "SELECT max(number) FROM version WHERE document_id = ?", arguments: [identity])
        let stored = Stored(documentID: identity, version: latest ?? 0, status: .deletedAtSource)
        if logged { return stored }
        try storeOriginal(db, file: file, log: &log, at: now)
        var detail = [
            "identifier": identity, "source": file.sourcePath, "sha256": file.sha256,
            "note": "the source reports this record deleted; the catalog keeps every version",
        ]
        if let datestamp = document.fields["oai.datestamp"] { detail["datestamp"] = datestamp }
        let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document WHERE id = ?)", arguments: [identity]) ?? false
        try log.append(.deletion, outcome: .success, detail: detail, documentID: known ? identity : nil, at: now)
        return stored
    }

    /// Records the digests a bag gives for a file whose bytes the catalog already holds at `stored`.
    public func recordBagFixity(_ bag: BagFixity, sha256: String, stored: [Stored]) throws {
        try pool.write { db in
            var log = try ProvenanceLog(db)
            for item in stored {
                let versionID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM version WHERE document_id = ? AND number = ?", arguments: [item.documentID, item.version])
                try log.append(
                    .fixityCheck, outcome: .success, detail: bag.eventDetail(catalogSHA256: sha256), documentID: item.documentID,
                    versionID: versionID)
            }
        }
    }

    /// Records the validation of a bag given to `ingest`, valid or not, as a `validation` event.
    public func recordBagValidation(_ report: BagValidationReport, sourcePath: String, originPath: String) throws {
        try pool.write { db in
            var detail = [
                "bag": sourcePath, "origin": originPath, "valid": String(report.valid), "complete": String(report.complete),
                "payload_files": String(report.payloadFiles), "payload_bytes": String(report.payloadBytes),
                "manifests": report.manifests.joined(separator: ","), "errors": String(report.errors.count),
                "warnings": String(report.warnings.count),
            ]
            if let version = report.version { detail["bagit_version"] = version }
            if !report.errors.isEmpty { detail["codes"] = Array(Set(report.errors.map(\.code))).sorted().joined(separator: ",") }
            var log = try ProvenanceLog(db)
            try log.append(.validation, outcome: report.valid ? (report.warnings.isEmpty ? .success : .warning) : .failure, detail: detail)
        }
    }

    /// Records the export of documents as a bag: an `information package creation` event each.
    public func recordBagExport(documents: [String], bag: String, payloadOxum: String) throws {
        try pool.write { db in
            var log = try ProvenanceLog(db)
            for id in documents {
                try log.append(
                    .informationPackageCreation, outcome: .success,
                    detail: ["bag": bag, "bagit_version": "1.0", "payload_oxum": payloadOxum, "documents": String(documents.count)],
                    documentID: id)
            }
        }
    }

    /// Records a file that could not be ingested, so the log says what was refused and why.
    public func recordFailure(sourcePath: String, originPath: String, error: ArchivistError, sha256: String?) throws {
        try pool.write { db in
            var detail = ["source": sourcePath, "origin": originPath, "code": error.code, "reason": error.message]
            if let sha256 { detail["sha256"] = sha256 }
            var log = try ProvenanceLog(db)
            try log.append(.ingestion, outcome: .failure, detail: detail)
        }
    }

    private func resolveIdentity(
        _ db: Database, document: ImportedDocument, file: SourceFile, index: Int, count: Int
    ) throws -> (id: String, kind: String) {
        if let identity = document.identity { return (identity, "record") }
        let suffix = count > 1 ? "#\(index + 1)" : ""
        // A file seen before at the same absolute path keeps its document, wherever it was ingested from.
        if let known = try String.fetchOne(
            db,
            sql: """
                SELECT v.document_id FROM version v JOIN document d ON d.id = v.document_id
                WHERE v.origin_path = ? AND d.identity_kind = 'path' AND v.document_id LIKE ? ESCAPE '\\'
                ORDER BY v.id DESC LIMIT 1
                """,
            arguments: [file.originPath, "%" + Self.likeEscaped(suffix)])
        {
            return (known, "path")
        }
        // The first candidate that is free, or already this file's, or whose file has gone (a
        // moved or replaced file continues its document). Two different files that both still
        // exist never become versions of one document.
        for candidate in file.identityCandidates.map({ $0 + suffix }) {
            guard
                let taken = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT identity_kind,
                               (SELECT origin_path FROM version WHERE document_id = document.id ORDER BY number DESC LIMIT 1) AS origin
                        FROM document WHERE id = ?
                        """,
                    arguments: [candidate])
            else { return (candidate, "path") }
            let origin: String? = taken["origin"]
            if taken["identity_kind"] == "path", origin.map({ $0 == file.originPath || !FileManager.default.fileExists(atPath: $0) }) ?? true {
                return (candidate, "path")
            }
        }
        return (file.originPath + suffix, "path")
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

}

/// What became of one ingested file or document.
public enum IngestStatus: String, Sendable, Codable, CaseIterable {
    /// A new document (its first version).
    case new
    /// A new version of a catalogued document.
    case newVersion = "new-version"
    /// Bytes the document already has; nothing changed.
    case unchanged
    /// A record the source reports deleted (OAI-PMH): logged as a `deletion` event, nothing removed.
    case deletedAtSource = "deleted-at-source"
    /// Not ingested; the reason is given.
    case failed
}
