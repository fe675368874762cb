//! The desktop's clipboard, beside OSC 52: terminals built on VTE (GNOME
//! Terminal and others) ignore OSC 52, so on a local desktop a copy also
//! goes to the system clipboard through arboard. On Linux arboard speaks the
//! X11 protocol in pure Rust (x11rb; no system library is linked), which
//! covers Wayland desktops through XWayland. Over SSH the desktop is the
//! far end's, reached by OSC 52 alone.

use std::ffi::OsString;

/// Whether a copy should also go to the desktop's clipboard, judged from
/// the environment (`var` looks a variable up).
pub fn wanted(var: impl Fn(&str) -> Option<OsString>) -> bool {
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    if set("SSH_CONNECTION") || set("SSH_CLIENT") || set("SSH_TTY") {
        return false;
    }
    cfg!(any(windows, target_os = "macos")) || set("DISPLAY")
}

/// The clipboard, opened on the first copy and kept open: on X11 the text
/// is served from this process for as long as the clipboard lives (and
/// handed to a clipboard manager, where there is one, when it closes).
pub struct DesktopClipboard {
    wanted: bool,
    clipboard: Option<arboard::Clipboard>,
}

impl DesktopClipboard {
    pub fn from_env() -> DesktopClipboard {
        DesktopClipboard {
            wanted: wanted(|name| std::env::var_os(name)),
            clipboard: None,
        }
    }

    /// Puts `text` on the desktop's clipboard: `None` where there is no
    /// desktop to reach, else whether it worked.
    pub fn copy(&mut self, text: &str) -> Option<Result<(), String>> {
        if !self.wanted {
            return None;
        }
        let clipboard = match &mut self.clipboard {
            Some(clipboard) => clipboard,
            slot => match arboard::Clipboard::new() {
                Ok(clipboard) => slot.insert(clipboard),
                Err(error) => {
                    // Not tried again on every copy: the answer will not change.
                    self.wanted = false;
                    return Some(Err(error.to_string()));
                }
            },
        };
        Some(clipboard.set_text(text).map_err(|e| e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::wanted;
    use std::ffi::OsString;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn only_a_local_desktop_gets_the_copy_too() {
        assert!(!wanted(env(&[
            ("DISPLAY", ":0"),
            ("SSH_CONNECTION", "10.0.0.1 1 10.0.0.2 22")
        ])));
        assert!(!wanted(env(&[
            ("DISPLAY", ":0"),
            ("SSH_TTY", "/dev/pts/3")
        ])));
        if cfg!(target_os = "linux") {
            assert!(wanted(env(&[("DISPLAY", ":0")])));
            assert!(!wanted(env(&[("DISPLAY", "")])));
            assert!(!wanted(env(&[])), "a console has no desktop");
        }
    }
}
