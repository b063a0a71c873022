import Foundation

/// What `export --bag` wrote.
public struct BagExportReport: Sendable, Codable, Equatable {
    /// One original in the payload.
    public struct Item: Sendable, Codable, Equatable {
        /// The document id.
        public var document: String
        /// The version number.
        public var version: Int
        /// The payload path inside the bag (`data/...`).
        public var path: String
        /// SHA-256 of the bytes.
        public var sha256: String
        /// Size in bytes.
        public var size: Int
    }

    /// The bag's folder.
    public var bag: String
    /// Documents exported.
    public var documents: Int
    /// Every original written, one per version.
    public var payload: [Item]
    /// `Payload-Oxum` (`octets.files`).
    public var payloadOxum: String
    /// Tag files written besides the BagIt ones.
    public var tagFiles: [String]
}

/// Writes catalogued documents as a BagIt 1.0 bag: every version's original bytes as payload,
/// sha256 and sha512 manifests and tag manifests, `bag-info.txt`, and the catalog's metadata and
/// provenance log of the exported documents as JSON tag files under `archivist/`.
public struct BagWriter: Sendable {
    let catalog: Catalog

    /// Creates a writer reading from `catalog`.
    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    static let algorithms: [BagDigestAlgorithm] = [.sha256, .sha512]

    /// Exports `ids` (every document when empty) as a bag in the new folder `directory`.
    ///
    /// The bag is written beside `directory` under a temporary name and renamed into place at the
    /// end, so an interrupted export leaves no half-written bag. Each original is checked against
    /// its SHA-256 before it is written; the export is logged as an `information package creation`
    /// event for each document.
    ///
    /// - Throws: ``ArchivistError`` `export-target-exists`, `unknown-document`, `fixity-mismatch`
    ///   or `write-failed`.
    public func export(_ ids: [String], to directory: String) throws -> BagExportReport {
        let target = FileWalker.absolutePath(directory)
        guard !FileManager.default.fileExists(atPath: target) else {
            throw ArchivistError(
                code: "export-target-exists",
                message:
                    "\(directory) already exists; export --bag makes a new folder and never writes into an existing one. Choose another path or remove it.",
                path: directory)
        }
        let documentIDs = ids.isEmpty ? try catalog.documents().map(\.id) : ids
        let details = try documentIDs.map { try catalog.document($0) }
        let staging = target + ".partial-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        do {
            let report = try write(details, into: staging, shownAs: directory)
            try move(staging, to: target, shownAs: directory)
            try catalog.recordBagExport(documents: documentIDs, bag: target, payloadOxum: report.payloadOxum)
            return report
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    private func write(_ details: [DocumentDetail], into root: String, shownAs shown: String) throws -> BagExportReport {
        var items: [BagExportReport.Item] = []
        var manifests: [BagDigestAlgorithm: [(path: String, digest: String)]] = [:]
        var octets = 0
        for (index, detail) in details.enumerated() {
            let folder = "data/" + String(format: "%04d", index + 1) + "-" + Self.safeName(detail.id)
            for version in detail.versions {
                let original = try catalog.original(of: detail.id, version: version.number)
                guard SHA256Digest.hex(original.bytes) == original.sha256 else {
                    throw ArchivistError(
                        code: "fixity-mismatch",
                        message:
                            "the stored original of \(detail.id) version \(version.number) no longer matches its SHA-256 \(original.sha256); nothing was exported. Run `archivist audit`.",
                        path: detail.id)
                }
                let name = Self.safeName(String(version.sourcePath.split(separator: "/").last ?? "original"))
                let path = "\(folder)/v\(version.number)/\(name)"
                try Self.write(original.bytes, to: root + "/" + path, shownAs: shown)
                original.bytes.withUnsafeBytes { bytes in
                    for algorithm in Self.algorithms { manifests[algorithm, default: []].append((path, algorithm.hex(of: bytes))) }
                }
                octets += original.bytes.count
                items.append(.init(document: detail.id, version: version.number, path: path, sha256: original.sha256, size: original.bytes.count))
            }
        }
        let oxum = "\(octets).\(items.count)"
        let events = try details.flatMap { try catalog.events(about: $0.id) }.sorted { $0.seq < $1.seq }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let tagFiles: [(String, Data)] = [
            ("bagit.txt", Data("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8)),
            ("bag-info.txt", Data(bagInfo(documents: details.count, oxum: oxum).utf8)),
            ("archivist/documents.json", try encoder.encode(ExportedDocuments(documents: details, payload: items))),
            ("archivist/provenance.json", try encoder.encode(ExportedProvenance(events: events))),
        ]
        var tagged = tagFiles
        for algorithm in Self.algorithms {
            let lines = manifests[algorithm, default: []].map { "\($0.digest)  \(BagPath.encode($0.path))\n" }.joined()
            tagged.append(("manifest-\(algorithm.rawValue).txt", Data(lines.utf8)))
        }
        for (name, bytes) in tagged { try Self.write(bytes, to: root + "/" + name, shownAs: shown) }
        for algorithm in Self.algorithms {
            let lines = tagged.map { name, bytes in bytes.withUnsafeBytes { "\(algorithm.hex(of: $0))  \(BagPath.encode(name))\n" } }.joined()
            try Self.write(Data(lines.utf8), to: root + "/tagmanifest-\(algorithm.rawValue).txt", shownAs: shown)
        }
        return BagExportReport(
            bag: shown, documents: details.count, payload: items, payloadOxum: oxum,
            tagFiles: ["archivist/documents.json", "archivist/provenance.json"])
    }

    private func bagInfo(documents: Int, oxum: String) -> String {
        let date = String(Timestamp.now().prefix(10))
        return """
            Bag-Software-Agent: archivist/\(Agent.version)
            Bagging-Date: \(date)
            Payload-Oxum: \(oxum)
            External-Description: \(documents) document(s) exported from the archivist catalog with every version's original bytes; metadata and provenance log in archivist/.
            Internal-Sender-Identifier: \(catalog.path)

            """
    }

    /// A file or folder name made of letters, digits, `.`, `_` and `-` only (others become `_`),
    /// never `.` or `..`, at most 80 characters.
    static func safeName(_ text: String) -> String {
        var name = String(
            text.unicodeScalars.map { scalar -> Character in
                let safe = (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))) || scalar == "." || scalar == "_" || scalar == "-"
                return safe ? Character(scalar) : "_"
            }.prefix(80))
        if name.isEmpty || name.allSatisfy({ $0 == "." }) { name = "_" + name }
        return name
    }

    static func write(_ data: Data, to path: String, shownAs shown: String) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw ArchivistError(
                code: "write-failed",
                message: "cannot write the bag \(shown): \(FileWalker.describe(error)). Check the folder's permissions and free space.",
                path: shown)
        }
    }

    private func move(_ staging: String, to target: String, shownAs shown: String) throws {
        guard rename(staging, target) == 0 else {
            throw ArchivistError(
                code: "write-failed", message: "cannot move the finished bag into \(shown): \(String(cString: strerror(errno))).", path: shown)
        }
    }
}

/// `archivist/documents.json` in an exported bag.
struct ExportedDocuments: Encodable {
    var documents: [DocumentDetail]
    var payload: [BagExportReport.Item]
}

/// `archivist/provenance.json` in an exported bag.
struct ExportedProvenance: Encodable {
    var events: [ProvenanceEvent]
}
