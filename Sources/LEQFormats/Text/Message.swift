/// A text a person reads — a message, an error, a help line — in the language of the run.
///
/// Written in code as an English string literal with interpolations: `"'\(text)' is not a date"`
/// becomes the template `'{1}' is not a date` with the argument `text`. The template is the key
/// of the German catalogue (`Catalogue.german`); English is the template itself. A test scans the
/// sources and fails when a template has no German text, or the catalogue holds one nobody uses.
public struct Message: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// One value put into a template: plain text, or a message translated with its parent.
    public enum Argument: Sendable, Equatable {
        case text(String)
        case message(Message)
    }

    /// The English text with `{1}`, `{2}`, … where the arguments go.
    public let template: String
    public let arguments: [Argument]
    /// False for text that is not ours to translate (a system error, a name from a file).
    public let translatable: Bool

    public init(stringLiteral value: String) {
        template = value
        arguments = []
        translatable = true
    }

    public init(stringInterpolation: Interpolation) {
        template = stringInterpolation.template
        arguments = stringInterpolation.arguments
        translatable = true
    }

    /// Text shown as it is, in every language.
    public init(verbatim text: String) {
        template = text
        arguments = []
        translatable = false
    }

    public struct Interpolation: StringInterpolationProtocol {
        var template = ""
        var arguments: [Argument] = []

        public init(literalCapacity: Int, interpolationCount: Int) { template.reserveCapacity(literalCapacity + 4 * interpolationCount) }
        public mutating func appendLiteral(_ literal: String) { template += literal }
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            arguments.append(.text(value.description))
            template += "{\(arguments.count)}"
        }
        /// A message inside a message is translated with it.
        public mutating func appendInterpolation(_ message: Message) {
            arguments.append(.message(message))
            template += "{\(arguments.count)}"
        }
    }

    /// The text in a language: the catalogue's template with the arguments put in.
    public func text(_ language: Language) -> String {
        let chosen = translatable && language == .de ? (Catalogue.german[template] ?? template) : template
        guard !arguments.isEmpty else { return chosen }
        return Message.fill(chosen, arguments.map {
            switch $0 {
            case let .text(t): return t
            case let .message(m): return m.text(language)
            }
        })
    }

    public var description: String { text(.en) }

    static func fill(_ template: String, _ arguments: [String]) -> String {
        var out = ""
        var chars = template[...]
        while let open = chars.firstIndex(of: "{") {
            out += chars[..<open]
            let rest = chars[chars.index(after: open)...]
            if let close = rest.firstIndex(of: "}"), let n = Int(rest[..<close]), n >= 1, n <= arguments.count {
                out += arguments[n - 1]
                chars = rest[rest.index(after: close)...]
            } else {
                out += "{"
                chars = rest
            }
        }
        return out + chars
    }
}
