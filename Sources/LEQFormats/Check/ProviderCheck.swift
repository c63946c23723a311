import LEQCore

/// The provider check (SPEC § 16): a provider's own lines for a month, as CSV, matched against a
/// finalised statement: matched, amount differs (both amounts, and the statement's text that
/// says why its amount is what it is), missing at the provider, extra at the provider.
public enum ProviderCheck {
    /// One line, from the statement or from the provider's file.
    public struct Line: Sendable, Equatable {
        public var caseID: String
        public var kind: String
        public var from: CivilDate
        public var to: CivilDate
        public var amount: Money
        /// The statement's text (how the amount follows from the rule), or the provider's CSV line number.
        public var text: String
        public var csvLine: Int?
    }

    public struct Result: Sendable {
        public var matched: [Line] = []
        /// (statement line, provider line)
        public var differing: [(statement: Line, provider: Line)] = []
        /// Statement lines with an amount that the provider does not list.
        public var missing: [Line] = []
        /// Provider lines the statement does not have.
        public var extra: [Line] = []

        public var allMatch: Bool { differing.isEmpty && missing.isEmpty && extra.isEmpty }
    }

    /// The columns a provider's file has (German or English names, any order, `;` separated).
    static let columns: [(key: String, names: [String])] = [
        ("case", ["fall", "case"]), ("kind", ["art", "kind"]), ("from", ["von", "from"]), ("to", ["bis", "to"]),
        ("amount", ["betrag", "amount"]),
    ]

    /// Line kinds by what a person writes: the key (`flatRate`), or the name as the statement
    /// prints it in either language ("Fallpauschale", "flat rate"), case ignored. So the
    /// statement's own CSV, edited in Excel, is a valid list.
    static let kindsByName: [String: String] = {
        var out: [String: String] = [:]
        for language in Language.allCases {
            let labels = Labels(language)
            for kind in LineKind.allCases { out[labels.kindName(kind).lowercased()] = kind.rawValue }
        }
        for kind in LineKind.allCases { out[kind.rawValue.lowercased()] = kind.rawValue }
        return out
    }()

    static func kindKey(_ written: String) -> String { kindsByName[written.lowercased()] ?? written }

    /// A kind key as a person reads it ("flatRate" → "Fallpauschale"); an unknown kind as written.
    public static func kindName(_ key: String, _ language: Language) -> String {
        LineKind(rawValue: key).map { Labels(language).kindName($0) } ?? key
    }

    /// Reads a provider's lines: a header row naming the columns Fall;Art;Von;Bis;Betrag (or
    /// case;kind;from;to;amount), then one row per line. Dates ISO or German (31.03.2026); amounts
    /// with a decimal comma or point, at most two decimals, no thousands separators.
    public static func readLines(_ text: String, file: String) throws(InputError) -> [Line] {
        // Excel's "CSV UTF-8" begins the file with a byte order mark; it is not part of the first column's name.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        var diagnostics: [Diagnostic] = []
        let rows: [[String]]
        switch CSV.parse(text, separator: ";") {
        case let .failure(e): throw InputError([Diagnostic(file: file, place: "line \(e.line)", message: e.message)])
        case let .success(r): rows = r
        }
        guard let header = rows.first else {
            throw InputError([Diagnostic(file: file, place: "line 1", message: "the file is empty; expected a header Fall;Art;Von;Bis;Betrag")])
        }
        var index: [String: Int] = [:]
        for (key, names) in columns {
            if let i = header.firstIndex(where: { names.contains($0.trimmingSpaces.lowercased()) }) { index[key] = i } else {
                diagnostics.append(Diagnostic(file: file, place: "line 1", message: "no column '\(names[0].prefix(1).uppercased() + names[0].dropFirst())' (or '\(names[1])'); expected the header Fall;Art;Von;Bis;Betrag"))
            }
        }
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        var lines: [Line] = []
        for (k, row) in rows.enumerated().dropFirst() where !(row.count == 1 && row[0].trimmingSpaces.isEmpty) {
            let n = k + 1
            func cell(_ key: String) -> String { index[key]! < row.count ? String(row[index[key]!].trimmingSpaces) : "" }
            func place(_ key: String) -> String { "line \(n), column \(index[key]! + 1)" }
            let from = date(cell("from")), to = date(cell("to")), amount = money(cell("amount"))
            if cell("case").isEmpty { diagnostics.append(Diagnostic(file: file, place: place("case"), message: "the case is missing")) }
            if cell("kind").isEmpty { diagnostics.append(Diagnostic(file: file, place: place("kind"), message: "the kind is missing, e.g. flatRate")) }
            if from == nil { diagnostics.append(Diagnostic(file: file, place: place("from"), message: "'\(cell("from"))' is not a date; expected 2026-03-01 or 01.03.2026")) }
            if to == nil { diagnostics.append(Diagnostic(file: file, place: place("to"), message: "'\(cell("to"))' is not a date; expected 2026-03-31 or 31.03.2026")) }
            if amount == nil { diagnostics.append(Diagnostic(file: file, place: place("amount"), message: "'\(cell("amount"))' is not an amount; expected e.g. 1390,97 or 1390.97")) }
            if let from, let to, let amount, !cell("case").isEmpty, !cell("kind").isEmpty {
                lines.append(Line(caseID: cell("case"), kind: kindKey(cell("kind")), from: from, to: to, amount: amount, text: "", csvLine: n))
            }
        }
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return lines
    }

    static func date(_ s: String) -> CivilDate? {
        if let d = CivilDate(iso: s) { return d }
        let parts = s.split(separator: ".")
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    static func money(_ s: String) -> Money? {
        guard s.filter({ $0 == "," || $0 == "." }).count <= 1 else { return nil }
        return Money(decimal: String(s.map { $0 == "," ? "." : $0 }))
    }

    /// The lines of a statement in its canonical JSON (`leq-statements/1`, one statement).
    public static func statementLines(_ json: [UInt8]) -> [Line] {
        guard let (root, _) = try? JSONParser.parse(json), case let .object(top) = root,
              case let .array(statements)? = top.first(where: { $0.key == "statements" })?.value else { return [] }
        var out: [Line] = []
        for case let .object(s) in statements {
            guard case let .array(lines)? = s.first(where: { $0.key == "lines" })?.value else { continue }
            for case let .object(fields) in lines {
                var f: [String: String] = [:]
                for member in fields { if case let .string(v) = member.value { f[member.key] = v } }
                guard let c = f["case"], let kind = f["kind"], let from = f["from"].flatMap(CivilDate.init(iso:)),
                      let to = f["to"].flatMap(CivilDate.init(iso:)), let amount = f["amount"].flatMap(Money.init(decimal:)) else { continue }
                out.append(Line(caseID: c, kind: kind, from: from, to: to, amount: amount, text: f["text"] ?? "", csvLine: nil))
            }
        }
        return out
    }

    /// Matches by case, kind and period; where several lines share them, equal amounts pair first.
    /// Statement lines of 0.00 (days listed as not paid) need not be in the provider's file.
    public static func compare(statement: [Line], provider: [Line]) -> Result {
        struct Key: Hashable {
            var caseID: String
            var kind: String
            var from: CivilDate
            var to: CivilDate
        }
        func key(_ l: Line) -> Key { Key(caseID: l.caseID, kind: l.kind, from: l.from, to: l.to) }
        var result = Result()
        var open = provider
        var unmatched: [Line] = []
        for line in statement {
            if let i = open.firstIndex(where: { key($0) == key(line) && $0.amount == line.amount }) {
                result.matched.append(line)
                open.remove(at: i)
            } else {
                unmatched.append(line)
            }
        }
        for line in unmatched {
            if let i = open.firstIndex(where: { key($0) == key(line) }) {
                result.differing.append((line, open[i]))
                open.remove(at: i)
            } else if line.amount != .zero {
                result.missing.append(line)
            }
        }
        result.extra = open
        return result
    }
}
