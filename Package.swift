// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "archivist",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "archivist", targets: ["archivist"]),
        .library(name: "ArchivistKit", targets: ["ArchivistKit"]),
        .library(name: "Chronology", targets: ["Chronology"]),
        .library(name: "ArchivistXML", targets: ["ArchivistXML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "Chronology"),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // glibc's mallopt, for the executable's allocator setting (Sources/archivist/Allocator.swift).
        .systemLibrary(name: "CMalloc"),
        // The only way into libxml2. No Foundation here: libxml2's ICU headers clash with Foundation's.
        .target(name: "ArchivistXML", dependencies: ["CLibXML2"]),
        .target(
            name: "ArchivistKit",
            dependencies: [
                "Chronology",
                "CLibCrypto",
                "ArchivistXML",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [
                .copy("Resources/archives.tsv"), .copy("Resources/events.tsv"), .copy("Resources/aliases.tsv"),
                .copy("Resources/gazetteer.tsv"),
            ]
        ),
        .executableTarget(
            name: "archivist",
            dependencies: [
                "ArchivistKit",
                "Chronology",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ChronologyTests", dependencies: ["Chronology"]),
        .testTarget(name: "ArchivistXMLTests", dependencies: ["ArchivistXML"]),
        .testTarget(
            name: "ArchivistKitTests",
            dependencies: ["ArchivistKit", "Chronology", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "archivistCLITests",
            dependencies: ["ArchivistKit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
