import PowerShellHost

extension NewAzCognitiveServicesAccountKey {
    /// `--throttle-limit N` may run up to N regenerations at once: `process` only reads what
    /// `begin` set up, and the session's transports are safe to share between threads (one
    /// token, a pool of kept-alive connections, the shared 429 gate; the emulator locks its
    /// state file per request).
    ///
    /// Example: `New-AzCognitiveServicesAccountKey -KeyName Key1 --throttle-limit 16 < accounts.jsonl`
    /// keeps 16 requests in flight and prints the keys in the order of `accounts.jsonl`.
    public var supportsConcurrentProcessing: Bool { true }
}
