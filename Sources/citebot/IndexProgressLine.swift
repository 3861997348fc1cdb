import CiteBotKit
import Foundation
import Synchronization

/// A progress line on standard error while a corpus is indexed: files, megabytes, rate and
/// time left. Drawn only on a terminal, only once indexing has taken a second, at most ten
/// times a second, and erased when indexing ends.
final class IndexProgressLine: Sendable {
    let enabled: Bool
    private let state: Mutex<(started: Date, lastDrawn: Date, drawn: Bool)>

    init(enabled: Bool) {
        self.enabled = enabled
        state = Mutex((Date(), .distantPast, false))
    }

    /// Called by the indexing workers.
    @Sendable func update(_ progress: IndexProgress) {
        guard enabled else { return }
        state.withLock { state in
            let now = Date()
            let elapsed = now.timeIntervalSince(state.started)
            guard elapsed >= 1, now.timeIntervalSince(state.lastDrawn) >= 0.1 else { return }
            state.lastDrawn = now
            state.drawn = true
            Terminal.writeError("\r\u{1B}[K" + Self.text(progress, elapsed: elapsed))
        }
    }

    /// Erases the line, if one was drawn.
    func finish() {
        state.withLock { state in
            if state.drawn { Terminal.writeError("\r\u{1B}[K") }
            state.drawn = false
        }
    }

    /// "indexing 120/497 files, 3.1/11.4 MB, 24.0 MB/s, about 0:01 left"
    static func text(_ progress: IndexProgress, elapsed: TimeInterval) -> String {
        let megabytes = Double(progress.bytes) / 1_000_000
        let total = Double(progress.totalBytes) / 1_000_000
        let rate = elapsed > 0 ? megabytes / elapsed : 0
        let left = rate > 0 ? Int(((total - megabytes) / rate).rounded(.up)) : 0
        return String(format: "indexing %d/%d files, %.1f/%.1f MB, %.1f MB/s, about %d:%02d left",
                      progress.files, progress.totalFiles, megabytes, total, rate, left / 60, left % 60)
    }
}
