import ArgumentParser
import FundApp
import FundStore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Copy the whole book to one self-contained file, consistently even while others write, and print its SHA-256.", "把整个账套复制为一个独立文件（他人写入时也保持一致），并打印其 SHA-256。"))
    @OptionGroup var options: BookOptions
    @Option(name: .shortAndLong, help: bilingual("The backup file to create.", "要建立的备份文件。")) var output: String

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
        abstract: bilingual("Put a backup in place of the book, only if it passes verify; the backup is never written to, and the replaced book is kept whole beside it.", "用备份替换账套，仅当备份通过校验；备份文件不会被改写，被替换的账套完整保留在旁边。"))
    @OptionGroup var options: BookOptions
    @Argument(help: bilingual("The backup file.", "备份文件。")) var file: String

    func run() throws {
        try reporting {
            let restoration = try BackupService.restore(from: file, to: options.book, as: options.user)
            say(.restored(book: options.book, file: file, vouchers: restoration.verified.vouchers))
            if let kept = restoration.replaced { say(.replacedKept(path: kept)) }
        }
    }
}
