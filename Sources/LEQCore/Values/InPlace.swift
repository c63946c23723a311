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

extension String {
    /// Whether the two are the very same string value: the same bytes held the same way. Equal
    /// short ASCII texts (ids such as `flex`, `B`, `hospital`, up to 15 bytes) always are, as
    /// Swift keeps them in the value itself; a string and a copy of it are too. Integer compares
    /// only: `==` calls into the runtime for every pair that differs (to compare them as
    /// Unicode), which was 3 % of settling's instructions in its look-ups of ids.
    /// False does not mean unequal: see `[String].place(ofDistinct:)`.
    @inline(__always)
    func isSameValue(as other: String) -> Bool {
        let a = unsafeBitCast(self, to: (UInt64, UInt64).self), b = unsafeBitCast(other, to: (UInt64, UInt64).self)
        return a == b
    }
}

extension Array where Element == String {
    /// The place of the entry equal to `text`, in a list of distinct entries (no two equal): the
    /// entry that is the very same value is that one, found with integer compares, passing over
    /// the others without a call into the runtime each; only when none is, by `==` (a text held
    /// otherwise, or one not listed).
    @inline(__always)
    func place(ofDistinct text: String) -> Int? {
        for i in indices where self[i].isSameValue(as: text) { return i }
        return firstIndex(of: text)
    }
}
