import LEQCore
import Synchronization

/// Writes pretty-printed JSON straight into bytes, with keys in the order they are written, so
/// that the same statement always gives the same bytes.
public struct JSONWriter {
    /// The bytes written so far.
    public var bytes: [UInt8] { out.array }
    /// Where the bytes go: one growing buffer per writer, appended to without Array's uniqueness
    /// and capacity checks per call (a statement line is some thirty small appends). A writer is
    /// not to be copied: copies would share it.
    private let out: ByteBuffer
    private var depth = 0
    /// Per open container: whether it already holds a member.
    private var hasMember = Members()

    public init() { out = ByteBuffer(capacity: 1 << 16) }

    /// A writer for one element of an array `depth` containers deep (the array counted), so that
    /// elements can be written apart — on several cores — and joined with `append(elements:)`
    /// into the same bytes as written in one go. `first`: the array's first element (no comma).
    /// `capacity`: the bytes expected, so that the buffer need not grow (and copy) on the way.
    public init(elementAt depth: Int, first: Bool, capacity: Int = 1 << 14) {
        self.init(elementAt: depth, first: first, into: ByteBuffer(capacity: capacity))
    }

    /// The same, written into `buffer` (emptied first): one kept from an earlier piece.
    init(elementAt depth: Int, first: Bool, into buffer: ByteBuffer) {
        buffer.count = 0
        out = buffer
        self.depth = depth
        for _ in 1..<depth { hasMember.push(true) }
        hasMember.push(!first)
    }

    /// A writer inside open containers, outermost first, each saying whether it already holds a
    /// member: to close what another writer opened (`[true, true, false]`: an empty array in an
    /// object in an array).
    public init(open: [Bool]) {
        self.init(open: open, into: ByteBuffer(capacity: 1 << 12))
    }

    /// The same, written into `buffer` (emptied first).
    init(open: [Bool], into buffer: ByteBuffer) {
        buffer.count = 0
        out = buffer
        depth = open.count
        for has in open { hasMember.push(has) }
    }

    /// The buffer written into, handed over whole (the writer is done with): a piece of a long
    /// document goes to its file from here, without being copied into an array first.
    consuming func takeBuffer() -> ByteBuffer { out }

    /// Elements written by `init(elementAt:first:)` writers, into the array open now.
    public mutating func append(elements chunk: [UInt8]) {
        guard !chunk.isEmpty else { return }
        chunk.withUnsafeBufferPointer { out.append($0) }
        hasMember.last = true
    }

    /// A line break and two spaces per open container.
    private mutating func newline() { out.appendLineBreak(indent: 2 * depth) }

    private mutating func beforeValue() {
        guard !hasMember.isEmpty else { return }
        if hasMember.last { out.append(UInt8(ascii: ",")) }
        hasMember.last = true
        newline()
    }

    private mutating func open(_ c: UInt8) {
        out.append(c)
        depth += 1
        hasMember.push(false)
    }

    private mutating func close(_ c: UInt8) {
        depth -= 1
        if hasMember.pop() { newline() }
        out.append(c)
    }

    public mutating func beginObject() { valuePrefix(); open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { valuePrefix(); open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key inside an object; the next value written is its value.
    public mutating func key(_ k: String) {
        beforeValue()
        writeString(k)
        out.append(UInt8(ascii: ":"))
        out.append(0x20)
        // The value follows on this line, without another separator.
        pendingKey = true
    }

    private var pendingKey = false

    /// A key of objects `depth` containers deep, its bytes made once: what `key(_:)` writes there,
    /// with and without the comma of a member before it. For the many lines of a statement,
    /// whose keys are the same every time.
    /// Its bytes are made once and kept for the life of the process, read through a pointer: a
    /// key held as arrays was a retain and a release per key written. Keys are static, or made
    /// by `shared(_:depth:)`, once per name (the cost bearers' ids): a bounded few.
    public struct Key: @unchecked Sendable {
        let depth: Int
        /// `,` and the key's bytes: the key after a member is all of them, the first one without the comma.
        private let bytes: UnsafePointer<UInt8>
        private let count: Int

        init(_ name: String, depth: Int) {
            var w = JSONWriter(open: Array(repeating: false, count: depth))
            w.key(name)
            self.init(written: w.bytes, depth: depth)
        }

        /// Members whose values are known beforehand (`"kind": "flatRate"` and the section that
        /// goes with it), written with `members(_:)`: the bytes of `field(name, value)` for each.
        init(members: [(name: String, value: String)], depth: Int) {
            var w = JSONWriter(open: Array(repeating: false, count: depth))
            for (name, value) in members { w.field(name, value) }
            self.init(written: w.bytes, depth: depth)
        }

        private init(written: [UInt8], depth: Int) {
            let made = [UInt8(ascii: ",")] + written
            // Room for a whole stretch after the key (see `ByteBuffer.append(stretch:count:)`).
            let kept = UnsafeMutablePointer<UInt8>.allocate(capacity: made.count + ByteBuffer.stretch)
            kept.initialize(repeating: 0x20, count: made.count + ByteBuffer.stretch)
            kept.update(from: made, count: made.count)
            self.depth = depth
            bytes = UnsafePointer(kept)
            count = made.count
        }

        private static let made = Mutex<[String: Key]>([:])

        /// The members at `depth`, made the first time they are asked for.
        public static func shared(members: [(name: String, value: String)], depth: Int) -> Key {
            // Apart from plain keys: a name holds no tab, a key's tag none either.
            shared(tag: "\(depth)\t" + members.map { "\($0.name)\t\($0.value)" }.joined(separator: "\t")) {
                Key(members: members, depth: depth)
            }
        }

        /// The key `name` at `depth`, made the first time it is asked for.
        public static func shared(_ name: String, depth: Int) -> Key {
            shared(tag: "\(depth) \(name)") { Key(name, depth: depth) }
        }

        /// The key kept under `tag`, made by `make` the first time.
        private static func shared(tag: String, _ make: () -> Key) -> Key {
            made.withLock { keys in
                if let key = keys[tag] { return key }
                let key = make()
                keys[tag] = key
                return key
            }
        }

        /// Where the key's bytes are kept: one place per name and depth.
        var kept: UnsafePointer<UInt8> { bytes }

        /// Writes the key, with the comma when the container already holds a member.
        @inline(__always) func write(afterMember: Bool, to out: ByteBuffer) {
            if afterMember {
                out.append(stretch: bytes, count: count)
            } else {
                out.append(stretch: bytes + 1, count: count - 1)
            }
        }
    }

    /// The same bytes as `field(name, value)` for each of the members made beforehand.
    @inline(__always)
    public mutating func members(_ k: Key) {
        assert(k.depth == depth, "members made for another depth")
        assert(!pendingKey, "members where a value was due")
        k.write(afterMember: hasMember.last, to: out)
        hasMember.last = true
    }

    /// The same bytes as `key(name)` for the key made beforehand.
    @inline(__always)
    public mutating func key(_ k: Key) {
        assert(k.depth == depth, "a key made for another depth")
        k.write(afterMember: hasMember.last, to: out)
        hasMember.last = true
        pendingKey = true
    }

    public mutating func field(_ k: Key, _ s: String) { key(k); string(s) }
    public mutating func field(_ k: Key, _ n: Int) { key(k); int(n) }
    public mutating func field(_ k: Key, _ m: Money) { key(k); money(m) }
    /// A decimal as its canonical string (`"2.35"`), digit by digit: the same bytes as
    /// `field(k, d.text)`.
    public mutating func field(_ k: Key, _ d: ExactDecimal) {
        guard d.scale <= ExactDecimal.writtenScale else { field(k, d.text); return }
        key(k)
        valuePrefix()
        out.append(UInt8(ascii: "\""))
        out.ascii(capacity: 22 + d.scale) { d.write(point: UInt8(ascii: "."), to: &$0) }
        out.append(UInt8(ascii: "\""))
    }
    public mutating func beginObject(_ k: Key) { key(k); beginObject() }
    /// A date as its ISO string, digit by digit: the same bytes as `field(k, d.iso)`.
    public mutating func field(_ k: Key, _ d: CivilDate) {
        key(k)
        let c = d.components
        guard (0...9999).contains(c.year) else { string(d.iso); return }
        valuePrefix()
        out.isoDate(year: c.year, month: c.month, day: c.day)
    }

    private mutating func valuePrefix() {
        if pendingKey { pendingKey = false } else { beforeValue() }
    }

    public mutating func string(_ s: String) { valuePrefix(); writeString(s) }
    public mutating func raw(_ s: String) {
        valuePrefix()
        s.withUTF8InPlace { out.append($0) }
    }
    public mutating func bool(_ b: Bool) { raw(b ? "true" : "false") }
    /// A whole number, digit by digit: the same bytes as `raw(String(n))` without the string
    /// (a statement line has one or two).
    public mutating func int(_ n: Int) {
        valuePrefix()
        if n < 0 { out.append(UInt8(ascii: "-")) }
        out.digits(UInt64(n.magnitude))
    }
    public mutating func null() { raw("null") }

    public mutating func field(_ k: String, _ s: String) { key(k); string(s) }
    public mutating func field(_ k: String, _ n: Int) { key(k); int(n) }
    /// An amount as its two-decimal string ("-12.05"), written digit by digit: the same bytes as
    /// `string(m.decimalString)` without building the string (a statement has several per line).
    public mutating func field(_ k: String, _ m: Money) { key(k); money(m) }

    public mutating func money(_ m: Money) {
        valuePrefix()
        out.amount(m.cents)
    }

    public mutating func beginObject(_ k: String) { key(k); beginObject() }
    public mutating func beginArray(_ k: String) { key(k); beginArray() }

    /// Writes a string literal: in one pass when nothing needs escaping (nearly always), else
    /// runs of bytes that need no escaping are copied in one go.
    private mutating func writeString(_ s: String) {
        // The buffer lent without counting a reference (the writer holds it throughout): called
        // through the writer, it was retained and released around each call (two atomic writes
        // per string, 7 % of writing a line).
        Unmanaged.passUnretained(out)._withUnsafeGuaranteedRef { out in
            if s.withUTF8InPlace({ out.appendQuotedIfPlain($0) }) { return }
            out.append(UInt8(ascii: "\""))
            s.withUTF8InPlace { out.appendEscaped($0) }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// A string value written piece by piece, each piece escaped as it comes: the same bytes as
    /// `string` of the pieces joined, without the string (a line's text). Opens the string and
    /// gives what its pieces are written to; `closeString` ends it (no closure: one capturing a
    /// line copied it).
    mutating func openString() -> StringPieces {
        valuePrefix()
        out.append(UInt8(ascii: "\""))
        return StringPieces(out: out)
    }

    mutating func closeString() { out.append(UInt8(ascii: "\"")) }

    /// The pieces of a string value, written into the document as they come.
    struct StringPieces: TextOut {
        /// The document's buffer, held by the writer that opened the string for as long as the
        /// pieces are written (a reference counted for each string was a retain and a release of it).
        fileprivate unowned(unsafe) let out: ByteBuffer

        /// A text's own words: copied as they are, none of them needs escaping (checked in debug
        /// builds; the tests write every kind of line's text in both languages).
        mutating func write(_ literal: StaticString) {
            // The text's words are literals of several characters, kept as bytes: read where
            // they are (through `withUTF8Buffer`, a call and a closure for each).
            guard literal.hasPointerRepresentation else {
                buffer { out in literal.withUTF8Buffer { out.append($0) } }
                return
            }
            let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
            assert(!bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
            buffer { $0.append(bytes) }
        }

        mutating func write(_ text: String) { buffer { out in text.withUTF8InPlace { out.appendEscaped($0) } } }

        mutating func write(plain bytes: UnsafeBufferPointer<UInt8>) { buffer { $0.append(bytes) } }

        /// Where the next byte goes: the end of the document so far.
        var written: Int { out.count }

        /// The `count` bytes written from `start` on (`written` then), copied to `target`.
        func copy(from start: Int, count: Int, to target: UnsafeMutablePointer<UInt8>) {
            out.withBytes { target.update(from: $0.baseAddress! + start, count: count) }
        }

        /// Written in place, into the document (not into a buffer of its own, then copied).
        mutating func plain(capacity: Int, _ body: (inout ASCIIText.Writer) -> Void) {
            buffer { $0.ascii(capacity: capacity, body) }
        }

        /// `body` with the document's buffer, lent without counting a reference: called through
        /// `out`, the buffer was retained and released around each call that was not inlined
        /// (two atomic writes per piece of a text).
        @inline(__always)
        private func buffer<R>(_ body: (ByteBuffer) -> R) -> R {
            Unmanaged.passUnretained(out)._withUnsafeGuaranteedRef(body)
        }
    }

    /// Finishes the document with a newline.
    public mutating func finish() -> [UInt8] {
        out.append(0x0A)
        return out.array
    }
}

/// Per open container, outermost first, whether it already holds a member: a bit each (LEQ's
/// documents are at most eight deep), so that a key does not check and copy a list.
private struct Members {
    private var bits: UInt64 = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func push(_ has: Bool) {
        precondition(count < 64, "JSON nested more than 64 deep")
        count += 1
        last = has
    }

    mutating func pop() -> Bool {
        defer { count -= 1 }
        return last
    }

    /// The innermost container's bit.
    var last: Bool {
        get { bits & (1 << (count - 1)) != 0 }
        set { if newValue { bits |= 1 << (count - 1) } else { bits &= ~(1 << (count - 1)) } }
    }
}

/// A growing run of bytes in memory of its own.
final class ByteBuffer: @unchecked Sendable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    var count = 0

    /// `\n` and spaces, with room for a whole stretch after them: kept by each buffer, read
    /// without the check a static makes on every use.
    private let lineBreak = ByteBuffer.lineBreakBytes

    nonisolated(unsafe) private static let lineBreakBytes: UnsafePointer<UInt8> = {
        let kept = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 + ByteBuffer.stretch)
        kept.initialize(repeating: 0x20, count: 1 + ByteBuffer.stretch)
        kept[0] = 0x0A
        return UnsafePointer(kept)
    }()

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var array: [UInt8] { Array(bytes) }

    private var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The bytes written, in place, for the time of `body` (the buffer alive throughout).
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R { try body(bytes) }

    /// Room for `n` more bytes.
    @inline(__always) private func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    private func grow(to needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = c
    }

    @inline(__always) func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: from, count: bytes.count)
        count += bytes.count
    }

    /// A few bytes at most: copied as one stretch of fixed length (a handful of moves, where a
    /// copy of any length was a call and its set-up, for every key of every line).
    static let stretch = 64

    /// The `count` bytes at `from`, where at least `stretch` bytes can be read (a key's bytes are
    /// kept with room after them): the whole stretch is copied, `count` of them kept.
    @inline(__always) func append(stretch from: UnsafePointer<UInt8>, count n: Int) {
        guard n <= Self.stretch else {
            append(UnsafeBufferPointer(start: from, count: n))
            return
        }
        reserve(Self.stretch)
        UnsafeMutableRawPointer(base + count).copyMemory(from: from, byteCount: Self.stretch)
        count += n
    }

    /// `"bytes"`, if none of them needs escaping in JSON; else nothing is written and false returned.
    /// Eight bytes are looked at and copied at once (a case's number, its file reference and its
    /// service on every line: byte by byte, some 150 instructions for the three).
    func appendQuotedIfPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        // Room for the last word whole, of which only the bytes up to the quote are kept.
        reserve(n + 2 + 8)
        let to = base + count
        to[0] = UInt8(ascii: "\"")
        if let from = bytes.baseAddress {
            let raw = UnsafeRawPointer(from), words = UnsafeMutableRawPointer(to + 1)
            var k = 0
            while k + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                if Self.needsEscape(w) { return false }
                words.storeBytes(of: w, toByteOffset: k, as: UInt64.self)
                k += 8
            }
            if k < n {
                let w = Self.word(raw + k, count: n - k)
                if Self.needsEscape(w) { return false }
                words.storeBytes(of: w.littleEndian, toByteOffset: k, as: UInt64.self)
            }
        }
        to[n + 1] = UInt8(ascii: "\"")
        count += n + 2
        return true
    }

    /// Whether any of the eight bytes of `w` must be escaped in a JSON string.
    @inline(__always) static func needsEscape(_ w: UInt64) -> Bool { JSONWord.mustEscape(w) != 0 }

    /// The `count` (1–7) bytes at `p` in the low bytes of a word (first byte lowest), spaces
    /// above them: read in at most three loads, never past the last byte.
    @inline(__always) static func word(_ p: UnsafeRawPointer, count: Int) -> UInt64 {
        var w: UInt64 = 0
        var at = 0
        if count & 4 != 0 {
            w = UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
            at = 4
        }
        if count & 2 != 0 {
            w |= UInt64(UInt16(littleEndian: p.loadUnaligned(fromByteOffset: at, as: UInt16.self))) << (8 * at)
            at += 2
        }
        if count & 1 != 0 {
            w |= UInt64(p.load(fromByteOffset: at, as: UInt8.self)) << (8 * at)
            at += 1
        }
        return w | 0x2020_2020_2020_2020 << (8 * at)
    }

    /// `bytes` as the inside of a JSON string: quotes, backslashes and control characters
    /// escaped, the runs between them copied in one go.
    func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var run = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { continue }
            append(UnsafeBufferPointer(rebasing: bytes[run..<i]))
            appendEscape(b)
            run = i + 1
        }
        append(UnsafeBufferPointer(rebasing: bytes[run...]))
    }

    private func appendEscape(_ b: UInt8) {
        append(0x5C)
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(b)
        case 0x0A: append(UInt8(ascii: "n"))
        case 0x0D: append(UInt8(ascii: "r"))
        case 0x09: append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                append(UInt8(ascii: "u")); append(0x30); append(0x30)
                append(digits[Int(b >> 4)]); append(digits[Int(b & 15)])
            }
        }
    }

    /// A line break and `indent` spaces: copied as one stretch where they fit in one (appending
    /// the spaces was a call to fill memory for every member of a document).
    @inline(__always) func appendLineBreak(indent: Int) {
        if indent < Self.stretch {
            append(stretch: lineBreak, count: 1 + indent)
        } else {
            append(0x0A)
            append(spaces: indent)
        }
    }

    func append(spaces n: Int) {
        reserve(n)
        (base + count).update(repeating: 0x20, count: n)
        count += n
    }

    /// At most `capacity` bytes written by `body` in place.
    @inline(__always) func ascii(capacity: Int, _ body: (inout ASCIIText.Writer) -> Void) {
        reserve(capacity)
        var w = ASCIIText.Writer(buffer: UnsafeMutableBufferPointer(start: base + count, count: capacity))
        body(&w)
        count += w.count
    }

    /// `"2026-03-17"` with its quotes, for a year 0–9999: ten digits and separators at once.
    @inline(__always) func isoDate(year: Int, month: Int, day: Int) {
        reserve(12)
        let p = base + count
        p[0] = UInt8(ascii: "\"")
        ASCIIText.writeTwoDigits(year / 100, to: p + 1)
        ASCIIText.writeTwoDigits(year % 100, to: p + 3)
        p[5] = UInt8(ascii: "-")
        ASCIIText.writeTwoDigits(month, to: p + 6)
        p[8] = UInt8(ascii: "-")
        ASCIIText.writeTwoDigits(day, to: p + 9)
        p[11] = UInt8(ascii: "\"")
        count += 12
    }

    /// `"-12.05"`: an amount of `cents` in quotes, with its sign, at most 25 bytes reserved once
    /// (reserved per piece, the room was checked four times an amount, four amounts a line).
    @inline(__always) func amount(_ cents: Int64) {
        reserve(25)
        var p = base + count
        p[0] = UInt8(ascii: "\"")
        p += 1
        if cents < 0 {
            p[0] = UInt8(ascii: "-")
            p += 1
        }
        let magnitude = cents.magnitude
        p += ASCIIText.writeDigits(magnitude / 100, to: p)
        p[0] = UInt8(ascii: ".")
        ASCIIText.writeTwoDigits(Int(magnitude % 100), to: p + 1)
        p[3] = UInt8(ascii: "\"")
        count = p + 4 - base
    }

    /// `n`'s decimal digits, most significant first, zero-padded to `width`.
    func digits(_ n: UInt64, width: Int = 1) {
        reserve(max(20, width))  // a UInt64 has at most 20 digits
        count += ASCIIText.writeDigits(n, width: width, to: base + count)
    }
}

/// Buffers of pieces already handed over, kept for the next pieces of this and later documents:
/// a piece written into memory just allocated took a page fault for every 4 KiB it filled (the
/// allocator returns large blocks to the system when they are freed), a tenth of the time of a
/// year's run. At most `limit` are kept; a buffer keeps the size it grew to.
final class BufferPool: Sendable {
    static let shared = BufferPool(limit: 32)

    private let limit: Int
    private let free = Mutex<[ByteBuffer]>([])

    init(limit: Int) { self.limit = limit }

    /// A kept buffer (emptied), else a new one of `capacity` bytes.
    func take(capacity: Int) -> ByteBuffer {
        guard let kept = free.withLock({ $0.popLast() }) else { return ByteBuffer(capacity: capacity) }
        kept.count = 0
        return kept
    }

    /// `buffer`, handed over and no longer read, kept for another piece.
    func give(_ buffer: ByteBuffer) {
        free.withLock { if $0.count < limit { $0.append(buffer) } }
    }
}
