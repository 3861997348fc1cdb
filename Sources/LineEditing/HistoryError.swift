/// Why the history file could not be read or written.
///
/// Each message names the path involved and says what the user can do, since
/// the REPL shows it as is (and keeps running: history is a convenience).
public enum HistoryError: Error, CustomStringConvertible, Equatable {
    /// The directory that should hold the history file could not be created.
    case cannotCreateDirectory(directory: String, reason: String)
    /// The history file exists but could not be read.
    case cannotRead(file: String, reason: String)
    /// The new history could not be written; `step` says which stage failed.
    case cannotWrite(file: String, step: String, reason: String)

    /// A one-sentence explanation with the path and a suggested fix.
    public var description: String {
        switch self {
        case let .cannotCreateDirectory(directory, reason):
            return "cannot create the history directory \(directory): \(reason). "
                + "Create it yourself, or set XDG_STATE_HOME to a writable directory."
        case let .cannotRead(file, reason):
            return "cannot read the history file \(file): \(reason). "
                + "Fix its permissions, or delete it to start a new history."
        case let .cannotWrite(file, step, reason):
            return "cannot save the history file \(file) (\(step)): \(reason). "
                + "Check that its directory is writable and the disk is not full, "
                + "or set XDG_STATE_HOME to a writable directory."
        }
    }
}
