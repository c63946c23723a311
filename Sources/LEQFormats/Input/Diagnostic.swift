/// One problem with an input file, with the place it was found (SPEC § 19).
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Where in the file: a JSON path such as `cases[17].categories[2].from`, or `line 3, column 7`.
    public var place: String
    /// What is wrong, and what was expected.
    public var message: String

    public init(file: String, place: String, message: String) {
        self.file = file
        self.place = place
        self.message = message
    }

    /// `cases.json: cases[17].categories[2].from: not a date ...`
    public var description: String { place.isEmpty ? "\(file): \(message)" : "\(file): \(place): \(message)" }
}

/// Bad input: every problem found, not just the first. The command line exits with status 2.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
