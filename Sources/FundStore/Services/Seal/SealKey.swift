import Crypto
import Foundation

/// The key of a keyed seal: 32 random bytes kept in a file outside the book (mode 0600), never
/// in it. An unkeyed chain can be recomputed by whoever holds the file; with the key, every
/// voucher seal and every event also gets an HMAC-SHA256 tag of its hash, which nobody without
/// the key can make, so `verify --key` names a chain rebuilt behind the program's back.
///
/// The book records only the key's id (`id`), so that a wrong key is told apart from a
/// rebuilt chain.
public struct SealKey: Sendable {
    /// How many bytes a key holds.
    public static let size = 32

    private let bytes: [UInt8]
    /// The key's id: the lowercase hex SHA-256 of "fundledger-seal-key-id", a line feed and the
    /// key's bytes. The book stores it; it tells nothing of the key.
    public let id: String
    /// The key file it was read from or written to.
    public let path: String

    private init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        id = SealHash.hex(SHA256.hash(data: Array("fundledger-seal-key-id\n".utf8) + bytes))
        self.path = path
    }

    /// Makes a new random key and writes it to `path` with mode 0600. Refuses a path that
    /// exists (a key is never overwritten: the seals made with it would no longer verify).
    public static func create(at path: String) throws -> SealKey {
        var bytes = [UInt8](repeating: 0, count: size)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        // O_EXCL: never over an existing file, nor through a symbolic link left at the path.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw BookError.sealKey(.keyFileExists(path: path)) }
            throw BookError.sealKey(.keyFileUnusable(path: path, problem: errno == EACCES ? .unreadable : .missing))
        }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == size, synced else {
            unlink(path)
            throw BookError.storage(.diskFull)
        }
        return SealKey(bytes: bytes, path: path)
    }

    /// Reads the key at `path`: a regular file of exactly 32 bytes that only its owner may read
    /// or write.
    public static func read(from path: String) throws -> SealKey {
        var info = stat()
        guard stat(path, &info) == 0 else { throw BookError.sealKey(.keyFileUnusable(path: path, problem: .missing)) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw BookError.sealKey(.keyFileUnusable(path: path, problem: .notAFile)) }
        let mode = Int(info.st_mode & 0o777)
        guard mode & 0o077 == 0 else { throw BookError.sealKey(.keyFileUnusable(path: path, problem: .openToOthers(mode: mode))) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BookError.sealKey(.keyFileUnusable(path: path, problem: .unreadable))
        }
        guard data.count == size else { throw BookError.sealKey(.keyFileUnusable(path: path, problem: .wrongSize(bytes: data.count))) }
        return SealKey(bytes: Array(data), path: path)
    }

    /// The tag of a seal's or an event's hash: the lowercase hex HMAC-SHA256 of the hash's 64
    /// hex digits (as UTF-8) under the key.
    func tag(_ hash: String) -> String {
        SealHash.hex(HMAC<SHA256>.authenticationCode(for: Array(hash.utf8), using: SymmetricKey(data: bytes)))
    }
}
