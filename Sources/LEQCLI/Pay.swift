import Foundation
import LEQCore
import LEQFormats
import LEQStore

// MARK: - pay

extension LEQ {
    static let pay = Command(
        name: "pay",
        usage: "--agreement FILE… --month YYYY-MM [--execution YYYY-MM-DD] --out FILE.xml [--provider ID] [--by NAME] [--store PATH]",
        summary: "Write the SEPA credit transfer file (pain.001.001.09) for the approved statements of a month not yet paid.",
        options: [
            .agreements,
            OptionSpec("month", value: "YYYY-MM", required: true, help: "The month of service whose statements are paid."),
            OptionSpec("execution", value: "YYYY-MM-DD", help: "The requested execution date (not in the past); default: today."),
            OptionSpec("out", value: "FILE", required: true, help: "The payment file to write (atomically), for the bank or the finance system."),
            OptionSpec("provider", value: "ID", help: "Only this provider's statement."),
            OptionSpec("by", value: "NAME", help: "Who makes the payment file (recorded with the time)."),
            OptionSpec("store", value: "PATH", help: "The statement store; default: leq.db in this folder."),
        ],
        details: """
            Pays every statement of the month that is certified and approved (four eyes) and in no
            payment file yet: one transaction per statement, its total to the provider's account
            from the agreement file, the statement number as end-to-end id and in the remittance
            information; the youth office's account (youthOffice.bank) is the debtor. The store
            records which statements went into which file, in its hash chain: a statement is never
            paid twice, however often pay runs. A statement whose total is zero or negative is
            listed and recorded, never transferred: a negative balance is the provider's debt,
            recovered by the office's cash office (Kasse) outside LEQ. 'leq payments' lists the
            files and gives each back byte for byte.
            """
    ) { options, console in
        var usage: [Message] = []
        let month = Month(iso: options.value("month")!)
        if month == nil { usage.append("--month: '\(options.value("month")!)' is not a month; expected YYYY-MM") }
        let today = CivilDate(iso: String(console.timestamp().prefix(10)))
        let execution = options.value("execution").map(CivilDate.init(iso:)) ?? today
        if execution == nil {
            usage.append("--execution: '\(options.value("execution") ?? "")' is not a date that exists; expected YYYY-MM-DD")
        } else if let execution, let today, execution < today {
            usage.append("--execution: \(execution.iso) is in the past (today is \(today.iso)); a bank executes a transfer today or later")
        }
        guard usage.isEmpty, let month, let execution else {
            for u in usage { console.fail("leq pay: \(u)\n") }
            return ExitStatus.badInput
        }
        let inputs = Inputs.load(agreements: options.all("agreement"), cases: nil)
        guard inputs.diagnostics.isEmpty else {
            report(inputs.diagnostics, to: console)
            return ExitStatus.badInput
        }
        guard let store = openStore(options, command: "pay", console: console) else { return ExitStatus.badInput }
        let f = Formatter(console.language)
        do throws(StoreError) {
            let due = try store.payable(month: month, provider: options.value("provider"))
            guard !due.isEmpty else {
                var lines: [Message] = ["Nothing to pay for \(f.month(month)): no certified and ordered statement that is in no payment file yet."]
                for s in try store.statements(provider: options.value("provider")) where s.month == month {
                    if let file = try store.paymentFile(of: s.number) {
                        lines.append("  \(s.number): already in the payment file \(file)")
                    } else if s.certified == nil {
                        lines.append("  \(s.number): not certified yet")
                    } else {
                        lines.append("  \(s.number): payment not ordered yet")
                    }
                }
                console.out(lines.map { $0.text(console.language) }.joined(separator: "\n") + "\n")
                return ExitStatus.success
            }
            // The accounts as the agreements hold them now.
            var problems: [Diagnostic] = []
            var transfers: [SEPACreditTransfer.Transfer] = []
            var items: [PaymentRecord.Item] = []
            var debtor: (name: String, account: BankAccount, file: String)?
            for s in due {
                guard let i = inputs.agreements.firstIndex(where: { $0.provider.id == s.provider && $0.validity.contains(month.firstDay) }) else {
                    problems.append(Diagnostic(file: "--agreement", place: "", message: "no agreement for provider '\(s.provider)' in force in \(month.iso) (statement \(s.number))"))
                    continue
                }
                let a = inputs.agreements[i], file = inputs.agreementFiles[i]
                guard let office = a.youthOffice.bank else {
                    problems.append(Diagnostic(file: file, place: "youthOffice.bank", message: "the youth office's account (the debtor of the transfer) is needed to pay"))
                    continue
                }
                if let d = debtor, d.account.iban != office.iban {
                    problems.append(Diagnostic(file: file, place: "youthOffice.bank.iban", message: "another debtor account than in \(d.file); one payment file pays from one account: give --provider"))
                    continue
                }
                debtor = debtor ?? (office.holder, office, file)
                let transfer = s.total > .zero
                items.append(PaymentRecord.Item(number: s.number, amount: s.total, transferred: transfer))
                guard transfer else { continue }
                guard let account = a.provider.bank else {
                    problems.append(Diagnostic(file: file, place: "provider.bank", message: "the provider's account is needed to pay \(s.number)"))
                    continue
                }
                let creditor = a.provider.creditorNumber.isEmpty ? "" : ", Kreditor \(a.provider.creditorNumber)"
                transfers.append(SEPACreditTransfer.Transfer(statement: s.number, amount: s.total, creditor: account,
                                                             remittance: "Abrechnung \(s.number), Leistungsmonat \(month.iso)\(creditor)"))
            }
            guard problems.isEmpty, let debtor else {
                report(problems, to: console)
                return ExitStatus.badInput
            }
            let id = try store.nextPaymentID(month: month)
            let out = options.value("out")!
            var bytes: [UInt8] = []
            if !transfers.isEmpty {
                bytes = SEPACreditTransfer(messageID: id, created: console.timestamp(), execution: execution, debtorName: debtor.name,
                                           debtor: debtor.account, transfers: transfers).render()
            }
            // The file first (beside its place), then the record, then the file into its place: a
            // failure leaves neither a recorded payment without its file nor a file without its record.
            let temporary = out + ".leq-\(id).part"
            if !bytes.isEmpty {
                do throws(Files.Failure) { try Files.writeAtomically(bytes, to: temporary) } catch {
                    console.fail("leq pay: \(Message(verbatim: error.message.text(console.language).replacingOccurrences(of: temporary, with: out)))\nNothing was recorded.\n")
                    return error.usage ? ExitStatus.badInput : ExitStatus.failure
                }
            }
            do throws(StoreError) {
                try store.recordPayment(id: id, month: month, execution: execution, items: items, bytes: bytes,
                                        by: options.value("by") ?? "", at: console.timestamp())
            } catch {
                try? FileManager.default.removeItem(atPath: temporary)
                throw error
            }
            if !bytes.isEmpty {
                do {
                    if FileManager.default.fileExists(atPath: out) { try FileManager.default.removeItem(atPath: out) }
                    try FileManager.default.moveItem(atPath: temporary, toPath: out)
                } catch {
                    console.fail("leq pay: the payment file \(id) is recorded, but \(out) could not be written (\(error.localizedDescription)); 'leq payments show \(id) --out FILE' writes it\n")
                    return ExitStatus.failure
                }
            }
            var lines: [Message] = []
            if transfers.isEmpty {
                lines.append("No transfer for \(f.month(month)); recorded as \(id).")
            } else {
                let total = transfers.reduce(Money.zero) { $0 + $1.amount }
                lines.append("Payment file \(id) (SEPA pain.001.001.09) in \(out): transfers \(transfers.count), together \(f.money(total)), execution on \(f.date(execution))")
            }
            let stored = Dictionary(uniqueKeysWithValues: due.map { ($0.number, $0) })
            for item in items {
                let s = stored[item.number]!
                if item.transferred {
                    let account = transfers.first { $0.statement == item.number }!.creditor
                    lines.append("  \(item.number): \(f.money(item.amount)) to \(account.holder), \(account.printedIBAN)")
                    if let days = inputs.agreements.first(where: { $0.provider.id == s.provider })?.paymentTerms?.daysAfterApproval,
                       let approved = s.approved.flatMap({ CivilDate(iso: String($0.at.prefix(10))) }) {
                        let dueDate = approved.advanced(by: days)
                        if execution > dueDate {
                            lines.append("    Note: due on \(f.date(dueDate)) (\(days) days after the order to pay); the execution is later")
                        }
                    }
                } else if item.amount.isNegative {
                    lines.append("  \(item.number): \(f.money(item.amount)) — not transferred: the provider owes the amount; the cash office recovers or offsets it (recorded, does not come up again)")
                } else {
                    lines.append("  \(item.number): \(f.money(item.amount)) — nothing to transfer (recorded, does not come up again)")
                }
            }
            console.out(lines.map { $0.text(console.language) }.joined(separator: "\n") + "\n")
            return ExitStatus.success
        } catch {
            console.fail("leq pay: \(error.text)\n")
            return SettleJob.exitStatus(error)
        }
    }
}

// MARK: - payments list|show

extension LEQ {
    static let payments = Command(
        name: "payments",
        usage: "list [--store PATH] | show ID [--out FILE] [--store PATH]",
        summary: "List the payment files the store recorded, or give one back byte for byte.",
        options: [
            .out,
            OptionSpec("store", value: "PATH", help: "The statement store; default: leq.db in this folder."),
        ],
        positional: 2,
        details: "Every payment file is an entry of the store's hash chain; 'leq verify' checks its bytes."
    ) { options, console in
        guard let sub = options.positional.first, sub == "list" || sub == "show" else {
            console.fail("leq payments: say 'list' or 'show ID'\nRun 'leq payments --help' for its options.\n")
            return ExitStatus.badInput
        }
        guard let store = openStore(options, command: "payments", console: console) else { return ExitStatus.badInput }
        let f = Formatter(console.language)
        do throws(StoreError) {
            if sub == "list" {
                let list = try store.payments()
                guard !list.isEmpty else {
                    console.tell("No payment files in \(store.path).\n")
                    return ExitStatus.success
                }
                var table = TextTable([.left, .left, .left, .right, .left, .left])
                let heads: [Message] = ["Payment file", "Month", "Execution", "Amount", "Statements", "made"]
                table.add(heads.map { $0.text(console.language) })
                let notTransferred = Message("not transferred").text(console.language)
                for p in list {
                    let numbers = p.items.map { $0.transferred ? $0.number : "\($0.number) (\(notTransferred))" }.joined(separator: ", ")
                    table.add([p.id, p.month.iso, p.execution, f.money(p.total), numbers, [p.createdBy, p.createdAt].filter { !$0.isEmpty }.joined(separator: ", ")])
                }
                console.out(table.render().joined(separator: "\n") + "\n")
                return ExitStatus.success
            }
            guard options.positional.count == 2 else {
                console.fail("leq payments show: give the payment file's id, e.g. leq payments show LEQ-2026-03-0001\n")
                return ExitStatus.badInput
            }
            guard let bytes = try store.paymentFile(options.positional[1]) else {
                console.fail("leq payments show: no payment file \(options.positional[1]) in \(store.path); 'leq payments list' shows them\n")
                return ExitStatus.badInput
            }
            guard !bytes.isEmpty else {
                console.fail("leq payments show: \(options.positional[1]) transferred nothing (only statements of zero or less); there is no file\n")
                return ExitStatus.badInput
            }
            return emit(bytes, options, command: "payments", console: console)
        } catch {
            console.fail("leq payments: \(error.text)\n")
            return SettleJob.exitStatus(error)
        }
    }
}
