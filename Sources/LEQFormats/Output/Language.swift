import LEQCore

/// The language of a rendered statement: German by default, English on request.
public enum Language: String, Sendable, CaseIterable {
    case de
    case en
}

/// Number, date and month formats per language. Fixed tables, never the system locale, so that
/// the same statement gives the same bytes on every machine.
public struct Formatter: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// `1.234,56 €` (de) or `€1,234.56` (en), written in one go: joined from the number and
    /// the sign, it cost more than the rest of a line's text.
    public func money(_ m: Money) -> String { ASCIIText.make(capacity: 40) { write(money: m, to: &$0) } }

    /// `money(m)`'s bytes (at most 40).
    func write(money m: Money, to w: inout ASCIIText.Writer) {
        let de = language == .de
        if m.isNegative { w.byte(UInt8(ascii: "-")) }
        if !de { w.euroSign() }
        w.euros(m.cents.magnitude, point: de ? UInt8(ascii: ",") : UInt8(ascii: "."), group: de ? UInt8(ascii: ".") : UInt8(ascii: ","))
        if de {
            w.byte(UInt8(ascii: " "))
            w.euroSign()
        }
    }

    /// The decimal point: `,` (de) or `.` (en).
    var point: UInt8 { language == .de ? UInt8(ascii: ",") : UInt8(ascii: ".") }

    /// `1.234,56` (de) or `1,234.56` (en), with thousands separators.
    public func grouped(_ m: Money) -> String {
        language == .de ? m.text(point: UInt8(ascii: ","), group: UInt8(ascii: ".")) : m.text(point: UInt8(ascii: "."), group: UInt8(ascii: ","))
    }

    /// `1234,56` (de) or `1234.56` (en): no grouping, for CSV.
    public func plain(_ m: Money) -> String {
        language == .de ? m.text(point: UInt8(ascii: ","), group: nil) : m.decimalString
    }

    /// `2,35` (de) or `2.35` (en).
    public func decimal(_ d: ExactDecimal) -> String { d.text(point: point) }

    /// `part` as a percentage of `whole` to one decimal, e.g. `12,5 %`; nil for a whole of zero.
    /// A whole below zero (maluses and corrections above what was paid) gives the quotient with
    /// its sign (−50 of −400 is 12,5 %): both are negated first, as the rounding divides by a
    /// positive number.
    func percent(_ part: Money, of whole: Money) -> String? {
        guard whole != .zero else { return nil }
        let sign: Int128 = whole.isNegative ? -1 : 1
        let tenths = RoundingMode.halfAwayFromZero.round(sign * Int128(part.cents) * 1000, over: sign * Int128(whole.cents))
        return decimal(ExactDecimal(units: tenths, scale: 1)) + " %"
    }

    /// `31.03.2026` (de) or `2026-03-31` (en).
    public func date(_ d: CivilDate) -> String { language == .de ? d.german : d.iso }

    public func period(_ p: Period) -> String { p.from == p.to ? date(p.from) : date(p.from) + "–" + date(p.to) }

    /// `03/26`: a month on a chart's axis, the same in both languages.
    public func shortMonth(_ m: Month) -> String { (m.month < 10 ? "0" : "") + "\(m.month)/" + (m.year % 100 < 10 ? "0" : "") + "\(m.year % 100)" }

    /// `März 2026` or `March 2026`.
    public func month(_ m: Month) -> String {
        let de = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return (language == .de ? de : en)[m.month - 1] + " " + String(m.year)
    }
}

