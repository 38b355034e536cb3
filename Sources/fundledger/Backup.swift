import ArgumentParser
import FundApp
import FundStore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Copy the book consistently, even while others write (SQLite online backup).")
    @OptionGroup var options: BookOptions
    @Option(name: .shortAndLong, help: "The backup file to create.") var output: String

    func run() throws {
        try reporting {
            try OutputTarget.prepare(output, kind: .book, protecting: [options.book])
            try options.openReading().backups.backup(to: output)
            emit("backed up \(options.book) to \(output)\n")
        }
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put a backup in place of the book, only if it passes verify; the replaced book is kept beside it.")
    @OptionGroup var options: BookOptions
    @Argument(help: "The backup file.") var file: String

    func run() throws {
        try reporting {
            let report = try BackupService.restore(from: file, to: options.book, as: options.user)
            emit("restored \(options.book) from \(file): \(report.vouchers) posted vouchers verified\n")
        }
    }
}
