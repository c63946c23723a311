/// Lays out rows in columns for the terminal: widths from the widest cell (in characters),
/// text left, numbers right.
struct TextTable {
    enum Align { case left, right }

    var columns: [Align]
    var rows: [[String]] = []

    init(_ columns: [Align]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render(indent: String = "") -> [String] {
        var widths = [Int](repeating: 0, count: columns.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
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
