/// Eight bytes of JSON text looked at at once, as a word (the first byte lowest): what reading a
/// plain string and writing one both ask of every byte.
enum JSONWord {
    /// The top bit of each byte of `w`, as a mask.
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The top bit set for each byte of `w` that a JSON string cannot hold as it is: a quote, a
    /// backslash or a control character. (`x − 0x01…` borrows into a byte's top bit only below
    /// the value looked for, so a flag may be false only above a true one: the lowest flag, and
    /// whether there is any, are exact.)
    @inline(__always) static func mustEscape(_ w: UInt64) -> UInt64 {
        let lows: UInt64 = 0x0101_0101_0101_0101
        let quote = w ^ (0x22 &* lows), backslash = w ^ (0x5C &* lows)
        return ((quote &- lows) & ~quote | (backslash &- lows) & ~backslash | (w &- 0x20 &* lows) & ~w) & highs
    }
}
