extension Array {
    /// The elements' places, for `body` to hand an element to an `inout` parameter that only
    /// reads it (`&places[i]`; never written through). Borrowed straight from an array that
    /// something changing during the call also holds (a builder holding the caseload, a writer),
    /// an element is copied for the call — a retain per field, for every case, line, service or
    /// agreement so handed; an `inout` parameter is known to be the only access.
    /// Nil places for an empty array.
    @inlinable @inline(__always)
    public func withPlacesForReading<R>(_ body: (UnsafeMutablePointer<Element>?) -> R) -> R {
        withUnsafeBufferPointer { body(UnsafeMutablePointer(mutating: $0.baseAddress)) }
    }
}
