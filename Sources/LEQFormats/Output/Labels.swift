import LEQCore

/// Every fixed text a rendered statement prints, in German and English.
struct Labels {
    let language: Language
    let f: Formatter

    init(_ language: Language) {
        self.language = language
        f = Formatter(language)
    }

    private func t(_ de: String, _ en: String) -> String { language == .de ? de : en }

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
    var statementNumber: String { t("Abrechnungsnummer", "Statement number") }
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
        case .once: return ""
        }
    }

    /// The line's text: what it pays for and how the amount follows from rate and quantity.
    func text(_ line: StatementLine, service: Service?) -> String {
        let increase = line.increase.map { t(" (Satz nach Erhöhung um \(f.decimal($0)) %)", " (rate after a \(f.decimal($0)) % increase)") } ?? ""
        switch line.kind {
        case .flatRate:
            let days = f.decimal(line.quantity)
            let basis = line.basisDays.map(String.init) ?? "?"
            return t("Fallpauschale Kategorie \(line.category ?? "?"): \(f.money(line.rate)) × \(days)/\(basis) Tage",
                     "Flat rate category \(line.category ?? "?"): \(f.money(line.rate)) × \(days)/\(basis) days") + increase
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
        }
    }
}
