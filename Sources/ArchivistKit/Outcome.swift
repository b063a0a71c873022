import Dispatch
import Foundation

/// The result of work done on another thread, handed back once the work is joined.
final class Outcome<Value>: @unchecked Sendable {
    private var result: Result<Value, Error>?

    func set(_ body: () throws -> Value) {
        result = Result(catching: body)
    }

    func get() throws -> Value {
        try result!.get()
    }
}

/// Runs `body` on a thread of its own, started now; `group.wait()` joins it, then `outcome.get()`
/// gives its result. A thread rather than a dispatch queue: the queue may run a second such block
/// on the same worker after the first (the audit's fixity and log checks ran one after the other
/// while the integrity check had the other core).
func inBackground<Value>(_ body: @escaping @Sendable () throws -> Value) -> (group: DispatchGroup, outcome: Outcome<Value>) {
    let group = DispatchGroup()
    let outcome = Outcome<Value>()
    group.enter()
    Thread {
        outcome.set(body)
        group.leave()
    }.start()
    return (group, outcome)
}

/// The results of a concurrent loop (``concurrentLoop(iterations:_:)``), one slot per index, and
/// `progress` told (filled, count) after each, one call at a time.
final class ConcurrentSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Value]
    private var filled = 0
    private let progress: (@Sendable (Int, Int) -> Void)?

    init(count: Int, empty: Value, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        values = Array(repeating: empty, count: count)
        self.progress = progress
    }

    /// The values, moved out: no value is copied, and the slots are left empty.
    func take() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        let out = values
        values = []
        return out
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
        filled += 1
        progress?(filled, values.count)
    }
}

/// `transform` applied to every element on every core; the results in the elements' order.
func concurrentMap<Element: Sendable, Mapped>(_ elements: [Element], _ transform: @escaping @Sendable (Element) -> Mapped) -> [Mapped] {
    let slots = ConcurrentSlots<Mapped?>(count: elements.count, empty: nil)
    concurrentLoop(iterations: elements.count) { slots.set($0, transform(elements[$0])) }
    return slots.take().map { $0! }
}

/// Runs `body` once for every index in `0..<iterations`, on every core (or on `threads`
/// threads): on threads of its own and on the calling thread, each taking the next index until
/// none is left; returns when all are done.
///
/// In place of `DispatchQueue.concurrentPerform`: on Linux, several of those running at once
/// (tests run in parallel, each ingesting) crashed in libdispatch (`dispatch_apply_f`) or left
/// glibc's heap corrupted, one run in two of the kit's tests; with threads of its own, none did.
func concurrentLoop(iterations: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount, _ body: @escaping @Sendable (Int) -> Void) {
    let workers = min(threads, iterations)
    guard workers > 1 else {
        for index in 0..<iterations { body(index) }
        return
    }
    let next = NextIndex(end: iterations)
    // `body` escapes: a thread keeps its closure until the thread object is released, after
    // the waits below may have returned.
    let helpers = (1..<workers).map { _ in inBackground { while let index = next.take() { body(index) } } }
    while let index = next.take() { body(index) }
    for helper in helpers { helper.group.wait() }
}

/// The indices of a loop run on several threads, handed out one at a time.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let end: Int

    init(end: Int) { self.end = end }

    /// The next index not yet taken, or nil when all are.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < end else { return nil }
        next += 1
        return next - 1
    }
}
