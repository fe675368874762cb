//! The terminal: setting it up, giving it back in every way the program
//! can end (quit, error, panic, SIGTERM/SIGHUP), and the event loop.
//!
//! The loop blocks on `crossterm::event::read`: no tick, no timeout, so an
//! idle explorer takes no CPU at all. It redraws only when an event changed
//! what is shown, or the terminal was resized. Input is read from the
//! terminal with a level-triggered `poll()` (crossterm's `use-dev-tty`), so
//! a large paste is read to its end at once rather than a kilobyte a key.

mod capped;
mod desktop_clipboard;

use std::io::{self, stdout, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;

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
use crate::notebook::store::write_atomically;
use crate::notebook::Store;
use crate::search::SearchIndex;
use crate::theme::Theme;
use crate::ui;
use desktop_clipboard::DesktopClipboard;

/// Bytes buffered per frame: a full 200×60 frame with styles fits.
const FRAME_BUFFER: usize = 256 * 1024;
/// Events applied before a frame is drawn, however many are waiting, so
/// that an endless stream of input still shows progress.
const MAX_EVENTS_PER_FRAME: usize = 4096;
/// How long to look for more input before drawing. Not zero: crossterm's
/// `poll` with a zero timeout does not see events it has already read and
/// parsed but not yet handed out, and a paste would be drawn a key at a time.
const DRAIN_WAIT: Duration = Duration::from_micros(100);

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

/// Ctrl-Z: gives the terminal back, stops until the shell's `fg`, then
/// takes it again. Returns whether it did (not on Windows, which has no
/// job control).
fn suspend() -> io::Result<bool> {
    #[cfg(unix)]
    {
        restore();
        // Stops here; SIGCONT from `fg` carries on.
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        enter().map(std::mem::forget)?;
        Ok(true)
    }
    #[cfg(not(unix))]
    {
        Ok(false)
    }
}

/// Runs the explorer on `data` until the user quits, with the notebook in
/// `notebook` (none: notes are kept in memory only).
pub fn run(data: &Dataset, theme: Theme, notebook: Option<PathBuf>) -> io::Result<()> {
    if !stdout().is_terminal() {
        // Escape sequences in a file or a pipe help nobody.
        return Err(io::Error::other(
            "the explorer needs a terminal; for text output try `tipx list` or `tipx show COUNTRY`",
        ));
    }
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        // A dumb terminal has no alternate screen, no cursor addressing.
        return Err(io::Error::other(
            "the explorer needs a terminal that can draw a screen (TERM is \"dumb\"); \
             for text output try `tipx list` or `tipx show COUNTRY`",
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
        event_loop(data, theme, notebook, Arc::clone(&search), build_index)
    })
}

fn event_loop(
    data: &Dataset,
    theme: Theme,
    notebook: Option<PathBuf>,
    search: SearchSlot,
    after_first_frame: impl FnOnce(),
) -> io::Result<()> {
    // A frame is written in one go: stdout alone flushes every kilobyte.
    let output = BufWriter::with_capacity(FRAME_BUFFER, stdout());
    let mut terminal = Terminal::new(capped::Capped(CrosstermBackend::new(output)))?;
    // The real size, so that the state can say when it draws less of it.
    let (width, height) = crossterm::terminal::size()?;
    let mut state = State::with_search(data, theme, width, height, search);
    let store = open_notebook(&mut state, notebook);
    terminal.draw(|frame| ui::render(&state, frame))?;
    after_first_frame();
    update(&mut state, Action::Prepare);
    let mut desktop = DesktopClipboard::from_env();
    loop {
        // Block for one event, then take every event already waiting (a
        // paste, a key held down) before drawing once: a frame per key of
        // a 10 KB paste would keep the reader waiting for seconds.
        let mut redraw = false;
        let mut event = event::read()?;
        for _ in 0..MAX_EVENTS_PER_FRAME {
            match step(&mut state, &mut desktop, &event, store.as_ref())? {
                Step::Quit => return Ok(()),
                Step::Suspended => {
                    terminal.clear()?;
                    redraw = true;
                }
                Step::Redraw => redraw = true,
                Step::Nothing => {}
            }
            if !event::poll(DRAIN_WAIT)? {
                break;
            }
            event = event::read()?;
        }
        if redraw {
            terminal.draw(|frame| ui::render(&state, frame))?;
            // Cheap unless the size changed: then the region is laid out
            // again now, while the user looks at the new frame.
            update(&mut state, Action::Prepare);
        }
    }
}

/// The bytes `y` writes to the terminal: OSC 52 ("set the clipboard"),
/// the text in base64, then ST (`ESC \`). Terminals and tmux (`set-clipboard on`)
/// pass it to the system clipboard, over SSH too.
pub fn clipboard_sequence(text: &str) -> String {
    let mut sequence = String::new();
    // Writing into a String cannot fail.
    let _ = CopyToClipboard::to_clipboard_from(text).write_ansi(&mut sequence);
    sequence
}

/// What an event asked of the loop.
enum Step {
    Nothing,
    Redraw,
    Suspended,
    Quit,
}

/// Reads the notebook into the state. An unreadable notebook is reported
/// in the status line and never written: the returned store is `None`, and
/// notes stay in memory.
fn open_notebook(state: &mut State, path: Option<PathBuf>) -> Option<Store> {
    let Some(path) = path else {
        state.set_notebook(
            Default::default(),
            Some("no home folder; use --notebook FILE".into()),
        );
        return None;
    };
    let store = Store::new(path);
    match store.load() {
        Ok(notebook) => {
            state.set_notebook(notebook, None);
            Some(store)
        }
        Err(e) => {
            state.set_notebook(Default::default(), Some(e.to_string()));
            None
        }
    }
}

/// Saves the notebook's changes at once, taking in what another tipx saved.
fn save_notebook(state: &mut State, store: Option<&Store>) {
    let Some(store) = store else {
        return;
    };
    match store.save(&mut state.notebook) {
        Ok(()) => state.notebook_changed(),
        Err(e) => state.session.status = Some(format!("Notes are not saved: {e}")),
    }
}

/// Writes the notebook's Markdown to a new file in the current folder.
fn export_notes(state: &mut State, markdown: &str) {
    let folder = PathBuf::from(".");
    let path = (1..1000)
        .map(|n| match n {
            1 => folder.join("tipx-notebook.md"),
            n => folder.join(format!("tipx-notebook-{n}.md")),
        })
        .find(|p| !p.exists());
    let written = path
        .ok_or_else(|| io::Error::other("too many exports here"))
        .and_then(|path| {
            write_atomically(&folder, &path, markdown)?;
            Ok(path)
        });
    state.session.status = Some(match written {
        Ok(path) => format!("Exported the notebook to {}", path.display()),
        Err(e) => format!("The notebook was not exported: {e}"),
    });
}

/// Turns one event into an action, applies it and carries out its effects.
fn step(
    state: &mut State,
    desktop: &mut DesktopClipboard,
    event: &Event,
    store: Option<&Store>,
) -> io::Result<Step> {
    let Some(action) = keymap::action_for(state.pane(), event) else {
        return Ok(Step::Nothing);
    };
    let outcome = update(state, action);
    if outcome.save_notebook {
        save_notebook(state, store);
    }
    if let Some(markdown) = &outcome.export_notes {
        export_notes(state, markdown);
    }
    if let Some(text) = outcome.copy {
        let mut out = stdout();
        out.write_all(clipboard_sequence(&text).as_bytes())?;
        out.flush()?;
        if let Some(result) = desktop.copy(&text) {
            state.copied_to_desktop(result);
        }
    }
    let exported = outcome.export.is_some();
    if let Some(export) = outcome.export {
        // Into the folder tipx was started from, under a new name if the
        // file exists: the explorer never replaces a file.
        let written = crate::atomic::write_new(
            Path::new("."),
            &export.stem,
            "md",
            export.contents.as_bytes(),
        );
        match written {
            Ok(path) => state.exported(&export.what, Ok(&path)),
            Err(error) => state.exported(&export.what, Err(error.to_string())),
        }
    }
    if outcome.quit {
        return Ok(Step::Quit);
    }
    if outcome.suspend && suspend()? {
        return Ok(Step::Suspended);
    }
    let resized = matches!(event, Event::Resize(..));
    let effects = exported || outcome.save_notebook || outcome.export_notes.is_some();
    Ok(if outcome.redraw || resized || effects {
        Step::Redraw
    } else {
        Step::Nothing
    })
}
