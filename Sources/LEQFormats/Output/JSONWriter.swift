import LEQCore

/// Writes pretty-printed JSON straight into bytes, with keys in the order they are written, so
/// that the same statement always gives the same bytes.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Per open container: whether it already holds a member.
    private var hasMember: [Bool] = []

    public init() { bytes.reserveCapacity(1 << 16) }

    /// A writer for one element of an array `depth` containers deep (the array counted), so that
    /// elements can be written apart — on several cores — and joined with `append(elements:)`
    /// into the same bytes as written in one go. `first`: the array's first element (no comma).
    public init(elementAt depth: Int, first: Bool) {
        self.depth = depth
        hasMember = Array(repeating: true, count: depth - 1) + [!first]
        bytes.reserveCapacity(1 << 14)
    }

    /// A writer inside open containers, outermost first, each saying whether it already holds a
    /// member: to close what another writer opened (`[true, true, false]`: an empty array in an
    /// object in an array).
    public init(open: [Bool]) {
        depth = open.count
        hasMember = open
        bytes.reserveCapacity(1 << 12)
    }

    /// The bytes written so far, handed over: the writer goes on with an empty buffer, so that a
    /// long document can be passed on in pieces.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes = []; bytes.reserveCapacity(1 << 14) }
        return bytes
    }

    /// Elements written by `init(elementAt:first:)` writers, into the array open now.
    public mutating func append(elements chunk: [UInt8]) {
        guard !chunk.isEmpty else { return }
        bytes.append(contentsOf: chunk)
        hasMember[hasMember.count - 1] = true
    }

    /// A line break and two spaces per open container.
    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    private mutating func beforeValue() {
        guard !hasMember.isEmpty else { return }
        if hasMember[hasMember.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
        newline()
    }

    private mutating func open(_ c: UInt8) {
        bytes.append(c)
        depth += 1
        hasMember.append(false)
    }

    private mutating func close(_ c: UInt8) {
        depth -= 1
        if hasMember.removeLast() { newline() }
        bytes.append(c)
    }

    public mutating func beginObject() { valuePrefix(); open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { valuePrefix(); open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key inside an object; the next value written is its value.
    public mutating func key(_ k: String) {
        beforeValue()
        writeString(k)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
        // The value follows on this line, without another separator.
        pendingKey = true
    }

    private var pendingKey = false

    private mutating func valuePrefix() {
        if pendingKey { pendingKey = false } else { beforeValue() }
    }

    public mutating func string(_ s: String) { valuePrefix(); writeString(s) }
    public mutating func raw(_ s: String) { valuePrefix(); bytes.append(contentsOf: s.utf8) }
    public mutating func bool(_ b: Bool) { raw(b ? "true" : "false") }
    public mutating func int(_ n: Int) { raw(String(n)) }
    public mutating func null() { raw("null") }

    public mutating func field(_ k: String, _ s: String) { key(k); string(s) }
    public mutating func field(_ k: String, _ n: Int) { key(k); int(n) }
    /// An amount as its two-decimal string ("-12.05"), written digit by digit: the same bytes as
    /// `string(m.decimalString)` without building the string (a statement has several per line).
    public mutating func field(_ k: String, _ m: Money) { key(k); money(m) }

    public mutating func money(_ m: Money) {
        valuePrefix()
        bytes.append(UInt8(ascii: "\""))
        if m.cents < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = m.cents.magnitude
        var euros = magnitude / 100
        let cents = magnitude % 100
        // The euro digits, most significant first, through a small stack buffer.
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(euros % 10)
                euros /= 10
                count += 1
            } while euros > 0
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(cents / 10))
        bytes.append(UInt8(ascii: "0") + UInt8(cents % 10))
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func beginObject(_ k: String) { key(k); beginObject() }
    public mutating func beginArray(_ k: String) { key(k); beginArray() }

    /// Writes a string literal; runs of bytes that need no escaping are copied in one go.
    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var run = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                escape(b)
                run = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ b: UInt8) {
        bytes.append(0x5C)
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(b)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                bytes.append(UInt8(ascii: "u")); bytes.append(0x30); bytes.append(0x30)
                bytes.append(digits[Int(b >> 4)]); bytes.append(digits[Int(b & 15)])
            }
        }
    }

    /// Finishes the document with a newline.
    public mutating func finish() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }
}
