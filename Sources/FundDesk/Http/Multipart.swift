import Foundation
import Hummingbird

/// A file sent with a form (`<input type="file">`), held in memory: the desk writes no upload to
/// disk, so nothing of it is left behind whatever happens to the request.
public struct UploadedFile: Sendable, Hashable {
    /// The form field the file was sent in.
    public let field: String
    /// The file's own name as the browser gave it, reduced to its last path component, without
    /// control characters and at most `MultipartForm.maximumFileNameLength` characters long.
    public let fileName: String
    /// The part's `Content-Type`, if it had one (browsers guess it; the desk does not trust it).
    public let contentType: String?
    /// The file's bytes.
    public let contents: Data
}

/// Why a `multipart/form-data` body is refused: each case names the rule of RFC 7578 (and of the
/// desk's limits) it breaks, so that a malformed or hostile upload is answered with 400 and a
/// reason, never half-read.
public enum MultipartProblem: Error, Hashable, Sendable {
    /// The `Content-Type` has no `boundary` parameter.
    case boundaryMissing
    /// The boundary is empty, longer than 70 characters or has characters RFC 2046 does not allow.
    case boundaryInvalid(length: Int)
    /// The body does not begin with the boundary's delimiter.
    case openingDelimiterMissing
    /// A part is not followed by a delimiter, or the closing delimiter is missing.
    case closingDelimiterMissing(part: Int)
    /// A part's headers are not lines of `Name: value` ended by an empty line within the limit.
    case partHeadersInvalid(part: Int)
    /// A part has no `Content-Disposition: form-data; name="..."`.
    case dispositionMissing(part: Int)
    /// The body has more parts than a form of the desk sends.
    case tooManyParts(limit: Int)
    /// More than one part carries a file.
    case moreThanOneFile
    /// A text field is longer than the limit.
    case fieldTooLong(part: Int, limitBytes: Int)
    /// Something other than a line ending follows the closing delimiter.
    case dataAfterEnd

    /// The rule's id, kebab-case, kept in brackets in the Chinese text.
    public var rule: String {
        switch self {
        case .boundaryMissing: "multipart-boundary-missing"
        case .boundaryInvalid: "multipart-boundary-invalid"
        case .openingDelimiterMissing: "multipart-opening-delimiter"
        case .closingDelimiterMissing: "multipart-closing-delimiter"
        case .partHeadersInvalid: "multipart-part-headers"
        case .dispositionMissing: "multipart-disposition-missing"
        case .tooManyParts: "multipart-too-many-parts"
        case .moreThanOneFile: "multipart-one-file"
        case .fieldTooLong: "multipart-field-too-long"
        case .dataAfterEnd: "multipart-data-after-end"
        }
    }

    /// What the page says, in Chinese, with the rule id in brackets.
    public var chinese: String {
        let text: String
        switch self {
        case .boundaryMissing: text = "上传的表单缺少分隔符（boundary），无法读取"
        case let .boundaryInvalid(length): text = "上传的表单分隔符不合规定（长度 \(length)，须为 1 至 70 个允许的字符）"
        case .openingDelimiterMissing: text = "上传的表单没有以分隔符开头，内容不完整或已损坏"
        case let .closingDelimiterMissing(part): text = "上传的表单第 \(part) 部分之后缺少分隔符，内容不完整（可能上传中断）"
        case let .partHeadersInvalid(part): text = "上传的表单第 \(part) 部分的头部无法读取"
        case let .dispositionMissing(part): text = "上传的表单第 \(part) 部分没有字段名（Content-Disposition: form-data; name）"
        case let .tooManyParts(limit): text = "上传的表单超过 \(limit) 个部分"
        case .moreThanOneFile: text = "一次只能上传一个文件"
        case let .fieldTooLong(part, limit): text = "上传的表单第 \(part) 部分超过 \(limit) 个字节"
        case .dataAfterEnd: text = "上传的表单在结束分隔符之后还有内容"
        }
        return "\(text)，请刷新页面后重新选择文件上传。[\(rule)]"
    }
}

/// A `multipart/form-data` body read whole and strictly (RFC 7578): the boundary checked, every
/// part's headers read, at most one file, text fields as a `FormData` (so that `_csrf` is checked
/// as on any form), nothing written to disk.
public struct MultipartForm: Sendable {
    /// The text fields, in the order sent.
    public var fields: FormData
    /// The one file sent, if any (a file field left empty sends no file).
    public var file: UploadedFile?

    /// The largest body the desk reads: a bank statement of a year is far smaller.
    public static let maximumBodyBytes = 2 << 20
    /// At most this many parts (the desk's upload forms have a handful of fields).
    public static let maximumParts = 32
    /// At most this many bytes of headers per part.
    public static let maximumHeaderBytes = 8 << 10
    /// At most this many bytes per text field.
    public static let maximumFieldBytes = 64 << 10
    /// A file's name is cut to this many characters.
    public static let maximumFileNameLength = 100

    /// Whether `contentType` announces a multipart form.
    public static func isMultipart(_ contentType: String) -> Bool {
        contentType.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("multipart/form-data")
    }

    /// The boundary of a `multipart/form-data; boundary=...` content type, checked (RFC 2046:
    /// 1 to 70 characters of digits, letters and `'()+_,-./:=?` and the space, not ending in one).
    public static func boundary(contentType: String) throws(MultipartProblem) -> String {
        var found: String?
        for parameter in contentType.split(separator: ";").dropFirst() {
            let halves = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard halves.count == 2, halves[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = halves[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            found = value
        }
        guard let boundary = found else { throw .boundaryMissing }
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ")
        guard (1...70).contains(boundary.count), boundary.allSatisfy(allowed.contains), !boundary.hasSuffix(" ") else {
            throw .boundaryInvalid(length: boundary.count)
        }
        return boundary
    }

    /// Parses `body` with `boundary`: the body opens with the delimiter, each part has headers
    /// with a `Content-Disposition: form-data; name=...`, parts are separated by CRLF and the
    /// delimiter, and only a line ending may follow the closing delimiter. No preamble is taken
    /// (browsers send none).
    public static func parse(_ body: [UInt8], boundary: String) throws(MultipartProblem) -> MultipartForm {
        let opening = Array(("--" + boundary).utf8)
        let delimiter = Array(("\r\n--" + boundary).utf8)
        guard body.count >= opening.count, body[0..<opening.count].elementsEqual(opening) else { throw .openingDelimiterMissing }
        var position = opening.count
        var part = 0
        var fields: [(name: String, value: String)] = []
        var file: UploadedFile?
        while true {
            if has(body, at: position, [0x2D, 0x2D]) {
                let rest = body[(position + 2)...]
                guard rest.isEmpty || rest.elementsEqual([0x0D, 0x0A]) else { throw .dataAfterEnd }
                break
            }
            part += 1
            guard part <= maximumParts else { throw .tooManyParts(limit: maximumParts) }
            guard has(body, at: position, [0x0D, 0x0A]) else { throw .partHeadersInvalid(part: part) }
            position += 2
            // The headers end at the first empty line; a part without headers has none to name it.
            let headers: [(name: String, value: String)]
            let contentStart: Int
            if has(body, at: position, [0x0D, 0x0A]) {
                (headers, contentStart) = ([], position + 2)
            } else {
                let limit = min(body.count, position + maximumHeaderBytes)
                guard let end = find(body, [0x0D, 0x0A, 0x0D, 0x0A], from: position, before: limit),
                      let text = String(validating: body[position..<end], as: UTF8.self),
                      let read = headerLines(text) else { throw .partHeadersInvalid(part: part) }
                (headers, contentStart) = (read, end + 4)
            }
            guard let disposition = headers.last(where: { $0.name == "content-disposition" })?.value,
                  let parameters = dispositionParameters(disposition), let name = parameters["name"] else { throw .dispositionMissing(part: part) }
            guard let end = find(body, delimiter, from: contentStart, before: body.count) else { throw .closingDelimiterMissing(part: part) }
            let content = body[contentStart..<end]
            position = end + delimiter.count
            if let sentName = parameters["filename"] {
                // A file field left empty: no name and no bytes.
                if sentName.isEmpty && content.isEmpty { continue }
                guard file == nil else { throw .moreThanOneFile }
                file = UploadedFile(field: name, fileName: cleanFileName(sentName),
                                    contentType: headers.last(where: { $0.name == "content-type" })?.value, contents: Data(content))
            } else {
                guard content.count <= maximumFieldBytes else { throw .fieldTooLong(part: part, limitBytes: maximumFieldBytes) }
                fields.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
        return MultipartForm(fields: FormData(pairs: fields), file: file)
    }

    /// Reads the body of `request` (at most `maximumBodyBytes`) and parses it.
    static func read(_ request: Request, contentType: String) async throws -> MultipartForm {
        let boundary: String
        do throws(MultipartProblem) { boundary = try Self.boundary(contentType: contentType) } catch { throw DeskError.uploadRefused(error) }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maximumBodyBytes {
            throw DeskError.uploadTooLarge(limitBytes: maximumBodyBytes)
        }
        var bytes: [UInt8] = []
        for try await chunk in request.body {
            guard bytes.count + chunk.readableBytes <= maximumBodyBytes else { throw DeskError.uploadTooLarge(limitBytes: maximumBodyBytes) }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        do throws(MultipartProblem) { return try parse(bytes, boundary: boundary) } catch { throw DeskError.uploadRefused(error) }
    }

    /// A file name as stored and shown: its last path component (browsers of old sent the whole
    /// path), without control characters, trimmed, cut to the limit; 对账单.csv when nothing is left.
    static func cleanFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        let cut = String(clean.prefix(maximumFileNameLength))
        return cut.isEmpty || cut == "." || cut == ".." ? "对账单.csv" : cut
    }

    /// Whether `body` holds `bytes` at `position`.
    static func has(_ body: [UInt8], at position: Int, _ bytes: [UInt8]) -> Bool {
        position >= 0 && position + bytes.count <= body.count && body[position..<(position + bytes.count)].elementsEqual(bytes)
    }

    /// The first position of `needle` in `body` at or after `start` and ending before `limit`.
    static func find(_ body: [UInt8], _ needle: [UInt8], from start: Int, before limit: Int) -> Int? {
        guard let first = needle.first, start <= limit - needle.count else { return nil }
        var index = start
        while index <= limit - needle.count {
            if body[index] == first, body[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// `Name: value` lines (names lower-cased); nil when a line has no colon or a name is empty.
    static func headerLines(_ text: String) -> [(name: String, value: String)]? {
        var headers: [(name: String, value: String)] = []
        for line in text.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard !name.isEmpty, !name.contains(" ") else { return nil }
            headers.append((name, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return headers
    }

    /// The parameters of `form-data; name="a"; filename="b.csv"` (names lower-cased, quoted values
    /// unescaped); nil when it is not `form-data` or a quoted value is not closed.
    static func dispositionParameters(_ value: String) -> [String: String]? {
        var items: [String] = []
        var current = "", quoted = false, escaped = false
        for character in value {
            if escaped { current.append(character); escaped = false; continue }
            if quoted && character == "\\" { current.append(character); escaped = true; continue }
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted { items.append(current); current = ""; continue }
            current.append(character)
        }
        guard !quoted else { return nil }
        items.append(current)
        guard items.first?.trimmingCharacters(in: .whitespaces).lowercased() == "form-data" else { return nil }
        var parameters: [String: String] = [:]
        for item in items.dropFirst() {
            let halves = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard halves.count == 2 else { continue }
            let key = halves[0].trimmingCharacters(in: .whitespaces).lowercased()
            var text = halves[1].trimmingCharacters(in: .whitespaces)
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
                text = String(text.dropFirst().dropLast())
                var unescaped = "", pending = false
                for character in text {
                    if pending { unescaped.append(character); pending = false } else if character == "\\" { pending = true } else { unescaped.append(character) }
                }
                text = unescaped
            }
            // Browsers percent-encode a quote and line breaks in names (WHATWG); decode only those.
            parameters[key] = text.replacingOccurrences(of: "%22", with: "\"").replacingOccurrences(of: "%0D", with: "\r")
                .replacingOccurrences(of: "%0A", with: "\n")
        }
        return parameters
    }
}
