import AzureCognitiveServices
import PowerShellHost

/// libFuzzer entry point for the help system: bytes are a markdown help file (invalid UTF-8
/// repaired), parsed with diagnostics; a document is rendered in every view at width 80 and at
/// a narrow width taken from the input's length (2…41 columns, so every width gets its turn
/// without tripling the cost of each run), as a man page, and checked against the metadata.
///
/// Example: `Scripts/fuzz.sh help 60`, seeded with `help/New-AzCognitiveServicesAccountKey.md`.
@_cdecl("LLVMFuzzerTestOneInput")
public func helpMarkdownFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let markdown = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (document, diagnostics) = HelpMarkdownParser.parse(markdown)
    for diagnostic in diagnostics { _ = diagnostic.description.count }
    guard let document else { return 0 }
    let views: [HelpView] = [.standard, .detailed, .full, .examples, .online, .parameter("*"), .parameter("K*"), .parameter("[")]
    for width in [80, size % 40 + 2] {
        for view in views { _ = HelpRenderer.render(document, view: view, width: width).count }
    }
    _ = ManPageGenerator.render(document).count
    _ = HelpMetadataCheck.differences(metadata: NewAzCognitiveServicesAccountKey.metadata, document: document).count
    return 0
}
