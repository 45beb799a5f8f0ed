extension ErrorRecord {
    /// PowerShell's error for a command name it cannot resolve: `DiscoveryExceptions.resx`,
    /// `CommandNotFoundException` (PowerShell/PowerShell,
    /// src/System.Management.Automation/resources/DiscoveryExceptions.resx), ErrorId
    /// `CommandNotFoundException`, category `ObjectNotFound`.
    ///
    /// Example: `ErrorRecord.commandNotFound("Get-Nothing").message` is
    /// `The term 'Get-Nothing' is not recognized as a name of a cmdlet, function, script file, or executable program.`
    /// then a newline and `Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`
    package static func commandNotFound(_ name: String) -> ErrorRecord {
        ErrorRecord(
            message:
                "The term '\(name)' is not recognized as a name of a cmdlet, function, script file, or executable program.\n"
                + "Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
            errorId: "CommandNotFoundException", category: .objectNotFound)
    }
}
