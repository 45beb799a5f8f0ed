/// The action of a ShouldProcess call (`Cmdlet.ShouldProcess(target, action)`), which a What-if
/// line copies as bytes straight into stderr's buffer: the whole text is built as a `String`
/// only when it is needed (the Confirm prompt, a VERBOSE line, a pipeline worker's recording),
/// so `-WhatIf` over a million objects builds no action string for any of them. A `String` is
/// an action too.
///
/// Example: `New-AzCognitiveServicesAccountKey rg myluis Key1 -WhatIf` passes the action
/// `Regenerating Key Key1 for account myluis.` and prints
/// `What if: Performing the operation "Regenerating Key Key1 for account myluis." on target "myluis".`
package protocol ShouldProcessAction {
    /// The action text.
    var text: String { get }
    /// The length of `text` in UTF-8 bytes.
    var utf8Count: Int { get }
    /// Writes the UTF-8 bytes of `text` at the start of `buffer`, at most `buffer.count` of
    /// them, and returns how many it wrote.
    func copyUTF8(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int
}

extension String: ShouldProcessAction {
    package var text: String { self }

    package var utf8Count: Int { utf8.count }

    package func copyUTF8(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var text = self
        return text.withUTF8 { bytes in
            guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return 0 }
            let count = Swift.min(bytes.count, buffer.count)
            target.update(from: source, count: count)
            return count
        }
    }
}
