import FundCore
import FundStore

extension PostgresBookError: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        if case let .refused(failure) = self { return BookError.storage(failure).chinese }
        let text = switch self {
        case let .address(problem):
            "账套地址无法识别：\(problem.chinese)；请写成 postgresql://用户[:密码]@主机:端口/数据库[?sslmode=disable]"
        case let .sslModeNotSupported(mode):
            "暂不支持 sslmode=\(mode)：本版本连接 PostgreSQL 只能不加密（TLS 尚未支持）；请在内网或本机隧道上用 sslmode=disable，或省略 sslmode"
        case let .unreachable(location, reason):
            "无法连接 \(location) 的 PostgreSQL 服务器（\(reason)）；请检查主机、端口以及服务器是否在运行"
        case let .loginRefused(location, user, reason):
            "\(location) 的 PostgreSQL 服务器拒绝了用户 \(user) 的登录（\(reason)）；请检查用户名和密码，或服务器的 pg_hba.conf"
        case let .databaseMissing(location):
            "\(location) 所指的数据库不存在；请先建立数据库（createdb），再重新运行本命令"
        case let .server(sqlState, message):
            "PostgreSQL 服务器拒绝了操作（SQLSTATE \(sqlState)）：\(message)"
        case .refused: ""
        case let .connectionLost(location):
            "与 \(location) 的连接中断；未完成的事务没有留下任何内容，请重新运行本命令"
        case let .targetNotEmpty(location, tables):
            "\(location) 不是空的（其中已有 \(tables.prefix(5).joined(separator: "、"))\(tables.count > 5 ? "等" : "")）：复制只写入新的空账套，绝不覆盖已有账套；请另给一个新的数据库或文件"
        case let .schemaTooNew(location, migration):
            "\(location) 中是更新版本 FundLedger 的账套（迁移 \(migration)）；请使用该版本"
        case let .tableUnknown(table):
            "源账套中有本版本不认识的表 \(table)：它是更新版本的账套；请用该版本复制"
        case let .valueNotCopyable(table, column, row, reason):
            "\(table).\(column)（\(row)）中的值无法复制：\(reason)；未写入任何内容"
        case let .copyMismatch(table, source, target):
            "复制后从目标读回的表 \(table)（\(target) 行）与源账套的 \(source) 行不一致；未保留任何内容"
        case let .schemaMismatch(table, detail):
            "两个账套的数据结构在表 \(table) 处不一致（\(detail)）：本版本的 SQLite 与 PostgreSQL 迁移不相符；未写入任何内容"
        case let .sourceFailsVerify(problems, first):
            "源账套校验发现 \(problems) 个问题，第一个：\(first.chinese)；只有校验无误的账套才能复制，未写入任何内容"
        case let .sameEngine(postgres):
            postgres ? "两个账套都在 PostgreSQL 中：请用 pg_dump 和 pg_restore 复制数据库" : "两个账套都是 SQLite 文件：请用 `fundledger backup -o 文件` 复制"
        case let .noBook(location):
            "\(location) 中没有 FundLedger 账套（没有 fundledger_migrations 表）；请给出复制过账套的数据库"
        }
        return text + " [\(rule)]"
    }
}

extension PostgresBookError.AddressProblem {
    /// What is wrong with the URL, in Chinese.
    public var chinese: String {
        switch self {
        case .notPostgreSQL: "它不是以 postgresql:// 或 postgres:// 开头"
        case .missingUser: "@ 之前没有用户名"
        case .missingHost: "没有主机名"
        case .badHost: "主机不是主机名或 IP 地址"
        case let .badPort(port): "端口 \(port) 不是 1 至 65535 之间的数"
        case .missingDatabase: "主机之后没有数据库名"
        case .badDatabase: "数据库名中含有 /"
        case let .badEscape(part): "\(part.chinese)中的 % 转义不是有效的 UTF-8"
        case let .unknownParameter(name): "不支持参数 \(name)（只支持 sslmode=disable）"
        }
    }
}

extension PostgresBookError.EscapedPart {
    var chinese: String {
        switch self {
        case .user: "用户名"
        case .password: "密码"
        case .database: "数据库名"
        }
    }
}
