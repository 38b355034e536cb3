/// The language a person reads FundLedger in. Chinese is the default: the books are kept by
/// Chinese finance officers and committee members. English is for maintainers and tools, and its
/// texts are the ones the code has always printed (`description`), byte for byte.
public enum Language: String, Sendable, CaseIterable {
    case chinese = "zh"
    case english = "en"

    /// A language named on the command line (`--lang zh`, `--lang en`, `zh_CN`, `en-US`), or nil
    /// when the name is neither.
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered.hasPrefix("zh") || lowered == "chinese" || lowered == "中文" { self = .chinese }
        else if lowered.hasPrefix("en") || lowered == "english" { self = .english }
        else { return nil }
    }

    /// The language the locale variables ask for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set decides, as POSIX has it; only an English locale (`en_US.UTF-8`) gives English,
    /// anything else (unset, `C`, `POSIX`, `zh_CN.UTF-8`) Chinese.
    public static func from(environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .english : .chinese
        }
        return .chinese
    }

    /// The language of a command line: `--lang X` or `--lang=X` anywhere among `arguments` wins
    /// over the environment. A `--lang` whose value is no language is left for the parser to
    /// refuse, and the environment decides the language it refuses in.
    public static func resolve(arguments: [String], environment: [String: String]) -> Language {
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.endIndex, let language = Language(name: arguments[index + 1]) {
                return language
            }
            if argument.hasPrefix("--lang="), let language = Language(name: String(argument.dropFirst("--lang=".count))) {
                return language
            }
            index += 1
        }
        return from(environment: environment)
    }
}

/// A message with a text in each language: the English one is `description` (as it always was),
/// the Chinese one `chinese`. Each conforming type writes its Chinese texts in one file under
/// `Messages/`, one `switch` arm per case and no `default:`, so that a new case without a Chinese
/// text does not compile.
public protocol LocalizedMessage: CustomStringConvertible {
    /// The Chinese text; an error's text ends with its English rule id in brackets.
    var chinese: String { get }
}

extension LocalizedMessage {
    /// The text in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .chinese: chinese
        case .english: description
        }
    }
}
