import Foundation
import FundCore

/// A journal file read and parsed on a thread of its own while the import checks and writes the
/// entries already parsed: the parsing runs on a second core beside the writer. Entries come in
/// file order, in batches through a bounded queue, so memory stays flat whatever the file's
/// size; a problem of the text (a line that does not parse, a bad encoding) comes after every
/// entry before it, where reading the file in line with the writer would meet it.
final class JournalFeed: @unchecked Sendable {
    /// Entries in file order, then, in the last batch, the problem that ended the reading.
    struct Batch {
        var entries: [JournalEntry] = []
        /// The bytes of the file read once these entries were parsed (for progress).
        var bytesRead: Int64 = 0
        /// The problem that stopped the reading, after the entries.
        var failure: InputError?
    }

    /// Entries per batch, and batches the queue holds at most: a few hundred kilobytes.
    static let batchEntries = 256
    static let queuedBatches = 8

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [Batch] = []
    private var cancelled = false
    private var readingDone = false
    // Used by the reading thread only, once started.
    private var reader: LineReader
    private var parser: JournalParser

    init(reader: LineReader, parser: JournalParser) {
        self.reader = reader
        self.parser = parser
    }

    /// Starts reading on a thread of its own. Pair with `stop`.
    func start() {
        let thread = Thread { [self] in read() }
        thread.name = "journal-feed"
        thread.start()
    }

    /// The next batch in file order, waiting for it; nil once the last one was taken.
    func next() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            if readingDone { return nil }
            condition.wait()
        }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Stops the reading and waits until the thread has left the file, which its owner may
    /// then close. The batches not taken are dropped.
    func stop() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        while !readingDone { condition.wait() }
        condition.unlock()
    }

    private func read() {
        var batch = Batch()
        do throws(InputError) {
            while let line = try reader.next() {
                guard let entry = try parser.feed(line, line: reader.lineNumber) else { continue }
                batch.entries.append(entry)
                if batch.entries.count >= Self.batchEntries {
                    batch.bytesRead = reader.bytesRead
                    guard hand(batch) else { return finishReading() }
                    batch = Batch()
                }
            }
            if let entry = try parser.finish() { batch.entries.append(entry) }
        } catch {
            batch.failure = error
        }
        batch.bytesRead = reader.bytesRead
        _ = hand(batch)
        finishReading()
    }

    /// Queues a batch once there is room; false when the import stopped listening.
    private func hand(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.queuedBatches && !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    private func finishReading() {
        condition.lock()
        readingDone = true
        condition.broadcast()
        condition.unlock()
    }
}
