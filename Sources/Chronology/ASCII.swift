/// ASCII classes of a code unit or scalar value, decided without Unicode's property tables (the
/// lookups were half of the tagger's time; nearly every date phrase is ASCII).
enum ASCII {
    /// `0`-`9`.
    static func isDigit<T: BinaryInteger>(_ value: T) -> Bool { value >= 0x30 && value <= 0x39 }

    /// `A`-`Z`, `a`-`z`.
    static func isLetter<T: BinaryInteger>(_ value: T) -> Bool {
        let folded = value | 0x20
        return folded >= 0x61 && folded <= 0x7A
    }

    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    static func isSpace<T: BinaryInteger>(_ value: T) -> Bool { value == 0x20 || (value >= 0x09 && value <= 0x0D) }
}
