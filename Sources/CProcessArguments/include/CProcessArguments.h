// The command line as the C library handed it to the program, kept for the Swift side so that
// AzShim never depends on /proc/self/cmdline (which is what Swift's CommandLine.arguments reads
// on Linux, and which is missing in a chroot or sandbox without /proc).
//
// Example: in a chroot without /proc, `New-AzCognitiveServicesAccountKey -WhatIf` has
// CProcessArgumentsCount() == 2 and CProcessArgumentsVector()[1] == "-WhatIf", while
// CommandLine.arguments is empty.
#ifndef CPROCESSARGUMENTS_H
#define CPROCESSARGUMENTS_H

/// argc as the C library passed it to the program's initializers, or -1 when nothing was captured
/// (a C library that does not pass argc/argv to initializers, or a library load without them).
int CProcessArgumentsCount(void);

/// argv as the C library passed it (CProcessArgumentsCount() entries, then NULL), or NULL when
/// nothing was captured. The strings are the process's own and live as long as the process.
char *const *CProcessArgumentsVector(void);

#endif
