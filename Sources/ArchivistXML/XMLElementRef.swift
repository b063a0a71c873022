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
        strcmp(UnsafeRawPointer(node.pointee.name).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// Whether the local name is one of `names`.
    public func isNamed(anyOf names: [StaticString]) -> Bool { names.contains { isNamed($0) } }

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
    public func children(_ name: StaticString) -> [XMLElementRef] { children.filter { $0.isNamed(name) } }

    /// The first child element named `name`.
    public func child(_ name: StaticString) -> XMLElementRef? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let element = XMLElementRef(node: current, tree: tree)
                if element.isNamed(name) { return element }
            }
            child = current.pointee.next
        }
        return nil
    }

    /// The element at the end of a path of child names (`child("a")?.child("b")...`).
    public func path(_ names: StaticString...) -> XMLElementRef? {
        var current: XMLElementRef? = self
        for name in names { current = current?.child(name) }
        return current
    }

    /// Every descendant element (not this one) in document order, optionally only those named `name`;
    /// `stop` says which elements not to descend into.
    public func descendants(_ name: StaticString? = nil, stop: (XMLElementRef) -> Bool = { _ in false }) -> [XMLElementRef] {
        var out: [XMLElementRef] = []
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        while true {
            if let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    let element = XMLElementRef(node: current, tree: tree)
                    if name.map({ element.isNamed($0) }) ?? true { out.append(element) }
                    if !stop(element), let first = current.pointee.children {
                        stack.append(current)
                        child = first
                        continue
                    }
                }
                child = current.pointee.next
            } else if let up = stack.popLast() {
                child = up.pointee.next
            } else {
                return out
            }
        }
    }

    /// The first descendant named `name`, in document order.
    public func first(_ name: StaticString) -> XMLElementRef? {
        descendants(name).first
    }

    /// The value of the attribute with local name `name` (in any namespace), or nil.
    public func attribute(_ name: StaticString) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if strcmp(UnsafeRawPointer(current.pointee.name).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
            {
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
        var bytes: [UInt8] = []
        appendText(to: &bytes, blocks: nil)
        return Self.collapse(bytes)
    }

    /// The text with a paragraph break (a blank line) around every element named in `blocks`,
    /// whitespace inside paragraphs collapsed; elements named in `skip` are left out.
    public func text(blocks: Set<String>, skip: Set<String> = []) -> String {
        var bytes: [UInt8] = []
        appendText(to: &bytes, blocks: (blocks, skip))
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map { Self.collapse(Array($0)) }
            .filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private func appendText(to bytes: inout [UInt8], blocks: (Set<String>, Set<String>)?) {
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        while true {
            if let current = child {
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content {
                        var count = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
                        var pointer = content
                        // Line breaks inside text are whitespace; paragraph breaks come from elements only.
                        while count > 0 {
                            let byte = pointer.pointee
                            bytes.append(byte == 0x0A ? 0x20 : byte)
                            pointer += 1
                            count -= 1
                        }
                    }
                case XML_ELEMENT_NODE:
                    if let (blockNames, skipNames) = blocks {
                        let name = String(cString: current.pointee.name)
                        if skipNames.contains(name) { break }
                        if blockNames.contains(name) { bytes.append(0x0A) }
                        if let first = current.pointee.children {
                            stack.append(current)
                            child = first
                            continue
                        }
                        if blockNames.contains(name) { bytes.append(0x0A) }
                    } else if let first = current.pointee.children {
                        // Inline markup adds no space: "(<persName>Caffery</persName>)" reads "(Caffery)".
                        stack.append(current)
                        child = first
                        continue
                    }
                default:
                    break  // comments, processing instructions, entity references (never expanded)
                }
                child = current.pointee.next
            } else if let up = stack.popLast() {
                if let (blockNames, _) = blocks, blockNames.contains(String(cString: up.pointee.name)) {
                    bytes.append(0x0A)
                } else if up.pointee.next?.pointee.type == XML_ELEMENT_NODE {
                    // Two elements side by side (<part>University</part><part>Libraries</part>) are two words.
                    bytes.append(0x20)
                }
                child = up.pointee.next
            } else {
                return
            }
        }
    }

    /// Collapses runs of ASCII whitespace to one space and trims the ends.
    static func collapse(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
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
