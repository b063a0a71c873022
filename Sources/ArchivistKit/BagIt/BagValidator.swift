import Foundation

/// Validates BagIt bags (RFC 8493 and the drafts 0.93 to 0.97 before it), reporting every problem.
///
/// The checks, in order: `bagit.txt` (version, tag-file encoding), the manifests and tag manifests
/// (their lines and paths), `fetch.txt`, `bag-info.txt`, completeness (every payload file listed,
/// every listed file present), `Payload-Oxum` as a cheap first test, and then every digest of every
/// manifest, each file read once for all its algorithms. Nothing is ever fetched.
public struct BagValidator: Sendable {
    /// Threads that read and digest files at once.
    public var threads: Int

    /// Creates a validator using `threads` threads (default: one per processor).
    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.threads = max(1, threads)
    }

    /// Whether `path` is a folder holding a `bagit.txt`.
    public static func isBag(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            && FileManager.default.fileExists(atPath: path + "/bagit.txt")
    }

    /// Validates the bag in the folder `path`.
    ///
    /// - Throws: ``ArchivistError`` `not-a-folder` when `path` is not a readable folder; every
    ///   problem of the bag itself is a finding in the report.
    public func validate(_ path: String) throws -> BagValidationReport {
        var run = try Run(path: path)
        run.checkDeclaration()
        run.readManifests()
        run.readFetch()
        run.readInfo()
        run.checkCompleteness()
        run.checkNames()
        run.checkOxum()
        run.checkDigests(threads: threads)
        run.report.valid = run.report.errors.isEmpty
        return run.report
    }
}

/// One validation in progress.
private struct Run {
    let root: String
    var report: BagValidationReport
    var files: [String: Int] = [:]
    var strict = false
    var encoding = BagTagFile.Encoding.utf8
    var manifests: [BagManifest] = []
    var fetched: Set<String> = []

    init(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ArchivistError(
                code: "not-a-folder", message: "\(path) is not a folder; a bag is a folder holding bagit.txt, data/ and manifests.", path: path)
        }
        root = FileWalker.absolutePath(path)
        report = BagValidationReport(
            bag: path, valid: false, complete: true, version: nil, encoding: nil, manifests: [], tagManifests: [], payloadFiles: 0,
            payloadBytes: 0, filesChecked: 0, bytesChecked: 0, info: [], findings: [])
        list(relative: "")
        let payload = files.filter { $0.key.hasPrefix("data/") }
        report.payloadFiles = payload.count
        report.payloadBytes = payload.values.reduce(0, +)
        var isPayloadFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: root + "/data", isDirectory: &isPayloadFolder) || !isPayloadFolder.boolValue {
            add("payload-folder-missing", "the bag has no data/ folder; every bag keeps its payload there.")
        }
    }

    mutating func add(
        _ code: String, _ message: String, severity: BagFinding.Severity = .error, file: String? = nil, algorithm: String? = nil,
        expected: String? = nil, found: String? = nil
    ) {
        report.findings.append(
            BagFinding(
                code: code, severity: severity, message: message, file: file, algorithm: algorithm, expected: expected, found: found))
    }

    /// Lists every file of the bag with its size; links and special files are findings, never followed.
    mutating func list(relative: String) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            add("folder-unreadable", "cannot list \(relative.isEmpty ? "the bag" : relative); check its permissions.", file: relative)
            return
        }
        for name in names.sorted() {
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: list(relative: path)
            case S_IFREG: files[path] = Int(info.st_size)
            default:
                add(
                    "file-not-regular",
                    "\(path) is a symbolic link or special file; a bag holds regular files only, and archivist never follows links out of it.",
                    file: path)
            }
        }
    }

    /// Reads a tag file in the bag's declared encoding; nil (with a finding) when it cannot.
    mutating func readTagFile(_ name: String) -> String? {
        guard let bytes = FileManager.default.contents(atPath: root + "/" + name) else {
            add("file-unreadable", "cannot read \(name); check its permissions.", file: name)
            return nil
        }
        guard let text = BagTagFile.decode(Array(bytes), as: encoding) else {
            add(
                "tag-file-undecodable",
                "\(name) is not valid \(report.encoding ?? "UTF-8"), the encoding bagit.txt declares; re-save it in that encoding or correct Tag-File-Character-Encoding.",
                file: name)
            return nil
        }
        return text
    }

    // MARK: bagit.txt

    mutating func checkDeclaration() {
        guard let bytes = FileManager.default.contents(atPath: root + "/bagit.txt").map(Array.init) else {
            add(
                "bagit-txt-missing", "the bag has no bagit.txt, which every bag must have to declare its BagIt version and tag-file encoding.",
                file: "bagit.txt")
            return
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            add(
                "bagit-txt-bom", "bagit.txt starts with a byte-order mark, which BagIt forbids there; remove the first three bytes.",
                file: "bagit.txt")
        }
        guard let text = BagTagFile.decode(bytes, as: .utf8) else {
            add("bagit-txt-malformed", "bagit.txt is not UTF-8 text, which BagIt requires for it.", file: "bagit.txt")
            return
        }
        let (elements, malformed) = BagTagFile.elements(text)
        for line in malformed {
            add("bagit-txt-malformed", "bagit.txt line \(line) is not `Label: value`.", file: "bagit.txt")
        }
        for element in elements where element.spaceBeforeColon {
            add(
                "bagit-txt-malformed",
                "bagit.txt line \(element.line): whitespace between \(element.label) and its colon; bagit.txt must read exactly `\(element.label): value`.",
                file: "bagit.txt")
        }
        let version = elements.first { $0.label == "BagIt-Version" }?.value
        report.version = version
        if let version {
            let parts = version.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]),
                parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
            {
                strict = major >= 1
                if !["0.93", "0.94", "0.95", "0.96", "0.97", "1.0"].contains(version) {
                    add(
                        "bagit-version-unknown", "BagIt-Version \(version) is not one archivist knows (0.93 to 1.0); checked by the rules of 1.0.",
                        severity: .warning, file: "bagit.txt", found: version)
                    strict = strict || minor > 97
                }
            } else {
                add(
                    "bagit-version-invalid", "BagIt-Version \(version) is not a version number like 1.0 or 0.97.", file: "bagit.txt",
                    found: version)
            }
        } else {
            add("bagit-version-missing", "bagit.txt has no BagIt-Version line.", file: "bagit.txt")
        }
        guard let label = elements.first(where: { $0.label == "Tag-File-Character-Encoding" })?.value else {
            add(
                "tag-encoding-missing", "bagit.txt has no Tag-File-Character-Encoding line; add `Tag-File-Character-Encoding: UTF-8`.",
                file: "bagit.txt")
            return
        }
        report.encoding = label
        if let known = BagTagFile.Encoding(label: label) {
            encoding = known
        } else {
            add(
                "tag-encoding-unsupported",
                "Tag-File-Character-Encoding \(label) is not one archivist reads (UTF-8, UTF-16, ISO-8859-1, Windows-1252); tag files are read as UTF-8.",
                file: "bagit.txt", found: label)
        }
    }

    // MARK: manifests

    mutating func readManifests() {
        let topLevel = files.keys.filter { !$0.contains("/") }.sorted()
        for name in topLevel {
            guard var manifest = BagManifest(fileName: name), let text = readTagFile(name) else { continue }
            manifest.read(text, strictDuplicates: strict, findings: &report.findings)
            if manifest.algorithm == nil {
                add(
                    "manifest-algorithm-unsupported",
                    "\(name) uses \(manifest.algorithmName), which archivist cannot compute (md5, sha1, sha224, sha256, sha384, sha512); its digests are not checked.",
                    severity: .warning, file: name, algorithm: manifest.algorithmName)
            }
            manifests.append(manifest)
        }
        let payload = manifests.filter { !$0.isTagManifest }
        report.manifests = payload.map(\.algorithmName)
        report.tagManifests = manifests.filter(\.isTagManifest).map(\.algorithmName)
        if payload.isEmpty {
            add("manifest-missing", "the bag has no payload manifest (manifest-sha256.txt, ...); without one nothing can be checked.")
        } else if payload.allSatisfy({ $0.algorithm == nil }) {
            add("manifest-unverifiable", "no payload manifest uses an algorithm archivist can compute, so no payload file can be checked.")
        }
        for manifest in manifests where manifest.isTagManifest {
            for path in manifest.order where path.hasPrefix("data/") {
                add(
                    "tagmanifest-lists-payload", "\(manifest.fileName) lists the payload file \(path); tag manifests list tag files only.",
                    severity: .warning, file: path)
            }
        }
    }

    // MARK: fetch.txt

    mutating func readFetch() {
        guard files["fetch.txt"] != nil, let text = readTagFile("fetch.txt") else { return }
        for (offset, line) in BagTagFile.lines(text).enumerated() where !line.trimming(" \t").isEmpty {
            let parts = line.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 3, parts[0].contains(":"), parts[1] == "-" || Int(parts[1]) != nil else {
                add("fetch-line-malformed", "fetch.txt line \(offset + 1) is not `url length path`.", file: "fetch.txt")
                continue
            }
            let path = BagPath.decode(parts[2])
            if let reason = BagPath.unsafeReason(path) {
                add(
                    "path-unsafe",
                    "fetch.txt line \(offset + 1) names \(path), which is refused because \(reason); a bag may only fetch files into its own data/ folder.",
                    file: "fetch.txt", found: path)
            } else if !path.hasPrefix("data/") {
                add(
                    "fetch-path-outside-payload", "fetch.txt line \(offset + 1) names \(path), which is not under data/.", file: "fetch.txt",
                    found: path)
            } else {
                fetched.insert(path)
            }
        }
    }

    // MARK: bag-info.txt

    mutating func readInfo() {
        let name = files["bag-info.txt"] != nil ? "bag-info.txt" : files["package-info.txt"] != nil ? "package-info.txt" : nil
        guard let name, let text = readTagFile(name) else { return }
        let (elements, malformed) = BagTagFile.elements(text)
        for line in malformed {
            add("bag-info-malformed", "\(name) line \(line) is neither `Label: value` nor the indented continuation of one.", file: name)
        }
        for element in elements where element.spaceBeforeColon {
            add(
                "bag-info-label-whitespace",
                "\(name) line \(element.line): whitespace between the label \(element.label) and its colon; read as \(element.label).",
                severity: .warning, file: name)
        }
        report.info = elements.map { BagInfoEntry(label: $0.label, value: $0.value) }
    }

    // MARK: completeness

    mutating func checkCompleteness() {
        let payloadManifests = manifests.filter { !$0.isTagManifest }
        for path in files.keys.sorted() where path.hasPrefix("data/") {
            let missingFrom = payloadManifests.filter { $0.entries[path] == nil }
            if !payloadManifests.isEmpty && missingFrom.count == payloadManifests.count {
                add(
                    "file-not-in-manifest", "\(path) is in data/ but no manifest lists it: an extra file, or a manifest that is out of date.",
                    file: path)
            } else if strict {
                for manifest in missingFrom {
                    add(
                        "file-not-in-manifest",
                        "\(path) is missing from \(manifest.fileName); BagIt 1.0 requires every payload manifest to list every payload file.",
                        file: path, algorithm: manifest.algorithmName)
                }
            }
        }
        var reported: Set<String> = []
        for manifest in manifests {
            for path in manifest.order where files[path] == nil && !reported.contains(path) {
                reported.insert(path)
                if fetched.contains(path) {
                    report.complete = false
                    add(
                        "fetch-pending",
                        "\(path) is listed in fetch.txt and not in the bag: the bag is incomplete (holey). archivist never fetches; fetch the file, then validate again.",
                        file: path)
                } else {
                    add(
                        "file-missing", "\(path) is listed in \(manifest.fileName) but is not in the bag.", file: path,
                        algorithm: manifest.algorithmName)
                }
            }
        }
    }

    // MARK: names

    /// Names that are the same file on another system: differing only in case or in Unicode
    /// normalisation, and operating-system litter.
    mutating func checkNames() {
        var listed: [String: [String]] = [:]
        var byLowercase: [String: Set<[UInt8]>] = [:]
        for path in Set(files.keys.filter { $0.hasPrefix("data/") }).union(manifests.flatMap { $0.entries.keys }) {
            listed[path, default: []].append(path)
            byLowercase[path.lowercased(), default: []].insert(Array(path.utf8))
        }
        // Swift compares strings by canonical equivalence, so names that differ only in their
        // normalisation meet in one key; their bytes tell them apart.
        var forms: [String: Set<[UInt8]>] = [:]
        for manifest in manifests {
            for entry in manifest.entries.values { forms[entry.path, default: []].insert(Array(entry.path.utf8)) }
            for path in manifest.normalisationTwins { forms[path, default: []].insert(Array(path.utf8)) }
        }
        for path in files.keys { forms[path, default: []].insert(Array(path.utf8)) }
        for (path, spellings) in forms.sorted(by: { $0.key < $1.key }) where spellings.count > 1 {
            add(
                "path-normalization-collision",
                "\(path) is written in \(spellings.count) Unicode normalisations (NFC/NFD) in the manifests or on disk; they are one file on macOS and two on Linux. Rename to one form (NFC).",
                severity: .warning, file: path)
        }
        for (_, spellings) in byLowercase.sorted(by: { $0.key < $1.key }) where spellings.count > 1 {
            let names = spellings.map { String(decoding: $0, as: UTF8.self) }.sorted()
            add(
                "path-case-collision",
                "\(names.joined(separator: " and ")) differ only in letter case: one file on case-insensitive systems (macOS, Windows), two on Linux.",
                severity: .warning, file: names[0])
        }
        for path in files.keys.sorted() where path.hasPrefix("data/") && BagPath.isSystemFile(path) {
            add(
                "payload-system-file",
                "\(path) is a file the operating system makes on its own (.DS_Store, Thumbs.db, ...); it rarely belongs in a payload.",
                severity: .warning, file: path)
        }
    }

    // MARK: Payload-Oxum

    mutating func checkOxum() {
        guard let oxum = report.info("Payload-Oxum").first else { return }
        let parts = oxum.split(separator: ".")
        guard parts.count == 2, let octets = Int(parts[0]), let count = Int(parts[1]) else {
            add("payload-oxum-malformed", "Payload-Oxum \(oxum) is not `octets.files`.", file: "bag-info.txt", found: oxum)
            return
        }
        // A holey bag cannot match its oxum until it is fetched; the pending files are reported already.
        guard report.complete else { return }
        if octets != report.payloadBytes || count != report.payloadFiles {
            add(
                "payload-oxum-mismatch",
                "Payload-Oxum says \(count) files of \(octets) bytes; data/ holds \(report.payloadFiles) files of \(report.payloadBytes) bytes.",
                file: "bag-info.txt", expected: oxum, found: "\(report.payloadBytes).\(report.payloadFiles)")
        }
    }

    // MARK: digests

    mutating func checkDigests(threads: Int) {
        var expected: [String: [(algorithm: BagDigestAlgorithm, digest: String, manifest: String)]] = [:]
        for manifest in manifests {
            guard let algorithm = manifest.algorithm else { continue }
            for entry in manifest.entries.values where files[entry.path] != nil && entry.path != manifest.fileName {
                expected[entry.path, default: []].append((algorithm, entry.digest, manifest.fileName))
                if !manifest.isTagManifest { report.payloadDigests[entry.path, default: [:]][algorithm] = entry.digest }
            }
        }
        let paths = expected.keys.sorted()
        let jobs = paths.map { path in
            // The name as it is on disk, which may differ from the manifest's in normalisation.
            FileDigests.Job(
                path: root + "/" + files[files.index(forKey: path)!].key, algorithms: Array(Set(expected[path]!.map(\.algorithm))).sorted())
        }
        let results = FileDigests.compute(jobs, threads: threads)
        for (path, result) in zip(paths, results) {
            switch result {
            case .failure(let error):
                add(error.code, error.message.replacingOccurrences(of: root + "/", with: ""), file: path)
            case .success(let found):
                report.filesChecked += 1
                report.bytesChecked += files[path] ?? 0
                for item in expected[path]! where found[item.algorithm] != item.digest {
                    add(
                        "digest-mismatch",
                        "\(path) does not match \(item.manifest): the file has changed or is damaged. Restore it from another copy of the bag.",
                        file: path, algorithm: item.algorithm.rawValue, expected: item.digest, found: found[item.algorithm])
                }
            }
        }
    }
}
