/// The last answer to a prompt of one kind (`MshCommandRuntime.ContinueStatus`): ShouldProcess,
/// errors, warnings, verbose and debug each keep their own, so "Yes to All" on the Confirm prompt
/// does not silence a later `-WarningAction Inquire` prompt.
///
/// Example: answering `A` to `-Confirm` for the first of three pipeline objects makes the
/// ShouldProcess status `.yesToAll`; the other two objects are regenerated without a prompt.
enum ContinueStatus: Equatable {
    case yes, no, yesToAll, noToAll
}
