/// Splits an amount into parts by shares so that the parts add up to the amount exactly
/// (largest remainder method, SPEC § 1 rounding point 4).
///
/// Each part first gets its share rounded towards zero; the cents left over go one each to the
/// parts with the largest remainders; a tie goes to the part listed first.
public enum Allocation {
    /// `shares` are numerators over the common `denominator`, adding up to it.
    /// The result has one part per share, in the same order, summing to `amount`.
    public static func largestRemainder(_ amount: Money, numerators shares: [Int64], denominator: Int64) -> [Money] {
        var parts = [Money](repeating: .zero, count: shares.count)
        largestRemainder(amount, numerators: shares, denominator: denominator) { index, part in parts[index] = part }
        return parts
    }

    /// The same split, handing each part to `body` without allocating (the settlement hot path).
    public static func largestRemainder(
        _ amount: Money, numerators shares: [Int64], denominator: Int64, _ body: (Int, Money) -> Void
    ) {
        let count = shares.count
        if count == 1 {
            precondition(shares[0] == denominator, "a single bearer's share is not the whole")
            body(0, amount)
            return
        }
        // Whole shares (all to one bearer, as when no rule matches): nothing to round.
        if denominator == 1 {
            // The shares' sum and signs taken on the way: a loop of its own cost twice as much.
            var sum: Int64 = 0, signs: Int64 = 0
            for i in 0..<count {
                body(i, Money(cents: amount.cents * shares[i]))
                sum += shares[i]
                signs |= shares[i]
            }
            // Shares that do not add up give parts that do not add up to the amount.
            precondition(sum == 1 && signs >= 0, "bearer shares do not add up to their denominator")
            return
        }
        let negative = amount.cents < 0
        let magnitude = amount.cents.magnitude
        // At most a handful of bearers: fixed-size buffers on the stack.
        return withUnsafeTemporaryAllocation(of: (Int64, Int64).self, capacity: count) { buffer in
            var assigned: Int64 = 0, sum: Int64 = 0, signs: Int64 = 0
            for i in 0..<count {
                let (floor, remainder) = Self.divide(magnitude, times: shares[i], by: denominator)
                buffer[i] = (floor, remainder)
                assigned += floor
                sum += shares[i]
                signs |= shares[i]
            }
            // Shares of at least 0 adding up to the denominator leave fewer cents than parts. Others
            // would give parts not adding up to the amount, or leave no part to give a cent to.
            precondition(sum == denominator && signs >= 0, "bearer shares do not add up to their denominator")
            var left = Int64(magnitude) - assigned
            while left > 0 {
                var best = -1
                for i in 0..<count where buffer[i].1 >= 0 && (best < 0 || buffer[i].1 > buffer[best].1) {
                    best = i
                }
                buffer[best].0 += 1
                buffer[best].1 = -1  // each part gets at most one extra cent
                left -= 1
            }
            for i in 0..<count {
                body(i, Money(cents: negative ? -buffer[i].0 : buffer[i].0))
            }
        }
    }

    /// `magnitude × share ÷ denominator`, rounded towards zero, and its remainder. In 64-bit
    /// words where the quotient fits one (a share no larger than the denominator: always, for
    /// shares that add up to it), one multiply and one divide instruction; 128-bit division
    /// through the runtime otherwise (it was 2 % of settling's instructions for every line).
    @inline(__always)
    static func divide(_ magnitude: UInt64, times share: Int64, by denominator: Int64) -> (Int64, Int64) {
        if share >= 0 && denominator > 0 {
            let product = magnitude.multipliedFullWidth(by: UInt64(share))
            let d = UInt64(denominator)
            if product.high < d {
                let (q, r) = d.dividingFullWidth(product)
                if q <= UInt64(Int64.max) { return (Int64(q), Int64(r)) }
            }
        }
        let product = Int128(magnitude) * Int128(share)
        return (Int64(product / Int128(denominator)), Int64(product % Int128(denominator)))
    }
}
