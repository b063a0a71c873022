/// A claim as the verifier reads it: the claim and the document version it is in.
public struct CatalogClaim: Sendable, Codable, Equatable {
    /// The catalog id.
    public var document: String
    /// The version number.
    public var version: Int
    /// The source path as ingested.
    public var source: String
    /// Whether the document is an archival record rather than a secondary text.
    public var archival: Bool
    /// The claim.
    public var claim: Claim

    /// Creates a located claim.
    public init(document: String, version: Int, source: String, archival: Bool, claim: Claim) {
        self.document = document
        self.version = version
        self.source = source
        self.archival = archival
        self.claim = claim
    }
}

/// The verifier's findings: conflicts between accounts of one event, and the status of every claim.
public struct VerifyReport: Sendable, Codable, Equatable {
    /// Conflicting (or merely differently precise) accounts of one event.
    public var conflicts: [VerifyConflict]
    /// Every claim with its status and evidence.
    public var claims: [VerifiedClaim]
    /// How many events (groups of claims about one event) the claims form.
    public var events: Int
    /// Counts of the statuses and severities.
    public var summary: Summary

    /// Totals for the report's last line.
    public struct Summary: Sendable, Codable, Equatable {
        /// Claims read.
        public var claims: Int
        /// Claims by status.
        public var supported: Int, contradicted: Int, unverified: Int
        /// Conflicts by severity.
        public var conflicts: Int, roleMismatches: Int, compatible: Int
        /// Documents whose claims were read.
        public var documents: Int

        private enum CodingKeys: String, CodingKey {
            case claims, supported, contradicted, unverified, conflicts, compatible, documents
            case roleMismatches = "role_mismatches"
        }
    }

    /// True when no conflict of severity `conflict` was found.
    public var passed: Bool { summary.conflicts == 0 }
}

/// Two or more accounts of one event that disagree on its date, place or count.
public struct VerifyConflict: Sendable, Codable, Equatable {
    /// A stable code: `date-conflict`, `place-conflict`, `count-conflict`, `date-role-mismatch`, `place-compatible`.
    public var code: String
    /// `date`, `place`, `count` or `other`.
    public var kind: String
    /// `conflict` (both cannot be true), `role-mismatch` (the dates differ because they are dates of
    /// different things, such as sending and receiving) or `compatible` (the same at different precision).
    public var severity: String
    /// The event's number in this report (conflicts of one event share it), from 1.
    public var eventID: Int
    /// The event, in words: its types, participants, subject and dates (and, for a place or count,
    /// what is compared).
    public var event: String
    /// Why the claims were taken to be about one event.
    public var reason: String
    /// Each side's claim with its value.
    public var claims: [Side]

    private enum CodingKeys: String, CodingKey {
        case code, kind, severity, event, reason, claims
        case eventID = "event_id"
    }

    /// One side of a conflict.
    public struct Side: Sendable, Codable, Equatable {
        /// The catalog id.
        public var document: String
        /// The version number.
        public var version: Int
        /// The source path as ingested.
        public var source: String
        /// The claim's sentence.
        public var text: String
        /// The normalised value compared (`1949-12-22`, `Moscow (Russia, Soviet Union)`, `14 people aboard`).
        public var value: String
        /// The value's role (`event`, `reported`, `destination`, `location`, the thing counted).
        public var role: String
        /// `archival` or `secondary`.
        public var sourceKind: String
        /// The document's citation, when it has one (filled in by the catalog).
        public var citation: String?

        private enum CodingKeys: String, CodingKey {
            case document, version, source, text, value, role, citation
            case sourceKind = "source_kind"
        }
    }
}

/// A claim with its status and the evidence for it.
public struct VerifiedClaim: Sendable, Codable, Equatable {
    /// The catalog id.
    public var document: String
    /// The version number.
    public var version: Int
    /// The source path as ingested.
    public var source: String
    /// The claim's sentence.
    public var text: String
    /// `supported`, `contradicted` or `unverified`.
    public var status: String
    /// Why it has that status.
    public var reason: String
    /// The claims of other documents that support or contradict it.
    public var evidence: [Evidence]
    /// The claim as extracted: type, date, places, counts, participants.
    public var claim: Claim

    /// A claim of another document bearing on this one.
    public struct Evidence: Sendable, Codable, Equatable {
        /// The catalog id.
        public var document: String
        /// The source path as ingested.
        public var source: String
        /// The sentence.
        public var text: String
        /// `agrees` or `contradicts`.
        public var relation: String
    }
}
