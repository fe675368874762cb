//! The comparison view: the marked countries side by side, row by row, or,
//! with fewer than two marked, the countries to choose from. Its state, its
//! regions, and what it does with an action. The table's layout is in
//! [`table`], pure, so that drawing, scrolling and clicks agree.

mod actions;
pub mod table;

pub use actions::row_text;

use ratatui::layout::Rect;

use super::State;
use crate::action::Pane;
use crate::model::Target;
use crate::query::compare::{Comparison, MAX_COUNTRIES, MIN_COUNTRIES};
use table::{Block, Geometry, Placed};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compare {
    /// Choosing countries although two or more are marked (`a`).
    pub picking: bool,
    /// The country selected in the chooser (an index in the dataset).
    pub pick: usize,
    /// The selected row, by its index in `Comparison::rows`.
    pub row: usize,
    /// The selected column: a position among the compared countries.
    pub column: usize,
    /// The selected entry of the selected cell (an item or a figure).
    pub entry: usize,
    /// Show only the rows whose values differ.
    pub only_differs: bool,
    /// The first line of the table shown.
    pub scroll: usize,
}

/// The comparison view's regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareAreas {
    /// What is shown and how to read it.
    pub title: Rect,
    /// The countries' names above their columns.
    pub header: Rect,
    pub table: Rect,
}

pub fn areas(body: Rect) -> CompareAreas {
    let line = |at: u16| Rect {
        y: body.y + at.min(body.height),
        height: u16::from(at < body.height),
        ..body
    };
    CompareAreas {
        title: line(0),
        header: line(1),
        table: Rect {
            y: body.y + 2.min(body.height),
            height: body.height.saturating_sub(2),
            ..body
        },
    }
}

/// The table as laid out at the current size: what [`table::place`] says
/// for the rows shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Laid {
    pub geometry: Geometry,
    /// Indexes in `Comparison::rows`, in order.
    pub rows: Vec<usize>,
    pub placed: Vec<Placed>,
}

/// See [`State::compare_table`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidKey {
    countries: Vec<usize>,
    geometry: Geometry,
    only_differs: bool,
}

impl Laid {
    fn row_box(&self, row: usize) -> Option<(usize, &Placed)> {
        self.placed
            .iter()
            .enumerate()
            .find(|(_, p)| p.block == Block::Row(row))
    }
}

impl<'a> State<'a> {
    /// The countries compared: the first five marked, in the order marked.
    pub fn compared(&self) -> &[usize] {
        let marked = &self.session.marked;
        &marked[..marked.len().min(MAX_COUNTRIES)]
    }

    pub(super) fn compare_pane(&self) -> Pane {
        if self.session.compare.picking || self.compared().len() < MIN_COUNTRIES {
            Pane::ComparePick
        } else {
            Pane::Compare
        }
    }

    pub fn compare_areas(&self) -> CompareAreas {
        areas(self.screen().body)
    }

    /// What the table's layout depends on: the countries, their columns'
    /// geometry, the rows shown.
    fn laid_key(&self) -> Option<LaidKey> {
        let cmp = self.comparison.as_ref()?;
        let view = &self.session.compare;
        let width = self.compare_areas().table.width;
        Some(LaidKey {
            countries: cmp.countries.clone(),
            geometry: table::geometry(width, cmp.countries.len(), view.column),
            only_differs: view.only_differs,
        })
    }

    /// The table laid out for the comparison built, at the current size:
    /// the one kept by the last sync when it still holds (wrapping every
    /// cell is the costly part of a key), else laid out now.
    pub fn compare_table(&self) -> Option<Laid> {
        let key = self.laid_key()?;
        if let Some((kept, laid)) = &self.compare_laid {
            if *kept == key {
                return Some(laid.clone());
            }
        }
        let cmp = self.comparison.as_ref()?;
        let rows = table::shown_rows(cmp, key.only_differs);
        let placed = table::place(self.data, cmp, &rows, &key.geometry);
        Some(Laid {
            geometry: key.geometry,
            rows,
            placed,
        })
    }

    /// Builds the comparison of the marked countries when they changed, and
    /// brings the selection and the scroll back in range.
    pub(super) fn sync_compare(&mut self) {
        let countries = self.data.countries.len();
        let view = &mut self.session.compare;
        view.pick = view.pick.min(countries.saturating_sub(1));
        if self.compared().len() < MIN_COUNTRIES {
            // Choosing here lasts until Enter: the second mark does not
            // pull the list away from under the reader.
            self.session.compare.picking = true;
            self.comparison = None;
            return;
        }
        let compared = self.compared().to_vec();
        if self.comparison.as_ref().map(|c| &c.countries) != Some(&compared) {
            // Stay on the same row of the new comparison where it has one.
            let before = self
                .comparison
                .as_ref()
                .and_then(|c| c.rows.get(self.session.compare.row))
                .map(|r| (r.group, r.label.clone()));
            let cmp = Comparison::new(self.data, &compared);
            let view = &mut self.session.compare;
            view.row = before
                .and_then(|(g, l)| cmp.rows.iter().position(|r| r.group == g && r.label == l))
                .unwrap_or(view.row);
            view.entry = 0;
            self.comparison = Some(cmp);
        }
        let Some(cmp) = &self.comparison else {
            return;
        };
        let view = &mut self.session.compare;
        view.column = view.column.min(cmp.countries.len() - 1);
        view.row = view.row.min(cmp.rows.len().saturating_sub(1));
        if view.only_differs && !cmp.rows.get(view.row).is_some_and(|r| r.differs) {
            // The nearest differing row below, else above.
            let below = (view.row..cmp.rows.len()).find(|&r| cmp.rows[r].differs);
            let above = (0..view.row).rev().find(|&r| cmp.rows[r].differs);
            if let Some(r) = below.or(above) {
                view.row = r;
            }
        }
        let openable = self.openable_entries().len();
        let view = &mut self.session.compare;
        view.entry = view.entry.min(openable.saturating_sub(1));
        self.compare_laid = self.laid_key().zip(self.compare_table());
        self.scroll_to_selection();
    }

    /// Scrolls the least that shows the selected row (from its group's
    /// heading when that is the line above), and the selected entry within
    /// a row taller than the table.
    fn scroll_to_selection(&mut self) {
        let Some(laid) = self.compare_table() else {
            return;
        };
        let height = usize::from(self.compare_areas().table.height).max(1);
        let view = &self.session.compare;
        let mut scroll = view.scroll;
        if let Some((at, placed)) = laid.row_box(view.row) {
            let heading_above = at
                .checked_sub(1)
                .and_then(|k| laid.placed.get(k))
                .is_some_and(|p| matches!(p.block, Block::Heading(_)));
            let top = placed.top - usize::from(heading_above);
            let bottom = placed.top + placed.height;
            if bottom > scroll + height {
                scroll = (bottom - height).min(placed.top);
            }
            if top < scroll {
                scroll = top;
            }
            if let Some((first, last)) = self.entry_lines(&laid) {
                let (first, last) = (placed.top + first, placed.top + last);
                if last >= scroll + height {
                    scroll = last + 1 - height;
                }
                if first < scroll {
                    scroll = first;
                }
            }
        }
        let total = table::total_lines(&laid.placed);
        let view = &mut self.session.compare;
        view.scroll = scroll.min(total.saturating_sub(height));
    }

    /// The lines of the selected cell that hold the selected entry, counted
    /// from the row's top.
    fn entry_lines(&self, laid: &Laid) -> Option<(usize, usize)> {
        let entry = *self.openable_entries().get(self.session.compare.entry)?;
        let lines = self.selected_cell_lines(laid)?;
        let first = lines.iter().position(|l| l.entry == Some(entry))?;
        let last = lines.iter().rposition(|l| l.entry == Some(entry))?;
        Some((first, last))
    }

    fn selected_cell_lines(&self, laid: &Laid) -> Option<Vec<table::CellLine>> {
        let cmp = self.comparison.as_ref()?;
        let view = &self.session.compare;
        let row = cmp.rows.get(view.row)?;
        let cell = row.cells.get(view.column)?;
        let bars = table::bars(row);
        let bar = bars
            .as_ref()
            .and_then(|b| b.get(view.column))
            .and_then(Option::as_ref);
        let width = laid.geometry.text_width();
        Some(table::cell_lines(self.data, row, cell, bar, width))
    }

    /// The entries of the selected cell that Enter opens (items and
    /// figures), by their index in the cell.
    pub fn openable_entries(&self) -> Vec<usize> {
        let view = &self.session.compare;
        self.comparison
            .as_ref()
            .and_then(|c| c.rows.get(view.row))
            .and_then(|r| r.cells.get(view.column))
            .map_or_else(Vec::new, |cell| {
                (0..cell.entries.len())
                    .filter(|&k| self.entry_target(cell.country, &cell.entries[k]).is_some())
                    .collect()
            })
    }

    /// Where an entry lives in its country's profile.
    fn entry_target(&self, country: usize, entry: &crate::query::compare::Entry) -> Option<Target> {
        if let Some(item) = entry.item {
            return Some(item.target());
        }
        let figure = entry.figure?;
        let figures = &self.data.countries.get(country)?.key_figures;
        let index = figures.iter().position(|f| std::ptr::eq(f, figure))?;
        Some(Target::CountryFigure {
            country,
            figure: index,
        })
    }

    pub(super) fn check_compare(&self) -> Result<(), String> {
        let view = &self.session.compare;
        if view.pick >= self.data.countries.len().max(1) {
            return Err(format!("compare chooser at {}", view.pick));
        }
        let Some(cmp) = &self.comparison else {
            return Ok(());
        };
        if view.row >= cmp.rows.len().max(1) || view.column >= cmp.countries.len() {
            return Err(format!("compare cell ({}, {})", view.row, view.column));
        }
        Ok(())
    }
}
