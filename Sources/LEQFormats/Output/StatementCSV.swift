import LEQCore

/// Statement lines as CSV for spreadsheets: one row per line, semicolon-separated, amounts
/// with the language's decimal mark and without grouping, dates as the language writes them
/// (31.03.2026 in German), names rather than keys — what German Excel opens by double-click
/// (with the byte order mark, see `CSV.document`). The columns Fall, Art, Von, Bis and Betrag are
/// what `leq check` reads, so a provider can check a statement against its own CSV.
public enum StatementCSV {
    public static func render(_ statements: [Statement], language: Language = .de) -> [UInt8] {
        OrderedPieces.collect { render(statements, language: language, parallel: false, write: $0) }
    }

    /// The same bytes, handed to `write` piece by piece (see `OrderedPieces`): the byte order
    /// mark and the header, then the rows a few thousand lines at a time, made on all cores.
    public static func render(_ statements: [Statement], language: Language = .de, parallel: Bool = true,
                              write: (UnsafeBufferPointer<UInt8>) -> Void) {
        let l = Labels(language)
        let f = l.f
        // Bearer columns: the union over all statements, in first-seen order, headed by name.
        var bearers: [String] = [], bearerNames: [String] = []
        for s in statements {
            for b in s.bearers where !bearers.contains(b.id) {
                bearers.append(b.id)
                bearerNames.append(b.name)
            }
        }
        // "Art" is the column `leq check` reads for the kind; the line's text is the description.
        let header = [l.statementNumber, l.caseColumn, l.fileReference, l.service, l.legalBasis, language == .de ? "Art" : "Kind", l.category,
                      language == .de ? "Beschreibung" : "Description",
                      language == .de ? "Von" : "From", language == .de ? "Bis" : "To", l.quantity,
                      language == .de ? "Einheit" : "Unit", l.rate, l.amount] + bearerNames
        CSV.document([header]).withUnsafeBufferPointer(write)
        // Each statement's bearer columns by place, found once.
        let places = statements.map { s in bearers.map { id in s.bearers.firstIndex(where: { $0.id == id }) } }
        OrderedPieces.write(CSV.pieces(statements), parallel: parallel, ahead: 8, make: { piece in
            let s = statements[piece.statement]
            var rows: [[String]] = []
            rows.reserveCapacity(piece.lines.count)
            for line in s.lines[piece.lines] {
                let service = s.service(line.service)
                var row = [s.number, line.caseID, line.fileReference, service?.name ?? line.service, service?.legalBasis ?? "", l.kindName(line.kind),
                           line.category ?? "", l.text(line), f.date(line.period.from), f.date(line.period.to),
                           f.decimal(line.quantity), l.unit(line.unit, line.quantity), f.plain(line.rate), f.plain(line.amount)]
                for i in places[piece.statement] { row.append(i.map { f.plain(line.bearerParts[$0]) } ?? "") }
                rows.append(row)
            }
            return ByteBuffer.pooled(rows.isEmpty ? "" : CSV.format(rows))
        }, write: write)
    }
}

/// Writing and reading CSV (RFC 4180 quoting), with the separator chosen by the caller.
public enum CSV {
    /// The UTF-8 byte order mark. German Excel opens a CSV by double-click as Windows-1252 unless
    /// the file starts with it ("SchlÃ¼ssel" instead of "Schlüssel"); LibreOffice, Python's
    /// `utf-8-sig`, pandas and `leq check` read it and drop it.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The lines of statements in pieces of a few thousand, for rows made on all cores.
    static func pieces(_ statements: [Statement]) -> [(statement: Int, lines: Range<Int>)] {
        var pieces: [(statement: Int, lines: Range<Int>)] = []
        for (k, s) in statements.enumerated() {
            for start in stride(from: 0, to: s.lines.count, by: 4_096) {
                pieces.append((k, start..<min(start + 4_096, s.lines.count)))
            }
        }
        return pieces
    }

    /// A CSV file for people: the byte order mark, then the rows (`;`, CRLF).
    public static func document(_ rows: [[String]], separator: Character = ";") -> [UInt8] {
        byteOrderMark + Array(format(rows, separator: separator).utf8)
    }

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
    public var message: Message
}

extension String {
    func replacingOccurrencesOfQuote() -> String {
        var out = ""
        for c in self { if c == "\"" { out += "\"\"" } else { out.append(c) } }
        return out
    }
}
