extension String {
    /// The text of a run of Unicode scalars, written as UTF-8 in one pass.
    ///
    /// `String(unicodeScalars: scalars)` appends the scalars one at a time, which was the
    /// largest single cost of claim extraction; this sizes the string once and fills it.
    @inlinable public init<C: Collection>(unicodeScalars scalars: C) where C.Element == Unicode.Scalar {
        var count = 0
        for scalar in scalars { count += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var written = 0
            for scalar in scalars {
                UTF8.encode(scalar) { unit in
                    buffer[written] = unit
                    written += 1
                }
            }
            return written
        }
    }
}
