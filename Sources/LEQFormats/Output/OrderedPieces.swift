import Dispatch
import Synchronization
import LEQCore

/// A document made in pieces and written in order: on all cores where there is more than one
/// piece of work, without ever holding the whole document (JSON, text, HTML and CSV statements).
enum OrderedPieces {
    /// Each piece made by `make` and handed to `write` in order; on all cores when `parallel`,
    /// at most `ahead` pieces made before the one handed over (so at most that many held).
    /// `write` may be called on another thread, never on two at once, and sees each piece where
    /// it was made (valid for the call only). Buffers go back to `BufferPool` once written.
    static func write<Piece>(_ pieces: [Piece], parallel: Bool, ahead: Int, make: (Piece) -> ByteBuffer,
                             write: (UnsafeBufferPointer<UInt8>) -> Void) {
        if parallel && pieces.count > 1 {
            overlapped(pieces, ahead: ahead, make: make, write: write)
            return
        }
        for piece in pieces {
            let made = make(piece)
            if made.count > 0 { made.withBytes(write) }
            BufferPool.shared.give(made)
        }
    }

    /// The pieces made on all cores, each worker taking the next piece when done with one, at
    /// most `ahead` pieces made (or being made) before the one handed over; handed over in order
    /// by a thread of their own as each is ready. (Made a batch at a time, the cores waited at
    /// the end of every batch for its largest piece: a million cases' month was written at 1.5
    /// cores, not 2.)
    private static func overlapped<Piece>(_ pieces: [Piece], ahead: Int, make: (Piece) -> ByteBuffer,
                                                write: (UnsafeBufferPointer<UInt8>) -> Void) {
        withoutActuallyEscaping(make) { make in
            withoutActuallyEscaping(write) { write in
                let line = PieceLine(count: pieces.count, ahead: ahead)
                let work = Work(pieces: pieces, make: make, write: write)
                let handedOver = DispatchGroup()
                DispatchQueue(label: "leq.statements.write").async(group: handedOver) {
                    for i in 0..<work.pieces.count {
                        let made = line.take(i)
                        if made.count > 0 { made.withBytes(work.write) }
                        BufferPool.shared.give(made)
                    }
                }
                // As many workers as the system runs at once (the rest find no piece left).
                DispatchQueue.concurrentPerform(iterations: 64) { _ in
                    while let i = line.next() { line.put(work.make(work.pieces[i]), at: i) }
                }
                handedOver.wait()
            }
        }
    }

    /// What the workers and the writing thread share: the pieces and what to do with them; `write`
    /// is called by the writing thread alone, and returns before `overlapped` does.
    private struct Work<Piece>: @unchecked Sendable {
        let pieces: [Piece]
        let make: (Piece) -> ByteBuffer
        let write: (UnsafeBufferPointer<UInt8>) -> Void
    }

    /// Pieces on their way from the workers to the writing thread, in order: a worker takes the
    /// next piece once fewer than `ahead` are made and not yet handed over (so the first of those
    /// is always being made or ready, and the writer never waits for a worker that waits for it).
    private final class PieceLine: @unchecked Sendable {
        private let room: DispatchSemaphore
        private let ready: [DispatchSemaphore]
        private let made: UnsafeMutablePointer<ByteBuffer?>
        private let count: Int
        private let taken = Atomic<Int>(0)

        init(count: Int, ahead: Int) {
            self.count = count
            room = DispatchSemaphore(value: ahead)
            ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
            made = .allocate(capacity: count)
            made.initialize(repeating: nil, count: count)
        }

        deinit {
            made.deinitialize(count: count)
            made.deallocate()
        }

        /// The next piece to make, once there is room for it; nil when all are taken.
        func next() -> Int? {
            guard taken.load(ordering: .relaxed) < count else { return nil }
            room.wait()
            let i = taken.add(1, ordering: .relaxed).oldValue
            guard i < count else {
                room.signal()
                return nil
            }
            return i
        }

        /// Piece `i`, made.
        func put(_ buffer: ByteBuffer, at i: Int) {
            made[i] = buffer
            ready[i].signal()
        }

        /// Piece `i` once it is made; its place is then free for another.
        func take(_ i: Int) -> ByteBuffer {
            ready[i].wait()
            let buffer = made[i]!
            made[i] = nil
            room.signal()
            return buffer
        }
    }
}

extension ByteBuffer {
    /// A buffer (kept, else new) holding `text`'s bytes: a piece of a document made as a string.
    static func pooled(_ text: String) -> ByteBuffer {
        let buffer = BufferPool.shared.take(capacity: text.utf8.count)
        text.withUTF8InPlace { buffer.append($0) }
        return buffer
    }

    /// The same for bytes.
    static func pooled(_ bytes: [UInt8]) -> ByteBuffer {
        let buffer = BufferPool.shared.take(capacity: bytes.count)
        bytes.withUnsafeBufferPointer { buffer.append($0) }
        return buffer
    }
}
