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

/// The results of a concurrent loop (`DispatchQueue.concurrentPerform`), one slot per index, and
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
func concurrentMap<Element: Sendable, Mapped>(_ elements: [Element], _ transform: @Sendable (Element) -> Mapped) -> [Mapped] {
    let slots = ConcurrentSlots<Mapped?>(count: elements.count, empty: nil)
    DispatchQueue.concurrentPerform(iterations: elements.count) { slots.set($0, transform(elements[$0])) }
    return slots.take().map { $0! }
}
