import Foundation
import LEQCore
import LEQFormats

/// `leq bench`: settles a large generated caseload and prints throughput and peak memory.
/// A measurement, not a test: run it on a release build (`swift run -c release leq bench`).
extension LEQ {
    static let bench = Command(
        name: "bench", usage: "[--cases N] [--months M] [--seed S] [--simulate] [--write DIR]",
        summary: "Settle a generated caseload from files to files; print case-months per second and memory per case, step by step.",
        options: [
            OptionSpec("cases", value: "N", help: "Number of generated cases (default 100000)."),
            OptionSpec("months", value: "M", help: "Months to settle, from 2026-01 (default 12)."),
            OptionSpec("seed", value: "S", help: "Seed of the generator (default 1); the same seed, the same caseload."),
            OptionSpec("simulate", help: "Instead: simulate the caseload with three scenarios over the months (SPEC § 17)."),
            OptionSpec("write", value: "DIR", help: "Instead: write the generated agreements and case file into this folder, to settle them with leq settle."),
        ],
        details: """
            Build with -c release for meaningful figures. The caseload is written as files into a
            temporary folder; then, one after the other: reading (files to checked model), settling
            (on one core and on all), writing JSON, and leq settle itself from files to files, for one
            month (as JSON and as text) and for the range of months. Memory is the peak resident memory
            of each step above what was resident before it (Linux /proc).
            """
    ) { options, console in
        guard let n = Int(options.value("cases") ?? "100000"), n > 0,
              let months = Int(options.value("months") ?? "12"), (1...600).contains(months),
              let seed = UInt64(options.value("seed") ?? "1") else {
            console.fail("leq bench: --cases, --months and --seed take whole numbers (cases > 0, months 1–600)\n")
            return ExitStatus.badInput
        }
        let first = Month(year: 2026, month: 1)!
        let monthList = Array((0..<months).reduce(into: [first]) { list, _ in list.append(list.last!.next) }.prefix(months))
        if options.flag("simulate") {
            var generator = Synthetic(seed: seed)
            let agreements = generator.agreements()
            console.fail("generating \(n) cases …\n")
            let cases = generator.cases(n, providers: agreements.map(\.provider.id))
            return simulateBench(agreements: agreements, cases: cases, horizon: monthList, console: console)
        }
        if let folder = options.value("write") {
            switch writeCaseload(n, seed: seed, into: folder, console: console) {
            case let .failure(failure):
                console.fail("leq bench: \(failure.message)\n")
                return failure.usage ? ExitStatus.badInput : ExitStatus.failure
            case let .success(files):
                let last = monthList.last!
                console.tell("""
                    wrote \(n) cases and \(files.agreements.count) agreements to \(folder) (\(files.caseBytes / 1_000_000) MB of cases)
                    settle them: leq settle --agreement \(folder)/bench-*.json --cases \(files.cases) --month \(first.iso)..\(last.iso) --format json --out \(folder)/statements --no-store

                    """)
                return ExitStatus.success
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leq-bench-\(ProcessInfo.processInfo.processIdentifier)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files: BenchFiles
        switch writeCaseload(n, seed: seed, into: folder, console: console) {
        case let .failure(failure):
            console.fail("leq bench: \(failure.message)\n")
            return ExitStatus.failure
        case let .success(f): files = f
        }
        return runBench(files, cases: n, months: monthList, console: console)
    }

    /// The generated caseload's files.
    struct BenchFiles {
        var agreements: [String]
        var cases: String
        var caseBytes: Int
    }

    /// Writes the generated agreements (`bench-1.json` …) and cases (`cases.json`) into `folder`.
    static func writeCaseload(_ n: Int, seed: UInt64, into folder: String, console: Console) -> Result<BenchFiles, Files.Failure> {
        var generator = Synthetic(seed: seed)
        var agreements: [String] = []
        for file in generator.agreementFiles() {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(file.name).path
            do throws(Files.Failure) { try Files.writeAtomically(file.bytes, to: path) } catch { return .failure(error) }
            agreements.append(path)
        }
        console.fail("generating \(n) cases …\n")
        let bytes = CaseJSON.render(generator.cases(n, providers: generator.agreements().map(\.provider.id)))
        let path = URL(fileURLWithPath: folder).appendingPathComponent("cases.json").path
        do throws(Files.Failure) { try Files.writeAtomically(bytes, to: path) } catch { return .failure(error) }
        return .success(BenchFiles(agreements: agreements, cases: path, caseBytes: bytes.count))
    }

    /// One measured step: its time, and the peak memory above what was resident before it.
    struct Step {
        var seconds: Double  // not money: timing
        var memory: Int
    }

    static func measure(_ work: () -> Void) -> Step {
        let before = Memory.resident()
        Memory.resetPeak()
        let time = ContinuousClock().measure(work)
        return Step(seconds: seconds(time), memory: max(0, (Memory.peak() ?? 0) - (before ?? 0)))
    }

    /// Reading, settling, writing and both together, step by step, on the files in `files`.
    static func runBench(_ files: BenchFiles, cases n: Int, months: [Month], console: Console) -> Int32 {
        let caseMonths = n * months.count
        let progress = Progress(console: console)
        // Reading alone: files to the checked model, as settle reads them.
        var inputs = Inputs()
        // Memory the generator freed goes back to the system first: else the reading reuses it and
        // what the cases hold looks like nothing.
        Memory.trim()
        let residentBefore = Memory.resident() ?? 0
        let read = measure { inputs = Inputs.load(agreements: files.agreements, cases: files.cases, settlingOrder: true) }
        // What stays resident once read: the checked model, and what the allocator keeps of the parsing.
        Memory.trim()
        let model = max(0, (Memory.resident() ?? 0) - residentBefore)
        guard inputs.diagnostics.isEmpty, let contents = inputs.cases else {
            report(inputs.diagnostics, to: console)
            return ExitStatus.failure
        }
        let agreements = inputs.agreements
        let caseload = Caseload(contents.cases)
        inputs = Inputs()
        // Settling alone, on one core and on all, the incentive years carried from month to month.
        var lines = 0, checksum = Money.zero
        func settleAll(parallel: Bool) -> Step {
            var ledgers: [String: IncentiveLedger] = [:]
            return measure {
                for (k, month) in months.enumerated() {
                    let run = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next,
                                             ledgers: ledgers, parallel: parallel)
                    ledgers = run.ledgers
                    if !parallel {
                        for s in run.statements { lines += s.lines.count; checksum += s.totals.all }
                    }
                    progress.show("settling \(month) (\(k + 1)/\(months.count))")
                }
            }
        }
        let settleOne = settleAll(parallel: false)
        let settleAllCores = settleAll(parallel: true)
        // Writing alone: each month's statements rendered as JSON (settled beforehand, not timed).
        var renderSeconds = 0.0, renderMemory = 0, jsonBytes = 0  // not money: timing
        var ledgers: [String: IncentiveLedger] = [:]
        for (k, month) in months.enumerated() {
            let run = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next, ledgers: ledgers)
            ledgers = run.ledgers
            // Rendered as leq settle writes it, piece by piece; the pieces are counted, not kept.
            let step = measure { StatementJSON.render(run.statements, write: { jsonBytes += $0.count }) }
            renderSeconds += step.seconds
            renderMemory = max(renderMemory, step.memory)
            progress.show("writing \(month) (\(k + 1)/\(months.count))")
        }
        progress.clear()
        // From files to files: leq settle itself, for one month (the last, as JSON and as text)
        // and for the range.
        let given = ["--agreement"] + files.agreements + ["--cases", files.cases, "--no-store"]
        let folder = URL(fileURLWithPath: files.cases).deletingLastPathComponent()
        let quiet = CapturingConsole()
        /// `leq settle` with `given` and `more`, timed; nil (said) when it fails.
        func settle(_ more: [String]) -> Step? {
            var status: Int32 = 0
            let step = measure { status = LEQ.main(["settle"] + given + more, console: quiet) }
            // What the run let go is freed before the next step (as the process would end, untimed).
            Release.waitForAll()
            guard status == 0 else {
                console.fail("leq bench: leq settle failed: \(quiet.stderr)\n")
                return nil
            }
            return step
        }
        let range = "\(months.first!.iso)..\(months.last!.iso)"
        guard let oneMonth = settle(["--format", "json", "--month", months.last!.iso, "--out", folder.appendingPathComponent("month.json").path]),
              let year = settle(["--format", "json", "--month", range, "--out", folder.appendingPathComponent("statements").path]),
              // The same month as text, the format `leq settle` writes when none is asked for:
              // measured last, so that the memory the allocator keeps from it is not taken off
              // the range's.
              let oneMonthText = settle(["--month", months.last!.iso, "--out", folder.appendingPathComponent("month.txt").path])
        else { return ExitStatus.failure }
        let rate = { (count: Int, s: Double) in s > 0 ? Int(Double(count) / s) : 0 }  // not money: a throughput figure
        let mib = { (bytes: Int) in "\(bytes / 1_048_576) MiB" }
        let rows: [(Message, Step, Int)] = [
            ("read: files to checked model (once per run)", read, n),
            ("settle, one core", settleOne, caseMonths),
            ("settle, all cores", settleAllCores, caseMonths),
            ("write JSON", Step(seconds: renderSeconds, memory: renderMemory), caseMonths),
            ("leq settle, one month, files to file", oneMonth, n),
            ("the same as text (the default format)", oneMonthText, n),
            ("leq settle --month \(range), files to files", year, caseMonths),
        ]
        let language = console.language
        var table = TextTable([.left, .right, .right, .right])
        table.add([Message("step").text(language), Message("seconds").text(language), Message("case-months/s").text(language),
                   Message("memory").text(language)])
        for (label, step, count) in rows {
            table.add([label.text(language), format(step.seconds), "\(rate(count, step.seconds))", mib(step.memory)])
        }
        let yearMemory = year.memory
        console.tell("""
            bench: \(n) cases × \(months.count) months = \(caseMonths) case-months, \(agreements.count) providers, \(lines) lines, total \(checksum)
            input: \(files.caseBytes / 1_000_000) MB case file (\(files.caseBytes / n) bytes per case), \(jsonBytes / 1_000_000) MB of statements as JSON

            """)
        console.out(table.render().joined(separator: "\n") + "\n\n")
        console.tell("""
            end to end : reading alone: \(ratio(oneMonth.seconds, read.seconds)) (one month), \(ratio(year.seconds, read.seconds)) (\(months.count) months)
            memory of leq settle over the range: \(yearMemory / n) bytes per case (\(mib(yearMemory)); the case file: \(files.caseBytes / n) bytes per case)
            resident after reading (the checked cases): \(model / n) bytes per case (\(mib(model)))
            cores: \(ProcessInfo.processInfo.activeProcessorCount)

            """)
        return ExitStatus.success
    }

    /// `a : b` with two decimals.
    static func ratio(_ a: Double, _ b: Double) -> String { b > 0 ? format(a / b) : "–" }  // not money

    /// Baseline and three scenarios (a rate change, a category shift with new cases, incentive
    /// parameters) over the horizon, timed.
    static func simulateBench(agreements: [Agreement], cases: [Case], horizon: [Month], console: Console) -> Int32 {
        let start = horizon[0].firstDay
        let scenarios = [
            Scenario(name: "C +3 %", changes: [.rate(Scenario.RateChange(category: "C", from: start, percent: ExactDecimal("3")!))]),
            Scenario(name: "mix", changes: [
                .categoryShift(from: "B", to: "C", share: ExactDecimal("0.1")!, on: start),
                .newCases(Scenario.NewCases(provider: agreements[0].provider.id, perMonth: 20,
                                            mix: [("flex", "B", ExactDecimal("1")!), ("heimT", "C", ExactDecimal("1")!)], months: 9)),
            ]),
            Scenario(name: "bonus", changes: [.incentives({ var c = Scenario.IncentiveChange(); c.bonusPercent = ExactDecimal("6")!; return c }())]),
        ]
        var settled = 0
        let clock = ContinuousClock()
        let time = clock.measure {
            _ = Simulation.run(agreements: agreements, cases: cases, horizon: horizon, scenarios: scenarios, seed: 1) { name, month in
                settled += 1
                if month == horizon.last { console.fail("  \(name) done\n") }
            }
        }
        let s = seconds(time)
        let rate = Int(Double(cases.count * horizon.count * (scenarios.count + 1)) / s)  // not money: a throughput figure
        console.tell("""
            simulate: \(cases.count) cases × \(horizon.count) months, baseline and \(scenarios.count) scenarios: \(format(s)) s \
            (\(rate) case-months/s)
            peak memory: \(Memory.peak().map { "\($0 / 1_048_576) MiB" } ?? "unknown")

            """)
        return ExitStatus.success
    }

    static func seconds(_ d: Duration) -> Double {  // not money: timing
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18  // not money
    }

    static func format(_ x: Double) -> String {  // not money
        let hundredths = Int((x * 100).rounded())  // not money
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}

/// The process's resident memory, from Linux's /proc; nil where it cannot be read.
enum Memory {
    /// Hands memory the allocator keeps but nothing uses back to the system (glibc), so that
    /// the resident memory is what is in use.
    static func trim() {
        // glibc's `malloc_trim`, looked up at run time: Swift's Glibc module does not show malloc.h.
        typealias Trim = @convention(c) (Int) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }

    /// Resident memory now (VmRSS), in bytes.
    static func resident() -> Int? { status("VmRSS:") }
    /// Peak resident memory (VmHWM) since the start or the last `resetPeak`, in bytes.
    static func peak() -> Int? { status("VmHWM:") }
    /// Starts the peak anew from what is resident now (Linux: `5` into /proc/self/clear_refs).
    static func resetPeak() {
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return }
        _ = write(fd, "5", 1)
        close(fd)
    }

    private static func status(_ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key) {
            return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 * 1024 }
        }
        return nil
    }
}

/// A progress line on standard error, rewritten in place, only on a terminal (never in a log or a
/// test's capture); at most ten times a second.
final class Progress {
    private let console: Console
    private var last = ContinuousClock.now
    private var shown = false

    init(console: Console) { self.console = console }

    func show(_ message: Message) {
        guard console.isTerminal, ContinuousClock.now - last > .milliseconds(100) else { return }
        last = .now
        shown = true
        console.err("\r\u{1B}[K" + message.text(console.language))
    }

    func clear() {
        if shown { console.err("\r\u{1B}[K") }
        shown = false
    }
}
