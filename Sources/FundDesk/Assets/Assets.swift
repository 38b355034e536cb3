import Hummingbird

/// The desk's two files besides its pages, compiled into the program: the style sheet and the
/// voucher grid's script. Served under /assets/ with a day's caching (their content changes
/// only with the program).
enum Assets {
    static let files: [String: (type: String, body: String)] = [
        "desk.css": ("text/css; charset=utf-8", Stylesheet.text),
        "desk.js": ("text/javascript; charset=utf-8", Script.text),
    ]

    static func register(on router: Router<DeskContext>) {
        router.get("/assets/:name") { _, context -> Response in
            guard let name = context.parameters.get("name"), let file = files[name] else { throw DeskError.notFound }
            return Response(status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=86400"],
                            body: .init(byteBuffer: ByteBuffer(string: file.body)))
        }
    }
}
