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
            body(0, amount)
            return
        }
        let negative = amount.cents < 0
        let magnitude = Int128(amount.cents.magnitude)
        let d = Int128(denominator)
        // At most a handful of bearers: fixed-size buffers on the stack.
        return withUnsafeTemporaryAllocation(of: (Int64, Int128).self, capacity: count) { buffer in
            var assigned: Int64 = 0
            for i in 0..<count {
                let product = magnitude * Int128(shares[i])
                let floor = Int64(product / d)
                buffer[i] = (floor, product % d)
                assigned += floor
            }
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
}
