/// Case-insensitive comparison of ASCII text without allocating: for ASCII strings
/// `String.lowercased()` maps exactly A–Z to a–z, so comparing bytes folded that way gives the
/// same answer as comparing the lowercased strings.
///
/// Example: `ASCIIFold.equal("AccountName", "accountname")` is `true`; `ASCIIFold.equal("Kelvin",
/// "\u{212A}elvin")` is nil (not ASCII: the caller compares `lowercased()` strings).
package enum ASCIIFold {
    /// Whether the two strings are equal ignoring ASCII case; nil when either is not ASCII.
    package static func equal(_ a: String, _ b: String) -> Bool? {
        var a = a
        var b = b
        return a.withUTF8 { left in
            b.withUTF8 { right in
                var differs = false
                var index = 0
                // Every byte is read, so a non-ASCII byte anywhere answers nil, even after a
                // difference or when the lengths differ.
                while index < left.count || index < right.count {
                    let x = index < left.count ? left[index] : 0
                    let y = index < right.count ? right[index] : 0
                    if x >= 0x80 || y >= 0x80 { return nil }
                    if fold(x) != fold(y) || index >= left.count || index >= right.count { differs = true }
                    index += 1
                }
                return !differs
            }
        }
    }

    @inline(__always) private static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
