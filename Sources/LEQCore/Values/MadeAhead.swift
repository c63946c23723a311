import Dispatch
import Synchronization

/// Values made on all cores ahead of one consumer that takes them in order, at most `ahead` made
/// and not yet taken: `parallelMap` for results too large to hold all at once (a country's
/// statements in every format, stored one after the other while the next are made).
///
/// Take the values in order (`take(0)`, `take(1)`, …) from one thread. Stopped (`stop()`) or
/// released, it makes no more and waits for the values being made: the workers read what `make`
/// reads until then, and no longer.
public final class MadeAhead<T>: @unchecked Sendable {
    public let count: Int
    /// What the workers hold: not this object, so that releasing it stops them.
    private let line: Line

    /// Starts making values `0..<count` with `make`, on as many workers as the system runs at once.
    public init(count: Int, ahead: Int, make: @escaping @Sendable (Int) -> T) {
        precondition(ahead > 0, "room for at least one value")
        self.count = count
        line = Line(count: count, ahead: ahead, make: make)
        guard count > 0 else { return }
        let line = self.line
        // On a thread of its own (a queue of its own gets one at once; the shared ones may all
        // be busy or waiting), joined by as many as the system runs at once.
        DispatchQueue(label: "leq.made-ahead").async(group: line.workers) {
            DispatchQueue.concurrentPerform(iterations: 64) { _ in
                while let i = line.claim() { line.put(line.make(i), at: i) }
            }
        }
    }

    deinit { line.stop() }

    /// Value `i`, once made; its place is then free for another. In order, from one thread, and
    /// not after `stop()`.
    public func take(_ i: Int) -> T { line.take(i) }

    /// No more values are made; returns once no worker is making one. Values made and not taken
    /// are released with this object.
    public func stop() { line.stop() }

    private final class Line: @unchecked Sendable {
        let count: Int
        let make: @Sendable (Int) -> T
        let workers = DispatchGroup()
        /// Free places for made values: a worker waits for one before it takes the next index.
        private let room = DispatchSemaphore(value: 0)
        /// Signalled once value `i` is made.
        private let ready: [DispatchSemaphore]
        private let made: UnsafeMutablePointer<T?>
        private let next = Atomic<Int>(0)
        private let stopped = Atomic<Bool>(false)

        init(count: Int, ahead: Int, make: @escaping @Sendable (Int) -> T) {
            self.count = count
            self.make = make
            ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
            made = .allocate(capacity: count)
            made.initialize(repeating: nil, count: count)
            // Begun at zero and raised: a semaphore freed below its starting value stops the
            // process, and one stopped early may be.
            for _ in 0..<ahead { room.signal() }
        }

        deinit {
            made.deinitialize(count: count)
            made.deallocate()
        }

        /// The next index to make, once there is room for its value; nil when all are claimed or
        /// the consumer stopped.
        func claim() -> Int? {
            guard next.load(ordering: .relaxed) < count, !stopped.load(ordering: .relaxed) else { return nil }
            room.wait()
            let i = next.add(1, ordering: .relaxed).oldValue
            guard i < count, !stopped.load(ordering: .relaxed) else {
                room.signal()  // for the next waiting worker, which then finds nothing either
                return nil
            }
            return i
        }

        func put(_ value: T, at i: Int) {
            made[i] = value
            ready[i].signal()
        }

        func take(_ i: Int) -> T {
            ready[i].wait()
            let value = made[i]!
            made[i] = nil
            room.signal()
            return value
        }

        func stop() {
            stopped.store(true, ordering: .relaxed)
            room.signal()
            workers.wait()
        }
    }
}
