extension AuditInput {
    /// A finding's text in the audit's language: each rule of `AuditRules` states its finding in
    /// English and in Chinese side by side, with the same facts, so that neither can be added
    /// without the other.
    func say(_ english: String, _ chinese: String) -> String {
        switch language {
        case .english: english
        case .chinese: chinese
        }
    }
}
