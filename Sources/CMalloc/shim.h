#ifndef CITEBOT_CMALLOC_SHIM_H
#define CITEBOT_CMALLOC_SHIM_H
// <stdlib.h> first: it defines __GLIBC__ when the C library is glibc.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
// glibc keeps memory that threads freed in their arenas, where it stays resident for
// good when live blocks lie between the free ones; malloc_trim hands the free pages of
// every arena back to the system. Swift cannot see it (the Glibc module leaves out
// <malloc.h>), hence this wrapper.
//
// Under AddressSanitizer the sanitizer's own allocator serves every malloc, glibc's arenas
// may never be set up, and malloc_trim then reads through their null pointers (a crash
// seen in CI). The sanitizer's runtime defines __asan_init; a weak reference to it is
// null everywhere else.
extern void __asan_init(void) __attribute__((weak));
static inline void citebot_return_free_pages(void) {
    if (&__asan_init != 0) return;
    (void)malloc_trim(0);
}
#else
// Other C libraries have no such call; their freed memory is left as it is.
static inline void citebot_return_free_pages(void) {}
#endif

#endif
