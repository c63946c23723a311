import LEQCore

/// A personnel cost calculation shown line by line, with the daily top-up it gives for a
/// position share: as text (German by default) or JSON.
public enum PersonnelCostReport {
    public static func text(_ cost: PersonnelCost, share: ExactDecimal?, rounding: RoundingMode, language: Language = .de) -> [UInt8] {
        let f = Formatter(language)
        func t(_ de: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String { language == .de ? de() : en() }
        let r = cost.calculate(rounding)
        var out = [t("Personalkostenberechnung: ", "Personnel cost calculation: ") + cost.name, ""]
        var table = TextTable([.left, .right])
        table.add([t("Monatsbrutto \(f.money(cost.monthlyGross)) × 12", "Monthly gross \(f.money(cost.monthlyGross)) × 12"), f.money(r.annualGross)])
        if r.annualSpecialPayment != .zero { table.add([t("Jahressonderzahlung", "Annual special payment"), f.money(r.annualSpecialPayment)]) }
        for (a, counted) in r.allowances {
            let amount = a.monthly.map { "\(f.money($0)) × 12" } ?? f.money(a.annual)
            if a.inCareTimes {
                table.add(["\(a.name) \(amount) " + t("(fällt in die Betreuungszeiten)", "(falls in the care times)"), f.money(counted)])
            } else {
                table.add(["\(a.name) \(amount) " + t("(nicht in den Betreuungszeiten)", "(not in the care times)"),
                           t("nicht berücksichtigt", "not counted")])
            }
        }
        table.add([t("Bruttoentgelt", "Gross pay"), f.money(r.grossPay)])
        for (c, amount) in r.contributions {
            table.add(["\(c.name) \(f.decimal(c.percent)) % " + t("von", "of") + " \(f.money(r.grossPay))", f.money(amount)])
        }
        table.add([t("Jahrespersonalkosten", "Annual personnel cost"), f.money(r.annualCost)])
        out += table.render(indent: "  ")
        out.append("")
        if let share {
            let daily = TopUpTariff(from: CivilDate(dayNumber: 0), annualCost: r.annualCost, positionShare: share).dailyTopUp(rounding)
            out.append(t("Täglicher Zuschlag: \(f.money(r.annualCost)) × \(f.decimal(share)) ÷ 365 = \(f.money(daily))",
                         "Daily top-up: \(f.money(r.annualCost)) × \(f.decimal(share)) ÷ 365 = \(f.money(daily))"))
            out.append(t("In die Fallakte (topUps): ", "For the case file (topUps): ")
                + "\"annualCost\": \"\(r.annualCost.decimalString)\", \"positionShare\": \"\(share.text)\"")
        } else {
            out.append(t("Für den täglichen Zuschlag den Stellenanteil angeben (--share 0.25).",
                         "Give the position share for the daily top-up (--share 0.25)."))
        }
        out.append(t("Nicht enthalten, weil bereits im Regelsatz: Leitungs-, Verwaltungs-, Sach- und Gemeinkosten, Urlaubs- und Krankheitsvertretung.",
                     "Not included, as they are in the regular rate: management, administration, material, overhead, vacation and sickness cover."))
        return Array((out.joined(separator: "\n") + "\n").utf8)
    }

    public static func json(_ cost: PersonnelCost, share: ExactDecimal?, rounding: RoundingMode) -> [UInt8] {
        let r = cost.calculate(rounding)
        var w = JSONWriter()
        w.beginObject()
        w.field("format", "leq-personnel-cost-result/1")
        w.field("name", cost.name)
        w.field("monthlyGross", cost.monthlyGross.decimalString)
        w.field("annualGross", r.annualGross.decimalString)
        w.field("annualSpecialPayment", r.annualSpecialPayment.decimalString)
        w.beginArray("allowances")
        for (a, counted) in r.allowances {
            w.beginObject()
            w.field("kind", a.kind.rawValue)
            w.field("name", a.name)
            w.field("annual", a.annual.decimalString)
            w.key("inCareTimes")
            w.bool(a.inCareTimes)
            w.field("counted", counted.decimalString)
            w.endObject()
        }
        w.endArray()
        w.field("grossPay", r.grossPay.decimalString)
        w.beginArray("contributions")
        for (c, amount) in r.contributions {
            w.beginObject()
            w.field("name", c.name)
            w.field("percent", c.percent.text)
            w.field("amount", amount.decimalString)
            w.endObject()
        }
        w.endArray()
        w.field("annualCost", r.annualCost.decimalString)
        if let share {
            w.field("positionShare", share.text)
            let daily = TopUpTariff(from: CivilDate(dayNumber: 0), annualCost: r.annualCost, positionShare: share).dailyTopUp(rounding)
            w.field("dailyTopUp", daily.decimalString)
        }
        w.endObject()
        return w.finish()
    }
}
