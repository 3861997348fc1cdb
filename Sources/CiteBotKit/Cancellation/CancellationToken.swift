import Synchronization

/// A request to stop long work early: indexing a corpus or answering a question.
///
/// The engine never blocks on signals or threads of its own; instead the work it does
/// for a token asks ``isCancelled`` at sensible points — per file and every few thousand
/// sentences when indexing, per question term and every few thousand postings when
/// retrieving, per candidate passage when ranking — and, once it sees a cancellation,
/// stops and throws the standard library's `CancellationError`. Anyone may cancel: call
/// ``cancel()`` from another thread, or hand the initializer a condition to watch, such
/// as a flag a signal handler raises. Once cancelled, a token stays cancelled.
///
/// A check is one relaxed atomic load (plus the watched condition, if any), so asking
/// every few thousand items costs nothing measurable.
public final class CancellationToken: Sendable {
    private let cancelled = Atomic<Bool>(false)
    private let condition: (@Sendable () -> Bool)?

    /// - Parameter condition: also counts as cancelled once this returns true; it is called
    ///   from any thread doing the work (indexing uses several), so it must be cheap and
    ///   thread-safe. Its first true answer is remembered.
    public init(watching condition: (@Sendable () -> Bool)? = nil) {
        self.condition = condition
    }

    /// Asks the work to stop at its next check. Safe from any thread.
    public func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }

    /// Whether ``cancel()`` was called or the watched condition has held.
    public var isCancelled: Bool {
        if cancelled.load(ordering: .relaxed) { return true }
        guard let condition, condition() else { return false }
        cancel()
        return true
    }

    /// Throws `CancellationError` if the token is cancelled.
    public func checkCancellation() throws(CancellationError) {
        if isCancelled { throw CancellationError() }
    }
}

extension Optional where Wrapped == CancellationToken {
    /// Whether a token is present and cancelled: work given no token runs to the end.
    @inline(__always)
    var isCancelled: Bool { self?.isCancelled ?? false }

    /// Throws `CancellationError` if a token is present and cancelled.
    @inline(__always)
    func checkCancellation() throws(CancellationError) {
        if let token = self { try token.checkCancellation() }
    }
}
