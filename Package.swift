// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "FundLedger",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fundledger", targets: ["fundledger"]),
        .library(name: "FundCore", targets: ["FundCore"]),
        .library(name: "FundStore", targets: ["FundStore"]),
        .library(name: "FundReports", targets: ["FundReports"]),
        .library(name: "FundXLSX", targets: ["FundXLSX"]),
        .library(name: "FundApp", targets: ["FundApp"]),
        .library(name: "FundDesk", targets: ["FundDesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        // TLS to a PostgreSQL server (postgres-nio's own TLS library).
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "FundCore"),
        .target(name: "FundStore", dependencies: [
            "FundCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, for the few reads that step tens of thousands of rows by column index.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            // Voucher sheets imported straight from .xlsx (the sheet XML is read with XMLParser).
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "FundReports", dependencies: ["FundCore"]),
        .target(name: "FundXLSX", dependencies: ["FundCore", "FundReports", "CXLSXWriter"]),
        // The use cases the CLI shares with a web desk: reports and workbooks built from the book.
        .target(name: "FundApp", dependencies: ["FundCore", "FundStore", "FundReports", "FundXLSX",
                                                .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The web desk: routes, logins, pages, templates and assets, served by `fundledger serve`.
        .target(name: "FundDesk", dependencies: [
            "FundCore", "FundStore", "FundReports", "FundXLSX", "FundApp",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // A book in PostgreSQL: its schema as frozen migrations and `fundledger copy` between engines.
        // Kept apart so that FundCore and FundReports never see a database driver.
        .target(name: "FundPostgres", dependencies: [
            "FundCore", "FundStore",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, for the copy's millions of values bound and read by column index.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .target(name: "FundTesting", dependencies: ["FundCore", "FundStore"]),
        // libFuzzer targets (`make fuzz`); a normal build links them as stubs.
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "FuzzMoney", dependencies: ["FundCore", "CFuzzDriver"]),
        .executableTarget(name: "FuzzJournal", dependencies: ["FundCore", "CFuzzDriver"]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FundCore", "CFuzzDriver"]),
        .executableTarget(name: "FuzzSeal", dependencies: ["FundCore", "CFuzzDriver"]),
        .executableTarget(name: "fundledger", dependencies: [
            "FundApp", "FundCore", "FundStore", "FundReports", "FundXLSX", "FundDesk", "FundPostgres",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "FundCoreTests", dependencies: [
            "FundCore",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "FundStoreTests", dependencies: [
            "FundCore", "FundStore", "FundTesting",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "FundReportsTests", dependencies: [
            "FundCore", "FundStore", "FundReports", "FundXLSX", "FundApp", "FundTesting",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Golden"]),
        .testTarget(name: "FundXLSXTests", dependencies: ["FundCore", "FundStore", "FundReports", "FundXLSX", "FundApp", "FundTesting"],
                    exclude: ["Golden"]),
        .testTarget(name: "FundDeskTests", dependencies: [
            "FundCore", "FundStore", "FundApp", "FundXLSX", "FundDesk",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "FundPostgresTests", dependencies: [
            "FundCore", "FundStore", "FundPostgres", "FundTesting",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "fundledgerTests", dependencies: ["FundCore", "FundTesting"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
