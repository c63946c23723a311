import Dispatch

/// Values let go on a thread of their own. A run ends by freeing what it read — a million cases'
/// records, some 0.8 s of one core — after its work is done and written: let go here, that
/// happens while the run returns, and the process may end before it is done (nothing is lost:
/// the memory goes back with the process). In-process callers that go on working (`leq bench`,
/// the tests) wait for it with `waitForAll`, so that one step's freeing is not another's time.
enum Release {
    private static let queue = DispatchQueue(label: "leq.release")
    private static let pending = DispatchGroup()

    /// Lets `value` go on the releasing thread; the caller must hold no other reference to it.
    static func later<T>(_ value: consuming T) {
        let box = Box(value)
        queue.async(group: pending) { box.drop() }
    }

    /// Waits until everything let go so far is freed.
    static func waitForAll() { pending.wait() }

    /// The value on its way: held by nobody else once handed over, dropped on the releasing thread.
    private final class Box<T>: @unchecked Sendable {
        private var value: T?
        init(_ value: consuming T) { self.value = value }
        func drop() { value = nil }
    }
}
