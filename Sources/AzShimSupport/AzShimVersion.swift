/// The AzShim release: what `--version` prints and the `User-Agent` of every Azure request.
///
/// Example: `New-AzCognitiveServicesAccountKey --version` prints `AzShim 0.1.0`; a request to
/// Azure carries `User-Agent: AzShim/0.1.0`.
package enum AzShimVersion {
    package static let current = "0.1.0"

    /// `AzShim/<version>`, the product token sent as `User-Agent`.
    package static let userAgent = "AzShim/\(current)"
}
