import Dispatch

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

/// Runs `body` on a global queue; `group.wait()` joins it, then `outcome.get()` gives its result.
func inBackground<Value>(_ body: @escaping @Sendable () throws -> Value) -> (group: DispatchGroup, outcome: Outcome<Value>) {
    let group = DispatchGroup()
    let outcome = Outcome<Value>()
    DispatchQueue.global().async(group: group) { outcome.set(body) }
    return (group, outcome)
}
