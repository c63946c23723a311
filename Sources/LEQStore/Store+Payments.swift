import LEQFormats
import LEQCore

/// A payment file as recorded: which statements it holds, what it transfers, the bytes handed to
/// the bank.
public struct PaymentRecord: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var number: String
        public var amount: Money
        /// False for a statement whose total is zero or negative: listed with the run, never
        /// transferred (a negative balance is the provider's debt, recovered outside LEQ).
        public var transferred: Bool

        public init(number: String, amount: Money, transferred: Bool) {
            self.number = number
            self.amount = amount
            self.transferred = transferred
        }
    }

    /// The message id of the SEPA file, e.g. `LEQ-2026-03-0001`.
    public var id: String
    public var month: Month
    public var execution: String
    public var createdBy: String
    public var createdAt: String
    public var total: Money
    public var items: [Item]
}

extension Store {
    /// The id the next payment file of a month gets: `LEQ-YYYY-MM-NNNN`, counting every payment
    /// file of the store.
    public func nextPaymentID(month: Month) throws(StoreError) -> String {
        let n = try db.rows("SELECT count(*) FROM payment_file", [], { $0.int(0) }).first ?? 0
        let seq = String(n + 1)
        return "LEQ-\(month.iso)-\(String(repeating: "0", count: max(0, 4 - seq.count)))\(seq)"
    }

    /// Statements of the month (and provider) that are approved — certified and ordered by two
    /// people — and in no payment file yet: what a payment run may pay. Each is checked whole.
    public func payable(month: Month, provider: String? = nil) throws(StoreError) -> [StoredStatement] {
        let paid = Set(try db.rows("SELECT number FROM payment", [], { $0.text(0) }))
        let list = try statements(provider: provider).filter { $0.month == month && $0.payable && !paid.contains($0.number) }
        for s in list { try requireIntact(s.number) }
        return list
    }

    /// Records a payment file and the statements in it, in one transaction and as an entry of the
    /// chain. Refuses a statement that is already in a payment file, not approved, or unknown —
    /// so that no statement is ever paid twice, even by two runs at once.
    public func recordPayment(id: String, month: Month, execution: CivilDate, items: [PaymentRecord.Item], bytes: [UInt8],
                              by: String, at: String) throws(StoreError) {
        try writing { () throws(StoreError) in
            for item in items {
                guard let s = try statement(item.number) else {
                    throw StoreError(.notFound, "no finalised statement \(item.number)")
                }
                guard s.payable else {
                    throw StoreError(.refused, "\(item.number) is not certified and ordered; only payable statements go into a payment file")
                }
                if let file = try db.rows("SELECT file FROM payment WHERE number = ?1", [.text(item.number)], { $0.text(0) }).first {
                    throw StoreError(.refused, "\(item.number) is already in the payment file \(file); a statement is never paid twice")
                }
                guard item.amount == s.total else {
                    throw StoreError(.refused, "\(item.number): the amount \(item.amount) is not the statement's total (\(s.total))")
                }
            }
            let total = items.filter(\.transferred).reduce(Money.zero) { $0 + $1.amount }
            try db.query("""
                INSERT INTO payment_file (id, month, execution, created_by, created_at, total_cents, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """, [.text(id), .text(month.iso), .text(execution.iso), .text(by), .text(at), .int(total.cents), .blob(bytes)])
            for item in items {
                try db.query("INSERT INTO payment (number, file, amount_cents, transferred) VALUES (?1, ?2, ?3, ?4)",
                             [.text(item.number), .text(id), .int(item.amount.cents), .int(item.transferred ? 1 : 0)])
            }
            try append(.payment, id, try Store.paymentParts(db, id) ?? [])
        }
    }

    /// The payment files, oldest first (checked with the chain when the store was opened).
    public func payments() throws(StoreError) -> [PaymentRecord] {
        let files = try db.rows("SELECT id, month, execution, created_by, created_at, total_cents FROM payment_file ORDER BY rowid") { r in
            PaymentRecord(id: r.text(0), month: Month(iso: r.text(1)) ?? Month(year: 1, month: 1)!, execution: r.text(2), createdBy: r.text(3),
                          createdAt: r.text(4), total: Money(cents: r.int(5)), items: [])
        }
        var out: [PaymentRecord] = []
        for var f in files {
            f.items = try db.rows("SELECT number, amount_cents, transferred FROM payment WHERE file = ?1 ORDER BY number", [.text(f.id)]) {
                PaymentRecord.Item(number: $0.text(0), amount: Money(cents: $0.int(1)), transferred: $0.int(2) != 0)
            }
            out.append(f)
        }
        return out
    }

    /// The bytes of a payment file as they were handed out.
    public func paymentFile(_ id: String) throws(StoreError) -> [UInt8]? {
        try db.rows("SELECT bytes FROM payment_file WHERE id = ?1", [.text(id)]) { $0.blob(0) }.first
    }

    /// The payment file a statement is in, if any.
    public func paymentFile(of number: String) throws(StoreError) -> String? {
        try db.rows("SELECT file FROM payment WHERE number = ?1", [.text(number)]) { $0.text(0) }.first
    }

    /// A payment file's parts for the chain: its record with every item, and its bytes.
    static func paymentParts(_ db: Database, _ id: String) throws(StoreError) -> [(name: String, digest: String)]? {
        guard let head = try db.rows("SELECT id, month, execution, created_by, created_at, total_cents, bytes FROM payment_file WHERE id = ?1",
                                     [.text(id)], { r -> (String, String) in
            var d = Canonical("payment")
            for i in Int32(0)..<5 { d.addText(of: r, i) }
            d.add(r.int(5))
            return (d.hex(), SHA256.hex(r.blob(6)))
        }).first else { return nil }
        var items = Canonical("payment-items")
        try db.query("SELECT number, amount_cents, transferred FROM payment WHERE file = ?1 ORDER BY number", [.text(id)]) { r throws(StoreError) in
            items.addText(of: r, 0)
            items.add(r.int(1))
            items.add(r.int(2))
        }
        return [(name: "payment", digest: head.0), (name: "items", digest: items.hex()), (name: "file", digest: head.1)]
    }
}
