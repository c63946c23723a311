import LEQCore

// A statement line's text (SPEC § 14): what it pays for and how the amount follows from rate
// and quantity, in the statement's language, written piece by piece.

extension Labels {
    /// The line's text: what it pays for and how the amount follows from rate and quantity,
    /// written piece by piece into `out`: a string (`text(_:)`), or straight into a JSON
    /// document without a string made for it (built by interpolation, a line's text cost more
    /// than the rest of the line; amounts and numbers are written as bytes, never made strings).
    func writeText<Out: TextOut>(_ line: StatementLine, to out: inout Out) {
        let de = language == .de
        let details = line.details
        switch line.kind {
        case .flatRate:
            out.write(de, "Fallpauschale Kategorie ", "Flat rate category ")
            out.write(line.category ?? "?")
            if let d = details?.value.divisor, let monthly = details?.value.monthlyRate {
                out.write(": ")
                out.money(monthly, f)
                out.write(" ÷ ")
                out.decimal(d, f)
                out.write(" = ")
                out.money(line.rate, f)
                out.write(de, "/Tag × ", "/day × ")
                out.decimal(line.quantity, f)
                out.write(de, " Tage", " days")
                if details?.value.capped == true { out.write(de, ", höchstens der Monatsbetrag", ", at most the monthly amount") }
            } else {
                out.write(": ")
                out.money(line.rate, f)
                out.write(" × ")
                out.decimal(line.quantity, f)
                out.write("/")
                if let b = line.basisDays { out.int(b) } else { out.write("?") }
                out.write(de, " Tage", " days")
            }
            if let p = details?.value.percent, let full = details?.value.fullRate, let m = details?.value.caseMonth {
                out.write(de, " (ab Fallmonat ", " (from case month ")
                out.int(m)
                out.write(": ")
                out.decimal(p, f)
                out.write(de, " % von ", " % of ")
                out.money(full, f)
                out.write(")")
            }
            writeIncrease(details, to: &out)
        case .dailyRate:
            out.write(de, "Tagessatz", "Daily rate")
            if let category = line.category {
                out.write(de, " Kategorie ", " category ")
                out.write(category)
            }
            out.write(": ")
            writeQuantityTimesRate(line, de ? " Tage anwesend × " : " days present × ", details, to: &out)
        case .hours:
            out.write(de, "Fachleistungsstunden: ", "Specialist hours: ")
            writeQuantityTimesRate(line, de ? " Std. × " : " h × ", details, to: &out)
        case .hoursNotApproved:
            out.write(de, "Fachleistungsstunden über die Bewilligung hinaus: ", "Specialist hours beyond the approval: ")
            out.decimal(line.quantity, f)
            out.write(de, " Std., nicht vergütet", " h, not paid")
        case .absenceFull, .absenceReduced, .absenceUnpaid:
            out.write(de, "Abwesenheit (", "Absence (")
            out.write(absenceReason(details?.value.reason ?? ""))
            out.write(de, "), Abwesenheitstag", "), absence day")
            writeDays(details?.value.absenceDays, plural: de ? "e" : "s", to: &out)
            switch line.kind {
            case .absenceFull:
                out.write(de, ": voller Tagessatz ", ": full daily rate ")
                out.money(line.rate, f)
                writeIncrease(details, to: &out)
            case .absenceReduced:
                out.write(": ")
                writeReduced(line, details, to: &out)
                writeIncrease(details, to: &out)
            default:
                out.write(de, ": über der Jahresgrenze, nicht vergütet (", ": past the yearly cap, not paid (")
                writeReduced(line, details, to: &out)
                out.write(")")
            }
        case .budgetInstallment:
            out.write(de, "Fallbudget ", "Case budget ")
            out.money(line.rate, f)
            out.write(" (")
            writePeriod(line.budgetPeriod, to: &out)
            out.write(", ")
            writeBasisDays(line, to: &out)
            out.write(de, " Tage): ", " days): ")
            if let budget = line.budgetPeriod, line.period.contains(budget.to) {
                out.write(de, "Schlussrate (Restbetrag)", "final installment (the remainder)")
            } else {
                out.write(de, "Rate für ", "installment for ")
                out.decimal(line.quantity, f)
                out.write(de, " Tage, ", " days, ")
                out.money(line.rate, f)
                out.write(" × ")
                out.decimal(line.quantity, f)
                out.write("/")
                writeBasisDays(line, to: &out)
            }
        case .budgetCut:
            out.write(de, "Kürzung: Fallbudget ", "Cut: case budget ")
            out.money(line.rate, f)
            out.write(" (")
            writePeriod(line.budgetPeriod, to: &out)
            out.write(de, ") ausgeschöpft", ") used up")
        case .budgetSavings:
            out.write(de, "Einsparanteil Fallbudget (", "Savings share of the case budget (")
            writePeriod(line.budgetPeriod, to: &out)
            out.write("): ")
            writePercent(details, to: &out)
            out.write(de, " % von ", " % of ")
            out.money(line.rate, f)
            out.write(de, " nicht verbraucht", " unspent")
        case .topUp, .topUpWithheld, .topUpNotPaid:
            writeTopUp(line, details, to: &out)
        case .topUpCatchUp:
            out.write(de, "Zusatzbetreuung: Nachzahlung des für ", "Top-up: catch-up of the amount withheld for ")
            out.write(details?.value.forMonth.map { f.month($0) } ?? "?")
            if line.unit == .day {
                out.write(de, " einbehaltenen Zuschlags, ", ", ")
                out.decimal(line.quantity, f)
                out.write(" ")
                out.write(unit(.day, line.quantity))
                out.write(" × ")
                out.money(line.rate, f)
                out.write(de, "/Tag (Nachweis der Zusatzkraft eingegangen)", "/day (proof of the extra staff received)")
            } else {
                out.write(de, " einbehaltenen Zuschlags (Nachweis der Zusatzkraft eingegangen)", " (proof of the extra staff received)")
            }
        case .topUpEnded:
            out.write(de, "Zusatzbetreuung endet mit diesem Tag: ", "Top-up ends with this day: ")
            out.write(topUpReason(details?.value.topUpReason))
        case .topUpForfeited:
            out.write(de, "Kein Nachweis der Zusatzkraft bis zum Ende der Zusatzbetreuung: der Zuschlag aller fälligen Tage, ", "No proof of the extra staff by the end of the top-up: the top-up of all days due, ")
            if let a = details?.value.withheld { out.money(a, f) } else { out.write("?") }
            out.write(de, ", wird nicht gezahlt", ", is not paid")
        case .goalBonus, .goalMalus:
            if line.kind == .goalBonus {
                out.write(de, "Bonus Zielerreichung", "Goal bonus")
            } else {
                out.write(de, "Malus Zielerreichung", "Goal malus")
            }
            out.write(de, " (Bewertung vom ", " (evaluation of ")
            out.date(line.period.to, f)
            out.write(de, ": Zielerreichung ", ": attainment ")
            out.write(details?.value.attainment.map(attainment) ?? "?")
            out.write("): ")
            writePercent(details, to: &out)
            out.write(de, " % von ", " % of ")
            out.money(line.rate, f)
            out.write(de, " (Pauschalen, Tagessätze, Stunden seit der letzten Bewertung)", " (flat, daily and hourly amounts since the last evaluation)")
        case .reportMalus:
            out.write(de, "Malus Bericht, fällig am ", "Report malus, due ")
            if let due = details?.value.reportDue { out.date(due, f) } else { out.write("?") }
            out.write(": ")
            if let received = details?.value.reportReceived {
                out.write(de, "eingegangen am ", "received ")
                out.date(received, f)
                out.write(de, ", nach der Frist", ", after the grace period")
            } else {
                out.write(de, "nicht eingegangen", "not received")
            }
        case .endBonus:
            out.write(de, "Bonus Beendigung: Ziele erreicht, planmäßig beendet", "End bonus: goals achieved, ended as planned")
        case .endMalus:
            out.write(de, "Malus Beendigung: Abbruch durch den Träger", "End malus: terminated by the provider")
        case .bonusClawback:
            out.write(de, "Rückforderung des Beendigungsbonus: neue Hilfe ", "End bonus clawed back: new case ")
            out.write(details?.value.relatedCase ?? "?")
            out.write(de, " ab ", " from ")
            out.date(line.period.to, f)
            out.write(de, " innerhalb der Nachhaltigkeitsfrist", " within the sustainability period")
        case .bonusCapCut, .malusCapCut:
            if line.kind == .bonusCapCut {
                out.write(de, "Kappung Bonus: höchstens ", "Bonus cap: at most ")
            } else {
                out.write(de, "Kappung Malus: höchstens ", "Malus cap: at most ")
            }
            writePercent(details, to: &out)
            out.write(de, " % der Grundbeträge des Jahres bis hier (", " % of the year's base amounts so far (")
            out.money(line.rate, f)
            out.write(")")
        case .familyIncentive:
            out.write(de, "Familienanreiz: Ziel ", "Family incentive: goal ")
            out.write(details?.value.goalArea.map(goalArea) ?? "?")
            out.write(de, " erreicht (Bewertung ", " attained (rating ")
            writePercent(details, to: &out)
            out.write(")")
        case .correction:
            let previous = details?.value.previousAmount ?? .zero
            out.write(de, "Korrektur zu ", "Correction to ")
            out.write(details?.value.corrects ?? "?")
            out.write(" (")
            out.write(details?.value.forMonth.map { f.month($0) } ?? "?")
            out.write("), ")
            out.write(details?.value.correctedKind.map(kindName) ?? "?")
            out.write(de, ": neu ", ": now ")
            out.money(previous + line.amount, f)
            out.write(de, " statt bisher ", " instead of ")
            out.money(previous, f)
            if !de { out.write(" so far") }
        case .clearingFee:
            out.write(de, "Clearingpauschale (deckt ", "Clearing fee (covers ")
            if let days = details?.value.clearingDays { out.int(days.upperBound) } else { out.write("?") }
            out.write(de, " Clearingtage)", " clearing days)")
            writeIncrease(details, to: &out)
        case .clearingExtension:
            out.write(de, "Clearing-Verlängerung, Clearingtage ", "Clearing extension, clearing days ")
            if let days = details?.value.clearingDays {
                out.int(days.lowerBound)
                out.write("–")
                out.int(days.upperBound)
            } else {
                out.write("?")
            }
            out.write(de, ": Wochensatz ", ": weekly rate ")
            if let weekly = details?.value.weeklyRate { out.money(weekly, f) } else { out.write("?") }
            out.write(" ÷ 7 = ")
            out.money(line.rate, f)
            out.write(de, "/Tag", "/day")
            writeIncrease(details, to: &out)
        }
    }

    /// `12,5 Std. × 62,50 €` and the increase, if any: the quantity, `unit`, the rate.
    private func writeQuantityTimesRate<Out: TextOut>(_ line: StatementLine, _ unit: StaticString, _ details: LineDetailBox?,
                                                      to out: inout Out) {
        out.decimal(line.quantity, f)
        out.write(unit)
        out.money(line.rate, f)
        writeIncrease(details, to: &out)
    }

    /// ` (Satz nach Erhöhung um 2,35 %)`, where the rate was increased.
    private func writeIncrease<Out: TextOut>(_ details: LineDetailBox?, to out: inout Out) {
        guard let increase = details?.value.increase else { return }
        out.write(language == .de, " (Satz nach Erhöhung um ", " (rate after a ")
        out.decimal(increase, f)
        out.write(language == .de, " %)", " % increase)")
    }

    /// `e 3–5` after "Abwesenheitstag" (`plural`, then the days), ` 3` for a single day; `e ?`
    /// when the line does not say.
    private func writeDays<Out: TextOut>(_ days: ClosedRange<Int>?, plural: StaticString, to out: inout Out) {
        guard let days else {
            out.write(plural)
            out.write(" ?")
            return
        }
        if days.count != 1 { out.write(plural) }
        out.write(" ")
        out.int(days.lowerBound)
        if days.count != 1 {
            out.write("–")
            out.int(days.upperBound)
        }
    }

    /// `80 % von 178,43 € = 142,74 €/Tag`: a reduced absence rate (nothing when the line does
    /// not say how it was reduced).
    private func writeReduced<Out: TextOut>(_ line: StatementLine, _ details: LineDetailBox?, to out: inout Out) {
        guard let p = details?.value.percent, let full = details?.value.fullRate else { return }
        out.decimal(p, f)
        out.write(language == .de, " % von ", " % of ")
        out.money(full, f)
        out.write(" = ")
        out.money(line.rate, f)
        out.write(language == .de, "/Tag", "/day")
    }

    private func writePercent<Out: TextOut>(_ details: LineDetailBox?, to out: inout Out) {
        if let p = details?.value.percent { out.decimal(p, f) } else { out.write("?") }
    }

    private func writeBasisDays<Out: TextOut>(_ line: StatementLine, to out: inout Out) {
        if let b = line.basisDays { out.int(b) } else { out.write("?") }
    }

    private func writePeriod<Out: TextOut>(_ period: Period?, to out: inout Out) {
        if let period { out.period(period, f) } else { out.write("?") }
    }

    func text(_ line: StatementLine) -> String {
        var text = TextBytes()
        writeText(line, to: &text)
        return text.string
    }

    /// A top-up line: how the daily (or hourly) amount follows from the approval, what the days
    /// had going on, and whether they are paid, withheld or not paid and why.
    private func writeTopUp<Out: TextOut>(_ line: StatementLine, _ details: LineDetailBox?, to out: inout Out) {
        let de = language == .de
        if line.unit == .hour {
            out.write(de, "Zusatzbetreuung (Spitzabrechnung): ", "Top-up (hours delivered): ")
            out.decimal(line.quantity, f)
            out.write(de, " Std. × ", " h × ")
            out.money(line.rate, f)
        } else if line.kind == .topUpNotPaid {
            out.write(de, "Zusatzbetreuung ", "Top-up ")
            out.money(line.rate, f)
            out.write(de, "/Tag × ", "/day × ")
            out.decimal(line.quantity, f)
            out.write(" ")
            out.write(unit(.day, line.quantity))
        } else {
            let daily = details?.value.fullRate ?? line.rate
            out.write(de, "Zusatzbetreuung: ", "Top-up: ")
            if let cost = details?.value.annualCost {
                out.money(cost, f)
                out.write(" × ")
                if let share = details?.value.positionShare { out.decimal(share, f) } else { out.write("?") }
                out.write(" ÷ 365 = ")
            }
            out.money(daily, f)
            out.write(de, "/Tag", "/day")
            if let p = details?.value.percent {
                out.write(de, ", Bettengeld ", ", reduced absence rate ")
                out.decimal(p, f)
                out.write(" % = ")
                out.money(line.rate, f)
                out.write(de, "/Tag", "/day")
            }
            out.write(" × ")
            out.decimal(line.quantity, f)
            out.write(" ")
            out.write(unit(.day, line.quantity))
        }
        func absence() {
            out.write(de, " – Abwesenheit (", " – absence (")
            out.write(details?.value.reason.map { absenceReason($0) } ?? "?")
            out.write(de, "), Abwesenheitstag", "), absence day")
            writeDays(details?.value.absenceDays, plural: de ? "e" : "s", to: &out)
        }
        func illness() {
            let days = details?.value.absenceDays
            if de {
                out.write(" – Zusatzkraft erkrankt, Krankheitstag")
                writeDays(days, plural: "e", to: &out)
            } else {
                out.write(" – extra staff ill, day")
                writeDays(days, plural: "s", to: &out)
                out.write(" of illness")
            }
        }
        switch details?.value.topUpReason {
        case .absentPaid?:
            absence()
            out.write(de, ": weitergezahlt", ": paid on")
        case .staffIll?:
            illness()
            out.write(de, ": weitergezahlt", ": paid on")
        case .substitute?:
            illness()
            out.write(de, ": Vertretungskraft im Einsatz, weitergezahlt", ": a substitute works, paid on")
        case .absentReduced?, .absentVolunteer?, .absentExternal?, .absenceCapReached?:
            absence()
        default:
            break
        }
        switch line.kind {
        case .topUpWithheld:
            out.write(": ")
            if let a = details?.value.withheld { out.money(a, f) } else { out.write("?") }
            out.write(de, " einbehalten bis zum Nachweis der Zusatzkraft", " withheld until the proof of the extra staff")
        case .topUpNotPaid:
            out.write(de, ": nicht vergütet – ", ": not paid – ")
            out.write(topUpReason(details?.value.topUpReason))
        default:
            break
        }
    }
}

/// Where a line's text is written piece by piece (`Labels.writeText`).
protocol TextOut {
    mutating func write(_ literal: StaticString)
    mutating func write(_ text: String)
    /// Bytes that never need escaping (digits, separators, the euro sign), as they are.
    mutating func write(plain bytes: UnsafeBufferPointer<UInt8>)
    /// At most `capacity` such bytes, written by `body` (a number, an amount, a date).
    mutating func plain(capacity: Int, _ body: (inout ASCIIText.Writer) -> Void)
}

extension TextOut {
    /// The German words or the English ones: words of the text itself, never a string made for
    /// them (written `de ? "…" : "…"`, the two literals were taken for strings).
    @inline(__always) mutating func write(_ german: Bool, _ de: StaticString, _ en: StaticString) {
        write(german ? de : en)
    }

    /// A date as `Formatter.date` spells it (`17.03.2026`, `2026-03-17`).
    mutating func date(_ d: CivilDate, _ f: Formatter) {
        let c = d.components
        guard (0...9999).contains(c.year) else { write(f.date(d)); return }
        plain(capacity: 10) { w in
            if f.language == .de {
                w.digits(UInt64(c.day), width: 2)
                w.byte(UInt8(ascii: "."))
                w.digits(UInt64(c.month), width: 2)
                w.byte(UInt8(ascii: "."))
                w.digits(UInt64(c.year), width: 4)
            } else {
                w.digits(UInt64(c.year), width: 4)
                w.byte(UInt8(ascii: "-"))
                w.digits(UInt64(c.month), width: 2)
                w.byte(UInt8(ascii: "-"))
                w.digits(UInt64(c.day), width: 2)
            }
        }
    }

    /// A period as `Formatter.period` spells it: one date, or two with a dash.
    mutating func period(_ p: Period, _ f: Formatter) {
        date(p.from, f)
        guard p.from != p.to else { return }
        write("–")
        date(p.to, f)
    }

    /// An amount as `Formatter.money` spells it, written without a string made for it.
    mutating func money(_ m: Money, _ f: Formatter) {
        plain(capacity: 40) { f.write(money: m, to: &$0) }
    }

    /// A decimal as `Formatter.decimal` spells it.
    mutating func decimal(_ d: ExactDecimal, _ f: Formatter) {
        guard d.scale <= ExactDecimal.writtenScale else { write(f.decimal(d)); return }
        plain(capacity: 22 + d.scale) { d.write(point: f.point, to: &$0) }
    }

    /// A whole number.
    mutating func int(_ n: Int) {
        plain(capacity: 21) { w in
            if n < 0 { w.byte(UInt8(ascii: "-")) }
            w.digits(n.magnitude.toUInt64)
        }
    }

    /// Written where `body` can write, then copied: for texts without room of their own to write into.
    mutating func plain(capacity: Int, _ body: (inout ASCIIText.Writer) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var w = ASCIIText.Writer(buffer: buffer)
            body(&w)
            write(plain: UnsafeBufferPointer(rebasing: buffer[..<w.count]))
        }
    }
}

private extension UInt {
    var toUInt64: UInt64 { UInt64(self) }
}

/// A `TextOut` that adds what is written to bytes it holds (a line's text, a table's cells, an
/// HTML text before it is escaped).
protocol ByteTextOut: TextOut {
    var bytes: [UInt8] { get set }
}

extension ByteTextOut {
    mutating func write(_ literal: StaticString) { literal.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    mutating func write(_ text: String) {
        text.withUTF8InPlace { bytes.append(contentsOf: $0) }
    }

    mutating func write(plain bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }
}

/// A text collected as UTF-8 bytes, made a string once.
struct TextBytes: ByteTextOut {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(96) }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
