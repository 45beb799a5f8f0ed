import PowerShellHost

/// AzShim's manual beyond each cmdlet's help, written once: the tables here are the README's
/// "Host options", "Exit status", "Environment variables", "Files" and "Deliberate deviations from
/// PowerShell" (a test fails when the README differs from `ManualTable.markdown`), and the man
/// pages' HOST OPTIONS, EXIT STATUS, ENVIRONMENT, FILES and DEVIATIONS FROM POWERSHELL sections. Edit a row here,
/// then paste the test's expected table into the README.
///
/// Example: `New-AzCognitiveServicesAccountKey --man` ends with these sections; `azshim --man`
/// is the multi-call binary's page, with the same sections.
package enum AzShimManual {
    package static let manual = ProductManual(
        name: "azshim", summary: "PowerShell Az cmdlets as native programs",
        description: [
            "Runs PowerShell's Az cmdlets as native programs, with no PowerShell and no .NET: a line from a PowerShell script runs unchanged in a POSIX shell, binds its parameters as PowerShell 7.6 would, and prints the same table and the same error texts.",
            "One binary serves every cmdlet, chosen by the name it is invoked as (each cmdlet name is a link to it, case-insensitive, a trailing `.exe` ignored); invoked as `Get-Help` it is PowerShell's help command. Under any other name the first argument names the cmdlet (`azshim CMDLET …`); a name that is no cmdlet runs nothing.",
            "`-?` anywhere on a cmdlet's command line prints its help; `--output table|list|json` chooses the output view; `AZURE_ENVIRONMENT=Emulator` uses the local emulator instead of Azure.",
        ],
        tables: [hostOptions, exitStatus, environment, files, deviations])

    /// README "Host options"; the man pages' HOST OPTIONS.
    package static let hostOptions = ManualTable(
        section: "HOST OPTIONS", columns: ["option", "effect"],
        rows: [
            [
                "`--output table\\|list\\|json`",
                "the output view (default: PowerShell's default view; `AZSHIM_OUTPUT` sets another default)",
            ],
            [
                "`--include-input`",
                "with `--output json`: each output object starts with `\"Input\"`, the pipeline object it came from, as read (also `AZSHIM_INCLUDE_INPUT=1`); objects of a command line without pipeline input gain nothing; with a table or list view it is an error (exit 2)",
            ],
            [
                "`--throttle-limit N`",
                "runs up to N pipeline objects at once (1 to 256, default 1), writing everything in input order",
            ],
            ["`--help[=VIEW]`", "Get-Help's views: `-?`, `full`, `detailed`, `examples`, `online`, `parameter=NAME`"],
            ["`--completion bash\\|zsh\\|fish`", "prints a completion script"],
            ["`--man`", "prints the man page"],
            ["`--version`", "prints the version"],
            ["`--`", "ends host options and parameters"],
        ])

    /// README "Exit status"; the man pages' EXIT STATUS.
    package static let exitStatus = ManualTable(
        section: "EXIT STATUS", columns: ["status", "when"],
        rows: [
            ["0", "no error record was written"],
            [
                "1",
                "any error record was written (also when hidden by `-ErrorAction SilentlyContinue` or `Ignore`), as `pwsh -Command` sets `$?`",
            ],
            [
                "2",
                "a host option (`--output …`) was not understood or does not fit the others (`--include-input` without `--output json`), or an `AZSHIM_…` setting has a bad value, or the command line could not be read (see [What the binary needs](#what-the-binary-needs)); nothing runs",
            ],
            [
                "130, 143",
                "stopped by SIGINT (Ctrl+C) or SIGTERM: no further pipeline object starts, and a request or a retry wait in progress is cancelled",
            ],
        ])

    /// README "Environment variables"; the man pages' ENVIRONMENT.
    package static let environment = ManualTable(
        section: "ENVIRONMENT", columns: ["variable", "meaning"],
        rows: [
            [
                "`AZURE_ENVIRONMENT`",
                "`AzureCloud`, `AzureUSGovernment`, `AzureChinaCloud` or `Emulator` (case-insensitive); unset with no credential configured: the emulator, with a WARNING",
            ],
            [
                "`AZURE_RESOURCE_MANAGER_URL`, `AZURE_AUTHORITY_HOST`",
                "override the cloud's endpoints (`http://` only to loopback)",
            ],
            ["`AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_CLIENT_SECRET`", "service principal with a client secret"],
            [
                "`AZURE_CLIENT_CERTIFICATE_PATH`",
                "service principal with a certificate (with `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`): a PEM file with the certificate and its private key, or a PKCS#12 `.pfx`/`.p12`; RSA keys only",
            ],
            [
                "`AZURE_CLIENT_CERTIFICATE_PASSWORD`",
                "the password of that file (a PKCS#12 file or an encrypted PEM key)",
            ],
            [
                "`AZURE_CLIENT_SEND_CERTIFICATE_CHAIN`",
                "`1` or `true`: the client assertion carries the certificate chain (`x5c`), for subject name / issuer sign-in",
            ],
            ["`AZURE_FEDERATED_TOKEN_FILE`", "workload identity (with `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`)"],
            [
                "`IDENTITY_ENDPOINT` + `IDENTITY_HEADER`, `MSI_ENDPOINT` + `MSI_SECRET`",
                "managed identity (set by App Service, Functions, Container Apps, Azure ML); `AZURE_CLIENT_ID` picks a user-assigned identity",
            ],
            ["`AZURE_POD_IDENTITY_AUTHORITY_HOST`", "the VM managed-identity endpoint's host"],
            ["`AZURE_CONFIG_DIR`", "the Azure CLI's folder (default `~/.azure`)"],
            ["`AZURE_PS_HTTP_MAX_RETRIES`, `AZURE_PS_HTTP_MAX_RETRIES_FOR_429`", "retries, as in Az"],
            [
                "`AZSHIM_HTTP_TIMEOUT`",
                "seconds for one HTTP attempt: connecting, sending and every read (default 100; a decimal number, more than 0, at most 3600)",
            ],
            [
                "`AZSHIM_HTTP_TOTAL_TIMEOUT`",
                "seconds for one operation: every attempt, its token request, every retry wait and every 429 wait (default 300; more than 0, at most 86400)",
            ],
            [
                "`AZSHIM_CA_FILE`",
                "a PEM file of extra trusted certificates (`SSL_CERT_FILE`, `SSL_CERT_DIR` work too); it must be readable",
            ],
            [
                "`AZSHIM_TOKEN_CACHE`",
                "`off`: no token cache; an absolute file path: the token cache file (default `${XDG_CACHE_HOME:-~/.cache}/azshim/tokens.json`)",
            ],
            [
                "`AZSHIM_EMULATOR_STATE`",
                "the emulator's state file (default `${XDG_STATE_HOME:-~/.local/state}/azshim/emulator.json`; with neither `XDG_STATE_HOME` nor `HOME` set, the emulator refuses to run)",
            ],
            [
                "`AZSHIM_EMULATOR_AUTOCREATE`",
                "`1` (default) or `0`: a key regeneration of an unknown account gets ARM's 404 instead of creating it (reads never create accounts)",
            ],
            ["`AZSHIM_API_VERSION`", "the ARM api-version (default `2024-10-01`)"],
            [
                "`AZURE_SUBSCRIPTION_ID`",
                "the subscription (else the `-DefaultProfile` file's, else the Azure CLI login's)",
            ],
            ["`AZSHIM_OUTPUT`", "the default `--output`: `table`, `list` or `json`"],
            ["`AZSHIM_INCLUDE_INPUT`", "`1`: `--include-input`; `0` (default): not"],
            ["`COLUMNS`", "the console width for tables on a terminal"],
            ["`NO_COLOR`, `TERM=dumb`", "no colour"],
        ])

    /// README "Files"; the man pages' FILES.
    package static let files = ManualTable(
        section: "FILES", columns: ["file", "what"],
        rows: [
            [
                "`${XDG_STATE_HOME:-~/.local/state}/azshim/emulator.json`",
                "the emulator's state (or `AZSHIM_EMULATOR_STATE`): its accounts and their keys, mode 0600 in a 0700 folder; uninstalling leaves it in place",
            ],
            ["*state*`.lock`", "the lock every change of the state file takes (`flock`), mode 0600"],
            [
                "*state*`.tmp-…`",
                "a new state being written, renamed over the state file; one left by a killed process is removed by the next run",
            ],
            [
                "`${XDG_CACHE_HOME:-~/.cache}/azshim/tokens.json`",
                "the token cache (or `AZSHIM_TOKEN_CACHE`): access tokens only, each until 5 minutes before it expires, mode 0600 in a 0700 folder; *cache*`.lock` and *cache*`.tmp-…` as for the state file; safe to delete",
            ],
            [
                "`${AZURE_CONFIG_DIR:-~/.azure}/azureProfile.json`",
                "read: the Azure CLI login's subscription, tenant and cloud (the token itself comes from `az account get-access-token`); its content is part of the token cache's key",
            ],
            [
                "`$AZURE_CLIENT_CERTIFICATE_PATH`",
                "read once per run: the service principal's certificate and private key (the key stays inside OpenSSL)",
            ],
            [
                "`$AZURE_FEDERATED_TOKEN_FILE`",
                "read: the workload identity's client assertion, at every token request",
            ],
            ["the `-DefaultProfile` file", "read: a saved Az context (subscription, tenant, endpoints)"],
            ["`$AZSHIM_CA_FILE`, `$SSL_CERT_FILE`, `$SSL_CERT_DIR`", "read: extra trusted certificates for HTTPS"],
        ],
        note:
            "The token cache holds access tokens only, never client secrets, assertions, refresh tokens or keys; see \"Token cache\" under Azure."
    )

    /// README "Deliberate deviations from PowerShell"; the man pages' DEVIATIONS FROM POWERSHELL.
    package static let deviations = ManualTable(
        section: "DEVIATIONS FROM POWERSHELL", columns: ["PowerShell / Az", "AzShim", "why"],
        rows: [
            [
                "Verbose, warning, debug, What-if and prompts go to stdout",
                "stdout carries only output objects; the rest goes to stderr, prompts to the terminal",
                "`keys=$(New-Az…)` captures only the objects",
            ],
            [
                "ANSI colours even when redirected",
                "colour only on a terminal, without `NO_COLOR`, with `TERM` not `dumb`",
                "Unix convention",
            ],
            [
                "tables cut to the console width when redirected", "cut only when stdout is a terminal",
                "a captured key is never truncated",
            ],
            [
                "`-WhatIf -Force` prints What-if and regenerates anyway",
                "`-WhatIf` always wins; a WARNING says Az would have regenerated",
                "a dry run must never rotate a production secret",
            ],
            ["`-Confirm -Force` prompts and then ignores a \"No\"", "a \"No\" means no", "the user's answer is final"],
            [
                "`-Debug` prints the regenerated keys in the HTTP RESPONSE block",
                "keys, tokens and secrets are `<redacted>` outside stdout", "secrets never reach logs",
            ],
            [
                "`-Debug` turns verbose and warning output into prompts", "`-Debug` never prompts by itself",
                "non-interactive use must never block",
            ],
            [
                "`-Force:\"false\"` (a string) is an error", "`-Force:false` and `-Force:true` are the booleans",
                "bash turns `-Force:$false` into `-Force:`; the words are the portable spelling",
            ],
            [
                "`-DefaultProfile` takes an `IAzureContextContainer` object",
                "it takes the path of a saved context file",
                "a child process receives text",
            ],
            [
                "`-ErrorVariable`, `-OutVariable`, … set caller variables",
                "validated as PowerShell does, no further effect",
                "a child process cannot set its caller's variables",
            ],
            [
                "`ConvertTo-Json` stops at depth 2 (deeper objects become their `ToString()`)",
                "`--output json` writes the whole object at any depth",
                "JSON lines are AzShim's interface between commands; nothing may be cut silently",
            ],
            [
                "list values are wrapped at the console width when redirected",
                "wrapped only when stdout is a terminal",
                "a captured value is never broken",
            ],
            [
                "help is word-wrapped only in en, fr, de, it, pt and es cultures; in others (`LANG=C`) lines are cut mid-word",
                "help is word-wrapped in every locale",
                "containers usually run with `LANG=C`, and help must stay readable there",
            ],
        ])
}
