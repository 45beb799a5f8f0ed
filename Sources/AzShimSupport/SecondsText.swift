/// Seconds as Az prints them in messages: at most three decimals, no trailing `.0`, and a word
/// for what is not a finite number.
///
/// Example: `SecondsText.format(2.5)` is `"2.5"`, `SecondsText.format(100)` is `"100"`.
package enum SecondsText {
    package static func format(_ seconds: Double) -> String {
        guard seconds.isFinite else { return seconds.isNaN ? "an unknown number of" : "infinitely many" }
        guard abs(seconds) < 1e15 else { return String(seconds) }
        let rounded = (seconds * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
