import LEQCore

extension Statement {
    /// Each section that has lines, in print order, with its lines' places in `lines` (in
    /// statement order) and, for each, whether it opens its case's group — the first of the
    /// section, or of another case than the line before it in the section — over which a
    /// statement prints the case's heading. Text and HTML lay their sections out by it.
    func sections() -> [(section: Section, lines: [(place: Int, opensCase: Bool)])] {
        lines.withUnsafeBufferPointer { lines in
            Section.allCases.compactMap { section in
                var places: [(place: Int, opensCase: Bool)] = []
                var before: Int?
                for k in lines.indices where lines[k].kind.section == section {
                    places.append((k, before.map { lines[$0].caseID != lines[k].caseID } ?? true))
                    before = k
                }
                return places.isEmpty ? nil : (section, places)
            }
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
