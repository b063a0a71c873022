import Chronology

/// A catalogued document as `list` shows it.
public struct DocumentSummary: Sendable, Codable, Equatable {
    /// The catalog id (`wcda:112437`, or a path relative to the ingested folder).
    public var id: String
    /// The latest version's title.
    public var title: String
    /// The latest version's display date, as EDTF, when it has one.
    public var date: String?
    /// The number of versions.
    public var versions: Int
    /// Every source path whose bytes became a version, in version order.
    public var sources: [String]

    public func encode(to encoder: any Encoder) throws {
        // `date` is always present, null when the document has none.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(date, forKey: .date)
        try container.encode(versions, forKey: .versions)
        try container.encode(sources, forKey: .sources)
    }
}

/// One version of a document, with everything read from its file.
public struct VersionInfo: Sendable, Codable, Equatable {
    /// The version number, from 1.
    public var number: Int
    /// The number of the version it follows, if any.
    public var parent: Int?
    /// SHA-256 of the original bytes, lower-case hex.
    public var sha256: String
    /// Size of the original in bytes.
    public var size: Int
    /// When it was ingested (ISO 8601 UTC).
    public var ingestedAt: String
    /// The importer that read it, and its version.
    public var importer: String
    /// The importer's version.
    public var importerVersion: String
    /// The detected format.
    public var format: String
    /// The encoding the bytes were decoded from.
    public var encoding: String
    /// The path as ingested (relative to the folder given to `ingest`).
    public var sourcePath: String
    /// The absolute path the file was read from.
    public var originPath: String
    /// The title, verbatim.
    public var title: String
    /// The display date as written.
    public var dateText: String?
    /// The display date as EDTF.
    public var date: String?
    /// The display date's precision.
    public var datePrecision: String?
    /// The display date's earliest day.
    public var dateEarliest: String?
    /// The display date's latest day.
    public var dateLatest: String?
    /// The archive's summary.
    public var summary: String?
    /// The language of the original.
    public var originalLanguage: String?
    /// The citation, verbatim.
    public var citation: String?
    /// The source line, verbatim.
    public var sourceLine: String?
    /// The translator credit.
    public var translator: String?
    /// The archive's record id.
    public var recordID: String?
    /// Further fields read from the file.
    public var fields: [String: String]
    /// Defects noticed at import.
    public var warnings: [ImportWarning]
}

/// A document with all its versions.
public struct DocumentDetail: Sendable, Codable, Equatable {
    /// The catalog id.
    public var id: String
    /// How the id was derived: `record` (from the content) or `path`.
    public var identityKind: String
    /// When the document was first catalogued.
    public var createdAt: String
    /// Every version, oldest first.
    public var versions: [VersionInfo]
}

/// A full-text search hit.
public struct SearchHit: Sendable, Codable, Equatable {
    /// The document.
    public var document: String
    /// The version that matched.
    public var version: Int
    /// The version's title.
    public var title: String
    /// A snippet of the matching text, with matches in `[` `]`.
    public var snippet: String
}
