//! Giving the terminal back when tipx is told to stop from outside.
//!
//! On Unix that is a signal: SIGTERM, SIGHUP (the terminal closed), SIGINT
//! or SIGQUIT. On Windows there are no such signals; the console instead
//! sends control events: Ctrl-C and Ctrl-Break (when raw mode lets them
//! through), the console window closing, and logoff or shutdown. Either
//! way the terminal is restored before the process ends, so the shell the
//! user returns to is usable.

use std::io;

/// Calls `restore` when the process is asked to terminate, then exits with
/// the code the platform's shells report for such an ending: 128 + the
/// signal's number on Unix, `STATUS_CONTROL_C_EXIT` on Windows.
///
/// `restore` must be safe to call from another thread at any moment.
pub fn on_termination(restore: fn()) -> io::Result<()> {
    platform::on_termination(restore)
}

#[cfg(unix)]
mod platform {
    use std::io;

    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    use signal_hook::iterator::Signals;

    /// A thread waits for the signals: restoring the terminal writes to it
    /// and takes a lock, which a signal handler itself may not do.
    pub fn on_termination(restore: fn()) -> io::Result<()> {
        let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    restore();
                    std::process::exit(128 + signal);
                }
            })?;
        Ok(())
    }
}

#[cfg(windows)]
mod platform {
    use std::io;
    use std::sync::OnceLock;

    use windows_sys::core::BOOL;
    use windows_sys::Win32::Foundation::{FALSE, STATUS_CONTROL_C_EXIT, TRUE};
    use windows_sys::Win32::System::Console::{
        SetConsoleCtrlHandler, CTRL_BREAK_EVENT, CTRL_CLOSE_EVENT, CTRL_C_EVENT, CTRL_LOGOFF_EVENT,
        CTRL_SHUTDOWN_EVENT,
    };

    /// What the handler calls; the system's callback takes no context.
    static RESTORE: OnceLock<fn()> = OnceLock::new();

    /// Windows runs the handler on a thread of its own, so it may take
    /// locks and write to the console. It must finish its work before it
    /// returns: after a close, logoff or shutdown event the system ends
    /// the process as soon as the handler returns (or after a few seconds).
    unsafe extern "system" fn handle(event: u32) -> BOOL {
        match event {
            CTRL_C_EVENT | CTRL_BREAK_EVENT | CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT
            | CTRL_SHUTDOWN_EVENT => {
                if let Some(restore) = RESTORE.get() {
                    restore();
                }
                // The code cmd.exe and PowerShell report for a Ctrl-C.
                std::process::exit(STATUS_CONTROL_C_EXIT);
            }
            // Not ours: let the next handler (or the default) see it.
            _ => FALSE,
        }
    }

    pub fn on_termination(restore: fn()) -> io::Result<()> {
        if RESTORE.set(restore).is_err() {
            // Already installed: a second handler would only run the same
            // restore again.
            return Ok(());
        }
        // SAFETY: `handle` matches PHANDLER_ROUTINE and, being a plain
        // function, lives as long as the process.
        if unsafe { SetConsoleCtrlHandler(Some(handle), TRUE) } == FALSE {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
}
