import FundCore

extension StorageFailure {
    /// The Chinese text that follows “账套拒绝了这次更改：” (the engine's own words, or what to do).
    public var chinese: String {
        switch self {
        case .diskFull: "磁盘已满；请腾出空间后重新运行该命令（未写入任何内容）"
        case let .constraint(message), let .engine(_, message): message
        }
    }
}

extension VoucherAct {
    /// The act as a Chinese refusal says it, after “不能”.
    public var chinese: String {
        switch self {
        case .review: "审核"
        case .postUnreviewed: "在审核前记账（请先运行 `voucher review`）"
        case .postAgain: "再次记账"
        case .delete: "删除；请改用红字冲销"
        case .reverse: "冲销；只有已记账凭证才能冲销，草稿请直接修改或删除"
        }
    }
}
