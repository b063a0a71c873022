// The C allocator's settings (mallopt), for the archivist executable. glibc only.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
