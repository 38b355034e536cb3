import Foundation
import FundTesting
import Testing

/// The keyed seal and the anchors at the command line: every refusal of a key, and `verify
/// --anchors` naming a chain cut short, as a golden transcript (paths and hashes replaced).
@Suite struct SealKeyCommandTests {
    @Test func keyRefusalsAndAnchorsAtTheCommandLine() throws {
        let folder = try CLI.temporaryFolder()
        let book = folder + "/book.sqlite", key = folder + "/book.key", other = folder + "/other.key"
        var transcript = ""
        func step(_ arguments: [String], environment: [String: String] = [:]) throws -> CLI.Result {
            let result = try CLI.run(arguments + ["--book", book], environment: environment)
            transcript += "$ fundledger " + arguments.joined(separator: " ") + "\n" + result.stdout + result.stderr + "[exit \(result.status)]\n\n"
            return result
        }
        #expect(try step(["init", "--key", key]).status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int == 0o600)
        #expect(try step(["init", "--key", key]).status == 1)
        #expect(try step(["org", "add", "--code", "CTY-01", "--name", "某某县总工会", "--level", "county"]).status == 1)
        #expect(try step(["org", "add", "--code", "CTY-01", "--name", "某某县总工会", "--level", "county", "--key", key]).status == 0)
        #expect(try step(["user", "grant", "测试员", "officer", "--org", "CTY-01", "--key", key]).status == 0)
        #expect(try step(["close", "--org", "CTY-01", "--period", "2026-01", "--key", key]).status == 0)
        #expect(try step(["export", "trial-balance", "--org", "CTY-01", "--year", "2026", "-o", folder + "/tb.xlsx"]).status == 0)
        _ = try CLI.run(["init", "--book", folder + "/other.sqlite", "--key", other])
        #expect(try step(["user", "grant", "王芳", "officer"], environment: ["FUNDLEDGER_KEY": other]).status == 1)
        try Data(count: 31).write(to: URL(fileURLWithPath: folder + "/short.key"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder + "/short.key")
        #expect(try step(["user", "grant", "王芳", "officer", "--key", folder + "/short.key"]).status == 1)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
        #expect(try step(["user", "grant", "王芳", "officer", "--key", key]).status == 1)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key)
        #expect(try step(["user", "grant", "王芳", "officer", "--key", key]).status == 0)
        let anchors = try step(["verify", "--key", key])
        #expect(anchors.status == 0)
        try anchors.stdout.write(toFile: folder + "/anchors.txt", atomically: true, encoding: .utf8)
        #expect(try step(["verify", "--anchors", folder + "/anchors.txt"]).status == 0)
        #expect(try step(["verify", "--anchors", key]).status == 1)
        #expect(try step(["verify", "--anchors", folder + "/tb.xlsx"]).status == 0)
        // Cut the book's own chain short: its last event and the grant it made.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
                db.execute(f'DROP TRIGGER "{name}"')
            db.execute("DELETE FROM event WHERE id = (SELECT max(id) FROM event)")
            db.execute("DELETE FROM user_role WHERE user = '王芳'")
            db.commit()
            """, book]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(try step(["verify", "--anchors", folder + "/anchors.txt"]).status == 1)
        Golden.assert(transcript.replacingOccurrences(of: folder, with: "<folder>")
                          .replacing(#/[0-9a-f]{64}/#, with: "<hash>").replacing(#/\(key id [0-9a-f]{16}…\)/#, with: "(key id <id>)").replacing(#/（密钥编号 [0-9a-f]{16}…）/#, with: "（密钥编号 <id>）"),
                      "Tests/fundledgerTests/Golden/seal-key.txt")
    }
}
