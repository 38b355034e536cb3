import FundCore

extension SealKeyRefusal.KeyFileProblem {
    /// What is wrong with the key file, in Chinese.
    var chinese: String {
        switch self {
        case .missing: "该处没有文件"
        case .notAFile: "不是普通文件"
        case .unreadable: "无法读取（权限不足）"
        case let .wrongSize(bytes): "有 \(bytes) 字节，封印密钥须恰为 32 字节"
        case let .openToOthers(mode): "除所有者外他人可读写（权限 \(String(mode, radix: 8))），请执行 `chmod 600`"
        }
    }
}

extension SealKeyRefusal: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        let text = switch self {
        case let .keyRequired(path):
            "账套 \(path) 已用密钥封印，没有该密钥不能写入；请用 --key 路径 或 FUNDLEDGER_KEY 给出密钥文件（账套未作改动）"
        case let .wrongKey(keyFile):
            "密钥 \(keyFile) 不是本账套的封印密钥；请给出为本账套 `fundledger init --key` 生成的密钥文件（账套未作改动）"
        case let .bookNotKeyed(path):
            "账套 \(path) 未用密钥封印，给出的密钥不起作用；对本账套请不要使用 --key 或 FUNDLEDGER_KEY"
        case let .keyFileExists(path):
            "\(path) 已存在；密钥文件从不覆盖（否则用它加盖的封印将无法核验），请另选路径"
        case let .keyFileUnusable(path, problem):
            "\(path) 不能用作封印密钥：\(problem.chinese)"
        }
        return text + " [\(rule)]"
    }
}
