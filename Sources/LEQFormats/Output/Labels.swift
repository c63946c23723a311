import LEQCore

/// Every fixed text a rendered statement prints, in German and English.
struct Labels {
    let language: Language
    let f: Formatter

    init(_ language: Language) {
        self.language = language
        f = Formatter(language)
    }

    /// Only the text of the language printed is built (most texts interpolate amounts and dates).
    private func t(_ de: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String { language == .de ? de() : en() }

    var statement: String { t("Abrechnung", "Statement") }
    var number: String { t("Nr.", "No.") }
    var month: String { t("Leistungsmonat", "Month of service") }
    var issued: String { t("Rechnungsdatum", "Date of issue") }
    var provider: String { t("Leistungserbringer", "Provider") }
    var recipient: String { t("Rechnungsempfänger (Jugendamt)", "Addressed to (youth office)") }
    var taxNumber: String { t("Steuernummer", "Tax number") }
    var creditorNumber: String { t("Kreditorennummer", "Creditor number") }
    var leitwegID: String { "Leitweg-ID" }
    var agreement: String { t("Vereinbarung", "Agreement") }
    var agreementBasis: String { t("LEQ-Vereinbarung nach §§ 78a ff. SGB VIII", "LEQ agreement under §§ 78a ff. SGB VIII") }
    var caseColumn: String { t("Fall", "Case") }
    var fileReference: String { t("Aktenzeichen", "File reference") }
    var service: String { t("Leistung", "Service") }
    var text: String { t("Art", "Item") }
    var period: String { t("Zeitraum", "Period") }
    var quantity: String { t("Menge", "Quantity") }
    var rate: String { t("Satz", "Rate") }
    var amount: String { t("Betrag", "Amount") }
    var kind: String { t("Art (Schlüssel)", "Kind") }
    var legalBasis: String { t("Rechtsgrundlage", "Legal basis") }
    var category: String { t("Kategorie", "Category") }
    var bearersLabel: String { t("Kostenträger", "Cost bearers") }
    var totalsByBearer: String { t("Summen nach Kostenträger", "Totals by cost bearer") }
    var total: String { t("Gesamtbetrag", "Total") }
    var sum: String { t("Summe", "Total") }
    var warnings: String { t("Hinweise", "Warnings") }
    var noLines: String { t("Keine abrechenbaren Leistungen in diesem Monat.", "Nothing to bill this month.") }
    var budgetState: String { t("Fallbudgets – Stand nach diesem Monat", "Case budgets – after this month") }
    var budgetAmount: String { t("Budget", "Budget") }
    var budgetUsedBefore: String { t("verbraucht bisher", "used before") }
    var budgetUsedNow: String { t("diesen Monat", "this month") }
    var budgetLeft: String { t("verbleibend", "left") }
    var installments: String { t("Raten", "installments") }
    var drawdown: String { t("Abruf", "drawdown") }
    var withheld: String { t("Einbehalten bis zum Nachweis der Zusatzkraft (nicht im Gesamtbetrag)", "Withheld until the proof of the extra staff (not in the total)") }
    var certifiedBox: String { t("Sachlich und rechnerisch richtig (Name, Datum):", "Factually and arithmetically correct (name, date):") }
    var approvedBox: String { t("Angeordnet (Name, Datum):", "Payment ordered (name, date):") }
    var statementNumber: String { t("Abrechnungsnummer", "Statement number") }
    var issuedShort: String { t("Datum", "Date") }
    var yourCreditorNumber: String { t("Ihre Kreditorennummer", "Your creditor number") }
    var yourTaxNumber: String { t("Ihre Steuernummer", "Your tax number") }
    var vatIDLabel: String { t("USt-IdNr.", "VAT ID") }
    var yourContact: String { t("Ihr Ansprechpartner", "Your contact") }
    var payTo: String { t("Zahlung an", "Paid to") }
    var noBankAccount: String { t("Bankverbindung fehlt in der Vereinbarung", "no bank account in the agreement") }
    var dueLabel: String { t("Fälligkeit", "Due") }
    var referenceLabel: String { t("Verwendungszweck", "Payment reference") }
    var budgetLines: String { t("Haushaltsstellen", "Budget lines") }
    var withheldShort: String { t("einbehalten (nicht im Gesamtbetrag)", "withheld (not in the total)") }
    var perCaseTitle: String { t("Summen je Fall (Fälle in mehreren Abschnitten)", "Totals per case (cases in several sections)") }
    func dueText(_ days: Int?) -> String {
        guard let days else { return t("nach Feststellung und Anordnung", "after certification and order to pay") }
        return t("\(days) Tage nach Feststellung und Anordnung (Vier-Augen-Prinzip), ohne Abzug",
                 "\(days) days after certification and order to pay (four eyes), without deduction")
    }
    func issuedBy(office: String, provider: String, agreement: String) -> String {
        t("Abrechnung (Gutschrift) des Jugendamts \(office) über die Leistungen von \(provider) nach der Vereinbarung \(agreement) (LEQ-Vereinbarung nach §§ 78a ff. SGB VIII).",
          "Statement (self-billed) by the youth office \(office) for the services of \(provider) under the agreement \(agreement) (LEQ agreement under §§ 78a ff. SGB VIII).")
    }
    var vatNote: String {
        t("Die Leistungen sind nach § 4 Nr. 25 UStG von der Umsatzsteuer befreit.",
          "The services are exempt from VAT under § 4 Nr. 25 UStG.")
    }

    func section(_ s: Section) -> String {
        switch s {
        case .base: return t("Regelleistungen", "Base services")
        case .absences: return t("Abwesenheiten", "Absences")
        case .topUps: return t("Zusätzliche Einzelfallhilfen", "Top-ups")
        case .budgets: return t("Fallbudgets", "Case budgets")
        case .incentives: return t("Bonus und Malus", "Incentives")
        case .corrections: return t("Korrekturen", "Corrections")
        case .family: return t("Anreize für Familien (nicht Teil des Gesamtbetrags)", "Family incentives (not part of the total)")
        }
    }

    func unit(_ u: QuantityUnit, _ n: ExactDecimal) -> String {
        let one = n.units == 1 && n.scale == 0
        switch u {
        case .day: return one ? t("Tag", "day") : t("Tage", "days")
        case .hour: return one ? t("Std.", "hour") : t("Std.", "hours")
        case .once: return t("pauschal", "once")
        }
    }

    func rateUnit(_ u: RateUnit) -> String {
        switch u {
        case .month: return t("/Monat", "/month")
        case .day: return t("/Tag", "/day")
        case .hour: return t("/Std.", "/hour")
        case .once: return ""
        }
    }

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
            writePeriod(details?.value.budgetPeriod, to: &out)
            out.write(", ")
            writeBasisDays(line, to: &out)
            out.write(de, " Tage): ", " days): ")
            if let budget = details?.value.budgetPeriod, line.period.contains(budget.to) {
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
            writePeriod(details?.value.budgetPeriod, to: &out)
            out.write(de, ") ausgeschöpft", ") used up")
        case .budgetSavings:
            out.write(de, "Einsparanteil Fallbudget (", "Savings share of the case budget (")
            writePeriod(details?.value.budgetPeriod, to: &out)
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
            out.write(details?.value.reportDue.map { f.date($0) } ?? "?")
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

    /// Why a top-up day is not paid or why a top-up ends.
    func topUpReason(_ reason: TopUpReason?) -> String {
        switch reason {
        case .staffNotStarted?: return t("Zusatzkraft noch nicht im Einsatz", "the extra staff has not started")
        case .absentVolunteer?: return t("FSJ-/BFD-Kraft, bei Abwesenheit keine Übernahme", "volunteer (FSJ/BFD), not paid during absence")
        case .absentExternal?: return t("externer Dienst, bei Abwesenheit keine Leistung", "external service, nothing during absence")
        case .absenceCapReached?: return t("Abwesenheit über der Jahresgrenze", "absence past the yearly cap")
        case .proofMissing?: return t("kein Nachweis der Zusatzkraft", "no proof of the extra staff")
        case .serviceChange?: return t("Wechsel in ein anderes Angebot", "change to another service")
        case .providerChange?: return t("Wechsel zu einem anderen Leistungserbringer", "change to another provider")
        case .permanentDeparture?: return t("dauerhaft nicht mehr in diesem Angebot betreut", "no longer cared for here, for good")
        case .approvalExpired?: return t("Bewilligungszeitraum abgelaufen", "the approval expired")
        case .caseEnded?: return t("Hilfe beendet", "the case ended")
        case .staffIllness?: return t("Zusatzkraft ab dem 43. Krankheitstag ohne Vertretung (Krankengeld)", "extra staff ill from day 43 without a substitute (sick pay)")
        case .absentPaid?, .absentReduced?, .staffIll?, .substitute?, nil: return ""
        }
    }

    /// A line kind's short name, as a correction names what it corrects.
    func kindName(_ kind: LineKind) -> String {
        switch kind {
        case .flatRate: return t("Fallpauschale", "flat rate")
        case .clearingFee: return t("Clearingpauschale", "clearing fee")
        case .clearingExtension: return t("Clearing-Verlängerung", "clearing extension")
        case .dailyRate: return t("Tagessatz", "daily rate")
        case .absenceFull: return t("Abwesenheit (voll)", "absence (full)")
        case .absenceReduced: return t("Abwesenheit (abgesenkt)", "absence (reduced)")
        case .absenceUnpaid: return t("Abwesenheit (nicht vergütet)", "absence (not paid)")
        case .hours: return t("Fachleistungsstunden", "specialist hours")
        case .hoursNotApproved: return t("Fachleistungsstunden (nicht bewilligt)", "specialist hours (not approved)")
        case .budgetInstallment: return t("Fallbudget (Rate)", "case budget (installment)")
        case .budgetCut: return t("Fallbudget (Kürzung)", "case budget (cut)")
        case .budgetSavings: return t("Einsparanteil", "savings share")
        case .topUp: return t("Zusatzbetreuung", "top-up")
        case .topUpWithheld: return t("Zusatzbetreuung (einbehalten)", "top-up (withheld)")
        case .topUpCatchUp: return t("Zusatzbetreuung (Nachzahlung)", "top-up (catch-up)")
        case .topUpNotPaid: return t("Zusatzbetreuung (nicht vergütet)", "top-up (not paid)")
        case .topUpEnded: return t("Zusatzbetreuung (Ende)", "top-up (end)")
        case .topUpForfeited: return t("Zusatzbetreuung (verfallen)", "top-up (forfeited)")
        case .goalBonus: return t("Bonus Zielerreichung", "goal bonus")
        case .goalMalus: return t("Malus Zielerreichung", "goal malus")
        case .reportMalus: return t("Malus Bericht", "report malus")
        case .endBonus: return t("Bonus Beendigung", "end bonus")
        case .endMalus: return t("Malus Beendigung", "end malus")
        case .bonusClawback: return t("Rückforderung Bonus", "bonus clawback")
        case .bonusCapCut: return t("Kappung Bonus", "bonus cap")
        case .malusCapCut: return t("Kappung Malus", "malus cap")
        case .familyIncentive: return t("Familienanreiz", "family incentive")
        case .correction: return t("Korrektur", "correction")
        }
    }

    /// A goal attainment for reading: exact when whole, else to two decimals (the comparison with
    /// the thresholds is exact).
    func attainment(_ a: Fraction) -> String {
        if a.denominator == 1 { return "\(a.numerator)" }
        let hundredths = RoundingMode.halfAwayFromZero.round(Int128(a.numerator) * 100, over: Int128(a.denominator))
        return f.decimal(ExactDecimal(units: hundredths, scale: 2))
    }

    func goalArea(_ area: GoalArea) -> String {
        switch area {
        case .school: return t("Schule/Ausbildung", "school")
        case .relationships: return t("Beziehungen", "relationships")
        case .socialBehaviour: return t("Sozialverhalten", "social behaviour")
        case .leisure: return t("Freizeit", "leisure")
        case .therapy: return t("Therapie", "therapy")
        case .other: return t("Sonstiges", "other")
        }
    }

    /// The heading over a case's lines; provider-wide lines (the caps) have no case.
    func caseHeading(_ line: StatementLine, service: Service?) -> String {
        guard !line.caseID.isEmpty else { return t("Träger insgesamt", "Provider as a whole") }
        let name = service.map { "\($0.legalBasis) \($0.name)" } ?? line.service
        let reference = line.fileReference.isEmpty ? "" : ", \(fileReference) \(line.fileReference)"
        return "\(caseColumn) \(line.caseID)\(reference) – \(name)"
    }

    /// Known absence reasons in the statement's language; others as the case file names them.
    func absenceReason(_ reason: String) -> String {
        switch reason {
        case "hospital": return t("Krankenhaus", "hospital")
        case "holiday": return t("Urlaub/Familienheimfahrt", "holiday with the family")
        case "runaway": return t("Entweichung", "running away")
        case "cure": return t("Kur", "cure")
        default: return reason
        }
    }

    func warning(_ w: SettlementWarning) -> String {
        let p = f.period(w.period)
        switch w.kind {
        case .clearingExtensionNotApproved:
            return t("Clearing länger als die Pauschale deckt, Verlängerung nicht genehmigt: \(w.days) Tage (\(p)) nicht abgerechnet.",
                     "Clearing longer than the fee covers, no approved extension: \(w.days) days (\(p)) not billed.")
        case .clearingBeyondMaximum:
            return t("Clearing über die Höchstdauer hinaus: \(w.days) Tage (\(p)) sind nie abrechenbar.",
                     "Clearing beyond its maximum length: \(w.days) days (\(p)) are never billed.")
        case .noCategory:
            return t("Keine Fallkategorie festgelegt: \(w.days) Tage (\(p)) ohne Fallpauschale.",
                     "No case category set: \(w.days) days (\(p)) without a flat rate.")
        case .clearingWithoutEnd:
            return t("Fall beendet, aber Clearing ohne Enddatum (\(p)): keine Clearingpauschale abgerechnet.",
                     "Case ended but clearing has no end date (\(p)): no clearing fee billed.")
        case .absenceCapReached:
            return t("Abwesenheit über der Jahresgrenze: \(w.days) Tage (\(p)) nicht vergütet.",
                     "Absence past the yearly cap: \(w.days) days (\(p)) not paid.")
        case .hoursNotApproved:
            let h = w.hours.map { f.decimal($0) } ?? "?"
            return t("Fachleistungsstunden über die Bewilligung hinaus: \(h) Std. (\(p)) nicht vergütet; Bewilligung prüfen.",
                     "Specialist hours beyond the approval: \(h) h (\(p)) not paid; check the approval.")
        case .budgetExceeded:
            let a = w.amount.map { f.money($0) } ?? "?"
            return t("Fallbudget ausgeschöpft: \(a) gekürzt (\(p)).", "Case budget used up: \(a) cut (\(p)).")
        case .topUpProofMissing:
            let a = w.amount.map { f.money($0) } ?? "?"
            return t("Zusatzbetreuung ohne Nachweis der Zusatzkraft beendet: der Zuschlag für \(p), \(a), wird nicht gezahlt.",
                     "Top-up ended without proof of the extra staff: the top-up for \(p), \(a), is not paid.")
        }
    }
}

/// Where a line's text is written piece by piece (`Labels.writeText`).
protocol TextOut {
    mutating func write(_ literal: StaticString)
    mutating func write(_ text: String)
    /// Bytes that never need escaping (digits, separators, the euro sign), as they are.
    mutating func write(plain bytes: UnsafeBufferPointer<UInt8>)
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

    private mutating func plain(capacity: Int, _ body: (inout ASCIIText.Writer) -> Void) {
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

/// A text collected as UTF-8 bytes, made a string once.
struct TextBytes: TextOut {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(96) }

    mutating func write(_ literal: StaticString) { literal.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func write(plain bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
