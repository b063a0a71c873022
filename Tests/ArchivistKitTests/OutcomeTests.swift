import Foundation
import Testing

@testable import ArchivistKit

@Suite("Work on other threads")
struct OutcomeTests {
    @Test("two pieces of work in the background run at once: each waits for the other to start")
    func ownThreads() throws {
        let first = DispatchSemaphore(value: 0)
        let second = DispatchSemaphore(value: 0)
        let one = inBackground {
            first.signal()
            return second.wait(timeout: .now() + 10) == .success
        }
        let other = inBackground {
            second.signal()
            return first.wait(timeout: .now() + 10) == .success
        }
        one.group.wait()
        other.group.wait()
        #expect(try one.outcome.get() && other.outcome.get())
    }

    @Test("an error thrown on the other thread comes back when the outcome is read")
    func errors() {
        struct Failure: Error {}
        let work = inBackground { () throws -> Int in throw Failure() }
        work.group.wait()
        #expect(throws: Failure.self) { try work.outcome.get() }
    }

    @Test("a concurrent map keeps the elements' order")
    func order() {
        let squares = concurrentMap(Array(0..<500)) { $0 * $0 }
        #expect(squares == (0..<500).map { $0 * $0 })
    }

    @Test("a concurrent loop runs every index once, on as many threads as asked, and returns when all are done")
    func loop() {
        let runs = RunCounts(count: 2_000)
        let threads = ThreadIDs()
        concurrentLoop(iterations: 2_000, threads: 4) { index in
            threads.note()
            runs.add(index)
            if index < 8 { usleep(2_000) }  // the first indices wait, so that every thread takes some
        }
        #expect(runs.values.allSatisfy { $0 == 1 })
        #expect(threads.count == 4)
        let alone = ThreadIDs()
        concurrentLoop(iterations: 50, threads: 1) { _ in alone.note() }
        #expect(alone.count == 1)
        concurrentLoop(iterations: 0) { _ in Issue.record("no index to run") }
    }
}

/// How many times each index ran.
private final class RunCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int]
    init(count: Int) { counts = Array(repeating: 0, count: count) }
    var values: [Int] { lock.withLock { counts } }
    func add(_ index: Int) { lock.withLock { counts[index] += 1 } }
}

/// The distinct threads that noted themselves.
private final class ThreadIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var ids = Set<pthread_t>()
    var count: Int { lock.withLock { ids.count } }
    func note() { lock.withLock { _ = ids.insert(pthread_self()) } }
}
