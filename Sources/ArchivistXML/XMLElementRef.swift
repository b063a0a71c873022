internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A view of one element of an ``XMLTree``; names and text are read from libxml2 on demand.
public struct XMLElementRef {
    let node: xmlNodePtr
    /// The tree the element belongs to, kept alive as long as the view.
    public let tree: XMLTree

    /// The element's local name (without prefix).
    public var name: String { String(cString: node.pointee.name) }

    /// The element's namespace URI, if any.
    public var namespace: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// The line the element starts on.
    public var line: Int { Int(xmlGetLineNo(node)) }

    /// Whether the local name is `name` (compared without making a String).
    public func isNamed(_ name: StaticString) -> Bool {
        strcmp(
            UnsafeRawPointer(node.pointee.name).assumingMemoryBound(to: CChar.self),
            UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// Whether the local name is one of `names`.
    public func isNamed(anyOf names: [StaticString]) -> Bool { names.contains { isNamed($0) } }

    /// Whether the local name is `prefix` alone or `prefix` and a two-digit number in `numbers`
    /// (EAD's components: `c`, and `c01` to `c12`), read from the name's bytes with one comparison.
    public func isNamed(_ prefix: StaticString, orNumbered numbers: ClosedRange<Int>) -> Bool {
        let name = UnsafeRawPointer(node.pointee.name).assumingMemoryBound(to: UInt8.self)
        let count = prefix.utf8CodeUnitCount
        guard memcmp(name, prefix.utf8Start, count) == 0 else { return false }
        let first = name[count]
        if first == 0 { return true }
        let second = name[count + 1]
        guard first &- 48 < 10, second != 0, second &- 48 < 10, name[count + 2] == 0 else { return false }
        return numbers.contains(Int(first &- 48) * 10 + Int(second &- 48))
    }

    /// The parent element, if any.
    public var parent: XMLElementRef? {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLElementRef(node: parent, tree: tree)
    }

    /// The child elements, in order.
    public var children: [XMLElementRef] {
        var out: [XMLElementRef] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { out.append(XMLElementRef(node: current, tree: tree)) }
            child = current.pointee.next
        }
        return out
    }

    /// The child elements named `name`.
    public func children(_ name: StaticString) -> [XMLElementRef] {
        var out: [XMLElementRef] = []
        var child = node.pointee.children
        while let current = child {
            if Self.isElement(current, named: name) { out.append(XMLElementRef(node: current, tree: tree)) }
            child = current.pointee.next
        }
        return out
    }

    /// The first child element named `name`.
    public func child(_ name: StaticString) -> XMLElementRef? {
        // Names are compared on the nodes themselves: a view, which retains the tree, is made only
        // for the match.
        var child = node.pointee.children
        while let current = child {
            if Self.isElement(current, named: name) { return XMLElementRef(node: current, tree: tree) }
            child = current.pointee.next
        }
        return nil
    }

    /// Whether `node` is an element whose local name is `name`.
    static func isElement(_ node: xmlNodePtr, named name: StaticString) -> Bool {
        node.pointee.type == XML_ELEMENT_NODE
            && strcmp(
                UnsafeRawPointer(node.pointee.name).assumingMemoryBound(to: CChar.self),
                UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The element at the end of a path of child names (`child("a")?.child("b")...`).
    public func path(_ names: StaticString...) -> XMLElementRef? {
        var current: XMLElementRef? = self
        for name in names { current = current?.child(name) }
        return current
    }

    /// Every descendant element (not this one) in document order, optionally only those named `name`;
    /// `stop` says which elements not to descend into.
    public func descendants(_ name: StaticString? = nil, stop: ((XMLElementRef) -> Bool)? = nil) -> [XMLElementRef] {
        var out: [XMLElementRef] = []
        walkElements { current in
            let element = name.map { Self.isElement(current, named: $0) } ?? true ? XMLElementRef(node: current, tree: tree) : nil
            if let element { out.append(element) }
            guard let stop else { return .descend }
            return stop(element ?? XMLElementRef(node: current, tree: tree)) ? .skipChildren : .descend
        }
        return out
    }

    /// The first descendant named `name`, in document order.
    public func first(_ name: StaticString) -> XMLElementRef? {
        var found: xmlNodePtr?
        walkElements { current in
            guard Self.isElement(current, named: name) else { return .descend }
            found = current
            return .end
        }
        return found.map { XMLElementRef(node: $0, tree: tree) }
    }

    private enum WalkStep { case descend, skipChildren, end }

    /// Visits the descendant elements in document order, without making a view of each.
    private func walkElements(_ visit: (xmlNodePtr) -> WalkStep) {
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        while true {
            if let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    switch visit(current) {
                    case .end: return
                    case .descend:
                        if let first = current.pointee.children {
                            stack.append(current)
                            child = first
                            continue
                        }
                    case .skipChildren: break
                    }
                }
                child = current.pointee.next
            } else if let up = stack.popLast() {
                child = up.pointee.next
            } else {
                return
            }
        }
    }

    /// The value of the attribute with local name `name` (in any namespace), or nil.
    public func attribute(_ name: StaticString) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if strcmp(
                UnsafeRawPointer(current.pointee.name).assumingMemoryBound(to: CChar.self),
                UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
            {
                // A value is almost always one text node, read as it is; else libxml2 joins its parts.
                if let only = current.pointee.children, only.pointee.next == nil, only.pointee.type == XML_TEXT_NODE,
                    let content = only.pointee.content
                {
                    return String(cString: content)
                }
                guard let value = xmlNodeListGetString(tree.document, current.pointee.children, 1) else { return "" }
                defer { archivist_xml_free(value) }
                return String(cString: value)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// All text inside the element, whitespace runs collapsed to one space, trimmed.
    public var text: String {
        // Most elements read for a field (a title, an id, a date) hold one text node already in that
        // form: it is read as it is, without a writer and its buffer.
        if let only = node.pointee.children, only.pointee.next == nil,
            only.pointee.type == XML_TEXT_NODE || only.pointee.type == XML_CDATA_SECTION_NODE,
            let content = only.pointee.content, TextWriter.isCollapsed(content)
        {
            return String(cString: content)
        }
        let writer = TextWriter()
        write(into: writer, blocks: nil, skip: nil)
        return writer.string
    }

    /// The text with a paragraph break (a blank line) around every element named in `blocks`,
    /// whitespace inside paragraphs collapsed; elements named in `skip` are left out.
    public func text(blocks: Set<String>, skip: Set<String> = []) -> String {
        text(blocks: XMLNameSet(blocks), skip: skip.isEmpty ? nil : XMLNameSet(skip))
    }

    /// The same, with the names in sets made once (a format's block names), whose interned
    /// pointers the tree looks up once.
    public func text(blocks: XMLNameSet, skip: XMLNameSet? = nil) -> String {
        let writer = TextWriter()
        write(into: writer, blocks: tree.internedNames(blocks), skip: skip.map { tree.internedNames($0) })
        return writer.string
    }

    /// The text of the child elements `include` accepts, each child a paragraph of its own (as
    /// joining each one's ``text(blocks:skip:)-(XMLNameSet,_)`` with blank lines, leaving out empty ones), in one
    /// buffer.
    public func text(ofChildren include: (XMLElementRef) -> Bool, blocks: XMLNameSet) -> String {
        let writer = TextWriter()
        let interned = tree.internedNames(blocks)
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let element = XMLElementRef(node: current, tree: tree)
                if include(element) {
                    writer.breakParagraph()
                    element.write(into: writer, blocks: interned, skip: nil)
                }
            }
            child = current.pointee.next
        }
        return writer.string
    }

    /// Walks the subtree once, writing text nodes through the writer. Element names are compared
    /// as libxml2's interned name pointers, so no string is made per element.
    private func write(into writer: TextWriter, blocks: Set<UnsafePointer<UInt8>>?, skip: Set<UnsafePointer<UInt8>>?) {
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        while true {
            if let current = child {
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content {
                        writer.write(content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
                    }
                case XML_ELEMENT_NODE:
                    let name = current.pointee.name!
                    if skip?.contains(name) == true { break }
                    if blocks?.contains(name) == true { writer.breakParagraph() }
                    if let first = current.pointee.children {
                        stack.append(current)
                        child = first
                        continue
                    }
                default:
                    break  // comments, processing instructions, entity references (never expanded)
                }
                child = current.pointee.next
            } else if let up = stack.popLast() {
                if blocks?.contains(up.pointee.name) == true {
                    writer.breakParagraph()
                } else if up.pointee.next?.pointee.type == XML_ELEMENT_NODE {
                    // Two elements side by side (<part>University</part><part>Libraries</part>) are two words.
                    writer.breakWord()
                }
                child = up.pointee.next
            } else {
                return
            }
        }
    }

    /// The depth of the deepest element below this one (1 for a leaf), counting no further than `limit + 1`.
    func depth(limit: Int) -> Int {
        var deepest = 1
        var stack: [(xmlNodePtr, Int)] = [(node, 1)]
        while let (current, level) = stack.popLast() {
            deepest = max(deepest, level)
            if deepest > limit { return deepest }
            var child = current.pointee.children
            while let next = child {
                if next.pointee.type == XML_ELEMENT_NODE { stack.append((next, level + 1)) }
                child = next.pointee.next
            }
        }
        return deepest
    }
}

/// A set of element names, made once and reused (its identity keys the tree's lookups).
public final class XMLNameSet: Sendable {
    /// The names.
    public let names: Set<String>

    /// Creates a set.
    public init(_ names: Set<String>) { self.names = names }
}

/// Builds text in one pass: whitespace runs become one space, paragraph breaks a blank line,
/// nothing at either end. Writes bytes through a raw buffer: text is most of an XML file, and
/// per-byte array appends cost more than libxml2's whole parse.
final class TextWriter {
    private var buffer: UnsafeMutablePointer<UInt8>?
    private var capacity = 0
    private var count = 0
    private var pendingSpace = false
    private var pendingBreak = false

    deinit { buffer?.deallocate() }

    /// Makes room for `extra` more bytes.
    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let newCapacity = max(capacity * 2, count + extra, 256)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if let buffer {
            grown.update(from: buffer, count: count)
            buffer.deallocate()
        }
        buffer = grown
        capacity = newCapacity
    }

    func write(_ pointer: UnsafePointer<UInt8>, count length: Int) {
        // Every space written stands for at least one whitespace byte read, but for the first
        // separator, which may be a paragraph break of two bytes.
        reserve(length + 2)
        let start = buffer!
        var out = start + count
        var pendingSpace = self.pendingSpace
        var pendingBreak = self.pendingBreak
        for index in 0..<length {
            let byte = pointer[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = true
                continue
            }
            if out != start {
                if pendingBreak {
                    out[0] = 0x0A
                    out[1] = 0x0A
                    out += 2
                } else if pendingSpace {
                    out[0] = 0x20
                    out += 1
                }
            }
            pendingBreak = false
            pendingSpace = false
            out[0] = byte
            out += 1
        }
        count = out - start
        self.pendingSpace = pendingSpace
        self.pendingBreak = pendingBreak
    }

    /// Whether the NUL-terminated `text` is already what the writer would make of it: no whitespace
    /// at either end, none but single spaces inside.
    static func isCollapsed(_ text: UnsafePointer<UInt8>) -> Bool {
        var index = 0
        var previousSpace = true  // a space first is a space at the start
        while true {
            let byte = text[index]
            if byte == 0 { return !previousSpace || index == 0 }
            if byte == 0x0A || byte == 0x09 || byte == 0x0D { return false }
            let space = byte == 0x20
            if space && previousSpace { return false }
            previousSpace = space
            index += 1
        }
    }

    func breakParagraph() { pendingBreak = true }

    func breakWord() { pendingSpace = true }

    var string: String {
        guard let buffer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
    }
}
