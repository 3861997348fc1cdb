/*
 * shim.h -- the C fence around GNU readline (Debian libreadline-dev, 8.x).
 *
 * Only Sources/LineEditing/ReadlineReader.swift may call these helpers.
 * Their shared state (signal flags, wake pipe, accepted line) lives in a
 * static inside citebot_state(), which has internal linkage: Swift emits the
 * helpers into the object file of each Swift source that calls them, so two
 * calling files would each get a private copy of that state.
 */
#ifndef CITEBOT_CREADLINE_SHIM_H
#define CITEBOT_CREADLINE_SHIM_H

/* readline.h uses FILE and size_t without including the headers that declare them. */
#include <stdio.h>
#include <stdlib.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#include <readline/readline.h>
#include <readline/history.h>

/* ---- readline globals (Swift 6 rejects direct use of mutable C globals) ---- */

/* 0 stops readline from installing its SIGINT handler, which would re-raise the signal and end the process. */
static inline void citebot_rl_set_catch_signals(int value) { rl_catch_signals = value; }

/* 0 because readline only listens for SIGWINCH inside rl_callback_read_char; the shim's own handler sees every resize. */
static inline void citebot_rl_set_catch_sigwinch(int value) { rl_catch_sigwinch = value; }

/* 0 stops readline from calling setenv(LINES/COLUMNS), which races with getenv in other threads. */
static inline void citebot_rl_set_change_environment(int value) { rl_change_environment = value; }

/* Lets ~/.inputrc say `$if citebot`; the string literal has static storage, as readline requires. */
static inline void citebot_rl_set_readline_name(void) { rl_readline_name = "citebot"; }

/* history_base is needed to turn a 0-based position into the offset history_get expects. */
static inline int citebot_history_base(void) { return history_base; }

/* history_length is needed to walk and count the in-memory history. */
static inline int citebot_history_length(void) { return history_length; }

/* ---- signals ---- */

/* Everything the signal handlers, the line handler and Swift share. */
struct citebot_state {
    /* Set by the SIGINT handler, exchanged back to 0 by Swift; lock-free atomics are async-signal-safe
       and, unlike a plain sig_atomic_t, allow read-and-clear in one step so no interrupt is lost. */
    atomic_int sigint_pending;
    /* Set by the SIGWINCH handler so the prompt can be redrawn for the new terminal width. */
    atomic_int sigwinch_pending;
    /* 1 while a prompt is waiting for input: there, every SIGINT only clears the line. */
    atomic_int at_prompt;
    /* Self-pipe: the handlers write a byte so poll(2) wakes up even when the kernel delivers the signal
       to another thread (Swift programs are multi-threaded, so EINTR on the reading thread is not guaranteed). */
    int wake_fds[2];
    /* Previous dispositions, restored when the reader closes. */
    struct sigaction saved_sigint;
    struct sigaction saved_sigwinch;
    int handlers_installed;
    /* readline hands the finished line to a plain C function pointer that carries no context, so it lands here. */
    char *accepted_line;
    int line_ready;
};

/* The storage is a function-local static because Swift's importer emits no definition for a
   file-scope static variable declared in a header (the link fails), but it does emit this function. */
static inline struct citebot_state *citebot_state(void) {
    static struct citebot_state state = { .wake_fds = { -1, -1 } };
    return &state;
}

/* Async-signal-safe wake-up of the prompt's poll(2); a full pipe already guarantees a wake-up. */
static void citebot_wake(void) {
    int fd = citebot_state()->wake_fds[1];
    if (fd >= 0) {
        char byte = 1;
        ssize_t written = write(fd, &byte, 1);
        (void)written;
    }
}

/* The SIGINT handler is C because a signal handler may only touch atomics and async-signal-safe calls.
   Away from the prompt, a second SIGINT before the first was taken restores the default action and
   re-raises it (delivered when this handler returns), so a stuck REPL still dies on Ctrl-C twice. */
static void citebot_on_sigint(int signo) {
    int saved_errno = errno;
    int previous = atomic_exchange(&citebot_state()->sigint_pending, 1);
    if (previous != 0 && atomic_load(&citebot_state()->at_prompt) == 0) {
        struct sigaction fallback;
        memset(&fallback, 0, sizeof fallback);
        fallback.sa_handler = SIG_DFL;
        sigemptyset(&fallback.sa_mask);
        sigaction(signo, &fallback, NULL);
        raise(signo);
    }
    citebot_wake();
    errno = saved_errno;
}

/* The SIGWINCH handler only records the resize; readline is redrawn from the reading thread. */
static void citebot_on_sigwinch(int signo) {
    (void)signo;
    int saved_errno = errno;
    atomic_store(&citebot_state()->sigwinch_pending, 1);
    citebot_wake();
    errno = saved_errno;
}

/* Swift cannot store a C function into struct sigaction's handler union portably, so installation is here.
   SA_RESTART keeps unrelated blocking calls from failing with EINTR. Idempotent. */
static inline void citebot_install_signal_handlers(void) {
    if (citebot_state()->handlers_installed) return;
    int fds[2];
    if (pipe(fds) == 0) {
        for (int i = 0; i < 2; i++) {
            fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
            fcntl(fds[i], F_SETFD, FD_CLOEXEC);
        }
        citebot_state()->wake_fds[0] = fds[0];
        citebot_state()->wake_fds[1] = fds[1];
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    action.sa_handler = citebot_on_sigint;
    sigaction(SIGINT, &action, &citebot_state()->saved_sigint);
    action.sa_handler = citebot_on_sigwinch;
    sigaction(SIGWINCH, &action, &citebot_state()->saved_sigwinch);
    citebot_state()->handlers_installed = 1;
}

/* Puts back the dispositions found at installation and closes the wake pipe. */
static inline void citebot_restore_signal_handlers(void) {
    if (!citebot_state()->handlers_installed) return;
    int read_fd = citebot_state()->wake_fds[0];
    int write_fd = citebot_state()->wake_fds[1];
    citebot_state()->wake_fds[1] = -1;
    sigaction(SIGINT, &citebot_state()->saved_sigint, NULL);
    sigaction(SIGWINCH, &citebot_state()->saved_sigwinch, NULL);
    citebot_state()->wake_fds[0] = -1;
    if (read_fd >= 0) close(read_fd);
    if (write_fd >= 0) close(write_fd);
    citebot_state()->handlers_installed = 0;
}

/* Read end of the self-pipe, polled next to standard input (-1 if the pipe could not be made). */
static inline int citebot_wake_fd(void) { return citebot_state()->wake_fds[0]; }

/* Returns 1 and clears the flag if a SIGINT arrived since the last call. */
static inline int citebot_take_sigint(void) { return atomic_exchange(&citebot_state()->sigint_pending, 0); }

/* Returns 1 if a SIGINT arrived since the flag was last taken, leaving it set; safe from any thread. */
static inline int citebot_sigint_pending(void) { return atomic_load(&citebot_state()->sigint_pending); }

/* Returns 1 and clears the flag if the terminal was resized since the last call. */
static inline int citebot_take_sigwinch(void) { return atomic_exchange(&citebot_state()->sigwinch_pending, 0); }

/* Tells the SIGINT handler whether a prompt is active (see citebot_on_sigint). */
static inline void citebot_set_at_prompt(int value) { atomic_store(&citebot_state()->at_prompt, value); }

/* ---- the callback interface's accepted line ---- */

/* Line handler: keeps the malloc'd line (NULL at end of input) and removes itself, which stops
   readline from re-displaying the prompt before Swift has seen the line. */
static void citebot_on_line(char *line) {
    citebot_state()->accepted_line = line;
    citebot_state()->line_ready = 1;
    rl_callback_handler_remove();
}

/* Shows the prompt and prepares the terminal; Swift cannot pass citebot_on_line itself as a function value. */
static inline void citebot_rl_begin_line(const char *prompt) {
    citebot_state()->accepted_line = NULL;
    citebot_state()->line_ready = 0;
    rl_callback_handler_install(prompt, citebot_on_line);
}

/* 1 once readline has accepted a line or reached end of input. */
static inline int citebot_rl_line_ready(void) { return citebot_state()->line_ready; }

/* Hands the accepted line (caller frees it; NULL = end of input) to Swift and resets the slot. */
static inline char *citebot_rl_take_line(void) {
    char *line = citebot_state()->accepted_line;
    citebot_state()->accepted_line = NULL;
    citebot_state()->line_ready = 0;
    return line;
}

#endif /* CITEBOT_CREADLINE_SHIM_H */
