/// Converts a command-line or pipeline value to a parameter's type and checks its validation
/// attributes, as `ParameterBinderBase.CoerceTypeAsNeeded` + `LanguagePrimitives.ConvertTo`
/// + the binder's validation step do.
///
/// Example: `ValueConverter.convert(.string("key2"), for: keyName, argumentIndex: 2)` is
/// `.enumeration(name: "Key2", value: 1)`; `.string("Key3")` throws `.cannotConvert(…enumNameNoMatch…)`.
package enum ValueConverter {
    package static func convert(
        _ value: ArgumentValue, for parameter: ParameterMetadata, argumentIndex: Int?
    ) throws(BindingError) -> ParameterValue {
        try convert(
            value, name: parameter.name, type: parameter.type, isMandatory: parameter.isMandatory,
            validations: parameter.validations, argumentIndex: argumentIndex)
    }

    /// `convert(_:for:argumentIndex:)` given the parameter's parts, for the pipeline binder, which
    /// keeps them apart so it need not copy a whole `ParameterMetadata` for every pipeline object.
    ///
    /// Example: `ValueConverter.convert(.string("key2"), name: "KeyName", type: keyName.type,
    /// isMandatory: true, validations: [], argumentIndex: nil)` is `.enumeration(name: "Key2", value: 1)`.
    package static func convert(
        _ value: ArgumentValue, name: String, type: ParameterType, isMandatory: Bool,
        validations: [ParameterValidation], argumentIndex: Int?
    ) throws(BindingError) -> ParameterValue {
        if value == .null, isMandatory, type != .string {
            throw .nullNotAllowed(parameter: name, argumentIndex: argumentIndex)
        }
        let converted: ParameterValue
        do {
            converted = try coerce(value, to: type)
        } catch {
            throw .cannotConvert(parameter: name, failure: error, argumentIndex: argumentIndex)
        }
        try validate(
            converted, original: value, name: name, isMandatory: isMandatory, validations: validations,
            argumentIndex: argumentIndex)
        return converted
    }

    /// `convert(_:name:type:isMandatory:validations:argumentIndex:)` for a pipeline value, which
    /// binds only if it converts (`BindPipelineParameters` swallows the conversion failure): nil
    /// where that would throw CannotConvert; the other errors are thrown as it throws them.
    ///
    /// Example: for KeyName, `.string("Key3")` gives nil; `.string("key2")` gives `.enumeration(name: "Key2", value: 1)`.
    package static func convertIfPossible(
        _ value: ArgumentValue, name: String, type: ParameterType, isMandatory: Bool,
        validations: [ParameterValidation]
    ) throws(BindingError) -> ParameterValue? {
        // `if case`, not `==`: comparing with `.null` built a value and ran the synthesized
        // equality, for every property of every pipeline object.
        if case .null = value, isMandatory, type != .string {
            throw .nullNotAllowed(parameter: name, argumentIndex: nil)
        }
        guard let converted = try? coerce(value, to: type) else { return nil }
        try validate(
            converted, original: value, name: name, isMandatory: isMandatory, validations: validations,
            argumentIndex: nil)
        return converted
    }

    // MARK: - Conversion

    static func coerce(_ value: ArgumentValue, to type: ParameterType) throws(ConversionFailure) -> ParameterValue {
        switch type {
        case .string, .opaque:
            switch value {
            case .null: return .null
            case .array: throw .notSupported(argumentType: value.typeName)
            default: return .string(value.stringValue ?? "")
            }
        case .stringArray:
            // `LanguagePrimitives.ConvertTo(string[])`: a scalar becomes a one-element array; an
            // array's elements convert one by one (a nested array as its `ToString()`).
            switch value {
            case .null: return .null
            case .array(let elements):
                return .strings(elements.map { $0.stringValue ?? ($0 == .null ? "" : $0.displayText) })
            default: return .strings([value.stringValue ?? ""])
            }
        case .switchParameter:
            switch value {
            case .bool(let flag): return .switchValue(flag)
            case .null: return .switchValue(true)
            case .integer(_, let number): return .switchValue(number != 0)
            case .real(_, let number): return .switchValue(number != 0)
            // AzShim: bash leaves `-Force:$false` as `-Force:`, so the words true and false stand
            // for the booleans (DESIGN.md); PowerShell would reject the strings.
            case .string(let text) where text.lowercased() == "true": return .switchValue(true)
            case .string(let text) where text.lowercased() == "false": return .switchValue(false)
            case .string, .array: throw .switchFromType(argumentType: value.typeName)
            }
        case .int32:
            return .integer(try toInt32(value))
        case .enumeration(let enumeration):
            return try toEnumeration(value, enumeration)
        }
    }

    private static func toInt32(_ value: ArgumentValue) throws(ConversionFailure) -> Int {
        let typeName = ParameterType.int32.fullName
        let tooLarge = "Value was either too large or too small for an Int32."
        switch value {
        case .integer(let text, let number):
            guard let number, let result = Int32(exactly: number) else {
                throw .invalidCast(value: text, typeName: typeName, reason: tooLarge)
            }
            return Int(result)
        case .real(let text, let number):
            let rounded = number.rounded(.toNearestOrEven)
            guard let result = Int32(exactly: rounded) else {
                throw .invalidCast(value: text, typeName: typeName, reason: tooLarge)
            }
            return Int(result)
        case .bool(let flag): return flag ? 1 : 0
        case .null: return 0
        case .array: throw .notSupported(argumentType: value.typeName)
        case .string(let text):
            let trimmed = text.trimmingWhitespace()
            if case .integer(_, let number)? = NumericLiteral.parse(trimmed) {
                guard let number, let result = Int32(exactly: number) else {
                    throw .invalidCast(value: text, typeName: typeName, reason: tooLarge)
                }
                return Int(result)
            }
            throw .invalidCast(
                value: text, typeName: typeName, reason: "The input string '\(text)' was not in a correct format.")
        }
    }

    /// `LanguagePrimitives.ConvertStringToEnum` / `ConvertIntegerToEnum` / `ConvertEnumerableToEnum`.
    private static func toEnumeration(
        _ value: ArgumentValue, _ enumeration: EnumerationType
    ) throws(ConversionFailure) -> ParameterValue {
        switch value {
        case .null:
            throw .fromNull(typeName: enumeration.fullName)
        case .integer(let text, let number):
            return try member(number.map(Int.init), display: number.map(String.init) ?? text, enumeration)
        case .real(let text, let number):
            guard number == number.rounded(), let integral = Int(exactly: number) else {
                throw .enumValueUndefined(value: text, typeName: enumeration.fullName, names: enumeration.names)
            }
            return try member(integral, display: text, enumeration)
        case .bool(let flag):
            return try fromString(flag ? "True" : "False", enumeration)
        case .string(let text):
            return try fromString(text, enumeration)
        case .array(let elements):
            // Enums accept collections: the elements are joined with ',' and parsed as one string.
            return try fromString(elements.map(\.displayText).joined(separator: ","), enumeration)
        }
    }

    private static func member(
        _ number: Int?, display: String, _ enumeration: EnumerationType
    ) throws(ConversionFailure) -> ParameterValue {
        guard let number, let found = enumeration.member(withValue: number) else {
            throw .enumValueUndefined(value: display, typeName: enumeration.fullName, names: enumeration.names)
        }
        return .enumeration(name: found.name, value: found.value)
    }

    private static func fromString(_ text: String, _ enumeration: EnumerationType) throws(ConversionFailure)
        -> ParameterValue
    {
        // A member's exact name (`"Key1"` in every line of a pipeline) parses to that member's
        // value, as `EnumParse` would find it, without splitting, trimming and folding.
        if let exact = enumeration.members.first(where: { $0.name == text }) {
            return try member(exact.value, display: text, enumeration)
        }
        switch EnumParse.parse(text, enumeration) {
        case .value(let number):
            return try member(number, display: text, enumeration)
        case .overflow:
            throw .invalidCast(
                value: text, typeName: enumeration.fullName,
                reason: "Value was either too large or too small for an Int32.")
        case .noMatch:
            // EnumMinimumDisambiguation.EnumDisambiguate: a unique case-insensitive prefix.
            let folded = text.lowercased()
            let matches = enumeration.names.filter { $0.lowercased().hasPrefix(folded) }
            if matches.count == 1, let found = enumeration.member(named: matches[0]) {
                return .enumeration(name: found.name, value: found.value)
            }
            if matches.isEmpty {
                throw .enumNameNoMatch(value: text, typeName: enumeration.fullName, names: enumeration.names)
            }
            throw .enumNameAmbiguous(value: text, typeName: enumeration.fullName, matches: matches)
        }
    }

    // MARK: - Validation

    private static func validate(
        _ value: ParameterValue, original: ArgumentValue, name parameterName: String, isMandatory: Bool,
        validations: [ParameterValidation], argumentIndex: Int?
    ) throws(BindingError) {
        for validation in validations {
            switch validation {
            case .notNullOrEmpty:
                if value.isNullOrEmptyString {
                    throw .validationFailed(
                        parameter: parameterName, failure: .nullOrEmpty, argumentIndex: argumentIndex)
                }
            case .range(let minimum, let maximum):
                guard case .integer(let number) = value else { continue }
                if number < minimum {
                    throw .validationFailed(
                        parameter: parameterName, failure: .belowMinimum(value: String(number), minimum: minimum),
                        argumentIndex: argumentIndex)
                }
                if number > maximum {
                    throw .validationFailed(
                        parameter: parameterName, failure: .aboveMaximum(value: String(number), maximum: maximum),
                        argumentIndex: argumentIndex)
                }
            case .variableName:
                // CommonCommandParameters.ValidateVariableName: a leading '+' (append) is dropped,
                // then `new VariablePath(name).IsVariable`; an empty path throws ArgumentException("path").
                guard case .string(var name) = value else { continue }
                if name.hasPrefix("+") { name.removeFirst() }
                if name.isEmpty {
                    throw .validationFailed(
                        parameter: parameterName, failure: .emptyPath, argumentIndex: argumentIndex)
                }
                if !isVariablePath(name) {
                    throw .validationFailed(
                        parameter: parameterName, failure: .notVariableName(name), argumentIndex: argumentIndex)
                }
            case .actionPreferenceNotSuspend:
                if case .enumeration(let name, _) = value, name == "Suspend" {
                    throw .actionPreferenceReserved(
                        parameter: parameterName, value: name, argumentIndex: argumentIndex)
                }
            }
        }
        if isMandatory, case .null = value {
            throw .nullNotAllowed(parameter: parameterName, argumentIndex: argumentIndex)
        }
    }

    /// `VariablePath.IsVariable` (`engine/VariablePath.cs`): a scope qualifier `global:`, `local:`,
    /// `private:` or `script:` (any case) makes a variable whatever follows; so does `variable:`
    /// (the scan after it looks at the first character again and finds no further scope). Otherwise
    /// a colon after the first character makes a drive-qualified path (`env:HOME`, `using:x`,
    /// `g:x`), which is not a variable; no colon, or one only at the start (`:x`), is a variable.
    static func isVariablePath(_ name: String) -> Bool {
        let scopes = ["global", "local", "private", "script", "variable"]
        let lowered = name.lowercased()
        if scopes.contains(where: { lowered.hasPrefix($0 + ":") }) { return true }
        guard let colon = name.firstIndex(of: ":") else { return true }
        return colon == name.startIndex
    }
}
