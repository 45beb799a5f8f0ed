/// The AzShim release, sent as `User-Agent: AzShim/0.1.0` on every Azure request.
///
/// Example: `New-AzCognitiveServicesAccountKey rg acct Key1` against Azure sends
/// `User-Agent: AzShim/\(AzShimVersion.current)`.
public enum AzShimVersion {
    public static let current = "0.1.0"
}
