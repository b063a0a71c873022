/// One problem found in a bag, with a stable code.
public struct BagFinding: Sendable, Codable, Equatable {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Codable {
        /// The bag is invalid or incomplete.
        case error
        /// The bag is valid, but something deserves a look.
        case warning
    }

    /// Stable code, such as `digest-mismatch`, `file-missing` or `payload-oxum-mismatch`.
    public var code: String
    /// Whether the finding makes the bag invalid.
    public var severity: Severity
    /// What is wrong and what to do.
    public var message: String
    /// The file inside the bag the finding is about, relative to the bag's folder.
    public var file: String?
    /// The manifest algorithm involved.
    public var algorithm: String?
    /// The value the bag declares (a digest, an oxum, a version).
    public var expected: String?
    /// The value found on disk.
    public var found: String?

    /// Creates a finding.
    public init(
        code: String, severity: Severity, message: String, file: String? = nil, algorithm: String? = nil,
        expected: String? = nil, found: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.file = file
        self.algorithm = algorithm
        self.expected = expected
        self.found = found
    }
}

/// One `Label: value` element of `bag-info.txt`, in file order (labels may repeat).
public struct BagInfoEntry: Sendable, Codable, Equatable {
    /// The label, such as `Source-Organization`.
    public var label: String
    /// The value, continuation lines joined with a space.
    public var value: String
}

/// Everything `archivist bag validate` found in one bag.
public struct BagValidationReport: Sendable, Codable, Equatable {
    /// The bag's folder as given.
    public var bag: String
    /// True when no finding is an error: every file is present and matches every manifest.
    public var valid: Bool
    /// False when files listed in `fetch.txt` are absent (a holey bag); nothing is ever fetched.
    public var complete: Bool
    /// `BagIt-Version` from `bagit.txt`.
    public var version: String?
    /// `Tag-File-Character-Encoding` from `bagit.txt`.
    public var encoding: String?
    /// Algorithms of the payload manifests.
    public var manifests: [String]
    /// Algorithms of the tag manifests.
    public var tagManifests: [String]
    /// Payload files found under `data/`.
    public var payloadFiles: Int
    /// Bytes of those files.
    public var payloadBytes: Int
    /// Files whose digests were computed (payload and tag files), and their bytes.
    public var filesChecked: Int
    /// Bytes read to compute digests.
    public var bytesChecked: Int
    /// `bag-info.txt` (or `package-info.txt` before 0.96), in file order.
    public var info: [BagInfoEntry]
    /// Every problem, errors and warnings.
    public var findings: [BagFinding]
    /// Payload digests by path inside the bag (`data/...`) and algorithm, as the manifests give them.
    public var payloadDigests: [String: [BagDigestAlgorithm: String]] = [:]

    enum CodingKeys: String, CodingKey {
        case bag, valid, complete, version, encoding, manifests, tagManifests, payloadFiles, payloadBytes, filesChecked
        case bytesChecked, info, findings
    }

    /// Findings that make the bag invalid.
    public var errors: [BagFinding] { findings.filter { $0.severity == .error } }
    /// Findings that leave the bag valid.
    public var warnings: [BagFinding] { findings.filter { $0.severity == .warning } }

    /// The values of `label` in `bag-info.txt`, matched without regard to case.
    public func info(_ label: String) -> [String] {
        info.filter { $0.label.lowercased() == label.lowercased() }.map(\.value)
    }
}
