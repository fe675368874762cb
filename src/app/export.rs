//! `e`: what the view shows, as a Markdown file. `update` stays pure: it
//! returns the file's name and contents in [`Outcome::export`]; the
//! terminal layer writes it (atomically, never over an existing file) and
//! reports the path or the error through [`State::exported`].

use std::path::Path;

use super::{Outcome, State};
use crate::action::View;
use crate::briefing::markdown;
use crate::query::compare::Comparison;
use crate::query::compare_output;
use crate::query::matrix_output;

/// A Markdown file to write in the current folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// The file name without ".md": letters, digits and hyphens only.
    pub stem: String,
    pub contents: String,
    /// What it holds, for the status line ("Ecuador's profile").
    pub what: String,
}

/// A file name from a dataset id: nothing that could name another folder.
fn file_stem(parts: &[&str]) -> String {
    let joined = parts.join("-").to_lowercase();
    let stem: String = joined
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("tipx-{}", stem.trim_matches('-'))
}

impl State<'_> {
    pub(super) fn export_view(&mut self, out: &mut Outcome) {
        let data = self.data;
        let export = match self.session.view {
            View::Countries => {
                let Some(c) = data.countries.get(self.session.countries.country) else {
                    return;
                };
                Export {
                    stem: file_stem(&[&c.id]),
                    contents: markdown::country(data, c, 1),
                    what: format!("{}'s profile", c.name),
                }
            }
            View::Matrix => {
                let Some(matrix) = &self.matrix else {
                    return;
                };
                Export {
                    stem: file_stem(&["matrix"]),
                    contents: format!(
                        "# {}\n\n{}",
                        data.report.title,
                        matrix_output::markdown(matrix)
                    ),
                    what: "the matrix".to_string(),
                }
            }
            View::Region => Export {
                stem: file_stem(&["region"]),
                contents: markdown::region(data),
                what: "the region".to_string(),
            },
            View::Compare => match self.compare_export() {
                Some(export) => export,
                None => {
                    self.session.status =
                        Some("Mark two or more countries (Space) to export a comparison".into());
                    return;
                }
            },
        };
        self.session.status = Some(format!("Exporting {}…", export.what));
        out.export = Some(export);
    }

    /// HOOK for the comparison view, which is being rebuilt in
    /// src/app/compare.rs: until it keeps its own choice of countries, the
    /// export compares the countries marked with Space, as the view does.
    /// When the view has its own state, take the countries from there.
    fn compare_export(&self) -> Option<Export> {
        let marked = &self.session.marked;
        if marked.len() < 2 {
            return None;
        }
        let comparison = Comparison::new(self.data, marked);
        let ids: Vec<&str> = marked
            .iter()
            .filter_map(|&c| self.data.countries.get(c))
            .map(|c| c.id.as_str())
            .collect();
        let mut parts = vec!["compare"];
        parts.extend(ids);
        Some(Export {
            stem: file_stem(&parts),
            contents: format!(
                "# {}\n\n{}",
                self.data.report.title,
                compare_output::markdown(self.data, &comparison)
            ),
            what: "the comparison".to_string(),
        })
    }

    /// What became of an export, for the status line.
    pub fn exported(&mut self, what: &str, result: Result<&Path, String>) {
        self.session.status = Some(match result {
            Ok(path) => format!("Exported {what} to {}", path.display()),
            Err(error) => format!("Could not export {what}: {error}"),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn file_names_cannot_leave_the_folder() {
        assert_eq!(file_stem(&["../../etc/passwd"]), "tipx-etc-passwd");
        assert_eq!(
            file_stem(&["compare", "ecuador", "jamaica"]),
            "tipx-compare-ecuador-jamaica"
        );
    }
}
