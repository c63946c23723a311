import LEQCore

/// A statement as an electronic invoice: UBL 2.1, XRechnung 3.0 (EN 16931), the only form a German
/// public body's invoice portal takes in.
///
/// The statement is a **self-billed invoice** (Gutschrift, type code 389): the youth office settles
/// the provider's services under the agreement and issues the document on the provider's behalf;
/// the provider (seller) is paid, the youth office (buyer) pays. Every statement line that moves
/// money or explains it becomes one invoice line (the family incentives, paid to families, do not);
/// corrections of earlier months are lines with their own (possibly negative) amounts, and each
/// corrected statement is named as a preceding invoice (BT-25). All services are exempt from VAT
/// under § 4 Nr. 25 UStG (category E). The totals are the statement's, to the cent. See
/// docs/payment-and-invoice.md.
public enum XRechnung {
    public static let customizationID = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
    public static let profileID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
    static let exemptionReason = "Steuerfrei nach § 4 Nr. 25 UStG (Leistungen der Kinder- und Jugendhilfe)"

    /// What the agreement must hold for an invoice, as JSON paths in the agreement file; empty when
    /// the statement can be written as XRechnung.
    public static func missing(_ s: Statement) -> [(path: String, what: Message)] {
        var out: [(String, Message)] = []
        if !s.lines.contains(where: { $0.kind.section != .family }) { out.append(("", "the statement \(s.number) has no lines: there is nothing to invoice")) }
        if PostalAddress(s.provider.address) == nil { out.append(("provider.address", "the last line must be \"PLZ Ort\", e.g. \"06110 Halle (Saale)\"")) }
        if PostalAddress(s.youthOffice.address) == nil { out.append(("youthOffice.address", "the last line must be \"PLZ Ort\", e.g. \"06108 Halle (Saale)\"")) }
        if s.provider.bank == nil { out.append(("provider.bank", "the provider's account (IBAN, account holder) is needed to be paid")) }
        if s.provider.contact == nil { out.append(("provider.contact", "a contact (name, phone, e-mail) is required on an XRechnung (BR-DE-2)")) }
        if (s.youthOffice.leitwegID ?? s.provider.leitwegID).isEmpty { out.append(("youthOffice.leitwegId", "the youth office's Leitweg-ID is the buyer reference (BR-DE-15)")) }
        return out
    }

    /// The invoice for one statement. Call `missing` first: without the data it needs, the
    /// document would be refused by the rules.
    public static func render(_ s: Statement) -> [UInt8] {
        var x = XMLWriter()
        let provider = s.provider, office = s.youthOffice
        let labels = Labels(.de)
        let lines = s.lines.filter { $0.kind.section != .family }
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        x.open("ubl:Invoice", attributes: [
            ("xmlns:ubl", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"),
            ("xmlns:cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"),
            ("xmlns:cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"),
        ])
        x.leaf("cbc:CustomizationID", customizationID)
        x.leaf("cbc:ProfileID", profileID)
        x.leaf("cbc:ID", s.number)
        x.leaf("cbc:IssueDate", s.issued.iso)
        x.leaf("cbc:InvoiceTypeCode", "389")
        x.leaf("cbc:Note", "Gutschrift: Abrechnung Nr. \(s.number) für den Leistungsmonat \(Formatter(.de).month(s.month)), "
            + "ausgestellt vom Jugendamt im Namen des Leistungserbringers nach der Vereinbarung \(s.agreementID) (§§ 78a ff. SGB VIII).")
        x.leaf("cbc:Note", labels.vatNote)
        x.leaf("cbc:DocumentCurrencyCode", "EUR")
        x.leaf("cbc:BuyerReference", office.leitwegID ?? provider.leitwegID)
        // The month of service, widened to every line's period (a clearing fee covers days before
        // the month, a correction an earlier month): each line's period must lie within it.
        x.open("cac:InvoicePeriod")
        x.leaf("cbc:StartDate", lines.reduce(s.month.firstDay) { min($0, $1.period.from) }.iso)
        x.leaf("cbc:EndDate", lines.reduce(s.month.lastDay) { max($0, $1.period.to) }.iso)
        x.close()
        var corrected: [String] = []
        for line in lines { if let c = line.corrects, !corrected.contains(c) { corrected.append(c) } }
        for number in corrected {
            x.open("cac:BillingReference")
            x.open("cac:InvoiceDocumentReference")
            x.leaf("cbc:ID", number)
            x.close()
            x.close()
        }

        // Seller: the provider.
        x.open("cac:AccountingSupplierParty")
        x.open("cac:Party")
        if let contact = provider.contact { x.leaf("cbc:EndpointID", contact.email, attributes: [("schemeID", "EM")]) }
        if !provider.creditorNumber.isEmpty {
            x.open("cac:PartyIdentification")
            x.leaf("cbc:ID", provider.creditorNumber)
            x.close()
        }
        x.open("cac:PartyName")
        x.leaf("cbc:Name", provider.name)
        x.close()
        address(&x, provider.address)
        if let vat = provider.vatID { taxScheme(&x, vat, scheme: "VAT") }
        if !provider.taxNumber.isEmpty { taxScheme(&x, provider.taxNumber, scheme: "FC") }
        x.open("cac:PartyLegalEntity")
        x.leaf("cbc:RegistrationName", provider.name)
        x.close()
        if let contact = provider.contact {
            x.open("cac:Contact")
            x.leaf("cbc:Name", contact.name)
            x.leaf("cbc:Telephone", contact.phone)
            x.leaf("cbc:ElectronicMail", contact.email)
            x.close()
        }
        x.close()
        x.close()

        // Buyer: the youth office.
        x.open("cac:AccountingCustomerParty")
        x.open("cac:Party")
        x.leaf("cbc:EndpointID", office.leitwegID ?? provider.leitwegID, attributes: [("schemeID", "0204")])
        address(&x, office.address)
        x.open("cac:PartyLegalEntity")
        x.leaf("cbc:RegistrationName", office.name)
        x.close()
        if let email = office.email {
            x.open("cac:Contact")
            x.leaf("cbc:ElectronicMail", email)
            x.close()
        }
        x.close()
        x.close()

        // Paid by credit transfer to the provider's account.
        if let bank = provider.bank {
            x.open("cac:PaymentMeans")
            x.leaf("cbc:PaymentMeansCode", "58")
            x.leaf("cbc:PaymentID", s.number)
            x.open("cac:PayeeFinancialAccount")
            x.leaf("cbc:ID", bank.iban)
            x.leaf("cbc:Name", bank.holder)
            if let bic = bank.bic {
                x.open("cac:FinancialInstitutionBranch")
                x.leaf("cbc:ID", bic)
                x.close()
            }
            x.close()
            x.close()
        }
        x.open("cac:PaymentTerms")
        x.leaf("cbc:Note", s.paymentTerms.map {
            "Zahlbar innerhalb von \($0.daysAfterApproval) Tagen nach Feststellung und Anordnung (Vier-Augen-Prinzip), ohne Abzug."
        } ?? "Zahlbar nach Feststellung und Anordnung (Vier-Augen-Prinzip), ohne Abzug.")
        x.close()

        // VAT: all exempt (category E), one breakdown.
        let total = lines.reduce(Money.zero) { $0 + $1.amount }
        x.open("cac:TaxTotal")
        x.amount("cbc:TaxAmount", .zero)
        x.open("cac:TaxSubtotal")
        x.amount("cbc:TaxableAmount", total)
        x.amount("cbc:TaxAmount", .zero)
        taxCategory(&x, reason: true)
        x.close()
        x.close()

        x.open("cac:LegalMonetaryTotal")
        x.amount("cbc:LineExtensionAmount", total)
        x.amount("cbc:TaxExclusiveAmount", total)
        x.amount("cbc:TaxInclusiveAmount", total)
        x.amount("cbc:PayableAmount", total)
        x.close()

        for (i, line) in lines.enumerated() {
            invoiceLine(&x, line, id: i + 1, statement: s, labels: labels)
        }
        x.close()
        return x.bytes
    }

    private static func invoiceLine(_ x: inout XMLWriter, _ line: StatementLine, id: Int, statement s: Statement, labels: Labels) {
        let service = s.service(line.service)
        x.open("cac:InvoiceLine")
        x.leaf("cbc:ID", String(id))
        if !line.fileReference.isEmpty { x.leaf("cbc:Note", "Fall \(line.caseID), Aktenzeichen \(line.fileReference)") }
        // The line's own quantity and unit rate where they give its amount exactly; else one unit of the amount.
        let magnitude = Money(cents: line.amount.cents.magnitude == 0 ? 0 : Int64(line.amount.cents.magnitude))
        let exact = line.rate.cents > 0 && line.quantity.units > 0 && line.rate.cents * line.quantity.units == magnitude.cents * line.quantity.denominator
        let sign = line.amount.isNegative ? "-" : ""
        let (quantity, unit, price): (String, String, Money) = exact
            ? (sign + line.quantity.text, unitCode(line.unit), line.rate)
            : (line.amount.isNegative ? "-1" : "1", "C62", magnitude)
        x.leaf("cbc:InvoicedQuantity", quantity, attributes: [("unitCode", unit)])
        x.amount("cbc:LineExtensionAmount", line.amount)
        if let budget = service?.budgetLine { x.leaf("cbc:AccountingCost", budget) }
        x.open("cac:InvoicePeriod")
        x.leaf("cbc:StartDate", line.period.from.iso)
        x.leaf("cbc:EndDate", line.period.to.iso)
        x.close()
        if !line.caseID.isEmpty {
            x.open("cac:DocumentReference")
            x.leaf("cbc:ID", line.caseID)
            x.leaf("cbc:DocumentTypeCode", "130")
            x.close()
        }
        x.open("cac:Item")
        x.leaf("cbc:Description", labels.text(line))
        let what = line.caseID.isEmpty ? labels.kindName(line.kind) : "\(labels.kindName(line.kind)) – Fall \(line.caseID)"
        x.leaf("cbc:Name", service.map { "\(what), \($0.legalBasis) \($0.name)" } ?? what)
        x.open("cac:SellersItemIdentification")
        x.leaf("cbc:ID", line.kind.rawValue)
        x.close()
        taxCategory(&x, reason: false, classified: true)
        x.close()
        x.open("cac:Price")
        x.amount("cbc:PriceAmount", price)
        x.close()
        x.close()
    }

    private static func unitCode(_ unit: QuantityUnit) -> String {
        switch unit {
        case .day: return "DAY"
        case .hour: return "HUR"
        case .once: return "C62"
        }
    }

    private static func address(_ x: inout XMLWriter, _ lines: [String]) {
        guard let a = PostalAddress(lines) else { return }
        x.open("cac:PostalAddress")
        if let street = a.lines.last { x.leaf("cbc:StreetName", street) }
        if a.lines.count > 1 { x.leaf("cbc:AdditionalStreetName", a.lines[0]) }
        x.leaf("cbc:CityName", a.city)
        x.leaf("cbc:PostalZone", a.postcode)
        x.open("cac:Country")
        x.leaf("cbc:IdentificationCode", a.country)
        x.close()
        x.close()
    }

    private static func taxScheme(_ x: inout XMLWriter, _ id: String, scheme: String) {
        x.open("cac:PartyTaxScheme")
        x.leaf("cbc:CompanyID", id)
        x.open("cac:TaxScheme")
        x.leaf("cbc:ID", scheme)
        x.close()
        x.close()
    }

    private static func taxCategory(_ x: inout XMLWriter, reason: Bool, classified: Bool = false) {
        x.open(classified ? "cac:ClassifiedTaxCategory" : "cac:TaxCategory")
        x.leaf("cbc:ID", "E")
        x.leaf("cbc:Percent", "0")
        if reason { x.leaf("cbc:TaxExemptionReason", exemptionReason) }
        x.open("cac:TaxScheme")
        x.leaf("cbc:ID", "VAT")
        x.close()
        x.close()
    }
}

/// Writes indented XML into a byte buffer: elements opened and closed in order, text and
/// attribute values escaped.
struct XMLWriter {
    private(set) var bytes: [UInt8] = []
    private var stack: [String] = []

    private mutating func indent() { bytes += Array(repeating: UInt8(ascii: " "), count: 2 * stack.count) }

    mutating func raw(_ text: String) { bytes += Array(text.utf8) }

    mutating func open(_ name: String, attributes: [(String, String)] = []) {
        indent()
        raw("<\(name)\(XMLWriter.attributes(attributes))>\n")
        stack.append(name)
    }

    mutating func close() {
        let name = stack.removeLast()
        indent()
        raw("</\(name)>\n")
    }

    mutating func leaf(_ name: String, _ text: String, attributes: [(String, String)] = []) {
        indent()
        raw("<\(name)\(XMLWriter.attributes(attributes))>\(XMLWriter.escape(text))</\(name)>\n")
    }

    mutating func amount(_ name: String, _ m: Money, currency: String = "EUR") {
        leaf(name, m.decimalString, attributes: [("currencyID", currency)])
    }

    private static func attributes(_ list: [(String, String)]) -> String {
        list.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// `&`, `<`, `>`, `"` as entities; control characters other than tab and line breaks, which
    /// XML 1.0 cannot carry, as a space.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
