import LEQCore
import LEQFormats
/// The store's hash chain: one entry for every record that is finalised data — a finalised
/// statement, a sign-off, a registered person — in the order they were written, store-wide.
///
/// An entry holds the digests of its record's parts (`content`) and the digest of the entry before
/// it; its own digest covers all of that. Changing, deleting or inserting any record, or any entry,
/// breaks either a part digest or the chain from that entry on. What the chain cannot show by
/// itself is a file rewritten whole and consistently: that is what the chain head kept outside the
/// store is for (`leq verify --head`, docs/store.md).
struct ChainEntry: Sendable, Equatable {
    enum Kind: String, Sendable {
        case statement
        case signOff = "sign-off"
        case person
        /// A payment file and the statements it paid.
        case payment
    }

    var seq: Int64
    var kind: Kind
    /// The record: a statement number, `NUMBER/certified`, `NUMBER/approved`, or a person's ID.
    var ref: String
    /// The digests of the record's parts, in order: `name=hex`, one per line.
    var content: String
    var previous: String
    var digest: String

    /// The previous digest of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    static func content(_ parts: [(name: String, digest: String)]) -> String {
        parts.map { "\($0.name)=\($0.digest)" }.joined(separator: "\n")
    }

    /// The parts' names and digests, in order.
    var parts: [(name: String, digest: String)] {
        content.split(separator: "\n").map { line in
            guard let eq = line.lastIndex(of: "=") else { return (String(line), "") }
            return (String(line[..<eq]), String(line[line.index(after: eq)...]))
        }
    }

    /// The digest recorded for one part, found without splitting the whole content.
    func part(_ name: String) -> String? {
        var utf8 = content.utf8[...]
        let key = Array(name.utf8) + [UInt8(ascii: "=")]
        while !utf8.isEmpty {
            let end = utf8.firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = utf8[utf8.startIndex..<end]
            if line.starts(with: key) { return String(decoding: line.dropFirst(key.count), as: UTF8.self) }
            utf8 = end == utf8.endIndex ? utf8[end...] : utf8[utf8.index(after: end)...]
        }
        return nil
    }

    /// The digest an entry must have, from its fields and its predecessor's digest.
    static func digest(seq: Int64, kind: Kind, ref: String, content: String, previous: String) -> String {
        var d = Canonical("leq-chain-1")
        d.add(seq)
        d.add(kind.rawValue)
        d.add(ref)
        d.add(content)
        d.add(previous)
        return d.hex()
    }

}

/// A digest over a sequence of fields, each written as its length in bytes, a colon and its
/// UTF-8 bytes, so that no two different sequences of fields give the same input to the hash.
struct Canonical {
    /// Written to the hash a stretch at a time: a month's lines are some 6 MB of fields, which
    /// were gathered whole before they were hashed.
    private var hash = SHA256()
    private var bytes: [UInt8] = []

    init(_ domain: String) {
        bytes.reserveCapacity(Self.stretch + 64)
        add(domain)
    }

    private static let stretch = 1 << 14

    mutating func add(_ text: String) {
        text.withUTF8InPlace { add(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Text as its UTF-8 bytes, e.g. a column as SQLite holds it (`addText(of:_:)`): the same
    /// bytes as `add(String)` for the text LEQ wrote, and any other bytes digested as they are.
    mutating func add(utf8: UnsafeRawBufferPointer) {
        appendDecimal(utf8.count)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: utf8)
        if bytes.count >= Self.stretch {
            hash.update(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// A number as its decimal digits, as text: the same bytes as `add(String(number))`, without
    /// the string.
    mutating func add(_ number: Int64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for "-9223372036854775808"
        withUnsafeMutableBytes(of: &digits) { buffer in
            var end = buffer.count, n = number.magnitude
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0
            if number < 0 {
                end -= 1
                buffer[end] = UInt8(ascii: "-")
            }
            add(utf8: UnsafeRawBufferPointer(rebasing: buffer[end...]))
        }
    }

    mutating func add(_ text: String?) {
        addPresence(text != nil)
        if let text { add(text) }
    }

    /// Whether an optional field is there: "+" before its value, "-" for none.
    private mutating func addPresence(_ present: Bool) { add(present ? "+" : "-") }

    private mutating func appendDecimal(_ n: Int) {
        if n >= 10 { appendDecimal(n / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
    }

    mutating func hex() -> String {
        hash.update(bytes)
        bytes.removeAll()
        return SHA256.hexString(hash.finish())
    }
}

extension Canonical {
    /// A text column of a row as stored: the same bytes as `add(row.text(i))` for the text LEQ
    /// wrote. Every digest of the store reads its text so: read as a C string, a text ended at
    /// its first NUL, and bytes put after one digested as if they were not there.
    mutating func addText(of row: Database.Row, _ i: Int32) { row.withText(i) { add(utf8: $0) } }

    /// The same bytes as `add(row.optionalText(i))` for the text LEQ wrote.
    mutating func addOptionalText(of row: Database.Row, _ i: Int32) {
        addPresence(!row.isNull(i))
        if !row.isNull(i) { addText(of: row, i) }
    }
}

extension SHA256 {
    static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One thing that does not verify, said for a person: what (a statement number, a sign-off, the
/// chain) and how it differs from what was written.
public struct StoreFinding: Sendable, Equatable, CustomStringConvertible {
    public var subject: Message
    public var what: Message

    public init(_ subject: Message, _ what: Message) {
        self.subject = subject
        self.what = what
    }

    /// "KRR-2026-03: Zeilen stimmen nicht mit der Kette überein — …" in a language.
    public func text(_ language: Language) -> String { "\(subject.text(language)): \(what.text(language))" }

    /// In German, the default language.
    public var description: String { text(.de) }
}
