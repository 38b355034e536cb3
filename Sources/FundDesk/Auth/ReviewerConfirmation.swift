import FundCore
import Hummingbird

/// A second person's signature on an act done at someone else's desk: the reviewer (审核) of a
/// closing voucher, of its red-ink cancellation, of a subsidy's disbursement or of a book's
/// opening voucher types their own password beside their name.
///
/// Without it, anyone who may close a month could name any colleague as its reviewer, and the
/// book would record a review that person never did. The password is checked as a login is
/// (the same bcrypt check, the same count of failures and lock, one answer for an unknown name,
/// a wrong password and a locked user), but no session starts; the store then checks, as for
/// every review, that the reviewer is an officer of the organisation and not the preparer.
enum ReviewerConfirmation {
    /// What a refused confirmation says, whatever the reason.
    static let refusal = "审核人姓名或密码不正确（或该用户已被临时锁定），未执行本操作。请审核人本人在此输入自己的登录密码 [reviewer-not-confirmed]"

    /// The reviewer named in the form's `reviewer` field, once the password in
    /// `reviewer_password` is theirs; nil when no reviewer was named (the store then refuses
    /// with its own reason when the act needs one). Throws `DeskError.reviewerNotConfirmed`.
    static func confirm(_ form: FormData, desk: Desk) async throws -> String? {
        guard let name = form.trimmed("reviewer"), !name.isEmpty else { return nil }
        let user = String(name.prefix(100)), password = form["reviewer_password"] ?? ""
        let logins = desk.logins, now = desk.clock(), dummy = desk.dummyHash
        let attempt = try await Blocking.run { try logins.begin(user: user, now: now) }
        let hash = attempt.admitted ? (attempt.passwordHash ?? dummy) : dummy
        let matches = try await Blocking.hash { Passwords.verify(password, hash: hash) }
        guard attempt.admitted, attempt.passwordHash != nil, matches else {
            if attempt.admitted { try await Blocking.run { try logins.failed(user: user, now: now) } }
            throw DeskError.reviewerNotConfirmed
        }
        try await Blocking.run { try logins.confirmed(user: user) }
        return user
    }

    /// The fields of a form that names a reviewer: the name and the reviewer's own password;
    /// `required` where every such act needs a reviewer (a month without income or expense
    /// closes without a closing voucher, so without one).
    static func fields(required: Bool) -> String {
        let mark = required ? " required" : ""
        return "<label>审核人 <input name=\"reviewer\" size=\"8\" autocomplete=\"off\" placeholder=\"另一名财务人员\"\(mark)></label> "
            + "<label>审核人密码 <input name=\"reviewer_password\" type=\"password\" size=\"10\" autocomplete=\"off\" title=\"由审核人本人输入其登录密码\"\(mark)></label>"
    }
}
