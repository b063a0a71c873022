import Foundation
import GRDB
import Logging

/// Copies committed WAL frames into the catalog file on a thread of its own while ingest keeps
/// committing, so the storing thread does not stop to do it.
///
/// The writer's own automatic checkpoint (every 16,384 WAL pages) stays on: it is what lets SQLite
/// start the WAL file again from its beginning. With this running beside it, that checkpoint finds
/// almost every page already copied and has only the last few to write. A passive checkpoint never
/// blocks the writer or readers and is safe to interrupt at any point, so a failed or skipped one
/// costs nothing but time; its error is logged at debug level.
final class WALCheckpointer: @unchecked Sendable {
    /// Commits between two checkpoints (each ingested file commits once).
    static let interval = 64

    private let path: String
    private let logger: Logger
    private let queue = DispatchQueue(label: "archivist.catalog.checkpoint", qos: .utility)
    private let lock = NSLock()
    private var commits = 0
    private var running = false
    private var connection: DatabaseQueue?
    private var completed = 0

    /// How many background checkpoints have completed.
    var checkpoints: Int {
        lock.lock()
        defer { lock.unlock() }
        return completed
    }

    init(path: String, logger: Logger) {
        self.path = path
        self.logger = logger
    }

    /// Counts one commit, and starts a checkpoint in the background every ``interval`` commits
    /// unless one is still running.
    func noteCommit() {
        lock.lock()
        commits += 1
        guard commits >= Self.interval, !running else {
            lock.unlock()
            return
        }
        commits = 0
        running = true
        lock.unlock()
        queue.async { self.checkpoint() }
    }

    /// Waits for a running checkpoint to end.
    func wait() {
        queue.sync {}
    }

    private func checkpoint() {
        defer {
            lock.lock()
            running = false
            lock.unlock()
        }
        do {
            if connection == nil {
                var configuration = Configuration()
                configuration.busyMode = .immediateError
                configuration.label = "archivist.catalog.checkpoint"
                connection = try DatabaseQueue(path: path, configuration: configuration)
            }
            try connection?.writeWithoutTransaction { db in
                _ = try db.checkpoint(.passive)
            }
            lock.lock()
            completed += 1
            lock.unlock()
        } catch {
            logger.debug("background checkpoint skipped", metadata: ["catalog": "\(path)", "error": "\(error)"])
        }
    }
}
