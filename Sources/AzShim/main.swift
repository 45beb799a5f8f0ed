import AzureCognitiveServices
import PowerShellHost

#if canImport(Glibc)
    import Glibc
#endif

// The whole executable: argv, stdin and the environment in; an exit status out. The name it was
// invoked as chooses the command (`Get-Help` is a link to the same binary).
SignalState.install()
let io = HostIO.process()
let invokedAs = String(CommandLine.arguments.first?.split(separator: "/").last ?? "")
let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32
if invokedAs == "Get-Help" {
    status = CommandHost.write(
        HelpCommand.run(arguments: arguments, helpFiles: EmbeddedHelp.markdown, width: io.consoleWidth ?? HelpCommand.defaultWidth),
        to: io)
} else {
    status = CommandHost.run(AzureCmdlets.named(invokedAs), arguments: arguments, io: io)
}
exit(status)
