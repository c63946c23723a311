import LEQCore

extension Statement {
    /// Each section that has lines, in print order, with its lines' places in `lines` (in
    /// statement order) and, for each, whether it opens its case's group — the first of the
    /// section, or of another case than the line before it in the section — over which a
    /// statement prints the case's heading. Text and HTML lay their sections out by it.
    /// The lines are read once, each put under its section (by the section's place).
    func sections() -> [(section: Section, lines: [(place: Int, opensCase: Bool)])] {
        var places = [[(place: Int, opensCase: Bool)]](repeating: [], count: Section.allCases.count)
        var before = [Int?](repeating: nil, count: Section.allCases.count)
        lines.withUnsafeBufferPointer { lines in
            for k in lines.indices {
                let s = CasePlace.of(lines[k].kind.section)
                places[s].append((k, before[s].map { lines[$0].caseID != lines[k].caseID } ?? true))
                before[s] = k
            }
        }
        return Section.allCases.compactMap { section in
            let s = CasePlace.of(section)
            return places[s].isEmpty ? nil : (section, places[s])
        }
    }
}

extension Labels {
    /// How a line is split among several bearers (`Kostenträger: Stadt 12,00 € · Land 3,00 €`);
    /// nil where one bearer bears it all, as a statement then says nothing of it.
    func bearerSplit(_ line: StatementLine, bearers: [CostBearer]) -> String? {
        guard bearers.count > 1, line.bearerParts.reduce(0, { $0 + ($1 != .zero ? 1 : 0) }) > 1 else { return nil }
        return "\(bearersLabel): " + zip(bearers, line.bearerParts).map { "\($0.name) \(f.money($1))" }.joined(separator: " · ")
    }
}
