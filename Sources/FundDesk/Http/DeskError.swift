import FundCore
import FundStore
import HTTPTypes

/// Why the desk refuses a request before or beside the store: each answered with its status and
/// a Chinese page. Refusals of the store itself (`BookError`) keep their own message and map by
/// their `ErrorCategory`.
public enum DeskError: Error, Hashable, Sendable {
    /// The user may not read (or act on) this organisation.
    case forbidden(organization: String?)
    /// A form without the session's CSRF token, or with a wrong one.
    case csrfRefused
    /// No such page or record.
    case notFound
    /// A query or form field that cannot be read (a period that is not YYYY-MM).
    case badField(name: String, value: String)
    /// The reviewer named on a form did not confirm with their own password (`ReviewerConfirmation`).
    case reviewerNotConfirmed
    /// An upload larger than the desk reads (`MultipartForm.maximumBodyBytes`).
    case uploadTooLarge(limitBytes: Int)
    /// A `multipart/form-data` body that cannot be read as one.
    case uploadRefused(MultipartProblem)
    /// A form (not an upload) larger than the desk reads (`DeskContext.maxUploadSize`).
    case formTooLarge(limitBytes: Int)

    /// The HTTP status of the refusal.
    var status: HTTPResponse.Status {
        switch self {
        case .forbidden, .csrfRefused, .reviewerNotConfirmed: .forbidden
        case .notFound: .notFound
        case .badField, .uploadRefused: .badRequest
        case .uploadTooLarge, .formTooLarge: .contentTooLarge
        }
    }

    /// What the page says, in Chinese.
    var message: String {
        switch self {
        case let .forbidden(organization):
            organization.map { "您没有查看或处理 \($0) 账簿的权限。如需权限，请联系账套管理员。" } ?? "您没有执行此操作的权限。"
        case .csrfRefused: "表单已过期或来源不明，请刷新页面后重新提交。"
        case .notFound: "没有找到该页面或记录。"
        case let .badField(name, value): "无法识别的\(name)：\(value)"
        case .reviewerNotConfirmed: ReviewerConfirmation.refusal
        case let .uploadTooLarge(limit): "上传的文件过大：一次最多上传 \(limit >> 20) MB，未保存任何内容。请拆分文件（如按月）后分别上传。[upload-too-large]"
        case let .uploadRefused(problem): problem.chinese
        case let .formTooLarge(limit): "提交的内容过多：一次最多 \(limit >= 1 << 20 ? "\(limit >> 20) MB" : "\(limit >> 10) KB")，未保存任何内容。请分几次提交（如把很长的凭证分成几张）。[form-too-large]"
        }
    }
}

extension ErrorCategory {
    /// The status a refusal of this kind answers with.
    var status: HTTPResponse.Status {
        switch self {
        case .notFound: .notFound
        case .notPermitted: .forbidden
        case .conflict: .conflict
        case .invalidInput: .unprocessableContent
        case .storage: .serviceUnavailable
        }
    }
}
