/// The regenerateKey exchanges of the real recordings, copied verbatim (only the fields the
/// replay tests need) from:
/// - `shared/reference/azure-powershell-session-records/TestNewAccountKey.json`
///   (Azure/azure-powershell @956e0c519fd69a2c2e03bbdfc795a1501a61f40f, Apache-2.0), entries 6 and 7;
/// - `shared/reference/azure-cli-recordings/test_cognitiveservices_crud.yaml`
///   (Azure/azure-cli @9227cdd7f9babcceedf6f0fda0c566cf45503509, MIT), the regenerate request.
///
/// Example: `RecordedExchanges.all[0].requestBody` is `{\r\n  "keyName": "Key1"\r\n}`.
struct RecordedExchange: Sendable, CustomStringConvertible {
    var source: String
    var method: String
    var requestURI: String
    var requestBody: String
    var statusCode: Int
    var responseHeaders: [(name: String, value: String)]
    var responseBody: String
    var description: String { source }
}

enum RecordedExchanges {
    static let all: [RecordedExchange] = [
        RecordedExchange(
            source: "TestNewAccountKey.json regenerateKey Key1", method: "POST",
            requestURI:
                "/subscriptions/f9b96b36-1f5e-4021-8959-51527e26e6d3/resourceGroups/pstestrg9827/providers/Microsoft.CognitiveServices/accounts/csapstestrg9827/regenerateKey?api-version=2017-04-18",
            requestBody: "{\r\n  \"keyName\": \"Key1\"\r\n}", statusCode: 200,
            responseHeaders: [
                ("Cache-Control", "no-cache"), ("x-ms-ratelimit-remaining-subscription-writes", "1198"),
                ("Content-Type", "application/json; charset=utf-8"), ("Expires", "-1"),
            ],
            responseBody:
                "{\r\n  \"key1\": \"5640e147e919447b83578b420e3a4376\",\r\n  \"key2\": \"279a6942d9bc4211833803e32b1debb2\"\r\n}"
        ),
        RecordedExchange(
            source: "TestNewAccountKey.json regenerateKey Key2", method: "POST",
            requestURI:
                "/subscriptions/f9b96b36-1f5e-4021-8959-51527e26e6d3/resourceGroups/pstestrg9827/providers/Microsoft.CognitiveServices/accounts/csapstestrg9827/regenerateKey?api-version=2017-04-18",
            requestBody: "{\r\n  \"keyName\": \"Key2\"\r\n}", statusCode: 200,
            responseHeaders: [
                ("Cache-Control", "no-cache"), ("x-ms-ratelimit-remaining-subscription-writes", "1197"),
                ("Content-Type", "application/json; charset=utf-8"), ("Expires", "-1"),
            ],
            responseBody:
                "{\r\n  \"key1\": \"5640e147e919447b83578b420e3a4376\",\r\n  \"key2\": \"205a2fcf99fc48f9ab043074ce54ef1e\"\r\n}"
        ),
        RecordedExchange(
            source: "test_cognitiveservices_crud.yaml keys regenerate", method: "POST",
            requestURI:
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/clitest.rg000001/providers/Microsoft.CognitiveServices/accounts/cog000002/regenerateKey?api-version=2022-03-01",
            requestBody: "{\"keyName\": \"Key1\"}", statusCode: 200,
            responseHeaders: [
                ("cache-control", "no-cache"), ("content-type", "application/json; charset=utf-8"),
                ("vary", "Accept-Encoding"), ("x-ms-ratelimit-remaining-subscription-writes", "1199"),
            ],
            responseBody: #"{"key1":"a136824a48164cf3b888b83088c2d19c","key2":"c374d6dd07cb4047bb8281d5785f316f"}"#),
    ]
}
