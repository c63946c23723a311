import LEQCore
import Synchronization

/// The texts of lines already written, kept by what they are made of, so that a text said again
/// is copied rather than spelt out again. Most lines of a month say the same thing
/// (`Tagessatz Kategorie B: 31 Tage anwesend × 178,43 €` for every full month at that rate);
/// spelling a text out, word by word with its amounts and numbers, was a quarter of writing a line.
///
/// Only texts that read nothing of the line but its `Key` are kept: the kinds `Key.keeps`,
/// without details (the tests change every other field of such lines and expect the same text).
/// A cache is used by one thread at a time: taken from `pool` for a piece of a document, given
/// back when the piece is written.
final class LineTextCache: @unchecked Sendable {
    /// Everything the text of a kept line is made of, as plain numbers (compared and copied
    /// without a retain; the language is the cache's own).
    struct Key: Equatable {
        /// The kind's place among `LineKind`'s cases; `empty` for a place without a text.
        fileprivate var kind: UInt8
        /// The category's bytes and its length (see `packed`); 0 for none.
        fileprivate var category: UInt64
        fileprivate var quantity: ExactDecimal
        fileprivate var rate: Int64
        fileprivate var basisDays: Int

        fileprivate static let empty = Key(kind: .max, category: 0, quantity: ExactDecimal(units: 0, scale: 0), rate: 0, basisDays: 0)

        /// Whether a line of `kind`, without details, has a text that reads only the fields
        /// above: flat rates, daily rates, hours (paid or not) and the end bonus and malus. The
        /// other kinds' texts read details (absences, budgets, top-ups, incentives) and say
        /// something of their own nearly every time.
        @inline(__always) static func keeps(_ kind: LineKind) -> Bool {
            switch kind {
            case .flatRate, .dailyRate, .hours, .hoursNotApproved, .endBonus, .endMalus: true
            default: false
            }
        }

        static var kinds: [LineKind] { LineKind.allCases.filter(keeps) }

        // Spelt out: the initialiser from a line below takes the place of the memberwise one.
        private init(kind: UInt8, category: UInt64, quantity: ExactDecimal, rate: Int64, basisDays: Int) {
            self.kind = kind
            self.category = category
            self.quantity = quantity
            self.rate = rate
            self.basisDays = basisDays
        }

        /// The key of `line`'s text; nil when the text reads more than the key holds (or the
        /// category is longer than seven bytes).
        @inline(__always) init?(_ line: borrowing StatementLine) {
            guard Self.keeps(line.kind), line.details == nil, let category = Self.packed(line.category) else { return nil }
            self.init(kind: UInt8(CasePlace.of(line.kind)), category: category, quantity: line.quantity,
                      rate: line.rate.cents, basisDays: line.basisDays ?? .min)
        }

        /// A category's bytes and, above them, its length plus one: equal for equal categories
        /// only. 0 for none; nil when longer than seven bytes.
        @inline(__always) static func packed(_ category: String?) -> UInt64? {
            guard let category else { return 0 }
            var bits: UInt64 = 0
            var count: UInt64 = 0
            for byte in category.utf8 {
                guard count < 7 else { return nil }
                bits |= UInt64(byte) << (8 * count)
                count += 1
            }
            return bits | (count + 1) << 56
        }

        /// A place for the key: its numbers mixed (no `Hasher`, which cost more than the copy saved).
        var slot: Int {
            var h = UInt64(truncatingIfNeeded: rate) &* 0x9E37_79B9_7F4A_7C15
            h ^= UInt64(truncatingIfNeeded: quantity.units) &* 0xC2B2_AE3D_27D4_EB4F
            h ^= UInt64(truncatingIfNeeded: basisDays) &* 0x1656_67B1_9E37_79F9
            h ^= (category ^ UInt64(kind) << 40 ^ UInt64(quantity.scale) << 48) &* 0x27D4_EB2F_1656_67C5
            return Int(truncatingIfNeeded: (h ^ h >> 31) & UInt64(LineTextCache.slots - 1))
        }
    }

    /// A kept text: its key and where its bytes are.
    private struct Entry {
        var key: Key
        var start: Int
        var count: Int
    }

    /// The number of places for texts: a month's statement has a few hundred different ones.
    /// Two keys on one place take turns (the later one is kept).
    static let slots = 1 << 10

    /// The bytes kept (as written into the document: escaped) before all are let go.
    static let keptBytes = 1 << 17

    /// The language of the texts kept.
    private(set) var language: Language
    /// Whether texts are kept at all (a document with every text spelt out, to compare with).
    private let keeps: Bool
    private let entries: UnsafeMutablePointer<Entry>
    private let bytes: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var used = 0

    init(language: Language, keeps: Bool = true) {
        self.language = language
        self.keeps = keeps
        entries = .allocate(capacity: Self.slots)
        entries.initialize(repeating: Entry(key: .empty, start: 0, count: 0), count: Self.slots)
        bytes = .allocate(capacity: Self.keptBytes)
    }

    deinit {
        entries.deallocate()
        bytes.deallocate()
    }

    /// `line`'s text, as `labels.writeText` writes it, into the string open in `text`: copied
    /// when a line with the same key was written before, else written and kept. `line` is read
    /// in place, never changed (`inout`: borrowed, it was copied for the call, a retain with it).
    func write(_ line: inout StatementLine, _ labels: Labels, into text: inout JSONWriter.StringPieces) {
        guard keeps, let key = Key(line) else {
            labels.writeText(line, to: &text)
            return
        }
        assert(labels.language == language, "a text for another language")
        let entry = entries + key.slot
        if entry.pointee.key == key {
            text.write(plain: UnsafeBufferPointer(start: bytes + entry.pointee.start, count: entry.pointee.count))
            return
        }
        let start = text.written
        labels.writeText(line, to: &text)
        let count = text.written - start
        guard count <= Self.keptBytes else { return }
        if used + count > Self.keptBytes { forgetAll() }
        text.copy(from: start, count: count, to: bytes + used)
        entry.pointee = Entry(key: key, start: used, count: count)
        used += count
    }

    private func forgetAll() {
        for i in 0..<Self.slots { entries[i].key = .empty }
        used = 0
    }

    /// Caches given back, kept for the next pieces (and months) written on any thread.
    private static let pool = Mutex<[LineTextCache]>([])

    /// A cache of texts in `language`: a kept one (emptied if it kept another language's), else a new one.
    static func take(_ language: Language) -> LineTextCache {
        let cache = pool.withLock { $0.popLast() } ?? LineTextCache(language: language)
        if cache.language != language {
            cache.forgetAll()
            cache.language = language
        }
        return cache
    }

    /// `cache`, no longer written with, kept for another piece (at most one per core or so).
    static func give(_ cache: LineTextCache) {
        pool.withLock { if $0.count < 16 { $0.append(cache) } }
    }
}
