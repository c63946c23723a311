import Testing
import LEQCore
@testable import LEQCLI
@testable import LEQFormats

@Suite("Line texts said again, copied")
struct LineTextCacheTests {
    /// `line`'s text as written into a document by `cache`, and as spelt out in full.
    static func written(_ line: StatementLine, _ labels: Labels, by cache: LineTextCache) -> (cached: [UInt8], full: [UInt8]) {
        var w = JSONWriter()
        var text = w.openString()
        var line = line
        cache.write(&line, labels, into: &text)
        w.closeString()
        var full = JSONWriter()
        var spelt = full.openString()
        labels.writeText(line, to: &spelt)
        full.closeString()
        return (w.bytes, full.bytes)
    }

    static func line(_ kind: LineKind, category: String? = "B", quantity: ExactDecimal = ExactDecimal(units: 31, scale: 0),
                     rate: Int64 = 143_000, basisDays: Int? = 31) -> StatementLine {
        StatementLine(caseID: "C-1", fileReference: "51-1", service: "heim", kind: kind, category: category,
                      period: Month(iso: "2026-03")!.period, quantity: quantity, unit: .day, rate: Money(cents: rate),
                      rateUnit: .month, basisDays: basisDays, amount: Money(cents: rate), bearerParts: [Money(cents: rate)])
    }

    @Test("A year of statements written with kept texts is the document with every text spelt out, in both languages")
    func sameDocument() {
        var generator = Synthetic(seed: 23)
        let agreements = generator.agreements()
        let caseload = Caseload(generator.cases(6_000, providers: agreements.map(\.provider.id)))
        for language in Language.allCases {
            for month in [Month(iso: "2026-03")!, Month(iso: "2027-01")!] {
                let run = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next)
                for parallel in [true, false] {
                    #expect(StatementJSON.render(run.statements, language: language, parallel: parallel)
                            == StreamedJSONTests.oneWriter(run.statements, language: language))
                }
            }
        }
    }

    @Test("A kept text's line reads nothing but its key: any other field changed, the same text")
    func textReadsOnlyTheKey() {
        var generator = Synthetic(seed: 29)
        let agreements = generator.agreements()
        let caseload = Caseload(generator.cases(2_000, providers: agreements.map(\.provider.id)))
        let month = Month(iso: "2026-06")!
        let lines = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next)
            .statements.flatMap(\.lines).filter { LineTextCache.Key($0) != nil }
        #expect(Set(lines.map(\.kind)).isSuperset(of: [.flatRate, .dailyRate, .hours, .hoursNotApproved]))
        let changes: [(inout StatementLine) -> Void] = [
            { $0.caseID = "X-9" }, { $0.fileReference = "99-9" }, { $0.service = "andere" },
            { $0.period = Period(CivilDate(iso: "2025-12-02")!, CivilDate(iso: "2025-12-03")!) },
            { $0.unit = $0.unit == .day ? .hour : .day }, { $0.rateUnit = $0.rateUnit == .month ? .day : .month },
            { $0.amount = Money(cents: 1) }, { $0.bearerParts = [Money(cents: 1), Money(cents: 0)] },
        ]
        for language in Language.allCases {
            let labels = Labels(language)
            for line in lines {
                let text = labels.text(line)
                for change in changes {
                    var changed = line
                    change(&changed)
                    #expect(LineTextCache.Key(changed) == LineTextCache.Key(line))
                    #expect(labels.text(changed) == text, "\(line.kind)")
                }
            }
        }
    }

    @Test("Every field of the key, and any detail, is a text of its own: never another's copied")
    func keysTellTextsApart() {
        let cache = LineTextCache(language: .de)
        let labels = Labels(.de)
        var lines: [StatementLine] = []
        for kind in LineTextCache.Key.kinds {
            for category in ["B", "C", nil, "", "Ä", "B\"\\\n", "ABCDEFG"] {
                for quantity in [ExactDecimal(units: 31, scale: 0), ExactDecimal(units: 310, scale: 1), ExactDecimal(units: 15, scale: 0)] {
                    for rate in [Int64(143_000), 143_001, -5] {
                        for basis in [31, 30, nil] {
                            lines.append(Self.line(kind, category: category, quantity: quantity, rate: rate, basisDays: basis))
                        }
                    }
                }
            }
        }
        // The same lines again, and with a detail: an increase is part of a flat rate's text.
        var increased = lines.filter { $0.kind == .flatRate }
        for i in increased.indices { increased[i].increase = ExactDecimal(units: 235, scale: 2) }
        #expect(increased.allSatisfy { LineTextCache.Key($0) == nil })
        // A category longer than seven bytes is not kept, and not taken for its first seven.
        let long = Self.line(.flatRate, category: "ABCDEFGH")
        #expect(LineTextCache.Key(long) == nil)
        for line in lines + lines + increased + [long] + lines.reversed() {
            let (cached, full) = Self.written(line, labels, by: cache)
            #expect(cached == full)
        }
    }

    @Test("Many more texts than places and bytes kept: each still its own")
    func manyTexts() {
        let cache = LineTextCache(language: .en)
        let labels = Labels(.en)
        // 6,000 rates: more texts than places, and more bytes than are kept at once; twice, so
        // that texts kept before the bytes were let go are asked for again.
        for _ in 0..<2 {
            for rate in stride(from: Int64(1), through: 6_000, by: 1) {
                let line = Self.line(.dailyRate, rate: rate * 101)
                let (cached, full) = Self.written(line, labels, by: cache)
                #expect(cached == full)
            }
        }
    }

    @Test("A cache taken for another language keeps none of the first language's texts")
    func languages() {
        let line = Self.line(.flatRate)
        let german = LineTextCache.take(.de)
        _ = Self.written(line, Labels(.de), by: german)
        LineTextCache.give(german)
        // Whichever cache is taken (another test may hold this one), its texts are English.
        let english = LineTextCache.take(.en)
        let (cached, full) = Self.written(line, Labels(.en), by: english)
        #expect(cached == full)
        #expect(String(decoding: cached, as: UTF8.self).contains("Flat rate"))
        LineTextCache.give(english)
    }
}
