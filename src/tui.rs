//! The terminal: setting it up, giving it back in every way the program
//! can end (quit, error, panic, SIGTERM/SIGHUP), and the event loop.
//!
//! The loop blocks on `crossterm::event::read`: no tick, no timeout, so an
//! idle explorer takes no CPU at all. It redraws only when an event changed
//! what is shown, or the terminal was resized.

use std::io::{self, stdout, BufWriter, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Once};

use crossterm::clipboard::CopyToClipboard;
use crossterm::event::{self, DisableMouseCapture, Event};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute, Command};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use crate::action::Action;
use crate::app::{update, SearchSlot, State};
use crate::keymap;
use crate::model::Dataset;
use crate::search::SearchIndex;
use crate::ui::{self, theme::Theme};

/// Bytes buffered per frame: a full 200×60 frame with styles fits.
const FRAME_BUFFER: usize = 256 * 1024;

/// Whether the terminal is in the explorer's modes; restoring is done once.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// Mouse reporting of clicks and the wheel only (1000) in SGR encoding
/// (1006). crossterm's `EnableMouseCapture` also asks for every pointer
/// motion (1003), which would wake the explorer on each move of the mouse.
struct EnableClicksAndWheel;

impl Command for EnableClicksAndWheel {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str("\x1b[?1000h\x1b[?1006h")
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        event::EnableMouseCapture.execute_winapi()
    }
}

/// Restores the terminal if the explorer had set it up: mouse off, main
/// screen back, cursor shown, raw mode off. Safe to call from any thread,
/// any number of times; errors are ignored because there is nothing left
/// to report them to.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal when dropped: on return, on `?`, on unwinding.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter() -> io::Result<Guard> {
    install_panic_hook();
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let guard = Guard;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableClicksAndWheel,
        cursor::Hide
    )?;
    Ok(guard)
}

/// A panic restores the terminal first, so that its report is readable on
/// the main screen, then reports through the previous hook.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Restores the terminal when the process is told to stop from outside:
/// SIGTERM, SIGHUP, SIGINT or SIGQUIT on Unix, the console's Ctrl-C,
/// Ctrl-Break and close events on Windows.
fn watch_signals() -> io::Result<()> {
    crate::signals::on_termination(restore)
}

/// Runs the explorer on `data` until the user quits.
pub fn run(data: &Dataset, theme: Theme) -> io::Result<()> {
    if !stdout().is_terminal() {
        // Escape sequences in a file or a pipe help nobody.
        return Err(io::Error::other(
            "the explorer needs a terminal; for text output try `tipx list` or `tipx show COUNTRY`",
        ));
    }
    watch_signals()?;
    let _guard = enter()?;
    // The search index takes longer to build than the first frame: a
    // second thread builds it once that frame is out, so the two do not
    // compete for the CPU. The scope waits for it before returning.
    let search = SearchSlot::default();
    std::thread::scope(|scope| {
        let build_index = || {
            let slot = Arc::clone(&search);
            scope.spawn(move || {
                slot.get_or_init(|| SearchIndex::new(&data.search));
            });
        };
        event_loop(data, theme, Arc::clone(&search), build_index)
    })
}

fn event_loop(
    data: &Dataset,
    theme: Theme,
    search: SearchSlot,
    after_first_frame: impl FnOnce(),
) -> io::Result<()> {
    // A frame is written in one go: stdout alone flushes every kilobyte.
    let output = BufWriter::with_capacity(FRAME_BUFFER, stdout());
    let mut terminal = Terminal::new(CrosstermBackend::new(output))?;
    let size = terminal.size()?;
    let mut state = State::with_search(data, theme, size.width, size.height, search);
    terminal.draw(|frame| ui::render(&state, frame))?;
    after_first_frame();
    update(&mut state, Action::Prepare);
    loop {
        let event = event::read()?;
        let Some(action) = keymap::action_for(&state, &event) else {
            continue;
        };
        let changed = update(&mut state, action);
        if let Some(text) = state.ui.clipboard.take() {
            execute!(stdout(), CopyToClipboard::to_clipboard_from(text))?;
        }
        if state.ui.should_quit {
            return Ok(());
        }
        if changed || matches!(event, Event::Resize(..)) {
            terminal.draw(|frame| ui::render(&state, frame))?;
            // Cheap unless the size changed: then the region is laid out
            // again now, while the user looks at the new frame.
            update(&mut state, Action::Prepare);
        }
    }
}
