import LEQCore

/// The payment advice (Zahlungsavis) of a statement: a CSV a provider's bookkeeping imports, one
/// row per line that pays or takes back money, with the case reference, so that every euro paid
/// can be matched to a case. Same conventions as the statement CSV (`;`, CRLF, decimal comma in
/// German); the amounts add up to the statement's total.
public enum PaymentAdvice {
    public static func render(_ statements: [Statement], language: Language = .de) -> [UInt8] {
        let l = Labels(language), f = l.f
        let de = language == .de
        var rows: [[String]] = [[
            de ? "Abrechnungsnummer" : "Statement", de ? "Leistungsmonat" : "Month", de ? "Kreditorennummer" : "Creditor number",
            de ? "Fall" : "Case", de ? "Aktenzeichen" : "File reference", de ? "Leistung" : "Service", de ? "Art" : "Kind",
            de ? "Von" : "From", de ? "Bis" : "To", de ? "Betrag" : "Amount", de ? "Verwendungszweck" : "Reference",
        ]]
        for s in statements {
            for line in s.lines where line.amount != .zero {
                rows.append([s.number, f.month(s.month), s.provider.creditorNumber, line.caseID, line.fileReference, s.service(line.service)?.name ?? line.service,
                             l.kindName(line.kind), f.date(line.period.from), f.date(line.period.to), f.plain(line.amount),
                             "\(s.number) \(line.caseID)" + (line.fileReference.isEmpty ? "" : " \(line.fileReference)")])
            }
        }
        return CSV.document(rows)
    }
}
