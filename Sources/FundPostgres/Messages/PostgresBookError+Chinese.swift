import FundCore
import FundStore

extension PostgresBookError: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        if case let .refused(failure) = self { return BookError.storage(failure).chinese }
        let text = switch self {
        case let .address(problem) where problem.variable != nil:
            "\(problem.chinese)；请改正或取消设置 \(problem.variable ?? "")，或在地址中写明这一部分"
        case let .address(problem):
            "账套地址无法识别：\(problem.chinese)；请写成 postgresql://用户[:密码]@主机:端口/数据库[?sslmode=模式][&sslrootcert=文件][&sslcert=文件&sslkey=文件[&sslpassword=口令]]"
        case let .sslModeUnknown(mode):
            "不支持 sslmode=\(mode)；请用 disable、allow、prefer（默认）、require、verify-ca 或 verify-full"
        case let .tlsNotOffered(location):
            "\(location) 的 PostgreSQL 服务器不提供 TLS 加密连接，而地址中的 sslmode 要求加密；请在服务器的 postgresql.conf 中开启 ssl，只有在可信的网络上才可改用 sslmode=disable"
        case let .tlsRootCertificate(path, problem):
            "无法从 \(path) 读取受信任的证书颁发机构（\(problem.chinese)）；请用 sslrootcert=文件 给出签发服务器证书的机构证书，或用 sslrootcert=system 采用系统信任的根证书"
        case let .tlsClientCertificate(path, problem):
            "无法使用客户端证书 \(path)（\(problem.chinese)）；请用 sslcert=文件 给出服务器所信任的机构为该用户签发的证书"
        case let .tlsClientKey(path, problem):
            "无法使用客户端证书的私钥 \(path)（\(problem.chinese)）；请修正该文件，或用 sslkey=文件 给出与 sslcert 配对的私钥"
        case let .passwordMissing(location, user, file):
            "\(location) 的 PostgreSQL 服务器要求用户 \(user) 的密码，但没有找到：地址中没有，PGPASSWORD 未设置，\(file.chinese)；请在密码文件中加一行 主机:端口:数据库:用户:密码（文件权限 600）"
        case let .tlsHandshakeFailed(location, reason):
            "与 \(location) 建立 TLS 加密连接失败（\(reason.chineseHandshakeReason)）；请检查服务器证书是否由 sslrootcert 中的机构签发、是否写明地址中的主机名（verify-full）、是否已过期"
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
        case .missingUser: "@ 之前没有用户名，也没有设置 PGUSER"
        case .missingHost: "没有主机名，也没有设置 PGHOST（不读取 PGHOSTADDR 和 PGSERVICE）"
        case .badHost: "主机不是主机名或 IP 地址"
        case let .badPort(port): "端口 \(port) 不是 1 至 65535 之间的数"
        case .missingDatabase: "主机之后没有数据库名，也没有设置 PGDATABASE"
        case .badDatabase: "数据库名中含有 /"
        case let .badEscape(part): "\(part.chinese)中的 % 转义不是有效的 UTF-8"
        case let .unknownParameter(name): "不支持参数 \(name)（只支持 sslmode、sslrootcert、sslcert、sslkey 和 sslpassword；密码写在 @ 之前，或放在 PGPASSWORD 或 ~/.pgpass 中）"
        case let .repeatedParameter(name): "参数 \(name) 出现了不止一次"
        case let .emptyParameter(name): "参数 \(name) 是空的"
        case .clientCertificateWithoutTLS: "sslcert、sslkey 和 sslpassword 需要 TLS 加密连接，而 sslmode=disable（地址中或 PGSSLMODE）关闭了加密"
        case .unescapedUserInformation: "@ 出现在主机之后：用户名或密码中的 /、? 或 # 须用百分号转义，写成 %2F、%3F 和 %23；主机之后的 @ 须写成 %40"
        case let .environment(variable, value):
            "地址中未写的部分取自环境变量 \(variable)，而它的值 \(value) 不是\(Self.chineseExpected(variable))"
        }
    }

    /// What a value of the environment variable `variable` must be, in Chinese.
    static func chineseExpected(_ variable: String) -> String {
        switch variable {
        case "PGHOST": "主机名或 IP 地址（只能一个主机；不支持 Unix 套接字目录）"
        case "PGPORT": "介于 1 至 65535 之间的端口号"
        default: "disable、allow、prefer、require、verify-ca、verify-full 之一"
        }
    }
}

extension PostgresBookError.RootCertificateProblem {
    var chinese: String {
        switch self {
        case .missing: "文件不存在"
        case .unreadable: "文件无法读取"
        case .notPEM: "其中没有 PEM 格式的证书"
        case .unusable: "TLS 程序库不接受其中的证书"
        }
    }
}

extension PostgresBookError.ClientFileProblem {
    var chinese: String {
        switch self {
        case .missing: "文件不存在"
        case .unreadable: "文件无法读取"
        case let .readableByOthers(mode): "同组或其他用户可以访问它（权限 \(mode)）；请改为只有属主可读：chmod 600"
        case .encrypted: "它用口令加密，而地址中没有给出口令；请用 sslpassword=口令 给出，或以解密后的形式保存，权限 600"
        case .passphraseRefused: "sslpassword 给出的口令无法解密它（或 TLS 程序库不支持其加密方式：请用 openssl pkcs8 -topk8 -v2 aes-256-cbc 重新加密）"
        case .passphraseNotASCII: "sslpassword 给出的口令含有 ASCII 以外的字符，TLS 程序库无法使用；请用只含 ASCII 字符的口令重新加密私钥（openssl pkcs8 -topk8）"
        case .notPEM: "其中没有 PEM 格式的证书或私钥"
        case .unusable: "TLS 程序库不接受这一证书与私钥；请检查二者是否配对"
        }
    }
}

extension PostgresBookError.PasswordFileOutcome {
    var chinese: String {
        switch self {
        case let .absent(path): "没有 \(path)"
        case let .noLine(path): "\(path) 中没有与该主机、端口、数据库和用户相符的行"
        case let .readableByOthers(path, mode): "\(path) 未被读取，因为同组或其他用户可以访问它（权限 \(mode)）；请执行 chmod 600 \(path)"
        case let .emptyPassword(path): "\(path) 中与该主机、端口、数据库和用户相符的行密码为空"
        case let .unreadable(path): "\(path) 无法读取"
        }
    }
}

extension PostgresBookError.EscapedPart {
    var chinese: String {
        switch self {
        case .user: "用户名"
        case .password: "密码"
        case .database: "数据库名"
        case .parameter: "参数值"
        }
    }
}

extension String {
    /// A handshake's reason codes, with the commonest explained in Chinese.
    var chineseHandshakeReason: String {
        switch self {
        case "CERTIFICATE_VERIFY_FAILED": "服务器证书未通过校验 CERTIFICATE_VERIFY_FAILED"
        case "the certificate does not name the host": "服务器证书上没有地址中的主机名"
        case "the handshake did not complete": "握手未完成"
        default: self
        }
    }
}
