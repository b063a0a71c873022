import Foundation
import Logging

/// Options for an ingest run.
public struct IngestOptions: Sendable {
    /// How to decode text files.
    public var encoding: TextEncoding = .automatic
    /// Files larger than this are refused (SQLite stores an original as one value).
    public var maximumFileSize: Int = 512 * 1024 * 1024

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

    /// Creates an ingester.
    public init(catalog: Catalog, options: IngestOptions = IngestOptions(), logger: Logger = Logger(label: "archivist.ingest")) {
        self.catalog = catalog
        self.options = options
        self.logger = logger
    }

    /// Ingests every file under `paths`; `progress` is called after each file with (done, total, path).
    ///
    /// Two stages overlap: while one batch of files is stored (one transaction per file, in order),
    /// the next batch is read, hashed, decoded and imported on another thread. Stored results are
    /// the same as doing the files one by one: the store re-checks inside its transaction.
    public func ingest(_ paths: [String], progress: ((Int, Int, String) -> Void)? = nil) -> IngestReport {
        let found = FileWalker.files(under: paths)
        let batches = Self.batches(of: found)
        var results: [FileResult] = []
        results.reserveCapacity(found.count)
        var next = batches.first.map(prepareInBackground)
        for index in batches.indices {
            guard let (group, outcome) = next else { break }
            group.wait()
            next = index + 1 < batches.count ? prepareInBackground(batches[index + 1]) : nil
            for prepared in (try? outcome.get()) ?? [] {
                let result = commit(prepared)
                switch result.status {
                case .failed:
                    logger.warning("\(result.error?.message ?? "failed")", metadata: ["file": "\(result.path)"])
                default:
                    logger.debug("\(result.status.rawValue)", metadata: ["file": "\(result.path)"])
                }
                results.append(result)
                progress?(results.count, found.count, result.path)
            }
        }
        return IngestReport(files: results)
    }

    /// Splits the files into batches of at most 64 files and about 64 MB, so that the prepared
    /// batch waiting to be stored stays small in memory.
    static func batches(of files: [FoundFile]) -> [[FoundFile]] {
        var batches: [[FoundFile]] = []
        var current: [FoundFile] = []
        var bytes = 0
        for file in files {
            var info = stat()
            let size = file.refusal == nil && lstat(file.originPath, &info) == 0 ? Int(info.st_size) : 0
            if !current.isEmpty && (current.count >= 64 || bytes + size > 64 * 1024 * 1024) {
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
    }

    /// What the store needs for a file that is new to the catalog.
    struct Payload: Sendable {
        var documents: [ImportedDocument]
        var source: Catalog.SourceFile
        var format: DocumentFormat
        var encoding: String
        var importer: any DocumentImporter
    }

    func prepareInBackground(_ batch: [FoundFile]) -> (group: DispatchGroup, outcome: Outcome<[Prepared]>) {
        inBackground { batch.map(prepare) }
    }

    /// Reads, hashes, decodes and imports one file; writes nothing.
    func prepare(_ file: FoundFile) -> Prepared {
        var result = FileResult(
            path: file.sourcePath, origin: file.originPath, status: .failed, documents: [], warnings: [])
        do {
            if let refusal = file.refusal { throw refusal }
            let bytes = try Self.read(file.originPath, shownAs: file.sourcePath, limit: options.maximumFileSize)
            result.size = bytes.count
            let sha256 = SHA256Digest.hex(bytes)
            result.sha256 = sha256
            let known = try catalog.alreadyIngested(originPath: file.originPath, sha256: sha256)
            if !known.isEmpty {
                result.status = .unchanged
                result.documents = known.map { .init(id: $0.documentID, version: $0.version, status: .unchanged) }
                return Prepared(file: file, result: result)
            }
            let decoded = try TextDecoding.read(Array(bytes), as: options.encoding, path: file.sourcePath)
            let format = DocumentFormat.detect(decoded.text)
            result.format = format.rawValue
            let importer = format.importer
            let documents = try importer.read(decoded.text, path: file.sourcePath)
            guard !documents.isEmpty else {
                throw ArchivistError(code: "no-documents", message: "\(file.sourcePath) holds no document to catalogue.", path: file.sourcePath)
            }
            result.warnings = documents.flatMap(\.warnings)
            let source = Catalog.SourceFile(
                sourcePath: file.sourcePath, originPath: file.originPath, sha256: sha256, bytes: bytes,
                identityCandidates: file.identityCandidates)
            return Prepared(
                file: file, result: result,
                payload: Payload(documents: documents, source: source, format: format, encoding: decoded.encoding, importer: importer))
        } catch {
            return Prepared(file: file, result: result, failure: failure(from: error, file: file))
        }
    }

    /// Stores a prepared file in its own transaction, or logs why it failed.
    func commit(_ prepared: Prepared) -> FileResult {
        var result = prepared.result
        var failure = prepared.failure
        if let payload = prepared.payload {
            do {
                let stored = try catalog.store(
                    payload.documents, from: payload.source, format: payload.format, encoding: payload.encoding,
                    importer: payload.importer)
                result.documents = stored.map { .init(id: $0.documentID, version: $0.version, status: $0.status) }
                let statuses = Set(stored.map(\.status))
                result.status = statuses.contains(.new) ? .new : statuses.contains(.newVersion) ? .newVersion : .unchanged
            } catch {
                failure = self.failure(from: error, file: prepared.file)
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

    func failure(from error: Error, file: FoundFile) -> ArchivistError {
        (error as? ArchivistError)
            ?? ArchivistError(
                code: "catalog-write-failed",
                message: "\(file.sourcePath) could not be stored: \(error). Nothing of it was written; run ingest again, and `archivist audit` if it persists.",
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
