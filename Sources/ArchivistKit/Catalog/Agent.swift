import Foundation

/// Who performs catalog actions: this program, its version and the operating-system user.
public enum Agent {
    /// archivist's version, recorded in every event.
    public static let version = "0.1.0"

    /// `archivist/<version> (user <name>)`.
    public static let current: String = {
        let environment = ProcessInfo.processInfo.environment
        var name = environment["USER"] ?? environment["LOGNAME"]
        if name == nil, let entry = getpwuid(geteuid()), let raw = entry.pointee.pw_name {
            name = String(cString: raw)
        }
        return "archivist/\(version) (user \(name ?? "uid \(geteuid())"))"
    }()
}

/// ISO 8601 UTC timestamps with milliseconds, as stored in the catalog.
enum Timestamp {
    static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var seconds = spec.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = Int(spec.tv_nsec / 1_000_000)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let ms = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return
            "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(ms)Z"
    }
}
