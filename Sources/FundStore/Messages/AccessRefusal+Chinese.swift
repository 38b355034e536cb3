import FundCore

extension AccessRefusal: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case .administratorForOneOrganization:
            "账套管理员的角色覆盖整个账套，不针对某一单位；授予 admin 时请不要给 --org [bad-role]"
        case let .roleNeedsOrganization(role):
            "\(role.chinese)（\(role.rawValue)）角色针对某一单位；请给出 --org [bad-role]"
        case let .lastAdministrator(user):
            "\(user) 是本账套最后一位管理员；请先把 admin 授予他人 [bad-role]"
        case let .noSuchRole(grant):
            "\(grant.user) 没有角色 \(grant.chinese) [bad-role]"
        case .emptyName:
            "授予角色需要用户姓名；请给出其操作时所用的姓名（--as） [bad-role]"
        case let .noRoleForPassword(user):
            "\(user) 没有任何角色；请先授予角色，再设置登录密码 [bad-role]"
        case let .noDeskPassword(user):
            "\(user) 尚未设置登录密码，无需解除锁定；请先用 `fundledger user password` 设置密码 [bad-role]"
        case let .committeeRoleFromMembership(user, organization):
            "经审会委员角色只能随经审会席位取得；请将 \(user) 增补为委员（`fundledger committee add-member --org \(organization ?? "代码") --name \(user)`），不能直接授予 [committee-role-from-membership]"
        case let .memberCannotBeOfficer(user, organizations):
            "\(user) 是 \(organizations.joined(separator: "、")) 的经审会委员，不得兼任该单位财务人员（独立性） [committee-independence]"
        }
    }
}
