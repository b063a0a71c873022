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
}
