import Dispatch

extension Array {
    /// The elements transformed on all cores, in their order: the same result as `map`, for work
    /// that shares nothing between elements (one provider's month, one statement's bytes).
    /// Below two elements, or when `parallel` is false, it is `map`.
    public func parallelMap<T>(parallel: Bool = true, _ transform: (Element) -> T) -> [T] {
        guard parallel, count > 1 else { return map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
            results.initialize(repeating: nil)
            defer {
                // The slots hold values (statements, byte arrays): release them before the memory.
                _ = results.deinitialize()
                results.deallocate()
            }
            let box = UnsafeSendable(elements: self, transform: transform, results: results)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                box.results[i] = box.transform(box.elements[i])
            }
            return results.map { $0! }
        }
    }
}

/// What the workers share: read-only input, the transform, and one result slot each (no slot is
/// written by two workers). Marked Sendable by hand because of exactly that.
private struct UnsafeSendable<Element, T>: @unchecked Sendable {
    let elements: [Element]
    let transform: (Element) -> T
    let results: UnsafeMutableBufferPointer<T?>
}
