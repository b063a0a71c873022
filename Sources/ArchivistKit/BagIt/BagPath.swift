/// Paths as BagIt manifests and `fetch.txt` write them, and the checks that keep them inside the bag.
enum BagPath {
    /// Undoes the percent-encoding RFC 8493 §2.1.3 allows in manifest paths: `%0D`, `%0A` and `%25`
    /// only, so that a file really named `%7Etest.txt` keeps its name.
    static func decode(_ path: some StringProtocol) -> String {
        guard path.contains("%") else { return String(path) }
        var out = ""
        var index = path.startIndex
        while index < path.endIndex {
            if path[index] == "%", let end = path.index(index, offsetBy: 3, limitedBy: path.endIndex) {
                switch path[index..<end].uppercased() {
                case "%0D":
                    out.append("\r")
                    index = end
                    continue
                case "%0A":
                    out.append("\n")
                    index = end
                    continue
                case "%25":
                    out.append("%")
                    index = end
                    continue
                default: break
                }
            }
            out.append(path[index])
            index = path.index(after: index)
        }
        return out
    }

    /// The percent-encoding of a path for a manifest line (the inverse of ``decode(_:)``).
    static func encode(_ path: String) -> String {
        var out = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Why a path may not be used inside a bag, or nil when it is safe: absolute paths, `~` home
    /// shortcuts, `..` components and control characters could point outside the bag.
    static func unsafeReason(_ path: String) -> String? {
        if path.isEmpty { return "the path is empty" }
        if path.hasPrefix("/") { return "it is an absolute path" }
        if path.hasPrefix("~") { return "it starts with ~, a home-folder shortcut" }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            return "it climbs out of the bag with .."
        }
        if let control = path.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "it holds the control character U+\(String(control.value, radix: 16, uppercase: true).leftPadded(to: 4))"
        }
        return nil
    }

    /// File names that operating systems create on their own and that rarely belong in a payload.
    static func isSystemFile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return [".DS_Store", "Thumbs.db", "desktop.ini", ".Spotlight-V100", ".Trashes"].contains(name) || name.hasPrefix("._")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
