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

extension String {
    /// `body` on the string's UTF-8 bytes, read in place where they are at hand (nearly always):
    /// `withUTF8` needs a copy of the string it may change (a retain and release of its bytes).
    @inlinable @inline(__always)
    public func withUTF8InPlace<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        var s = self
        return s.withUTF8(body)
    }
}
