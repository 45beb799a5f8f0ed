#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fixed set of threads running submitted jobs in submission order, at most `threads` at a
/// time: the bounded concurrency behind `--throttle-limit N`. The threads start with SIGINT and
/// SIGTERM blocked, so a Ctrl+C still interrupts the main thread's read of stdin.
///
/// Example: `--throttle-limit 16` makes `WorkerPool(threads: 16)`; the pipeline submits one job
/// per bound input object and calls `finish()` after the last, which waits for every job.
final class WorkerPool: @unchecked Sendable {
    typealias Job = @Sendable () -> Void

    private let queue = ThreadCondition()
    // Guarded by `queue`.
    private var jobs: [Job?] = []
    private var next = 0
    private var closed = false
    private var threads: [pthread_t] = []

    /// Starts `count` threads (at least one).
    init(threads count: Int) {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGINT)
        sigaddset(&blocked, SIGTERM)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        for _ in 0..<max(1, count) {
            let context = Unmanaged.passRetained(self).toOpaque()
            #if canImport(Glibc)
                var thread = pthread_t()
            #else
                var thread: pthread_t?
            #endif
            let status = pthread_create(
                &thread, nil,
                { raw in
                    guard let raw else { return nil }
                    Unmanaged<WorkerPool>.fromOpaque(raw).takeRetainedValue().work()
                    return nil
                }, context)
            if status != 0 {
                Unmanaged<WorkerPool>.fromOpaque(context).release()
                continue
            }
            #if canImport(Glibc)
                threads.append(thread)
            #else
                if let thread { threads.append(thread) }
            #endif
        }
    }

    /// Queues `job`; a free thread runs it. Runs it at once on the caller's thread when no
    /// thread could be started.
    func submit(_ job: @escaping Job) {
        guard !threads.isEmpty else { return job() }
        queue.withLock {
            jobs.append(job)
            queue.signal()
        }
    }

    /// Lets the threads end once the queue is empty, and waits for them.
    func finish() {
        queue.withLock {
            closed = true
            queue.broadcast()
        }
        for thread in threads { pthread_join(thread, nil) }
        threads = []
    }

    private func work() {
        while let job = take() { job() }
    }

    private func take() -> Job? {
        queue.withLock {
            while next == jobs.count && !closed { queue.wait() }
            guard next < jobs.count else { return nil }
            let job = jobs[next]
            jobs[next] = nil
            next += 1
            // Drop the finished prefix now and then, so a long pipeline keeps a short queue.
            if next > 1024 && next * 2 > jobs.count {
                jobs.removeFirst(next)
                next = 0
            }
            return job
        }
    }
}
