import Synchronization
import Testing
@testable import LEQCLI

/// What a run lets go is freed on the releasing thread, all of it by `waitForAll`.
@Suite("Letting go of what a run read")
struct ReleaseTests {
    final class Counter: Sendable {
        let freed = Mutex(0)
    }

    final class Tracked {
        let counter: Counter
        init(_ counter: Counter) { self.counter = counter }
        deinit { counter.freed.withLock { $0 += 1 } }
    }

    @Test("Values let go are all freed by the time waitForAll returns")
    func freedInTheBackground() {
        let counter = Counter()
        for _ in 0..<100 { Release.later((0..<10).map { _ in Tracked(counter) }) }
        Release.waitForAll()
        #expect(counter.freed.withLock { $0 } == 1_000)
    }
}
