import ArgumentParser
import Foundation
import FundDesk
import FundStore

extension UserCommand {
    /// `fundledger user password NAME`: sets a desk password, read from standard input.
    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Set a user's desk password (read from standard input; asked twice on a terminal).",
                                "设置用户的工作台密码（从标准输入读取；在终端上要求输入两次）。"),
            discussion: bilingual("""
                Only an administrator sets passwords, for users who hold a role. The book keeps a bcrypt hash \
                (cost \(Passwords.cost)), never the password; every login of the user ends and a lock is lifted. \
                Passwords have at least \(Passwords.minimumLength) characters and at most \(Passwords.maximumBytes) bytes.
                """, """
                只有管理员可以设置密码，且只为持有角色的用户设置。账套只保存 bcrypt 散列（成本 \(Passwords.cost)），\
                从不保存密码本身；设置后该用户的所有登录都会结束，锁定也随之解除。密码至少 \(Passwords.minimumLength) 个字符，\
                至多 \(Passwords.maximumBytes) 个字节。
                """))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("The user's name, as granted.", "用户姓名，与授权时相同。")) var name: String

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
