import Foundation

/// The digests of the files an ingest has read, each with the position of its first file, read
/// on several threads at once.
///
/// A digest is kept by its first 64 bits (16 bytes an entry with the position, whatever the
/// ingest's size). Two different files that share them would only delay the later one: its full
/// SHA-256 finds no earlier outcome to take (see ``RepeatedFiles``), so it is read when its turn
/// comes to be stored (in a bag, read for its identities first, then in full when a record is new).
final class EarlierCopies: @unchecked Sendable {
    private let lock = NSLock()
    private var first: [UInt64: Int] = [:]

    /// Whether a file before `position` (in the ingest's order) has these bytes; notes this one.
    func repeats(_ sha256: String, at position: Int) -> Bool {
        let key = UInt64(sha256.prefix(16), radix: 16) ?? 0
        return lock.withLock {
            if let earliest = first[key], earliest < position { return true }
            first[key] = position
            return false
        }
    }
}
