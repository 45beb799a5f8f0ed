/// Random version-4 UUIDs for `x-ms-client-request-id`, without Foundation.
///
/// Example: `AzureRequestID.make()` is `"3f2b8c1e-9d4a-4b7e-8f0a-1c2d3e4f5a6b"`.
enum AzureRequestID {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Array("0123456789abcdef".unicodeScalars)
        var text = ""
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text += "-" }
            text.unicodeScalars.append(hex[Int(byte >> 4)])
            text.unicodeScalars.append(hex[Int(byte & 0xF)])
        }
        return text
    }
}
