/// Parses the HTTP-date form of `Retry-After` (RFC 9110: IMF-fixdate, RFC 850 and asctime).
///
/// Example: `AzureHTTPDate.parse("Wed, 21 Oct 2015 07:28:00 GMT")` is `1445412480`
/// (seconds since 1970).
enum AzureHTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> Double? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        var day: Int?
        var month: Int?
        var year: Int?
        var clock: [Int]?
        for word in words {
            if word.contains(":") {
                let parts = word.split(separator: ":").compactMap { Int($0) }
                if parts.count == 3 { clock = parts }
            } else if word.contains("-") {
                // RFC 850: 21-Oct-15
                let parts = word.split(separator: "-").map(String.init)
                if parts.count == 3, let d = Int(parts[0]), let m = monthIndex(parts[1]), let y = Int(parts[2]) {
                    day = d
                    month = m
                    year = y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y
                }
            } else if let m = monthIndex(word) {
                month = m
            } else if let number = Int(word) {
                if number > 31 { year = number } else { day = number }
            }
        }
        guard let day, let month, let year, let clock, (1...31).contains(day),
            (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...60).contains(clock[2])
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Double(days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2])
    }

    private static func monthIndex(_ word: String) -> Int? {
        months.firstIndex(of: String(word.lowercased().prefix(3))).map { $0 + 1 }
            .flatMap { word.count >= 3 ? $0 : nil }
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
