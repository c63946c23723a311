/// Short plain strings already made, found again by their bytes: a case file says `"from"`,
/// `"hours"`, `"2026-05"`, a provider's id or a category thousands of times, and making each
/// afresh (`String(decoding:as:)` checks every byte again) was a tenth of parsing it.
///
/// Only ASCII strings of at most 15 bytes are kept: Swift holds those inside the `String` value
/// itself, so the table owns no memory of theirs and a string handed out is a plain copy. A
/// slot holds the last string whose bytes hashed to it; a string is handed out only when its
/// bytes are the same. One table per piece of work (one thread): not shared, not locked.
final class SmallStrings {
    private static let slotBits = 12
    private static var slotCount: Int { 1 << slotBits }

    /// The bytes of each slot's string as two words (zero-padded), its length (0xFF: empty).
    private let words: UnsafeMutablePointer<(UInt64, UInt64)>
    private let lengths: UnsafeMutablePointer<UInt8>
    private let strings: UnsafeMutablePointer<String>

    init() {
        words = .allocate(capacity: Self.slotCount)
        words.initialize(repeating: (0, 0), count: Self.slotCount)
        lengths = .allocate(capacity: Self.slotCount)
        lengths.initialize(repeating: 0xFF, count: Self.slotCount)
        strings = .allocate(capacity: Self.slotCount)
        strings.initialize(repeating: "", count: Self.slotCount)
    }

    deinit {
        words.deallocate()
        lengths.deallocate()
        strings.deinitialize(count: Self.slotCount)
        strings.deallocate()
    }

    /// The string of `count` ASCII bytes at `start` (the caller has checked they are ASCII).
    /// `wide`: sixteen bytes from `start` may be read (the text goes on past the string); then
    /// its bytes are read as two words and the rest masked off, instead of copied byte by byte
    /// into the words (which then waited for the copy: a fifth of the parser's time in strings).
    @inline(__always)
    func string(_ start: UnsafePointer<UInt8>, count: Int, wide: Bool) -> String {
        guard count <= 15 else { return Self.make(start, count: count) }
        var low: UInt64 = 0, high: UInt64 = 0
        if wide {
            let raw = UnsafeRawPointer(start)
            // Little-endian words: the string's first byte is the low byte.
            if count >= 8 {
                low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
                high = count == 8 ? 0 : UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & (~0 >> UInt64(64 - 8 * (count - 8)))
            } else if count > 0 {
                low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & (~0 >> UInt64(64 - 8 * count))
            }
        } else {
            withUnsafeMutableBytes(of: &low) { $0.copyMemory(from: UnsafeRawBufferPointer(start: start, count: min(count, 8))) }
            if count > 8 {
                withUnsafeMutableBytes(of: &high) { $0.copyMemory(from: UnsafeRawBufferPointer(start: start + 8, count: count - 8)) }
            }
            // The bytes in memory order, read as little-endian words: the same words as above.
            low = UInt64(littleEndian: low)
            high = UInt64(littleEndian: high)
        }
        let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
        let slot = Int(truncatingIfNeeded: ((mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9) >> UInt64(64 - Self.slotBits))
        if lengths[slot] == UInt8(count) && words[slot] == (low, high) { return strings[slot] }
        let made = Self.make(start, count: count)
        lengths[slot] = UInt8(count)
        words[slot] = (low, high)
        strings[slot] = made
        return made
    }

    private static func make(_ start: UnsafePointer<UInt8>, count: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }
}
