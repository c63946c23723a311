/// What an agreement pays for clearing (Clearingverfahren, SPEC § 5).
public struct ClearingTerms: Hashable, Sendable {
    /// The flat fee (Clearingpauschale), billed once in the month the clearing ends.
    public var fee: RateSchedule
    /// The weekly rate for approved extension days; the daily rate is this ÷ 7, rounded.
    public var extensionWeekly: RateSchedule
    /// Days the flat fee covers (42: six weeks).
    public var feeDays: Int
    /// The last day of clearing that can ever be billed (84: twelve weeks).
    public var maxDays: Int

    public init(fee: RateSchedule, extensionWeekly: RateSchedule, feeDays: Int = 42, maxDays: Int = 84) {
        self.fee = fee
        self.extensionWeekly = extensionWeekly
        self.feeDays = feeDays
        self.maxDays = maxDays
    }
}
