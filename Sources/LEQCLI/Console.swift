import Foundation
import LEQFormats
import Synchronization

/// Where a command writes and what it reads: the real terminal and disk, or a test's capture.
public protocol Console: AnyObject {
    func out(_ bytes: [UInt8])
    func err(_ text: String)
    /// The time to record when a statement is finalised or signed off, as ISO 8601. The clock is
    /// read at the edge (the `leq` executable), never by the engine or the commands.
    func timestamp() -> String
    /// The language of what a person reads: German unless `--lang en` or `LEQ_LANG=en`.
    var language: Language { get set }
    /// Whether standard error is a terminal: progress lines are shown only there.
    var isTerminal: Bool { get }
}

extension Console {
    public var isTerminal: Bool { false }
    public func out(_ text: String) { out(Array(text.utf8)) }
    /// A message on standard output, in the run's language.
    public func tell(_ message: Message) { out(message.text(language)) }
    /// A message on standard error, in the run's language.
    public func fail(_ message: Message) { err(message.text(language)) }
}

/// Standard output and error; the time comes from the function the executable passes in.
public final class StandardConsole: Console {
    private let clock: @Sendable () -> String
    public var language: Language
    /// `language`: from the environment (`LEQ_LANG`), read by the executable; `--lang` overrides it.
    public init(clock: @escaping @Sendable () -> String, language: String? = nil) {
        self.clock = clock
        self.language = language.flatMap(Language.init(rawValue:)) ?? .de
    }
    public func out(_ bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }
    public func err(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
    public func timestamp() -> String { clock() }
    public var isTerminal: Bool { isatty(2) != 0 }
}

/// A console that keeps what is written, for tests.
public final class CapturingConsole: Console, @unchecked Sendable {
    public private(set) var stdout: [UInt8] = []
    public private(set) var stderr = ""
    public var language: Language = .de
    public init() {}
    public func out(_ bytes: [UInt8]) { stdout += bytes }
    public func err(_ text: String) { stderr += text }
    /// A fixed time, so that tests see the same record every run.
    public func timestamp() -> String { "2026-04-02T09:00:00Z" }
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// Exit statuses: 0 success, 2 bad input or usage, 1 any other failure.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    public static let badInput: Int32 = 2
}

/// Files, read whole and written atomically (a temporary file renamed into place), so that a
/// failed run never leaves an output file half written.
enum Files {
    struct Failure: Error {
        var message: Message
        /// The user named something that cannot be written to (a folder): a usage error, exit 2.
        var usage = false
    }

    static func read(_ path: String) -> Result<[UInt8], Failure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Failure(message: "file not found"))
        }
        if isDirectory.boolValue { return .failure(Failure(message: "is a folder, not a file")) }
        // Read straight into the array: through `Data` the bytes were held twice for a moment
        // (a case file of a million cases is 1.2 GB).
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Failure(message: "cannot be read (permissions?)")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(message: "cannot be read (permissions?)")) }
        var bytes = [UInt8]()
        // A large file in stretches read side by side on all cores, without zeroing its memory
        // first (a case file of a million cases: 0.5 s of one core, read and zeroed one after
        // the other); the rest, if it grew meanwhile, the ordinary way.
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= 64 << 20 {
            guard let whole = readInStretches(fd, size: Int(info.st_size)) else {
                return .failure(Failure(message: "cannot be read (permissions?)"))
            }
            bytes = whole
            guard lseek(fd, off_t(bytes.count), SEEK_SET) >= 0 else { return .failure(Failure(message: "cannot be read (permissions?)")) }
        }
        // One byte more than its size, to see the end in the same pass; a file that grows while
        // read (or reports no size, as /proc does) is read on to its end.
        var room = max(Int(info.st_size) - bytes.count, 0) + 1
        bytes.reserveCapacity(room)
        while true {
            let start = bytes.count
            var failed = false
            var got = 0
            bytes.append(contentsOf: repeatElement(0, count: room))
            bytes.withUnsafeMutableBytes { buffer in
                while got < room {
                    let n = Glibc.read(fd, buffer.baseAddress! + start + got, room - got)
                    if n < 0 { if errno == EINTR { continue }; failed = true; return }
                    if n == 0 { return }
                    got += n
                }
            }
            bytes.removeLast(room - got)
            if failed { return .failure(Failure(message: "cannot be read (permissions?)")) }
            if got < room { return .success(bytes) }
            room = max(bytes.count, 1 << 16)
        }
    }

    /// The first `size` bytes of the open file, read in stretches of 32 MiB on all cores; fewer
    /// if the file was shorter; nil on a failed read.
    private static func readInStretches(_ fd: Int32, size: Int) -> [UInt8]? {
        let stretch = 32 << 20
        let starts = Array(stride(from: 0, to: size, by: stretch))
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            let base = Place(base: buffer.baseAddress!)
            // Bytes read per stretch (fewer than its length: the file ended there), or -1.
            let got = starts.parallelMap { start -> Int in
                let length = min(stretch, size - start)
                var done = 0
                while done < length {
                    let n = pread(fd, base.base + start + done, length - done, off_t(start + done))
                    if n < 0 {
                        if errno == EINTR { continue }
                        return -1
                    }
                    if n == 0 { break }
                    done += n
                }
                return done
            }
            failed = got.contains(-1)
            // Up to the first stretch that came short (a file cut while read): what is there.
            count = 0
            for (start, n) in zip(starts, got) where !failed && count == start {
                count = start + n
            }
        }
        return failed ? nil : bytes
    }

    /// Where the stretches go, shared by the readers (each writes its own stretch).
    private struct Place: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(Failure) {
        let file = try AtomicFile(path)
        file.write(bytes)
        try file.commit()
    }

    /// A file written piece by piece into a temporary file beside it and renamed into place by
    /// `commit`: whoever reads `path` sees the old file or the whole new one, never a part; a
    /// file not committed is removed.
    ///
    /// Files are written past the page cache (`O_DIRECT`) where the file system allows it. One
    /// written through the cache (a file system without direct writes) is handed to the disk as
    /// it is written and leaves the cache behind the writer: `posix_fadvise(DONTNEED)` every
    /// `handOver` bytes once the run has written `keptInCache`, one stretch behind, so that what
    /// is dropped has been written back. A country's year of statements is 8 GB: left in the
    /// cache, every page written was a fresh page of memory to find, and writing it cost this
    /// machine 8–15 s of system time, not 2.5 s.
    final class AtomicFile {
        let path: String
        private let temporary: String
        private var descriptor: Int32
        private var failure: Failure?
        /// Bytes written so far; where the last stretch handed to the disk began and ended.
        private var written = 0
        private var handedFrom = 0
        private var handedTo = 0
        private let handOver: Int
        /// Until the run has written this much (all its files), its files go through the cache
        /// like any other; none by default. Through the cache, the writer spent its time in the
        /// kernel's copy of every byte into fresh pages (0.6 s of a million cases' month), and run
        /// after run waited for the kernel to write back what the run before had written. A
        /// million cases, alternating, 3 runs each: one month 5.01–5.29 s with the first 256 MiB
        /// of a run through the cache, 4.79–4.93 s with none; the year 8.97–9.14 → 8.42–8.49 s
        /// (2 runs each). 100,000 cases: a month 0.48–0.51 s either way, the year 0.92–1.42 →
        /// 0.91–0.98 s. (Tests set it to try the ordinary way.)
        private let keptInCache: Int
        private static let writtenInRun = Atomic<Int>(0)
        private let diskQueue = DispatchQueue(label: "leq.file.handover")
        /// A file opened once the run is past `keptInCache` (from the start, by default), or the
        /// rest of a file past `directFrom`, is written past the page cache (`O_DIRECT`), from
        /// buffers of its own, in aligned stretches: the kernel then copies nothing, and a million
        /// cases' year spends seconds less of both cores in `write`. Nil: written the ordinary way
        /// (a file system without direct writes, or a test that keeps files in the cache).
        private var direct: DirectStretch?

        /// Past this many bytes a file opened through the cache goes on past it, whatever the run
        /// (a file system that refused `O_DIRECT` at the open is not asked again). With
        /// `keptInCache` at its default every file is opened past the cache, so this is for tests
        /// that keep the first part of a run in it.
        private let directFrom: Int
        /// Direct writing was tried for this file (it is not tried twice).
        private var triedDirect = false

        init(_ path: String, handOver: Int = 64 << 20, keptInCache: Int = 0, directFrom: Int = 256 << 20) throws(Failure) {
            self.handOver = handOver
            self.keptInCache = keptInCache
            self.directFrom = directFrom
            var isFolder: ObjCBool = false
            if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue) {
                throw Failure(message: "--out: \(path) is a folder; give a file name, e.g. \(path.hasSuffix("/") ? path : path + "/")statement.json", usage: true)
            }
            // A missing folder is made (`--out out/2026-03.json` on a fresh clone); a file in its place is an error.
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { throw Failure(message: "cannot write \(path): \(folder) is a file, not a folder") }
            } else {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw Failure(message: "cannot write \(path): the folder \(folder) cannot be made (\(error.localizedDescription))")
                }
            }
            self.path = path
            temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).leq-\(getpid())-\(UInt64.random(in: 0...UInt64.max))").path
            descriptor = -1
            if Self.writtenInRun.load(ordering: .relaxed) >= keptInCache, let flag = DirectStretch.openFlag {
                triedDirect = true
                descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | flag, 0o666)
                // A file system without direct writes refuses the flag: written the ordinary way.
                if descriptor >= 0 { startDirectWriting() } else { unlink(temporary) }
            }
            if descriptor < 0 { descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) }
            if descriptor < 0 { throw Failure(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
        }

        deinit { discard() }

        /// Whether the file is being written past the page cache.
        var isDirect: Bool { direct != nil }

        /// The file as direct writing's thread holds it: it writes while the file's writer
        /// gathers the next stretch, and `commit` or `discard` wait for it before they close.
        private struct Unowned: @unchecked Sendable {
            unowned let file: AtomicFile
        }

        /// Appends `bytes`; the first failure is kept and reported by `commit`.
        func write(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer(write) }

        /// Appends `bytes` (in place: a piece of a long document, not copied into an array).
        func write(_ bytes: UnsafeBufferPointer<UInt8>) {
            if let direct {
                // `failure` is the writing thread's until `commit` (it finds a failure there).
                _ = Self.writtenInRun.add(bytes.count, ordering: .relaxed)
                direct.append(bytes)
                return
            }
            guard failure == nil, descriptor >= 0 else { return }
            guard written + bytes.count > directFrom, !triedDirect, DirectStretch.openFlag != nil else {
                writeOrdinarily(bytes)
                return
            }
            // Up to the first block boundary past `directFrom` the ordinary way (direct writes
            // start at a block boundary of the file), the rest past the cache.
            let block = DirectStretch.block
            let boundary = (max(directFrom, written) + block - 1) / block * block
            let ordinary = min(bytes.count, boundary - written)
            writeOrdinarily(UnsafeBufferPointer(rebasing: bytes[..<ordinary]))
            guard failure == nil, written == boundary else { return }
            triedDirect = true
            let rest = UnsafeBufferPointer(rebasing: bytes[ordinary...])
            if enterDirectWriting() {
                write(rest)
            } else {
                writeOrdinarily(rest)
            }
        }

        /// Appends `bytes` through the page cache, handing what is written to the disk once the
        /// run is past `keptInCache`.
        private func writeOrdinarily(_ bytes: UnsafeBufferPointer<UInt8>) {
            writeAll(bytes)
            guard failure == nil else { return }
            written += bytes.count
            let run = Self.writtenInRun.add(bytes.count, ordering: .relaxed).newValue
            if run >= keptInCache, written - handedTo >= handOver { handOverToDisk() }
        }

        /// Direct writing from here on, from a buffer of the file's own.
        private func startDirectWriting() {
            let file = Unowned(file: self)
            direct = DirectStretch { file.file.writeAll($0) }
        }

        /// Sets `O_DIRECT` on the open file (at a block boundary) and writes past the cache from
        /// here on; false if the file system refuses it.
        private func enterDirectWriting() -> Bool {
            guard setDirect(true) else { return false }
            startDirectWriting()
            return true
        }

        /// Writes all of `bytes` at the end of the file; a failure is kept for `commit`. A file
        /// system that took `O_DIRECT` but refuses a direct write (`EINVAL`) has the file written
        /// the ordinary way from there on.
        func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard failure == nil else { return }
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR || (errno == EINVAL && direct != nil && leaveDirectWriting()) { continue }
                    failed()
                    return
                }
                done += n
            }
        }

        /// Clears `O_DIRECT` on the open file; false if it is not set or cannot be cleared.
        private func leaveDirectWriting() -> Bool { setDirect(false) }

        /// Sets or clears `O_DIRECT` on the open file; false if it was already so, or the file
        /// system refuses.
        private func setDirect(_ on: Bool) -> Bool {
            guard let flag = DirectStretch.openFlag else { return false }
            let flags = fcntl(descriptor, F_GETFL)
            guard flags >= 0, (flags & flag != 0) != on else { return false }
            return fcntl(descriptor, F_SETFL, on ? flags | flag : flags & ~flag) == 0
        }

        /// Keeps the error of the last system call as the file's failure.
        private func failed() {
            failure = Failure(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }

        /// Starts writing back what was written since the last call and drops the stretch before
        /// it, written back since, from the cache (advice only: a failure changes no byte).
        private func handOverToDisk() {
            // On a queue of its own: starting the write-back of a stretch takes the kernel a
            // while, and the writer is what the other cores wait for. `close` waits for it.
            let descriptor = descriptor, from = off_t(handedFrom), length = off_t(written - handedFrom)
            diskQueue.async { _ = posix_fadvise(descriptor, from, length, POSIX_FADV_DONTNEED) }
            handedFrom = handedTo
            handedTo = written
        }

        /// Closes the file and renames it into place; on any failure it is removed instead.
        func commit() throws(Failure) {
            diskQueue.sync {}
            direct?.wait()
            if let direct, failure == nil, descriptor >= 0 {
                // The whole stretches past the cache, the rest (less than a block) the ordinary way.
                direct.flushWhole()
                _ = leaveDirectWriting()  // the rest is less than a block; if the flag stays, the write says so
                direct.flushRest { writeAll($0) }
            }
            if failure == nil, descriptor >= 0, close(descriptor) != 0 { failed() }
            descriptor = -1
            if failure == nil, rename(temporary, path) != 0 { failed() }
            if let failure {
                unlink(temporary)
                throw failure
            }
        }

        /// Removes the file unless it was committed.
        func discard() {
            guard descriptor >= 0 else { return }
            diskQueue.sync {}
            direct?.wait()
            close(descriptor)
            descriptor = -1
            unlink(temporary)
        }
    }
}

/// The bytes of a file written past the page cache (`O_DIRECT`): gathered in memory aligned to
/// the disk's blocks and written in whole blocks of it, 8 MiB at a time, on a thread of its own
/// while the next 8 MiB are gathered, up to 320 MiB ahead of the disk (`Buffers`). (Gathering and
/// writing one after the other, the disk waited while bytes were copied and the copying while the
/// disk wrote: a million cases' year spent some 3 s more in writing its files than in making them.)
final class DirectStretch: @unchecked Sendable {
    /// `O_DIRECT`, which Swift's Glibc does not name: its value on the architectures LEQ is built
    /// for; elsewhere nil, and files are written the ordinary way.
    static var openFlag: Int32? {
        #if os(Linux) && arch(x86_64)
        return 0o40000
        #elseif os(Linux) && arch(arm64)
        return 0o200000
        #else
        return nil
        #endif
    }

    /// The block all direct writes are aligned to (in memory, in length, in the file).
    static let block = 4_096
    private static let capacity = 8 << 20
    /// The buffer being filled; full, it is written on `queue` and the next one taken from the
    /// buffers all files share (`Buffers`).
    private var current: UnsafeMutableRawPointer
    private var count = 0
    /// Writes a whole buffer; called on `queue`, one buffer at a time, in order.
    private let write: @Sendable (UnsafeBufferPointer<UInt8>) -> Void
    private let queue = DispatchQueue(label: "leq.file.direct")
    /// The buffers being written.
    private let writing = DispatchGroup()

    /// The aligned buffers of all files written past the page cache, 8 MiB each: at most 40
    /// (320 MiB) on their way to the disk at a time, besides the one each file fills; made when
    /// first needed and kept for the next file. A month of a million cases (730 MB) is made at
    /// the speed of the cores while the disk catches up, and the rest is written while the next
    /// month is settled (with two buffers a file, making a month waited for the disk: 0.34 s at
    /// 1.2 cores). The reading of the cases, before, held more memory than these.
    enum Buffers {
        static let limit = 40
        private static let onTheWay = DispatchSemaphore(value: limit)
        private static let spare = Mutex<[Address]>([])

        /// A buffer to fill: one written before, or a new one.
        static func take() -> UnsafeMutableRawPointer {
            spare.withLock { $0.popLast() }?.pointer ?? UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: block)
        }

        /// A buffer for the next to take.
        static func give(_ buffer: UnsafeMutableRawPointer) {
            spare.withLock { $0.append(Address(pointer: buffer)) }
        }

        /// Waits while `limit` buffers are on their way to the disk (their writes always end).
        static func send() { onTheWay.wait() }

        /// A buffer written: it goes back for the next to take.
        static func written(_ buffer: UnsafeMutableRawPointer) {
            give(buffer)
            onTheWay.signal()
        }

        /// A buffer's address, kept by the shared list (each buffer is used by one file at a time).
        private struct Address: @unchecked Sendable {
            let pointer: UnsafeMutableRawPointer
        }
    }

    init(write: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) {
        self.write = write
        current = Buffers.take()
    }

    deinit {
        writing.wait()
        Buffers.give(current)
    }

    /// The first `n` bytes of the buffer being filled.
    private func gathered(_ n: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: current.assumingMemoryBound(to: UInt8.self), count: n)
    }

    /// Gathers `bytes`; each full buffer is written, in turn, while the next fills.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        var rest = UnsafeRawBufferPointer(bytes)
        while !rest.isEmpty {
            let n = min(rest.count, Self.capacity - count)
            (current + count).copyMemory(from: rest.baseAddress!, byteCount: n)
            count += n
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            if count == Self.capacity {
                let full = Stretch(bytes: gathered(count)), write = write
                Buffers.send()
                queue.async(group: writing) {
                    write(full.bytes)
                    Buffers.written(UnsafeMutableRawPointer(mutating: full.bytes.baseAddress!))
                }
                current = Buffers.take()
                count = 0
            }
        }
    }

    /// A full buffer on its way to the writing thread, which alone reads it until written.
    private struct Stretch: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// Waits until every full buffer is written (what `write` did to the file is then done).
    func wait() { writing.wait() }

    /// Hands the whole blocks gathered to `write`, after the buffers before them, and keeps the
    /// rest (less than a block).
    func flushWhole() {
        writing.wait()
        let whole = count / Self.block * Self.block
        guard whole > 0 else { return }
        write(gathered(whole))
        current.copyMemory(from: current + whole, byteCount: count - whole)
        count -= whole
    }

    /// Hands what is left to `write` (after the file has left direct writing).
    func flushRest(write: (UnsafeBufferPointer<UInt8>) -> Void) {
        writing.wait()
        guard count > 0 else { return }
        write(gathered(count))
        count = 0
    }
}

/// Output files written one after the other and made visible together: each is written to a
/// temporary file at once (so that its bytes need not stay in memory), and `commit` renames them
/// all into place; a run that fails before leaves none of them (`discard`). Files without a
/// place of their own (standard output) are kept in the temporary folder until `copy`.
final class StagedFiles {
    private var staged: [(temporary: String, target: String?)] = []
    private let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))"
    /// The last file added, if it is written past the page cache: what the disk has not yet
    /// taken of it is written while the run goes on (a month of a million cases, settling the
    /// next month meanwhile), and it is finished (written out, closed, named) when the next file
    /// is added or the files are committed, copied or discarded. A failure is reported then.
    private var pending: (file: Files.AtomicFile, temporary: String, target: String?)?

    var count: Int { staged.count + (pending == nil ? 0 : 1) }

    /// Where a file opened through the page cache goes past it, and how much of a run is written
    /// through the cache first (`Files.AtomicFile`; tests set them, to have both kinds of file).
    private let directFrom: Int
    private let keptInCache: Int

    init(directFrom: Int = 256 << 20, keptInCache: Int = 0) {
        self.directFrom = directFrom
        self.keptInCache = keptInCache
    }

    /// Writes `bytes` for `target` (nil: for standard output).
    func add(_ bytes: [UInt8], as target: String?) throws(Files.Failure) {
        try add(as: target) { emit in bytes.withUnsafeBufferPointer(emit) }
    }

    /// Writes for `target` (nil: for standard output) what `write` hands to `emit`, piece by piece.
    func add(as target: String?, _ write: (_ emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Void) throws(Files.Failure) {
        let temporary: String
        if let target {
            let url = URL(fileURLWithPath: target)
            temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).leq-\(tag)").path
        } else {
            temporary = FileManager.default.temporaryDirectory.appendingPathComponent("leq-\(tag)-\(count)").path
        }
        try finishPending()
        let file = try Files.AtomicFile(temporary, keptInCache: keptInCache, directFrom: directFrom)
        write(file.write)
        if file.isDirect {
            pending = (file, temporary, target)
        } else {
            try file.commit()
            staged.append((temporary, target))
        }
    }

    /// Finishes the file still being written, if any.
    private func finishPending() throws(Files.Failure) {
        guard let last = pending else { return }
        pending = nil
        try last.file.commit()
        staged.append((last.temporary, last.target))
    }

    /// Renames every staged file into place.
    func commit() throws(Files.Failure) {
        try finishPending()
        for (temporary, target) in staged {
            guard let target else { continue }
            if rename(temporary, target) != 0 {
                throw Files.Failure(message: "cannot write \(target): \(String(cString: strerror(errno)))")
            }
        }
        staged.removeAll { $0.target != nil }
        discard()
    }

    /// Writes the staged files to standard output, one after the other, and removes them.
    func copy(to console: Console) throws(Files.Failure) {
        try finishPending()
        for (temporary, _) in staged {
            guard let handle = FileHandle(forReadingAtPath: temporary) else {
                throw Files.Failure(message: "cannot read \(temporary)")
            }
            defer { try? handle.close() }
            // A megabyte at a time: a month of a million lines is never held whole.
            while true {
                let data = handle.readData(ofLength: 1 << 20)
                if data.isEmpty { break }
                console.out([UInt8](data))
            }
        }
        discard()
    }

    /// Removes what is still staged.
    func discard() {
        pending?.file.discard()
        pending = nil
        for (temporary, _) in staged { try? FileManager.default.removeItem(atPath: temporary) }
        staged.removeAll()
    }
}
