import ArgumentParser
import Foundation
import FundDesk
import FundStore

extension UserCommand {
    /// `fundledger user password NAME`: sets a desk password, read from standard input.
    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a user's desk password (read from standard input; asked twice on a terminal).",
            discussion: """
                Only an administrator sets passwords, for users who hold a role. The book keeps a bcrypt hash \
                (cost \(Passwords.cost)), never the password; every login of the user ends and a lock is lifted. \
                Passwords have at least \(Passwords.minimumLength) characters and at most \(Passwords.maximumBytes) bytes.
                """)
        @OptionGroup var options: BookOptions
        @Argument(help: "The user's name, as granted.") var name: String

        func run() throws {
            try reporting {
                let password: String
                if isatty(STDIN_FILENO) == 1 {
                    let first = try Self.readHidden("New desk password for \(name): ")
                    let second = try Self.readHidden("Again: ")
                    guard first == second else {
                        note("error: " + Passwords.Problem.mismatch.description)
                        throw ExitCode(1)
                    }
                    password = first
                } else {
                    password = readLine(strippingNewline: true) ?? ""
                }
                if let problem = Passwords.problem(password) {
                    note("error: " + problem.description)
                    throw ExitCode(1)
                }
                let session = try options.open()
                try session.access.setDeskPassword(user: name, passwordHash: Passwords.hash(password))
                emit("\(name) has a new desk password\n")
            }
        }

        /// Reads a line from the terminal without echoing it.
        static func readHidden(_ prompt: String) throws -> String {
            FileHandle.standardError.write(Data(prompt.utf8))
            var saved = termios()
            tcgetattr(STDIN_FILENO, &saved)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
            defer {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
            return readLine(strippingNewline: true) ?? ""
        }
    }
}
