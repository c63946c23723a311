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
    }

    var seq: Int64
    var kind: Kind
    /// The record: a statement number, `NUMBER/certified`, `NUMBER/approved`, or a person's ID.
    var ref: String
    /// The digests of the record's parts, in order: `name=hex`, one per line.
    var parts: [(name: String, digest: String)]
    var previous: String
    var digest: String

    static func == (a: ChainEntry, b: ChainEntry) -> Bool {
        a.seq == b.seq && a.kind == b.kind && a.ref == b.ref && a.content == b.content && a.previous == b.previous && a.digest == b.digest
    }

    /// The previous digest of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    var content: String { parts.map { "\($0.name)=\($0.digest)" }.joined(separator: "\n") }

    static func parts(_ content: String) -> [(name: String, digest: String)] {
        content.split(separator: "\n").map { line in
            guard let eq = line.lastIndex(of: "=") else { return (String(line), "") }
            return (String(line[..<eq]), String(line[line.index(after: eq)...]))
        }
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

    func part(_ name: String) -> String? { parts.first { $0.name == name }?.digest }
}

/// A digest over a sequence of fields, each written as its length in bytes, a colon and its
/// UTF-8 bytes, so that no two different sequences of fields give the same input to the hash.
struct Canonical {
    private var hash = SHA256()

    init(_ domain: String) { add(domain) }

    mutating func add(_ text: String) {
        let bytes = Array(text.utf8)
        hash.update(Array("\(bytes.count):".utf8))
        hash.update(bytes)
    }

    mutating func add(_ number: Int64) { add(String(number)) }

    mutating func add(_ text: String?) {
        if let text {
            add("+")
            add(text)
        } else {
            add("-")
        }
    }

    mutating func hex() -> String { SHA256.hexString(hash.finish()) }
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
    public var subject: String
    public var what: String

    public init(_ subject: String, _ what: String) {
        self.subject = subject
        self.what = what
    }

    public var description: String { "\(subject): \(what)" }
}
