import Foundation
import Synchronization
import Testing
@testable import LEQCLI
@testable import LEQStore

/// Output written piece by piece: visible whole or not at all.
@Suite("Output files written in pieces")
struct OutputFileTests {
    static func names(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test("Pieces committed: the file holds them all, in order, and no temporary file is left; an older file is replaced whole")
    func committed() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.json").path
        try Data("old content, longer than the new one".utf8).write(to: URL(fileURLWithPath: path))
        let file = try Files.AtomicFile(path)
        #expect(FileManager.default.contents(atPath: path) == Data("old content, longer than the new one".utf8))
        let pieces: [[UInt8]] = [Array("{\n".utf8), [], Array(repeating: UInt8(ascii: "x"), count: 3_000_000), Array("\n}\n".utf8)]
        for piece in pieces { file.write(piece) }
        try file.commit()
        #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == pieces.flatMap { $0 })
        #expect(Self.names(folder) == ["out.json"])
    }

    @Test("A large file handed to the disk in stretches as it is written: every byte in place, in order")
    func handedOver() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("year.json").path
        // Stretches of 4 KiB after the first 10 KiB, pieces of every size around them.
        let file = try Files.AtomicFile(path, handOver: 4096, keptInCache: 10_240)
        var expected = [UInt8]()
        for n in 0..<400 {
            let piece = (0..<(n * 37 % 1_500)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n) }
            file.write(piece)
            expected += piece
        }
        try file.commit()
        #expect(expected.count > 250_000)
        #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == expected)
        #expect(Self.names(folder) == ["year.json"])
        let discarded = try Files.AtomicFile(path, handOver: 4096, keptInCache: 0)
        discarded.write(Array(repeating: 1, count: 20_000))
        discarded.discard()
        #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == expected)
        #expect(Self.names(folder) == ["year.json"])
    }

    @Test("A file written past the page cache (a large run): every byte in place, whole blocks written aligned, the rest the ordinary way")
    func writtenDirect() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("year.json").path
        // A run past `keptInCache` (0 here): the file is opened for direct writing where the
        // file system allows it, else written the ordinary way; the bytes are the same.
        let file = try Files.AtomicFile(path, keptInCache: 0)
        var expected = [UInt8]()
        for n in 0..<300 {
            let piece = (0..<(n * 7_919 % 90_001)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ n) }
            file.write(piece)
            expected += piece
        }
        try file.commit()
        #expect(expected.count > (8 << 20) && expected.count % DirectStretch.block != 0)
        #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == expected)
        #expect(Self.names(folder) == ["year.json"])
    }

    @Test("A large file goes past the page cache from a block boundary after its first stretch (written the ordinary way): every byte in place", arguments: [0, 1, 4_095, 4_096, 100_003])
    func largeFileGoesDirect(from: Int) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("2026-01.json").path
        let file = try Files.AtomicFile(path, directFrom: from)
        var expected = [UInt8]()
        for n in 0..<200 {
            let piece = (0..<(n * 7_919 % 150_001)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ n) }
            file.write(piece)
            expected += piece
        }
        // Where the file system takes direct writes (ext4 here), the file left the cache.
        #expect(file.isDirect == (DirectStretch.openFlag != nil && Self.takesDirectWrites(folder)))
        try file.commit()
        #expect(expected.count > (8 << 20) + from && expected.count % DirectStretch.block != 0)
        #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == expected)
        #expect(Self.names(folder) == ["2026-01.json"])
    }

    /// Whether files in `folder` can be opened for direct writing.
    static func takesDirectWrites(_ folder: URL) -> Bool {
        guard let flag = DirectStretch.openFlag else { return false }
        let probe = folder.appendingPathComponent(".probe").path
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | flag, 0o600)
        if descriptor >= 0 { close(descriptor) }
        unlink(probe)
        return descriptor >= 0
    }

    @Test("A direct write the file system refuses (here: not whole blocks) leaves direct writing; the file is written the ordinary way from there, every byte in place")
    func directRefused() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("year.json").path
        let file = try Files.AtomicFile(path, keptInCache: 0)
        let odd = (0..<5_001).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        odd.withUnsafeBufferPointer { file.writeAll($0) }
        let more = [UInt8](repeating: 42, count: 3 * (8 << 20) + 3)
        file.write(more)
        try file.commit()
        #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == odd + more)
    }

    @Test("Direct writing gathers pieces into aligned whole buffers, written in order while the next fills; the rest is handed on last")
    func directStretches() {
        let handed = Handed()
        let stretch = DirectStretch { buffer in handed.add(buffer) }
        var expected = [UInt8]()
        for n in 0..<40 {
            let piece = [UInt8](repeating: UInt8(n), count: n * 517_771 % 1_300_000)
            expected += piece
            piece.withUnsafeBufferPointer { stretch.append($0) }
        }
        stretch.flushWhole()
        stretch.flushRest { handed.add($0, rest: true) }
        let (buffers, aligned) = handed.taken
        #expect(aligned)
        #expect(buffers.count > 3)
        #expect(buffers.dropLast().allSatisfy { $0.count % DirectStretch.block == 0 })
        #expect(buffers.last!.count < DirectStretch.block)
        #expect(buffers.flatMap { $0 } == expected)
    }

    /// What direct writing handed on, from whichever thread it wrote on.
    final class Handed: Sendable {
        private let state = Mutex<(buffers: [[UInt8]], aligned: Bool)>(([], true))

        func add(_ buffer: UnsafeBufferPointer<UInt8>, rest: Bool = false) {
            let isAligned = rest || (Int(bitPattern: buffer.baseAddress) % DirectStretch.block == 0 && buffer.count % DirectStretch.block == 0)
            state.withLock {
                $0.buffers.append(Array(buffer))
                $0.aligned = $0.aligned && isAligned
            }
        }

        var taken: (buffers: [[UInt8]], aligned: Bool) { state.withLock { $0 } }
    }

    @Test("Not committed (a run that failed half way): nothing appears, and the temporary file is gone")
    func notCommitted() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sub/out.json").path
        do {
            let file = try Files.AtomicFile(path)
            file.write(Array("half".utf8))
            #expect(Self.names(folder.appendingPathComponent("sub")).count == 1)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(Self.names(folder.appendingPathComponent("sub")).isEmpty)
        let discarded = try Files.AtomicFile(path)
        discarded.write(Array("half".utf8))
        discarded.discard()
        #expect(Self.names(folder.appendingPathComponent("sub")).isEmpty)
    }

    @Test("A folder where the file should be, or a file where its folder should be: refused before anything is written")
    func refused() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: Files.Failure.self) { try Files.AtomicFile(folder.path) }
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        #expect(throws: Files.Failure.self) { try Files.AtomicFile(blocker.appendingPathComponent("out.json").path) }
        #expect(Self.names(folder) == ["file"])
    }

    @Test("leq settle --format json to a file and to standard output: the same bytes, streamed")
    func settleStreams() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("2026-03.json").path
        let base = ["settle", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03", "--format", "json", "--no-store"]
        let toFile = leq(base + ["--out", out])
        #expect(toFile.status == 0, "\(toFile.err)")
        let toStdout = leq(base)
        #expect(FileManager.default.contents(atPath: out).map { [UInt8]($0) } == toStdout.out)
        #expect(Self.names(folder) == ["2026-03.json"])
    }

    @Test("Files read whole: empty, one byte, larger than a read, large (read in stretches), and a file reporting no size (/proc)")
    func readWhole() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 65_536, 65_537, 3_000_001] {
            let path = folder.appendingPathComponent("f\(size)").path
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(try Files.read(path).get() == bytes)
        }
        // Large files are read in stretches side by side: at the size they start at, and three
        // stretches and a part (marks every 4,099 bytes show any stretch out of place).
        for size in [64 << 20, (96 << 20) + 12_345] {
            let path = folder.appendingPathComponent("large\(size)").path
            var bytes = [UInt8](repeating: 7, count: size)
            for i in stride(from: 0, to: size, by: 4_099) { bytes[i] = UInt8(truncatingIfNeeded: i / 4_099) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(try Files.read(path).get() == bytes)
        }
        let status = try Files.read("/proc/self/status").get()
        #expect(String(decoding: status, as: UTF8.self).contains("VmRSS"))
        guard case .failure = Files.read(folder.path) else { Issue.record("a folder was read"); return }
        guard case .failure = Files.read(folder.appendingPathComponent("missing").path) else { Issue.record("a missing file was read"); return }
    }
}

@Suite("finalize stores the digests of what it read")
struct FinalizeDigestTests {
    @Test("Each input's stored SHA-256 is that of the file's bytes as read for settling, taken once for a range")
    func digestsOfTheBytesRead() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("leq.db").path
        let r = leq(["finalize", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-01..2026-02", "--by", "A", "--store", store])
        #expect(r.status == 0, "\(r.err)")
        let opened = try Store(path: store)
        for number in ["TSD-2026-01", "TSD-2026-02"] {
            let inputs = try opened.inputs(number)
            #expect(inputs.map(\.role) == ["agreement", "cases"])
            for input in inputs {
                let bytes = try Files.read(input.path).get()
                #expect(input.sha256 == SHA256.hex(bytes), "\(input.path)")
            }
        }
    }
}

/// Files staged for a run: a large one goes on being written past the page cache while the run
/// goes on, and is finished when the next is added or the files are committed or discarded.
@Suite("Staged files written on while the run goes on")
struct StagedFilesTests {
    /// `n` bytes that differ from file to file and from megabyte to megabyte.
    static func bytes(_ n: Int, _ seed: Int) -> [UInt8] {
        let block = (0..<min(n, 1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ seed) }
        var out = [UInt8]()
        out.reserveCapacity(n)
        var k = 0
        while out.count < n {
            out.append(contentsOf: block.prefix(n - out.count))
            out[out.count - 1] = UInt8(truncatingIfNeeded: k)
            k += 1
        }
        return out
    }

    @Test("Months past the cache from the start, or some through it and some past it from 4 KiB on: every file complete and in place after the commit, none before",
          arguments: [0, 1 << 40])
    func monthsInPlace(keptInCache: Int) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let staged = StagedFiles(directFrom: 4_096, keptInCache: keptInCache)
        var expected: [String: [UInt8]] = [:]
        for (k, size) in [100, 9 << 20, 9_000, 17 << 20 + 5, 10 << 20].enumerated() {
            let name = "2026-0\(k + 1).json"
            let content = Self.bytes(size, k)
            try staged.add(as: folder.appendingPathComponent(name).path) { emit in
                // Handed over in pieces, as statements are.
                content.withUnsafeBufferPointer { all in
                    for start in stride(from: 0, to: all.count, by: 1_000_003) {
                        emit(UnsafeBufferPointer(rebasing: all[start..<min(start + 1_000_003, all.count)]))
                    }
                }
            }
            expected[name] = content
            #expect(staged.count == k + 1)
            // Nothing in place before the commit.
            #expect(OutputFileTests.names(folder).allSatisfy { $0.hasPrefix(".") })
        }
        try staged.commit()
        #expect(OutputFileTests.names(folder) == expected.keys.sorted())
        for (name, content) in expected {
            #expect(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { [UInt8]($0) } == content, "\(name)")
        }
    }

    @Test("Discarded while the last file is still being written: nothing is left")
    func discardedLeavesNothing() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let staged = StagedFiles(directFrom: 4_096)
        for k in 0..<2 {
            let content = Self.bytes(12 << 20, k)
            try staged.add(as: folder.appendingPathComponent("m\(k).json").path) { emit in content.withUnsafeBufferPointer(emit) }
        }
        staged.discard()
        #expect(OutputFileTests.names(folder).isEmpty)
    }
}
