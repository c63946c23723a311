/// Lays out rows in columns for the terminal: widths from the widest cell (in characters),
/// text left, numbers right. Given a width limit, one text column is narrowed and its cells
/// wrapped at word boundaries, so that the amounts stay aligned and every line fits (a statement
/// is read in an 80–100-column terminal and printed on A4).
public struct TextTable {
    public enum Align: Sendable { case left, right }

    var columns: [Align]
    /// Rows of cells; a row of one cell marked `span` is printed as it is, across all columns.
    var rows: [(cells: [String], span: Bool)] = []

    public init(_ columns: [Align]) { self.columns = columns }

    public mutating func add(_ row: [String]) { rows.append((row, false)) }
    public mutating func addSpan(_ text: String) { rows.append(([text], true)) }

    /// The rows as lines. With `maxWidth`, column `wrap` gives up width until the table fits (down
    /// to `minWrapWidth`), its cells continue on lines of their own, indented two more; span rows
    /// are wrapped to `maxWidth` too.
    public func render(indent: String = "", maxWidth: Int? = nil, wrap: Int? = nil, minWrapWidth: Int = 24) -> [String] {
        var widths = [Int](repeating: 0, count: columns.count)
        for row in rows where !row.span {
            for (i, cell) in row.cells.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        if let maxWidth, let wrap, wrap < widths.count {
            let total = indent.count + widths.reduce(0, +) + 2 * (widths.count - 1)
            if total > maxWidth { widths[wrap] = max(minWrapWidth, widths[wrap] - (total - maxWidth)) }
        }
        var out: [String] = []
        for (row, span) in rows {
            if span {
                let text = indent + row[0]
                if let maxWidth { out += Self.wrapWords(text, width: maxWidth) } else { out.append(String(text.trimmingTrailingSpaces)) }
                continue
            }
            var cells = row
            var continuation: [String] = []
            if let wrap, maxWidth != nil, wrap < cells.count, cells[wrap].count > widths[wrap] {
                let parts = Self.wrapWords(cells[wrap], width: widths[wrap])
                cells[wrap] = parts[0]
                continuation = Array(parts.dropFirst())
            }
            out.append(line(cells, widths, indent))
            for c in continuation {
                var blank = [String](repeating: "", count: cells.count)
                blank[wrap!] = c
                out.append(line(blank, widths, indent))
            }
        }
        return out
    }

    private func line(_ row: [String], _ widths: [Int], _ indent: String) -> String {
        var line = indent
        for (i, cell) in row.enumerated() where i < widths.count {
            let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
            if i > 0 { line += "  " }
            line += columns[i] == .left ? cell + (i == row.count - 1 ? "" : pad) : pad + cell
        }
        return String(line.trimmingTrailingSpaces)
    }

    static let units: Set<String> = ["Tag", "Tage", "Std.", "Stunden", "day", "days", "hour", "hours", "Monate", "months"]

    /// Breaks a text at spaces into lines of at most `width` characters; continuation lines get
    /// the text's own leading spaces plus two. A word longer than a line is cut.
    public static func wrapWords(_ text: String, width: Int) -> [String] {
        let trimmed = String(text.trimmingTrailingSpaces)
        guard trimmed.count > width else { return [trimmed] }
        let lead = trimmed.prefix { $0 == " " }
        let more = String(lead) + "  "
        var lines: [String] = []
        var current = String(lead)
        var currentHasWord = false
        // A number stays with its unit: "41,94 €/Tag", "31 Tage", "80 %" never break apart.
        // A lone "+" goes with the amount after it ("+ 500,00 €").
        var words: [String] = []
        var pending = ""
        for w in trimmed.dropFirst(lead.count).split(separator: " ", omittingEmptySubsequences: true) {
            if w == "+" { pending = "+ "; continue }
            let w = pending + w
            pending = ""
            if let last = words.last, last.last?.isNumber == true, w.hasPrefix("€") || w.hasPrefix("%") || units.contains(String(w.prefix { $0 != ":" && $0 != "," })) {
                words[words.count - 1] = last + " " + w
            } else {
                words.append(w)
            }
        }
        if !pending.isEmpty { words.append("+") }
        for word in words {
            var word = Substring(word)
            if currentHasWord, current.count + 1 + word.count > width {
                lines.append(current)
                current = more
                currentHasWord = false
            }
            if !currentHasWord {
                let room = max(1, width - current.count)
                while word.count > room {
                    lines.append(current + word.prefix(room))
                    word = word.dropFirst(room)
                    current = more
                }
                current += word
            } else {
                current += " " + word
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }
}

extension String {
    var trimmingTrailingSpaces: Substring {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return s
    }
}
