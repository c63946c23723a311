/// One problem with an input file, with the place it was found (SPEC § 19).
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Where in the file: a JSON path such as `cases[17].categories[2].from`, or `line 3, column 7`.
    public var place: String
    /// What is wrong, and what was expected.
    public var message: Message

    public init(file: String, place: String, message: Message) {
        self.file = file
        self.place = place
        self.message = message
    }

    /// `cases.json: cases[17].categories[2].from: not a date ...`; control characters in any part
    /// (a value copied with a tab or a line break, an escape sequence) are shown escaped, so that a
    /// message is always one readable line and cannot move the terminal's cursor.
    public var description: String { text(.en) }

    /// The diagnostic in a language; the file and the place (a JSON path) stay as they are.
    public func text(_ language: Language) -> String {
        let message = message.text(language)
        // A place in a CSV file is "line 3, column 7"; a JSON path stays as it is.
        var place = place
        if language == .de, place.hasPrefix("line ") {
            place = "Zeile " + place.dropFirst(5).replacingOccurrences(", column ", with: ", Spalte ")
        }
        let text = place.isEmpty ? "\(file): \(message)" : "\(file): \(place): \(message)"
        return Diagnostic.escapingControls(text)
    }

    /// `\n`, `\t`, `\r` as such; other control and invisible direction characters as `\u{…}`.
    public static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where isHidden(scalar): out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isHidden(_ s: Unicode.Scalar) -> Bool {
        s.isControlCharacter || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
            || s.value == 0xFEFF || s.value == 0x200B
    }
}

extension Unicode.Scalar {
    /// A control character (C0, DEL or C1): never part of a line of printable text.
    var isControlCharacter: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}

/// Bad input: every problem found, not just the first. The command line exits with status 2.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension StringProtocol {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
