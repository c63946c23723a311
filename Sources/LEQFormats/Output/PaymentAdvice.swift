import LEQCore

/// The payment advice (Zahlungsavis) of a statement: a CSV a provider's bookkeeping imports, one
/// row per line that pays or takes back money, with the case reference, so that every euro paid
/// can be matched to a case. Same conventions as the statement CSV (`;`, CRLF, decimal comma in
/// German); the amounts add up to the statement's total.
public enum PaymentAdvice {
    public static func render(_ statements: [Statement], language: Language = .de) -> [UInt8] {
        OrderedPieces.collect { render(statements, language: language, parallel: false, write: $0) }
    }

    /// The same bytes, handed to `write` piece by piece (see `OrderedPieces`): the byte order
    /// mark and the header, then the rows a few thousand lines at a time, made on all cores.
    public static func render(_ statements: [Statement], language: Language = .de, parallel: Bool = true,
                              write: (UnsafeBufferPointer<UInt8>) -> Void) {
        let l = Labels(language), f = l.f
        let de = language == .de
        let header = [
            de ? "Abrechnungsnummer" : "Statement", de ? "Leistungsmonat" : "Month", de ? "Kreditorennummer" : "Creditor number",
            de ? "Fall" : "Case", de ? "Aktenzeichen" : "File reference", de ? "Leistung" : "Service", de ? "Art" : "Kind",
            de ? "Von" : "From", de ? "Bis" : "To", de ? "Betrag" : "Amount", de ? "Verwendungszweck" : "Reference",
        ]
        CSV.document([header]).withUnsafeBufferPointer(write)
        OrderedPieces.write(CSV.pieces(statements), parallel: parallel, ahead: 8, make: { piece in
            let s = statements[piece.statement]
            var rows: [[String]] = []
            for line in s.lines[piece.lines] where line.amount != .zero {
                rows.append([s.number, f.month(s.month), s.provider.creditorNumber, line.caseID, line.fileReference, s.service(line.service)?.name ?? line.service,
                             l.kindName(line.kind), f.date(line.period.from), f.date(line.period.to), f.plain(line.amount),
                             "\(s.number) \(line.caseID)" + (line.fileReference.isEmpty ? "" : " \(line.fileReference)")])
            }
            return ByteBuffer.pooled(rows.isEmpty ? "" : CSV.format(rows))
        }, write: write)
    }
}
