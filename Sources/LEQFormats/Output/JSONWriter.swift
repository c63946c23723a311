/// Writes pretty-printed JSON straight into bytes, with keys in the order they are written, so
/// that the same statement always gives the same bytes.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Per open container: whether it already holds a member.
    private var hasMember: [Bool] = []

    public init() { bytes.reserveCapacity(1 << 16) }

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
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

    public mutating func beginObject(_ k: String) { key(k); beginObject() }
    public mutating func beginArray(_ k: String) { key(k); beginArray() }

    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Finishes the document with a newline.
    public mutating func finish() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }
}
