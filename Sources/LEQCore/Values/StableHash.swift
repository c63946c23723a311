extension String {
    /// A 64-bit FNV-1a hash of the string's UTF-8 bytes: the same in every run (Swift's own hash
    /// is seeded anew in each process) and cheap, for splitting work into parts by a key (people
    /// by pseudonym, case ids by id).
    public var stableHash: UInt64 {
        withUTF8InPlace { bytes in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return h
        }
    }
}
