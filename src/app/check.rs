//! The invariant `update` keeps: every selection and scroll in range. The
//! tests and the property tests call [`State::check`] after every step.

use super::{DocId, Overlay, State};
use crate::action::View;

impl State<'_> {
    /// Every selection in range? The invariant `update` keeps; `Err` says
    /// what is out of range.
    pub fn check(&self) -> Result<(), String> {
        let countries = self.data.countries.len();
        let view = &self.session.countries;
        if countries > 0 && view.country >= countries {
            return Err(format!("country {} of {countries}", view.country));
        }
        if !self.matches.is_empty() && view.list.selected >= self.matches.len() {
            return Err(format!(
                "list selection {} of {}",
                view.list.selected,
                self.matches.len()
            ));
        }
        if let Some(&c) = self.matches.get(view.list.selected) {
            if c != view.country {
                return Err(format!("list selects {c}, profile shows {}", view.country));
            }
        }
        if let Some(id) = self.doc_of(View::Countries) {
            if let Some(problem) = self.reader_problem(id) {
                return Err(format!("profile: {problem}"));
            }
        }
        for (id, name) in [
            (DocId::Region, "region"),
            (DocId::Evidence, "evidence"),
            (DocId::Elsewhere, "elsewhere"),
        ] {
            if let Some(problem) = self.reader_problem(id) {
                return Err(format!("{name}: {problem}"));
            }
        }
        self.check_matrix()?;
        self.check_compare()?;
        if view.readers.len() != countries {
            return Err("profile places out of step with the countries".into());
        }
        if self.session.marked.iter().any(|&c| c >= countries) {
            return Err("a mark names no country".into());
        }
        match &self.session.overlay {
            Overlay::Search(search)
                if !self.hits.is_empty() && search.selected >= self.hits.len() =>
            {
                Err(format!(
                    "search selection {} of {}",
                    search.selected,
                    self.hits.len()
                ))
            }
            Overlay::Detail(detail)
                if !self
                    .docs
                    .get(detail.doc)
                    .is_some_and(|d| d.is_selectable(detail.block)) =>
            {
                Err(format!(
                    "detail of block {} that is not selectable",
                    detail.block
                ))
            }
            _ => Ok(()),
        }
    }
}
