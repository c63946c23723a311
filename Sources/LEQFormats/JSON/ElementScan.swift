import LEQCore

/// Finding the elements of a large array on two cores: the first core scans from the array's
/// start as ever, the second from the middle of the text, and the two are joined where they
/// meet. At a million cases the scan took a second on one core while the other waited.
///
/// The second half starts just after a line break, which JSON never holds inside a string, so
/// it starts outside any string; but it does not know how deep it is. It notes where values
/// open and close at each depth that is the shallowest it has seen so far (relative to where it
/// started); the array's own depth is among those, and which one it is, is found where the first
/// half stops: at the first element that starts after the middle. Anything unexpected (a line
/// without a break, an element that is not an object or array, the two halves not meeting at an
/// element) gives up, and the caller scans the whole array on one core instead: the result is
/// the same either way, only slower (tested against the one-core scan on split points all over).
enum ElementScan {
    /// Arrays shorter than this are scanned on one core: two threads cost more than they save.
    static let parallelFrom = 32 << 20

    /// The elements of the array whose `[` is at `open`, as `JSONParser.elements(ofArray:in:)`
    /// gives them; `split`: where the second half starts (tests choose it; nil: the middle).
    /// Nil when the two halves cannot be joined (the caller then scans on one core).
    static func elements(_ b: UnsafeBufferPointer<UInt8>, open: Int, split: Int? = nil) -> (array: Range<Int>, elements: [Range<Int>])? {
        var middle = split ?? open + (b.count - open) / 2
        while middle < b.count && b[middle] != 0x0A { middle += 1 }
        middle += 1  // just after the line break
        guard middle > open + 1, middle < b.count else { return nil }
        enum Half {
            case first(FromStart?)
            case second(SecondHalf?)
        }
        let halves = [0, 1].parallelMap { half -> Half in
            half == 0 ? .first(FromStart(b, open: open, until: middle)) : .second(SecondHalf(b, from: middle))
        }
        guard case let .first(first?) = halves[0], case let .second(second) = halves[1] else { return nil }
        if let closed = first.closed { return (open..<closed, first.elements) }
        guard let second, let rest = second.elements(from: first.next) else { return nil }
        return (open..<rest.closed, first.elements + rest.elements)
    }

    /// The array scanned from its start, up to the first element that starts at or after
    /// `until`: the first half; with no `until`, the whole array as on one core.
    struct FromStart {
        var elements: [Range<Int>] = []
        /// Where the array ends (after its `]`), if it ends before `until`.
        var closed: Int?
        /// Where the first element at or after `until` starts.
        var next = 0

        init?(_ b: UnsafeBufferPointer<UInt8>, open: Int, until: Int = .max) {
            var scan = RawScan(b, from: open + 1, to: b.count)
            scan.skipSpace()
            if scan.at(UInt8(ascii: "]")) {
                closed = scan.i + 1
                return
            }
            while true {
                scan.skipSpace()
                if scan.i >= until {
                    next = scan.i
                    return
                }
                let start = scan.i
                guard scan.skipValue() else { return nil }
                elements.append(start..<scan.i)
                scan.skipSpace()
                if scan.take(UInt8(ascii: ",")) { continue }
                if scan.at(UInt8(ascii: "]")) {
                    closed = scan.i + 1
                    return
                }
                return nil
            }
        }
    }

    /// The text from a line break on, with where values open and close at each depth that was
    /// the shallowest so far.
    struct SecondHalf {
        /// One depth (relative to the start, ≤ 0) and what happened at it while it was the shallowest.
        struct Level {
            let depth: Int
            /// Where values opened (`{` or `[`) and closed (just after `}` or `]`) at this depth.
            var starts: [Int] = []
            var ends: [Int] = []
            /// Where the container at this depth closed (just after its `]`), if it did.
            var closed: Int?
            /// False once this depth held anything but values separated by commas.
            var plain = true
        }

        var levels: [Level] = []

        init?(_ b: UnsafeBufferPointer<UInt8>, from start: Int) {
            var depth = 0
            // The shallowest depth so far and what happened at it, kept in locals (the byte loop
            // reads them for every byte); put in `levels` when a shallower one begins.
            var level = Level(depth: 0)
            /// What may come next at the shallowest depth: a value (after a comma), or a comma or close.
            var expectValue = false
            var i = start
            let n = b.count
            while i < n {
                let c = b[i]
                if !JSONParser.isStructural(c) {
                    // Outside values at the shallowest depth only commas and white space may stand.
                    if depth == level.depth && c != 0x20 && c != 0x0A && c != 0x0D && c != 0x09 {
                        if c == UInt8(ascii: ",") && !expectValue { expectValue = true } else { level.plain = false }
                    }
                    i += 1
                    continue
                }
                switch c {
                case UInt8(ascii: "\""):
                    if depth == level.depth { level.plain = false }
                    var scan = RawScan(b, from: i, to: n)
                    guard scan.skipString() else { return nil }
                    i = scan.i
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if depth == level.depth {
                        // A value follows a comma, or opens what this depth holds of the text.
                        if !expectValue && !(level.starts.isEmpty && level.ends.isEmpty) { level.plain = false }
                        level.starts.append(i)
                        expectValue = false
                    }
                    depth += 1
                default:  // } or ]
                    depth -= 1
                    if depth < level.depth {
                        // Shallower than ever: the container at the old depth closed here.
                        level.closed = i + 1
                        if expectValue { level.plain = false }
                        levels.append(level)
                        level = Level(depth: depth)
                    }
                    if depth == level.depth {
                        level.ends.append(i + 1)
                        expectValue = false
                    }
                }
                i += 1
            }
            levels.append(level)
        }

        /// The elements from the one that starts at `next` to the array's end: the depth at
        /// which a value starts there is the array's; nil unless it holds only values and
        /// commas and closes.
        func elements(from next: Int) -> (elements: [Range<Int>], closed: Int)? {
            for level in levels {
                guard let k = level.starts.firstIndex(where: { $0 >= next }) else { continue }
                guard level.starts[k] == next, level.plain, let closed = level.closed else { return nil }
                let starts = level.starts[k...]
                let ends = level.ends.drop { $0 <= next }
                guard starts.count == ends.count else { return nil }
                var out: [Range<Int>] = []
                out.reserveCapacity(starts.count)
                for (s, e) in zip(starts, ends) {
                    guard s < e else { return nil }
                    out.append(s..<e)
                }
                // The array's `]` closes the last element's depth: nothing after the last element.
                guard out.last.map({ $0.upperBound < closed }) ?? true else { return nil }
                return (out, closed)
            }
            return nil
        }
    }
}
