import Foundation
import Testing
import LEQCore
import LEQFormats
@testable import LEQCLI

@Suite("The leq command line")
struct CommandLineTests {
    @Test("help and --help on every command, in German and in English, exit 0 and list the options",
          arguments: LEQ.commands.map(\.name))
    func help(_ command: String) {
        let a = leq([command, "--help"]), b = leq(["help", command])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.out == b.out)
        let text = String(decoding: a.out, as: UTF8.self)
        #expect(text.hasPrefix("Aufruf: leq \(command)") && text.contains("Diese Hilfe anzeigen.") && text.contains("Optionen:"))
        #expect(!text.contains("Usage") && !text.contains("Show this help") && !text.contains("default:") && !text.contains("FILE"), "\(text)")
        let en = String(decoding: leq([command, "--help", "--lang", "en"]).out, as: UTF8.self)
        #expect(en.hasPrefix("Usage: leq \(command)") && en.contains("Show this help."))
        #expect(leq(["help", command, "--lang", "en"]).out == Array(en.utf8))
        for option in LEQ.commands.first(where: { $0.name == command })!.options {
            #expect(text.contains("--" + option.name) && en.contains("--" + option.name))
        }
    }

    @Test func overview() {
        let r = leq(["help"])
        #expect(r.status == 0)
        #expect(String(decoding: r.out, as: UTF8.self).contains("settle"))
        #expect(leq([]).status == 2)
    }

    struct UsageCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test("Usage errors exit 2 and say what is wrong", arguments: [
        UsageCase(arguments: ["frobnicate"], message: "kein Befehl 'frobnicate'"),
        UsageCase(arguments: ["settle", "--cases", "c.json", "--month", "2026-03"], message: "es fehlt die Option '--agreement"),
        UsageCase(arguments: ["settle", "--agreement", "a.json", "--cases", "c.json"], message: "es fehlt die Option '--month"),
        UsageCase(arguments: ["settle", "--agreement", "a", "--cases", "c", "--month", "2026-3"], message: "ist kein Monat und kein Zeitraum von Monaten; erwartet JJJJ-MM"),
        UsageCase(arguments: ["settle", "--agreement", "a", "--cases", "c", "--month", "2026-03", "--format", "pdf"], message: "ist kein Format"),
        UsageCase(arguments: ["settle", "--agreement", "a", "--cases", "c", "--month", "2026-03", "--lang", "fr"], message: "'fr' ist keine Sprache"),
        UsageCase(arguments: ["settle", "--agreement", "a", "--cases", "c", "--month", "2026-03", "--issued", "2026-02-30"], message: "ist kein gültiges Datum"),
        UsageCase(arguments: ["settle", "--agreement", "a", "--cases", "c", "--month", "2026-03", "--colour"], message: "unbekannte Option '--colour'"),
        UsageCase(arguments: ["settle", "--agreement", "a", "--cases", "c", "--month", "2026-03", "--month", "2026-04"], message: "doppelt angegeben"),
        UsageCase(arguments: ["validate", "--agreement"], message: "braucht einen Wert"),
        UsageCase(arguments: ["bench", "--cases", "many"], message: "ganze Zahlen"),
    ])
    func usage(_ c: UsageCase) {
        let r = leq(c.arguments)
        #expect(r.status == 2)
        #expect(r.err.contains(c.message), "\(r.err)")
        // The same in English on request, never a German word then.
        let en = leq(c.arguments + ["--lang", "en"])
        #expect(en.status == 2 && !en.err.contains(" ist ") && !en.err.contains("Optionen") && !en.err.contains("Aufruf"), "\(en.err)")
    }

    @Test func optionParsing() throws {
        let specs = [OptionSpec("agreement", value: "FILE…", multiple: true, help: ""), OptionSpec("month", value: "M", help: ""), OptionSpec("x", help: "")]
        let parsed = try parseOptions(["--agreement", "a", "b", "--month=2026-03", "--x"], specs).get()
        #expect(parsed.all("agreement") == ["a", "b"])
        #expect(parsed.value("month") == "2026-03")
        #expect(parsed.flag("x"))
    }

    @Test("validate accepts the samples")
    func validateSamples() {
        let r = leq(["validate", "--agreement", halleAgreement, "--cases", halleCases])
        #expect(r.status == 0, "\(r.err)")
        #expect(String(decoding: r.out, as: UTF8.self).contains("ok: 44 Fälle in"))
        let en = leq(["validate", "--agreement", halleAgreement, "--cases", halleCases, "--lang", "en"])
        #expect(String(decoding: en.out, as: UTF8.self).contains("ok: cases 44 in"))
    }

    @Test("A broken agreement: exit 2, every error with file and place, nothing written")
    func brokenAgreement() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = String(decoding: FileManager.default.contents(atPath: halleAgreement)!, as: UTF8.self)
        text = text.replacingOccurrences(of: #""amount": "1960.00""#, with: #""amount": "1960.001""#)
        text = text.replacingOccurrences(of: #""setting": "stationär""#, with: #""setting": "stationaer""#)
        let broken = folder.appendingPathComponent("broken.json").path
        try text.write(toFile: broken, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out.json").path
        let r = leq(["settle", "--agreement", broken, "--cases", halleCases, "--month", "2026-03", "--out", out])
        #expect(r.status == 2)
        #expect(r.err.contains("Fehler: \(broken): flatRates[1].amount: '1960.001' hat mehr als zwei Nachkommastellen"), "\(r.err)")
        #expect(r.err.contains("\(broken): services[5].setting: 'stationaer' ist nicht bekannt"), "\(r.err)")
        #expect(r.err.contains("2 Fehler in der Eingabe; nichts wurde geschrieben."))
        // The same in English; the JSON path stays as it is.
        let en = leq(["settle", "--agreement", broken, "--cases", halleCases, "--month", "2026-03", "--out", out, "--lang", "en"])
        #expect(en.err.contains("error: \(broken): flatRates[1].amount: '1960.001' has more than two decimals"), "\(en.err)")
        #expect(en.err.contains("2 errors in the input; nothing was written."))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(r.out.isEmpty)
    }

    @Test("A missing file: exit 2, named")
    func missingFile() {
        let r = leq(["validate", "--agreement", "/nonexistent/a.json"])
        #expect(r.status == 2)
        #expect(r.err.contains("/nonexistent/a.json: Datei nicht gefunden"))
    }

    @Test("A broken case file: exit 2 with the JSON path of each case")
    func brokenCases() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = String(decoding: FileManager.default.contents(atPath: halleCases)!, as: UTF8.self)
        text = text.replacingOccurrences(of: #""start": "2026-01-05""#, with: #""start": "2026-02-30""#)
        let broken = folder.appendingPathComponent("cases.json").path
        try text.write(toFile: broken, atomically: true, encoding: .utf8)
        let r = leq(["settle", "--agreement", halleAgreement, "--cases", broken, "--month", "2026-03"])
        #expect(r.status == 2)
        #expect(r.err.contains("\(broken): cases[0].start: '2026-02-30' ist kein gültiges Datum"), "\(r.err)")
    }

    @Test("A month with no agreement in force is refused, naming the cases")
    func noAgreement() {
        let r = leq(["settle", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2025-12"])
        #expect(r.status == 2)
        #expect(r.err.contains("aber für den Träger 'tsd' gilt dann keine Vereinbarung"), "\(r.err)")
    }

    @Test("--out writes the same bytes as standard output, and --provider checks the id")
    func outFile() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("m.json").path
        let args = ["settle", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03", "--format", "json", "--provider", "tsd"]
        let r = leq(args + ["--out", out])
        #expect(r.status == 0 && r.out.isEmpty)
        #expect([UInt8](FileManager.default.contents(atPath: out)!) == leq(args).out)
        #expect(leq(args.dropLast(2) + ["--provider", "awo"]).status == 2)
    }

    @Test("--out makes a missing folder (the README's out/ on a fresh clone); a file where the folder should be is a failure (exit 1)")
    func outputFolders() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nested = folder.appendingPathComponent("out/2026/03.json").path
        let args = ["settle", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03", "--format", "json"]
        #expect(leq(args + ["--out", nested]).status == 0)
        #expect(FileManager.default.contents(atPath: nested).map([UInt8].init) == leq(args).out)
        let blocker = folder.appendingPathComponent("file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let r = leq(args + ["--out", blocker + "/x.json"])
        #expect(r.status == 1)
        #expect(r.err.contains("\(blocker)/x.json kann nicht geschrieben werden: \(blocker) ist eine Datei, kein Ordner"), "\(r.err)")
    }

    @Test("leq --version; leq help COMMAND; leq help --help")
    func versionAndHelp() {
        let v = leq(["--version"])
        #expect(v.status == 0 && String(decoding: v.out, as: UTF8.self).hasPrefix("leq \(LEQ.version)\n"))
        #expect(String(decoding: v.out, as: UTF8.self).contains("Schema 5"))
        for args in [["help", "--help"], ["help", "-h"], ["help", "help"], ["help"]] {
            let r = leq(args)
            #expect(r.status == 0 && String(decoding: r.out, as: UTF8.self).contains("leq BEFEHL"), "\(args)")
        }
        let settle = leq(["help", "settle"])
        #expect(settle.status == 0 && settle.out == leq(["settle", "--help"]).out)
        #expect(leq(["help", "nosuch"]).status == 2)
    }
}

@Suite("Generated caseloads")
struct GeneratedCaseloadTests {
    @Test("Every statement of a generated caseload keeps its invariants, month after month")
    func invariants() {
        var generator = Synthetic(seed: 7)
        let agreements = generator.agreements()
        let caseload = Caseload(generator.cases(3000, providers: agreements.map(\.provider.id)))
        var month = Month(iso: "2026-01")!
        var ledgers: [String: IncentiveLedger] = [:]
        for _ in 0..<14 {
            let run = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next, ledgers: ledgers)
            ledgers = run.ledgers
            #expect(run.problems.isEmpty)
            #expect(run.statements.count == agreements.count)
            for s in run.statements { #expect(s.invariantViolations().isEmpty, "\(month) \(s.number): \(s.invariantViolations())") }
            if month.iso == "2026-07" {
                // The year recomputed from January gives what the carried ledgers gave.
                let fresh = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next)
                #expect(fresh.statements.map(\.totals) == run.statements.map(\.totals))
            }
            month = month.next
        }
    }

    @Test("bench runs on a small caseload and prints its figures")
    func bench() {
        let r = leq(["bench", "--cases", "200", "--months", "2"])
        #expect(r.status == 0)
        let text = String(decoding: r.out, as: UTF8.self)
        for row in ["lesen: Dateien zum geprüften Modell", "abrechnen, ein Kern", "abrechnen, alle Kerne", "JSON schreiben",
                    "leq settle, ein Monat", "leq settle --month 2026-01..2026-02", "Ende zu Ende : Lesen allein", "Bytes je Fall"] {
            #expect(text.contains(row), "no \(row) in:\n\(text)")
        }
        // No progress line where standard error is no terminal.
        #expect(!r.err.contains("\r"))
    }

    @Test("bench --write puts a caseload on disk that leq settle reads and settles as the bench does")
    func benchWrite() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let w = leq(["bench", "--cases", "300", "--write", folder.path])
        #expect(w.status == 0, "\(w.err)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.contains("cases.json") && names.filter { $0.hasPrefix("bench-") }.count == 10)
        let agreements = names.filter { $0.hasPrefix("bench-") }.map { folder.appendingPathComponent($0).path }
        let out = folder.appendingPathComponent("statements").path
        let r = leq(["settle", "--agreement"] + agreements + ["--cases", folder.appendingPathComponent("cases.json").path,
                     "--month", "2026-01..2026-03", "--format", "json", "--out", out, "--no-store"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["2026-01.json", "2026-02.json", "2026-03.json"])
        // The files settle to what the generated cases settle to in memory.
        var generator = Synthetic(seed: 1)
        let generated = generator.agreements()
        let caseload = Caseload(generator.cases(300, providers: generated.map(\.provider.id)))
        let march = Settlement.run(agreements: generated, caseload: caseload, month: Month(year: 2026, month: 3)!, issued: CivilDate(iso: "2026-04-01")!,
                                   ledgers: nil)
        let expected = StatementJSON.render(march.statements.filter { !$0.lines.isEmpty })
        #expect([UInt8](FileManager.default.contents(atPath: out + "/2026-03.json")!) == expected)
    }
}
