import Synchronization
import Testing
import LEQCore

/// Counts the values alive and the consumer's progress, for one test.
private final class Tally: Sendable {
    let alive = Atomic<Int>(0)
    let made = Atomic<Int>(0)
    /// Raised by the consumer before it takes value `i` (to `i + 1`).
    let asked = Atomic<Int>(0)
    /// Values made beyond what `ahead` allows.
    let tooEarly = Atomic<Int>(0)
}

/// A value that counts itself alive.
private final class Tracked: Sendable {
    let n: Int
    let tally: Tally
    init(_ n: Int, _ tally: Tally) {
        self.n = n
        self.tally = tally
        tally.alive.add(1, ordering: .relaxed)
    }
    deinit { tally.alive.subtract(1, ordering: .relaxed) }
}

@Suite("MadeAhead")
struct MadeAheadTests {
    /// Makes value `i`, noting whether the consumer had come close enough for it.
    private static func make(_ i: Int, ahead: Int, _ tally: Tally) -> Tracked {
        if i >= tally.asked.load(ordering: .sequentiallyConsistent) + ahead { tally.tooEarly.add(1, ordering: .relaxed) }
        tally.made.add(1, ordering: .relaxed)
        return Tracked(i, tally)
    }

    @Test("Values come in order, as map gives them, never more than `ahead` made before they are asked for")
    func inOrder() {
        for ahead in [1, 3, 16] {
            let tally = Tally()
            do {
                let values = MadeAhead(count: 2_000, ahead: ahead) { Self.make($0, ahead: ahead, tally) }
                var taken: [Int] = []
                for i in 0..<values.count {
                    tally.asked.store(i + 1, ordering: .sequentiallyConsistent)
                    taken.append(values.take(i).n)
                }
                #expect(taken == Array(0..<2_000))
            }
            #expect(tally.tooEarly.load(ordering: .relaxed) == 0)
            #expect(tally.made.load(ordering: .relaxed) == 2_000)
            #expect(tally.alive.load(ordering: .relaxed) == 0)
        }
    }

    @Test("Stopped early, no more values are made and those made are released")
    func stoppedEarly() {
        let tally = Tally()
        do {
            let values = MadeAhead(count: 10_000, ahead: 4) { Self.make($0, ahead: 4, tally) }
            for i in 0..<5 {
                tally.asked.store(i + 1, ordering: .sequentiallyConsistent)
                #expect(values.take(i).n == i)
            }
            values.stop()
            // Five taken, at most four made ahead of the last one asked for.
            #expect(tally.made.load(ordering: .relaxed) <= 9)
            values.stop()  // twice does no harm
        }
        #expect(tally.tooEarly.load(ordering: .relaxed) == 0)
        #expect(tally.alive.load(ordering: .relaxed) == 0)
    }

    @Test("Nothing to make, or never taken from: it stops at once")
    func nothingOrNeverTaken() {
        let none = MadeAhead(count: 0, ahead: 2) { $0 }
        none.stop()
        let tally = Tally()
        do {
            // Released without a take or a stop, once it has made what it may: the workers end.
            let values = MadeAhead(count: 100, ahead: 2) { Self.make($0, ahead: 2, tally) }
            while tally.made.load(ordering: .relaxed) < 2 {}
            #expect(values.count == 100)
        }
        #expect(tally.made.load(ordering: .relaxed) == 2)
        #expect(tally.alive.load(ordering: .relaxed) == 0)
    }
}
