import Foundation
import LEQFormats

/// One option of a command, declared once: it drives parsing and `--help` alike.
public struct OptionSpec: Sendable {
    public var name: String
    /// The value's placeholder (`FILE`), or nil for a flag.
    public var value: String?
    /// Takes one or more values (`--agreement A.json B.json`).
    public var multiple: Bool = false
    public var required: Bool = false
    public var help: Message

    public init(_ name: String, value: String? = nil, multiple: Bool = false, required: Bool = false, help: Message) {
        self.name = name
        self.value = value
        self.multiple = multiple
        self.required = required
        self.help = help
    }
}

/// A usage error: the words of the call are off. Exit status 2.
public struct UsageError: Error, Equatable, Sendable {
    public var message: Message
    public init(_ message: Message) { self.message = message }
}

/// The options given to a command, by name (without the dashes).
public struct ParsedOptions: Equatable, Sendable {
    public var values: [String: [String]] = [:]
    public var positional: [String] = []
    public var help = false

    public func value(_ name: String) -> String? { values[name]?.last }
    public func all(_ name: String) -> [String] { values[name] ?? [] }
    public func flag(_ name: String) -> Bool { values[name] != nil }
}

/// Parses arguments against a command's options: a pure function, tested in-process.
/// `--name value`, `--name=value`, several values after a `multiple` option, `--help`/`-h`.
public func parseOptions(_ args: [String], _ specs: [OptionSpec], positional: Int = 0) -> Result<ParsedOptions, UsageError> {
    var parsed = ParsedOptions()
    var i = 0
    while i < args.count {
        let arg = args[i]
        i += 1
        if arg == "--help" || arg == "-h" {
            parsed.help = true
            continue
        }
        guard arg.hasPrefix("--") else {
            if parsed.positional.count < positional {
                parsed.positional.append(arg)
                continue
            }
            return .failure(UsageError("unexpected argument '\(arg)'"))
        }
        var name = String(arg.dropFirst(2))
        var inline: String?
        if let eq = name.firstIndex(of: "=") {
            inline = String(name[name.index(after: eq)...])
            name = String(name[..<eq])
        }
        guard let spec = specs.first(where: { $0.name == name }) else {
            let known = specs.map { "--" + $0.name }.joined(separator: ", ")
            return .failure(UsageError("unknown option '--\(name)'; this command takes: \(known)"))
        }
        guard spec.value != nil else {
            if inline != nil { return .failure(UsageError("option '--\(name)' takes no value")) }
            parsed.values[name, default: []].append("")
            continue
        }
        var values: [String] = []
        if let inline { values.append(inline) }
        while i < args.count, !args[i].hasPrefix("--"), values.isEmpty || spec.multiple {
            values.append(args[i])
            i += 1
        }
        guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
            return .failure(UsageError("option '--\(name)' needs a value (\(spec.value!))"))
        }
        if !spec.multiple, parsed.values[name] != nil {
            return .failure(UsageError("option '--\(name)' is given twice"))
        }
        parsed.values[name, default: []] += values
    }
    if !parsed.help {
        for spec in specs where spec.required && parsed.values[spec.name] == nil {
            return .failure(UsageError("missing option '--\(spec.name) \(spec.value ?? "")'"))
        }
    }
    return .success(parsed)
}

/// The `--help` text of a command, from its option table, in a language.
public func helpText(command: String, usage: String, summary: Message, options: [OptionSpec], details: Message = "",
                     language: Language = .de) -> String {
    let usageLine: Message = "Usage: leq \(command) \(Message(verbatim: placeholders(usage, language)))"
    var lines = [usageLine.text(language), "", summary.text(language), "", Message("Options:").text(language)]
    let labels = options.map { "--" + $0.name + ($0.value.map { " " + placeholders($0, language) } ?? "") }
    let width = max(labels.map(\.count).max() ?? 0, "-h, --help".count)
    let required = Message(" (required)").text(language)
    for (spec, label) in zip(options, labels) {
        let pad = String(repeating: " ", count: width - label.count)
        lines.append("  \(label)\(pad)  \(spec.help.text(language))\(spec.required ? required : "")")
    }
    lines.append("  -h, --help" + String(repeating: " ", count: width - 10) + "  " + Message("Show this help.").text(language))
    let details = details.text(language)
    if !details.isEmpty { lines += ["", details] }
    return lines.joined(separator: "\n") + "\n"
}

/// The placeholders of a usage line in the language: FILE → DATEI, YYYY-MM → JJJJ-MM, …
func placeholders(_ text: String, _ language: Language) -> String {
    guard language == .de else { return text }
    let words: [(String, String)] = [("YYYY-MM-DD", "JJJJ-MM-TT"), ("YYYY-MM", "JJJJ-MM"), ("YYYY-Qn", "JJJJ-Qn"), ("YYYY", "JJJJ"),
                                     ("FILE", "DATEI"), ("PATH", "PFAD"), ("LANG", "SPRACHE"), ("NUMBER", "NUMMER"), ("DIGEST", "PRÜFSUMME"),
                                     ("FOLDER", "ORDNER"), ("COMMAND", "BEFEHL"), ("OPTIONS", "OPTIONEN")]
    var out = text
    for (en, de) in words { out = out.replacingOccurrences(of: en, with: de) }
    return out
}

/// Options several commands take, declared once so that they read the same in every `--help`.
extension OptionSpec {
    static let agreements = OptionSpec("agreement", value: "FILE…", multiple: true, required: true, help: "Agreement files (leq-agreement/1).")
    static let cases = OptionSpec("cases", value: "FILE", required: true, help: "Case file (leq-cases/1).")
    static let language = OptionSpec("lang", value: "LANG", help: "de (default) or en.")
    static let out = OptionSpec("out", value: "FILE", help: "Write to this file (atomically) instead of standard output.")
    /// A period of months: `--year`, or `--from` with `--to` (read by `periodMonths`).
    static let period = [
        OptionSpec("year", value: "YYYY", help: "The calendar year."),
        OptionSpec("from", value: "YYYY-MM", help: "First month of the period (with --to)."),
        OptionSpec("to", value: "YYYY-MM", help: "Last month of the period (with --from)."),
    ]
}
