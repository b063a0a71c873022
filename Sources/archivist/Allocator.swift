#if canImport(Glibc)
    import CMalloc
#endif

/// Process-wide settings of the C allocator, made once before a command runs.
enum Allocator {
    /// Tunes glibc's allocator for many small objects and large blocks freed on several threads.
    ///
    /// Turns off glibc's fastbins (`M_MXFAST` 0).
    ///
    /// Importing a finding aid makes and frees hundreds of thousands of small objects (each
    /// component's strings, fields and views of the tree). With fastbins on, glibc keeps those
    /// frees unmerged, and every later free that borders the top of the heap makes it merge them
    /// all (`malloc_consolidate`): a profile of `inspect` over 100 EAD files put 14% of the CPU
    /// there. Without fastbins, small frees still go to the per-thread cache first and are merged
    /// as they come. This changes speed only, never what is allocated or stored.
    ///
    /// Keeps up to 256 MiB of freed memory before trimming (`M_TRIM_THRESHOLD`). glibc otherwise
    /// hands memory back to the kernel eagerly (madvise on every shrink of a thread's arena), which
    /// with ingest's two threads cost about a fifth of the run in TLB shootdowns.
    ///
    /// Serves blocks up to 32 MiB from the heap (`M_MMAP_THRESHOLD`). Fixing the trim threshold
    /// also freezes glibc's adaptive mmap threshold at 128 KiB, so every larger block (an XML
    /// tree's text, a file's bytes) would otherwise be mapped and zeroed afresh.
    static func tune() {
        #if canImport(Glibc)
            _ = mallopt(M_MXFAST, 0)
            _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
            _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        #endif
    }
}
