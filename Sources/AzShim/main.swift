import AzShimSupport
import AzureCognitiveServices
import PowerShellHost

#if canImport(Glibc)
    import Glibc
#endif

// The whole executable: argv, stdin and the environment in; an exit status out.
// The command line comes from the C library's argv, never from /proc alone; when it cannot be
// read, nothing runs (exit 2 before stdin, a lock or a request).
let commandLine: ProcessCommandLine
do {
    commandLine = try ProcessCommandLine.resolve(
        captured: ArgumentSources.captured(), runtime: ArgumentSources.procfs())
} catch {
    let standardError = FileDescriptorSink(descriptor: 2)
    standardError.write(error.message + "\n")
    standardError.flush()
    exit(2)
}
// The name it was invoked as chooses the command (`Get-Help` and every cmdlet are links to the
// same binary); under any other name the first argument does (Invocation).
SignalState.install()
let io = HostIO.process()
let invocation = Invocation.resolve(commandLine, command: AzureCmdlets.named)
exit(
    invocation.run(
        programName: commandLine.invokedName, commands: AzureCmdlets.all, helpFiles: EmbeddedHelp.markdown,
        manual: AzShimManual.manual, io: io))
