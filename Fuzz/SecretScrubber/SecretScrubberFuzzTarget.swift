@testable import AzureCognitiveServices

/// libFuzzer entry point for the secret scrubber. The input names 1 to 4 secrets (8 to 71 bytes
/// each) and a text in which byte 0x01 followed by a selector inserts one secret in one encoding:
/// raw, JSON-escaped (short escapes only, every character `\u`-escaped in lower or upper case,
/// every other one), URL-encoded (`%XX` in either case, or form encoding with `+`), or JSON inside
/// JSON. Properties (a breach traps, so libFuzzer reports it): the scrubbed text contains no
/// secret in any of those encodings, and the work done is linear in the text (at most 40 steps a
/// byte, whatever the secrets).
///
/// Example: `Scripts/fuzz.sh scrubber 60`.
@_cdecl("LLVMFuzzerTestOneInput")
public func secretScrubberFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 1 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    var index = 1
    var secrets: [String] = []
    for _ in 0..<(Int(input[0]) % 4 + 1) {
        guard index < input.count else { break }
        let length = 8 + Int(input[index]) % 64
        index += 1
        guard index + length <= input.count else { break }
        secrets.append(String(decoding: input[index..<(index + length)], as: UTF8.self))
        index += length
    }
    // The marker's own characters could join with a neighbour into a "secret" the text never held.
    secrets = secrets.filter { $0.utf8.count >= 8 && !$0.contains("<") && !$0.contains(">") }
    guard !secrets.isEmpty else { return 0 }
    var text: [UInt8] = []
    while index < input.count {
        let byte = input[index]
        index += 1
        if byte == 0x01, index < input.count {
            let selector = Int(input[index])
            index += 1
            let secret = secrets[selector % secrets.count]
            let encoding = ScrubberEncoding.allCases[selector / 4 % ScrubberEncoding.allCases.count]
            text += [0x20] + encoding.encode(secret) + [0x20]
        } else {
            text.append(byte)
        }
    }
    let scrubber = SecretScrubber(secrets: secrets)
    let source = String(decoding: text, as: UTF8.self)
    var work = 0
    let output = Array(scrubber.scrub(source, work: &work).utf8)
    precondition(work <= 40 * (source.utf8.count + 1), "the scrubber did more than linear work")
    for secret in secrets {
        for encoding in ScrubberEncoding.allCases {
            let encoded = encoding.encode(secret)
            precondition(!contains(output, encoded), "a secret survived scrubbing (\(encoding))")
        }
    }
    return 0
}

private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
}

/// The encodings a secret can travel in, as a server or a log line would write them.
enum ScrubberEncoding: CaseIterable {
    case raw, jsonShort, jsonLower, jsonUpper, jsonAlternate, urlUpper, urlLower, form, jsonInJSON

    func encode(_ secret: String) -> [UInt8] {
        switch self {
        case .raw: Array(secret.utf8)
        case .jsonShort: Self.json(secret, every: 0, upper: false)
        case .jsonLower: Self.json(secret, every: 1, upper: false)
        case .jsonUpper: Self.json(secret, every: 1, upper: true)
        case .jsonAlternate: Self.json(secret, every: 2, upper: false)
        case .urlUpper: Self.url(secret, upper: true, form: false)
        case .urlLower: Self.url(secret, upper: false, form: false)
        case .form: Self.url(secret, upper: true, form: true)
        case .jsonInJSON:
            Self.json(
                String(decoding: Self.json(secret, every: 1, upper: false), as: UTF8.self), every: 0, upper: false)
        }
    }

    /// JSON string content: `"`, `\` and controls always escaped; every `every`-th other
    /// UTF-16 unit as `\uXXXX` too (0: none).
    static func json(_ text: String, every: Int, upper: Bool) -> [UInt8] {
        var output = ""
        for (offset, unit) in text.utf16.enumerated() {
            let forced = every > 0 && offset % every == 0
            if !forced, unit >= 0x20, unit != 0x22, unit != 0x5C, unit < 0xD800 || unit >= 0xE000 {
                output += String(decoding: [unit], as: UTF16.self)
            } else if !forced, unit == 0x22 || unit == 0x5C {
                output += "\\" + String(decoding: [unit], as: UTF16.self)
            } else if !forced, (0xD800..<0xE000).contains(unit) {
                output += String(format4: unit, upper: upper)
            } else {
                output += String(format4: unit, upper: upper)
            }
        }
        return Array(output.utf8)
    }

    /// Every byte but RFC 3986 unreserved ones as `%XX`; `form`: a space as `+`.
    static func url(_ text: String, upper: Bool, form: Bool) -> [UInt8] {
        let digits = Array((upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var output: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.append(byte)
            case 0x20 where form:
                output.append(UInt8(ascii: "+"))
            default:
                output += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            }
        }
        return output
    }
}

extension String {
    /// `\uXXXX` for one UTF-16 unit.
    init(format4 unit: UInt16, upper: Bool) {
        let digits = String(unit, radix: 16, uppercase: upper)
        self = "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
