/// The files of one ingest whose outcome stands for any later file with the same bytes.
///
/// A later XML file with the same bytes is not read at all (see `Ingester.prepare`): its outcome is
/// the first file's, every document unchanged, which is what reading and storing it would give. This
/// holds only when the first file's documents are all known by their records' own identifiers (a
/// document known by its path would be another document at another path), none is a deletion at
/// the source (reported with its document's latest version when read, which a file in between may
/// have changed), and the file is not a bag's (whose digests are logged for each file). Unchanged
/// documents are not logged, so nothing is left out of the provenance log.
struct RepeatedFiles {
    /// The outcome of the first file stored with each SHA-256 that can stand for its copies.
    private var firsts: [String: FileResult] = [:]

    /// The earlier file's outcome that stands for bytes `sha256`, if any.
    func first(_ sha256: String) -> FileResult? { firsts[sha256] }

    /// Notes a file just committed, when it can stand for its copies.
    mutating func note(_ prepared: Ingester.Prepared, _ result: FileResult) {
        guard result.status != .failed, let sha256 = result.sha256, firsts[sha256] == nil, prepared.file.bag == nil,
            let documents = prepared.payload?.documents,
            documents.allSatisfy({ $0.identity != nil && !$0.deletedAtSource })
        else { return }
        firsts[sha256] = result
    }

    /// A repeat's outcome: the first file's documents, each unchanged, at this file's path.
    static func outcome(of copy: Ingester.Prepared, as first: FileResult) -> FileResult {
        var result = copy.result
        result.status = .unchanged
        result.format = first.format
        result.warnings = first.warnings
        result.documents = first.documents.map { .init(id: $0.id, version: $0.version, status: .unchanged) }
        return result
    }
}
