import ArgumentParser
import FundApp
import FundStore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the whole book to one self-contained file, consistently even while others write, and print its SHA-256.")
    @OptionGroup var options: BookOptions
    @Option(name: .shortAndLong, help: "The backup file to create.") var output: String

    func run() throws {
        try reporting {
            try OutputTarget.prepare(output, kind: .book, protecting: [options.book])
            let copy = try options.openReading().backups.backup(to: output)
            say(.backedUp(book: options.book, output: output))
            say(.backupHash(sha256: copy.sha256, output: output))
        }
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put a backup in place of the book, only if it passes verify; the backup is never written to, and the replaced book is kept whole beside it.")
    @OptionGroup var options: BookOptions
    @Argument(help: "The backup file.") var file: String

    func run() throws {
        try reporting {
            let restoration = try BackupService.restore(from: file, to: options.book, as: options.user)
            say(.restored(book: options.book, file: file, vouchers: restoration.verified.vouchers))
            if let kept = restoration.replaced { say(.replacedKept(path: kept)) }
        }
    }
}
