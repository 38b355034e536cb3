/// The class of a fixed asset (固定资产分类), with the minimum useful life the standard sets for
/// it (domain notes §2.10, 附录2), so that a card cannot be depreciated faster than the standard
/// allows; and the classes that are never depreciated (land, cultural relics and exhibits,
/// books and archives, assets carried at a nominal 1 yuan), whose cards keep their cost.
///
/// Where the standard gives a range (专用设备 食品加工 10–15 years), the lower bound is the
/// minimum a card may have.
public enum AssetClass: String, CaseIterable, Hashable, Sendable, Codable {
    case buildingConcrete = "building-concrete"
    case buildingBrick = "building-brick"
    case buildingSimple = "building-simple"
    case buildingAncillary = "building-ancillary"
    case structure
    case computer
    case officeEquipment = "office-equipment"
    case vehicle
    case archiveEquipment = "archive-equipment"
    case machinery
    case electrical
    case communication
    case broadcasting
    case instrument
    case foodTextile = "food-textile"
    case medical
    case safetyEnvironment = "safety-environment"
    case cultureSports = "culture-sports"
    case furniture
    case fixtures
    case land
    case relics
    case booksArchives = "books-archives"
    case nominal

    /// The class as the standard names it, as cards and messages show it.
    public var chineseName: String {
        switch self {
        case .buildingConcrete: "业务及管理用房（钢结构、钢筋混凝土结构）"
        case .buildingBrick: "业务及管理用房（砖混结构、砖木结构）"
        case .buildingSimple: "简易房"
        case .buildingAncillary: "房屋附属设施"
        case .structure: "构筑物"
        case .computer: "计算机设备"
        case .officeEquipment: "办公设备"
        case .vehicle: "车辆"
        case .archiveEquipment: "图书档案设备"
        case .machinery: "机械设备"
        case .electrical: "电气设备"
        case .communication: "通信设备"
        case .broadcasting: "广播、电视、电影设备"
        case .instrument: "仪器仪表"
        case .foodTextile: "食品加工、纺织、缝纫设备"
        case .medical: "医疗设备"
        case .safetyEnvironment: "安全生产、环境保护设备"
        case .cultureSports: "文艺、体育、娱乐设备"
        case .furniture: "家具"
        case .fixtures: "用具、装具"
        case .land: "土地"
        case .relics: "文物和陈列品"
        case .booksArchives: "图书、档案"
        case .nominal: "以名义金额计量的固定资产"
        }
    }

    /// The minimum useful life in years, or nil for a class that is not depreciated.
    public var minimumYears: Int? {
        switch self {
        case .buildingConcrete: 50
        case .buildingBrick: 30
        case .buildingSimple, .buildingAncillary, .structure, .vehicle: 8
        case .computer, .officeEquipment: 6
        case .archiveEquipment, .electrical, .communication, .broadcasting, .instrument, .medical, .cultureSports, .fixtures: 5
        case .machinery, .foodTextile, .safetyEnvironment: 10
        case .furniture: 15
        case .land, .relics, .booksArchives, .nominal: nil
        }
    }

    /// Whether cards of this class are depreciated at all.
    public var isDepreciated: Bool { minimumYears != nil }

    /// The class named by its id (`office-equipment`) or its Chinese name (`办公设备`).
    public init?(input: String) {
        let text = input.trimmingWhitespace
        if let byID = AssetClass(rawValue: text.lowercased()) { self = byID; return }
        guard let byName = AssetClass.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = byName
    }
}
