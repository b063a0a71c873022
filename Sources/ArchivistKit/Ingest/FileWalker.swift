import Foundation

/// A file found under the paths given to `ingest`, or a path refused before reading.
struct FoundFile: Sendable {
    /// The path relative to the folder given (the file name for a file given directly).
    var sourcePath: String
    /// The absolute path.
    var originPath: String
    /// Why the path is refused, when it is.
    var refusal: ArchivistError?
    /// The name of the folder given to `ingest` that the file was found under, if any.
    var rootName: String? = nil
    /// True for a folder holding `bagit.txt`: a BagIt bag, validated and ingested as a whole.
    var isBag = false
    /// For a payload file of a bag: the bag and the digests its manifests give for the file.
    var bag: BagFixity? = nil

    /// Path identities in order of preference (see ``Catalog/SourceFile/identityCandidates``).
    var identityCandidates: [String] {
        var candidates = [sourcePath]
        if let rootName, !rootName.isEmpty, rootName != "/" { candidates.append(rootName + "/" + sourcePath) }
        candidates.append(originPath)
        return candidates
    }
}

/// Lists the files to ingest: folders recursively, hidden entries skipped, symlinks refused, and
/// BagIt bags (folders holding `bagit.txt`) as single entries, not walked.
enum FileWalker {
    static func files(under paths: [String]) -> [FoundFile] {
        var found: [FoundFile] = []
        for path in paths {
            let absolute = absolutePath(path)
            switch kind(of: absolute) {
            case .missing:
                found.append(
                    FoundFile(
                        sourcePath: path, originPath: absolute,
                        refusal: ArchivistError(
                            code: "not-found", message: "\(path) does not exist; check the path.", path: path)))
            case .symlink:
                found.append(FoundFile(sourcePath: lastComponent(path), originPath: absolute, refusal: symlinkRefusal(path)))
            case .directory where BagValidator.isBag(absolute):
                found.append(FoundFile(sourcePath: lastComponent(absolute), originPath: absolute, isBag: true))
            case .directory:
                let start = found.count
                walk(directory: absolute, relative: "", into: &found)
                for index in start..<found.count { found[index].rootName = lastComponent(absolute) }
            case .file:
                found.append(FoundFile(sourcePath: lastComponent(absolute), originPath: absolute))
            case .other:
                found.append(FoundFile(sourcePath: lastComponent(path), originPath: absolute, refusal: specialRefusal(path)))
            }
        }
        return found
    }

    /// The files of a bag's payload, named `<bag>/data/...`.
    static func payload(of bag: FoundFile) -> [FoundFile] {
        var found: [FoundFile] = []
        walk(directory: bag.originPath + "/data", relative: bag.sourcePath + "/data", into: &found, findingBags: false)
        return found
    }

    private static func walk(directory: String, relative: String, into found: inout [FoundFile], findingBags: Bool = true) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            let shown = relative.isEmpty ? directory : relative
            found.append(
                FoundFile(
                    sourcePath: shown, originPath: directory,
                    refusal: ArchivistError(
                        code: "unreadable", message: "cannot list the folder \(shown): \(describe(error)). Check its permissions.", path: shown)))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let absolute = directory + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            switch kind(of: absolute) {
            case .directory where findingBags && BagValidator.isBag(absolute):
                found.append(FoundFile(sourcePath: rel, originPath: absolute, isBag: true))
            case .directory: walk(directory: absolute, relative: rel, into: &found, findingBags: findingBags)
            case .file: found.append(FoundFile(sourcePath: rel, originPath: absolute))
            case .symlink: found.append(FoundFile(sourcePath: rel, originPath: absolute, refusal: symlinkRefusal(rel)))
            case .other: found.append(FoundFile(sourcePath: rel, originPath: absolute, refusal: specialRefusal(rel)))
            case .missing: continue  // removed while listing
            }
        }
    }

    enum Kind { case file, directory, symlink, other, missing }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    static func absolutePath(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var text = url.path
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        return text
    }

    static func lastComponent(_ path: String) -> String {
        (path as NSString).lastPathComponent
    }

    static func symlinkRefusal(_ path: String) -> ArchivistError {
        ArchivistError(
            code: "symlink",
            message:
                "\(path) is a symbolic link; archivist refuses links so that the catalog records where bytes really came from. Ingest the file it points to instead.",
            path: path)
    }

    static func specialRefusal(_ path: String) -> ArchivistError {
        ArchivistError(
            code: "not-a-regular-file", message: "\(path) is not a regular file (a device, pipe or socket); only files are ingested.", path: path)
    }

    static func describe(_ error: Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
