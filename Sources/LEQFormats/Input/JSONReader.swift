import LEQCore

/// Walks a parsed JSON document, turning values into domain values and collecting a
/// diagnostic with file and JSON path for everything that is wrong, so that a user sees all
/// errors at once.
final class JSONReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func error(_ path: String, _ message: Message) {
        diagnostics.append(Diagnostic(file: file, place: path, message: message))
    }

    func error(_ path: JSONPath, _ message: Message) { error(path.description, message) }

    /// Parses the bytes; a syntax error is reported with line and column and gives nil.
    func parse(_ bytes: [UInt8]) -> JSONValue? {
        do {
            let (value, duplicates) = try JSONParser.parse(bytes)
            for path in duplicates { error(path, "this key appears more than once in its object") }
            return value
        } catch {
            diagnostics.append(Diagnostic(file: file, place: "line \(error.line), column \(error.column)",
                                          message: "not valid JSON: \(error.message)"))
            return nil
        }
    }

    /// The members of an object at `path`, with unknown keys reported; nil if it is no object.
    func object(_ value: JSONValue, at path: String, keys allowed: [String]) -> ObjectReader? {
        object(value, at: JSONPath(path), keys: allowed)
    }

    func object(_ value: JSONValue, at path: JSONPath, keys allowed: [String]) -> ObjectReader? {
        guard case let .object(members) = value else {
            error(path, "expected an object, found \(value.kindName)")
            return nil
        }
        // Keys of different lengths told apart without comparing them (every member is looked up).
        for member in members where !allowed.contains(where: { member.hasKey($0) }) {
            error(join(path.description, member.key), "unknown field '\(member.key)'; expected one of: \(allowed.joined(separator: ", "))")
        }
        return ObjectReader(reader: self, location: path, members: members)
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
}

/// Where a value is in its document: a path, a key of an object at another place, or an element
/// of an array at one of those. Spelt out only when a message needs it (a case file of a million
/// cases has millions of places, almost all of them never named; spelling out each array's and
/// object's place as it was read cost a tenth of the reading).
struct JSONPath: CustomStringConvertible {
    private let base: Base
    /// The index in the array at `base`; -1: `base` is the whole path.
    let index: Int

    private enum Base {
        case text(String)
        case key(KeyOf)
    }

    /// A key of the object at `parent`.
    private final class KeyOf {
        let parent: JSONPath
        let key: String
        init(_ parent: JSONPath, _ key: String) {
            self.parent = parent
            self.key = key
        }
    }

    init(_ path: String) { base = .text(path); index = -1 }
    init(array: String, index: Int) { base = .text(array); self.index = index }
    private init(base: Base, index: Int) {
        self.base = base
        self.index = index
    }

    /// The place of `key` in the object here.
    func key(_ key: String) -> JSONPath { JSONPath(base: .key(KeyOf(self, key)), index: -1) }

    /// The place of the element `index` of the array here.
    func element(_ index: Int) -> JSONPath {
        precondition(self.index < 0)  // an element of an element is not read by key
        return JSONPath(base: base, index: index)
    }

    var description: String {
        let text: String
        switch base {
        case let .text(t): text = t
        case let .key(k):
            let parent = k.parent.description
            text = parent.isEmpty ? k.key : parent + "." + k.key
        }
        return index < 0 ? text : "\(text)[\(index)]"
    }
}

/// One element of an array, with its place.
struct JSONItem {
    let value: JSONValue
    let path: JSONPath
}

/// The fields of one JSON object, read with their paths.
struct ObjectReader {
    let reader: JSONReader
    let location: JSONPath
    let members: [JSONMember]

    var path: String { location.description }

    func at(_ key: String) -> String { reader.join(path, key) }

    /// The value of `key`; when `required` and missing, an error.
    func value(_ key: String, required: Bool) -> JSONValue? {
        if let found = members.first(where: { $0.hasKey(key) })?.value {
            if case .null = found, !required { return nil }
            return found
        }
        if required { reader.error(path.isEmpty ? key : path, path.isEmpty ? "missing required field '\(key)'" : "missing required field '\(key)'") }
        return nil
    }

    func string(_ key: String, required: Bool = true, nonEmpty: Bool = true) -> String? {
        guard let v = value(key, required: required) else { return nil }
        guard case let .string(s) = v else {
            reader.error(at(key), "expected a string, found \(v.kindName)")
            return nil
        }
        if nonEmpty && s.isBlank {
            reader.error(at(key), "must not be empty")
            return nil
        }
        if let refused = Self.controlCharacter(in: s) {
            reader.error(at(key), refused)
            return nil
        }
        return s
    }

    /// Every text an input gives is one line of printable text: a name, a number, a reference.
    /// A control character (a line break, a tab, U+0000) went through to statements, tables and
    /// the store as it was: printed raw, it broke a line of a statement; stored, SQLite ended the
    /// text at a U+0000. Nil when there is none; else what to say.
    static func controlCharacter(in s: String) -> Message? {
        guard let control = s.unicodeScalars.first(where: \.isControlCharacter) else { return nil }
        let code = String(control.value, radix: 16, uppercase: true)
        return "contains a control character (U+\(String(repeating: "0", count: 4 - code.count) + code)); expected one line of printable text"
    }

    func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let v = value(key, required: required) else { return nil }
        guard case let .bool(b) = v else {
            reader.error(at(key), "expected true or false, found \(v.kindName)")
            return nil
        }
        return b
    }

    func int(_ key: String, required: Bool = false, range: ClosedRange<Int>) -> Int? {
        guard let v = value(key, required: required) else { return nil }
        guard case let .number(text) = v, let n = Int(text) else {
            reader.error(at(key), "expected a whole number, found \(v.kindName)")
            return nil
        }
        guard range.contains(n) else {
            reader.error(at(key), "\(n) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return n
    }

    func date(_ key: String, required: Bool = true) -> CivilDate? {
        guard let s = string(key, required: required) else { return nil }
        guard let d = CivilDate(iso: s) else {
            reader.error(at(key), "'\(s)' is not a date that exists; expected YYYY-MM-DD, e.g. 2026-03-17")
            return nil
        }
        return d
    }

    /// An amount as a decimal string with at most two decimals, never a JSON number, of at most
    /// `largest` either way.
    func money(_ key: String, required: Bool = true, allowNegative: Bool = false, largest: Money = Money.largestInput) -> Money? {
        guard let v = value(key, required: required) else { return nil }
        guard case let .string(s) = v else {
            if case let .number(n) = v {
                reader.error(at(key), "amounts are written as strings, e.g. \"\(n)\", never as JSON numbers")
            } else {
                reader.error(at(key), "expected an amount as a string such as \"1960.00\", found \(v.kindName)")
            }
            return nil
        }
        guard let m = Money(decimal: s) else {
            if let d = ExactDecimal(s), d.scale > 2 {
                reader.error(at(key), "'\(s)' has more than two decimals; amounts are in euros and cents")
            } else {
                reader.error(at(key), "'\(s)' is not an amount; expected e.g. \"1960.00\"")
            }
            return nil
        }
        if m.isNegative && !allowNegative {
            reader.error(at(key), "'\(s)' is negative; expected an amount of zero or more")
            return nil
        }
        if m.cents.magnitude > largest.cents.magnitude {
            reader.error(at(key), "'\(s)' is more than LEQ takes as an amount (at most \(largest.decimalString))")
            return nil
        }
        return m
    }

    /// An exact decimal as a string (or a plain JSON number), e.g. "2.35" or "0.375".
    func decimal(_ key: String, required: Bool = true) -> ExactDecimal? {
        guard let v = value(key, required: required) else { return nil }
        let text: String
        switch v {
        case let .string(s): text = s
        case let .number(n): text = n
        default:
            reader.error(at(key), "expected a decimal number such as \"2.35\", found \(v.kindName)")
            return nil
        }
        guard let d = ExactDecimal(text) else {
            let parts = (text.hasPrefix("-") ? text.dropFirst() : Substring(text)).split(separator: ".", omittingEmptySubsequences: false)
            let plain = (1...2).contains(parts.count) && !parts[0].isEmpty && parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
                && (parts.count == 1 || !parts[1].isEmpty)
            if plain && parts.count == 2 && parts[1].count > 12 {
                reader.error(at(key), "'\(text)' has too many decimals (\(parts[1].count)); at most 12, e.g. \"0.375\"")
            } else if plain {
                reader.error(at(key), "'\(text)' has too many digits; expected a number such as \"2.35\"")
            } else {
                reader.error(at(key), "'\(text)' is not a decimal number; expected e.g. \"2.35\" (a dot, no exponent)")
            }
            return nil
        }
        return d
    }

    func array(_ key: String, required: Bool = true) -> [JSONItem]? {
        guard let v = value(key, required: required) else { return nil }
        guard case let .array(items) = v else {
            reader.error(at(key), "expected an array, found \(v.kindName)")
            return nil
        }
        if items.isEmpty { return [] }
        let owner = location.key(key)
        return items.enumerated().map { JSONItem(value: $0.element, path: owner.element($0.offset)) }
    }

    func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let items = array(key, required: required) else { return nil }
        var out: [String] = []
        var ok = true
        for item in items {
            if case let .string(s) = item.value {
                if let refused = Self.controlCharacter(in: s) {
                    reader.error(item.path, refused)
                    ok = false
                }
                out.append(s)
            } else {
                reader.error(item.path, "expected a string, found \(item.value.kindName)")
                ok = false
            }
        }
        return ok ? out : nil
    }

    func object(_ key: String, required: Bool = true, keys: [String]) -> ObjectReader? {
        guard let v = value(key, required: required) else { return nil }
        return reader.object(v, at: location.key(key), keys: keys)
    }

    /// A string that must be one of `choices` (an enumeration's raw values).
    func choice<T: RawRepresentable>(_ key: String, required: Bool = true, _ type: T.Type, choices: [T]) -> T?
    where T.RawValue == String {
        guard let s = string(key, required: required) else { return nil }
        guard let value = T(rawValue: s) else {
            reader.error(at(key), "'\(s)' is not known; expected one of: \(choices.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }
}

extension String {
    /// Empty or only white space. Most values start with a visible ASCII character: no need to
    /// look at the characters one by one then.
    var isBlank: Bool {
        if let first = utf8.first, first > 0x20 && first < 0x7F { return false }
        return trimmingSpaces.isEmpty
    }

    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
