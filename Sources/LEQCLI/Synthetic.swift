import LEQCore
import LEQFormats

/// A generated, seeded caseload and agreements for the benchmark: clearings (some long, some
/// extended), category changes in mid-month, a rate change in July, an increase in January
/// 2027, ends, a cost-bearer rule; daily rates with absences under NRW-style rules, specialist
/// hours with approvals (some exceeded), budgets in installments and drawdown budgets, top-ups
/// (one home case in eight) with late or missing proof, tariff changes and staff illness;
/// incentives with yearly caps: half-yearly goal evaluations and reports (one case in four), ends
/// of every kind.
struct Synthetic {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next(_ bound: Int) -> Int {
        // xorshift64*: small, fast, and the same on every machine.
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Int((state &* 0x2545_F491_4F6C_DD1D) >> 33) % bound
    }

    /// The agreement files of the generated providers (`bench-1.json` …), as a user would keep
    /// them: the benchmark reads its agreements from these bytes, and `--write` puts them on disk.
    func agreementFiles() -> [(name: String, bytes: [UInt8])] {
        (1...10).map { p in ("bench-\(p).json", Array(Self.agreementTemplate(p).utf8)) }
    }

    /// The generated agreements, decoded from `agreementFiles()`.
    func agreements() -> [Agreement] {
        agreementFiles().map { file in
            do throws(InputError) {
                return try AgreementFile.decode(file.bytes, file: file.name)
            } catch {
                preconditionFailure("the generated agreement \(file.name) does not read: \(error.diagnostics)")
            }
        }
    }

    /// One provider's agreement: six services of every payment kind (monthly flat rates with a
    /// rate change in July 2026, a 30-day month for the day group, daily rates with a category's
    /// own rate and absence rules, hourly rates, budgets), clearing, an increase in January 2027,
    /// a cost-bearer rule, incentives with yearly caps. The caps differ from provider to provider,
    /// around what the generated bonuses and maluses come to (some 0.1–0.2 % of the base), so that
    /// some providers reach them in some months and others never.
    static func agreementTemplate(_ p: Int) -> String {
        """
        {
          "format": "leq-agreement/1",
          "id": "bench-\(p)",
          "validFrom": "2024-01-01",
          "validTo": "2099-12-31",
          "youthOffice": {"name": "Jugendamt", "address": ["Marktplatz 1", "06108 Halle (Saale)"]},
          "provider": {"id": "p\(p)", "name": "Träger \(p)", "address": ["Straße \(p)", "06108 Halle (Saale)"], "taxNumber": "110/\(p)",
                       "creditorNumber": "7\(p)", "leitwegId": "15002000-\(p)", "statementPrefix": "P\(p)"},
          "categories": ["A", "B", "C"],
          "services": [
            {"id": "flex", "name": "Flexible ambulante Hilfe", "legalBasis": "§ 27 Abs. 2 SGB VIII", "setting": "ambulant"},
            {"id": "tg", "name": "Tagesgruppe", "legalBasis": "§ 32 SGB VIII", "setting": "teilstationär", "proration": "thirty"},
            {"id": "heim", "name": "Heimerziehung", "legalBasis": "§ 34 SGB VIII", "setting": "stationär"},
            {"id": "heimT", "name": "Heimerziehung (Tagessatz)", "legalBasis": "§ 34 SGB VIII", "setting": "stationär", "pay": "daily"},
            {"id": "spfh", "name": "Sozialpädagogische Familienhilfe", "legalBasis": "§ 31 SGB VIII", "setting": "ambulant", "pay": "hourly"},
            {"id": "fb", "name": "Individuelles Fallbudget", "legalBasis": "§ 27 Abs. 2 SGB VIII", "setting": "ambulant", "pay": "budget"}
          ],
          "flatRates": [
            {"service": "flex", "category": "A", "from": "2024-01-01", "amount": "980.00"},
            {"service": "flex", "category": "A", "from": "2026-07-01", "amount": "1011.00"},
            {"service": "flex", "category": "B", "from": "2024-01-01", "amount": "1430.00"},
            {"service": "flex", "category": "B", "from": "2026-07-01", "amount": "1461.00"},
            {"service": "flex", "category": "C", "from": "2024-01-01", "amount": "1880.00"},
            {"service": "flex", "category": "C", "from": "2026-07-01", "amount": "1911.00"},
            {"service": "tg", "category": "A", "from": "2024-01-01", "amount": "2100.00"},
            {"service": "tg", "category": "A", "from": "2026-07-01", "amount": "2131.00"},
            {"service": "tg", "category": "B", "from": "2024-01-01", "amount": "2550.00"},
            {"service": "tg", "category": "B", "from": "2026-07-01", "amount": "2581.00"},
            {"service": "tg", "category": "C", "from": "2024-01-01", "amount": "3000.00"},
            {"service": "tg", "category": "C", "from": "2026-07-01", "amount": "3031.00"},
            {"service": "heim", "category": "A", "from": "2024-01-01", "amount": "4800.00"},
            {"service": "heim", "category": "A", "from": "2026-07-01", "amount": "4831.00"},
            {"service": "heim", "category": "B", "from": "2024-01-01", "amount": "5250.00"},
            {"service": "heim", "category": "B", "from": "2026-07-01", "amount": "5281.00"},
            {"service": "heim", "category": "C", "from": "2024-01-01", "amount": "5700.00"},
            {"service": "heim", "category": "C", "from": "2026-07-01", "amount": "5731.00"}
          ],
          "dailyRates": [
            {"service": "heimT", "from": "2024-01-01", "amount": "178.43"},
            {"service": "heimT", "category": "C", "from": "2026-07-01", "amount": "212.60"}
          ],
          "hourlyRates": [{"service": "spfh", "from": "2024-01-01", "amount": "62.50"}],
          "absences": {
            "yearlyCapDays": 28,
            "rules": [
              {"reason": "hospital", "graceDays": 3, "reducedFrom": "afterGrace", "percent": "75"},
              {"graceDays": 3, "reducedFrom": "firstDay", "percent": "80"}
            ]
          },
          "budgets": {"mode": "installments", "savingsSharePercent": "50"},
          "increases": [{"from": "2027-01-01", "percent": "2.35"}],
          "clearing": {"fee": [{"from": "2024-01-01", "amount": "1450.00"}], "extensionWeekly": [{"from": "2024-01-01", "amount": "210.00"}]},
          "bearers": [{"id": "kommune", "name": "Kommune"}, {"id": "land", "name": "Land"}],
          "bearerRules": [{"settings": ["ambulant"], "flags": ["avoidsResidential"], "shares": {"kommune": "0.5", "land": "0.5"}}],
          "incentives": {
            "categories": [
              {"category": "A", "bonusPercent": "3", "malusPercent": "2", "reportMalus": "50.00", "endBonus": "200.00", "endMalus": "150.00"},
              {"category": "B", "bonusPercent": "4", "malusPercent": "2", "reportMalus": "75.00", "endBonus": "300.00", "endMalus": "225.00"},
              {"category": "C", "bonusPercent": "5", "malusPercent": "3", "reportMalus": "100.00", "endBonus": "400.00", "endMalus": "300.00"}
            ],
            "bonusCapPercent": "\(["0.10", "0.12", "0.14", "0.16", "0.18"][p % 5])",
            "malusCapPercent": "\(["0.15", "0.17", "0.19", "0.21"][p % 4])",
            "family": {"perGoalArea": "50.00"}
          }
        }

        """
    }

    mutating func cases(_ n: Int, providers: [String]) -> [Case] {
        let epoch = CivilDate(iso: "2025-01-01")!
        let services = ["flex", "tg", "heim", "heimT", "spfh", "fb"], categories = ["A", "B", "C"]
        var result: [Case] = []
        result.reserveCapacity(n)
        for i in 0..<n {
            let start = epoch.advanced(by: next(540))
            var c = Case(id: "C\(100_000_000 + i)", person: "P\(next(n))", provider: providers[next(providers.count)],
                         service: services[next(services.count)], fileReference: "51-\(i)", start: start,
                         flags: next(3) == 0 ? ["avoidsResidential"] : [])
            var firstCategory = start
            if next(10) < 3 {
                let length = 20 + next(80)
                let to = start.advanced(by: length - 1)
                c.clearing = Clearing(from: start, to: to, extensionApproved: next(2) == 0, category: categories[next(3)])
                firstCategory = to.next
            }
            if c.clearing == nil || next(5) == 0 {
                c.categories = [CategoryPeriod(category: categories[next(3)], from: firstCategory)]
                if next(5) == 0 {
                    c.categories.append(CategoryPeriod(category: categories[next(3)], from: firstCategory.advanced(by: 30 + next(300))))
                }
            }
            if next(5) < 2 {
                let end = firstCategory.advanced(by: 60 + next(600))
                c.end = end
                c.endReason = [.planned, .goalsAchieved, .providerTermination, .familyTermination][next(4)]
                c.plannedEnd = end.advanced(by: next(60) - 20)
                // A category change planned after the end did not happen.
                c.categories.removeAll { $0.from > end }
            }
            if next(4) == 0 {
                // Half-yearly goal evaluations and reports, some late or missing.
                var day = firstCategory.advanced(by: 170 + next(20))
                while day <= (c.end ?? CivilDate(iso: "2027-12-31")!) {
                    c.evaluations.append(GoalEvaluation(date: day, ratings: GoalArea.allCases.filter { $0 != .other && next(2) == 0 }.map {
                        ($0, ExactDecimal(units: Int64(20 + next(81)), scale: 0), ExactDecimal(units: 1, scale: 0))
                    } + [(.other, ExactDecimal(units: Int64(next(101)), scale: 0), ExactDecimal(units: 1, scale: 0))]))
                    c.reports.append(CaseReport(due: day, received: next(5) == 0 ? nil : day.advanced(by: next(30))))
                    day = day.advanced(by: 182)
                }
            }
            records(&c)
            result.append(c)
        }
        return result
    }

    /// Absences, hours and budgets for the services that use them.
    private mutating func records(_ c: inout Case) {
        let last = c.end ?? c.start.advanced(by: 900)
        switch c.service {
        case "heimT":
            var day = c.start.advanced(by: 10 + next(60))
            while day < last.advanced(by: -40) {
                let to = day.advanced(by: next(20))
                c.absences.append(Absence(from: day, to: to, reason: next(3) == 0 ? "hospital" : "holiday"))
                day = to.advanced(by: 20 + next(120))
            }
            if next(20) == 0 {
                let from = max(c.start, c.clearing?.to?.next ?? c.start)
                if from.advanced(by: 150) <= last {
                    c.budgets = [CaseBudget(period: Period(from, from.advanced(by: 150)), amount: Money(cents: 2_000_000 + Int64(next(800_000))),
                                            mode: .drawdown, overrunApproved: Money(cents: Int64(next(2) * 50_000)))]
                }
            }
        case "spfh":
            var from = c.start
            var approvals: [HourApproval] = [], delivered: [DeliveredHours] = []
            while from <= last {
                let to = min(from.addingMonths(6).previous, last)
                approvals.append(HourApproval(period: Period(from, to), quarterHours: 4 * (60 + next(80))))
                from = to.next
            }
            var month = c.start.month
            while month.firstDay <= last {
                delivered.append(DeliveredHours(month: month, quarterHours: next(4 * 30)))
                month = month.next
            }
            c.hours = Hours(approvals: approvals, delivered: delivered)
        case "fb":
            c.budgets = [CaseBudget(period: Period(c.start, last), amount: Money(cents: 500_000 + Int64(next(3_000_000))))]
        default:
            break
        }
        if (c.service == "heim" || c.service == "heimT") && next(8) == 0 { topUp(&c, last: last) }
    }

    /// A top-up approval: some with late or no proof, tariff changes, staff illnesses.
    private mutating func topUp(_ c: inout Case, last: CivilDate) {
        let from = c.start.advanced(by: next(60))
        let to = min(from.advanced(by: 300 + next(400)), TopUpApproval.longestEnd(from: from))
        guard from <= last else { return }
        let staff = TopUpApproval.Staff.allCases[next(4)]
        let share = ExactDecimal(units: Int64(1 + next(8)), scale: 1)
        var tariffs = [TopUpTariff(from: from, annualCost: Money(cents: 5_500_000 + Int64(next(1_000_000))), positionShare: share)]
        if next(3) == 0 {
            tariffs.append(TopUpTariff(from: from.advanced(by: 90 + next(180)), annualCost: Money(cents: 5_800_000 + Int64(next(1_000_000))),
                                       positionShare: share))
        }
        let staffStart = from.advanced(by: next(40))
        let proof = next(6) == 0 ? nil : staffStart.advanced(by: next(100))
        var illnesses: [StaffIllness] = []
        if next(4) == 0 {
            let ill = staffStart.advanced(by: 30 + next(200))
            illnesses = [StaffIllness(from: ill, to: next(2) == 0 ? ill.advanced(by: next(70)) : nil,
                                      substituteFrom: next(2) == 0 ? ill.advanced(by: 20 + next(30)) : nil)]
        }
        c.topUps = [TopUpApproval(period: Period(from, to), staff: staff, tariffs: tariffs.filter { $0.from <= to }, staffStart: staffStart,
                                  proofReceived: proof, bettengeld: next(3) == 0, staffIllnesses: illnesses)]
    }
}
