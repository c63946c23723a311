import LEQCore

/// Statement lines as CSV for spreadsheets: one row per line, semicolon-separated, amounts
/// with the language's decimal mark and without grouping (what German spreadsheets import).
public enum StatementCSV {
    public static func render(_ statements: [Statement], language: Language = .de) -> [UInt8] {
        let l = Labels(language)
        let f = l.f
        // Bearer columns: the union over all statements, in first-seen order.
        var bearers: [String] = []
        for s in statements { for b in s.bearers where !bearers.contains(b.id) { bearers.append(b.id) } }
        var rows: [[String]] = []
        rows.append([l.statementNumber, l.caseColumn, l.fileReference, l.service, l.legalBasis, l.kind, l.category, l.text,
                     language == .de ? "Von" : "From", language == .de ? "Bis" : "To", l.quantity,
                     language == .de ? "Einheit" : "Unit", l.rate, l.amount] + bearers)
        for s in statements {
            for line in s.lines {
                let service = s.service(line.service)
                var row = [s.number, line.caseID, line.fileReference, line.service, service?.legalBasis ?? "", line.kind.rawValue,
                           line.category ?? "", l.text(line, service: service), line.period.from.iso, line.period.to.iso,
                           f.decimal(line.quantity), line.unit.rawValue, f.plain(line.rate), f.plain(line.amount)]
                for id in bearers {
                    if let i = s.bearers.firstIndex(where: { $0.id == id }) { row.append(f.plain(line.bearerParts[i])) } else { row.append("") }
                }
                rows.append(row)
            }
        }
        return Array(CSV.format(rows, separator: ";").utf8)
    }
}

/// Writing and reading CSV (RFC 4180 quoting), with the separator chosen by the caller.
public enum CSV {
    /// Rows as CSV text; a cell with the separator, a quote or a line break is quoted.
    public static func format(_ rows: [[String]], separator: Character = ";") -> String {
        rows.map { row in row.map { quote($0, separator) }.joined(separator: String(separator)) }.joined(separator: "\r\n") + "\r\n"
    }

    static func quote(_ cell: String, _ separator: Character) -> String {
        // Bytes, not characters: the separator is ASCII, and so are quotes and line breaks.
        let sep = separator.asciiValue ?? UInt8(ascii: ";")
        guard cell.utf8.contains(where: { $0 == sep || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return cell }
        return "\"" + cell.replacingOccurrencesOfQuote() + "\""
    }

    /// Parses CSV text into rows of cells; a quoted cell may hold separators, quotes ("") and
    /// line breaks. Returns the 1-based line of an unterminated quote as an error.
    public static func parse(_ text: String, separator: Character = ";") -> Result<[[String]], CSVError> {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var line = 1
        var quoteLine = 1
        var atCellStart = true
        var it = Array(text).makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return it.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { cell.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    cell.append(c)
                }
                continue
            }
            switch c {
            case "\"" where atCellStart:
                quoted = true
                quoteLine = line
                atCellStart = false
            case separator:
                row.append(cell); cell = ""; atCellStart = true
            case "\n", "\r\n", "\r":
                row.append(cell); rows.append(row); row = []; cell = ""; atCellStart = true
                line += 1
            default:
                cell.append(c); atCellStart = false
            }
        }
        if quoted { return .failure(CSVError(line: quoteLine, message: "a quoted cell is not closed")) }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return .success(rows)
    }
}

public struct CSVError: Error, Equatable, Sendable {
    public var line: Int
    public var message: String
}

extension String {
    func replacingOccurrencesOfQuote() -> String {
        var out = ""
        for c in self { if c == "\"" { out += "\"\"" } else { out.append(c) } }
        return out
    }
}
