/// A line's amount split among the agreement's cost bearers (Kostenträger), in the agreement's
/// bearer order; the parts add up to the line's amount (SPEC § 13).
///
/// Most agreements have one or two bearers: up to two parts are kept in the line itself, more in
/// a list. A list per line was an allocation per line when settling, a release per line when
/// the statement went, and a pointer to follow for every line added up.
public struct BearerParts: RandomAccessCollection, MutableCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
    private var first = Money.zero
    private var second = Money.zero
    /// The number of parts when they are kept inline (0, 1 or 2); unused when `more` holds them.
    private var inlineCount: UInt8 = 0
    /// All parts, when there are more than two; nil otherwise.
    private var more: [Money]?

    public init() {}

    public init<S: Sequence>(_ parts: S) where S.Element == Money {
        let all = Array(parts)
        if all.count > 2 {
            more = all
        } else {
            inlineCount = UInt8(all.count)
            if all.count > 0 { first = all[0] }
            if all.count > 1 { second = all[1] }
        }
    }

    public init(arrayLiteral parts: Money...) { self.init(parts) }

    /// `count` parts of zero, to be set one by one.
    public init(zeros count: Int) {
        if count > 2 { more = [Money](repeating: .zero, count: count) } else { inlineCount = UInt8(count) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { more?.count ?? Int(inlineCount) }
    public var count: Int { endIndex }

    public subscript(i: Int) -> Money {
        get {
            if let more { return more[i] }
            precondition(i >= 0 && i < Int(inlineCount), "bearer part \(i) of \(inlineCount)")
            return i == 0 ? first : second
        }
        set {
            if more != nil {
                more![i] = newValue
                return
            }
            precondition(i >= 0 && i < Int(inlineCount), "bearer part \(i) of \(inlineCount)")
            if i == 0 { first = newValue } else { second = newValue }
        }
    }

    /// The parts as a list.
    public var array: [Money] { Array(self) }
}

extension BearerParts: CustomStringConvertible {
    public var description: String { array.description }
}
