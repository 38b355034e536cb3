import ArgumentParser
import FundCore

/// A `--help` text in the language of the run: the Chinese one by default, the English one under
/// `--lang en`. The two stand side by side where the command declares its abstract or option, so
/// that neither is added without the other; English terms stay where a Chinese text needs them
/// (option names, file formats, account codes).
func bilingual(_ english: String, _ chinese: String) -> String {
    switch language {
    case .english: english
    case .chinese: chinese
    }
}

/// The same, as the help of an option or argument.
func bilingual(_ english: String, _ chinese: String) -> ArgumentHelp {
    ArgumentHelp(bilingual(english, chinese) as String)
}
