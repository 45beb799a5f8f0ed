/// A bearer token for Azure Resource Manager and when it stops being valid.
///
/// Example: a client-secret login answers `{"access_token":"eyJ…","expires_in":3599}`,
/// which becomes `AzureAccessToken(value: "eyJ…", expiresOn: now + 3599)`.
struct AzureAccessToken: Sendable {
    var value: String
    /// Seconds since 1970 (UTC).
    var expiresOn: Double
}
