import Foundation
import FundTesting
import Testing

/// The README's examples run as written: every block of `fundledger` commands, in order, against
/// one new book in an empty folder that holds a copy of ledgers/demo/, each command exiting 0.
@Suite struct ReadmeTests {
    /// One command of a block: its environment assignments and its arguments after `fundledger`.
    struct Command {
        let line: String
        let environment: [String: String]
        let arguments: [String]
    }

    /// The README's command blocks: fenced blocks whose every line is a `fundledger` command
    /// (after optional `NAME=value` assignments). A trailing `\\` continues a line.
    static func blocks(_ readme: String) -> [[Command]] {
        var blocks: [[String]] = [], current: [String]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let block = current { blocks.append(block); current = nil } else { current = [] }
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks.compactMap { lines in
            var joined: [String] = [], pending = ""
            for line in lines {
                if line.hasSuffix("\\") { pending += line.dropLast() + " "; continue }
                joined.append(pending + line)
                pending = ""
            }
            let commands = joined.filter { !$0.allSatisfy(\.isWhitespace) }.map(parse)
            return !commands.isEmpty && commands.allSatisfy({ $0 != nil }) ? commands.compactMap { $0 } : nil
        }
    }

    /// A command line split into words as a shell would for these examples (double quotes group;
    /// a word starting with `#` starts a comment, so `'#12'` is quoted), or nil when it is not a
    /// `fundledger` command.
    static func parse(_ line: String) -> Command? {
        var words: [String] = [], word = "", quoted = false, inWord = false
        for character in line {
            if character == "\"" { quoted.toggle(); inWord = true; continue }
            if character == "#" && !quoted && !inWord { break }
            if character.isWhitespace && !quoted {
                if inWord { words.append(word); word = ""; inWord = false }
                continue
            }
            word.append(character)
            inWord = true
        }
        if inWord { words.append(word) }
        var environment: [String: String] = [:]
        while let first = words.first, let equals = first.firstIndex(of: "="), first.first?.isUppercase == true {
            environment[String(first[..<equals])] = String(first[first.index(after: equals)...])
            words.removeFirst()
        }
        guard words.first == "fundledger" else { return nil }
        return Command(line: line, environment: environment, arguments: Array(words.dropFirst()))
    }

    @Test func theReadmesCommandBlocksRunAsWritten() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = Self.blocks(readme)
        #expect(blocks.count >= 2, "the README has \(blocks.count) command blocks")
        let folder = try CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/ledgers", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("ledgers/demo").path, toPath: folder + "/ledgers/demo")
        let environment = ["FUNDLEDGER_BOOK": folder + "/book.sqlite", "FUNDLEDGER_USER": "管理员", "FUNDLEDGER_NO_PROGRESS": "1"]
        for command in blocks.joined() {
            let result = try CLI.run(command.arguments, environment: environment.merging(command.environment) { $1 }, directory: folder)
            #expect(result.status == 0, "\(command.line)\n\(result.stderr)")
        }
        // The examples wrote their files into the folder, not into the repository.
        #expect(FileManager.default.fileExists(atPath: folder + "/exports/科目余额表.xlsx"))
        #expect(FileManager.default.fileExists(atPath: folder + "/FED-01.journal"))
    }

    @Test func theParserReadsTheExamplesAsAShellWould() {
        let command = Self.parse(#"FUNDLEDGER_USER=陈静 fundledger review resolve 5 --text "已核对""#)
        #expect(command?.environment == ["FUNDLEDGER_USER": "陈静"])
        #expect(command?.arguments == ["review", "resolve", "5", "--text", "已核对"])
        #expect(Self.parse("make demo") == nil)
        let blocks = Self.blocks("```\nfundledger init   # note\nfundledger org add --code A \\\n    --name B\n```\n```\nmake test\n```\n")
        #expect(blocks.count == 1 && blocks[0].map(\.arguments) == [["init"], ["org", "add", "--code", "A", "--name", "B"]])
    }
}
