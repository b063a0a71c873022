import Foundation

/// Computes the digests of many files at once, each file read once whatever the number of
/// algorithms, on several threads.
enum FileDigests {
    /// One file to digest.
    struct Job: Sendable {
        var path: String
        var algorithms: [BagDigestAlgorithm]
    }

    /// The digests of each job's file, in job order, or why the file could not be read.
    static func compute(_ jobs: [Job], threads: Int) -> [Result<[BagDigestAlgorithm: String], ArchivistError>] {
        let results = ResultSlots(count: jobs.count)
        let workers = max(1, min(threads, jobs.count))
        concurrentLoop(iterations: workers, threads: workers) { _ in
            // One buffer per thread, reused for every file it reads.
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 64)
            defer { buffer.deallocate() }
            while let index = results.claim() {
                results.set(index, digest(jobs[index], buffer: buffer))
            }
        }
        return results.values
    }

    static func digest(_ job: Job, buffer: UnsafeMutableRawBufferPointer) -> Result<[BagDigestAlgorithm: String], ArchivistError> {
        let descriptor = open(job.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(unreadable(job.path)) }
        defer { close(descriptor) }
        #if os(Linux)
            _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
        var hashers = job.algorithms.map { $0.makeHasher() }
        while true {
            let count = read(descriptor, buffer.baseAddress!, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(unreadable(job.path))
            }
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            for index in hashers.indices { hashers[index].update(chunk) }
        }
        var digests: [BagDigestAlgorithm: String] = [:]
        for (index, algorithm) in job.algorithms.enumerated() { digests[algorithm] = hashers[index].finalizeHex() }
        return .success(digests)
    }

    static func unreadable(_ path: String) -> ArchivistError {
        ArchivistError(
            code: "file-unreadable", message: "cannot read \(path): \(String(cString: strerror(errno))). Check its permissions.", path: path)
    }

    /// Result slots filled by several threads; each index is claimed by exactly one thread.
    private final class ResultSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var slots: [Result<[BagDigestAlgorithm: String], ArchivistError>?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < slots.count else { return nil }
            next += 1
            return next - 1
        }

        func set(_ index: Int, _ value: Result<[BagDigestAlgorithm: String], ArchivistError>) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        var values: [Result<[BagDigestAlgorithm: String], ArchivistError>] {
            lock.lock()
            defer { lock.unlock() }
            return slots.map { $0! }
        }
    }
}
