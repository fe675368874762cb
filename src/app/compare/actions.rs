//! What the comparison view does with an action: moving over the table,
//! the chooser, reordering and clearing the marks, opening, copying, the
//! pointer.

use ratatui::layout::Position;

use super::table::{Block, Placed};
use super::{Compare, Laid};
use crate::action::{Action, Motion, Pane};
use crate::app::{Outcome, State};
use crate::layout::list_offset;
use crate::query::compare::{Group, MAX_COUNTRIES, MIN_COUNTRIES};

impl State<'_> {
    pub(crate) fn compare_action(&mut self, action: Action, out: &mut Outcome) {
        self.sync_compare();
        if self.compare_pane() == Pane::ComparePick {
            self.pick_action(action);
            return;
        }
        match action {
            Action::Move(motion) => self.move_in_table(motion),
            Action::NextSection => self.jump_group(1),
            Action::PrevSection => self.jump_group(-1),
            Action::Section(n) => self.group_number(usize::from(n)),
            Action::ToggleMark => {
                if let Some(&c) = self.compared().get(self.session.compare.column) {
                    self.toggle_mark_of(c);
                }
            }
            Action::MoveMarkLeft => self.move_column(-1),
            Action::MoveMarkRight => self.move_column(1),
            Action::ClearMarks => self.clear_marks(),
            Action::ChooseCountries => {
                let view = &mut self.session.compare;
                view.picking = true;
                view.pick = self.session.marked.get(view.column).copied().unwrap_or(0);
            }
            Action::ToggleDiffers => {
                let view = &mut self.session.compare;
                view.only_differs = !view.only_differs;
                let shown = if view.only_differs {
                    "Showing only the rows whose values differ (d shows all)"
                } else {
                    "Showing every row"
                };
                self.session.status = Some(shown.into());
            }
            Action::Open => self.open_entry(),
            Action::Copy => self.copy_row(out),
            Action::Leave => self.leave_view(),
            _ => {}
        }
    }

    /// The chooser: Space marks, Enter compares.
    fn pick_action(&mut self, action: Action) {
        let countries = self.data.countries.len();
        let can_compare = self.compared().len() >= MIN_COUNTRIES;
        let page = usize::from(self.compare_areas().table.height).max(1);
        let view = &mut self.session.compare;
        let last = countries.saturating_sub(1);
        match action {
            Action::Move(Motion::Up) => view.pick = view.pick.saturating_sub(1),
            Action::Move(Motion::Down) => view.pick = (view.pick + 1).min(last),
            Action::Move(Motion::PageUp) => view.pick = view.pick.saturating_sub(page),
            Action::Move(Motion::PageDown) => view.pick = (view.pick + page).min(last),
            Action::Move(Motion::Top) => view.pick = 0,
            Action::Move(Motion::Bottom) => view.pick = last,
            Action::ToggleMark => {
                let c = view.pick;
                if !self.is_marked(c) && self.session.marked.len() >= MAX_COUNTRIES {
                    self.session.status = Some(format!(
                        "{MAX_COUNTRIES} countries at most side by side: unmark one first"
                    ));
                } else {
                    self.toggle_mark_of(c);
                }
            }
            Action::Open => {
                if can_compare {
                    self.session.compare.picking = false;
                } else {
                    self.session.status =
                        Some("Mark at least two countries with Space, then Enter".into());
                }
            }
            Action::ClearMarks => self.clear_marks(),
            Action::Leave if view.picking && can_compare => {
                view.picking = false;
            }
            Action::Leave => self.leave_view(),
            _ => {}
        }
    }

    fn clear_marks(&mut self) {
        let n = self.session.marked.len();
        self.session.marked.clear();
        self.session.compare.column = 0;
        self.session.status = Some(format!("Cleared {n} marks: Space marks countries again"));
    }

    /// Moves the selected country one column left or right, in the marks too.
    fn move_column(&mut self, by: isize) {
        let n = self.compared().len();
        let from = self.session.compare.column;
        let Some(to) = from.checked_add_signed(by).filter(|&t| t < n) else {
            self.session.status = Some("Already at that end".into());
            return;
        };
        self.session.marked.swap(from, to);
        self.session.compare.column = to;
    }

    fn move_in_table(&mut self, motion: Motion) {
        let Some(laid) = self.compare_table() else {
            return;
        };
        let openable = self.openable_entries().len();
        let page = usize::from(self.compare_areas().table.height);
        let view = &mut self.session.compare;
        let at = laid.rows.iter().position(|&r| r == view.row).unwrap_or(0);
        let last = laid.rows.len().saturating_sub(1);
        let to_row = |view: &mut Compare, at: usize| {
            view.row = laid.rows.get(at).copied().unwrap_or(view.row);
            view.entry = 0;
        };
        match motion {
            Motion::Down if view.entry + 1 < openable => view.entry += 1,
            Motion::Down if at < last => to_row(view, at + 1),
            Motion::Up if view.entry > 0 => view.entry -= 1,
            Motion::Up if at > 0 => {
                to_row(view, at - 1);
                // From below, the cursor lands on the row's last entry.
                view.entry = usize::MAX;
            }
            Motion::Left => {
                view.column = view.column.saturating_sub(1);
                view.entry = 0;
            }
            Motion::Right => {
                view.column = (view.column + 1).min(laid.geometry.total.saturating_sub(1));
                view.entry = 0;
            }
            Motion::Top => to_row(view, 0),
            Motion::Bottom => to_row(view, last),
            Motion::PageDown => {
                // The first row a page of lines below the selected one.
                let top = laid.row_box(view.row).map_or(0, |(_, p)| p.top);
                let k = (at + 1..laid.rows.len())
                    .find(|&k| {
                        laid.row_box(laid.rows[k])
                            .is_some_and(|(_, p)| p.top >= top + page)
                    })
                    .unwrap_or(last);
                to_row(view, k);
            }
            Motion::PageUp => {
                let top = laid.row_box(view.row).map_or(0, |(_, p)| p.top);
                let k = (0..at)
                    .rev()
                    .find(|&k| {
                        laid.row_box(laid.rows[k])
                            .is_some_and(|(_, p)| p.top + page <= top)
                    })
                    .unwrap_or(0);
                to_row(view, k);
            }
            Motion::Down | Motion::Up => {}
        }
        let openable = self.openable_entries().len();
        let view = &mut self.session.compare;
        view.entry = view.entry.min(openable.saturating_sub(1));
    }

    /// `]` and `[`: the first row of the next or previous group shown.
    fn jump_group(&mut self, by: isize) {
        let Some(laid) = self.compare_table() else {
            return;
        };
        let groups = self.shown_groups(&laid);
        let Some(cmp) = &self.comparison else {
            return;
        };
        let current = cmp.rows.get(self.session.compare.row).map(|r| r.group);
        let at = groups.iter().position(|&g| Some(g) == current).unwrap_or(0);
        if let Some(&group) = at.checked_add_signed(by).and_then(|k| groups.get(k)) {
            self.select_group(&laid, group);
        }
    }

    /// Alt-digit: the group by its number among those shown.
    fn group_number(&mut self, n: usize) {
        let Some(laid) = self.compare_table() else {
            return;
        };
        if let Some(&group) = self.shown_groups(&laid).get(n) {
            self.select_group(&laid, group);
        }
    }

    fn shown_groups(&self, laid: &Laid) -> Vec<Group> {
        laid.placed
            .iter()
            .filter_map(|p| match p.block {
                Block::Heading(g) => Some(g),
                Block::Row(_) => None,
            })
            .collect()
    }

    fn select_group(&mut self, laid: &Laid, group: Group) {
        let Some(cmp) = &self.comparison else {
            return;
        };
        if let Some(&r) = laid.rows.iter().find(|&&r| cmp.rows[r].group == group) {
            let view = &mut self.session.compare;
            view.row = r;
            view.entry = 0;
            // The group's heading at the top: a jump shows what follows it.
            let heading = laid
                .placed
                .iter()
                .find(|p| p.block == Block::Heading(group));
            if let Some(heading) = heading {
                view.scroll = heading.top;
            }
        }
    }

    /// Enter: the selected item or figure in its country's profile; back
    /// returns here, to the same row.
    fn open_entry(&mut self) {
        let view = &self.session.compare;
        let target = self.openable_entries().get(view.entry).and_then(|&k| {
            let cell = self
                .comparison
                .as_ref()?
                .rows
                .get(view.row)?
                .cells
                .get(view.column)?;
            self.entry_target(cell.country, cell.entries.get(k)?)
        });
        match target {
            Some(target) => self.jump_to(target),
            None => {
                self.session.status =
                    Some("Enter opens an item or a figure; this cell has none".into());
            }
        }
    }

    /// `y`: the row's label and each country's value with its source.
    fn copy_row(&mut self, out: &mut Outcome) {
        let Some(row) = self
            .comparison
            .as_ref()
            .and_then(|c| c.rows.get(self.session.compare.row))
        else {
            return;
        };
        let text = row_text(self.data, row);
        let what = format!("the row {}", row.label);
        self.copied(out, text, &what);
    }

    pub(crate) fn compare_wheel(&mut self, at: Position, down: bool) {
        if !self.compare_areas().table.contains(at) {
            return;
        }
        let motion = if down { Motion::Down } else { Motion::Up };
        if self.compare_pane() == Pane::ComparePick {
            self.pick_action(Action::Move(motion));
        } else {
            self.move_in_table(motion);
        }
    }

    pub(crate) fn compare_click(&mut self, at: Position) {
        let areas = self.compare_areas();
        if self.compare_pane() == Pane::ComparePick {
            if areas.table.contains(at) {
                let height = usize::from(areas.table.height).max(1);
                let offset = list_offset(self.session.compare.pick, height);
                let line = offset + usize::from(at.y - areas.table.y);
                if line < self.data.countries.len() {
                    self.session.compare.pick = line;
                }
            }
            return;
        }
        let Some(laid) = self.compare_table() else {
            return;
        };
        let in_columns = areas.header.contains(at) || areas.table.contains(at);
        if let Some(column) = in_columns
            .then(|| laid.geometry.column_at(at.x - areas.table.x))
            .flatten()
        {
            self.session.compare.column = column;
            self.session.compare.entry = 0;
        }
        if !areas.table.contains(at) {
            return;
        }
        let line = self.session.compare.scroll + usize::from(at.y - areas.table.y);
        let hit = laid
            .placed
            .iter()
            .find(|p| (p.top..p.top + p.height).contains(&line));
        if let Some(Placed {
            block: Block::Row(r),
            top,
            ..
        }) = hit
        {
            self.session.compare.row = *r;
            self.session.compare.entry = 0;
            // On an entry of the cell: select it.
            let within = line - top;
            let lines = self.selected_cell_lines(&laid).unwrap_or_default();
            if let Some(entry) = lines.get(within).and_then(|l| l.entry) {
                if let Some(k) = self.openable_entries().iter().position(|&e| e == entry) {
                    self.session.compare.entry = k;
                }
            }
        }
    }
}

/// A row as copied: its label, then each country's value with its source.
pub fn row_text(data: &crate::model::Dataset, row: &crate::query::compare::Row) -> String {
    use crate::export::cite;
    let mut out = format!("{} ({})", row.label, row.group.label());
    for cell in &row.cells {
        let name = &data.countries[cell.country].name;
        if cell.is_empty() {
            out.push_str(&format!(
                "\n{name}: {}",
                crate::query::compare_output::NOT_IN_REPORT
            ));
            continue;
        }
        for entry in &cell.entries {
            let id = entry
                .item
                .map(|i| format!("{}: ", i.item.id))
                .unwrap_or_default();
            out.push_str(&format!("\n{name}: {id}{}", entry.text));
            if let Some(source) = entry.source {
                out.push_str(&format!(" — Source: {}", cite(source)));
            }
        }
    }
    out.push_str(&format!("\n   — From: {}.", data.report.title));
    out
}
