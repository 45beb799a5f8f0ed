import AzureCognitiveServices
import PowerShellHost

#if canImport(Glibc)
    import Glibc
#endif

// The whole executable: argv, stdin and the environment in; an exit status out.
SignalState.install()
let status = CommandHost.run(
    NewAzCognitiveServicesAccountKey.definition, arguments: Array(CommandLine.arguments.dropFirst()),
    io: .process())
exit(status)
