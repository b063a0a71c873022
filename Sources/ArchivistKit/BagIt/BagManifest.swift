/// A parsed payload or tag manifest (`manifest-<alg>.txt`, `tagmanifest-<alg>.txt`).
struct BagManifest {
    /// One `digest path` line.
    struct Entry {
        var path: String
        var digest: String
        var line: Int
    }

    /// The manifest's file name inside the bag.
    var fileName: String
    /// The algorithm its name gives, when archivist can compute it.
    var algorithm: BagDigestAlgorithm?
    /// The algorithm name as written in the file name.
    var algorithmName: String
    /// Whether this is a tag manifest.
    var isTagManifest: Bool
    /// Entries by path (the first of duplicates).
    var entries: [String: Entry] = [:]
    /// Paths in file order.
    var order: [String] = []
    /// Later spellings of listed paths that differ from them only in Unicode normalisation.
    var normalisationTwins: [String] = []

    /// The manifest a file name denotes, or nil when the name is not a manifest's.
    init?(fileName: String) {
        let isTag = fileName.hasPrefix("tagmanifest-")
        guard (isTag || fileName.hasPrefix("manifest-")) && fileName.hasSuffix(".txt") else { return nil }
        let name = fileName.dropFirst(isTag ? 12 : 9).dropLast(4)
        guard !name.isEmpty, !name.contains("/") else { return nil }
        self.fileName = fileName
        algorithmName = name.lowercased()
        algorithm = BagDigestAlgorithm(rawValue: algorithmName)
        isTagManifest = isTag
    }

    /// Reads the manifest's lines, adding a finding for each defect.
    ///
    /// Tolerated with a warning: the `*` binary-mode marker of md5sum-style tools and a leading `./`.
    /// A path listed twice is a warning before BagIt 1.0 when both digests agree, an error from
    /// 1.0 on, and always an error when they differ.
    mutating func read(_ text: String, strictDuplicates: Bool, findings: inout [BagFinding]) {
        for (offset, raw) in BagTagFile.lines(text).enumerated() {
            let number = offset + 1
            let line = raw.hasSuffix(" ") || raw.hasSuffix("\t") ? Substring(raw.trimming(" \t")) : raw
            if line.isEmpty { continue }
            guard let gap = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                findings.append(malformed(number, "it has no path after the digest"))
                continue
            }
            let digest = line[..<gap].lowercased()
            var path = String(line[gap...].drop(while: { $0 == " " || $0 == "\t" }))
            if let algorithm, digest.count != algorithm.hexLength || !digest.allSatisfy(\.isHexDigit) {
                findings.append(malformed(number, "\(digest.prefix(20)) is not a \(algorithm.rawValue) digest (\(algorithm.hexLength) hex digits)"))
                continue
            }
            if path.hasPrefix("*") {
                path.removeFirst()
                findings.append(
                    BagFinding(
                        code: "manifest-binary-marker", severity: .warning,
                        message:
                            "\(fileName) line \(number): the path starts with *, the binary-mode marker of md5sum-style tools, which BagIt does not use; read as \(path). Remake the manifest with a BagIt tool.",
                        file: fileName))
            }
            path = BagPath.decode(path)
            if path.hasPrefix("./") {
                while path.hasPrefix("./") { path.removeFirst(2) }
                findings.append(
                    BagFinding(
                        code: "manifest-path-dot-slash", severity: .warning,
                        message:
                            "\(fileName) line \(number): the path starts with ./; BagIt paths are relative to the bag without it. Read as \(path).",
                        file: fileName))
            }
            if let reason = BagPath.unsafeReason(path) {
                findings.append(
                    BagFinding(
                        code: "path-unsafe", severity: .error,
                        message:
                            "\(fileName) line \(number) names \(path), which is refused because \(reason); a bag may only list files inside itself. The bag may be corrupt or hostile; ask its sender for a corrected bag.",
                        file: fileName, found: path))
                continue
            }
            if !isTagManifest && !path.hasPrefix("data/") {
                findings.append(
                    BagFinding(
                        code: "manifest-path-outside-payload", severity: .error,
                        message: "\(fileName) line \(number) lists \(path), which is not under data/; a payload manifest lists payload files only.",
                        file: fileName, found: path))
                continue
            }
            if let earlier = entries[path] {
                // Swift's == is canonical equivalence: NFC and NFD spellings meet here.
                let twin = !earlier.path.utf8.elementsEqual(path.utf8)
                if twin { normalisationTwins.append(path) }
                if earlier.digest != digest {
                    findings.append(
                        BagFinding(
                            code: "manifest-conflicting-entries", severity: .error,
                            message:
                                "\(fileName) lists \(path) twice with different digests (lines \(earlier.line) and \(number)); at most one can be right.",
                            file: path, algorithm: algorithmName, expected: earlier.digest, found: digest))
                } else if !twin {
                    findings.append(
                        BagFinding(
                            code: "manifest-duplicate-entry", severity: strictDuplicates ? .error : .warning,
                            message:
                                "\(fileName) lists \(path) twice (lines \(earlier.line) and \(number))\(strictDuplicates ? "; BagIt 1.0 allows each file once per manifest" : "").",
                            file: path, algorithm: algorithmName))
                }
                continue
            }
            entries[path] = Entry(path: path, digest: digest, line: number)
            order.append(path)
        }
    }

    private func malformed(_ line: Int, _ reason: String) -> BagFinding {
        BagFinding(
            code: "manifest-line-malformed", severity: .error,
            message: "\(fileName) line \(line) is not `digest path`: \(reason).", file: fileName)
    }
}
