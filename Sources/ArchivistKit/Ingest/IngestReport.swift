/// What became of one file given to `ingest`.
public struct FileResult: Sendable, Codable, Equatable {
    /// One document the file produced.
    public struct DocumentResult: Sendable, Codable, Equatable {
        /// The document id.
        public var id: String
        /// The version number the bytes are.
        public var version: Int
        /// new, new-version or unchanged.
        public var status: IngestStatus
    }

    /// The path as ingested (relative to the folder given, or the file name).
    public var path: String
    /// The absolute path read.
    public var origin: String
    /// The file's outcome: the strongest of its documents' outcomes, or failed.
    public var status: IngestStatus
    /// The documents the file became.
    public var documents: [DocumentResult]
    /// The detected format, when the file was read.
    public var format: String?
    /// SHA-256 of the bytes, when they could be read.
    public var sha256: String?
    /// Size in bytes, when known.
    public var size: Int?
    /// Defects noticed at import.
    public var warnings: [ImportWarning]
    /// Why the file failed, when it did.
    public var error: FailureReason?
}

/// Why a file was not ingested.
public struct FailureReason: Sendable, Codable, Equatable {
    /// Stable code (`empty-file`, `binary-file`, `invalid-utf8`, `symlink`, `unreadable`, ...).
    public var code: String
    /// What is wrong with the file and what to do.
    public var message: String
}

/// The outcome of one `ingest` run.
public struct IngestReport: Sendable, Codable, Equatable {
    /// Counts by outcome.
    public struct Summary: Sendable, Codable, Equatable {
        /// Files examined.
        public var files: Int
        /// Files that became new documents.
        public var new: Int
        /// Files that became new versions.
        public var newVersion: Int
        /// Files already catalogued byte for byte.
        public var unchanged: Int
        /// Files not ingested.
        public var failed: Int
        /// Bytes read.
        public var bytes: Int
    }

    /// Every file, in the order processed (an invalid bag is one failed entry).
    public var files: [FileResult]
    /// The validation of every BagIt bag given or found, valid or not.
    public var bags: [BagValidationReport] = []

    /// Counts by outcome.
    public var summary: Summary {
        Summary(
            files: files.count, new: files.filter { $0.status == .new }.count,
            newVersion: files.filter { $0.status == .newVersion }.count,
            unchanged: files.filter { $0.status == .unchanged }.count, failed: files.filter { $0.status == .failed }.count,
            bytes: files.reduce(0) { $0 + ($1.size ?? 0) })
    }
}
