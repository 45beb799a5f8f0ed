import Testing

@testable import AzureCognitiveServices
@testable import PowerShellHost

/// The cmdlets' declarations: typed parameter keys, the KeyName enum as Az declares it, and the
/// definitions the host runs.
@Suite struct CmdletDeclarationTests {
    @Test("KeyName is Az's Microsoft.Azure.Management.CognitiveServices.Models.KeyName { Key1 = 0, Key2 = 1 }")
    func keyNameEnum() {
        #expect(
            KeyName.enumerationType
                == EnumerationType(
                    fullName: "Microsoft.Azure.Management.CognitiveServices.Models.KeyName",
                    members: [.init("Key1", 0), .init("Key2", 1)]))
        #expect(CognitiveServicesParameters.keyName.metadata.type == .enumeration(KeyName.enumerationType))
    }

    @Test(
        "New-'s ShouldProcess action has the bytes of Az's interpolated text",
        arguments: ["acct", "", "a-much-longer-account-name-than-fifteen-bytes", "café-ünïcode-😀", "tab\there"])
    func newKeyAction(_ account: String) {
        for keyName in ["Key1", "Key2", ""] {
            let action = NewAzCognitiveServicesAccountKey.action(keyName: keyName, account: account)
            #expect(action.text == "Regenerating Key \(keyName) for account \(account).")
            // The bytes a What-if line copies are the same; a buffer too small gets none.
            let expected = Array("Regenerating Key \(keyName) for account \(account).".utf8)
            #expect(action.utf8Count == expected.count)
            var bytes = [UInt8](repeating: 0, count: expected.count + 3)
            #expect(bytes.withUnsafeMutableBufferPointer { action.copyUTF8(into: $0) } == expected.count)
            #expect(Array(bytes.prefix(expected.count)) == expected)
            #expect(bytes.withUnsafeMutableBufferPointer { action.copyUTF8(into: .init(rebasing: $0[..<5])) } == 0)
        }
    }

    @Test("the definitions carry each cmdlet's metadata and embedded help, in Az's parameter order")
    func definitions() {
        let new = NewAzCognitiveServicesAccountKey.definition
        #expect(new.metadata.name == "New-AzCognitiveServicesAccountKey")
        #expect(new.helpMarkdown == EmbeddedHelp.markdown["New-AzCognitiveServicesAccountKey"])
        #expect(
            new.metadata.parameters.prefix(5).map(\.name) == [
                "ResourceGroupName", "Name", "KeyName", "Force", "DefaultProfile",
            ])
        #expect(new.metadata.supportsShouldProcess)
        let get = GetAzCognitiveServicesAccountKey.definition
        #expect(get.metadata.name == "Get-AzCognitiveServicesAccountKey")
        #expect(get.helpMarkdown == EmbeddedHelp.markdown["Get-AzCognitiveServicesAccountKey"])
        #expect(get.metadata.parameters.prefix(3).map(\.name) == ["ResourceGroupName", "Name", "DefaultProfile"])
        #expect(!get.metadata.supportsShouldProcess)
    }

    @Test("a cmdlet reads the account from the bound -ResourceGroupName and -Name, and may run objects at once")
    func accountReference() throws {
        let metadata = NewAzCognitiveServicesAccountKey.metadata
        let bound = try CommandLineBinder(metadata: metadata).bind(
            ArgumentTokenizer.tokenize(["-AccountName", "myluis", "rg", "key2"]).arguments)
        #expect(AccountReference(bound) == AccountReference(resourceGroupName: "rg", name: "myluis"))
        #expect(bound[CognitiveServicesParameters.keyName] == .key2)
        #expect(!bound[CognitiveServicesParameters.force])
        #expect(AccountReference(BoundParameters()) == nil)
        #expect(NewAzCognitiveServicesAccountKey.definition.makeCmdlet([:]).supportsConcurrentProcessing)
    }
}
