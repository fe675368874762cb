//! The matrix view: themes × countries (then the regional synthesis), each
//! cell counting the items of that column on that theme, and the selected
//! cell's items in full below the grid. Its state, its geometry (pure, so
//! that drawing and clicks agree), and what it does with an action.

use ratatui::layout::{Position, Rect};

use super::reading::DocId;
use super::{Outcome, State};
use crate::action::{Action, Motion, Pane};
use crate::doc::{clip, items_doc, Reader};
use crate::layout::{self, list_offset, Columns, ReadingArea};
use crate::query::matrix::{Column, KindFilter, Matrix};

/// Which part of the matrix view has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixFocus {
    Grid,
    Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixView {
    /// The selected theme (a row of the matrix).
    pub row: usize,
    /// The selected column: a country, or the synthesis after them.
    pub column: usize,
    pub filter: KindFilter,
    pub focus: MatrixFocus,
    /// The place in the selected cell's items.
    pub evidence: Reader,
}

impl Default for MatrixView {
    fn default() -> Self {
        MatrixView {
            row: 0,
            column: 0,
            filter: KindFilter::All,
            focus: MatrixFocus::Grid,
            evidence: Reader::default(),
        }
    }
}

impl MatrixView {
    pub fn pane(&self) -> Pane {
        match self.focus {
            MatrixFocus::Grid => Pane::Matrix,
            MatrixFocus::Evidence => Pane::Evidence,
        }
    }
}

/// A line of the grid below its two header lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridLine {
    Theme(usize),
    /// The rule between the report's themes and the editorial ones.
    Rule,
    /// How many themes each column covers.
    Totals,
}

/// The grid's lines below the header: the report's themes, a rule, the
/// editorial themes, the totals.
pub fn grid_lines(matrix: &Matrix) -> Vec<GridLine> {
    let mut lines = Vec::with_capacity(matrix.rows.len() + 2);
    let mut seen_editorial = false;
    for (i, row) in matrix.rows.iter().enumerate() {
        if !row.theme.report && !seen_editorial {
            seen_editorial = true;
            lines.push(GridLine::Rule);
        }
        lines.push(GridLine::Theme(i));
    }
    lines.push(GridLine::Totals);
    lines
}

/// The matrix view's regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixAreas {
    /// What is shown and how to change it.
    pub title: Rect,
    /// The column headings (two lines) and the grid's lines.
    pub grid: Rect,
    pub legend: Rect,
    /// The selected cell's items, read like a profile.
    pub evidence: ReadingArea,
}

/// Rows of the grid above its lines: the column names and the kind letters.
pub const GRID_HEADER: u16 = 2;

/// Splits the body: the grid as tall as its lines (scrolling when the
/// terminal is short), the items below it taking at least two fifths.
pub fn areas(body: Rect, grid_lines: usize) -> MatrixAreas {
    let height = body.height;
    let evidence_min = (height * 2 / 5).max(4);
    let wanted = GRID_HEADER.saturating_add(u16::try_from(grid_lines).unwrap_or(u16::MAX));
    let room = height.saturating_sub(2 + evidence_min);
    let grid_height = wanted.min(room.max(GRID_HEADER + 1));
    let title = Rect { height: 1, ..body };
    let grid = Rect {
        y: body.y + 1,
        height: grid_height.min(height.saturating_sub(1)),
        ..body
    };
    let legend = Rect {
        y: grid.bottom(),
        height: u16::from(grid.bottom() < body.bottom()),
        ..body
    };
    let rest = Rect {
        y: legend.bottom(),
        height: body.bottom().saturating_sub(legend.bottom()),
        ..body
    };
    MatrixAreas {
        title,
        grid,
        legend,
        evidence: layout::reading_area(rest, 1),
    }
}

/// Where the columns of the grid go.
pub type GridGeometry = Columns;

/// Width of the "reach" column on the right of the grid (countries per theme).
pub const REACH_WIDTH: u16 = 7;

/// Lays the columns out on `width` columns: each cell wide enough for its
/// counts (two columns a kind), wider when there is room, scrolled so that
/// the selected column shows when not all fit.
pub fn geometry(width: u16, columns: usize, kinds: usize, selected: usize) -> GridGeometry {
    let label = (width * 3 / 10).clamp(12, 30);
    let min_cell = (kinds.max(1) as u16) * 2 + 2;
    let room = width.saturating_sub(label + REACH_WIDTH);
    let fit = usize::from(room / min_cell).max(1);
    let visible = fit.min(columns);
    let cell = if visible == columns && columns > 0 {
        (room / columns as u16).clamp(min_cell, 22)
    } else {
        min_cell
    };
    Columns::new(label, cell, visible, columns, selected)
}

impl<'a> State<'a> {
    /// The matrix view's regions at the current size.
    pub fn matrix_areas(&self) -> MatrixAreas {
        let lines = self.matrix.as_ref().map_or(0, |m| grid_lines(m).len());
        areas(self.screen().body, lines)
    }

    /// The grid's column geometry at the current size.
    pub fn matrix_geometry(&self) -> Option<GridGeometry> {
        let matrix = self.matrix.as_ref()?;
        let kinds = self
            .session
            .matrix
            .filter
            .kinds(crate::query::Owner::Country(0));
        let width = self.matrix_areas().grid.width;
        Some(geometry(
            width,
            matrix.columns.len(),
            kinds.len(),
            self.session.matrix.column,
        ))
    }

    /// The first grid line shown, so that the selected theme is in view.
    pub fn matrix_offset(&self) -> usize {
        let Some(matrix) = &self.matrix else {
            return 0;
        };
        let lines = grid_lines(matrix);
        let at = lines
            .iter()
            .position(|l| *l == GridLine::Theme(self.session.matrix.row))
            .unwrap_or(0);
        let height = usize::from(self.matrix_areas().grid.height.saturating_sub(GRID_HEADER));
        list_offset(at, height.max(1))
    }

    /// Builds the matrix for the filter and the selected cell's document.
    pub(super) fn sync_matrix(&mut self) {
        let filter = self.session.matrix.filter;
        if self.matrix.as_ref().map(|m| m.filter) != Some(filter) {
            self.matrix = Some(Matrix::new(self.data, filter));
        }
        let Some(matrix) = &self.matrix else {
            return;
        };
        let view = &mut self.session.matrix;
        view.row = view.row.min(matrix.rows.len().saturating_sub(1));
        view.column = view.column.min(matrix.columns.len().saturating_sub(1));
        let key = (view.row, view.column, filter);
        if self.evidence_for != Some(key) {
            let (Some(row), Some(column)) =
                (matrix.rows.get(view.row), matrix.columns.get(view.column))
            else {
                return;
            };
            let kinds = filter.kinds(column.owner());
            let items = row
                .cells
                .get(view.column)
                .map_or(&[][..], |c| c.items.as_slice());
            let doc = items_doc::evidence(self.data, items, &kinds);
            self.docs.set(DocId::Evidence, doc);
            self.evidence_for = Some(key);
        }
        self.lay_out(DocId::Evidence);
    }

    pub(super) fn check_matrix(&self) -> Result<(), String> {
        let Some(matrix) = &self.matrix else {
            return Ok(());
        };
        let view = &self.session.matrix;
        if !matrix.rows.is_empty() && view.row >= matrix.rows.len() {
            return Err(format!("matrix row {} of {}", view.row, matrix.rows.len()));
        }
        if !matrix.columns.is_empty() && view.column >= matrix.columns.len() {
            return Err(format!(
                "matrix column {} of {}",
                view.column,
                matrix.columns.len()
            ));
        }
        Ok(())
    }

    /// The column selected, if the matrix is built.
    fn matrix_column(&self) -> Option<Column<'a>> {
        self.matrix
            .as_ref()?
            .columns
            .get(self.session.matrix.column)
            .copied()
    }

    pub(super) fn matrix_action(&mut self, action: Action, out: &mut Outcome) {
        self.sync_matrix();
        let focus = self.session.matrix.focus;
        match action {
            Action::CycleKind => {
                let view = &mut self.session.matrix;
                view.filter = view.filter.next();
                view.evidence = Reader::default();
                self.session.status = Some(format!("Showing {}", view.filter.label()));
            }
            Action::ToggleMark => match self.matrix_column() {
                Some(Column::Country(c, _)) => self.toggle_mark_of(c),
                _ => {
                    self.session.status =
                        Some("Only a country can be marked for comparison".into());
                }
            },
            Action::Leave if focus == MatrixFocus::Evidence => {
                self.session.matrix.focus = MatrixFocus::Grid;
            }
            Action::Leave => self.leave_view(),
            Action::Open if focus == MatrixFocus::Grid => {
                let empty = self.selected_cell_len() == 0;
                if empty {
                    self.session.status = Some("Nothing on this theme here".into());
                } else {
                    self.session.matrix.focus = MatrixFocus::Evidence;
                }
            }
            Action::Copy if focus == MatrixFocus::Grid => self.copy_cell(out),
            Action::Move(Motion::PageUp | Motion::PageDown) => {
                self.reading_action(DocId::Evidence, action, out);
            }
            Action::Move(motion) if focus == MatrixFocus::Grid => self.move_cell(motion),
            // Enter on an item opens it where it lives; back returns here.
            Action::Open => {
                self.open_selected(DocId::Evidence);
            }
            _ if focus == MatrixFocus::Evidence => {
                self.reading_action(DocId::Evidence, action, out);
            }
            _ => {}
        }
    }

    fn selected_cell_len(&self) -> usize {
        let view = &self.session.matrix;
        self.matrix
            .as_ref()
            .and_then(|m| m.rows.get(view.row))
            .and_then(|r| r.cells.get(view.column))
            .map_or(0, |c| c.items.len())
    }

    fn move_cell(&mut self, motion: Motion) {
        let Some(matrix) = &self.matrix else {
            return;
        };
        let (rows, columns) = (matrix.rows.len(), matrix.columns.len());
        let view = &mut self.session.matrix;
        let (row, column) = (view.row, view.column);
        match motion {
            Motion::Up => view.row = row.saturating_sub(1),
            Motion::Down => view.row = (row + 1).min(rows.saturating_sub(1)),
            Motion::Left => view.column = column.saturating_sub(1),
            Motion::Right => view.column = (column + 1).min(columns.saturating_sub(1)),
            Motion::Top => view.row = 0,
            Motion::Bottom => view.row = rows.saturating_sub(1),
            Motion::PageUp | Motion::PageDown => {}
        }
        if (view.row, view.column) != (row, column) {
            view.evidence = Reader::default();
        }
    }

    /// `y` on the grid: every item of the cell, each with its source.
    fn copy_cell(&mut self, out: &mut Outcome) {
        let Some(doc) = self.docs.get(DocId::Evidence) else {
            return;
        };
        let texts: Vec<String> = doc
            .blocks
            .iter()
            .filter(|b| b.item.is_some())
            .map(|b| clip::block_text(self.data, b))
            .collect();
        let (Some(matrix), view) = (&self.matrix, &self.session.matrix) else {
            return;
        };
        if texts.is_empty() {
            self.session.status = Some("Nothing on this theme here".into());
            return;
        }
        let theme = matrix.rows[view.row].theme.label.clone();
        let column = matrix.columns[view.column].name();
        let what = format!("{} items on {theme} in {column}", texts.len());
        self.copied(out, texts.join("\n\n"), &what);
    }

    pub(super) fn matrix_wheel(&mut self, at: Position, down: bool) {
        let areas = self.matrix_areas();
        if areas.grid.contains(at) {
            self.move_cell(if down { Motion::Down } else { Motion::Up });
        } else if areas.evidence.area.contains(at) {
            self.reading_wheel(DocId::Evidence, down);
        }
    }

    pub(super) fn matrix_click(&mut self, at: Position) {
        let areas = self.matrix_areas();
        if areas.evidence.area.contains(at) {
            self.session.matrix.focus = MatrixFocus::Evidence;
            self.reading_click(DocId::Evidence, &areas.evidence, at);
            return;
        }
        if !areas.grid.contains(at) {
            return;
        }
        let (Some(matrix), Some(geometry)) = (&self.matrix, self.matrix_geometry()) else {
            return;
        };
        let lines = grid_lines(matrix);
        let line = at.y - areas.grid.y;
        let column = geometry.column_at(at.x - areas.grid.x);
        let row = line
            .checked_sub(GRID_HEADER)
            .and_then(|l| lines.get(self.matrix_offset() + usize::from(l)));
        let view = &mut self.session.matrix;
        view.focus = MatrixFocus::Grid;
        let before = (view.row, view.column);
        if let Some(column) = column {
            view.column = column;
        }
        if let Some(GridLine::Theme(row)) = row {
            view.row = *row;
        }
        if (view.row, view.column) != before {
            view.evidence = Reader::default();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_scrolls_sideways_to_keep_the_selected_column() {
        let wide = geometry(120, 6, 3, 0);
        assert_eq!((wide.first, wide.visible), (0, 6));
        assert!(wide.label + wide.cell * 6 + REACH_WIDTH <= 120);
        let narrow = geometry(40, 6, 3, 5);
        assert!(narrow.visible < 6);
        assert_eq!(narrow.first + narrow.visible, 6, "the last column shows");
        let x = narrow.x(5).expect("the selected column is drawn");
        assert_eq!(narrow.column_at(x), Some(5));
        assert_eq!(narrow.x(0), None, "scrolled out of view");
    }

    #[test]
    fn the_items_below_the_grid_get_at_least_two_fifths() {
        let body = Rect::new(0, 1, 80, 22);
        let a = areas(body, 14);
        assert_eq!(a.title.y, 1);
        assert_eq!(a.grid.y, 2);
        assert!(a.evidence.area.height >= 22 * 2 / 5);
        assert_eq!(a.evidence.area.bottom(), body.bottom());
        let tall = areas(Rect::new(0, 1, 120, 38), 14);
        assert_eq!(tall.grid.height, GRID_HEADER + 14, "the whole grid shows");
    }
}
