/// The place of an enum's case among its cases, read from the case itself: an enum without
/// payloads and with fewer than 256 cases is stored as that number, one byte. For tables and
/// bit sets indexed by case (a look-up in a set or a list per line cost more than the work it
/// guarded). `holds` says whether a type is stored so; the tests check every type read this way.
public enum CasePlace {
    @inline(__always) public static func of<T>(_ value: T) -> Int { Int(unsafeBitCast(value, to: UInt8.self)) }

    /// Whether every case of `type` is stored as its place.
    public static func holds<T: CaseIterable & Equatable>(_ type: T.Type) -> Bool {
        MemoryLayout<T>.size == 1 && T.allCases.enumerated().allSatisfy { of($0.element) == $0.offset }
    }
}
