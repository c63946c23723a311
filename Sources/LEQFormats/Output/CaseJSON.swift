import LEQCore

/// Writes cases as a case file (`leq-cases/1`, docs/formats.md) that `CaseFile.decode` reads back
/// to the same cases: every key the reader knows, optional ones only when set. Used by
/// `leq bench --write` to put a generated caseload on disk as a user would have it.
public enum CaseJSON {
    /// The whole file, one case after another, cases written on all cores and joined in order.
    public static func render(_ cases: [Case], parallel: Bool = true) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("format", CaseFile.format)
        w.beginArray("cases")
        let chunk = 2_048
        let starts = Array(stride(from: 0, to: cases.count, by: chunk))
        let parts = starts.parallelMap(parallel: parallel) { start -> [UInt8] in
            var e = JSONWriter(elementAt: 2, first: start == 0)
            for c in cases[start..<min(start + chunk, cases.count)] { write(c, &e) }
            return e.bytes
        }
        for part in parts { w.append(elements: part) }
        w.endArray()
        w.endObject()
        return w.finish()
    }

    static func write(_ c: Case, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("id", c.id)
        w.field("person", c.person)
        w.field("provider", c.provider)
        w.field("service", c.service)
        if !c.socialSpace.isEmpty { w.field("socialSpace", c.socialSpace) }
        if !c.fileReference.isEmpty { w.field("fileReference", c.fileReference) }
        w.field("start", c.start.iso)
        if let d = c.plannedEnd { w.field("plannedEnd", d.iso) }
        if let d = c.end { w.field("end", d.iso) }
        if let r = c.endReason { w.field("endReason", r.rawValue) }
        if let cl = c.clearing {
            w.beginObject("clearing")
            w.field("from", cl.from.iso)
            if let to = cl.to { w.field("to", to.iso) }
            if cl.extensionApproved { w.key("extensionApproved"); w.bool(true) }
            if let k = cl.category { w.field("category", k) }
            w.endObject()
        }
        if !c.categories.isEmpty {
            w.beginArray("categories")
            for p in c.categories {
                w.beginObject(); w.field("category", p.category); w.field("from", p.from.iso); w.endObject()
            }
            w.endArray()
        }
        if !c.flags.isEmpty {
            w.beginArray("flags")
            for f in c.flags { w.string(f) }
            w.endArray()
        }
        if !c.absences.isEmpty {
            w.beginArray("absences")
            for a in c.absences {
                w.beginObject()
                w.field("from", a.from.iso)
                if let to = a.to { w.field("to", to.iso) }
                w.field("reason", a.reason)
                w.endObject()
            }
            w.endArray()
        }
        if !c.hours.isEmpty {
            w.beginObject("hours")
            w.beginArray("approvals")
            for a in c.hours.approvals {
                w.beginObject(); w.field("from", a.period.from.iso); w.field("to", a.period.to.iso)
                w.field("hours", hours(a.quarterHours)); w.endObject()
            }
            w.endArray()
            delivered(c.hours.delivered, &w)
            w.endObject()
        }
        if !c.budgets.isEmpty {
            w.beginArray("budgets")
            for b in c.budgets {
                w.beginObject()
                w.field("from", b.period.from.iso)
                w.field("to", b.period.to.iso)
                w.field("amount", b.amount)
                if let m = b.mode { w.field("mode", m.rawValue) }
                if b.overrunApproved != .zero { w.field("overrunApproved", b.overrunApproved) }
                w.endObject()
            }
            w.endArray()
        }
        if !c.topUps.isEmpty {
            w.beginArray("topUps")
            for t in c.topUps { topUp(t, &w) }
            w.endArray()
        }
        if !c.evaluations.isEmpty {
            w.beginArray("evaluations")
            for e in c.evaluations {
                w.beginObject()
                w.field("date", e.date.iso)
                w.beginObject("ratings")
                for r in e.ratings { w.field(r.area.rawValue, r.rating.description) }
                w.endObject()
                let weighted = e.ratings.filter { $0.weight != ExactDecimal(units: 1, scale: 0) }
                if !weighted.isEmpty {
                    w.beginObject("weights")
                    for r in weighted { w.field(r.area.rawValue, r.weight.description) }
                    w.endObject()
                }
                w.endObject()
            }
            w.endArray()
        }
        if !c.reports.isEmpty {
            w.beginArray("reports")
            for r in c.reports {
                w.beginObject()
                w.field("due", r.due.iso)
                if let d = r.received { w.field("received", d.iso) }
                w.endObject()
            }
            w.endArray()
        }
        if let q = c.questionnaire { w.field("questionnaire", q.description) }
        if let r = c.reimbursement {
            w.beginObject("reimbursement")
            w.field("office", r.office)
            w.field("legalBasis", r.legalBasis)
            if let d = r.from { w.field("from", d.iso) }
            if let d = r.to { w.field("to", d.iso) }
            if let s = r.reference { w.field("reference", s) }
            w.endObject()
        }
        w.endObject()
    }

    /// A top-up approval: its first tariff in the approval, the later ones as changes.
    private static func topUp(_ t: TopUpApproval, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("from", t.period.from.iso)
        w.field("to", t.period.to.iso)
        if t.mode != .daily { w.field("mode", t.mode.rawValue) }
        w.field("staff", t.staff.rawValue)
        if let first = t.tariffs.first { tariff(first, mode: t.mode, previous: nil, &w) }
        if t.tariffs.count > 1 {
            w.beginArray("tariffChanges")
            for (previous, next) in zip(t.tariffs, t.tariffs.dropFirst()) {
                w.beginObject()
                w.field("from", next.from.iso)
                tariff(next, mode: t.mode, previous: previous, &w)
                w.endObject()
            }
            w.endArray()
        }
        w.field("staffStart", t.staffStart.iso)
        if let d = t.proofReceived { w.field("proofReceived", d.iso) }
        if t.bettengeld { w.key("bettengeld"); w.bool(true) }
        if !t.delivered.isEmpty { delivered(t.delivered, &w) }
        if !t.staffIllnesses.isEmpty {
            w.beginArray("staffIllness")
            for i in t.staffIllnesses {
                w.beginObject()
                w.field("from", i.from.iso)
                if let d = i.to { w.field("to", d.iso) }
                if let d = i.substituteFrom { w.field("substituteFrom", d.iso) }
                w.endObject()
            }
            w.endArray()
        }
        if let e = t.end {
            w.beginObject("end"); w.field("lastDay", e.lastDay.iso); w.field("reason", e.reason.rawValue); w.endObject()
        }
        w.endObject()
    }

    /// The cost fields of a tariff; a change repeats the position share only when it changes.
    private static func tariff(_ t: TopUpTariff, mode: TopUpApproval.Mode, previous: TopUpTariff?, _ w: inout JSONWriter) {
        switch mode {
        case .daily:
            w.field("annualCost", t.annualCost)
            if previous?.positionShare != t.positionShare { w.field("positionShare", t.positionShare.description) }
        case .hourly:
            w.field("hourlyRate", t.hourlyRate)
        }
    }

    private static func delivered(_ months: [DeliveredHours], _ w: inout JSONWriter) {
        w.beginArray("delivered")
        for d in months {
            w.beginObject(); w.field("month", d.month.iso); w.field("hours", hours(d.quarterHours)); w.endObject()
        }
        w.endArray()
    }

    /// Quarter hours as hours with up to two decimals: 29 → "7.25".
    public static func hours(_ quarters: Int) -> String {
        let whole = quarters / 4, rest = quarters % 4
        return rest == 0 ? "\(whole)" : "\(whole).\(["", "25", "5", "75"][rest])"
    }
}
