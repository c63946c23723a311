import LEQCore
import LEQFormats
import LEQStore

/// Agreements and cases read from files, with every problem in any of them collected.
struct Inputs {
    var agreements: [Agreement] = []
    var agreementFiles: [String] = []
    var cases: CaseFile.Contents?
    var casesFile: String?
    var diagnostics: [Diagnostic] = []
    /// Per file read, with `digests`: the SHA-256 of exactly the bytes read, which `finalize`
    /// stores (a file changed after it was read cannot pass for what was settled).
    var digests: [String: String] = [:]

    /// Reads all agreement files and, if given, the case file (checked against the agreements);
    /// with `digests`, takes each file's digest from the bytes read.
    /// `settlingOrder`: the cases in the order settling walks them, where the file allows (see
    /// `CaseFile.decode`).
    static func load(agreements paths: [String], cases casesPath: String?, digests: Bool = false, settlingOrder: Bool = false) -> Inputs {
        var inputs = Inputs()
        inputs.agreementFiles = paths
        for path in paths {
            switch Files.read(path) {
            case let .failure(f): inputs.diagnostics.append(Diagnostic(file: path, place: "", message: f.message))
            case let .success(bytes):
                if digests { inputs.digests[path] = SHA256.hex(bytes) }
                do throws(InputError) {
                    inputs.agreements.append(try AgreementFile.decode(bytes, file: path))
                } catch { inputs.diagnostics += error.diagnostics }
            }
        }
        inputs.checkOverlaps(paths)
        if let casesPath {
            inputs.casesFile = casesPath
            switch Files.read(casesPath) {
            case let .failure(f): inputs.diagnostics.append(Diagnostic(file: casesPath, place: "", message: f.message))
            case let .success(bytes):
                if digests { inputs.digests[casesPath] = SHA256.hex(bytes) }
                // Cases are checked against every agreement that could be read, so that errors in
                // an agreement file do not hide those in the case file; a case of a provider whose
                // agreement could not be read is not reported for that.
                do throws(InputError) {
                    inputs.cases = try CaseFile.decode(bytes, file: casesPath, agreements: paths.isEmpty ? nil : inputs.agreements,
                                                       someAgreementsUnread: inputs.agreements.count < paths.count,
                                                       settlingOrder: settlingOrder)
                } catch { inputs.diagnostics += error.diagnostics }
            }
        }
        return inputs
    }

    /// Two agreements of one provider may not be in force on the same day.
    private mutating func checkOverlaps(_ paths: [String]) {
        for (i, a) in agreements.enumerated() {
            for b in agreements[..<i] where a.provider.id == b.provider.id && a.validity.intersection(b.validity) != nil {
                diagnostics.append(Diagnostic(
                    file: paths.count == agreements.count ? paths[i] : "agreements", place: "validFrom",
                    message: "agreement '\(a.id)' overlaps agreement '\(b.id)' for provider '\(a.provider.id)'; one agreement per provider and period"))
            }
        }
    }

    /// The file of the agreement a statement was settled under.
    func agreementFile(for s: Statement) -> String? {
        guard agreementFiles.count == agreements.count, let i = agreements.firstIndex(where: { $0.id == s.agreementID }) else { return nil }
        return agreementFiles[i]
    }

    /// A settlement problem as a diagnostic at the case it concerns.
    func diagnostic(for problem: SettlementProblem) -> Diagnostic {
        let place = cases?.path(of: problem.caseID) ?? ""
        let message: Message
        switch problem.kind {
        case let .missingRate(kind, category):
            if let category {
                message = "no \(kind.rawValue) rate for category '\(category)' in force on \(problem.day)"
            } else {
                message = "no \(kind.rawValue) rate in force on \(problem.day)"
            }
        case let .unknownService(s): message = "unknown service '\(s)'"
        case let .unknownCategory(c): message = "unknown category '\(c)'"
        case .noClearingTerms: message = "the case has a clearing phase but the agreement no clearing terms"
        case let .noAgreement(provider):
            message = "case '\(problem.caseID)' is active in \(problem.day.month) but provider '\(provider)' has no agreement in force then"
        }
        return Diagnostic(file: casesFile ?? "cases", place: place, message: message)
    }
}

/// Prints diagnostics the same way everywhere: one per line, then a count.
func report(_ diagnostics: [Diagnostic], to console: Console) {
    for d in diagnostics { console.fail("error: \(Message(verbatim: d.text(console.language)))\n") }
    if diagnostics.count == 1 {
        console.fail("1 error in the input; nothing was written.\n")
    } else {
        console.fail("\(diagnostics.count) errors in the input; nothing was written.\n")
    }
}

/// The months of `--year YYYY`, or of `--from YYYY-MM --to YYYY-MM`; a usage message otherwise.
func periodMonths(_ options: ParsedOptions) -> Result<[Month], UsageError> {
    if let y = options.value("year") {
        if options.value("from") != nil || options.value("to") != nil { return .failure(UsageError("give either --year or --from and --to")) }
        guard let year = Int(y), let first = Month(year: year, month: 1) else { return .failure(UsageError("--year: '\(y)' is not a year")) }
        var months = [first]
        while months.count < 12 { months.append(months.last!.next) }
        return .success(months)
    }
    guard let f = options.value("from"), let t = options.value("to") else {
        return .failure(UsageError("give the period: --year YYYY, or --from YYYY-MM --to YYYY-MM"))
    }
    guard let from = Month(iso: f), let to = Month(iso: t), from <= to else {
        return .failure(UsageError("--from/--to: '\(f)'–'\(t)' is not a period of months (YYYY-MM, from not after to)"))
    }
    var months: [Month] = []
    var m = from
    while m <= to { months.append(m); m = m.next }
    return .success(months)
}

/// Writes a command's output to `--out` (atomically) or to standard output.
func emit(_ bytes: [UInt8], _ options: ParsedOptions, command: String, console: Console, note: Message? = nil) -> Int32 {
    guard let out = options.value("out") else {
        console.out(bytes)
        return ExitStatus.success
    }
    do throws(Files.Failure) {
        try Files.writeAtomically(bytes, to: out)
    } catch {
        console.fail("leq \(command): \(error.message)\n")
        return error.usage ? ExitStatus.badInput : ExitStatus.failure
    }
    console.fail(note ?? "wrote \(out)\n")
    return ExitStatus.success
}
