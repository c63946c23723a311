import LEQFormats
import LEQCore

/// The statement store (SPEC § 15): one SQLite file holding every finalised statement, byte for
/// byte in each format as it was finalised, its lines for later corrections, the digests of the
/// input files it came from, who finalised it and when, and the two sign-offs of the four-eyes
/// principle. A finalised statement is never changed or deleted.
public final class Store {
    /// `PRAGMA application_id`: marks the file as a LEQ store ("LEQ1").
    static let applicationID: Int64 = 0x4C45_5131
    /// The schema version this code writes; older stores are migrated on open.
    public static let schemaVersion = migrations.count

    /// Each migration takes the schema from version i to i + 1. Never edit one that has shipped:
    /// add a new one.
    static let migrations: [String] = [
        // 1: statements, their inputs, renderings and lines.
        """
        CREATE TABLE statement (
            number TEXT PRIMARY KEY,
            provider TEXT NOT NULL,
            month TEXT NOT NULL,
            agreement TEXT NOT NULL,
            issued TEXT NOT NULL,
            total_cents INTEGER NOT NULL,
            input_digest TEXT NOT NULL,
            finalized_by TEXT NOT NULL,
            finalized_at TEXT NOT NULL,
            UNIQUE (provider, month)
        );
        CREATE TABLE statement_input (
            number TEXT NOT NULL REFERENCES statement(number),
            role TEXT NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL
        );
        CREATE TABLE statement_rendering (
            number TEXT NOT NULL REFERENCES statement(number),
            format TEXT NOT NULL,
            language TEXT NOT NULL,
            bytes BLOB NOT NULL,
            PRIMARY KEY (number, format, language)
        );
        CREATE TABLE statement_line (
            number TEXT NOT NULL REFERENCES statement(number),
            position INTEGER NOT NULL,
            case_id TEXT NOT NULL,
            service TEXT NOT NULL,
            file_reference TEXT NOT NULL,
            kind TEXT NOT NULL,
            amount_cents INTEGER NOT NULL,
            corrects TEXT,
            corrected_kind TEXT,
            PRIMARY KEY (number, position)
        );
        CREATE TRIGGER statement_never_changes BEFORE UPDATE ON statement
            BEGIN SELECT RAISE(ABORT, 'a finalised statement never changes'); END;
        CREATE TRIGGER statement_never_deleted BEFORE DELETE ON statement
            BEGIN SELECT RAISE(ABORT, 'a finalised statement is never deleted'); END;
        CREATE TRIGGER rendering_never_changes BEFORE UPDATE ON statement_rendering
            BEGIN SELECT RAISE(ABORT, 'a finalised statement never changes'); END;
        CREATE TRIGGER line_never_changes BEFORE UPDATE ON statement_line
            BEGIN SELECT RAISE(ABORT, 'a finalised statement never changes'); END;
        """,
        // 2: the four-eyes sign-offs (sachlich und rechnerisch richtig; Anordnung).
        """
        CREATE TABLE sign_off (
            number TEXT NOT NULL REFERENCES statement(number),
            role TEXT NOT NULL CHECK (role IN ('certified', 'approved')),
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (number, role)
        );
        CREATE TRIGGER sign_off_never_changes BEFORE UPDATE ON sign_off
            BEGIN SELECT RAISE(ABORT, 'a sign-off never changes'); END;
        """,
        // 3: people who may sign off, sign-offs by person, the hash chain over all finalised
        // records, and no UPDATE or DELETE on any table that holds finalised data. Existing
        // statements and sign-offs are chained as they are (`chainExisting`); their sign-offs keep
        // their names, with no person: given before people were registered.
        """
        CREATE TABLE person (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            may_certify INTEGER NOT NULL,
            may_approve INTEGER NOT NULL,
            added_at TEXT NOT NULL
        );
        ALTER TABLE sign_off ADD COLUMN person TEXT;
        CREATE TABLE chain (
            seq INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            content TEXT NOT NULL,
            previous TEXT NOT NULL,
            digest TEXT NOT NULL,
            UNIQUE (kind, ref)
        );
        CREATE TRIGGER input_never_changes BEFORE UPDATE ON statement_input
            BEGIN SELECT RAISE(ABORT, 'a finalised statement never changes'); END;
        CREATE TRIGGER input_never_deleted BEFORE DELETE ON statement_input
            BEGIN SELECT RAISE(ABORT, 'a finalised statement is never deleted'); END;
        CREATE TRIGGER rendering_never_deleted BEFORE DELETE ON statement_rendering
            BEGIN SELECT RAISE(ABORT, 'a finalised statement is never deleted'); END;
        CREATE TRIGGER line_never_deleted BEFORE DELETE ON statement_line
            BEGIN SELECT RAISE(ABORT, 'a finalised statement is never deleted'); END;
        CREATE TRIGGER sign_off_never_deleted BEFORE DELETE ON sign_off
            BEGIN SELECT RAISE(ABORT, 'a sign-off is never deleted'); END;
        CREATE TRIGGER person_never_changes BEFORE UPDATE ON person
            BEGIN SELECT RAISE(ABORT, 'a registered person is never changed'); END;
        CREATE TRIGGER person_never_deleted BEFORE DELETE ON person
            BEGIN SELECT RAISE(ABORT, 'a registered person is never deleted'); END;
        CREATE TRIGGER chain_never_changes BEFORE UPDATE ON chain
            BEGIN SELECT RAISE(ABORT, 'the chain never changes'); END;
        CREATE TRIGGER chain_never_deleted BEFORE DELETE ON chain
            BEGIN SELECT RAISE(ABORT, 'the chain never changes'); END;
        """,
        // 4: payment files (SEPA credit transfers) and which statement went into which: a
        // statement is in at most one payment file, ever.
        """
        CREATE TABLE payment_file (
            id TEXT PRIMARY KEY,
            month TEXT NOT NULL,
            execution TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            total_cents INTEGER NOT NULL,
            bytes BLOB NOT NULL
        );
        CREATE TABLE payment (
            number TEXT PRIMARY KEY REFERENCES statement(number),
            file TEXT NOT NULL REFERENCES payment_file(id),
            amount_cents INTEGER NOT NULL,
            transferred INTEGER NOT NULL CHECK (transferred IN (0, 1))
        );
        CREATE TRIGGER payment_file_never_changes BEFORE UPDATE ON payment_file
            BEGIN SELECT RAISE(ABORT, 'a payment file never changes'); END;
        CREATE TRIGGER payment_file_never_deleted BEFORE DELETE ON payment_file
            BEGIN SELECT RAISE(ABORT, 'a payment file is never deleted'); END;
        CREATE TRIGGER payment_never_changes BEFORE UPDATE ON payment
            BEGIN SELECT RAISE(ABORT, 'a payment never changes'); END;
        CREATE TRIGGER payment_never_deleted BEFORE DELETE ON payment
            BEGIN SELECT RAISE(ABORT, 'a payment is never deleted'); END;
        """,
        // 5: the correction lines found by the statement they correct. Every month settled with a
        // store asks, for each finalised statement before it, what corrected it since: without
        // the index each asking read every line of the store (six finalised months of 10,000
        // cases, settled for six more: 2.7 s without it, 1.1 s with it).
        """
        CREATE INDEX statement_line_corrects ON statement_line (corrects) WHERE corrects IS NOT NULL;
        """,
    ]

    let db: Database
    public var path: String { db.path }
    /// The chain as read and checked when the store was opened (and again in each write).
    var chain: [ChainEntry] = []
    /// Parts of statements whose digests were checked since the store was opened ("NUMBER\tpart").
    var verifiedParts: Set<String> = []

    /// Opens the store at `path` and checks its chain; refuses anything that does not verify.
    ///
    /// An existing file must be a LEQ store: a missing, empty, truncated or foreign file is refused
    /// with its path and left as it is. With `create`, a store is made when — and only when —
    /// nothing exists at `path` (`finalize` and `people add` do this; reading commands never do).
    public convenience init(path: String, create: Bool = false) throws(StoreError) {
        try self.init(path: path, create: create, audit: false)
    }

    /// For `leq verify`: opens a store whose chain may be broken, so that every break can be
    /// reported (`verify()`), rather than refusing at the first.
    public static func openForAudit(path: String) throws(StoreError) -> Store {
        try Store(path: path, create: false, audit: true)
    }

    init(path: String, create: Bool, audit: Bool, migrateTo version: Int = Store.schemaVersion) throws(StoreError) {
        if create && !StoreFile.exists(path) {
            try StoreFile.create(at: path) { (temporary: String) throws(StoreError) in
                let fresh = try Database(path: temporary, create: true)
                // Pages of 64 KiB, set before the first table: most of a store's bytes are its
                // renderings, and with pages of 4 KiB SQLite wrote each in pieces of 4 KiB.
                try fresh.execute("PRAGMA page_size = 65536")
                try Store.migrate(fresh, path: path, to: version, fresh: true)
            }
        }
        try StoreFile.check(path)
        db = try Database(path: path, create: false)
        try Store.migrate(db, path: path, to: version, fresh: false)
        guard version >= Store.schemaVersion else { return }
        let findings = try loadChain()
        if !audit && !findings.isEmpty { throw StoreError.tampered(path, findings) }
    }

    /// Brings the schema to `version`. A new store (`fresh`) starts empty; an existing file must
    /// already be a LEQ store.
    static func migrate(_ db: Database, path: String, to version: Int, fresh: Bool) throws(StoreError) {
        try db.transaction { () throws(StoreError) in
            var appID: Int64 = 0, userVersion: Int64 = 0, tables: Int64 = 0
            do throws(StoreError) {
                try db.query("PRAGMA application_id") { r throws(StoreError) in appID = r.int(0) }
                try db.query("PRAGMA user_version") { r throws(StoreError) in userVersion = r.int(0) }
                try db.query("SELECT count(*) FROM sqlite_master") { r throws(StoreError) in tables = r.int(0) }
            } catch {
                guard error.kind == .notAStore else { throw error }
                throw StoreError(.notAStore, "\(path) is not a LEQ statement store (not an SQLite database, or damaged); give another --store")
            }
            if !fresh && (tables == 0 || appID != Store.applicationID) {
                throw StoreError(.notAStore, tables == 0
                    ? "\(path) is an empty SQLite database, not a LEQ statement store; LEQ makes a store only where no file is"
                    : "\(path) is another application's SQLite database, not a LEQ statement store; give another --store")
            }
            if userVersion > Int64(Store.migrations.count) {
                throw StoreError(.newerVersion, "\(path) was written by a newer LEQ (store schema \(userVersion), this LEQ knows up to \(Store.migrations.count)); update LEQ")
            }
            if fresh { try db.execute("PRAGMA application_id = \(Store.applicationID)") }
            for v in Int(userVersion)..<version {
                try db.execute(Store.migrations[v])
                if v + 1 == 3 { try Store.chainExisting(db) }
                try db.execute("PRAGMA user_version = \(v + 1)")
            }
        }
    }

    /// The schema version of the open file.
    public func version() throws(StoreError) -> Int {
        var v: Int64 = 0
        try db.query("PRAGMA user_version") { r throws(StoreError) in v = r.int(0) }
        return Int(v)
    }
}

// MARK: - What is stored

/// One input file of a finalised statement and its SHA-256.
public struct StoredInput: Sendable, Equatable {
    public var role: String
    public var path: String
    public var sha256: String

    public init(role: String, path: String, sha256: String) {
        self.role = role
        self.path = path
        self.sha256 = sha256
    }
}

/// A statement rendered in one format and language, as it is stored and shown.
public struct Rendering: Sendable, Equatable {
    public var format: String
    public var language: String
    public var bytes: [UInt8]

    public init(format: String, language: String, bytes: [UInt8]) {
        self.format = format
        self.language = language
        self.bytes = bytes
    }
}

/// A statement about to be finalised: the statement itself and its renderings.
public struct Finalisable: Sendable {
    public var statement: Statement
    public var renderings: [Rendering]

    public init(statement: Statement, renderings: [Rendering]) {
        self.statement = statement
        self.renderings = renderings
    }
}

/// A sign-off: who gave it and when.
public struct SignOff: Sendable, Equatable {
    /// The name, as registered (or as typed, before people were registered).
    public var by: String
    public var at: String
    /// The registered person's ID; nil for a sign-off given before people were registered.
    public var person: String? = nil
}

/// A finalised statement as the store lists it.
public struct StoredStatement: Sendable, Equatable {
    public var number: String
    public var provider: String
    public var month: Month
    public var agreement: String
    public var issued: String
    public var total: Money
    public var inputDigest: String
    public var finalizedBy: String
    public var finalizedAt: String
    public var certified: SignOff?
    public var approved: SignOff?

    /// Paid only once both sign-offs are given (SPEC § 15).
    public var payable: Bool { certified != nil && approved != nil }
}

/// A line of a finalised statement, as corrections compare it.
public struct StoredLine: Sendable, Equatable {
    public var caseID: String
    public var service: String
    public var fileReference: String
    public var kind: String
    public var amount: Money
    /// For a correction line: the statement it corrects and the kind it corrects.
    public var corrects: String?
    public var correctedKind: String?
}
