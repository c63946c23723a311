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

    /// The line's text: what it pays for and how the amount follows from rate and quantity.
    /// The kinds of line whose text `writeText` writes: flat rates, daily rates, specialist hours
    /// — most lines of a statement.
    static func writesPieces(_ kind: LineKind) -> Bool {
        switch kind {
        case .flatRate, .dailyRate, .hours, .hoursNotApproved: return true
        default: return false
        }
    }

    /// The text of a line of a kind `writesPieces`, written piece by piece into `out`: a string
    /// (`text(_:)`), or straight into a JSON document, without a string made for it (built as a
    /// string by interpolation, a line's text cost more than the rest of the line).
    func writeText<Out: TextOut>(_ line: StatementLine, to out: inout Out) {
        let de = language == .de
        let details = line.details
        switch line.kind {
        case .flatRate:
            out.write(de ? "Fallpauschale Kategorie " : "Flat rate category ")
            out.write(line.category ?? "?")
            if let d = details?.divisor, let monthly = details?.monthlyRate {
                out.write(": ")
                out.write(f.money(monthly))
                out.write(" ÷ ")
                out.write(f.decimal(d))
                out.write(" = ")
                out.write(f.money(line.rate))
                out.write(de ? "/Tag × " : "/day × ")
                out.write(f.decimal(line.quantity))
                out.write(de ? " Tage" : " days")
                if details?.capped == true { out.write(de ? ", höchstens der Monatsbetrag" : ", at most the monthly amount") }
            } else {
                out.write(": ")
                out.write(f.money(line.rate))
                out.write(" × ")
                out.write(f.decimal(line.quantity))
                out.write("/")
                out.write(line.basisDays.map(String.init) ?? "?")
                out.write(de ? " Tage" : " days")
            }
            if let p = details?.percent, let full = details?.fullRate, let m = details?.caseMonth {
                out.write(de ? " (ab Fallmonat " : " (from case month ")
                out.write(String(m))
                out.write(": ")
                out.write(f.decimal(p))
                out.write(de ? " % von " : " % of ")
                out.write(f.money(full))
                out.write(")")
            }
            writeIncrease(details, to: &out)
        case .dailyRate:
            out.write(de ? "Tagessatz" : "Daily rate")
            if let category = line.category {
                out.write(de ? " Kategorie " : " category ")
                out.write(category)
            }
            out.write(": ")
            writeQuantityTimesRate(line, de ? " Tage anwesend × " : " days present × ", details, to: &out)
        case .hours:
            out.write(de ? "Fachleistungsstunden: " : "Specialist hours: ")
            writeQuantityTimesRate(line, de ? " Std. × " : " h × ", details, to: &out)
        case .hoursNotApproved:
            out.write(de ? "Fachleistungsstunden über die Bewilligung hinaus: " : "Specialist hours beyond the approval: ")
            out.write(f.decimal(line.quantity))
            out.write(de ? " Std., nicht vergütet" : " h, not paid")
        default:
            assertionFailure("no text in pieces for \(line.kind)")
        }
    }

    /// `12,5 Std. × 62,50 €` and the increase, if any: the quantity, `unit`, the rate.
    private func writeQuantityTimesRate<Out: TextOut>(_ line: StatementLine, _ unit: StaticString, _ details: LineDetail?,
                                                      to out: inout Out) {
        out.write(f.decimal(line.quantity))
        out.write(unit)
        out.write(f.money(line.rate))
        writeIncrease(details, to: &out)
    }

    /// ` (Satz nach Erhöhung um 2,35 %)`, where the rate was increased.
    private func writeIncrease<Out: TextOut>(_ details: LineDetail?, to out: inout Out) {
        guard let increase = details?.increase else { return }
        out.write(language == .de ? " (Satz nach Erhöhung um " : " (rate after a ")
        out.write(f.decimal(increase))
        out.write(language == .de ? " %)" : " % increase)")
    }

    func text(_ line: StatementLine) -> String {
        if Self.writesPieces(line.kind) {
            var text = TextBytes()
            writeText(line, to: &text)
            return text.string
        }
        let increase = line.increase.map { t(" (Satz nach Erhöhung um \(f.decimal($0)) %)", " (rate after a \(f.decimal($0)) % increase)") } ?? ""
        switch line.kind {
        case .absenceFull, .absenceReduced, .absenceUnpaid:
            let reason = absenceReason(line.reason ?? "")
            let range = line.absenceDays.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" } ?? "?"
            let head = t("Abwesenheit (\(reason)), Abwesenheitstag\(line.absenceDays?.count == 1 ? "" : "e") \(range)",
                         "Absence (\(reason)), absence day\(line.absenceDays?.count == 1 ? "" : "s") \(range)")
            let reduced = line.percent.map { p in
                line.fullRate.map { t("\(f.decimal(p)) % von \(f.money($0)) = \(f.money(line.rate))/Tag", "\(f.decimal(p)) % of \(f.money($0)) = \(f.money(line.rate))/day") } ?? ""
            } ?? ""
            switch line.kind {
            case .absenceFull: return head + t(": voller Tagessatz \(f.money(line.rate))", ": full daily rate \(f.money(line.rate))") + increase
            case .absenceReduced: return head + ": " + reduced + increase
            default: return head + t(": über der Jahresgrenze, nicht vergütet (\(reduced))", ": past the yearly cap, not paid (\(reduced))")
            }
        case .budgetInstallment:
            let p = line.budgetPeriod.map { f.period($0) } ?? "?"
            let total = line.basisDays.map(String.init) ?? "?"
            let last = line.budgetPeriod.map { line.period.contains($0.to) } ?? false
            return t("Fallbudget \(f.money(line.rate)) (\(p), \(total) Tage): ", "Case budget \(f.money(line.rate)) (\(p), \(total) days): ")
                + (last ? t("Schlussrate (Restbetrag)", "final installment (the remainder)")
                        : t("Rate für \(f.decimal(line.quantity)) Tage, \(f.money(line.rate)) × \(f.decimal(line.quantity))/\(total)",
                            "installment for \(f.decimal(line.quantity)) days, \(f.money(line.rate)) × \(f.decimal(line.quantity))/\(total)"))
        case .budgetCut:
            let p = line.budgetPeriod.map { f.period($0) } ?? "?"
            return t("Kürzung: Fallbudget \(f.money(line.rate)) (\(p)) ausgeschöpft", "Cut: case budget \(f.money(line.rate)) (\(p)) used up")
        case .budgetSavings:
            let p = line.budgetPeriod.map { f.period($0) } ?? "?"
            let share = line.percent.map { f.decimal($0) } ?? "?"
            return t("Einsparanteil Fallbudget (\(p)): \(share) % von \(f.money(line.rate)) nicht verbraucht",
                     "Savings share of the case budget (\(p)): \(share) % of \(f.money(line.rate)) unspent")
        case .flatRate, .dailyRate, .hours, .hoursNotApproved:
            return ""  // written in pieces above
        case .topUp, .topUpWithheld, .topUpNotPaid:
            return topUpText(line)
        case .topUpCatchUp:
            let m = line.forMonth.map { f.month($0) } ?? "?"
            if line.unit == .day {
                let days = "\(f.decimal(line.quantity)) \(unit(.day, line.quantity)) × \(f.money(line.rate))"
                return t("Zusatzbetreuung: Nachzahlung des für \(m) einbehaltenen Zuschlags, \(days)/Tag (Nachweis der Zusatzkraft eingegangen)",
                         "Top-up: catch-up of the amount withheld for \(m), \(days)/day (proof of the extra staff received)")
            }
            return t("Zusatzbetreuung: Nachzahlung des für \(m) einbehaltenen Zuschlags (Nachweis der Zusatzkraft eingegangen)",
                     "Top-up: catch-up of the amount withheld for \(m) (proof of the extra staff received)")
        case .topUpEnded:
            return t("Zusatzbetreuung endet mit diesem Tag: ", "Top-up ends with this day: ") + topUpReason(line.topUpReason)
        case .topUpForfeited:
            let a = line.withheld.map { f.money($0) } ?? "?"
            return t("Kein Nachweis der Zusatzkraft bis zum Ende der Zusatzbetreuung: der Zuschlag aller fälligen Tage, \(a), wird nicht gezahlt",
                     "No proof of the extra staff by the end of the top-up: the top-up of all days due, \(a), is not paid")
        case .goalBonus, .goalMalus:
            let head = line.kind == .goalBonus ? t("Bonus Zielerreichung", "Goal bonus") : t("Malus Zielerreichung", "Goal malus")
            let a = line.attainment.map(attainment) ?? "?"
            let p = line.percent.map { f.decimal($0) } ?? "?"
            return head + t(" (Bewertung vom \(f.date(line.period.to)): Zielerreichung \(a)): \(p) % von \(f.money(line.rate)) (Pauschalen, Tagessätze, Stunden seit der letzten Bewertung)",
                            " (evaluation of \(f.date(line.period.to)): attainment \(a)): \(p) % of \(f.money(line.rate)) (flat, daily and hourly amounts since the last evaluation)")
        case .reportMalus:
            let due = line.reportDue.map { f.date($0) } ?? "?"
            let received = line.reportReceived.map { t("eingegangen am \(f.date($0)), nach der Frist", "received \(f.date($0)), after the grace period") }
                ?? t("nicht eingegangen", "not received")
            return t("Malus Bericht, fällig am \(due): \(received)", "Report malus, due \(due): \(received)")
        case .endBonus:
            return t("Bonus Beendigung: Ziele erreicht, planmäßig beendet", "End bonus: goals achieved, ended as planned")
        case .endMalus:
            return t("Malus Beendigung: Abbruch durch den Träger", "End malus: terminated by the provider")
        case .bonusClawback:
            let next = line.relatedCase ?? "?"
            return t("Rückforderung des Beendigungsbonus: neue Hilfe \(next) ab \(f.date(line.period.to)) innerhalb der Nachhaltigkeitsfrist",
                     "End bonus clawed back: new case \(next) from \(f.date(line.period.to)) within the sustainability period")
        case .bonusCapCut, .malusCapCut:
            let p = line.percent.map { f.decimal($0) } ?? "?"
            return line.kind == .bonusCapCut
                ? t("Kappung Bonus: höchstens \(p) % der Grundbeträge des Jahres bis hier (\(f.money(line.rate)))",
                    "Bonus cap: at most \(p) % of the year's base amounts so far (\(f.money(line.rate)))")
                : t("Kappung Malus: höchstens \(p) % der Grundbeträge des Jahres bis hier (\(f.money(line.rate)))",
                    "Malus cap: at most \(p) % of the year's base amounts so far (\(f.money(line.rate)))")
        case .familyIncentive:
            let area = line.goalArea.map(goalArea) ?? "?"
            return t("Familienanreiz: Ziel \(area) erreicht (Bewertung \(line.percent.map { f.decimal($0) } ?? "?"))",
                     "Family incentive: goal \(area) attained (rating \(line.percent.map { f.decimal($0) } ?? "?"))")
        case .correction:
            let kind = line.correctedKind.map(kindName) ?? "?"
            let m = line.forMonth.map { f.month($0) } ?? "?"
            return t("Korrektur zu \(line.corrects ?? "?") (\(m)), \(kind): neu \(f.money((line.previousAmount ?? .zero) + line.amount)) statt bisher \(f.money(line.previousAmount ?? .zero))",
                     "Correction to \(line.corrects ?? "?") (\(m)), \(kind): now \(f.money((line.previousAmount ?? .zero) + line.amount)) instead of \(f.money(line.previousAmount ?? .zero)) so far")
        case .clearingFee:
            let days = line.clearingDays.map { "\($0.upperBound)" } ?? "?"
            return t("Clearingpauschale (deckt \(days) Clearingtage)", "Clearing fee (covers \(days) clearing days)") + increase
        case .clearingExtension:
            let range = line.clearingDays.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "?"
            let weekly = line.weeklyRate.map { f.money($0) } ?? "?"
            return t("Clearing-Verlängerung, Clearingtage \(range): Wochensatz \(weekly) ÷ 7 = \(f.money(line.rate))/Tag",
                     "Clearing extension, clearing days \(range): weekly rate \(weekly) ÷ 7 = \(f.money(line.rate))/day") + increase
        }
    }

    /// A top-up line: how the daily (or hourly) amount follows from the approval, what the days
    /// had going on, and whether they are paid, withheld or not paid and why.
    func topUpText(_ line: StatementLine) -> String {
        var head: String
        let n = f.decimal(line.quantity)
        if line.unit == .hour {
            head = t("Zusatzbetreuung (Spitzabrechnung): \(n) Std. × \(f.money(line.rate))", "Top-up (hours delivered): \(n) h × \(f.money(line.rate))")
        } else if line.kind == .topUpNotPaid {
            head = t("Zusatzbetreuung \(f.money(line.rate))/Tag × \(n) ", "Top-up \(f.money(line.rate))/day × \(n) ") + unit(.day, line.quantity)
        } else {
            let daily = line.fullRate ?? line.rate
            let derivation = line.annualCost.map { cost in
                "\(f.money(cost)) × \(line.positionShare.map { f.decimal($0) } ?? "?") ÷ 365 = \(f.money(daily))"
            } ?? f.money(daily)
            head = t("Zusatzbetreuung: \(derivation)/Tag", "Top-up: \(derivation)/day")
            if let p = line.percent {
                head += t(", Bettengeld \(f.decimal(p)) % = \(f.money(line.rate))/Tag", ", reduced absence rate \(f.decimal(p)) % = \(f.money(line.rate))/day")
            }
            head += " × \(n) " + unit(.day, line.quantity)
        }
        let one = line.absenceDays?.count == 1
        let range = line.absenceDays.map { one ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" } ?? "?"
        let absence = t("Abwesenheit (\(line.reason.map { absenceReason($0) } ?? "?")), Abwesenheitstag\(one ? "" : "e") \(range)",
                        "absence (\(line.reason.map { absenceReason($0) } ?? "?")), absence day\(one ? "" : "s") \(range)")
        let illness = t("Zusatzkraft erkrankt, Krankheitstag\(one ? "" : "e") \(range)", "extra staff ill, day\(one ? "" : "s") \(range) of illness")
        switch line.topUpReason {
        case .absentPaid?: head += " – " + absence + t(": weitergezahlt", ": paid on")
        case .absentReduced?: head += " – " + absence
        case .staffIll?: head += " – " + illness + t(": weitergezahlt", ": paid on")
        case .substitute?: head += " – " + illness + t(": Vertretungskraft im Einsatz, weitergezahlt", ": a substitute works, paid on")
        case .absentVolunteer?, .absentExternal?, .absenceCapReached?: head += " – " + absence
        default: break
        }
        switch line.kind {
        case .topUpWithheld:
            let a = line.withheld.map { f.money($0) } ?? "?"
            return head + t(": \(a) einbehalten bis zum Nachweis der Zusatzkraft", ": \(a) withheld until the proof of the extra staff")
        case .topUpNotPaid:
            return head + t(": nicht vergütet – ", ": not paid – ") + topUpReason(line.topUpReason)
        default:
            return head
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

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
