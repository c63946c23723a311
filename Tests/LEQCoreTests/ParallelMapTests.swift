import Synchronization
import Testing
import LEQCore

/// A value whose copies are counted, to see that `parallelMap` keeps none behind.
private final class Counted: @unchecked Sendable {
    static let alive = Atomic<Int>(0)
    let n: Int
    init(_ n: Int) { self.n = n; Counted.alive.add(1, ordering: .relaxed) }
    deinit { Counted.alive.subtract(1, ordering: .relaxed) }
}

@Suite("parallelMap")
struct ParallelMapTests {
    @Test("parallelMap gives map's result in order, and releases every value it made")
    func sameAsMapAndNoLeak() {
        let input = Array(0..<1000)
        #expect(input.parallelMap { $0 * $0 } == input.map { $0 * $0 })
        #expect(input.parallelMap(parallel: false) { $0 + 1 } == input.map { $0 + 1 })
        do {
            let objects = input.parallelMap { Counted($0) }
            #expect(objects.map(\.n) == input)
        }
        #expect(Counted.alive.load(ordering: .relaxed) == 0)
    }
}
