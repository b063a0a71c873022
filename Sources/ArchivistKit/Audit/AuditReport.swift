/// A problem found by an audit, with a stable code.
public struct AuditFinding: Sendable, Codable, Equatable {
    /// Stable code: `fixity-mismatch`, `size-mismatch`, `original-missing`, `event-hash-mismatch`,
    /// `event-chain-broken`, `event-sequence-gap`, `version-unlogged`, `integrity`; citation audit:
    /// `citation-title-missing`, `citation-date-missing`, `citation-reference-missing`,
    /// `citation-translator-missing`, `citation-unresolved`, `citation-incomplete`, `quote-not-found`,
    /// `quote-approximate`.
    public var code: String
    /// `error` for anything that means the catalog cannot be trusted as it is.
    public var severity: String
    /// The document concerned, if any.
    public var document: String?
    /// The version concerned, if any.
    public var version: Int?
    /// The event concerned, if any.
    public var event: Int64?
    /// What was expected.
    public var expected: String?
    /// What was found.
    public var found: String?
    /// A sentence saying what is wrong and what to do.
    public var message: String
}

/// The result of `archivist audit`.
public struct AuditReport: Sendable, Codable, Equatable {
    /// Fixity of the stored originals.
    public struct Fixity: Sendable, Codable, Equatable {
        /// Originals re-hashed.
        public var checked: Int
        /// Bytes re-hashed.
        public var bytes: Int
        /// Originals whose digest or size no longer match, and versions without an original.
        public var failures: [AuditFinding]
    }

    /// The provenance log's hash chain.
    public struct Log: Sendable, Codable, Equatable {
        /// Events checked.
        public var events: Int
        /// Whether every event's hash and link are right.
        public var intact: Bool
        /// The first event (by sequence number) at which the chain fails, if any.
        public var firstBadEvent: Int64?
        /// The hash of the last event before this audit: record it elsewhere to detect truncation later.
        public var head: String
        /// Every chain problem.
        public var problems: [AuditFinding]

        public func encode(to encoder: any Encoder) throws {
            // `firstBadEvent` is always present, null when the chain is intact.
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(events, forKey: .events)
            try container.encode(intact, forKey: .intact)
            try container.encode(firstBadEvent, forKey: .firstBadEvent)
            try container.encode(head, forKey: .head)
            try container.encode(problems, forKey: .problems)
        }
    }

    /// SQLite's own checks.
    public struct Integrity: Sendable, Codable, Equatable {
        /// Whether `PRAGMA integrity_check` and `foreign_key_check` passed.
        public var ok: Bool
        /// Their messages when not.
        public var messages: [String]
    }

    /// Fixity results.
    public var fixity: Fixity
    /// Log results.
    public var log: Log
    /// Database integrity.
    public var integrity: Integrity
    /// Every finding, in the order found.
    public var findings: [AuditFinding]
    /// Every citation found in a secondary text, with what it resolved to.
    public var citations: [CitationCheck] = []
    /// Every quotation found in a secondary text, with whether its source holds it.
    public var quotes: [QuoteCheck] = []
    /// The fixity-check event this audit recorded.
    public var event: Int64?

    /// Whether the audit found nothing wrong, in the catalog or in the citations.
    public var passed: Bool { findings.isEmpty }

    /// Whether the catalog itself is sound: no fixity, log or integrity error (citation findings
    /// are warnings about the documents, not about the catalog).
    public var intact: Bool { findings.allSatisfy { $0.severity != "error" } }

    enum CodingKeys: String, CodingKey {
        case fixity, log, integrity, findings, citations, quotes, event
    }
}
