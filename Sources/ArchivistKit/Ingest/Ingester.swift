import ArchivistXML
import Foundation
import Logging

/// Options for an ingest run.
public struct IngestOptions: Sendable {
    /// How to decode text files.
    public var encoding: TextEncoding = .automatic
    /// Files larger than this are refused (SQLite stores an original as one value).
    public var maximumFileSize: Int = 512 * 1024 * 1024
    /// Threads that digest a bag's files while validating it.
    public var bagThreads: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Size and depth limits for XML files.
    public var xmlLimits = XMLLimits()
    /// Check XML files against a schema (`xmlSchema`, else the dialect's shipped one) and log a `validation` event.
    public var validateXML = false
    /// The schema to check XML files against with `validateXML`.
    public var xmlSchema: String?
    /// The verifier's data files for extracting claims; `nil` reads the shipped ones and those
    /// beside the catalog.
    public var lexicon: VerifyLexicon?
    /// Extract each new version's claims at ingest, stored in the claims cache as soon as the
    /// version is committed. By default (false) the next `verify` extracts them, for every version
    /// at once and on every core; the result is the same, and ingest stays about five times faster.
    public var extractClaims = false

    /// Default options.
    public init(encoding: TextEncoding = .automatic, maximumFileSize: Int = 512 * 1024 * 1024) {
        self.encoding = encoding
        self.maximumFileSize = maximumFileSize
    }
}

/// Ingests files and folders into a catalog, one transaction per file.
///
/// A file that cannot be read, decoded or imported is reported with its reason and logged as a
/// failed ingestion; it never stops the batch and never leaves a half-written document.
public struct Ingester: Sendable {
    let catalog: Catalog
    let options: IngestOptions
    let logger: Logger
    let extractor: ClaimExtractor

    /// Creates an ingester.
    public init(catalog: Catalog, options: IngestOptions = IngestOptions(), logger: Logger = Logger(label: "archivist.ingest")) {
        self.catalog = catalog
        self.options = options
        self.logger = logger
        // A malformed data file beside the catalog must not stop an ingest: its claims are extracted
        // with the shipped files, said on stderr, and re-extracted by `verify` once the file is fixed.
        var lexicon = options.lexicon
        if lexicon == nil {
            do {
                lexicon = try VerifyLexicon.load(extraFolder: catalog.folder)
            } catch {
                logger.error("claims are extracted with the shipped data files only: \(error)")
            }
        }
        self.extractor = ClaimExtractor(lexicon: lexicon ?? .shipped)
    }

    /// Ingests every file under `paths`; `progress` is called after each file with (done, total, path).
    ///
    /// A BagIt bag (a folder holding `bagit.txt`, given or found) is validated first: an invalid
    /// bag is not ingested at all and is reported as one failed entry with its problems; a valid
    /// bag's payload files are ingested like any others, each cross-checked against the bag's
    /// digests, with the bag's metadata kept in its documents' fields and the digests logged as
    /// fixity-check events.
    ///
    /// Two stages overlap: while one batch of files is stored (one transaction per file, in order),
    /// the next batch is read, hashed, decoded and imported on another thread (on every core when
    /// storing had to wait for the batch before). Stored results are the same as doing the files
    /// one by one: the store re-checks inside its transaction.
    public func ingest(_ paths: [String], progress: ((Int, Int, String) -> Void)? = nil) -> IngestReport {
        var results: [FileResult] = []
        var bags: [BagValidationReport] = []
        let found = FileWalker.files(under: paths).flatMap { file in
            file.isBag ? unpack(bag: file, results: &results, reports: &bags) : [file]
        }
        let batches = Self.batches(of: found)
        results.reserveCapacity(results.count + found.count)
        var done = 0
        // Which bytes this ingest has read, so that a later copy of a file is not read again; each
        // batch's first file's position in the ingest.
        let copies = EarlierCopies()
        var repeats = RepeatedFiles()
        let starts = batches.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        // Nothing is being stored while the first batch is read, so it is read on every core.
        var next = batches.first.map { prepareInBackground($0, onEveryCore: true, copies: copies, start: 0) }
        for index in batches.indices {
            guard let (group, outcome) = next else { break }
            // When the storing thread had to wait for this batch, reading is the slower stage (XML
            // that takes long to parse, files already catalogued): the next batch is read on every
            // core. Otherwise one thread reads, and the cores stay free for storing.
            let readingIsSlower = group.wait(timeout: .now()) == .timedOut
            group.wait()
            next =
                index + 1 < batches.count
                ? prepareInBackground(batches[index + 1], onEveryCore: readingIsSlower, copies: copies, start: starts[index + 1]) : nil
            for prepared in (try? outcome.get()) ?? [] {
                let result = commit(prepared, repeats: &repeats)
                switch result.status {
                case .failed:
                    logger.warning("\(result.error?.message ?? "failed")", metadata: ["file": "\(result.path)"])
                default:
                    logger.debug("\(result.status.rawValue)", metadata: ["file": "\(result.path)"])
                }
                results.append(result)
                done += 1
                progress?(done, found.count, result.path)
            }
        }
        // Versions stored since the last batch become searchable now, in one transaction.
        catalog.prepareSearchIndex()
        return IngestReport(files: results, bags: bags)
    }

    /// Validates a bag; gives its payload files when it is valid, else adds a failed result for it.
    func unpack(bag: FoundFile, results: inout [FileResult], reports: inout [BagValidationReport]) -> [FoundFile] {
        var failed = FileResult(path: bag.sourcePath, origin: bag.originPath, status: .failed, documents: [], format: "bagit", warnings: [])
        var report: BagValidationReport
        do {
            report = try BagValidator(threads: options.bagThreads).validate(bag.originPath)
            report.bag = bag.sourcePath
            reports.append(report)
            try catalog.recordBagValidation(report, sourcePath: bag.sourcePath, originPath: bag.originPath)
        } catch {
            let failure = Self.failure(from: error, file: bag)
            failed.error = FailureReason(code: failure.code, message: failure.message)
            results.append(failed)
            return []
        }
        for warning in report.warnings {
            logger.warning("\(warning.code): \(warning.message)", metadata: ["bag": "\(bag.sourcePath)"])
        }
        guard report.valid else {
            let codes = report.errors.prefix(3).map { "\($0.code)\($0.file.map { " (\($0))" } ?? "")" }
            let more = report.errors.count > 3 ? " and \(report.errors.count - 3) more" : ""
            let error = ArchivistError(
                code: "bag-invalid",
                message:
                    "the bag \(bag.sourcePath) is invalid, so none of it was ingested: \(codes.joined(separator: ", "))\(more). Run `archivist bag validate \(bag.sourcePath)` for every problem; ask the sender for a corrected bag.",
                path: bag.sourcePath)
            failed.error = FailureReason(code: error.code, message: error.message)
            results.append(failed)
            try? catalog.recordFailure(sourcePath: bag.sourcePath, originPath: bag.originPath, error: error, sha256: nil)
            logger.warning("\(error.message)", metadata: ["bag": "\(bag.sourcePath)"])
            return []
        }
        return FileWalker.payload(of: bag).map { file in
            var file = file
            let payloadPath = String(file.sourcePath.dropFirst(bag.sourcePath.count + 1))
            let digests = report.payloadDigests[payloadPath] ?? [:]
            file.bag = BagFixity(
                bag: bag.sourcePath, bagitVersion: report.version, payloadPath: payloadPath,
                digests: Dictionary(uniqueKeysWithValues: digests.map { ($0.key.rawValue, $0.value) }), info: report.info)
            return file
        }
    }

    /// Checks the bytes read against the bag's digests, so that what is stored is what the bag
    /// held when it was validated.
    static func crossCheck(_ bag: BagFixity, bytes: Data, sha256: String, shownAs shown: String) throws {
        for (name, expected) in bag.digests.sorted(by: { $0.key < $1.key }) {
            guard let algorithm = BagDigestAlgorithm(rawValue: name) else { continue }
            let found = algorithm == .sha256 ? sha256 : bytes.withUnsafeBytes { algorithm.hex(of: $0) }
            guard found == expected else {
                throw ArchivistError(
                    code: "bag-fixity-mismatch",
                    message:
                        "\(shown) changed after its bag was validated: its \(name) is \(found), the bag's manifest says \(expected). Nothing of it was stored; validate the bag again.",
                    path: shown)
            }
        }
    }

    /// Splits the files into batches of at most `files` files and about `bytes` bytes (64 and
    /// 16 MB for ingest), so that the prepared batch waiting to be stored stays small in memory. The
    /// byte limit counts what files hold, not what they become: 16 MB of finding aids are 80,000
    /// components (with 64 MB, ingest of 100 finding aids peaked at 685 MB instead of 440 MB, at the
    /// same speed).
    static func batches(of files: [FoundFile], files limit: Int = 64, bytes byteLimit: Int = 16 * 1024 * 1024) -> [[FoundFile]] {
        var batches: [[FoundFile]] = []
        var current: [FoundFile] = []
        var bytes = 0
        for file in files {
            var info = stat()
            let size = file.refusal == nil && lstat(file.originPath, &info) == 0 ? Int(info.st_size) : 0
            if !current.isEmpty && (current.count >= limit || bytes + size > byteLimit) {
                batches.append(current)
                current = []
                bytes = 0
            }
            current.append(file)
            bytes += size
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// A file read and imported, waiting to be stored.
    struct Prepared: Sendable {
        var file: FoundFile
        var result: FileResult
        var payload: Payload?
        var failure: ArchivistError?
        /// Set (to the bytes' SHA-256) for XML that repeats the bytes of a file earlier in the
        /// ingest: it was not read, and `commit` gives it that file's outcome (see ``RepeatedFiles``).
        var repeatsEarlier: String?
    }

    /// What the store needs for a file that is new to the catalog.
    struct Payload: Sendable {
        var documents: [ImportedDocument]
        var source: Catalog.SourceFile
        var format: DocumentFormat
        var encoding: String
        var importer: any DocumentImporter
        var claims: [[Catalog.EncodedClaim]] = []
        /// The documents hold only their identities: the bytes were stored already (see `prepare`).
        var identitiesOnly = false
    }

    /// Prepares a batch on another thread (on every core with `onEveryCore`); `copies` and `start`
    /// (the batch's first file's position in the ingest) let a file that repeats an earlier one's
    /// bytes go unread (or, in a bag, be read for its identities only).
    func prepareInBackground(
        _ batch: [FoundFile], onEveryCore: Bool, copies: EarlierCopies? = nil, start: Int = 0
    ) -> (group: DispatchGroup, outcome: Outcome<[Prepared]>) {
        inBackground {
            // Which of the batch's files were ingested before from the same path, asked once for the batch
            // (when that fails, each file asks, and fails with the reason).
            let ingested = try? catalog.versionsIngested(from: batch.map(\.originPath))
            let prepareOne: @Sendable (Int) -> Prepared = { offset in
                Self.prepare(
                    batch[offset], options: options, catalog: catalog, copies: copies.map { ($0, start + offset) }, ingested: ingested)
            }
            var prepared = onEveryCore ? concurrentMap(Array(batch.indices), prepareOne) : batch.indices.map(prepareOne)
            guard options.extractClaims else { return prepared }
            let payloads = prepared.map(\.payload)
            // Claims are extracted (and encoded) here, off the storing thread, on every core: pure
            // Swift over values, and far slower than storing.
            let claims = ConcurrentSlots<[Catalog.EncodedClaim]>(count: payloads.reduce(0) { $0 + ($1?.documents.count ?? 0) }, empty: [])
            // One slot per document of the batch, in order.
            let documents = payloads.enumerated().flatMap { file, payload in
                (payload?.documents ?? []).map { (file: file, document: $0, archival: payload!.format != .plainText) }
            }
            concurrentLoop(iterations: documents.count) { index in
                let (_, document, archival) = documents[index]
                let source = ClaimSource(
                    title: document.title, summary: document.summary, body: document.body, date: document.date, isArchival: archival)
                claims.set(index, (try? Catalog.encode(extractor.claims(in: source))) ?? [])
            }
            for (index, entry) in documents.enumerated() { prepared[entry.file].payload!.claims.append(claims.values[index]) }
            return prepared
        }
    }

    /// Reads, hashes, decodes and imports one file; writes nothing.
    func prepare(_ file: FoundFile) -> Prepared {
        Self.prepare(file, options: options, catalog: catalog)
    }

    /// Reads files as ingest would (walk, read, hash, decode, detect, parse, extract) and returns
    /// what they hold, without touching the catalog: nothing is stored or logged. A bag's payload
    /// files are read without validating the bag.
    public static func inspect(_ paths: [String], options: IngestOptions = IngestOptions()) -> [InspectedFile] {
        var files: [InspectedFile] = []
        inspect(paths, options: options) { files.append($0) }
        return files
    }

    /// Streams ``inspect(_:options:)``: `each` gets every file as soon as it is read, so that a
    /// large folder is never held in memory at once.
    ///
    /// Files are read a few at a time on every core (nothing is shared between them but the
    /// options), and handed to `each` in the walk's order. With `summaries` false, the files'
    /// `documents` are left empty (each file is still read and imported in full, and refused
    /// when ingest would refuse it): for callers that only want to know which files would fail.
    public static func inspect(
        _ paths: [String], options: IngestOptions = IngestOptions(), summaries: Bool = true, each: (InspectedFile) -> Void
    ) {
        let found = FileWalker.files(under: paths).flatMap { $0.isBag ? FileWalker.payload(of: $0) : [$0] }
        // Two files per core at a time, at most 64 MB: enough to keep the cores busy while only a
        // few files' documents are held in memory.
        let window = 2 * ProcessInfo.processInfo.activeProcessorCount
        for batch in batches(of: found, files: window, bytes: 64 * 1024 * 1024) {
            let inspected = concurrentMap(batch) { file in
                let prepared = prepare(file, options: options, catalog: nil)
                return InspectedFile(
                    path: file.sourcePath, format: prepared.result.format, sha256: prepared.result.sha256, size: prepared.result.size,
                    documents: summaries ? prepared.payload?.documents.map(InspectedFile.Document.init) ?? [] : [],
                    error: prepared.failure.map { FailureReason(code: $0.code, message: $0.message) })
            }
            inspected.forEach(each)
        }
    }

    /// Reads one file; consults `catalog` (when given) to skip bytes already ingested from the same path.
    ///
    /// `copies` is the ingest's record of the bytes read so far and this file's position in it;
    /// `ingested`, the versions ingested before from the batch's paths (else `catalog` is asked).
    static func prepare(
        _ file: FoundFile, options: IngestOptions, catalog: Catalog?, copies: (EarlierCopies, position: Int)? = nil,
        ingested: Catalog.IngestedVersions? = nil
    ) -> Prepared {
        var result = FileResult(
            path: file.sourcePath, origin: file.originPath, status: .failed, documents: [], warnings: [])
        do {
            if let refusal = file.refusal { throw refusal }
            let bytes = try Self.read(file.originPath, shownAs: file.sourcePath, limit: options.maximumFileSize)
            result.size = bytes.count
            let sha256 = SHA256Digest.hex(bytes)
            result.sha256 = sha256
            if let bag = file.bag { try Self.crossCheck(bag, bytes: bytes, sha256: sha256, shownAs: file.sourcePath) }
            let known =
                try ingested?.versions(at: file.originPath, sha256: sha256)
                ?? catalog?.alreadyIngested(originPath: file.originPath, sha256: sha256) ?? []
            if !known.isEmpty {
                result.status = .unchanged
                result.documents = known.map { .init(id: $0.documentID, version: $0.version, status: .unchanged) }
                return Prepared(file: file, result: result)
            }
            let format: DocumentFormat
            let importer: any DocumentImporter
            var documents: [ImportedDocument]
            let encoding: String
            var validation: SchemaValidationRecord?
            var identitiesOnly = false
            let isXML = XMLImporter.looksLikeXML(Array(bytes.prefix(512)))
            // XML that repeats the bytes of a file earlier in this ingest is not read: once that file
            // is stored, its documents are this one's, unchanged (see `commit`). Not for a bag's
            // files, whose digests are logged for each file.
            let earlier = isXML && copies.map { $0.0.repeats(sha256, at: $0.position) } ?? false
            if earlier && file.bag == nil {
                return Prepared(file: file, result: result, repeatsEarlier: sha256)
            }
            if isXML {
                // XML is parsed from its bytes: libxml2 reads the encoding the file declares.
                let xml = XMLImporter(limits: options.xmlLimits)
                // Bytes already stored (the same finding aid from another path) are most likely
                // all unchanged: their records are read for their identities only, and read in
                // full only if storing finds one that is not (see `commit`).
                // The same holds for a bag's copy of a file earlier in this ingest (any other copy
                // is not read at all, above).
                let stored = !options.extractClaims && (earlier || (try? catalog?.hasOriginal(sha256: sha256)) == true)
                let read = try xml.read(bytes: bytes, path: file.sourcePath, identitiesOnly: stored)
                identitiesOnly = read.identitiesOnly
                (format, importer, documents, encoding) = (.xml, xml, read.documents, read.encoding.lowercased())
                if options.validateXML {
                    let record = XMLSchemas.check(read.tree, dialect: read.dialect, schema: options.xmlSchema)
                    validation = record
                    if record.outcome != .success {
                        let warning = ImportWarning(
                            code: record.detail["result"] == "invalid" ? "xml-invalid" : "xml-not-validated",
                            message: record.detail["messages"].map { "against \(record.detail["schema"] ?? "?"): \($0)" }
                                ?? record.detail["message"] ?? "the schema could not be read")
                        for index in documents.indices { documents[index].warnings.append(warning) }
                    }
                }
            } else {
                if file.sourcePath.lowercased().hasSuffix(".xml") {
                    // Detection goes by content; a name that promises XML over content that is not is refused, not read as text.
                    let start = String(decoding: bytes.prefix(40), as: UTF8.self).map { $0.isASCII && !$0.isNewline ? $0 : " " }
                    throw ArchivistError(
                        code: "xml-malformed",
                        message:
                            "\(file.sourcePath) is named .xml but is not XML (it starts \"\(String(start))\"); it was not catalogued. If it is plain text, rename it; if it should be XML, the file is damaged.",
                        path: file.sourcePath)
                }
                let decoded = try TextDecoding.read(Array(bytes), as: options.encoding, path: file.sourcePath)
                format = DocumentFormat.detect(decoded.text)
                importer = format.importer
                documents = try importer.read(decoded.text, path: file.sourcePath)
                encoding = decoded.encoding
            }
            result.format = format.rawValue
            if let bag = file.bag {
                for index in documents.indices { documents[index].fields.merge(bag.documentFields) { own, _ in own } }
            }
            guard !documents.isEmpty else {
                throw ArchivistError(code: "no-documents", message: "\(file.sourcePath) holds no document to catalogue.", path: file.sourcePath)
            }
            result.warnings = documents.flatMap(\.warnings)
            var source = Catalog.SourceFile(
                sourcePath: file.sourcePath, originPath: file.originPath, sha256: sha256, bytes: bytes,
                identityCandidates: file.identityCandidates, bag: file.bag)
            source.validation = validation
            return Prepared(
                file: file, result: result,
                payload: Payload(
                    documents: documents, source: source, format: format, encoding: encoding, importer: importer,
                    identitiesOnly: identitiesOnly))
        } catch {
            return Prepared(file: file, result: result, failure: Self.failure(from: error, file: file))
        }
    }

    /// Stores a prepared file in its own transaction, or logs why it failed; a repeat of a file
    /// earlier in the ingest gets that file's outcome, else it is read now and stored.
    func commit(_ prepared: Prepared, repeats: inout RepeatedFiles) -> FileResult {
        if let sha256 = prepared.repeatsEarlier {
            if let first = repeats.first(sha256) {
                logger.debug("same bytes as \(first.path): its documents, unchanged", metadata: ["file": "\(prepared.file.sourcePath)"])
                return RepeatedFiles.outcome(of: prepared, as: first)
            }
            // The earlier file cannot stand for this one (it failed, or a document of it is known by
            // its path): this one is read now, as if it came first.
            return commit(Self.prepare(prepared.file, options: options, catalog: catalog), repeats: &repeats)
        }
        let result = commit(prepared)
        repeats.note(prepared, result)
        return result
    }

    /// Stores a prepared file in its own transaction, or logs why it failed.
    func commit(_ prepared: Prepared) -> FileResult {
        var result = prepared.result
        var failure = prepared.failure
        if let bag = prepared.file.bag, prepared.payload == nil, failure == nil, let sha256 = result.sha256 {
            do {
                try catalog.recordBagFixity(
                    bag, sha256: sha256, stored: result.documents.map { .init(documentID: $0.id, version: $0.version, status: .unchanged) })
            } catch {
                failure = Self.failure(from: error, file: prepared.file)
            }
        }
        if var payload = prepared.payload {
            do {
                var stored: [Catalog.Stored]
                do {
                    stored = try store(payload)
                } catch is Catalog.IdentitiesOnlyNotEnough {
                    // A record of bytes already stored is new after all: the file is read again in
                    // full (without the catalog, which is what asks for identities only) and stored.
                    let full = Self.prepare(prepared.file, options: options, catalog: nil)
                    if let error = full.failure { throw error }
                    guard let fullPayload = full.payload else { throw Catalog.IdentitiesOnlyNotEnough() }
                    payload = fullPayload
                    result.warnings = full.result.warnings
                    stored = try store(payload)
                }
                result.documents = stored.map { .init(id: $0.documentID, version: $0.version, status: $0.status) }
                let statuses = Set(stored.map(\.status))
                result.status = statuses.contains(.new) ? .new : statuses.contains(.newVersion) ? .newVersion : .unchanged
            } catch {
                failure = Self.failure(from: error, file: prepared.file)
            }
        }
        if let failure {
            result.status = .failed
            result.error = FailureReason(code: failure.code, message: failure.message)
            do {
                try catalog.recordFailure(
                    sourcePath: prepared.file.sourcePath, originPath: prepared.file.originPath, error: failure, sha256: result.sha256)
            } catch {
                logger.error("could not log the failure", metadata: ["file": "\(prepared.file.sourcePath)", "error": "\(error)"])
            }
        }
        return result
    }

    /// Stores a prepared file's documents in one transaction.
    private func store(_ payload: Payload) throws -> [Catalog.Stored] {
        try catalog.store(
            payload.documents, from: payload.source, format: payload.format, encoding: payload.encoding, importer: payload.importer,
            claims: options.extractClaims ? payload.claims : nil, lexicon: extractor.lexicon.fingerprint,
            identitiesOnly: payload.identitiesOnly)
    }

    static func failure(from error: Error, file: FoundFile) -> ArchivistError {
        (error as? ArchivistError)
            ?? ArchivistError(
                code: "catalog-write-failed",
                message:
                    "\(file.sourcePath) could not be stored: \(error). Nothing of it was written; run ingest again, and `archivist audit` if it persists.",
                path: file.sourcePath)
    }

    /// Reads a whole file with POSIX calls, turning failures into errors that name the file.
    static func read(_ path: String, shownAs shown: String, limit: Int) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw ArchivistError(
                code: "unreadable",
                message: "cannot read \(shown): \(reason). Check the file's permissions (archivist runs as \(Agent.current)).",
                path: shown)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw ArchivistError(code: "unreadable", message: "cannot read \(shown): \(String(cString: strerror(errno))).", path: shown)
        }
        let size = Int(info.st_size)
        guard size <= limit else {
            throw ArchivistError(
                code: "too-large",
                message: "\(shown) is \(size) bytes, more than the \(limit)-byte limit for one original; split it or raise the limit.",
                path: shown)
        }
        var data = Data(count: size)
        var offset = 0
        try data.withUnsafeMutableBytes { buffer in
            while offset < size {
                let count = Foundation.read(descriptor, buffer.baseAddress! + offset, size - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw ArchivistError(
                        code: "unreadable", message: "cannot read \(shown): \(String(cString: strerror(errno))).", path: shown)
                }
                if count == 0 { break }
                offset += count
            }
        }
        if offset < size { data.removeSubrange(offset..<size) }
        return data
    }
}
