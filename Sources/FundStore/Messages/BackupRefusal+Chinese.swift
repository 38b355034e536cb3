import FundCore

extension BackupRefusal: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        let text = switch self {
        case let .wholeBookNeeded(user, roles):
            "\(user) 不能备份账套：备份是整个账套的副本，而 \(user) "
                + (roles.isEmpty ? "在本账套中没有角色" : "的角色是 " + roles.map(\.chinese).joined(separator: "、"))
                + "；备份需要账套管理员、覆盖全部单位的角色，或每个顶层工会的上级工会。"
                + "请改为备份您可以查阅的部分，即一个单位及其下属全部单位：`fundledger backup --org 单位 -o 文件`；或向账套管理员申请整个账套的备份"
        case let .backupMissing(path):
            "\(path) 没有备份文件；请给出 `fundledger backup -o` 写出的文件（未恢复任何内容）"
        case let .backupUnreadable(path):
            "备份 \(path) 无法读取（权限不足）；请让当前用户可读，或复制到可读的位置（未恢复任何内容）"
        case let .backupNotABook(path, reason):
            "\(path) 不是可读的 FundLedger 备份（\(reason.chinese)）；未恢复任何内容，账套未改变：请另给一个备份"
        case let .folderMissing(folder, file):
            "文件夹 \(folder) 不存在，无法在其中写 \(file)；请先建立文件夹，或选择已有文件夹中的文件"
        case let .folderNotWritable(folder, file):
            "文件夹 \(folder) 不可写（权限不足），而 \(file) 要通过其旁的临时文件写入；请让该文件夹可写，或另选文件夹"
        case let .strayLog(path):
            "\(path) 留在一个没有账套的路径旁（被移走或删除的账套的日志）；请先把它移开，以免混入恢复的账套"
        case let .partNotReadable(user, root, organization, roles):
            "\(user) 不能备份 \(root) 的部分账套：部分账套包含 \(root) 及其下属全部单位，而 \(user) 不能查阅 \(organization)（"
                + (roles.isEmpty ? "在本账套中没有角色" : "角色为 " + roles.map(\.chinese).joined(separator: "、"))
                + "）；请在 --org 中给出您能查阅其全部下属单位的单位（本单位，或您作为上级工会管辖的单位）"
        case let .partNotSelfContained(root, table, parent):
            "\(root) 的部分账套无法独立成套：表 \(table) 的一行引用了其外的表 \(parent) 中的行；未写出任何文件。请备份整个账套，或上一级单位的部分账套"
        case let .partFailsVerify(root, problems, first):
            "\(root) 的部分账套未通过校验（\(problems) 个问题，第一个：\(first.chinese)）；未写出任何文件。请对账套运行 `fundledger verify`"
        }
        return text + " [\(rule)]"
    }
}

extension NotABookReason {
    /// The reason in Chinese, as a message prints it in parentheses.
    public var chinese: String {
        switch self {
        case .noChart: "其中没有科目表"
        case .folder: "这是一个文件夹"
        case .noSchema: "其中没有 FundLedger 的数据结构；只有 `fundledger init` 能建立账套"
        case let .damaged(message): "文件已损坏或不是数据库：" + message
        case let .failsVerify(problems, first): "校验发现 \(problems) 个问题，第一个：\(first.chinese)"
        }
    }
}
