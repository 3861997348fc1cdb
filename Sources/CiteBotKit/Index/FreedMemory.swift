import CMalloc

/// Memory the process has freed, handed back to the system.
///
/// Indexing threads allocate each document's analysis in small blocks; once merged they
/// are freed, but the allocator keeps the pages wherever a live block sits among them, so
/// they would stay resident through the rest of the build. Returning them lowers the
/// peak of building a large corpus (on glibc; elsewhere this does nothing).
enum FreedMemory {
    /// Returns the free pages of every allocator arena to the system.
    ///
    /// - Complexity: O(heap size): call it between stages, not in loops.
    static func returnToSystem() {
        citebot_return_free_pages()
    }
}
