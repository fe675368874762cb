//! The recommendation matrix: themes × countries (then the regional
//! synthesis), each cell the items of that column on that theme; and "what
//! works elsewhere", the best practices other countries have on the themes
//! of a recommendation.

use crate::model::{Country, Dataset, ItemKind, Theme};

use super::{all_items, synthesis_lists, ItemRef, Kind, Owner};

/// Which kinds of item the matrix shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum KindFilter {
    #[default]
    All,
    Recommendations,
    BestPractices,
    /// A country's lessons learned, and the synthesis's challenges: the
    /// synthesis has no lessons learned, and its challenges are what it
    /// draws from the chapters' lessons (what did not work).
    Lessons,
}

impl KindFilter {
    pub const ALL: [KindFilter; 4] = [
        KindFilter::All,
        KindFilter::Recommendations,
        KindFilter::BestPractices,
        KindFilter::Lessons,
    ];

    /// The next filter, for a key that cycles through them.
    pub fn next(self) -> KindFilter {
        let i = Self::ALL.iter().position(|&f| f == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    pub fn label(self) -> &'static str {
        match self {
            KindFilter::All => "all",
            KindFilter::Recommendations => "recommendations",
            KindFilter::BestPractices => "best practices",
            KindFilter::Lessons => "lessons learned",
        }
    }

    pub fn admits(self, kind: Kind) -> bool {
        match self {
            KindFilter::All => true,
            KindFilter::Recommendations => kind == Kind::Recommendations,
            KindFilter::BestPractices => kind == Kind::BestPractices,
            KindFilter::Lessons => matches!(kind, Kind::LessonsLearned | Kind::Challenges),
        }
    }

    /// The kinds a column of this owner can show under this filter, in
    /// display order.
    pub fn kinds(self, owner: Owner) -> Vec<Kind> {
        let kinds: &[Kind] = match owner {
            Owner::Country(_) => &[
                Kind::Recommendations,
                Kind::BestPractices,
                Kind::LessonsLearned,
            ],
            Owner::Synthesis => &[Kind::Recommendations, Kind::BestPractices, Kind::Challenges],
        };
        kinds.iter().copied().filter(|&k| self.admits(k)).collect()
    }
}

/// A column of the matrix.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Column<'a> {
    Country(usize, &'a Country),
    Synthesis,
}

impl<'a> Column<'a> {
    pub fn owner(&self) -> Owner {
        match self {
            Column::Country(i, _) => Owner::Country(*i),
            Column::Synthesis => Owner::Synthesis,
        }
    }

    /// The id used in JSON and CSV ("synthesis" for the synthesis).
    pub fn id(&self) -> &'a str {
        match self {
            Column::Country(_, c) => &c.id,
            Column::Synthesis => "synthesis",
        }
    }

    pub fn name(&self) -> &'a str {
        match self {
            Column::Country(_, c) => &c.name,
            Column::Synthesis => "Regional synthesis",
        }
    }

    /// A short heading for narrow grids.
    pub fn short(&self) -> &'a str {
        match self {
            Column::Country(_, c) => &c.iso3,
            Column::Synthesis => "SYN",
        }
    }
}

/// What one column has on one theme, under the matrix's filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell<'a> {
    /// By kind (recommendations, best practices, lessons learned or
    /// challenges), each in the report's order.
    pub items: Vec<ItemRef<'a>>,
}

impl<'a> Cell<'a> {
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &ItemRef<'a>> + '_ {
        self.items.iter().filter(move |r| r.kind == kind)
    }

    pub fn count(&self, kind: Kind) -> usize {
        self.of(kind).count()
    }

    pub fn ids(&self, kind: Kind) -> Vec<&'a str> {
        self.of(kind).map(|r| r.item.id.as_str()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// One theme and its cells, one per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    pub theme: &'a Theme,
    pub cells: Vec<Cell<'a>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Matrix<'a> {
    pub filter: KindFilter,
    /// The countries in dataset order, then the synthesis.
    pub columns: Vec<Column<'a>>,
    /// The report's six themes first, then the editorial ones, each group
    /// in the dataset's order.
    pub rows: Vec<Row<'a>>,
}

impl<'a> Matrix<'a> {
    pub fn new(dataset: &'a Dataset, filter: KindFilter) -> Matrix<'a> {
        let mut columns: Vec<Column> = dataset
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| Column::Country(i, c))
            .collect();
        columns.push(Column::Synthesis);
        let mut theme_order: Vec<usize> = (0..dataset.report.themes.len()).collect();
        // Stable: the report's own themes first, each group as listed.
        theme_order.sort_by_key(|&t| !dataset.report.themes[t].report);
        let rows = theme_order
            .into_iter()
            .map(|t| {
                let theme = &dataset.report.themes[t];
                let mut cells: Vec<Cell> = dataset
                    .countries
                    .iter()
                    .enumerate()
                    .map(|(ci, country)| country_cell(dataset, t, ci, country, filter))
                    .collect();
                cells.push(synthesis_cell(dataset, &theme.id, filter));
                Row { theme, cells }
            })
            .collect();
        Matrix {
            filter,
            columns,
            rows,
        }
    }

    /// How many countries (the synthesis not counted) have something on the
    /// theme of row `row`.
    pub fn countries_reached(&self, row: usize) -> usize {
        self.rows[row]
            .cells
            .iter()
            .zip(&self.columns)
            .filter(|(cell, col)| matches!(col, Column::Country(..)) && !cell.is_empty())
            .count()
    }

    /// How many themes column `column` has something on.
    pub fn themes_covered(&self, column: usize) -> usize {
        self.rows
            .iter()
            .filter(|row| !row.cells[column].is_empty())
            .count()
    }

    /// How many of the columns are countries.
    pub fn country_count(&self) -> usize {
        self.columns
            .iter()
            .filter(|c| matches!(c, Column::Country(..)))
            .count()
    }
}

/// A country's items on theme `t`, from the index built at load.
fn country_cell<'a>(
    dataset: &'a Dataset,
    t: usize,
    ci: usize,
    country: &'a Country,
    filter: KindFilter,
) -> Cell<'a> {
    let indexed = &dataset.cells[t][ci];
    let mut items = Vec::new();
    for kind in filter.kinds(Owner::Country(ci)) {
        let item_kind = match kind {
            Kind::Recommendations => ItemKind::Recommendations,
            Kind::BestPractices => ItemKind::BestPractices,
            Kind::LessonsLearned => ItemKind::LessonsLearned,
            Kind::Challenges => continue,
        };
        let list = country.items(item_kind);
        items.extend(indexed.of(item_kind).iter().map(|&index| ItemRef {
            owner: Owner::Country(ci),
            kind,
            index,
            item: &list[index],
        }));
    }
    Cell { items }
}

fn synthesis_cell<'a>(dataset: &'a Dataset, theme: &str, filter: KindFilter) -> Cell<'a> {
    let lists = synthesis_lists(dataset);
    let mut items = Vec::new();
    for kind in filter.kinds(Owner::Synthesis) {
        let Some((_, list)) = lists.iter().find(|(k, _)| *k == kind) else {
            continue;
        };
        items.extend(
            list.iter()
                .enumerate()
                .filter(|(_, item)| item.themes.iter().any(|t| t == theme))
                .map(|(index, item)| ItemRef {
                    owner: Owner::Synthesis,
                    kind,
                    index,
                    item,
                }),
        );
    }
    Cell { items }
}

/// A best practice found for a recommendation, with the themes they share.
#[derive(Debug, Clone, PartialEq)]
pub struct Elsewhere<'a> {
    pub practice: ItemRef<'a>,
    /// Theme ids both carry, in the asking item's order.
    pub shared_themes: Vec<&'a str>,
}

/// "What works elsewhere": the best practices of the other countries and of
/// the synthesis that share a theme with `asking` (a recommendation, or any
/// item), in dataset order, the synthesis last. Never the asking owner's own
/// items: a country's, or, when a synthesis item asks, the synthesis's.
pub fn works_elsewhere<'a>(dataset: &'a Dataset, asking: &ItemRef<'a>) -> Vec<Elsewhere<'a>> {
    all_items(dataset)
        .filter(|r| r.kind == Kind::BestPractices && r.owner != asking.owner)
        .filter_map(|practice| {
            let shared_themes: Vec<&str> = asking
                .item
                .themes
                .iter()
                .filter(|t| practice.item.themes.contains(t))
                .map(String::as_str)
                .collect();
            (!shared_themes.is_empty()).then_some(Elsewhere {
                practice,
                shared_themes,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::find_item;

    fn dataset() -> Dataset {
        Dataset::embedded().expect("the embedded dataset loads")
    }

    /// The items of `owner` of `kind` tagged with `theme`, read straight from
    /// the dataset's lists, not through the load-time index.
    fn tagged(dataset: &Dataset, owner: Owner, kind: Kind, theme: &str) -> Vec<String> {
        let s = &dataset.report.synthesis;
        let list = match (owner, kind) {
            (Owner::Country(c), Kind::Recommendations) => &dataset.countries[c].recommendations,
            (Owner::Country(c), Kind::BestPractices) => &dataset.countries[c].best_practices,
            (Owner::Country(c), Kind::LessonsLearned) => &dataset.countries[c].lessons_learned,
            (Owner::Country(_), Kind::Challenges) => return Vec::new(),
            (Owner::Synthesis, Kind::Recommendations) => &s.recommendations,
            (Owner::Synthesis, Kind::BestPractices) => &s.best_practices,
            (Owner::Synthesis, Kind::Challenges) => &s.challenges,
            (Owner::Synthesis, Kind::LessonsLearned) => return Vec::new(),
        };
        list.iter()
            .filter(|i| i.themes.iter().any(|t| t == theme))
            .map(|i| i.id.clone())
            .collect()
    }

    #[test]
    fn every_cell_holds_exactly_the_items_tagged_with_its_theme() {
        let dataset = dataset();
        for filter in KindFilter::ALL {
            let matrix = Matrix::new(&dataset, filter);
            assert_eq!(matrix.rows.len(), dataset.report.themes.len());
            for row in &matrix.rows {
                assert_eq!(row.cells.len(), dataset.countries.len() + 1);
                for (cell, column) in row.cells.iter().zip(&matrix.columns) {
                    for kind in Kind::ALL {
                        let expected = if filter.admits(kind) {
                            tagged(&dataset, column.owner(), kind, &row.theme.id)
                        } else {
                            Vec::new()
                        };
                        assert_eq!(
                            cell.ids(kind),
                            expected,
                            "{filter:?} {} × {} {kind:?}",
                            row.theme.id,
                            column.id()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_reports_six_themes_come_first_then_the_editorial_ones() {
        let dataset = dataset();
        let matrix = Matrix::new(&dataset, KindFilter::All);
        let flags: Vec<bool> = matrix.rows.iter().map(|r| r.theme.report).collect();
        assert_eq!(flags.iter().filter(|&&f| f).count(), 6);
        assert!(flags.windows(2).all(|w| w[0] >= w[1]), "{flags:?}");
        assert_eq!(matrix.rows[0].theme.id, "partnerships");
        let last = matrix.columns.last().expect("columns");
        assert_eq!(*last, Column::Synthesis);
        assert_eq!(matrix.country_count(), 5);
    }

    #[test]
    fn totals_count_non_empty_cells() {
        let dataset = dataset();
        for filter in KindFilter::ALL {
            let matrix = Matrix::new(&dataset, filter);
            for (r, row) in matrix.rows.iter().enumerate() {
                let reached = row.cells[..5].iter().filter(|c| !c.is_empty()).count();
                assert_eq!(matrix.countries_reached(r), reached);
            }
            for c in 0..matrix.columns.len() {
                let covered = matrix
                    .rows
                    .iter()
                    .filter(|row| !row.cells[c].items.is_empty())
                    .count();
                assert_eq!(matrix.themes_covered(c), covered);
            }
        }
        // Every recommendation of the synthesis carries a theme: the
        // recommendations column of the synthesis reaches all six.
        let recs = Matrix::new(&dataset, KindFilter::Recommendations);
        assert!(recs.themes_covered(5) >= 6);
    }

    #[test]
    fn the_filter_cycles_through_all_four() {
        let mut f = KindFilter::All;
        let mut seen = Vec::new();
        for _ in 0..4 {
            seen.push(f);
            f = f.next();
        }
        assert_eq!(f, KindFilter::All);
        assert_eq!(seen, KindFilter::ALL);
    }

    #[test]
    fn what_works_elsewhere_is_other_owners_best_practices_on_a_shared_theme() {
        let dataset = dataset();
        let mut answered = 0;
        for asking in crate::query::all_items(&dataset) {
            let found = works_elsewhere(&dataset, &asking);
            for e in &found {
                assert_eq!(e.practice.kind, Kind::BestPractices);
                assert_ne!(e.practice.owner, asking.owner, "{}", asking.item.id);
                assert!(!e.shared_themes.is_empty());
                for t in &e.shared_themes {
                    assert!(asking.item.themes.iter().any(|a| a == t));
                    assert!(e.practice.item.themes.iter().any(|p| p == t));
                }
            }
            // Nothing left out: every other owner's practice on a shared theme.
            let expected = crate::query::all_items(&dataset)
                .filter(|r| r.kind == Kind::BestPractices && r.owner != asking.owner)
                .filter(|r| r.item.themes.iter().any(|t| asking.item.themes.contains(t)))
                .count();
            assert_eq!(found.len(), expected, "{}", asking.item.id);
            answered += usize::from(!found.is_empty());
        }
        assert!(answered > 0, "some recommendation has practices elsewhere");
    }

    #[test]
    fn what_works_elsewhere_for_a_recommendation_cites_the_synthesis_last() {
        let dataset = dataset();
        let rec = dataset.countries[0].recommendations[0].id.clone();
        let asking = find_item(&dataset, &rec).expect("a recommendation");
        let found = works_elsewhere(&dataset, &asking);
        let owners: Vec<Owner> = found.iter().map(|e| e.practice.owner).collect();
        let first_synthesis = owners.iter().position(|o| *o == Owner::Synthesis);
        if let Some(i) = first_synthesis {
            assert!(owners[i..].iter().all(|o| *o == Owner::Synthesis));
        }
        assert!(!owners.contains(&Owner::Country(0)));
    }
}
