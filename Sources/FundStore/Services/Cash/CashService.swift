import FundCore

/// Cash and bank (库存现金, 银行存款): the organisation's setting for a bank account left in credit,
/// and the warnings a posting that only warns gives. The refusals themselves are made in the one
/// posting path (`SQLiteStorage.checkCash`), whatever posts the voucher.
public struct CashService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Whether a posting that leaves 102 in credit is refused (`refuse`) or only warned of
    /// (`warn`, the default) in `organization`.
    public func bankCreditMode(organization: String) throws -> BankCreditMode {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.bankCreditMode(organizationID: try storage.organizationID(organization))
        }
    }

    /// Sets whether a posting that leaves 102 in credit is refused. The organisation's finance
    /// officers keep this setting; it is sealed in its event chain.
    public func setBankCreditMode(organization: String, _ mode: BankCreditMode) throws {
        try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            try storage.setBankCreditMode(organizationID: try storage.organizationID(organization),
                                          BankCreditSetting(mode: mode, setAt: Store.now(), setBy: user))
        }
    }

    /// The cash and bank accounts a posted voucher leaves in credit on its date or later (for an
    /// organisation that warns of 102 in credit: the warnings to give after posting).
    public func shortfalls(voucherID: Int64) throws -> [CashShortfall] {
        try reading { storage in
            let voucher = try storage.voucher(id: voucherID)
            try authorize(storage, .read, organization: voucher.draft.organization)
            return try storage.cashShortfalls(voucherID: voucherID)
        }
    }
}

extension CashService {
    /// What the 现金日记账 (`.cash`) or 银行存款日记账 (`.bank`) of `year` is made of: each account's
    /// net balance before the year, and the year's posted lines on 101 (102) and its details.
    public func journal(organization: String, kind: CashAccountKind, year: Int) throws -> (opening: [String: Int64], lines: [CashJournalLine]) {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            let opening = try storage.openingNets(organizationID: organizationID, before: year * 100 + 1)
            return (opening, try storage.cashJournalLines(organizationID: organizationID, kind: kind, year: year))
        }
    }
}

extension CashService {
    /// Confirms, as the session's user, that the voucher's money was received or paid (出纳确认):
    /// the user is a cashier of its organisation, the voucher has a 101 or 102 line and has been
    /// reviewed, the user did not review it, and it has no confirmation yet.
    @discardableResult
    public func confirm(voucherID: Int64) throws -> CashConfirmation {
        try writing { storage in
            let voucher = try storage.voucher(id: voucherID)
            try authorize(storage, .cashierWork, organization: voucher.draft.organization)
            guard CashRules.movesCash(voucher.draft.lines) else { throw BookError.cash(.notACashVoucher(voucher: voucher.label)) }
            guard voucher.status != .draft else { throw BookError.cash(.confirmUnreviewed(voucher: voucher.label)) }
            if voucher.reviewer == user { throw BookError.cash(.cashierIsReviewer(voucher: voucher.label, name: user)) }
            if let done = try storage.cashConfirmation(voucherID: voucherID) {
                throw BookError.cash(.alreadyConfirmed(voucher: voucher.label, cashier: done.cashier, at: done.confirmedAt))
            }
            let confirmation = CashConfirmation(voucherID: voucherID, cashier: user, confirmedAt: Store.now())
            try storage.insertCashConfirmation(confirmation)
            return confirmation
        }
    }

    /// Who confirmed the voucher's receipt or payment, and when; nil when nobody has.
    public func confirmation(voucherID: Int64) throws -> CashConfirmation? {
        try reading { storage in
            let voucher = try storage.voucher(id: voucherID)
            try authorize(storage, .read, organization: voucher.draft.organization)
            return try storage.cashConfirmation(voucherID: voucherID)
        }
    }
}

extension SessionService {
    /// Who may record a draft voucher: an officer of its organisation, or its cashier recording a
    /// receipt or payment in their own name. A cashier's other vouchers are refused with their
    /// own rule; a user with neither role is refused for lack of the officer's role.
    func authorizeRecording(_ storage: any BookStorage, _ draft: VoucherDraft) throws {
        do {
            try authorize(storage, .writeBooks, organization: draft.organization)
        } catch let error as BookError where error.isNotPermitted {
            guard (try? authorize(storage, .cashierWork, organization: draft.organization)) != nil else { throw error }
            guard CashRules.isCashVoucher(draft.lines) else {
                throw BookError.cash(.cashierRecordsCashOnly(organization: draft.organization, user: user))
            }
            guard PersonName.normalized(draft.preparer) == user else { throw BookError.cash(.cashierOwnName(user: user, preparer: draft.preparer)) }
        }
    }
}

extension Session {
    /// Cash and bank, as this session's user.
    public var cash: CashService { CashService(session: self) }
}
