/// The PREMIS event types archivist records (PREMIS 3 event type vocabulary).
public enum PREMISEventType: String, Sendable, Codable, CaseIterable {
    case ingestion
    case messageDigestCalculation = "message digest calculation"
    case fixityCheck = "fixity check"
    case validation
    case metadataExtraction = "metadata extraction"
    case formatIdentification = "format identification"
    case quarantine
    case deletion
    case replication
    case informationPackageCreation = "information package creation"
}

/// The outcome of an event.
public enum EventOutcome: String, Sendable, Codable, CaseIterable {
    case success, warning, failure
}

/// One entry of the provenance log.
///
/// Entries are hash-chained: ``hash`` is the SHA-256 of ``previousHash`` and the entry's own
/// canonical content (the JSON array described in <doc:ProvenanceLog>), so editing, inserting or deleting
/// any past entry breaks the chain at that point.
public struct ProvenanceEvent: Sendable, Codable, Equatable {
    /// The position in the log, from 1, without gaps.
    public var seq: Int64
    /// A UUID naming the event.
    public var id: String
    /// What was done.
    public var type: PREMISEventType
    /// When, in ISO 8601 UTC with milliseconds.
    public var occurredAt: String
    /// Who did it: `archivist/<version>` and the operating-system user.
    public var agent: String
    /// How it went.
    public var outcome: EventOutcome
    /// Particulars (paths, digests, version numbers, reasons), as strings by name.
    public var detail: [String: String]
    /// The document concerned, if any.
    public var documentID: String?
    /// The version row concerned, if any.
    public var versionID: Int64?
    /// The previous entry's hash; 64 zeros for the first entry.
    public var previousHash: String
    /// This entry's hash.
    public var hash: String

    /// The genesis value of ``previousHash``.
    public static let genesisHash = String(repeating: "0", count: 64)
}
