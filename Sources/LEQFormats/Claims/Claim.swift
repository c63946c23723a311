import LEQCore

/// A reimbursement claim built from finalised statements (corrections included): what one payer
/// owes the youth office for a period, line by line, each line naming the statement it comes from.
///
/// Two kinds: the claim against a **cost bearer** of the agreements (e.g. the Land's 50 % of
/// ambulant help that avoids a residential placement, seeds 000/001), whose amounts are exactly the
/// bearer's parts of the statements' lines; and the **Kostenerstattung** (§§ 89 ff. SGB VIII)
/// against another youth office for one case, whose amounts are what this office bore itself for
/// the case (its own bearer's parts: the Land's share is claimed from the Land, never twice).
public struct Claim: Sendable {
    public enum Kind: String, Sendable {
        case bearer
        case reimbursement
    }

    public struct Item: Sendable, Equatable {
        public var statement: String
        public var month: Month
        public var provider: String
        /// The provider's name, as the statement gives it (for what people read).
        public var providerName: String = ""
        public var caseID: String
        public var fileReference: String
        public var legalBasis: String
        public var kind: String
        public var text: String
        public var from: CivilDate
        public var to: CivilDate
        /// The whole line, and the part claimed from the payer.
        public var lineAmount: Money
        public var claimed: Money
        /// For a correction line: the statement it corrects.
        public var corrects: String?
    }

    public var kind: Kind
    /// Who pays: the bearer's id and name, or the other youth office.
    public var payerID: String
    public var payerName: String
    /// For a bearer: its budget line from the agreement (where the claim is booked), if given.
    public var payerBudgetLine: String? = nil
    /// The legal basis of the claim, e.g. "§ 89a SGB VIII" (reimbursement) or the bearer's share.
    public var legalBasis: String
    /// For a reimbursement: the case, and the other office's reference.
    public var caseID: String?
    public var reference: String?
    public var months: [Month]
    public var items: [Item]
    /// The statements the claim comes from and their totals for the payer (for a bearer: the
    /// statement's bearer total, which the claimed lines add up to).
    public var statements: [(number: String, month: Month, payerTotal: Money)]
    /// For a reimbursement whose duty starts or ends inside a line's period: those lines, not
    /// claimed (`claimed` is the own part the line holds). Which share of them the other office
    /// owes is a decision the clerk makes; the claim names them instead of guessing a proration.
    public var partlyCovered: [Item] = []
    /// For a reimbursement: the duty's period as the case file gives it (nil: open).
    public var dutyFrom: CivilDate?
    public var dutyTo: CivilDate?

    public var total: Money { items.reduce(.zero) { $0 + $1.claimed } }

    /// The claimed amount per month of service, in month order.
    public var perMonth: [(month: Month, amount: Money)] {
        months.map { m in (m, items.filter { $0.month == m }.reduce(.zero) { $0 + $1.claimed }) }
    }

    /// "Erstattungsanspruch Land Sachsen-Anhalt 2026" and the like, for titles and file names.
    public var title: String {
        switch kind {
        case .bearer: return "Erstattungsanspruch gegenüber \(payerName)"
        case .reimbursement: return "Kostenerstattung nach \(legalBasis) gegenüber \(payerName), Fall \(caseID ?? "")"
        }
    }
}

/// A finalised statement as a claim reads it: from its canonical JSON, as the store keeps it.
public struct ClaimSource: Sendable {
    public var number: String
    public var month: Month
    public var provider: String
    public var providerName: String = ""
    /// The youth office that issued the statement: it makes the claim.
    public var office: String
    public var officeAddress: [String]
    public var bearers: [(id: String, name: String, budgetLine: String?)]
    public var bearerTotals: [String: Money]
    public var lines: [Line]

    public struct Line: Sendable {
        public var caseID: String
        public var fileReference: String
        public var legalBasis: String
        public var kind: String
        public var section: String
        public var text: String
        public var from: CivilDate
        public var to: CivilDate
        public var amount: Money
        public var bearers: [String: Money]
        public var corrects: String?
    }

    /// Reads the statements of a canonical JSON document (`leq-statements/1`); nil when it is not one.
    public static func read(_ json: [UInt8]) -> [ClaimSource]? {
        guard let (root, _) = try? JSONParser.parse(json), case let .object(top) = root,
              case let .array(statements)? = top.first(where: { $0.key == "statements" })?.value else { return nil }
        func field(_ o: [JSONMember], _ key: String) -> JSONValue? { o.first { $0.key == key }?.value }
        func string(_ o: [JSONMember], _ key: String) -> String? {
            if case let .string(s)? = field(o, key) { return s }
            return nil
        }
        func amounts(_ v: JSONValue?) -> [String: Money] {
            guard case let .object(o)? = v else { return [:] }
            var out: [String: Money] = [:]
            for member in o { if case let .string(s) = member.value, let m = Money(decimal: s) { out[member.key] = m } }
            return out
        }
        var out: [ClaimSource] = []
        for case let .object(s) in statements {
            guard let number = string(s, "number"), let month = string(s, "month").flatMap(Month.init(iso:)) else { return nil }
            var provider = "", office = "", officeAddress: [String] = []
            var providerName = ""
            if case let .object(p)? = field(s, "provider") {
                provider = string(p, "id") ?? ""
                providerName = string(p, "name") ?? ""
            }
            if case let .object(o)? = field(s, "youthOffice") {
                office = string(o, "name") ?? ""
                if case let .array(lines)? = field(o, "address") { for case let .string(l) in lines { officeAddress.append(l) } }
            }
            var bearers: [(String, String, String?)] = []
            if case let .array(list)? = field(s, "bearers") {
                for case let .object(b) in list { bearers.append((string(b, "id") ?? "", string(b, "name") ?? "", string(b, "budgetLine"))) }
            }
            var totals: [String: Money] = [:]
            if case let .object(t)? = field(s, "totals") { totals = amounts(field(t, "bearers")) }
            var lines: [Line] = []
            if case let .array(list)? = field(s, "lines") {
                for case let .object(l) in list {
                    guard let from = string(l, "from").flatMap(CivilDate.init(iso:)), let to = string(l, "to").flatMap(CivilDate.init(iso:)),
                          let amount = string(l, "amount").flatMap(Money.init(decimal:)) else { return nil }
                    lines.append(Line(caseID: string(l, "case") ?? "", fileReference: string(l, "fileReference") ?? "",
                                      legalBasis: string(l, "legalBasis") ?? "", kind: string(l, "kind") ?? "", section: string(l, "section") ?? "",
                                      text: string(l, "text") ?? "", from: from, to: to, amount: amount, bearers: amounts(field(l, "bearers")),
                                      corrects: string(l, "corrects")))
                }
            }
            out.append(ClaimSource(number: number, month: month, provider: provider, providerName: providerName, office: office,
                                   officeAddress: officeAddress, bearers: bearers, bearerTotals: totals, lines: lines))
        }
        return out
    }
}

extension Claim {
    /// The claim against a bearer: every line of the statements with a part for it.
    public static func bearer(_ id: String, months: [Month], from sources: [ClaimSource]) -> Claim? {
        let relevant = sources.filter { months.contains($0.month) && $0.bearers.contains { $0.id == id } }
        guard let bearer = relevant.last?.bearers.first(where: { $0.id == id }) else { return nil }
        var items: [Item] = []
        for s in relevant {
            for l in s.lines where l.section != "family" {
                guard let part = l.bearers[id], part != .zero else { continue }
                items.append(Item(statement: s.number, month: s.month, provider: s.provider, providerName: s.providerName, caseID: l.caseID, fileReference: l.fileReference,
                                  legalBasis: l.legalBasis, kind: l.kind, text: l.text, from: l.from, to: l.to, lineAmount: l.amount,
                                  claimed: part, corrects: l.corrects))
            }
        }
        return Claim(kind: .bearer, payerID: id, payerName: bearer.name, payerBudgetLine: bearer.budgetLine, legalBasis: "", caseID: nil, reference: nil, months: months, items: items,
                     statements: relevant.map { ($0.number, $0.month, $0.bearerTotals[id] ?? .zero) })
    }

    /// The Kostenerstattung for one case: its lines in the months (within the duty's period, if
    /// it has one), for the part the youth office's own bearer (the agreement's first) bore.
    public static func reimbursement(_ duty: Reimbursement, caseID: String, months: [Month], from sources: [ClaimSource]) -> Claim {
        var items: [Item] = [], partly: [Item] = []
        var statements: [(String, Month, Money)] = []
        for s in sources where months.contains(s.month) {
            guard let own = s.bearers.first?.id else { continue }
            var sum = Money.zero
            for l in s.lines where l.caseID == caseID && l.section != "family" {
                if let from = duty.from, l.to < from { continue }
                if let to = duty.to, l.from > to { continue }
                guard let part = l.bearers[own], part != .zero else { continue }
                let item = Item(statement: s.number, month: s.month, provider: s.provider, providerName: s.providerName, caseID: l.caseID, fileReference: l.fileReference,
                                legalBasis: l.legalBasis, kind: l.kind, text: l.text, from: l.from, to: l.to, lineAmount: l.amount,
                                claimed: part, corrects: l.corrects)
                if let from = duty.from, l.from < from { partly.append(item); continue }
                if let to = duty.to, l.to > to { partly.append(item); continue }
                items.append(item)
                sum += part
            }
            if sum != .zero || items.contains(where: { $0.statement == s.number }) { statements.append((s.number, s.month, sum)) }
        }
        return Claim(kind: .reimbursement, payerID: duty.office, payerName: duty.office, legalBasis: duty.legalBasis, caseID: caseID,
                     reference: duty.reference, months: months, items: items, statements: statements, partlyCovered: partly,
                     dutyFrom: duty.from, dutyTo: duty.to)
    }
}
