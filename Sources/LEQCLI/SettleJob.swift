import Foundation
import LEQCore
import LEQFormats
import LEQStore

/// Settling a month as `settle` and `finalize` both do it — one code path, so that what `settle`
/// shows is exactly what `finalize` stores (SPEC § 15): read and check the inputs, settle, and
/// add the corrections of every finalised earlier month found in the store.
struct SettleJob {
    var month: Month
    var inputs: Inputs
    var statements: [Statement]
    /// Statements left out: providers with no line in the month (no case active, no correction
    /// due), unless named with `--provider`. Nothing to pay, so nothing to finalise.
    var skipped: [Statement]
    /// The store read for corrections (nil: none given and no leq.db here, or, for `finalize`, not
    /// created yet).
    var store: Store?
    var storePath: String
    /// The providers' incentive years after this month, for the next month of a range.
    var ledgers: [String: IncentiveLedger] = [:]

    /// The default store file, in the working folder.
    static let defaultStore = "leq.db"

    /// Settles from the command's options (`--agreement`, `--cases`, `--month`, `--provider`,
    /// `--issued`, `--store`); on bad input reports it and gives the exit status.
    /// `createStore`: a store that does not exist yet is not an error (`finalize` creates it when
    /// it stores; until then there is nothing to correct).
    static func run(_ options: ParsedOptions, command: String, console: Console, createStore: Bool = false) -> Result<SettleJob, Status> {
        switch Prepared.make(options, command: command, console: console, createStore: createStore) {
        case let .failure(status): return .failure(status)
        case let .success(prepared):
            guard prepared.months.count == 1 else {
                console.fail("leq \(command): --month: give one month here, e.g. 2026-03\n")
                return .failure(Status(ExitStatus.badInput))
            }
            return prepared.settle(prepared.months[0], command: command, console: console)
        }
    }

    /// The months of `--month`: one (`2026-03`) or a range (`2026-01..2026-12`, at most 10 years).
    static func months(_ text: String) -> [Month]? {
        let parts = text.components(separatedBy: "..")
        guard parts.count <= 2, let first = Month(iso: parts[0]), let last = parts.count == 2 ? Month(iso: parts[1]) : first, first <= last
        else { return nil }
        var out = [first]
        while out.last! < last {
            out.append(out.last!.next)
            if out.count > 120 { return nil }
        }
        return out
    }

    /// What a run reads once, however many months it settles: the inputs, checked; the caseload;
    /// the store. Each month is then settled from it (`settle`), the incentive years carried on.
    struct Prepared {
        var months: [Month]
        var issued: CivilDate?
        var inputs: Inputs
        var caseload: Caseload
        var provider: String?
        var store: Store?
        var storePath: String
        /// The corrections worked out so far in this run (for the months after).
        let corrections = CorrectionMemo()

        static func make(_ options: ParsedOptions, command: String, console: Console, createStore: Bool) -> Result<Prepared, Status> {
            var usage: [Message] = []
            let months = SettleJob.months(options.value("month")!)
            if months == nil {
                usage.append("--month: '\(options.value("month")!)' is not a month or a range of months; expected YYYY-MM, e.g. 2026-03, or 2026-01..2026-12")
            }
            var issued: CivilDate?
            if let text = options.value("issued") {
                issued = CivilDate(iso: text)
                if issued == nil { usage.append("--issued: '\(text)' is not a date that exists; expected YYYY-MM-DD") }
                if let months, months.count > 1 { usage.append("--issued: one date of issue for one month; a range takes each month's first day after it") }
            }
            guard usage.isEmpty, let months else {
                for u in usage { console.fail("leq \(command): \(u)\n") }
                return .failure(Status(ExitStatus.badInput))
            }
            return SettleJob.load(options, months: months, issued: issued, command: command, console: console, createStore: createStore)
        }

        /// Settles one month; `ledgers` carries the providers' incentive years from the month
        /// before (nil: computed from January, as a single run does — the same result).
        func settle(_ month: Month, command: String, console: Console, ledgers: [String: IncentiveLedger]? = nil,
                    store: Store? = nil) -> Result<SettleJob, Status> {
            SettleJob.settle(self, month: month, command: command, console: console, ledgers: ledgers, store: store ?? self.store)
        }
    }

    static func load(_ options: ParsedOptions, months: [Month], issued: CivilDate?, command: String, console: Console,
                     createStore: Bool) -> Result<Prepared, Status> {
        // A store is made only by finalize, which stores the digests of the files it settled.
        var inputs = Inputs.load(agreements: options.all("agreement"), cases: options.value("cases"), digests: createStore, settlingOrder: true)
        guard inputs.diagnostics.isEmpty, inputs.cases != nil else {
            report(inputs.diagnostics, to: console)
            return .failure(Status(ExitStatus.badInput))
        }
        let provider = options.value("provider")
        if let provider, !inputs.agreements.contains(where: { $0.provider.id == provider }) {
            console.fail("leq \(command): --provider: no agreement for provider '\(provider)'; known: \(Set(inputs.agreements.map(\.provider.id)).sorted().joined(separator: ", "))\n")
            return .failure(Status(ExitStatus.badInput))
        }
        var store: Store?
        let storePath = options.value("store") ?? SettleJob.defaultStore
        if options.flag("no-store") && options.value("store") != nil {
            console.fail("leq \(command): --store and --no-store exclude each other\n")
            return .failure(Status(ExitStatus.badInput))
        }
        let exists = FileManager.default.fileExists(atPath: storePath)
        if !options.flag("no-store") && (options.value("store") != nil || exists) && (exists || !createStore) {
            do throws(StoreError) {
                store = try Store(path: storePath)
            } catch {
                console.fail("leq \(command): \(error.text)\n")
                return .failure(Status(exitStatus(error)))
            }
        }
        // The checked cases move into the caseload (laid out afresh in settling order); the file's
        // own list goes, its index of case places stays for messages. Else the cases were held twice.
        var cases: [Case] = []
        swap(&cases, &inputs.cases!.cases)
        let caseload = Caseload(consume cases)
        return .success(Prepared(months: months, issued: issued, inputs: inputs, caseload: caseload, provider: provider,
                                 store: store, storePath: storePath))
    }

    static func settle(_ p: Prepared, month: Month, command: String, console: Console, ledgers: [String: IncentiveLedger]?,
                       store: Store?) -> Result<SettleJob, Status> {
        let inputs = p.inputs, caseload = p.caseload, provider = p.provider, storePath = p.storePath
        var run = Settlement.run(agreements: inputs.agreements, caseload: caseload, month: month, issued: p.issued ?? month.lastDay.next,
                                 provider: provider, ledgers: ledgers)
        guard run.problems.isEmpty else {
            report(run.problems.map(inputs.diagnostic(for:)), to: console)
            return .failure(Status(ExitStatus.badInput))
        }
        if run.statements.isEmpty {
            if let provider {
                console.fail("leq \(command): no agreement is in force in \(month) for provider '\(provider)'; nothing to settle.\n")
            } else {
                console.fail("leq \(command): no agreement is in force in \(month); nothing to settle.\n")
            }
            return .failure(Status(ExitStatus.badInput))
        }
        // Moved out of the run, held once: the corrections are added to them in place.
        var statements: [Statement] = []
        swap(&statements, &run.statements)
        if let store {
            do throws(StoreError) {
                let added = try corrections(for: statements, store: store, inputs: inputs, caseload: caseload, memo: p.corrections)
                for i in statements.indices { statements[i].append(added[i]) }
            } catch {
                console.fail("leq \(command): \(error.text)\n")
                return .failure(Status(exitStatus(error)))
            }
        }
        let skipped = provider == nil ? statements.filter(\.lines.isEmpty) : []
        statements.removeAll { provider == nil && $0.lines.isEmpty }
        return .success(SettleJob(month: month, inputs: inputs, statements: statements, skipped: skipped, store: store, storePath: storePath,
                                  ledgers: run.ledgers))
    }

    /// For each open statement, the correction lines of its provider's finalised earlier months,
    /// to be added to it.
    /// A finalised statement's corrections are worked out once per run (`memo`) and found again
    /// for the next month as long as nothing corrected it since: a year settled with six
    /// finalised months settled each of them again for every later month.
    private static func corrections(for statements: [Statement], store: Store, inputs: Inputs, caseload: Caseload,
                                    memo: CorrectionMemo) throws(StoreError) -> [[StatementLine]] {
        /// A finalised statement's corrections: known from an earlier month of the run, or to be
        /// worked out from what it paid.
        enum Finalised {
            case known([StatementLine])
            case toCompare(StoredStatement)
        }
        struct Work {
            var statement: Statement
            var finalised: [Finalised] = []
            var recompute: ((Month) -> Statement?)?
            /// The month itself, finalised before: its corrections are worked out against this
            /// run's statement of it, for the months after (a range over finalised months).
            var sameMonth: StoredStatement?
        }
        // Which finalised statements each provider has, checked against the chain, and which
        // corrections are known, on this thread (the store's one connection)...
        var works: [Work] = []
        for s in statements {
            var work = Work(statement: s)
            for record in try store.statements(provider: s.provider.id) where record.month <= s.month {
                let count = try store.correctionCount(of: record.number)
                if let known = memo.lines[record.number], known.corrections == count {
                    if record.month < s.month { work.finalised.append(.known(known.lines)) }
                    continue
                }
                // This month's statement is the month settled again from the current input:
                // its comparison is made now, while the statement is at hand, not by settling
                // the month again for the month after.
                if record.month == s.month {
                    work.sameMonth = record
                    continue
                }
                work.finalised.append(.toCompare(record))
                work.recompute = memo.recomputing(s.provider.id, inputs: inputs, caseload: caseload)
            }
            works.append(work)
        }
        // ...then what they paid read, each provider's months settled again and compared on all
        // cores (a provider's in the order of its months, so that its incentive year carries on).
        let reader = store.linesReader()
        /// What a finalised statement paid: its own lines (not the corrections it carries of
        /// earlier months), and the corrections of it since.
        func paid(_ record: StoredStatement) throws(StoreError) -> (FinalisedStatement, corrections: Int) {
            let (own, since) = try reader.paid(record.number)
            var paid: [FinalisedStatement.Paid] = []
            for line in own.filter({ $0.corrects == nil }) + since {
                guard let kind = LineKind(rawValue: line.correctedKind ?? line.kind) else { continue }
                paid.append(FinalisedStatement.Paid(caseID: line.caseID, service: line.service, fileReference: line.fileReference,
                                                    kind: kind, amount: line.amount))
            }
            return (FinalisedStatement(number: record.number, month: record.month, paid: paid), since.count)
        }
        typealias Found = (number: String, corrections: Int, lines: [StatementLine])
        let done = works.parallelMap { work -> Result<(added: [StatementLine], found: [Found]), StoreError> in
            do throws(StoreError) {
                let s = work.statement
                var found: [Found] = []
                if let record = work.sameMonth {
                    let (finalised, count) = try paid(record)
                    found.append((finalised.number, count, Settlement.corrections(of: finalised, recomputed: s)))
                }
                guard !work.finalised.isEmpty,
                      let agreement = inputs.agreements.first(where: { $0.provider.id == s.provider.id && $0.validity.contains(s.month.firstDay) })
                else { return .success(([], found)) }
                var corrections: [StatementLine] = []
                for f in work.finalised {
                    switch f {
                    case let .known(lines):
                        corrections += lines
                    case let .toCompare(record):
                        let (finalised, count) = try paid(record)
                        let lines = Settlement.corrections(of: finalised, recomputed: work.recompute!(finalised.month))
                        found.append((finalised.number, count, lines))
                        corrections += lines
                    }
                }
                return .success((Settlement.correctionLines(corrections, month: s.month, agreement: agreement, caseload: caseload), found))
            } catch {
                return .failure(error)
            }
        }
        var results: [(added: [StatementLine], found: [Found])] = []
        for r in done {
            switch r {
            case let .success(one): results.append(one)
            case let .failure(error): throw error
            }
        }
        for (_, found) in results {
            for f in found { memo.lines[f.number] = (f.corrections, f.lines) }
        }
        return results.map(\.added)
    }

    /// What a run keeps of the corrections it worked out, for the next month it settles.
    final class CorrectionMemo {
        /// Per finalised statement: how many correction lines of it the store held, and its
        /// correction lines (before the bearer split) found then.
        var lines: [String: (corrections: Int, lines: [StatementLine])] = [:]
        /// Per provider: its earlier months settled again one after the other, the incentive year
        /// carried on (`Settlement.recomputing`).
        private var recomputers: [String: (Month) -> Statement?] = [:]

        func recomputing(_ provider: String, inputs: Inputs, caseload: Caseload) -> (Month) -> Statement? {
            if let r = recomputers[provider] { return r }
            let r = Settlement.recomputing(agreements: inputs.agreements, caseload: caseload, provider: provider)
            recomputers[provider] = r
            return r
        }
    }

    /// The exit status for a store error: 2 when the user must change what they asked for.
    static func exitStatus(_ error: StoreError) -> Int32 {
        switch error.kind {
        case .busy, .failed: return ExitStatus.failure
        case .cannotOpen, .notAStore, .newerVersion, .refused, .notFound, .tampered: return ExitStatus.badInput
        }
    }

    /// An exit status as an error, so that `run` can return it.
    struct Status: Error {
        var code: Int32
        init(_ code: Int32) { self.code = code }
    }
}

/// The same bytes as `render`, handed to `write` piece by piece, made on all cores: a month's
/// statements go to their file without being held whole (an e-invoice is one statement).
func render(_ statements: [Statement], format: String, language: Language, write: (UnsafeBufferPointer<UInt8>) -> Void) {
    switch format {
    case "json": StatementJSON.render(statements, language: language, write: write)
    case "csv": StatementCSV.render(statements, language: language, write: write)
    case "advice": PaymentAdvice.render(statements, language: language, write: write)
    case "html": StatementHTML.render(statements, language: language, write: write)
    case "xrechnung": render(statements, format: format, language: language).withUnsafeBufferPointer(write)
    default: StatementText.render(statements, language: language, write: write)
    }
}

/// The statements of a run in one format and language: one code path for `settle`, `finalize`
/// and `statements show`.
func render(_ statements: [Statement], format: String, language: Language) -> [UInt8] {
    switch format {
    case "json": return StatementJSON.render(statements, language: language)
    case "csv": return StatementCSV.render(statements, language: language)
    case "advice": return PaymentAdvice.render(statements, language: language)
    case "html": return StatementHTML.render(statements, language: language)
    case "xrechnung": return statements.first.map(XRechnung.render) ?? []
    default: return StatementText.render(statements, language: language)
    }
}
