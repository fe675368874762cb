//! Screens of the real renderer for the README and `screenshots/`: a scene
//! is a terminal size and the keys a user would press; its picture is the
//! TestBackend buffer as text and as SVG. `examples/screenshots.rs` writes
//! them; `tests/readme.rs` fails when they no longer match the program.

use std::fmt::Write;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

use crate::app::{update, State};
use crate::keymap;
use crate::model::Dataset;
use crate::theme::Theme;
use crate::ui;

/// A screen worth showing a new user.
pub struct Scene {
    pub name: &'static str,
    pub caption: &'static str,
    pub width: u16,
    pub height: u16,
    /// Keys in the notation of [`parse_keys`].
    pub keys: &'static str,
}

pub const SCENES: &[Scene] = &[
    Scene {
        name: "countries",
        caption: "1 Countries: the list beside the selected country's profile",
        width: 100,
        height: 30,
        keys: "",
    },
    Scene {
        name: "profile-recommendations",
        caption:
            "A profile's recommendations, each with its source line and themes (`Enter`, `Alt-5`)",
        width: 100,
        height: 30,
        keys: "j<Enter><Alt-5>",
    },
    Scene {
        name: "item-detail",
        caption: "An item opened with `Enter`: full text, source, themes, organizations",
        width: 100,
        height: 30,
        keys: "j<Enter><Alt-5><Enter>",
    },
    Scene {
        name: "search",
        caption: "`/` searches everything; `Enter` jumps to the hit in context",
        width: 100,
        height: 30,
        keys: "/witness protection",
    },
    Scene {
        name: "note",
        caption: "`a` writes a note on any item, key figure or paragraph; `b` bookmarks it; both show under it",
        width: 100,
        height: 30,
        keys: "j<Enter><Alt-5>aProsecutors in Quito asked for this training (March visit).<Esc>",
    },
    Scene {
        name: "notebook",
        caption: "`B`: the field notebook, by country and section; `Enter` jumps, `d` deletes, `e` exports to Markdown",
        width: 100,
        height: 30,
        keys: "j<Enter><Alt-5>aProsecutors in Quito asked for this training (March visit).<Esc>jb4bB",
    },
    Scene {
        name: "matrix",
        caption: "2 Matrix: themes × countries with counts by kind; the selected cell's items below (`f` changes the kind)",
        width: 100,
        height: 30,
        keys: "2jll",
    },
    Scene {
        name: "matrix-elsewhere",
        caption: "What works elsewhere (`w` on a recommendation): best practices on its themes, from the other countries and the synthesis",
        width: 100,
        height: 30,
        keys: "2jll<Enter>w",
    },
    Scene {
        name: "compare-two",
        caption: "3 Compare: two countries side by side, rows that differ marked ≠, figures drawn as bars labelled with the printed value",
        width: 100,
        height: 30,
        keys: " j 3]",
    },
    Scene {
        name: "compare-three",
        caption: "Three countries' lessons learned grouped by theme (`]` jumps between groups, `Enter` opens an item, `d` shows only the rows that differ)",
        width: 120,
        height: 30,
        keys: " jj j 3<Alt-4>",
    },
    Scene {
        name: "region",
        caption:
            "4 Region: executive summary, Section I and the tier system, methodology, synthesis",
        width: 100,
        height: 30,
        keys: "4",
    },
    Scene {
        name: "help",
        caption: "`?` or `F1`: help, generated from the keymap",
        width: 100,
        height: 30,
        keys: "?",
    },
    Scene {
        name: "narrow",
        caption: "On a narrow terminal the list folds away (`s` brings it back)",
        width: 60,
        height: 20,
        keys: "j<Enter>",
    },
];

/// Keys in a compact notation: single characters, or a name between angle
/// brackets: `<Enter>`, `<Esc>`, `<Tab>`, `<Down>`, `<PgDn>`, `<F1>`, `<Alt-3>`.
///
/// # Panics
/// On an unknown name: the notation is written by tests and scenes.
pub fn parse_keys(spec: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = spec;
    while let Some(c) = rest.chars().next() {
        if let Some(end) = rest.find('>').filter(|_| c == '<') {
            let name = &rest[1..end];
            rest = &rest[end + 1..];
            let code = |code| KeyEvent::new(code, KeyModifiers::NONE);
            out.push(match name {
                "Enter" => code(KeyCode::Enter),
                "Esc" => code(KeyCode::Esc),
                "Tab" => code(KeyCode::Tab),
                "Down" => code(KeyCode::Down),
                "PgDn" => code(KeyCode::PageDown),
                "F1" => code(KeyCode::F(1)),
                alt if alt.starts_with("Alt-") && alt.len() == 5 => {
                    let c = alt.chars().last().unwrap_or('1');
                    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
                }
                other => panic!("unknown key <{other}>"),
            });
            continue;
        }
        out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The state after pressing `keys` in a fresh explorer of the given size.
pub fn state_after<'a>(
    data: &'a Dataset,
    theme: Theme,
    width: u16,
    height: u16,
    keys: &str,
) -> State<'a> {
    let mut state = State::new(data, theme, width, height);
    for key in parse_keys(keys) {
        if let Some(action) = keymap::action_for(state.pane(), &Event::Key(key)) {
            update(&mut state, action);
        }
    }
    state
}

/// What the renderer draws for `state` on a terminal of its size.
pub fn draw(state: &State, width: u16, height: u16) -> Buffer {
    let backend = TestBackend::new(width, height);
    let mut terminal = match Terminal::new(backend) {
        Ok(t) => t,
        Err(never) => match never {},
    };
    let _ = terminal.draw(|frame| ui::render(state, frame));
    terminal.backend().buffer().clone()
}

/// The buffer as text, one line per row, trailing blanks trimmed.
pub fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

const BACKGROUND: &str = "#1d1f21";
const FOREGROUND: &str = "#d8d8d8";
const CELL_W: f32 = 8.4;
const CELL_H: f32 = 18.0;

/// The buffer as an SVG picture of a dark terminal, colours and modifiers
/// as a terminal would show them.
pub fn buffer_svg(buf: &Buffer) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0}\" height=\"{:.0}\" \
         font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"14\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{BACKGROUND}\"/>\n",
        f32::from(w) * CELL_W,
        f32::from(h) * CELL_H
    );
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let cell = &buf[(x, y)];
            let (fg, bg) = colors(cell.fg, cell.bg, cell.modifier);
            let start = x;
            let mut text = String::new();
            while x < w {
                let c = &buf[(x, y)];
                if (c.fg, c.bg, c.modifier) != (cell.fg, cell.bg, cell.modifier) {
                    break;
                }
                text.push_str(c.symbol());
                x += 1;
            }
            let (px, py) = (f32::from(start) * CELL_W, f32::from(y) * CELL_H);
            if bg != BACKGROUND {
                let width = f32::from(x - start) * CELL_W;
                let _ = writeln!(
                    out,
                    "<rect x=\"{px:.1}\" y=\"{py:.1}\" width=\"{width:.1}\" height=\"{CELL_H}\" fill=\"{bg}\"/>"
                );
            }
            if text.trim().is_empty() {
                continue;
            }
            let m = cell.modifier;
            let weight = if m.contains(Modifier::BOLD) {
                " font-weight=\"bold\""
            } else {
                ""
            };
            let style = if m.contains(Modifier::ITALIC) {
                " font-style=\"italic\""
            } else {
                ""
            };
            let line = if m.contains(Modifier::UNDERLINED) {
                " text-decoration=\"underline\""
            } else {
                ""
            };
            let opacity = if m.contains(Modifier::DIM) {
                " opacity=\"0.6\""
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<text x=\"{px:.1}\" y=\"{:.1}\" fill=\"{fg}\" xml:space=\"preserve\"{weight}{style}{line}{opacity}>{}</text>",
                py + CELL_H * 0.75,
                escape(&text)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

fn colors(fg: Color, bg: Color, modifier: Modifier) -> (String, String) {
    let fg = hex(fg).unwrap_or_else(|| FOREGROUND.to_string());
    let bg = hex(bg).unwrap_or_else(|| BACKGROUND.to_string());
    if modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

/// A terminal colour as the common xterm palette shows it.
fn hex(color: Color) -> Option<String> {
    let rgb = |r: u8, g: u8, b: u8| Some(format!("#{r:02x}{g:02x}{b:02x}"));
    const BASE: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    match color {
        Color::Reset => None,
        Color::Rgb(r, g, b) => rgb(r, g, b),
        Color::Indexed(i) if i < 16 => {
            let (r, g, b) = BASE[usize::from(i)];
            rgb(r, g, b)
        }
        Color::Indexed(i) if i < 232 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            let i = i - 16;
            rgb(level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        Color::Indexed(i) => {
            let v = 8 + (i - 232) * 10;
            rgb(v, v, v)
        }
        named => {
            let i = match named {
                Color::Black => 0,
                Color::Red => 1,
                Color::Green => 2,
                Color::Yellow => 3,
                Color::Blue => 4,
                Color::Magenta => 5,
                Color::Cyan => 6,
                Color::Gray => 7,
                Color::DarkGray => 8,
                Color::LightRed => 9,
                Color::LightGreen => 10,
                Color::LightYellow => 11,
                Color::LightBlue => 12,
                Color::LightMagenta => 13,
                Color::LightCyan => 14,
                _ => 15,
            };
            hex(Color::Indexed(i))
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The README's section of screenshots: each scene's caption, a link to its
/// SVG, and its text.
pub fn readme_screenshots(data: &Dataset) -> String {
    let mut out = String::new();
    for scene in SCENES {
        let state = state_after(data, Theme::mono(), scene.width, scene.height, scene.keys);
        let text = buffer_text(&draw(&state, scene.width, scene.height));
        let _ = write!(
            out,
            "**{}** ([colour SVG](screenshots/{}.svg))\n\n```text\n{}```\n\n",
            scene.caption, scene.name, text
        );
    }
    out
}

/// The README's table of keys, from the keymap.
pub fn readme_keys() -> String {
    let mut out = String::new();
    for group in keymap::help_groups() {
        if group.rows.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "**{}**\n\n| keys | what they do |\n|---|---|\n",
            group.title
        );
        for (keys, what) in group.rows {
            let keys = keys.replace('|', "\\|");
            let _ = writeln!(out, "| `{keys}` | {what} |");
        }
        out.push('\n');
    }
    out
}

/// Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->`.
pub fn replace_section(document: &str, name: &str, content: &str) -> Option<String> {
    let start_tag = format!("<!-- {name}:start -->\n");
    let end_tag = format!("<!-- {name}:end -->");
    let start = document.find(&start_tag)? + start_tag.len();
    let end = start + document[start..].find(&end_tag)?;
    Some(format!(
        "{}{content}{}",
        &document[..start],
        &document[end..]
    ))
}
