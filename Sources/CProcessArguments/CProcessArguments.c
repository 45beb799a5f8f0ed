// Captures argc and argv in an initializer, before main runs and without reading any file.
//
// glibc calls every function in .init_array with (argc, argv, envp), in dynamically linked
// programs (elf/dl-init.c, call_init) and in static ones (csu/libc-start.c, call_init) alike;
// Apple's dyld passes the same first three arguments to initializers. Other C libraries (musl
// calls initializers with no arguments) would leave garbage in those registers, so there the
// capture is compiled out and CProcessArgumentsCount() reports -1: the Swift side then has only
// CommandLine.arguments and fails closed when that is empty.
#include "CProcessArguments.h"

#include <stddef.h>
#if defined(__linux__)
#include <features.h>
#endif

static int capturedCount = -1;
static char *const *capturedVector = NULL;

#if defined(__GLIBC__) || defined(__APPLE__)
__attribute__((constructor, used)) static void CProcessArgumentsCapture(int argc, char **argv, char **envp) {
    (void)envp;
    if (argc < 0 || argv == NULL) {
        return;
    }
    // argv[argc] is NULL by the exec contract; a vector that breaks it is not trusted.
    if (argv[argc] != NULL) {
        return;
    }
    capturedCount = argc;
    capturedVector = argv;
}
#endif

int CProcessArgumentsCount(void) { return capturedCount; }

char *const *CProcessArgumentsVector(void) { return capturedVector; }
