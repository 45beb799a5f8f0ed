import AzShimSupport

/// `--throttle-limit N`: the pipeline as `ForEach-Object -Parallel -ThrottleLimit N` runs it,
/// with PowerShell's sequential output order kept.
///
/// The main thread reads and binds objects in order (a binding error keeps its place), hands
/// each bound object to one of N worker threads, and commits finished objects strictly in input
/// order: each object's recorded output, errors, warnings and What-if lines are replayed into the
/// real runtime, where the preferences apply as they do sequentially. At most 4·N objects wait
/// uncommitted, so memory stays bounded however long the input is.
///
/// Prompts are serialised, never refused: an object that may prompt (`-Confirm`, a
/// `$ConfirmPreference` at or below the command's impact, an `Inquire` preference) waits until
/// everything before it is written and runs alone on the main thread, so its prompt comes in its
/// turn; after "Yes to All" the objects run in parallel again.
///
/// A stop (`-ErrorAction Stop`, Halt, a closed stdout, Ctrl+C) starts no further object; objects
/// already running finish (their output is dropped after `-ErrorAction Stop`, as it would not
/// have been written sequentially, but their operation has been done).
///
/// Example: `New-AzCognitiveServicesAccountKey -KeyName Key1 --throttle-limit 16 --output json < accounts.jsonl`
/// keeps 16 regenerations in flight and prints one line per account, in the file's order.
extension PipelineLoop {
    mutating func runConcurrently(
        cmdlet: any Cmdlet, runtime: CommandRuntime, commandLine: BoundParameters, progress: ProgressLine?, limit: Int
    ) {
        let pool = WorkerPool(threads: limit)
        let finished = ThreadCondition()
        let stop = ObjectRecording.StopFlag()
        let window = 4 * limit
        var pending: [ObjectRecording] = []
        var head = 0
        var done = 0
        defer { progress?.clear() }

        /// Commits finished objects from the head; with `waiting`, at least one (if any is pending).
        func commit(waiting: Bool) {
            var mustWait = waiting
            while head < pending.count {
                let recording = pending[head]
                if mustWait { runtime.flushHeldLines() }
                let ready = finished.withLock {
                    while mustWait && !recording.isDone { finished.wait() }
                    return recording.isDone
                }
                guard ready else { return }
                mustWait = false
                runtime.pipelineInput = recording.input
                runtime.replay(recording.takeEntries())
                runtime.pipelineInput = nil
                if runtime.isStopping { stop.set() }
                pending[head] = ObjectRecording(stop: stop, summary: "", done: true)
                head += 1
                done += 1
                progress?.update(done: done, current: recording.summary)
            }
            if head > 256 && head * 2 > pending.count {
                pending.removeFirst(head)
                head = 0
            }
        }
        func commitAll() {
            while head < pending.count { commit(waiting: true) }
        }

        var bound = commandLine
        var flat = JSONFlatObject()
        while !runtime.isStopping && !stop.isSet, var item = nextItem(flat: &flat) {
            // A worker's object outlives `flat`: it is built as the parser would build it.
            if case .flatObject(let line) = item { item = .value(flat.jsonValue, line: line) }
            let summary: String
            switch item {
            case .error(let error):
                let record = ErrorRecord(
                    message: error.message, errorId: "InvalidPipelineInput", category: .invalidData)
                pending.append(
                    ObjectRecording(stop: stop, summary: binder.describe(bound), entries: [.error(record)], done: true))
            case .flatObject:
                break
            case .value(let object, _):
                do {
                    try binder.bind(object, into: &bound)
                } catch {
                    let entries: [ObjectRecording.Entry] = [.error(bindingFailure(error, object: object))]
                    pending.append(
                        ObjectRecording(stop: stop, summary: binder.describe(bound), entries: entries, done: true))
                    break
                }
                summary = progress == nil ? "" : binder.describe(bound)
                if runtime.mayPrompt {
                    // In its turn, alone, on this thread: exactly the sequential path.
                    commitAll()
                    guard !runtime.isStopping else { break }
                    if runtime.includesInput { runtime.pipelineInput = object }
                    do {
                        try cmdlet.process(bound, runtime)
                    } catch {
                        runtime.writeError(error)
                    }
                    runtime.pipelineInput = nil
                    if runtime.isStopping { stop.set() }
                    done += 1
                    progress?.update(done: done, current: summary)
                    continue
                }
                let recording = ObjectRecording(
                    stop: stop, summary: summary, input: runtime.includesInput ? object : nil)
                pending.append(recording)
                let work = ConcurrentWork(
                    cmdlet: cmdlet, runtime: runtime.recordingRuntime(into: recording), parameters: bound)
                pool.submit {
                    if !recording.isStopping { work.run() }
                    finished.withLock {
                        recording.markDone()
                        finished.broadcast()
                    }
                }
            }
            commit(waiting: false)
            while pending.count - head >= window { commit(waiting: true) }
        }
        if runtime.isStopping { stop.set() }
        commitAll()
        pool.finish()
    }
}

/// One input object's job as a worker thread runs it: the cmdlet, a runtime in recording mode
/// made for this object alone, and the object's bound parameters.
///
/// Concurrency contract (why `@unchecked Sendable` holds):
/// - the cmdlet declared `supportsConcurrentProcessing`, a promise that its `process` may run
///   for several objects at once on different threads;
/// - `runtime` is created on the pipeline's thread for this job and then used by this worker
///   only; its writes go to the object's `ObjectRecording` (behind a `Mutex`), and what it reads
///   (metadata, preferences, the snapshot of the host's remembered ShouldProcess answer) does
///   not change after it is made. It never touches the host runtime's state, stdout or stderr.
private struct ConcurrentWork: @unchecked Sendable {
    let cmdlet: any Cmdlet
    let runtime: CommandRuntime
    let parameters: BoundParameters

    func run() {
        do {
            try cmdlet.process(parameters, runtime)
        } catch {
            runtime.writeError(error)
        }
    }
}
