/// Lays out rows in columns for the terminal: widths from the widest cell (in characters),
/// text left, numbers right.
public struct TextTable {
    public enum Align: Sendable { case left, right }

    var columns: [Align]
    /// Rows of cells; a row of one cell marked `span` is printed as it is, across all columns.
    var rows: [(cells: [String], span: Bool)] = []

    public init(_ columns: [Align]) { self.columns = columns }

    public mutating func add(_ row: [String]) { rows.append((row, false)) }
    public mutating func addSpan(_ text: String) { rows.append(([text], true)) }

    public func render(indent: String = "") -> [String] {
        var widths = [Int](repeating: 0, count: columns.count)
        for row in rows where !row.span {
            for (i, cell) in row.cells.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { (row, span) in
            if span { return String((indent + row[0]).trimmingTrailingSpaces) }
            var line = indent
            for (i, cell) in row.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                if i > 0 { line += "  " }
                line += columns[i] == .left ? cell + (i == row.count - 1 ? "" : pad) : pad + cell
            }
            return String(line.trimmingTrailingSpaces)
        }
    }
}

extension String {
    var trimmingTrailingSpaces: Substring {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return s
    }
}
