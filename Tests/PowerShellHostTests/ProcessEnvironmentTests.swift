import Testing

@testable import PowerShellHost

/// `HostIO.process()` reads one variable at a time (`environmentValue`) until the command binds,
/// then the whole table: both must answer as the dictionary decoded from `environ` does.
struct ProcessEnvironmentTests {
    @Test("each variable of this process reads as the decoded table has it")
    func everyVariable() {
        let table = HostIO.decodedProcessEnvironment()
        #expect(!table.isEmpty)
        let io = HostIO.process()
        for (name, value) in table {
            #expect(io.environmentValue(name) == value, "\(name)")
        }
        #expect(io.environment == table)
    }

    @Test(
        "names that are not set read as nil",
        arguments: ["", "AZSHIM_SURELY_UNSET_\u{212A}", "AZSHIM_SURELY_UNSET", "A\u{0}B", "=", "\u{212A}"])
    func unsetNames(name: String) {
        let table = HostIO.decodedProcessEnvironment()
        #expect(HostIO.process().environmentValue(name) == table[name])
    }

    @Test("a prefix of a set name is not that name")
    func prefix() throws {
        let table = HostIO.decodedProcessEnvironment()
        let name = try #require(table.keys.first { $0.utf8.count > 1 })
        let shorter = String(name.dropLast())
        #expect(HostIO.process().environmentValue(shorter) == table[shorter])
    }

    @Test("a table assigned to a HostIO replaces the process's variables")
    func assigned() {
        var io = HostIO.process()
        io.environment = ["COLUMNS": "42"]
        #expect(io.environmentValue("COLUMNS") == "42")
        #expect(io.environmentValue("PATH") == nil)
        #expect(io.consoleWidth == 42)
    }
}
