// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "citebot",
    products: [
        .library(name: "CiteBotKit", targets: ["CiteBotKit"]),
        .executable(name: "citebot", targets: ["citebot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Property-based tests only (never linked into citebot).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Snowball stemmers (Debian libstemmer-dev).
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),
        // GNU readline (Debian libreadline-dev).
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        // The C library's malloc_trim, where it has one (no package needed).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .target(
            name: "CiteBotKit",
            dependencies: ["CStemmer", "CMalloc"]
        ),
        .target(
            name: "LineEditing",
            dependencies: ["CReadline"]
        ),
        .executableTarget(
            name: "citebot",
            dependencies: [
                "CiteBotKit",
                "LineEditing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CiteBotKitTests",
            dependencies: ["CiteBotKit", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Golden"],  // read through #filePath, so they can be re-recorded in place
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "LineEditingTests",
            dependencies: ["LineEditing"]
        ),
        .testTarget(
            name: "CiteBotEndToEndTests",
            // Depends on the executable only so that `swift test` builds it first.
            dependencies: ["citebot"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
