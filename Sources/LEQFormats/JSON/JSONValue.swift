/// A parsed JSON value. Objects keep their keys in file order (duplicates are reported by the
/// parser), numbers keep their text so that nothing passes through floating point.
/// Not `indirect`: the arrays hold the nesting, so a string or a number is not boxed on its own
/// (one allocation less per value, on files of a million cases).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number exactly as written, e.g. `42` or `2.35`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x == y
        default: return false
        }
    }

    /// What a reader calls this kind of value in an error message.
    public var kindName: Message {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { return members.first { $0.key == key }?.value }
        return nil
    }
}

/// One member of an object: its key and value (a struct, not a tuple: no tuple metadata to look
/// up at run time for every member).
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
    /// Whether the member's key is `key`. Keys of different lengths are told apart without
    /// comparing them (an object's keys are looked up by scanning them: most differ in length).
    @inline(__always) public func hasKey(_ key: String) -> Bool { self.key.utf8.count == key.utf8.count && self.key == key }

    /// Key and value as a tuple, for `for (key, value) in members.map(\.pair)`.
    public var pair: (key: String, value: JSONValue) { (key, value) }
}

/// A syntax error in a JSON text, at a line and column (both from 1).
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: Message
}

/// A small, strict JSON parser (RFC 8259) over UTF-8 bytes.
public struct JSONParser {
    /// The document's bytes, read through a pointer for the length of one parse: through the
    /// array, every byte read was checked against its bounds (the parser reads each byte once or
    /// twice; that was a third of its work).
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    /// Duplicate keys found while parsing, with their JSON path: reported as input errors.
    public private(set) var duplicateKeys: [String] = []

    /// Where the text ends: the document's end, or the end of one value inside it.
    private let end: Int
    /// Short plain strings made before, by the same piece of work (nil: each made afresh).
    private var smallStrings: SmallStrings?

    private init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.bytes = bytes
        i = range.lowerBound
        end = range.upperBound
    }

    /// Parses one value at `range` of a document (an element found by `elements(ofArray:in:)`),
    /// nothing but white space around it; `path` is where it sits, for duplicate keys.
    public static func parseValue(_ bytes: [UInt8], range: Range<Int>, path: [PathStep]) throws(JSONSyntaxError) -> (value: JSONValue, duplicateKeys: [String]) {
        try parseValue(bytes, range: range, path: path, strings: nil)
    }

    /// The same, taking short plain strings from `strings` where they were made before (a table
    /// per piece of work, never shared between threads); `path` nil: duplicate keys are given
    /// by their names only, not their places.
    static func parseValue(_ bytes: [UInt8], range: Range<Int>, path: [PathStep]?, strings: SmallStrings?)
        throws(JSONSyntaxError) -> (value: JSONValue, duplicateKeys: [String]) {
        try bytes.withUnsafeBufferPointer { (b) throws(JSONSyntaxError) in
            var parser = JSONParser(b, range: range)
            parser.smallStrings = strings
            parser.steps = path ?? []
            parser.tracksPlaces = path != nil
            let value = try parser.value()
            parser.skipSpace()
            if parser.i < parser.end { throw parser.error("unexpected text after the end of the document") }
            return (value, parser.duplicateKeys)
        }
    }

    /// The elements of the array that is the value of `key` in the document's top object, as
    /// byte ranges, found by a scan that builds no values — so that the elements can be parsed
    /// and read one by one, on several cores, without the whole document as a tree. Nil when
    /// the document does not look like that (the caller then parses it whole, which finds and
    /// names what is wrong).
    public static func elements(ofArray key: String, in bytes: [UInt8]) -> (array: Range<Int>, elements: [Range<Int>])? {
        bytes.withUnsafeBufferPointer { b -> (array: Range<Int>, elements: [Range<Int>])? in
            var scan = RawScan(b, from: b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, to: b.count)
            let wanted = Array(key.utf8)
            scan.skipSpace()
            guard scan.take(UInt8(ascii: "{")) else { return nil }
            while true {
                guard let isWanted = scan.key(is: wanted) else { return nil }
                if isWanted {
                    guard scan.at(UInt8(ascii: "[")) else { return nil }
                    let open = scan.i
                    // A large array on two cores, joined where the halves meet; else on one.
                    if b.count - open >= ElementScan.parallelFrom, let found = ElementScan.elements(b, open: open) { return found }
                    guard let whole = ElementScan.FromStart(b, open: open), let closed = whole.closed else { return nil }
                    return (open..<closed, whole.elements)
                }
                guard scan.skipValue() else { return nil }
                scan.skipSpace()
                guard scan.take(UInt8(ascii: ",")) else { return nil }
            }
        }
    }

    /// The values of the members `first` and `second` of the object written at `range`, read
    /// straight from the bytes (its own members; nested objects are skipped, and so is all after
    /// both are found); nil unless both are there as strings written plainly (no escapes). A hint
    /// for ordering work before parsing, never a reading: the object is still parsed and checked
    /// as any other (a key given twice, for one, is found then).
    public static func memberStrings(_ first: String, _ second: String, ofObjectAt range: Range<Int>,
                                     in b: UnsafeBufferPointer<UInt8>) -> (String, String)? {
        var scan = RawScan(b, from: range.lowerBound, to: range.upperBound)
        let keys = [Array(first.utf8), Array(second.utf8)]
        var found: [Range<Int>?] = [nil, nil]
        scan.skipSpace()
        guard scan.take(UInt8(ascii: "{")) else { return nil }
        while true {
            guard let k = scan.key(among: keys) else { return nil }
            if let k {
                guard found[k] == nil, scan.at(UInt8(ascii: "\"")) else { return nil }
                let start = scan.i + 1
                guard scan.skipString(), !b[start..<(scan.i - 1)].contains(UInt8(ascii: "\\")) else { return nil }
                found[k] = start..<(scan.i - 1)
                if let a = found[0], let c = found[1] {
                    return (String(decoding: UnsafeBufferPointer(rebasing: b[a]), as: UTF8.self),
                            String(decoding: UnsafeBufferPointer(rebasing: b[c]), as: UTF8.self))
                }
            } else {
                guard scan.skipValue() else { return nil }
            }
            scan.skipSpace()
            guard scan.take(UInt8(ascii: ",")) else { return nil }
        }
    }

    /// Whether `byte` is one of `"{}[]`, the bytes that matter while skipping a container.
    @inline(__always) static func isStructural(_ byte: UInt8) -> Bool {
        let low: UInt64 = 1 << 34  // "
        let high: UInt64 = 1 << (91 - 64) | 1 << (93 - 64) | 1 << (123 - 64) | 1 << (125 - 64)  // [ ] { }
        return byte < 64 ? (low >> UInt64(byte)) & 1 != 0 : byte < 128 && (high >> UInt64(byte - 64)) & 1 != 0
    }

    /// Parses a whole document: one value, with nothing but white space after it.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> (value: JSONValue, duplicateKeys: [String]) {
        try bytes.withUnsafeBufferPointer { (b) throws(JSONSyntaxError) in
            var parser = JSONParser(b, range: 0..<b.count)
            // A UTF-8 byte order mark is tolerated: editors on Windows write one.
            if b.starts(with: [0xEF, 0xBB, 0xBF]) { parser.i = 3 }
            let value = try parser.value()
            parser.skipSpace()
            if parser.i < b.count { throw parser.error("unexpected text after the end of the document") }
            return (value, parser.duplicateKeys)
        }
    }

    private func error(_ message: Message) -> JSONSyntaxError {
        var line = 1, column = 1
        for b in UnsafeBufferPointer(rebasing: bytes[0..<min(i, bytes.count)]) {
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    private mutating func skipSpace() {
        while i < end {
            let b = bytes[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    /// Where the parser is, as keys and indexes: turned into a JSON path only for a duplicate key.
    public enum PathStep: Sendable {
        case key(String)
        case index(Int)
    }
    private var steps: [PathStep] = []
    /// False: the place of a duplicate key is not needed, only whether there is one (the case
    /// file read in parts gives up at the first and reads the file whole, which names it). Keeping
    /// the place of every value as it was parsed was some 5 % of parsing.
    private var tracksPlaces = true

    private func pathText(_ last: String) -> String {
        var out = ""
        for step in steps {
            switch step {
            case let .key(k): out += out.isEmpty ? k : "." + k
            case let .index(n): out += "[\(n)]"
            }
        }
        return out.isEmpty ? last : out + "." + last
    }

    private mutating func value(depth: Int = 0) throws(JSONSyntaxError) -> JSONValue {
        if depth > 200 { throw error("nesting too deep") }
        skipSpace()
        guard i < end else { throw error("unexpected end of the document; expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [JSONMember] = []
            skipSpace()
            if i < end, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            // Room for a case's fields at once: grown one by one, a case's object was allocated
            // and copied four times over. The objects inside it hold a few members each.
            members.reserveCapacity(depth == 0 ? 16 : 4)
            while true {
                skipSpace()
                guard i < end, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
                let key = try string()
                skipSpace()
                guard i < end, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
                i += 1
                if tracksPlaces { steps.append(.key(key)) }
                let v = try value(depth: depth + 1)
                if tracksPlaces { steps.removeLast() }
                // Objects are small: a look back over the keys so far is cheaper than a set.
                if members.contains(where: { $0.hasKey(key) }) { duplicateKeys.append(tracksPlaces ? pathText(key) : key) }
                members.append(JSONMember(key, v))
                skipSpace()
                guard i < end else { throw error("unexpected end of the document inside an object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                throw error("expected ',' or '}' in an object")
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if i < end, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            items.reserveCapacity(16)  // a case's monthly hours are a dozen or two: grown from four, copied three times
            while true {
                if tracksPlaces { steps.append(.index(items.count)) }
                items.append(try value(depth: depth + 1))
                if tracksPlaces { steps.removeLast() }
                skipSpace()
                guard i < end else { throw error("unexpected end of the document inside an array") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw error("expected ',' or ']' in an array")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        default:
            throw error("unexpected character; expected a value")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let w = Array(word.utf8)
        guard i + w.count <= end, bytes[i..<(i + w.count)].elementsEqual(w) else { throw error("unexpected word; expected a value") }
        i += w.count
    }

    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = i
        func digits() -> Int {
            let s = i
            while i < end, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        guard digits() > 0 else { throw error("malformed number") }
        if bytes[intStart] == UInt8(ascii: "0"), i - intStart > 1 {
            i = intStart
            throw error("malformed number: leading zero")
        }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw error("malformed number: no digits after the decimal point") }
        }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw error("malformed number: no digits in the exponent") }
        }
        return text(start..<i)
    }

    /// The plain ASCII bytes at `range` as a string: one made before by this piece of work where
    /// there is one (`smallStrings`), else made now.
    private func text(_ range: Range<Int>) -> String {
        if let smallStrings {
            return smallStrings.string(bytes.baseAddress! + range.lowerBound, count: range.count, wide: range.lowerBound + 16 <= bytes.count)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        i += 1  // opening quote
        // The common case: plain ASCII up to the closing quote, no escape, taken as it is.
        let start = i
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return text(start..<(i - 1))
            }
            if b < 0x20 || b >= 0x80 || b == UInt8(ascii: "\\") { break }
            i += 1
        }
        i = start
        var out: [UInt8] = []
        while true {
            guard i < end else { throw error("unterminated string") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 { throw error("control character in a string; write it escaped") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < end else { throw error("unterminated escape") }
            switch bytes[i] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 2 < end, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u") else {
                        throw error("lone surrogate in \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw error("unknown escape")
            }
            i += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw error("string is not valid UTF-8") }
        return s
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 < end else { throw error("short \\u escape") }
        var v: UInt32 = 0
        for k in 1...4 {
            let c = bytes[i + k]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("bad hex digit in \\u escape")
            }
            v = v * 16 + d
        }
        i += 4
        return v
    }
}

/// A walk over JSON text that builds no values: skips whitespace, strings and whole values, and
/// reads keys, so that a document's parts can be found before (and without) parsing it.
struct RawScan {
    let b: UnsafeBufferPointer<UInt8>
    var i: Int
    let n: Int

    init(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        self.b = b
        i = from
        n = to
    }

    /// Whether the next byte is `byte`.
    @inline(__always) func at(_ byte: UInt8) -> Bool { i < n && b[i] == byte }

    /// Steps over `byte` if it is next.
    @inline(__always) mutating func take(_ byte: UInt8) -> Bool {
        guard at(byte) else { return false }
        i += 1
        return true
    }

    mutating func skipSpace() {
        while i < n, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    /// Skips the string starting at `i` (its opening quote); false if the text ends inside it.
    mutating func skipString() -> Bool {
        i += 1
        while i < n {
            let c = b[i]
            if c > UInt8(ascii: "\\") || (c != UInt8(ascii: "\\") && c != UInt8(ascii: "\"")) { i += 1; continue }
            if c == UInt8(ascii: "\\") { i += 2; continue }
            i += 1
            return true
        }
        return false
    }

    /// Skips one value; false if the text ends inside it.
    mutating func skipValue() -> Bool {
        guard i < n else { return false }
        switch b[i] {
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < n {
                // Most bytes are none of `"{}[]`: told by one look at a mask.
                if !JSONParser.isStructural(b[i]) {
                    i += 1
                    continue
                }
                switch b[i] {
                case UInt8(ascii: "\""): if !skipString() { return false }; continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { i += 1; return true }
                default: break
                }
                i += 1
            }
            return false
        default:
            while i < n, b[i] != UInt8(ascii: ","), b[i] != UInt8(ascii: "}"), b[i] != UInt8(ascii: "]"),
                  b[i] != 0x20, b[i] != 0x0A, b[i] != 0x0D, b[i] != 0x09 { i += 1 }
            return true
        }
    }

    /// Reads a member's key and the colon after it (leading whitespace included): which of
    /// `keys` it is (nil inside: another key); nil when no key is there.
    mutating func key(among keys: [[UInt8]]) -> Int?? {
        skipSpace()
        guard at(UInt8(ascii: "\"")) else { return nil }
        let start = i + 1
        guard skipString() else { return nil }
        let length = i - 1 - start
        let which = keys.firstIndex { k in k.count == length && k.withUnsafeBufferPointer { w in (0..<length).allSatisfy { b[start + $0] == w[$0] } } }
        skipSpace()
        guard take(UInt8(ascii: ":")) else { return nil }
        skipSpace()
        return .some(which)
    }

    /// Reads a member's key and the colon after it: whether it is `wanted`; nil when no key is there.
    mutating func key(is wanted: [UInt8]) -> Bool? {
        key(among: [wanted]).map { $0 != nil }
    }
}
