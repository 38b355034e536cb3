import Mustache

/// Every template of the desk, parsed once at start: the layout's partials, the login and error
/// pages, and each page's own (`DeskPage.templates`). They are Swift string literals compiled
/// into the program, so the binary runs wherever it is copied.
///
/// Only `{{name}}` is used, which escapes HTML; the triple form that does not is never used.
struct Templates: Sendable {
    let library: MustacheLibrary

    init(pages: [any DeskPage.Type]) throws {
        var sources = Layout.templates
        for page in pages { sources.merge(page.templates) { _, new in new } }
        var library = MustacheLibrary()
        for (name, text) in sources { try library.register(text, named: name) }
        self.library = library
    }

    /// The page `name` rendered with `data`.
    func render(_ name: String, _ data: Any) -> String {
        library.render(data, withTemplate: name) ?? "<!DOCTYPE html><title>模板缺失</title><p>模板缺失：\(name.htmlEscaped)</p>"
    }
}

extension String {
    /// The text with &, <, >, " and ' escaped, for the rare string built outside a template.
    var htmlEscaped: String {
        var result = ""
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
