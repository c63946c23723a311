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
        var text = TextBytes()
        writeCaseHeading(line, service: service, to: &text)
        return text.string
    }

    /// The same, written piece by piece (no string made for it: a text statement has one per case).
    func writeCaseHeading<Out: TextOut>(_ line: StatementLine, service: Service?, to out: inout Out) {
        guard !line.caseID.isEmpty else { return out.write(language == .de, "Träger insgesamt", "Provider as a whole") }
        out.write(caseColumn)
        out.write(" ")
        out.write(line.caseID)
        if !line.fileReference.isEmpty {
            out.write(", ")
            out.write(fileReference)
            out.write(" ")
            out.write(line.fileReference)
        }
        out.write(" – ")
        if let service {
            out.write(service.legalBasis)
            out.write(" ")
            out.write(service.name)
        } else {
            out.write(line.service)
        }
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

    /// A warning's text for the reader of the statement.
    func warning(_ w: SettlementWarning) -> String {
        var text = TextBytes()
        writeWarning(w, to: &text)
        return text.string
    }

    /// The same text written piece by piece into `out` (into a JSON document without a string
    /// made for it: a statement of a million cases has tens of thousands of warnings).
    func writeWarning<Out: TextOut>(_ w: SettlementWarning, to out: inout Out) {
        let de = language == .de
        switch w.kind {
        case .clearingExtensionNotApproved:
            out.write(de, "Clearing länger als die Pauschale deckt, Verlängerung nicht genehmigt: ",
                      "Clearing longer than the fee covers, no approved extension: ")
            writeWarningDays(w, de ? " Tage (" : " days (", to: &out)
            out.write(de, ") nicht abgerechnet.", ") not billed.")
        case .clearingBeyondMaximum:
            out.write(de, "Clearing über die Höchstdauer hinaus: ", "Clearing beyond its maximum length: ")
            writeWarningDays(w, de ? " Tage (" : " days (", to: &out)
            out.write(de, ") sind nie abrechenbar.", ") are never billed.")
        case .noCategory:
            out.write(de, "Keine Fallkategorie festgelegt: ", "No case category set: ")
            writeWarningDays(w, de ? " Tage (" : " days (", to: &out)
            out.write(de, ") ohne Fallpauschale.", ") without a flat rate.")
        case .clearingWithoutEnd:
            out.write(de, "Fall beendet, aber Clearing ohne Enddatum (", "Case ended but clearing has no end date (")
            out.period(w.period, f)
            out.write(de, "): keine Clearingpauschale abgerechnet.", "): no clearing fee billed.")
        case .absenceCapReached:
            out.write(de, "Abwesenheit über der Jahresgrenze: ", "Absence past the yearly cap: ")
            writeWarningDays(w, de ? " Tage (" : " days (", to: &out)
            out.write(de, ") nicht vergütet.", ") not paid.")
        case .hoursNotApproved:
            out.write(de, "Fachleistungsstunden über die Bewilligung hinaus: ", "Specialist hours beyond the approval: ")
            if let h = w.hours { out.decimal(h, f) } else { out.write("?") }
            out.write(de, " Std. (", " h (")
            out.period(w.period, f)
            out.write(de, ") nicht vergütet; Bewilligung prüfen.", ") not paid; check the approval.")
        case .budgetExceeded:
            out.write(de, "Fallbudget ausgeschöpft: ", "Case budget used up: ")
            if let a = w.amount { out.money(a, f) } else { out.write("?") }
            out.write(de, " gekürzt (", " cut (")
            out.period(w.period, f)
            out.write(").")
        case .topUpProofMissing:
            out.write(de, "Zusatzbetreuung ohne Nachweis der Zusatzkraft beendet: der Zuschlag für ",
                      "Top-up ended without proof of the extra staff: the top-up for ")
            out.period(w.period, f)
            out.write(", ")
            if let a = w.amount { out.money(a, f) } else { out.write("?") }
            out.write(de, ", wird nicht gezahlt.", ", is not paid.")
        }
    }

    /// `12 Tage (01.03.2026–12.03.2026`: the warning's days, `unit`, its period.
    private func writeWarningDays<Out: TextOut>(_ w: SettlementWarning, _ unit: StaticString, to out: inout Out) {
        out.int(w.days)
        out.write(unit)
        out.period(w.period, f)
    }
}
