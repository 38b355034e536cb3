import Foundation
import Testing
@testable import FundDesk

/// The desk's strict `multipart/form-data` reader: what a browser sends is read, anything
/// malformed is refused with the rule it breaks.
@Suite("Desk multipart reader")
struct BankMultipartTests {
    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"

    static func body(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    static let wellFormed = """
        ------WebKitFormBoundary7MA4YWxkTrZu0gW
        Content-Disposition: form-data; name="_csrf"

        token-1
        ------WebKitFormBoundary7MA4YWxkTrZu0gW
        Content-Disposition: form-data; name="account"

        102
        ------WebKitFormBoundary7MA4YWxkTrZu0gW
        Content-Disposition: form-data; name="statement"; filename="C:\\\\fakepath\\\\对账单 5月.csv"
        Content-Type: text/csv

        日期,摘要
        2026-05-07,会费
        ------WebKitFormBoundary7MA4YWxkTrZu0gW--

        """

    @Test func aBrowsersFormIsRead() throws {
        let form = try MultipartForm.parse(Self.body(Self.wellFormed), boundary: Self.boundary)
        #expect(form.fields["_csrf"] == "token-1" && form.fields["account"] == "102")
        let file = try #require(form.file)
        #expect(file.field == "statement" && file.fileName == "对账单 5月.csv" && file.contentType == "text/csv")
        #expect(String(decoding: file.contents, as: UTF8.self) == "日期,摘要\r\n2026-05-07,会费")
    }

    @Test func theBoundaryIsTakenFromTheContentTypeAndChecked() throws {
        #expect(try MultipartForm.boundary(contentType: "multipart/form-data; boundary=\(Self.boundary)") == Self.boundary)
        #expect(try MultipartForm.boundary(contentType: "multipart/form-data; charset=utf-8; boundary=\"a b'c\"") == "a b'c")
        #expect(MultipartForm.isMultipart("Multipart/Form-Data; boundary=x") && !MultipartForm.isMultipart("application/x-www-form-urlencoded"))
        #expect(throws: MultipartProblem.boundaryMissing) { try MultipartForm.boundary(contentType: "multipart/form-data") }
        #expect(throws: MultipartProblem.boundaryInvalid(length: 0)) { try MultipartForm.boundary(contentType: "multipart/form-data; boundary=") }
        #expect(throws: MultipartProblem.boundaryInvalid(length: 71)) {
            try MultipartForm.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "a", count: 71))
        }
        #expect(throws: MultipartProblem.boundaryInvalid(length: 3)) { try MultipartForm.boundary(contentType: "multipart/form-data; boundary=a<b") }
    }

    @Test func malformedBodiesAreRefusedByTheRuleTheyBreak() throws {
        let b = "--" + Self.boundary
        let cases: [(String, MultipartProblem)] = [
            // Not opened by the delimiter (a preamble, or another boundary).
            ("preamble\n\(b)\nContent-Disposition: form-data; name=\"a\"\n\n1\n\(b)--\n", .openingDelimiterMissing),
            ("--other\nContent-Disposition: form-data; name=\"a\"\n\n1\n--other--\n", .openingDelimiterMissing),
            // Cut off: no delimiter after the part's content.
            ("\(b)\nContent-Disposition: form-data; name=\"a\"\n\n1", .closingDelimiterMissing(part: 1)),
            ("\(b)\nContent-Disposition: form-data; name=\"a\"\n\n1\n\(b)\nContent-Disposition: form-data; name=\"b\"\n\n2\n", .closingDelimiterMissing(part: 2)),
            // Headers that do not end, or are not headers.
            ("\(b)\nContent-Disposition: form-data; name=\"a\"", .partHeadersInvalid(part: 1)),
            ("\(b)\nnot a header\n\n1\n\(b)--", .partHeadersInvalid(part: 1)),
            ("\(b)garbage\nContent-Disposition: form-data; name=\"a\"\n\n1\n\(b)--", .partHeadersInvalid(part: 1)),
            // A part that names no field.
            ("\(b)\nContent-Type: text/plain\n\n1\n\(b)--", .dispositionMissing(part: 1)),
            ("\(b)\n\n1\n\(b)--", .dispositionMissing(part: 1)),
            ("\(b)\nContent-Disposition: attachment; name=\"a\"\n\n1\n\(b)--", .dispositionMissing(part: 1)),
            ("\(b)\nContent-Disposition: form-data; name=\"a\n\n1\n\(b)--", .dispositionMissing(part: 1)),
            // Two files, and bytes after the end.
            ("\(b)\nContent-Disposition: form-data; name=\"f\"; filename=\"a.csv\"\n\n1\n\(b)\nContent-Disposition: form-data; name=\"g\"; filename=\"b.csv\"\n\n2\n\(b)--",
             .moreThanOneFile),
            ("\(b)\nContent-Disposition: form-data; name=\"a\"\n\n1\n\(b)--\nmore", .dataAfterEnd),
            ("", .openingDelimiterMissing),
        ]
        for (text, problem) in cases {
            #expect(throws: problem) { try MultipartForm.parse(Self.body(text), boundary: Self.boundary) }
        }
        // A text field beyond its limit, and more parts than a form sends.
        let long = "\(b)\nContent-Disposition: form-data; name=\"a\"\n\n" + String(repeating: "x", count: MultipartForm.maximumFieldBytes + 1) + "\n\(b)--"
        #expect(throws: MultipartProblem.fieldTooLong(part: 1, limitBytes: MultipartForm.maximumFieldBytes)) {
            try MultipartForm.parse(Self.body(long), boundary: Self.boundary)
        }
        let many = (0...MultipartForm.maximumParts).map { "\(b)\nContent-Disposition: form-data; name=\"f\($0)\"\n\n\($0)\n" }.joined() + "\(b)--"
        #expect(throws: MultipartProblem.tooManyParts(limit: MultipartForm.maximumParts)) { try MultipartForm.parse(Self.body(many), boundary: Self.boundary) }
    }

    @Test func anEmptyFileFieldSendsNoFileAndNamesAreCleaned() throws {
        let b = "--" + Self.boundary
        let empty = try MultipartForm.parse(Self.body("\(b)\nContent-Disposition: form-data; name=\"statement\"; filename=\"\"\nContent-Type: application/octet-stream\n\n\n\(b)--"),
                                            boundary: Self.boundary)
        #expect(empty.file == nil)
        // A file's content may hold anything, the boundary's dashes and CRLFs too, short of the delimiter.
        let tricky = try MultipartForm.parse(Self.body("\(b)\nContent-Disposition: form-data; name=\"f\"; filename=\"../../etc/pa%22ss\\\"wd\"\n\n--\(Self.boundary.dropLast())\n\n\(b)--"),
                                             boundary: Self.boundary)
        #expect(tricky.file?.fileName == "pa\"ss\"wd")
        #expect(tricky.file.map { String(decoding: $0.contents, as: UTF8.self) } == "--\(Self.boundary.dropLast())\r\n")
        #expect(MultipartForm.cleanFileName("..") == "对账单.csv" && MultipartForm.cleanFileName("a\u{7}b.csv") == "ab.csv")
        #expect(MultipartForm.cleanFileName(String(repeating: "长", count: 300)).count == MultipartForm.maximumFileNameLength)
    }
}
