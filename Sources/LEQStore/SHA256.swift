import CSHA256

/// SHA-256 (FIPS 180-4), for the digests of the input files a statement was settled from.
/// Written here because the toolchain's Foundation on Linux has no digest and the project takes
/// no packages; tested against the standard's vectors. Whole blocks go through the processor's
/// SHA instructions where it has them (`CSHA256`: some 1.5 GB/s here, against 0.3 GB/s in
/// Swift — finalising a month digests every rendering it stores, 290 MB for 100,000 cases);
/// the tests compare both ways on the vectors and on random input.
public struct SHA256: Sendable {
    /// Whether this processor has the SHA instructions.
    static let hardwareAvailable = leq_sha256_hardware() != 0
    /// Whether whole blocks go through them (tests turn it off to check the Swift way).
    private let hardware: Bool

    private var state: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    public init() { hardware = Self.hardwareAvailable }

    /// `hardware`: false for the Swift compression even where the processor has SHA instructions.
    init(hardware: Bool) { self.hardware = hardware && Self.hardwareAvailable }

    /// The hex digest of `bytes`, e.g. `ba7816bf…` for "abc".
    public static func hex(_ bytes: [UInt8]) -> String {
        var h = SHA256()
        h.update(bytes)
        return hexString(h.finish())
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The bytes at `raw`, read where they are (a stored rendering of 30 MB is not copied first).
    public mutating func update(_ raw: UnsafeRawBufferPointer) {
        length &+= UInt64(raw.count)
        var start = 0
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, raw.count)
            buffer += raw[0..<take]
            start = take
            if buffer.count == 64 {
                buffer.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        let blocks = (raw.count - start) / 64
        if blocks > 0 {
            compress(raw.baseAddress! + start, blocks: blocks)
            start += 64 * blocks
        }
        if start < raw.count { buffer += raw[start...] }
    }

    public mutating func finish() -> [UInt8] {
        let bits = length &* 8
        var tail = buffer + [0x80]
        while tail.count % 64 != 56 { tail.append(0) }
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        tail.withUnsafeBytes { raw in
            compress(raw.baseAddress!, blocks: raw.count / 64)
        }
        buffer.removeAll()
        return state.flatMap { word in (0..<4).reversed().map { UInt8(truncatingIfNeeded: word >> (UInt32($0) * 8)) } }
    }

    /// `blocks` 64-byte blocks from `data`, through the processor's SHA instructions or in Swift.
    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        if hardware {
            state.withUnsafeMutableBufferPointer { s in
                Self.k.withUnsafeBufferPointer { k in
                    leq_sha256_blocks(s.baseAddress!, data.assumingMemoryBound(to: UInt8.self), blocks, k.baseAddress!)
                }
            }
            return
        }
        for b in 0..<blocks { compress(data + 64 * b) }
    }

    /// One 64-byte block at `block`; the message schedule lives on the stack, not the heap, and
    /// the working state in locals.
    private mutating func compress(_ block: UnsafeRawPointer) {
        var (h0, h1, h2, h3, h4, h5, h6, h7) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { buffer in
            let w = buffer.baseAddress!
            for i in 0..<16 {
                w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
            }
            for i in 16..<64 {
                let a = w[i - 15], b = w[i - 2]
                let s0 = a.rotatedRight(7) ^ a.rotatedRight(18) ^ (a >> 3)
                let s1 = b.rotatedRight(17) ^ b.rotatedRight(19) ^ (b >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
            Self.k.withUnsafeBufferPointer { kb in
                let k = kb.baseAddress!
                for i in 0..<64 {
                    let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ s0 &+ maj)
                }
            }
            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
        }
        state[0] = h0; state[1] = h1; state[2] = h2; state[3] = h3
        state[4] = h4; state[5] = h5; state[6] = h6; state[7] = h7
    }
}

extension UInt32 {
    @inline(__always)
    fileprivate func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 &- n)) }
}
