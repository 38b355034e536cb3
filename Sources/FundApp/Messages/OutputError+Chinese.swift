import FundCore
import FundXLSX

extension OutputError: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        let text = switch self {
        case let .isFolder(path):
            "\(path) 是一个文件夹；输出不会覆盖文件夹：请给出其中的文件，如 \(path)/文件名.xlsx"
        case let .isOpenBook(path, book):
            "\(path) 是正在使用的账套 \(book)（或其 -wal、-shm 文件）；输出不会覆盖正在使用的账套：请另选文件"
        case let .isBook(path):
            "\(path) 存有 FundLedger 账套（SQLite 数据库）；输出不会替换账套：请另选文件"
        case let .exists(path, kind):
            "\(path) 已存在；本命令只写新的\(kind)：请另选文件名"
        case let .notOfKind(path, kind):
            "\(path) 已存在且不是\(kind)；请另选文件，或给出 --force 替换它"
        case let .cannotCreateFolder(path, reason):
            "无法建立文件夹 \(path)：\(reason)"
        }
        return text + " [\(rule)]"
    }
}

extension XLSXError: LocalizedMessage {
    /// The Chinese text: which step of writing the workbook failed, in the library's words.
    public var chinese: String { "无法写出工作簿：\(operation) 失败：\(message) [xlsx]" }
}
