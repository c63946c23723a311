import LEQCore

/// Reads a personnel cost calculation (`"format": "leq-personnel-cost/1"`, see docs/top-ups.md):
/// a list of cost parts. Refuses the parts the circular excludes (seed 003 no. 6), each by name.
public enum PersonnelCostFile {
    public static let format = "leq-personnel-cost/1"

    public struct Contents: Sendable {
        public var cost: PersonnelCost
        /// The position share the top-up is for, if the file gives one.
        public var positionShare: ExactDecimal?
        public var rounding: RoundingMode
    }

    /// The part kinds a calculation may hold.
    static let kinds = ["monthlyGross", "annualSpecialPayment", "employerContribution", "shiftAllowance", "sundayAllowance"]

    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> Contents {
        let reader = JSONReader(file: file)
        var contents: Contents?
        if let root = reader.parse(bytes),
           let top = reader.object(root, at: "", keys: ["format", "name", "positionShare", "rounding", "parts"]) {
            if let format = top.string("format"), format != Self.format {
                reader.error("format", "'\(format)' is not a personnel cost calculation; expected \"\(Self.format)\"")
            }
            let name = top.string("name")
            let share = top.decimal("positionShare", required: false)
            if let s = share, s.units <= 0 || s.units > s.denominator {
                reader.error("positionShare", "the position share \(s) is outside 0–1; expected e.g. \"0.25\" for a quarter position")
            }
            let rounding = top.choice("rounding", required: false, RoundingMode.self, choices: RoundingMode.allCases) ?? .halfAwayFromZero
            var gross: Money?, special = Money.zero, allowances: [PersonnelCost.Allowance] = [], contributions: [PersonnelCost.Contribution] = []
            var grossPath: String?, specialPath: String?, kindsSeen: Set<String> = []
            for item in top.array("parts") ?? [] {
                guard case let .object(members) = item.value, let kindValue = members.first(where: { $0.key == "kind" })?.value,
                      case let .string(kind) = kindValue else {
                    reader.error(item.path, "a part needs a \"kind\": one of \(kinds.joined(separator: ", "))")
                    continue
                }
                kindsSeen.insert(kind)
                if let excluded = ExcludedCost(rawValue: kind) {
                    reader.error("\(item.path).kind", "\(kind) (\(excluded.german)) is already in the regular rate (seed 003 no. 6) and cannot be part of a top-up's personnel cost; remove this part")
                    continue
                }
                switch kind {
                case "monthlyGross", "annualSpecialPayment":
                    guard let p = reader.object(item.value, at: item.path, keys: ["kind", "name", "amount"]), let amount = p.money("amount") else { continue }
                    if kind == "monthlyGross" {
                        if let first = grossPath { reader.error(item.path, "the monthly gross is given twice (first at \(first))"); continue }
                        (gross, grossPath) = (amount, item.path.description)
                    } else {
                        if let first = specialPath { reader.error(item.path, "the annual special payment is given twice (first at \(first))"); continue }
                        (special, specialPath) = (amount, item.path.description)
                    }
                case "employerContribution":
                    guard let p = reader.object(item.value, at: item.path, keys: ["kind", "name", "percent"]) else { continue }
                    let name = p.string("name"), percent = p.decimal("percent")
                    if let percent, percent.units < 0 || percent.units > 100 * percent.denominator {
                        reader.error(p.at("percent"), "\(percent) is not a percentage between 0 and 100")
                        continue
                    }
                    if let name, let percent { contributions.append(PersonnelCost.Contribution(name: name, percent: percent)) }
                case "shiftAllowance", "sundayAllowance":
                    guard let p = reader.object(item.value, at: item.path, keys: ["kind", "name", "monthly", "annual", "inCareTimes"]) else { continue }
                    let monthly = p.money("monthly", required: false), annual = p.money("annual", required: false)
                    guard let inCareTimes = p.bool("inCareTimes", required: true) else { continue }
                    if (monthly == nil) == (annual == nil) {
                        reader.error(item.path, "give the allowance either \"monthly\" or \"annual\"")
                        continue
                    }
                    let allowanceKind: PersonnelCost.Allowance.Kind = kind == "shiftAllowance" ? .shift : .sunday
                    let name = p.string("name", required: false) ?? (kind == "shiftAllowance" ? "Schichtzulage" : "Sonn- und Feiertagszulage")
                    allowances.append(PersonnelCost.Allowance(kind: allowanceKind, name: name, annual: annual ?? monthly! * 12,
                                                              monthly: monthly, inCareTimes: inCareTimes))
                default:
                    reader.error("\(item.path).kind", "'\(kind)' is not a cost part; expected one of: \(kinds.joined(separator: ", "))")
                }
            }
            if !kindsSeen.contains("monthlyGross") && top.value("parts", required: false) != nil {
                reader.error("parts", "the calculation needs a part of kind monthlyGross")
            }
            if let name, let gross {
                contents = Contents(cost: PersonnelCost(name: name, monthlyGross: gross, annualSpecialPayment: special,
                                                        allowances: allowances, contributions: contributions),
                                    positionShare: share, rounding: rounding)
            }
        }
        if reader.diagnostics.isEmpty, let contents { return contents }
        throw InputError(reader.diagnostics)
    }
}
