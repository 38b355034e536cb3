/// 金额大写: an amount written in the financial capitals that a voucher, a cheque or a receipt
/// carries beside its figures (壹万贰仟叁佰肆拾伍元陆角柒分), so that a figure altered by hand no
/// longer matches its words.
///
/// The rules are those of the People's Bank's settlement rules: whole yuan end in 整; a 分 with no
/// 角 is written 零X分; zeros inside the figure are written once (壹万零伍元); 壹拾 keeps its 壹.
public enum ChineseAmount {
    static let digits: [String] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]

    /// The capitals of `money`; a negative amount (red ink) is prefixed with 负.
    public static func capitals(_ money: Money) -> String {
        // The magnitude as UInt64 so that Int64.min has one too.
        let magnitude = money.fen.magnitude
        let yuan = magnitude / 100, jiao = Int(magnitude / 10 % 10), fen = Int(magnitude % 10)
        var text = money.fen < 0 ? "负" : ""
        if yuan == 0 && jiao == 0 && fen == 0 { return "零元整" }
        if yuan > 0 { text += integer(yuan) + "元" }
        switch (jiao, fen) {
        case (0, 0): text += "整"
        case (0, _): text += (yuan > 0 ? "零" : "") + digits[fen] + "分"
        case (_, 0): text += digits[jiao] + "角"
        default: text += digits[jiao] + "角" + digits[fen] + "分"
        }
        return text
    }

    /// A positive whole number in capitals with 拾佰仟, 万 and 亿 (亿 repeats above 10^16).
    static func integer(_ value: UInt64) -> String {
        if value >= 100_000_000 {
            let high = value / 100_000_000, low = value % 100_000_000
            var text = integer(high) + "亿"
            if low > 0 { text += (low < 10_000_000 ? "零" : "") + integer(low) }
            return text
        }
        if value >= 10_000 {
            let high = value / 10_000, low = value % 10_000
            var text = group(high) + "万"
            if low > 0 { text += (low < 1_000 ? "零" : "") + group(low) }
            return text
        }
        return group(value)
    }

    /// 1...9999 with 仟佰拾, one 零 for any run of zeros between digits, none at the end.
    static func group(_ value: UInt64) -> String {
        let places: [(UInt64, String)] = [(1_000, "仟"), (100, "佰"), (10, "拾"), (1, "")]
        var text = "", started = false, pendingZero = false
        for (place, unit) in places {
            let digit = Int(value / place % 10)
            if digit == 0 {
                if started { pendingZero = true }
            } else {
                if pendingZero { text += "零"; pendingZero = false }
                text += digits[digit] + unit
                started = true
            }
        }
        return text
    }
}
