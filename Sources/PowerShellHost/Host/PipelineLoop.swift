import AzShimSupport

/// Reads pipeline objects from stdin one at a time and runs the cmdlet for each: binds it by
/// property name over the command-line parameters, writes a non-terminating error for an object
/// that does not bind or fails, and stops early on `-ErrorAction Stop`, a closed stdout or a signal.
///
/// With `throttleLimit` above 1 and a cmdlet that supports it, up to that many objects run at
/// once (`PipelineLoop+Parallel.swift`); what they write still comes out in input order.
///
/// Example: `printf '{"ResourceGroupName":"rg","Name":"a"}\n' | New-AzCognitiveServicesAccountKey -KeyName Key1`.
struct PipelineLoop<Source: ByteSource> {
    let binder: PipelineBinder
    var reader: JSONStreamReader<Source>
    var first: JSONStreamItem?
    /// `CommandDefinition.pipelineInputHint`: advice after an object that did not bind.
    let hint: @Sendable (JSONValue) -> String?

    /// Reads up to the first input item, so the caller knows whether there is a pipeline at all.
    init(metadata: CommandMetadata, source: Source, hint: @escaping @Sendable (JSONValue) -> String? = { _ in nil }) {
        self.binder = PipelineBinder(metadata: metadata)
        self.reader = JSONStreamReader(source: source)
        self.hint = hint
        self.first = reader.next()
    }

    /// False when stdin ended before any value: no pipeline.
    var hasInput: Bool { first != nil }

    /// Runs every input object, up to `throttleLimit` at once. `progress` (stderr on a
    /// terminal) shows how far it got.
    mutating func run(
        cmdlet: any Cmdlet, runtime: CommandRuntime, commandLine: BoundParameters, progress: ProgressLine?,
        throttleLimit: Int = 1
    ) {
        if throttleLimit > 1 && cmdlet.supportsConcurrentProcessing {
            return runConcurrently(
                cmdlet: cmdlet, runtime: runtime, commandLine: commandLine, progress: progress, limit: throttleLimit)
        }
        var bound = commandLine
        var done = 0
        // The fast path: a flat object stays in `flat` (no `JSONValue`), and is bound from there.
        var flat = JSONFlatObject()
        // Locals, so that the closures below capture neither `self` nor a copy of it.
        let binder = self.binder
        let hint = self.hint
        defer { progress?.clear() }
        while !runtime.isStopping, let item = nextItem(flat: &flat) {
            defer {
                done += 1
                progress?.update(done: done, current: binder.describe(bound))
            }
            switch item {
            case .error(let error):
                runtime.writeError(
                    ErrorRecord(message: error.message, errorId: "InvalidPipelineInput", category: .invalidData))
            case .value(let object, _):
                Self.runObject(
                    cmdlet, runtime, &bound, hint: hint, object: { object },
                    bind: { (bound) throws(BindingError) in try binder.bind(object, into: &bound) })
            case .flatObject:
                Self.runObject(
                    cmdlet, runtime, &bound, hint: hint, object: { flat.jsonValue },
                    bind: { (bound) throws(BindingError) in try binder.bind(flat, into: &bound) })
            }
        }
    }

    /// Binds one input object (`bind`) and runs the cmdlet for it; `object` gives the object as
    /// a `JSONValue` only when one is needed (the hint of a binding error, `--include-input`).
    private static func runObject(
        _ cmdlet: any Cmdlet, _ runtime: CommandRuntime, _ bound: inout BoundParameters,
        hint: (JSONValue) -> String?, object: () -> JSONValue,
        bind: (inout BoundParameters) throws(BindingError) -> Void
    ) {
        do {
            try bind(&bound)
        } catch {
            runtime.writeError(bindingFailure(error, object: object(), hint: hint))
            return
        }
        if runtime.includesInput { runtime.pipelineInput = object() }
        defer { if runtime.includesInput { runtime.pipelineInput = nil } }
        do {
            try cmdlet.process(bound, runtime)
        } catch {
            runtime.writeError(error)
        }
    }
}

/// Lets the stream reader, generic over its source, read from `HostIO.standardInput`;
/// `beforeRead` runs before each read, which may block (the host writes out held lines).
struct AnyByteSource: ByteSource {
    var base: any ByteSource
    var beforeRead: () -> Void = {}
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        beforeRead()
        return try base.read(into: buffer)
    }
}

/// The next input item, taking the one read ahead by `init` first; a flat object after that
/// is left in `flat` (`JSONStreamReader.next(flatObjectsInto:)`).
extension PipelineLoop {
    mutating func nextItem(flat: inout JSONFlatObject) -> JSONStreamItem? {
        if let item = first {
            first = nil
            return item
        }
        return reader.next(flatObjectsInto: &flat)
    }
}
