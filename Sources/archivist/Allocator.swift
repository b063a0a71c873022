#if canImport(Glibc)
    import CMalloc
#endif

/// Process-wide settings of the C allocator, made once before a command runs.
enum Allocator {
    /// Turns off glibc's fastbins (`M_MXFAST` 0).
    ///
    /// Importing a finding aid makes and frees hundreds of thousands of small objects (each
    /// component's strings, fields and views of the tree). With fastbins on, glibc keeps those
    /// frees unmerged, and every later free that borders the top of the heap makes it merge them
    /// all (`malloc_consolidate`): a profile of `inspect` over 100 EAD files put 14% of the CPU
    /// there. Without fastbins, small frees still go to the per-thread cache first and are merged
    /// as they come. This changes speed only, never what is allocated or stored.
    static func tune() {
        #if canImport(Glibc)
            _ = mallopt(M_MXFAST, 0)
        #endif
    }
}
