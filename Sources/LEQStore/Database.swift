import CSQLite
import LEQFormats

/// A thin, safe wrapper around one SQLite connection: statements with bound values, rows read by
/// column, transactions that roll back on any error. Only what the store needs.
final class Database {
    private var handle: OpaquePointer?
    let path: String

    /// Opens (or creates, with `create`) the file. Waits up to `busyTimeout` ms for another
    /// process's write lock before failing with `busy`.
    /// A connection is used by one thread at a time (the store's by its caller, each reader's and
    /// each check's by its own): it is opened without SQLite's mutex, which every call took and
    /// gave back, some 6 % of checking a month's lines.
    init(path: String, create: Bool, busyTimeout: Int32 = 5000) throws(StoreError) {
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &handle, flags, nil)
        guard rc == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw StoreError(.cannotOpen, "\(path) cannot be opened: \(message)")
        }
        sqlite3_busy_timeout(handle, busyTimeout)
        sqlite3_extended_result_codes(handle, 1)
    }

    /// Statements prepared once and used again (reset), by their SQL: storing a statement ran the
    /// same INSERT for each of its lines, and SQLite parsed and compiled it anew every time.
    private var prepared: [String: Prepared] = [:]

    /// A kept statement; `inUse` while its rows are being read (a query run from inside another's
    /// rows gets a statement of its own).
    private final class Prepared {
        let statement: OpaquePointer
        var inUse = false
        init(_ statement: OpaquePointer) { self.statement = statement }
    }

    deinit {
        for (_, p) in prepared { sqlite3_finalize(p.statement) }
        sqlite3_close_v2(handle)
    }

    /// Runs SQL without results (several statements allowed).
    func execute(_ sql: String) throws(StoreError) {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "error \(rc)"
            sqlite3_free(error)
            throw StoreError(code: rc, message)
        }
    }

    /// Runs one statement with values bound to `?1`, `?2`, …, calling `row` for each result row.
    func query(_ sql: String, _ values: [Value] = [], row: (Row) throws(StoreError) -> Void = { _ throws(StoreError) in }) throws(StoreError) {
        var statement: OpaquePointer?
        var rc: Int32
        // The kept statement of this SQL if it is free; else one prepared now, kept if none is.
        var kept = prepared[sql]
        if let free = kept, !free.inUse {
            statement = free.statement
        } else {
            rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
            guard rc == SQLITE_OK, let made = statement else { throw StoreError(code: rc, String(cString: sqlite3_errmsg(handle))) }
            if kept == nil {
                kept = Prepared(made)
                prepared[sql] = kept
            } else {
                kept = nil
            }
        }
        kept?.inUse = true
        defer {
            if let kept {
                // Ready for the next use, its values let go.
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
                kept.inUse = false
            } else {
                sqlite3_finalize(statement)
            }
        }
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case let .text(s): rc = sqlite3_bind_text(statement, index, s, -1, SQLITE_TRANSIENT)
            case let .int(n): rc = sqlite3_bind_int64(statement, index, n)
            case let .blob(bytes):
                rc = bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
            case .null: rc = sqlite3_bind_null(statement, index)
            }
            guard rc == SQLITE_OK else { throw StoreError(code: rc, String(cString: sqlite3_errmsg(handle))) }
        }
        while true {
            rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else { throw StoreError(code: rc, String(cString: sqlite3_errmsg(handle))) }
            try row(Row(statement: statement))
        }
    }

    /// The bytes of column `column` of row `rowid` of `table`, handed to `body` a stretch at a
    /// time as SQLite reads them (`sqlite3_blob_read`). Read as a value, a blob of 30 MB was put
    /// together in memory the system had first to clear page by page.
    func readBlob(table: String, column: String, rowid: Int64, _ body: (UnsafeRawBufferPointer) -> Void) throws(StoreError) {
        var blob: OpaquePointer?
        var rc = sqlite3_blob_open(handle, "main", table, column, rowid, 0, &blob)
        defer { sqlite3_blob_close(blob) }
        guard rc == SQLITE_OK else { throw StoreError(code: rc, String(cString: sqlite3_errmsg(handle))) }
        let size = Int(sqlite3_blob_bytes(blob))
        let stretch = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(max(size, 1), stretch), alignment: 64)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < size {
            let n = min(stretch, size - offset)
            rc = sqlite3_blob_read(blob, buffer.baseAddress, Int32(n), Int32(offset))
            guard rc == SQLITE_OK else { throw StoreError(code: rc, String(cString: sqlite3_errmsg(handle))) }
            body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            offset += n
        }
    }

    /// The rows of a query, each read by `read`.
    func rows<T>(_ sql: String, _ values: [Value] = [], _ read: (Row) -> T) throws(StoreError) -> [T] {
        var out: [T] = []
        try query(sql, values) { r throws(StoreError) in out.append(read(r)) }
        return out
    }

    /// Runs `body` in one write transaction (BEGIN IMMEDIATE: the write lock is taken at once,
    /// so two writers cannot both read a state and then both act on it). Any error rolls back.
    func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    enum Value {
        case text(String)
        case int(Int64)
        case blob([UInt8])
        case null
    }

    struct Row {
        let statement: OpaquePointer?
        /// The column's text, its bytes as stored (not ended at a U+0000, as a C string would be).
        func text(_ i: Int32) -> String { withText(i) { String(decoding: $0, as: UTF8.self) } }
        func optionalText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }
        func int(_ i: Int32) -> Int64 { sqlite3_column_int64(statement, i) }
        func isNull(_ i: Int32) -> Bool { sqlite3_column_type(statement, i) == SQLITE_NULL }
        /// The column's text as SQLite holds it, its bytes as stored (empty for NULL), valid only
        /// within `body`: no string made, its UTF-8 not checked or repaired.
        func withText<R>(_ i: Int32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
            let base = sqlite3_column_text(statement, i)
            return body(UnsafeRawBufferPointer(start: base, count: base == nil ? 0 : Int(sqlite3_column_bytes(statement, i))))
        }
        func blob(_ i: Int32) -> [UInt8] {
            let count = Int(sqlite3_column_bytes(statement, i))
            guard count > 0, let base = sqlite3_column_blob(statement, i) else { return [] }
            return Array(UnsafeRawBufferPointer(start: base, count: count))
        }
    }
}

/// SQLite's "copy this value now" destructor, which the C macro spells as -1.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// What went wrong with the store, said for a person. The command line exits with status 1
/// (2 for a refusal such as finalising a month again with other input).
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case cannotOpen
        case notAStore
        case newerVersion
        case busy
        case refused
        case notFound
        case failed
        /// The store does not verify: a record or the chain differs from what LEQ wrote.
        case tampered
    }

    public var kind: Kind
    /// What went wrong, in either language.
    public var text: Message
    /// With `tampered`: every part that does not verify.
    public var findings: [StoreFinding] = []

    /// The message in German, the default language.
    public var message: String { text.text(.de) }

    public init(_ kind: Kind, _ text: Message, findings: [StoreFinding] = []) {
        self.kind = kind
        self.text = text
        self.findings = findings
    }

    init(code: Int32, _ message: String) {
        switch code & 0xff {
        case SQLITE_BUSY, SQLITE_LOCKED: self.init(.busy, "the statement store is busy (another leq is writing): \(message)")
        case SQLITE_NOTADB: self.init(.notAStore, "not an SQLite database: \(message)")
        case SQLITE_CORRUPT: self.init(.notAStore, "the store file is damaged: \(message)")
        default: self.init(.failed, Message(verbatim: message))
        }
    }

    public var description: String { message }
}
