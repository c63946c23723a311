import LEQCore

/// Lays out rows in columns for the terminal: widths from the widest cell (in characters),
/// text left, numbers right. Given a width limit, one text column is narrowed and its cells
/// wrapped at word boundaries, so that the amounts stay aligned and every line fits (a statement
/// is read in an 80–100-column terminal and printed on A4).
public struct TextTable {
    public enum Align: Sendable { case left, right }

    var columns: [Align]
    /// Every cell's bytes, one after the other: a cell is written straight into them, no string
    /// made for it (a statement's line rows were four strings and a list each, most of writing
    /// a statement as text).
    private var bytes: [UInt8] = []
    /// Where each cell ends in `bytes`; it starts where the one before it ends.
    private var ends: [Int] = []
    /// Each row's cells, as places in `ends`; a row of one cell marked `span` is printed as it
    /// is, across all columns.
    private var rows: [(cells: Range<Int>, span: Bool)] = []

    public init(_ columns: [Align]) { self.columns = columns }

    public mutating func add(_ row: [String]) {
        let first = ends.count
        for cell in row {
            cell.withUTF8InPlace { bytes.append(contentsOf: $0) }
            ends.append(bytes.count)
        }
        rows.append((first..<ends.count, false))
    }

    public mutating func addSpan(_ text: String) {
        add([text])
        rows[rows.count - 1].span = true
    }

    /// A row whose cells `body` writes one after the other, each ended by `endCell()`.
    mutating func addRow(_ body: (inout RowWriter) -> Void) {
        var writer = RowWriter()
        swap(&writer.bytes, &bytes)
        swap(&writer.ends, &ends)
        let first = writer.ends.count
        body(&writer)
        swap(&writer.bytes, &bytes)
        swap(&writer.ends, &ends)
        rows.append((first..<ends.count, false))
    }

    /// A span row whose text `body` writes.
    mutating func addSpan(_ body: (inout RowWriter) -> Void) {
        addRow { row in
            body(&row)
            row.endCell()
        }
        rows[rows.count - 1].span = true
    }

    /// Writes a row's cells into the table's bytes (see `addRow`).
    struct RowWriter: ByteTextOut {
        var bytes: [UInt8] = []
        fileprivate var ends: [Int] = []

        /// Ends the cell written so far; the next write begins the next cell.
        mutating func endCell() { ends.append(bytes.count) }
    }

    /// A cell's bytes, where the layout reads them.
    typealias Cell = UnsafeBufferPointer<UInt8>

    /// The rows as lines. With `maxWidth`, column `wrap` gives up width until the table fits (down
    /// to `minWrapWidth`), its cells continue on lines of their own, indented two more; span rows
    /// are wrapped to `maxWidth` too.
    public func render(indent: String = "", maxWidth: Int? = nil, wrap: Int? = nil, minWrapWidth: Int = 24) -> [String] {
        var out: [String] = []
        layout(indent: indent, maxWidth: maxWidth, wrap: wrap, minWrapWidth: minWrapWidth, text: { out.append($0) }, line: { span in
            var bytes = Array(indent.utf8)
            bytes += span
            out.append(String(decoding: bytes, as: UTF8.self).withoutTrailingSpaces)
        }, row: { row in
            var bytes: [UInt8] = []
            if let line = write(row, indent, into: &bytes) { out.append(line) } else { out.append(String(decoding: bytes, as: UTF8.self)) }
        })
        return out
    }

    /// The same lines, each with a line break after it, added to `out`: the bytes of `render`'s
    /// lines joined with line breaks, and one more, without a string made for each line.
    public func write(into out: inout [UInt8], indent: String = "", maxWidth: Int? = nil, wrap: Int? = nil, minWrapWidth: Int = 24) {
        layout(indent: indent, maxWidth: maxWidth, wrap: wrap, minWrapWidth: minWrapWidth, text: { line in
            out.append(contentsOf: line.utf8)
            out.append(0x0A)
        }, line: { span in
            let start = out.count
            out += indent.utf8
            out += span
            while out.count > start && out.last == 0x20 { out.removeLast() }
            out.append(0x0A)
        }, row: { row in
            if let line = write(row, indent, into: &out) { out.append(contentsOf: line.utf8) }
            out.append(0x0A)
        })
    }

    /// The width of a cell in characters.
    private static func width(_ cell: Cell) -> Int {
        PlainText.scalars(cell) ?? String(decoding: cell, as: UTF8.self).count
    }

    /// The layout both share: the columns' widths, then each line in order, handed to `text` when
    /// it is made already (a span row's, wrapped), to `line` when it is the indent and a span
    /// row's bytes (without trailing spaces), or to `row` as cells to lay out in the widths.
    private func layout(indent: String, maxWidth: Int?, wrap: Int?, minWrapWidth: Int,
                        text: (String) -> Void, line: (Cell) -> Void, row: (Row) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            func cell(_ k: Int) -> Cell { Cell(rebasing: all[(k == 0 ? 0 : ends[k - 1])..<ends[k]]) }
            // Each cell's characters when it is plain, else -1: counted once (it was counted for
            // the widths, for the wrap, for plainness and for the padding).
            var plainWidths = [Int](repeating: -1, count: ends.count)
            var widths = [Int](repeating: 0, count: columns.count)
            var most = 1
            for row in rows {
                most = max(most, row.cells.count)
                for (i, k) in row.cells.enumerated() {
                    let cell = cell(k)
                    plainWidths[k] = PlainText.scalars(cell) ?? -1
                    guard !row.span && i < widths.count else { continue }
                    widths[i] = max(widths[i], plainWidths[k] >= 0 ? plainWidths[k] : String(decoding: cell, as: UTF8.self).count)
                }
            }
            if let maxWidth, let wrap, wrap < widths.count {
                let total = indent.count + widths.reduce(0, +) + 2 * (widths.count - 1)
                if total > maxWidth { widths[wrap] = max(minWrapWidth, widths[wrap] - (total - maxWidth)) }
            }
            let plainIndent = PlainText.scalars(indent)
            withUnsafeTemporaryAllocation(of: Cell.self, capacity: most) { place in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: most) { placeWidths in
            widths.withUnsafeBufferPointer { widths in
                for (range, span) in rows {
                    if span {
                        // Plain and narrow enough, as it is (what `wrapWords` would give).
                        let one = cell(range.lowerBound), n = plainWidths[range.lowerBound]
                        if let plainIndent, n >= 0, plainIndent + n <= maxWidth ?? .max {
                            line(one)
                            continue
                        }
                        let spanned = indent + String(decoding: one, as: UTF8.self)
                        if let maxWidth {
                            for line in Self.wrapWords(spanned, width: maxWidth) { text(line) }
                        } else {
                            text(spanned.withoutTrailingSpaces)
                        }
                        continue
                    }
                    let cells = UnsafeMutableBufferPointer(rebasing: place[..<range.count])
                    let cellWidths = UnsafeMutableBufferPointer(rebasing: placeWidths[..<range.count])
                    for (i, k) in range.enumerated() {
                        cells[i] = cell(k)
                        cellWidths[i] = plainWidths[k]
                    }
                    let all = Row(cells: UnsafeBufferPointer(cells), plainWidths: UnsafeBufferPointer(cellWidths), widths: widths,
                                  plainIndent: plainIndent)
                    guard let wrap, maxWidth != nil, wrap < cells.count,
                          (cellWidths[wrap] >= 0 ? cellWidths[wrap] : Self.width(cells[wrap])) > widths[wrap] else {
                        row(all)
                        continue
                    }
                    // The first part in the row, the others on rows of their own (`wrapWords`).
                    var first = true
                    func part(_ bytes: Cell) {
                        if !first {
                            for i in cells.indices {
                                cells[i] = Cell(start: nil, count: 0)
                                cellWidths[i] = 0
                            }
                        }
                        first = false
                        cells[wrap] = bytes
                        cellWidths[wrap] = PlainText.scalars(bytes) ?? -1
                        row(all)
                    }
                    if cellWidths[wrap] >= 0 {
                        // Plain: wrapped by its bytes, no string made.
                        Self.wrapWords(plain: cells[wrap], width: widths[wrap], part)
                    } else {
                        for var piece in Self.wrapWords(String(decoding: cells[wrap], as: UTF8.self), width: widths[wrap]) {
                            piece.withUTF8 { part($0) }
                        }
                    }
                }
            }
            }
            }
        }
    }

    /// A row's cells as the layout hands them over, each with its characters where it is plain
    /// (else -1); the columns' widths; the indent's characters where it is plain.
    private struct Row {
        var cells: UnsafeBufferPointer<Cell>
        var plainWidths: UnsafeBufferPointer<Int>
        var widths: UnsafeBufferPointer<Int>
        var plainIndent: Int?
    }

    /// Spaces to pad with, copied a stretch at a time.
    private static let spaces = [UInt8](repeating: 0x20, count: 128)

    /// A row's line laid out as bytes (cells and padding, trailing spaces taken off) and added to
    /// `bytes`, where its text is plain; else nil, and the line made character by character is
    /// returned instead. Built from strings, a statement's text spent most of its time joining
    /// and measuring them.
    private func write(_ row: Row, _ indent: String, into bytes: inout [UInt8]) -> String? {
        let cells = row.cells, widths = row.widths
        var plain = row.plainIndent != nil
        var size = indent.utf8.count
        for i in cells.indices where i < widths.count {
            plain = plain && row.plainWidths[i] >= 0
            size += 2 + max(widths[i], cells[i].count)
        }
        guard plain else { return slowLine(cells, Array(widths), indent) }
        let start = bytes.count
        bytes.reserveCapacity(start + size)
        bytes += indent.utf8
        func pad(_ n: Int) {
            var n = n
            Self.spaces.withUnsafeBufferPointer { spaces in
                while n > 0 {
                    let k = min(n, spaces.count)
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: spaces[..<k]))
                    n -= k
                }
            }
        }
        for i in cells.indices where i < widths.count {
            let padding = max(0, widths[i] - row.plainWidths[i])
            if i > 0 { pad(2) }
            if columns[i] == .left {
                bytes.append(contentsOf: cells[i])
                if i != cells.count - 1 { pad(padding) }
            } else {
                pad(padding)
                bytes.append(contentsOf: cells[i])
            }
        }
        while bytes.count > start && bytes.last == 0x20 { bytes.removeLast() }
        return nil
    }

    /// The same, character by character, for text with characters that may join (see `PlainText`).
    private func slowLine(_ row: UnsafeBufferPointer<Cell>, _ widths: [Int], _ indent: String) -> String {
        var line = indent
        for (i, bytes) in row.enumerated() where i < widths.count {
            let cell = String(decoding: bytes, as: UTF8.self)
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
        guard PlainText.isPlain(text) else {
            let trimmed = text.withoutTrailingSpaces
            return trimmed.count > width ? wrapCharacters(trimmed, width: width) : [trimmed]
        }
        var lines: [String] = []
        text.withUTF8InPlace { wrapWords(plain: $0, width: width) { lines.append(String(decoding: $0, as: UTF8.self)) } }
        return lines
    }

    /// `wrapWords` of plain text (`PlainText`) given as its bytes, each line handed to `line`
    /// (valid for the call only): without its trailing spaces, then as it is where it fits.
    static func wrapWords(plain text: UnsafeBufferPointer<UInt8>, width: Int, _ line: (UnsafeBufferPointer<UInt8>) -> Void) {
        var end = text.count
        while end > 0 && text[end - 1] == 0x20 { end -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: text[..<end])
        if PlainText.scalars(trimmed)! > width { wrapPlainWords(trimmed, width: width, line) } else { line(trimmed) }
    }

    /// `wrapWords` character by character, for any text without trailing spaces that is wider
    /// than `width`.
    static func wrapCharacters(_ trimmed: String, width: Int) -> [String] {
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

    /// `wrapWords` for plain text (`PlainText`), by its bytes: the same words, the same joins of a
    /// number with its unit and of "+" with its amount, the same lines. As strings, wrapping
    /// a statement's line texts was most of rendering it.
    static func wrapPlainWords(_ text: UnsafeBufferPointer<UInt8>, width: Int) -> [String] {
        var lines: [String] = []
        wrapPlainWords(text, width: width) { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    /// The same, each line's bytes handed to `line` (valid for the call only), no string made.
    static func wrapPlainWords(_ text: UnsafeBufferPointer<UInt8>, width: Int, _ line: (UnsafeBufferPointer<UInt8>) -> Void) {
        let space: UInt8 = 0x20, plus = UInt8(ascii: "+")
        // Characters are scalars here: one starts at every byte but a continuation byte.
        func scalars(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        var leadCount = 0
        while leadCount < text.count && text[leadCount] == space { leadCount += 1 }
        // The words one after the other in `joined`, each a stretch of it with its width. (No
        // temporary lists: every list made here was an allocation, and one of a type made at run
        // time a look-up in the runtime's table of types as well.)
        var joined: [UInt8] = []
        joined.reserveCapacity(text.count + 8)
        var words: [Word] = []
        var pending = false
        var i = leadCount
        while i < text.count {
            if text[i] == space { i += 1; continue }
            var end = i
            while end < text.count && text[end] != space { end += 1 }
            if end - i == 1 && text[i] == plus {
                pending = true
                i = end
                continue
            }
            // The word (with a pending "+ " before it) at the end of `joined`.
            let start = joined.count
            if pending {
                joined.append(plus)
                joined.append(space)
            }
            joined.append(contentsOf: UnsafeBufferPointer(rebasing: text[i..<end]))
            pending = false
            i = end
            let w = joined[start...]
            var unitEnd = start
            while unitEnd < joined.count && joined[unitEnd] != UInt8(ascii: ":") && joined[unitEnd] != UInt8(ascii: ",") { unitEnd += 1 }
            let withUnit = w.starts(with: "€".utf8) || w.first == UInt8(ascii: "%") || isUnit(joined[start..<unitEnd])
            if let last = words.last, withUnit, PlainText.endsWithNumber(joined[last.start..<last.end]) {
                // The last word ends where this one starts: the unit joins it.
                joined.insert(space, at: start)
                words[words.count - 1] = Word(start: last.start, end: joined.count, width: last.width + 1 + scalars(joined[(start + 1)...]))
            } else {
                words.append(Word(start: start, end: joined.count, width: scalars(joined[start...])))
            }
        }
        if pending {
            joined.append(plus)
            words.append(Word(start: joined.count - 1, end: joined.count, width: 1))
        }
        var current: [UInt8] = []
        current.reserveCapacity(width * 4 + leadCount + 2)
        func startLine(indent: Int) {
            current.removeAll(keepingCapacity: true)
            for _ in 0..<indent { current.append(space) }
        }
        startLine(indent: leadCount)
        var currentWidth = leadCount
        var currentHasWord = false
        for next in words {
            var word = joined[next.start..<next.end], wordWidth = next.width
            if currentHasWord, currentWidth + 1 + wordWidth > width {
                current.withUnsafeBufferPointer(line)
                startLine(indent: leadCount + 2)
                currentWidth = leadCount + 2
                currentHasWord = false
            }
            if !currentHasWord {
                let room = max(1, width - currentWidth)
                while wordWidth > room {
                    // The word's first `room` characters, cut where a scalar starts.
                    var cut = word.startIndex
                    for _ in 0..<room {
                        cut += 1
                        while cut < word.endIndex && word[cut] & 0xC0 == 0x80 { cut += 1 }
                    }
                    current.append(contentsOf: word[..<cut])
                    current.withUnsafeBufferPointer(line)
                    word = word[cut...]
                    wordWidth -= room
                    startLine(indent: leadCount + 2)
                    currentWidth = leadCount + 2
                }
                current.append(contentsOf: word)
                currentWidth += wordWidth
            } else {
                current.append(space)
                current.append(contentsOf: word)
                currentWidth += 1 + wordWidth
            }
            currentHasWord = true
        }
        current.withUnsafeBufferPointer(line)
    }

    /// A word of a text being wrapped: where it lies in the words' bytes, and its width.
    private struct Word {
        var start: Int
        var end: Int
        var width: Int
    }

    /// Whether `word` is one of `units`, compared as bytes (each is ASCII).
    private static func isUnit(_ word: ArraySlice<UInt8>) -> Bool {
        unitBytes.contains { $0.count == word.count && $0.elementsEqual(word) }
    }

    /// `units` as bytes, for plain text.
    private static let unitBytes: [[UInt8]] = units.map { Array($0.utf8) }
}

extension String {
    var trimmingTrailingSpaces: Substring {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The string without its trailing spaces; by its bytes where it is plain (`PlainText`).
    var withoutTrailingSpaces: String {
        guard PlainText.isPlain(self) else { return String(trimmingTrailingSpaces) }
        let spaces = utf8.reversed().prefix { $0 == 0x20 }.count
        return spaces == 0 ? self : String(decoding: utf8.dropLast(spaces), as: UTF8.self)
    }
}

/// Text whose characters are each one Unicode scalar that never joins a neighbour into one
/// character: ASCII but the carriage return, Latin letters and signs up to U+02FF (umlauts,
/// ß, §, ·), general punctuation U+2010–U+2027 (dashes, quotes, …) and the currency signs
/// U+20A0–U+20BF (€). Nearly every text of a statement is plain: its width is the number of
/// its scalars, read off its bytes, and trailing spaces come off as bytes. Anything else (a
/// combining accent, an emoji, CR LF) is measured character by character, as Swift counts.
enum PlainText {
    /// The width of `text` in characters.
    static func width(_ text: String) -> Int {
        scalars(text) ?? text.count
    }

    static func isPlain(_ text: String) -> Bool { scalars(text) != nil }

    /// Whether plain text's last character is a number (`Character.isNumber`): its last scalar.
    static func endsWithNumber<C: BidirectionalCollection<UInt8>>(_ text: C) -> Bool where C.Index == Int {
        guard let last = text.last else { return false }
        if last < 0x80 { return last >= UInt8(ascii: "0") && last <= UInt8(ascii: "9") }
        var start = text.endIndex - 1
        while start > text.startIndex && text[start] & 0xC0 == 0x80 { start -= 1 }
        guard let scalar = String(decoding: text[start...], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.numericType != nil
    }

    /// The number of scalars of `text` when it is plain; nil otherwise.
    static func scalars(_ text: String) -> Int? {
        text.withUTF8InPlace { scalars($0) }
    }

    /// The same for text as UTF-8 bytes.
    static func scalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0, i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0D { return nil }
                i += 1
            } else if b >= 0xC2 && b <= 0xCB {
                // U+0080–U+02FF, two bytes.
                i += 2
            } else if b == 0xE2 && i + 2 < n {
                // U+2010–U+2027 (E2 80 90–A7) and U+20A0–U+20BF (E2 82 A0–BF).
                let b1 = bytes[i + 1], b2 = bytes[i + 2]
                guard (b1 == 0x80 && b2 >= 0x90 && b2 <= 0xA7) || (b1 == 0x82 && b2 >= 0xA0 && b2 <= 0xBF) else { return nil }
                i += 3
            } else {
                return nil
            }
            count += 1
        }
        return count
    }
}
