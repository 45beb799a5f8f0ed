import Testing

@testable import AzureCognitiveServices

/// Secrets an account's JSON can carry stay out of `-Debug` response blocks.
struct AccountSecretsTests {
    @Test("apiProperties' keys and connection strings are <redacted> in -Debug bodies")
    func apiPropertiesRedacted() {
        let body =
            #"{"properties":{"apiProperties":{"qnaAzureSearchEndpointKey":"K1","#
            + #""eventHubConnectionString":"Endpoint=sb://x;SharedAccessKeyName=n;SharedAccessKey=K2","#
            + #""storageAccountConnectionString":"AccountName=a;AccountKey=K3;EndpointSuffix=s","statisticsEnabled":false}}}"#
        let shown = AzureHTTPTrace.body(Array(body.utf8), headers: [("Content-Type", "application/json")])
        for secret in ["K1", "K2", "K3"] { #expect(!shown.contains(secret)) }
        #expect(shown.contains("\"statisticsEnabled\": false"))
        #expect(AzureHTTPTrace.redactJSONText(body).contains("K1") == false)
    }
}
