/// Parses the HTTP-date form of `Retry-After` (RFC 9110 §5.6.7: IMF-fixdate, RFC 850 and
/// asctime). Every number is checked before any arithmetic: a year outside 1…9999, a day
/// outside 1…31 or a time outside 00:00:00…23:59:60 is no date at all.
///
/// Example: `AzureHTTPDate.parse("Wed, 21 Oct 2015 07:28:00 GMT")` is `1445412480`
/// (seconds since 1970); `AzureHTTPDate.parse("Wed, 21 Oct 999999999999 07:28:00 GMT")` is nil.
enum AzureHTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> Double? {
        // A date is about 30 characters; anything much longer is not one.
        guard text.utf8.count <= 64 else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
        var day: Int?
        var month: Int?
        var year: Int?
        var clock: [Int]?
        for word in words {
            if word.contains(":") {
                let parts = word.split(separator: ":", omittingEmptySubsequences: false).map { number($0, digits: 2) }
                guard parts.count == 3, let hour = parts[0], let minute = parts[1], let second = parts[2] else {
                    return nil
                }
                clock = [hour, minute, second]
            } else if word.contains("-") {
                // RFC 850: 21-Oct-15
                let parts = word.split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count == 3, let d = number(parts[0], digits: 2), let m = monthIndex(parts[1]),
                    let y = number(parts[2], digits: 4)
                else { return nil }
                day = d
                month = m
                year = parts[2].count <= 2 ? (y < 70 ? 2000 + y : 1900 + y) : y
            } else if let m = monthIndex(word) {
                month = m
            } else if word.first?.isNumber == true {
                guard let value = number(word, digits: 4) else { return nil }
                if word.count == 4 { year = value } else { day = value }
            }
        }
        guard let day, let month, let year, let clock, (1...9999).contains(year), (1...31).contains(day),
            (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...60).contains(clock[2])
        else { return nil }
        // Bounded above: at most about 3.65 million days, so no product here can overflow.
        let days = daysFromCivil(year: year, month: month, day: day)
        return Double(days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2])
    }

    /// 1 to `digits` ASCII digits, or nil.
    private static func number(_ word: Substring, digits: Int) -> Int? {
        guard (1...digits).contains(word.utf8.count), word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        return Int(word)
    }

    private static func monthIndex(_ word: Substring) -> Int? {
        guard word.count >= 3 else { return nil }
        return months.firstIndex(of: String(word.lowercased().prefix(3))).map { $0 + 1 }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
