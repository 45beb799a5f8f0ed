/// The .NET type of a parameter, as the binder converts to it and as messages name it.
///
/// Example: `-KeyName Key3` fails with a message that names
/// `ParameterType.enumeration(KeyNameEnum).fullName`,
/// `Microsoft.Azure.Management.CognitiveServices.Models.KeyName`.
public enum ParameterType: Sendable, Equatable {
    /// `System.String`.
    case string
    /// `System.String[]`: one string or a comma list (`-Parameter Key*,Name`).
    case stringArray
    /// `System.Int32`.
    case int32
    /// `System.Management.Automation.SwitchParameter`.
    case switchParameter
    /// A .NET enum (not `[Flags]`), such as `KeyName` or `ActionPreference`.
    case enumeration(EnumerationType)
    /// A type that no command-line text converts to, such as `IAzureContextContainer`.
    /// AzShim reads a saved context file path instead (see the Azure backend).
    case opaque(fullName: String)

    /// The full name PowerShell prints in binding messages (`Type.ToString()`).
    package var fullName: String {
        switch self {
        case .string: "System.String"
        case .stringArray: "System.String[]"
        case .int32: "System.Int32"
        case .switchParameter: "System.Management.Automation.SwitchParameter"
        case .enumeration(let type): type.fullName
        case .opaque(let fullName): fullName
        }
    }

    package var isSwitch: Bool { self == .switchParameter }
}

/// A .NET enum: its full name and its members in declaration order with their values.
///
/// Example: `EnumerationType.actionPreference.member(named: "ignore")` is `Ignore` (4).
public struct EnumerationType: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        package let name: String
        package let value: Int
        @usableFromInline package init(_ name: String, _ value: Int) {
            self.name = name
            self.value = value
        }
    }

    package let fullName: String
    package let members: [Member]

    @usableFromInline package init(fullName: String, members: [Member]) {
        self.fullName = fullName
        self.members = members
    }

    package var names: [String] { members.map(\.name) }

    /// The member with this name, ignoring case (`Enum.Parse(type, s, ignoreCase: true)`).
    package func member(named name: String) -> Member? {
        let folded = name.lowercased()
        return members.first { $0.name.lowercased() == folded }
    }

    /// The member with this numeric value, if one is defined.
    package func member(withValue value: Int) -> Member? {
        members.first { $0.value == value }
    }

    /// `System.Management.Automation.ActionPreference` (`engine/CommandBase.cs`).
    package static let actionPreference = ActionPreference.enumerationType

    /// `System.Management.Automation.ConfirmImpact`, the type of `$ConfirmPreference`.
    package static let confirmImpact = EnumerationType(
        fullName: "System.Management.Automation.ConfirmImpact",
        members: [Member("None", 0), Member("Low", 1), Member("Medium", 2), Member("High", 3)]
    )
}
