import LEQFormats
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The store as a file on disk: is it what it claims to be, before SQLite is let near it? And a
/// new store made whole in a temporary file and put in place only when nothing is at its path.
enum StoreFile {
    /// The 16 bytes every SQLite 3 database file begins with.
    static let magic = Array("SQLite format 3\u{0}".utf8)

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Refuses a path that is missing, not a regular file, empty, not an SQLite file, or shorter
    /// (or longer) than its own header says — a truncated copy, a half-written download.
    static func check(_ path: String) throws(StoreError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw StoreError(.cannotOpen, "there is no statement store at \(path) (the file is missing); finalise a month first (leq finalize) or give --store")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw StoreError(.notAStore, "\(path) is not a file (a folder or a device), not a statement store; give another --store")
        }
        let size = Int64(info.st_size)
        guard size > 0 else {
            throw StoreError(.notAStore, "\(path) is empty (0 bytes), not a statement store; LEQ makes a store only where no file is. The file is left as it is; restore the backup or give another --store")
        }
        guard let header = readHeader(path), header.count == 100, Array(header[0..<16]) == magic else {
            throw StoreError(.notAStore, "\(path) is not a LEQ statement store (not an SQLite database); give another --store")
        }
        func be(_ at: Int, _ n: Int) -> Int64 { header[at..<(at + n)].reduce(0) { $0 << 8 | Int64($1) } }
        var pageSize = be(16, 2)
        if pageSize == 1 { pageSize = 65536 }
        let pages = be(28, 4)
        // The page count in the header is valid only when written by the same change as the
        // change counter; a hot journal beside the file means SQLite will roll back first.
        let countValid = be(92, 4) == be(24, 4) && pages > 0
        let journal = exists(path + "-journal") || exists(path + "-wal")
        if countValid && !journal && pages * pageSize != size {
            let how: Message = size < pages * pageSize ? "cut short" : "lengthened"
            throw StoreError(.notAStore, """
                \(path) is damaged: by its header \(pages) pages of \(pageSize) bytes = \(pages * pageSize) bytes, the file has \(size) bytes \
                (\(how)). The file is left as it is; restore the backup
                """)
        }
    }

    private static func readHeader(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var header = [UInt8](repeating: 0, count: 100)
        let n = header.withUnsafeMutableBytes { fread($0.baseAddress, 1, 100, file) }
        return Array(header[0..<n])
    }

    /// Makes a new store: `build` writes it at a temporary path in the same folder, which is then
    /// linked to `path` only if nothing is there yet (another process may have been quicker: then
    /// its store is used). A failure leaves nothing behind.
    static func create(at path: String, _ build: (String) throws(StoreError) -> Void) throws(StoreError) {
        let temporary = "\(path).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer {
            unlink(temporary)
            unlink(temporary + "-journal")
        }
        do throws(StoreError) {
            try build(temporary)
        } catch {
            throw StoreError(error.kind, Message(verbatim: error.message.replacingOccurrences(of: temporary, with: path)))
        }
        if link(temporary, path) != 0 && errno != EEXIST {
            let reason = String(cString: strerror(errno))
            throw StoreError(.cannotOpen, "the statement store \(path) cannot be made: \(reason)")
        }
    }
}
