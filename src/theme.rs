//! Named styles. The default uses the terminal's own foreground and
//! background, modifiers, and a few mid-tone colours readable on dark and
//! light backgrounds alike; `dark` and `light` tune those colours; `mono`
//! has none. Colour only ever repeats what text or a modifier already says.

use std::ffi::OsStr;

use ratatui::style::{Color, Modifier, Style};

use crate::doc::Role;
use crate::model::TierLevel;

/// The themes a user can ask for by name (`--theme`, the config file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    Dark,
    Light,
    Mono,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: &'static str,
    pub heading: Style,
    pub subheading: Style,
    pub title: Style,
    pub label: Style,
    pub text: Style,
    pub meta: Style,
    pub tag: Style,
    pub quote: Style,
    pub matched: Style,
    /// Patched over whatever is selected in the focused pane.
    pub selected: Style,
    /// The ▶ marker beside a selection.
    pub marker: Style,
    /// The ● of a country marked for comparison.
    pub mark: Style,
    pub tier_watch: Style,
    pub tier_plain: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub border: Style,
    pub key: Style,
    pub status: Style,
    pub notice: Style,
    pub input: Style,
}

/// The few colours a coloured theme adds.
struct Palette {
    accent: Color,
    muted: Color,
    warm: Color,
    cool: Color,
}

impl Theme {
    /// The theme for a `--theme` flag and the `NO_COLOR` variable. An
    /// explicit flag wins (no-color.org: per-instance arguments override
    /// NO_COLOR); otherwise a non-empty NO_COLOR means mono.
    pub fn select(flag: Option<ThemeName>, no_color: Option<&OsStr>) -> Theme {
        match flag {
            Some(ThemeName::Dark) => Theme::dark(),
            Some(ThemeName::Light) => Theme::light(),
            Some(ThemeName::Mono) => Theme::mono(),
            None if no_color.is_some_and(|v| !v.is_empty()) => Theme::mono(),
            None => Theme::default_colors(),
        }
    }

    /// The theme for a flag, reading NO_COLOR from the environment.
    pub fn from_env(flag: Option<ThemeName>) -> Theme {
        Theme::select(flag, std::env::var_os("NO_COLOR").as_deref())
    }

    /// Mid tones that read on black and on white.
    pub fn default_colors() -> Theme {
        Theme::build(
            "default",
            Some(Palette {
                accent: Color::Indexed(31),
                muted: Color::Indexed(244),
                warm: Color::Indexed(130),
                cool: Color::Indexed(30),
            }),
        )
    }

    pub fn dark() -> Theme {
        Theme::build(
            "dark",
            Some(Palette {
                accent: Color::Indexed(75),
                muted: Color::Indexed(246),
                warm: Color::Indexed(179),
                cool: Color::Indexed(79),
            }),
        )
    }

    pub fn light() -> Theme {
        Theme::build(
            "light",
            Some(Palette {
                accent: Color::Indexed(25),
                muted: Color::Indexed(241),
                warm: Color::Indexed(94),
                cool: Color::Indexed(23),
            }),
        )
    }

    /// No colour at all: modifiers only.
    pub fn mono() -> Theme {
        Theme::build("mono", None)
    }

    fn build(name: &'static str, palette: Option<Palette>) -> Theme {
        let fg = |pick: fn(&Palette) -> Color| match &palette {
            Some(p) => Style::new().fg(pick(p)),
            None => Style::new(),
        };
        let bold = Modifier::BOLD;
        // Without colour, secondary text is told apart by a modifier.
        let muted = match palette {
            Some(_) => fg(|p| p.muted),
            None => Style::new().add_modifier(Modifier::DIM),
        };
        Theme {
            name,
            heading: fg(|p| p.accent).add_modifier(bold),
            subheading: Style::new().add_modifier(bold | Modifier::UNDERLINED),
            title: Style::new().add_modifier(bold),
            label: Style::new().add_modifier(bold),
            text: Style::new(),
            meta: muted,
            tag: fg(|p| p.cool).add_modifier(Modifier::ITALIC),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            matched: fg(|p| p.warm).add_modifier(bold | Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            marker: fg(|p| p.accent).add_modifier(bold),
            mark: fg(|p| p.warm).add_modifier(bold),
            tier_watch: fg(|p| p.warm).add_modifier(bold),
            tier_plain: fg(|p| p.cool).add_modifier(bold),
            tab: Style::new(),
            tab_active: Style::new().add_modifier(bold | Modifier::REVERSED),
            border: muted,
            key: fg(|p| p.accent).add_modifier(bold),
            status: Style::new().add_modifier(bold),
            notice: Style::new().add_modifier(Modifier::ITALIC),
            input: Style::new().add_modifier(bold),
        }
    }

    pub fn role(&self, role: Role) -> Style {
        match role {
            Role::Heading => self.heading,
            Role::SubHeading => self.subheading,
            Role::Text => self.text,
            Role::Title => self.title,
            Role::Label => self.label,
            Role::Meta => self.meta,
            Role::Tag => self.tag,
            Role::Quote => self.quote,
            Role::Match => self.matched,
            Role::Note => self.tag,
        }
    }

    /// The tier badge's style; the badge's text says the tier on its own.
    pub fn tier(&self, level: TierLevel) -> Style {
        match level {
            TierLevel::Tier2WatchList | TierLevel::Tier3 => self.tier_watch,
            TierLevel::Tier1 | TierLevel::Tier2 => self.tier_plain,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_means_mono_unless_a_theme_is_asked_for() {
        let set = Some(OsStr::new("1"));
        assert_eq!(Theme::select(None, set).name, "mono");
        assert_eq!(Theme::select(None, Some(OsStr::new(""))).name, "default");
        assert_eq!(Theme::select(None, None).name, "default");
        assert_eq!(Theme::select(Some(ThemeName::Dark), set).name, "dark");
        assert_eq!(Theme::select(Some(ThemeName::Light), None).name, "light");
        assert_eq!(Theme::select(Some(ThemeName::Mono), None).name, "mono");
    }

    #[test]
    fn mono_has_no_colour_and_the_selection_shows_without_it() {
        let mono = Theme::mono();
        let roles = [
            Role::Heading,
            Role::SubHeading,
            Role::Text,
            Role::Title,
            Role::Label,
            Role::Meta,
            Role::Tag,
            Role::Quote,
            Role::Match,
        ];
        for role in roles {
            let style = mono.role(role);
            assert_eq!((style.fg, style.bg), (None, None), "{role:?}");
        }
        for theme in [Theme::default_colors(), Theme::dark(), Theme::light(), mono] {
            assert!(theme.selected.add_modifier.contains(Modifier::REVERSED));
            assert!(theme.tab_active.add_modifier.contains(Modifier::REVERSED));
            assert!(theme.matched.add_modifier.contains(Modifier::UNDERLINED));
            // The default colours leave the terminal's background alone.
            assert_eq!(theme.text, Style::new());
        }
    }
}
