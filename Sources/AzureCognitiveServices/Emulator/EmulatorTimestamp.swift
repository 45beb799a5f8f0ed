#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A UTC instant as ARM writes its timestamps (`dateCreated`, `systemData.createdAt`): the
/// round-trip form with seven fractional digits.
///
/// Example: `EmulatorTimestamp(seconds: 1_764_616_646, nanoseconds: 123_456_789).text` is
/// `2025-12-01T19:17:26.1234567Z`.
struct EmulatorTimestamp: Sendable, Equatable {
    var seconds: Int64
    var nanoseconds: Int64

    /// The system's real-time clock.
    static func now() -> EmulatorTimestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return EmulatorTimestamp(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
    }

    /// This instant `days` days later.
    func adding(days: Int64) -> EmulatorTimestamp {
        EmulatorTimestamp(seconds: seconds + days * 86_400, nanoseconds: nanoseconds)
    }

    var text: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var fraction = String(max(0, min(nanoseconds, 999_999_999)) / 100)
        fraction = String(repeating: "0", count: 7 - fraction.count) + fraction
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + two(month) + "-" + two(day)
            + "T" + two(secondOfDay / 3600) + ":" + two(secondOfDay / 60 % 60) + ":" + two(secondOfDay % 60) + "."
            + fraction
            + "Z"
    }

    /// The civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
