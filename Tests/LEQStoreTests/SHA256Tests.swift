import Testing
@testable import LEQStore

@Suite("SHA-256 against the FIPS 180-4 vectors")
struct SHA256Tests {
    /// The digest of `bytes` as hex, through the processor's SHA instructions or in Swift.
    static func hex(_ bytes: [UInt8], hardware: Bool) -> String {
        var h = SHA256(hardware: hardware)
        h.update(bytes)
        return SHA256.hexString(h.finish())
    }

    @Test("The standard's vectors, in Swift and (where the processor has them) with the SHA instructions", arguments: [false, true])
    func vectors(hardware: Bool) {
        #expect(Self.hex([], hardware: hardware) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.hex(Array("abc".utf8), hardware: hardware) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8), hardware: hardware)
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(Self.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000), hardware: hardware)
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("The SHA instructions give the Swift digest for random input of every length up to 300 bytes and some long ones")
    func hardwareEqualsSwift() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        for length in Array(0...300) + [1_000, 4_096, 65_537, 1_000_003] {
            let bytes = (0..<length).map { _ in next() }
            #expect(Self.hex(bytes, hardware: true) == Self.hex(bytes, hardware: false), "\(length) bytes")
        }
    }

    @Test("Feeding in pieces of any size gives the same digest, both ways", arguments: [false, true])
    func pieces(hardware: Bool) {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let whole = SHA256.hex(bytes)
        for size in [1, 3, 63, 64, 65, 200] {
            var h = SHA256(hardware: hardware)
            var i = 0
            while i < bytes.count {
                h.update(Array(bytes[i..<min(i + size, bytes.count)]))
                i += size
            }
            #expect(h.finish().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() == whole, "pieces of \(size)")
        }
    }

    @Test("A stored blob read a stretch at a time digests as the bytes read whole, for blobs of up to three stretches and none")
    func blobsReadInStretches() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let db = try Database(path: path, create: true)
        try db.execute("CREATE TABLE t (b BLOB NOT NULL)")
        var rng = SystemRandomNumberGenerator()
        for size in [0, 1, 63, 64, 65, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) - 7] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
            try db.query("INSERT INTO t (b) VALUES (?1)", [.blob(bytes)])
            let rowid = try db.rows("SELECT max(rowid) FROM t") { $0.int(0) }[0]
            var h = SHA256(), read = 0
            try db.readBlob(table: "t", column: "b", rowid: rowid) { h.update($0); read += $0.count }
            #expect(read == size)
            #expect(SHA256.hexString(h.finish()) == SHA256.hex(bytes), "\(size) bytes")
        }
    }
}

@Suite("The canonical form the chain digests")
struct CanonicalTests {
    @Test("A number is digested as the text of its digits, for every sign and size, as it was when numbers went through strings")
    func numbersAsText() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var numbers: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, .max, .min, .max - 1, .min + 1]
        for _ in 0..<2_000 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            // Every length of digits: the random bits shifted down by a random amount.
            numbers.append(Int64(bitPattern: state) >> (state % 64))
        }
        for n in numbers {
            var number = Canonical("n"), text = Canonical("n")
            number.add(n)
            text.add(String(n))
            #expect(number.hex() == text.hex(), "\(n)")
        }
    }

    @Test("Fields past the stretch hashed at a time give the digest of all the fields written out at once")
    func longerThanAStretch() {
        var d = Canonical("lines"), written = Array("5:lines".utf8)
        var state: UInt64 = 7
        for k in 0..<6_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let text = String(repeating: "ä", count: Int(state >> 59)) + "\(k)"
            d.add(text)
            written += Array("\(text.utf8.count):\(text)".utf8)
            d.add(Int64(k) - 3_000)
            written += Array("\(String(k - 3_000).utf8.count):\(k - 3_000)".utf8)
        }
        #expect(written.count > 100_000)
        #expect(d.hex() == SHA256.hex(written))
    }
}
