internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A parsed XML document: the only way archivist reads XML.
///
/// Parsing uses libxml2 with `XML_PARSE_NONET` and never `NOENT`, `DTDLOAD`, `DTDATTR`,
/// `XINCLUDE` or `HUGE`: no entity is substituted, no DTD or XInclude is loaded, nothing is
/// fetched. A document whose internal subset declares a general or external entity (or a
/// parameter entity whose value could expand) is refused before anything is expanded. Size and
/// nesting depth are bounded by ``XMLLimits``. The tree stays libxml2's; ``XMLElementRef``s are
/// views into it, valid while the tree lives.
public final class XMLTree {
    let document: xmlDocPtr
    /// The root element (made on demand: a stored view would keep the tree alive forever).
    public var root: XMLElementRef { XMLElementRef(node: rootNode, tree: self) }
    private var rootNode: xmlNodePtr!
    /// The encoding the document declared or libxml2 detected (`UTF-8`, `UTF-16`, `ISO-8859-1`, ...).
    public let encoding: String?
    /// The system identifier of the document type declaration, when there is one (never loaded).
    public let doctypeSystemID: String?

    /// The libxml2 version linked.
    public static var libxml2Version: String { String(cString: archivist_xml_version()) }

    private init(document: xmlDocPtr) {
        self.document = document
        encoding = document.pointee.encoding.map { String(cString: $0) }
        doctypeSystemID = document.pointee.intSubset?.pointee.SystemID.map { String(cString: $0) }
    }

    deinit {
        xmlFreeDoc(document)
        pthread_mutex_destroy(cacheLock)
        cacheLock.deallocate()
    }

    /// Parses `bytes` as XML.
    public static func parse(_ bytes: UnsafeRawBufferPointer, limits: XMLLimits = XMLLimits()) throws(XMLParseError) -> XMLTree {
        guard bytes.count <= limits.maximumBytes else {
            throw XMLParseError(
                kind: .tooLarge, detail: "the file is \(bytes.count) bytes, more than the \(limits.maximumBytes)-byte limit for XML")
        }
        guard bytes.count > 0, let base = bytes.baseAddress else {
            throw XMLParseError(kind: .malformed, detail: "the file is empty")
        }
        Self.installLoader
        var guardState = archivist_entity_guard()
        // COMPACT keeps short texts inside their nodes instead of allocating each (a finding aid has
        // tens of thousands: dates, box numbers); it forbids changing the tree, which nothing does.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        let result = archivist_parse(base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), options, &guardState)
        if guardState.refused != 0 {
            let name = withUnsafeBytes(of: guardState.name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            throw XMLParseError(kind: .entityDeclaration, detail: "the document type declares the \(entityKind(guardState.type)) \(name)")
        }
        guard let document = result.doc else {
            throw Self.error(from: result)
        }
        let tree = XMLTree(document: document)
        guard let rootNode = xmlDocGetRootElement(document) else {
            throw XMLParseError(kind: .malformed, detail: "the document has no root element")
        }
        tree.rootNode = rootNode
        // libxml2 itself refuses more than 256 levels (without XML_PARSE_HUGE); a lower limit is checked here.
        if limits.maximumDepth < 256 && tree.root.depth(limit: limits.maximumDepth) > limits.maximumDepth {
            throw XMLParseError(kind: .tooDeep, detail: "elements are nested more than \(limits.maximumDepth) deep")
        }
        return tree
    }

    /// The pointers libxml2 interned for `names` in this document (names absent from it are left out).
    ///
    /// Safe to call from several threads reading the tree at once: the cache is guarded by a lock.
    func internedNames(_ names: XMLNameSet) -> Set<UnsafePointer<UInt8>> {
        pthread_mutex_lock(cacheLock)
        defer { pthread_mutex_unlock(cacheLock) }
        if let cached = internedCache[ObjectIdentifier(names)] { return cached.pointers }
        var pointers = Set<UnsafePointer<UInt8>>()
        if let dictionary = document.pointee.dict {
            for name in names.names {
                if let pointer = xmlDictExists(dictionary, name, -1) { pointers.insert(pointer) }
            }
        }
        internedCache[ObjectIdentifier(names)] = (names, pointers)
        return pointers
    }

    /// Interned pointers by name set; the set is kept so that its identity stays unique.
    private var internedCache: [ObjectIdentifier: (set: XMLNameSet, pointers: Set<UnsafePointer<UInt8>>)] = [:]
    private let cacheLock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()

    /// Starts libxml2 and installs, once, the resource loader that refuses network URLs for schemas
    /// and documents. A static constant, so Swift runs it exactly once, whichever thread asks first.
    private static let installLoader: Void = archivist_install_loader()

    private static func entityKind(_ type: Int32) -> String {
        switch UInt32(type) {
        case XML_INTERNAL_GENERAL_ENTITY.rawValue: "internal general entity"
        case XML_EXTERNAL_GENERAL_PARSED_ENTITY.rawValue, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY.rawValue: "external entity"
        case XML_EXTERNAL_PARAMETER_ENTITY.rawValue: "external parameter entity"
        case XML_INTERNAL_PARAMETER_ENTITY.rawValue: "parameter entity with markup or references in its value"
        default: "entity"
        }
    }

    private static func error(from result: archivist_parse_result) -> XMLParseError {
        var copy = result
        let message = withUnsafeBytes(of: &copy.message) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            .trimmingTrailingNewlines()
        let line = result.errorLine > 0 ? Int(result.errorLine) : nil
        switch UInt32(result.errorCode) {
        case XML_ERR_INVALID_CHAR.rawValue, XML_ERR_INVALID_ENCODING.rawValue, XML_ERR_UNSUPPORTED_ENCODING.rawValue,
            XML_ERR_UNKNOWN_ENCODING.rawValue, XML_I18N_CONV_FAILED.rawValue, XML_ERR_INVALID_CHARREF.rawValue:
            return XMLParseError(kind: .encoding, detail: message, line: line)
        case XML_ERR_ENTITY_LOOP.rawValue, XML_ERR_UNDECLARED_ENTITY.rawValue, XML_WAR_UNDECLARED_ENTITY.rawValue:
            return XMLParseError(kind: .entityDeclaration, detail: message, line: line)
        default:
            if message.contains("Excessive depth") {
                // libxml2's message ends by advising XML_PARSE_HUGE, which archivist never sets.
                return XMLParseError(kind: .tooDeep, detail: "elements are nested more than 256 deep", line: line)
            }
            if message.contains("encoding") || message.contains("UTF-8") || message.contains("UTF-16") {
                return XMLParseError(kind: .encoding, detail: message, line: line)
            }
            return XMLParseError(kind: .malformed, detail: message.isEmpty ? "libxml2 error \(result.errorCode)" : message, line: line)
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while let last = text.last, last == "\n" || last == " " { text.removeLast() }
        return text
    }
}
