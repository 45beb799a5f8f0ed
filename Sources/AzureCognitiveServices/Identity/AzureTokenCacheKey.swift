import AzShimSupport

/// What a cached token is for: the cloud, the authority, the tenant, the client, the resource
/// (audience), the credential kind and a SHA-256 of the credential's material. The cache file
/// holds only the digest of all of them, so it names no tenant, client or secret.
///
/// Example: `New-AzCognitiveServicesAccountKey rg acct Key1` with a client secret uses
/// `AzureTokenCacheKey(cloud: "AzureCloud", authority: "https://login.microsoftonline.com", tenant: "t",
/// client: "c", resource: "https://management.core.windows.net/", kind: .clientSecret, material: secretBytes)`;
/// a new `AZURE_CLIENT_SECRET` gives another key, so the old token is not used.
struct AzureTokenCacheKey: Sendable, Equatable {
    var cloud: String
    var authority: String
    var tenant: String
    var client: String
    var resource: String
    var kind: AzureCredentialKind
    /// SHA-256 of `tokenCacheMaterial`, hexadecimal.
    var materialDigest: String

    init(
        cloud: String, authority: String, tenant: String, client: String, resource: String, kind: AzureCredentialKind,
        material: [UInt8]
    ) {
        self.cloud = cloud
        self.authority = authority
        self.tenant = tenant
        self.client = client
        self.resource = resource
        self.kind = kind
        self.materialDigest = SHA256.hex(material)
    }

    /// The name of the entry in the cache file: SHA-256 of every part, each preceded by its
    /// length (so no two different keys can join into the same text).
    var entryName: String {
        let parts = ["azshim-token-cache-1", cloud, authority, tenant, client, resource, kind.rawValue, materialDigest]
        return SHA256.hex(parts.flatMap { Array("\($0.utf8.count):\($0)".utf8) })
    }
}
