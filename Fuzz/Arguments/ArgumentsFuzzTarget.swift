import AzureCognitiveServices
import PowerShellHost

/// libFuzzer entry point for the command line: bytes become an argument vector (words split at
/// NUL, as `execve` hands them over; invalid UTF-8 repaired as `CommandLine.arguments` repairs
/// it), which goes through the host options, the tokenizer and the command-line binder of
/// `New-AzCognitiveServicesAccountKey`, and every binding error is rendered to its message.
///
/// Example: `Scripts/fuzz.sh arguments 60`; the seed `-Name\0myluis\0-KeyName\0Key1` binds.
@_cdecl("LLVMFuzzerTestOneInput")
public func argumentsFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let words = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let metadata = NewAzCognitiveServicesAccountKey.metadata
    let remaining: [String]
    do {
        (_, remaining) = try HostOptions.parse(words)
    } catch {
        _ = error.message.count
        return 0
    }
    let tokens = ArgumentTokenizer.tokenize(remaining)
    let binder = CommandLineBinder(metadata: metadata)
    do {
        let bound = try binder.bind(tokens.arguments)
        _ = binder.missingMandatory(bound).count
    } catch {
        _ = BindingErrorMessages.message(for: error).count
        _ = ErrorRecord(error).message.count
    }
    return 0
}
