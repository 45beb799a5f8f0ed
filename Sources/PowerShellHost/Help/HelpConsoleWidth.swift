#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The width help is laid out for: `COLUMNS` when it is a positive number, else the terminal's
/// width when stdout is a terminal, else 80 (PowerShell's fallback console width).
///
/// Example: `COLUMNS=120 New-AzCognitiveServicesAccountKey -?` renders at 120 columns;
/// `New-AzCognitiveServicesAccountKey -? > help.txt` renders at 80.
public enum HelpConsoleWidth {
    public static let fallback = 80

    /// The width from explicit inputs (testable).
    public static func resolve(columnsVariable: String?, terminalColumns: Int?) -> Int {
        if let columnsVariable, let columns = Int(columnsVariable), columns > 0 { return columns }
        if let terminalColumns, terminalColumns > 0 { return terminalColumns }
        return fallback
    }

    /// The width for this process: `environment["COLUMNS"]`, then stdout's terminal size.
    public static func current(environment: [String: String]) -> Int {
        resolve(columnsVariable: environment["COLUMNS"], terminalColumns: terminalColumns())
    }

    /// The columns of the terminal on stdout, nil when stdout is not a terminal.
    public static func terminalColumns() -> Int? {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
            guard isatty(STDOUT_FILENO) == 1 else { return nil }
            var size = winsize()
            #if canImport(Darwin)
                let request = TIOCGWINSZ
            #else
                let request = UInt(TIOCGWINSZ)
            #endif
            guard ioctl(STDOUT_FILENO, request, &size) == 0, size.ws_col > 0 else { return nil }
            return Int(size.ws_col)
        #else
            return nil
        #endif
    }
}
