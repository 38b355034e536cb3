import FundCore

extension Rollup {
    /// The members of a roll-up in tree order and each one's position, shared by every line's
    /// figures (one list for the whole report, not a dictionary per line).
    final class MemberIndex: Sendable {
        let codes: [String]
        let positions: [String: Int]

        init(_ members: [Organization]) {
            codes = members.map(\.code)
            positions = Dictionary(members.indices.map { (members[$0].code, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The figures of one line: one per member, by position in `Rollup.members`, absent for a
    /// member no figure named; and by code for an organisation that is not a member (only in data
    /// a caller made up). Read by code (`figures["FED-01"]`) or by position (`figures[member: 3]`).
    public struct Figures: Hashable, Sendable {
        let index: MemberIndex
        private(set) var amounts: [Int64?]
        private(set) var others: [String: Int64] = [:]

        init(_ index: MemberIndex) {
            self.index = index
            amounts = [Int64?](repeating: nil, count: index.codes.count)
        }

        /// The figure of the organisation `code`; nil when no figure named it.
        public subscript(code: String) -> Int64? {
            if let position = index.positions[code] { return amounts[position] }
            return others[code]
        }

        /// The figure of the member at `position` in `Rollup.members`; nil when no figure named it.
        public subscript(member position: Int) -> Int64? { amounts[position] }

        /// Every figure with its organisation: the members in tree order, then the others by code.
        public var all: [(code: String, amount: Int64)] {
            var all: [(code: String, amount: Int64)] = []
            for (position, amount) in amounts.enumerated() { if let amount { all.append((index.codes[position], amount)) } }
            return all + others.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }

        /// The figures by organisation code.
        public var byCode: [String: Int64] { Dictionary(all.map { ($0.code, $0.amount) }, uniquingKeysWith: { first, _ in first }) }

        /// `amount` added to the figure of `code` (at member position `position`, nil for one that
        /// is not a member), or `overflow`.
        mutating func add(_ amount: Int64, to code: String, at position: Int?, or overflow: @autoclosure () -> SumOverflow) throws(SumOverflow) {
            guard let position else {
                others[code] = try (others[code] ?? 0).adding(amount, or: overflow())
                return
            }
            amounts[position] = try (amounts[position] ?? 0).adding(amount, or: overflow())
        }

        /// Every figure of `other` (negated when `negated`) added in, members in order, then the
        /// others; `overflow` names the organisation whose figure does not fit.
        mutating func add(_ other: Figures, negated: Bool, or overflow: (String) -> SumOverflow) throws(SumOverflow) {
            for (position, amount) in other.amounts.enumerated() {
                guard let amount else { continue }
                let code = index.codes[position]
                try add(negated ? try amount.negated(or: overflow(code)) : amount, to: code, at: position, or: overflow(code))
            }
            for (code, value) in other.others {
                try add(negated ? try value.negated(or: overflow(code)) : value, to: code, at: nil, or: overflow(code))
            }
        }

        /// The organisation whose figure, added in order (members in tree order, then the others by
        /// code) to the magnitudes of the ones before and to `start`, takes the total past
        /// `Int64.max`; nil when they all fit.
        func firstPastMagnitude(startingAt start: UInt64) -> String? {
            var magnitude = start
            func adding(_ amount: Int64) -> Bool {
                let (next, overflow) = magnitude.addingReportingOverflow(amount.magnitude)
                magnitude = next
                return !overflow && next <= UInt64(Int64.max)
            }
            for position in amounts.indices {
                if let amount = amounts[position], !adding(amount) { return index.codes[position] }
            }
            for (code, amount) in others.sorted(by: { $0.key < $1.key }) where !adding(amount) { return code }
            return nil
        }

        /// The sum of the figures (which `Rollup.init` has checked to fit).
        var sum: Int64 {
            var sum: Int64 = 0
            for case let amount? in amounts { sum += amount }
            for amount in others.values { sum += amount }
            return sum
        }

        public static func == (lhs: Figures, rhs: Figures) -> Bool { lhs.byCode == rhs.byCode }
        public func hash(into hasher: inout Hasher) { hasher.combine(byCode) }
    }
}
