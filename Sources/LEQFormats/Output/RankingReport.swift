import LEQCore

/// The provider ranking as text (German by default) and JSON (`leq-ranking/1`).
public enum RankingReport {
    static func name(_ i: ProviderRanking.Indicator, _ de: Bool) -> String {
        switch i {
        case .goalAttainment: return de ? "Zielerreichung" : "Goal attainment"
        case .reportsOnTime: return de ? "Berichte pünktlich" : "Reports on time"
        case .plannedEnds: return de ? "planmäßige Beendigungen" : "Planned ends"
        case .questionnaire: return de ? "Familienfragebogen" : "Family questionnaire"
        case .costPerCase: return de ? "Kosten je Betreuungstag ggü. Mittel" : "Cost per day of care vs. mean"
        }
    }

    static func unit(_ i: ProviderRanking.Indicator) -> String {
        switch i {
        case .reportsOnTime, .plannedEnds, .costPerCase: return " %"
        case .goalAttainment, .questionnaire: return ""
        }
    }

    public static func text(_ r: ProviderRanking, language: Language = .de) -> [UInt8] {
        let de = language == .de
        let f = Formatter(language)
        func n(_ m: Micro) -> String { f.decimal(m.rounded(1)) }
        var out: [String] = []
        let span = r.months.isEmpty ? "" : "\(f.month(r.months.first!)) – \(f.month(r.months.last!))"
        out.append((de ? "Trägerranking " : "Provider ranking ") + span)
        out.append((de ? "Gewichte: " : "Weights: ") + ProviderRanking.Indicator.allCases.map {
            "\(name($0, de)) \(f.decimal($0.weight(r.weights)))"
        }.joined(separator: ", "))
        out.append(de ? "Jeder Wert mit seinem Platz unter den Trägern in Klammern (0–100, 100 = am besten)."
                      : "Each value with its place among the providers in brackets (0–100, 100 = best).")
        out.append("")
        // The provider by name (its statement prefix in the table, where the width is needed for figures).
        var table = TextTable([.right, .left, .right] + ProviderRanking.Indicator.allCases.map { _ in .right })
        table.add([de ? "Rang" : "Rank", de ? "Träger" : "Provider", de ? "Punkte" : "Score"] + ProviderRanking.Indicator.allCases.map { name($0, de) })
        for e in r.entries {
            table.add(["\(e.rank)", e.provider.statementPrefix, n(e.score)] + ProviderRanking.Indicator.allCases.map { i in
                e.values[i].map { "\(n($0.value))\(unit(i)) (\(n($0.normalised)))" } ?? "–"
            })
        }
        out += table.render()
        for e in r.entries { out.append("  \(e.provider.statementPrefix) = \(e.provider.name)") }
        out.append("")
        out.append(de ? "Stärken und Schwächen" : "Strengths and weaknesses")
        for e in r.entries {
            out.append("  \(e.rank). \(e.provider.name)")
            func list(_ items: [ProviderRanking.Indicator]) -> String {
                items.isEmpty ? "–" : items.map { i in
                    let v = e.values[i]!
                    return "\(name(i, de)) \(n(v.value))\(unit(i)) (\(de ? "Mittel" : "mean") \(n(v.mean))\(unit(i)), \(v.count) \(de ? "Werte" : "values"))"
                }.joined(separator: "; ")
            }
            out.append("    \(de ? "Stärken" : "Strengths"): \(list(e.strengths))")
            out.append("    \(de ? "Schwächen" : "Weaknesses"): \(list(e.weaknesses))")
        }
        return Array((out.joined(separator: "\n") + "\n").utf8)
    }

    public static func json(_ r: ProviderRanking) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("format", "leq-ranking/1")
        w.field("from", r.months.first?.iso ?? "")
        w.field("to", r.months.last?.iso ?? "")
        w.beginObject("weights")
        for i in ProviderRanking.Indicator.allCases { w.field(i.rawValue, i.weight(r.weights).text) }
        w.endObject()
        w.beginArray("providers")
        for e in r.entries {
            w.beginObject()
            w.field("rank", e.rank)
            w.field("provider", e.provider.id)
            w.field("name", e.provider.name)
            w.field("score", e.score.rounded(2).text)
            w.beginObject("indicators")
            for i in ProviderRanking.Indicator.allCases {
                guard let v = e.values[i] else { continue }
                w.beginObject(i.rawValue)
                w.field("value", v.value.rounded(2).text)
                w.field("count", v.count)
                w.field("normalised", v.normalised.rounded(2).text)
                w.field("mean", v.mean.rounded(2).text)
                w.endObject()
            }
            w.endObject()
            w.beginArray("strengths")
            for i in e.strengths { w.string(i.rawValue) }
            w.endArray()
            w.beginArray("weaknesses")
            for i in e.weaknesses { w.string(i.rawValue) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }
}
