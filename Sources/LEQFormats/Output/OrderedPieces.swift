import LEQCore

/// A document made in pieces and written in order: on all cores where there is more than one
/// piece of work, without ever holding the whole document (JSON, text, HTML and CSV statements).
enum OrderedPieces {
    /// Each piece made by `make` and handed to `write` in order; on all cores when `parallel`,
    /// at most `ahead` pieces made before the one handed over (so at most that many held).
    /// `write` is called on the calling thread, and sees each piece where it was made (valid for
    /// the call only). Buffers go back to `BufferPool` once written.
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

    /// The pieces made on all cores (`MadeAhead`), each worker taking the next piece when done
    /// with one, at most `ahead` made (or being made) before the one handed over; handed over in
    /// order as each is ready. (Made a batch at a time, the cores waited at the end of every batch
    /// for its largest piece: a million cases' month was written at 1.5 cores, not 2.)
    private static func overlapped<Piece>(_ pieces: [Piece], ahead: Int, make: (Piece) -> ByteBuffer,
                                          write: (UnsafeBufferPointer<UInt8>) -> Void) {
        withoutActuallyEscaping(make) { make in
            let work = Work(pieces: pieces, make: make)
            let made = MadeAhead(count: pieces.count, ahead: ahead) { work.make(work.pieces[$0]) }
            // The workers call `make` until they stop: stopped before it goes.
            defer { made.stop() }
            for i in 0..<pieces.count {
                let buffer = made.take(i)
                if buffer.count > 0 { buffer.withBytes(write) }
                BufferPool.shared.give(buffer)
            }
        }
    }

    /// What the workers share: the pieces and how to make one (read only; `make` is called for
    /// one piece by one worker).
    private struct Work<Piece>: @unchecked Sendable {
        let pieces: [Piece]
        let make: (Piece) -> ByteBuffer
    }
}

extension OrderedPieces {
    /// The bytes a document's writer hands over, collected whole: for those who want the
    /// document as one value (the store, tests), from the same writer that streams it.
    static func collect(_ render: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void) -> [UInt8] {
        var all: [UInt8] = []
        render { all.append(contentsOf: $0) }
        return all
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
