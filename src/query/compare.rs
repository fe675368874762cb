//! Two to five countries side by side, row by row: the profile (tier, roles,
//! assessment), the key figures aligned by what they measure, the themes of
//! their recommendations, then their items grouped by theme.

use crate::model::{Country, Dataset, ItemKind, KeyFigure, Source};

use super::matrix::{KindFilter, Matrix};
use super::{first_sentence, ItemRef, Kind, Owner};

/// The fewest and the most countries a comparison takes.
pub const MIN_COUNTRIES: usize = 2;
pub const MAX_COUNTRIES: usize = 5;

/// The row groups, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Profile,
    Figures,
    Themes,
    LessonsLearned,
    BestPractices,
    Recommendations,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Profile,
        Group::Figures,
        Group::Themes,
        Group::LessonsLearned,
        Group::BestPractices,
        Group::Recommendations,
    ];

    /// The key used in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Group::Profile => "profile",
            Group::Figures => "figures",
            Group::Themes => "themes",
            Group::LessonsLearned => "lessons_learned",
            Group::BestPractices => "best_practices",
            Group::Recommendations => "recommendations",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Group::Profile => "Profile",
            Group::Figures => "Key figures",
            Group::Themes => "Themes of the recommendations",
            Group::LessonsLearned => "Lessons learned, by theme",
            Group::BestPractices => "Best practices, by theme",
            Group::Recommendations => "Recommendations, by theme",
        }
    }

    fn item_kind(self) -> Option<ItemKind> {
        match self {
            Group::LessonsLearned => Some(ItemKind::LessonsLearned),
            Group::BestPractices => Some(ItemKind::BestPractices),
            Group::Recommendations => Some(ItemKind::Recommendations),
            _ => None,
        }
    }
}

/// One thing a cell shows: a value as the report prints it, where it comes
/// from, and the figure or item it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    /// As printed (for an item, its lead sentence).
    pub text: String,
    /// A plain number, only where the dataset's key figure has one.
    pub number: Option<f64>,
    pub year: Option<u16>,
    pub source: Option<&'a Source>,
    pub figure: Option<&'a KeyFigure>,
    pub item: Option<ItemRef<'a>>,
}

impl<'a> Entry<'a> {
    fn plain(text: String, source: Option<&'a Source>) -> Entry<'a> {
        Entry {
            text,
            number: None,
            year: None,
            source,
            figure: None,
            item: None,
        }
    }
}

/// One country's cell in a row; no entries means "not in the report".
#[derive(Debug, Clone, PartialEq)]
pub struct Cell<'a> {
    /// Index in `Dataset::countries`.
    pub country: usize,
    pub entries: Vec<Entry<'a>>,
}

impl Cell<'_> {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The cell's value as one printed string: its entries joined.
    pub fn value(&self) -> Option<String> {
        let texts: Vec<&str> = self.entries.iter().map(|e| e.text.as_str()).collect();
        (!texts.is_empty()).then(|| texts.join("; "))
    }

    /// A number only when the cell holds exactly one figure and it has one:
    /// two figures on one measure are not one quantity.
    pub fn number(&self) -> Option<f64> {
        match self.entries.as_slice() {
            [one] => one.number,
            _ => None,
        }
    }

    /// What decides whether two cells say the same: the number and the
    /// words that qualify it ("over forty percent" is not "forty percent")
    /// where there is a number, else the printed value.
    fn comparable(&self) -> (Option<String>, Option<u64>) {
        match self.number() {
            Some(n) => {
                let value = self.value().unwrap_or_default().to_lowercase();
                let qualifiers: Vec<&str> = QUALIFIERS
                    .iter()
                    .copied()
                    .filter(|q| value.split(|c: char| !c.is_alphanumeric()).any(|w| w == *q))
                    .collect();
                (Some(qualifiers.join(" ")), Some(n.to_bits()))
            }
            None => (self.value(), None),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    pub group: Group,
    /// Editorial.
    pub label: String,
    /// The measure id, on figure rows.
    pub measure: Option<&'a str>,
    /// The theme id, on theme-grouped item rows.
    pub theme: Option<&'a str>,
    /// One per compared country, in the order asked.
    pub cells: Vec<Cell<'a>>,
    /// True when the cells do not all say the same (an empty cell differs
    /// from any value).
    pub differs: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison<'a> {
    /// Indexes in `Dataset::countries`, in the order asked.
    pub countries: Vec<usize>,
    pub rows: Vec<Row<'a>>,
}

impl<'a> Comparison<'a> {
    /// The comparison of `countries` (indexes into `Dataset::countries`, in
    /// the order to show). The caller checks the count and duplicates.
    pub fn new(dataset: &'a Dataset, countries: &[usize]) -> Comparison<'a> {
        let picked: Vec<(usize, &'a Country)> = countries
            .iter()
            .map(|&i| (i, &dataset.countries[i]))
            .collect();
        let mut rows = profile_rows(&picked);
        rows.extend(figure_rows(dataset, &picked));
        rows.push(themes_row(dataset, &picked));
        let matrix = Matrix::new(dataset, KindFilter::All);
        for group in [
            Group::LessonsLearned,
            Group::BestPractices,
            Group::Recommendations,
        ] {
            rows.extend(item_rows(&matrix, group, &picked));
        }
        Comparison {
            countries: countries.to_vec(),
            rows,
        }
    }

    /// The rows of one group, for section jumps.
    pub fn group(&self, group: Group) -> impl Iterator<Item = &Row<'a>> + '_ {
        self.rows.iter().filter(move |r| r.group == group)
    }
}

/// Why a list of countries cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PickError {
    #[error("compare takes {MIN_COUNTRIES} to {MAX_COUNTRIES} countries; {0} given")]
    Count(usize),
    #[error("{name} is named twice (\"{first}\" and \"{second}\"); name each country once")]
    Duplicate {
        name: String,
        first: String,
        second: String,
    },
}

/// Checks a list of resolved countries (with what the user typed for each).
pub fn check_pick(dataset: &Dataset, picked: &[(usize, &str)]) -> Result<(), PickError> {
    if !(MIN_COUNTRIES..=MAX_COUNTRIES).contains(&picked.len()) {
        return Err(PickError::Count(picked.len()));
    }
    for (k, &(i, typed)) in picked.iter().enumerate() {
        if let Some(&(_, earlier)) = picked[..k].iter().find(|(j, _)| *j == i) {
            return Err(PickError::Duplicate {
                name: dataset.countries[i].name.clone(),
                first: earlier.to_string(),
                second: typed.to_string(),
            });
        }
    }
    Ok(())
}

/// Words by which the report qualifies a number: two figures with the same
/// number but not the same of these words do not say the same.
const QUALIFIERS: [&str; 14] = [
    "over",
    "approximately",
    "about",
    "estimated",
    "more",
    "less",
    "nearly",
    "almost",
    "around",
    "some",
    "reach",
    "only",
    "least",
    "up",
];

fn row<'a>(group: Group, label: String, cells: Vec<Cell<'a>>) -> Row<'a> {
    let differs = cells
        .windows(2)
        .any(|w| w[0].comparable() != w[1].comparable());
    Row {
        group,
        label,
        measure: None,
        theme: None,
        cells,
        differs,
    }
}

fn cells_of<'a>(
    picked: &[(usize, &'a Country)],
    entries: impl Fn(&'a Country) -> Vec<Entry<'a>>,
) -> Vec<Cell<'a>> {
    picked
        .iter()
        .map(|&(country, c)| Cell {
            country,
            entries: entries(c),
        })
        .collect()
}

fn profile_rows<'a>(picked: &[(usize, &'a Country)]) -> Vec<Row<'a>> {
    let years: Vec<u16> = picked.iter().map(|(_, c)| c.tier.report_year).collect();
    let same_year = years.windows(2).all(|w| w[0] == w[1]);
    // The tier row names the TIP report's year once when all share it.
    let tier_label = match years.first() {
        Some(y) if same_year => format!("Tier, June {y}"),
        _ => "Tier".to_string(),
    };
    vec![
        row(
            Group::Profile,
            tier_label,
            cells_of(picked, |c| {
                let label = c.tier.level.label();
                let text = if same_year {
                    label.to_string()
                } else {
                    format!("{label} (June {})", c.tier.report_year)
                };
                vec![Entry::plain(text, Some(&c.tier.source))]
            }),
        ),
        row(
            Group::Profile,
            "Roles".to_string(),
            cells_of(picked, |c| vec![Entry::plain(c.roles_label(), None)]),
        ),
        row(
            Group::Profile,
            "Assessment".to_string(),
            cells_of(picked, |c| {
                let a = &c.assessment;
                vec![Entry::plain(
                    format!("{} {}", a.month, a.year),
                    Some(&a.source),
                )]
            }),
        ),
        row(
            Group::Profile,
            "Requested by".to_string(),
            cells_of(picked, |c| {
                let a = &c.assessment;
                vec![Entry::plain(a.requested_by.clone(), Some(&a.source))]
            }),
        ),
    ]
}

/// One row per measure of `report.measures`, in that order, with each
/// country's figures on it; rows no compared country has are left out.
fn figure_rows<'a>(dataset: &'a Dataset, picked: &[(usize, &'a Country)]) -> Vec<Row<'a>> {
    dataset
        .report
        .measures
        .iter()
        .filter_map(|measure| {
            let cells = cells_of(picked, |c| {
                c.key_figures
                    .iter()
                    .filter(|f| f.measure.as_deref() == Some(measure.id.as_str()))
                    .map(|f| Entry {
                        text: f.value.clone(),
                        number: f.number,
                        year: f.year,
                        source: Some(&f.source),
                        figure: Some(f),
                        item: None,
                    })
                    .collect()
            });
            if cells.iter().all(Cell::is_empty) {
                return None;
            }
            let mut r = row(Group::Figures, measure.label.clone(), cells);
            r.measure = Some(measure.id.as_str());
            Some(r)
        })
        .collect()
}

/// The labels of the themes each country's recommendations carry, in the
/// matrix's theme order.
fn themes_row<'a>(dataset: &'a Dataset, picked: &[(usize, &'a Country)]) -> Row<'a> {
    let matrix = Matrix::new(dataset, KindFilter::Recommendations);
    let cells = picked
        .iter()
        .map(|&(country, _)| Cell {
            country,
            entries: matrix
                .rows
                .iter()
                .filter(|r| !r.cells[country].is_empty())
                .map(|r| Entry::plain(r.theme.label.clone(), None))
                .collect(),
        })
        .collect();
    row(Group::Themes, "Themes covered".to_string(), cells)
}

/// One row per theme on which some compared country has an item of the
/// group's kind; each cell the country's items of that kind on that theme.
fn item_rows<'a>(
    matrix: &Matrix<'a>,
    group: Group,
    picked: &[(usize, &'a Country)],
) -> Vec<Row<'a>> {
    let Some(item_kind) = group.item_kind() else {
        return Vec::new();
    };
    let kind = match item_kind {
        ItemKind::LessonsLearned => Kind::LessonsLearned,
        ItemKind::BestPractices => Kind::BestPractices,
        ItemKind::Recommendations => Kind::Recommendations,
    };
    matrix
        .rows
        .iter()
        .filter_map(|theme_row| {
            let cells: Vec<Cell> = picked
                .iter()
                .map(|&(country, _)| Cell {
                    country,
                    entries: theme_row.cells[country]
                        .of(kind)
                        .filter(|r| r.owner == Owner::Country(country))
                        .map(|r| Entry {
                            text: first_sentence(r.item).to_string(),
                            number: None,
                            year: None,
                            source: Some(&r.item.source),
                            figure: None,
                            item: Some(*r),
                        })
                        .collect(),
                })
                .collect();
            if cells.iter().all(Cell::is_empty) {
                return None;
            }
            let mut r = row(group, theme_row.theme.label.clone(), cells);
            r.theme = Some(theme_row.theme.id.as_str());
            Some(r)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        Dataset::embedded().expect("the embedded dataset loads")
    }

    #[test]
    fn every_row_has_one_cell_per_country_in_the_order_asked() {
        let dataset = dataset();
        let order = [3, 0, 4];
        let cmp = Comparison::new(&dataset, &order);
        assert_eq!(cmp.countries, order);
        for r in &cmp.rows {
            let got: Vec<usize> = r.cells.iter().map(|c| c.country).collect();
            assert_eq!(got, order, "{}", r.label);
        }
        let groups: Vec<Group> = cmp.rows.iter().map(|r| r.group).collect();
        let mut order_of_groups = groups.clone();
        order_of_groups.dedup();
        let expected: Vec<Group> = Group::ALL
            .into_iter()
            .filter(|g| groups.contains(g))
            .collect();
        assert_eq!(order_of_groups, expected, "groups contiguous, in order");
    }

    #[test]
    fn profile_rows_show_tier_roles_assessment_and_requester() {
        let dataset = dataset();
        let cmp = Comparison::new(&dataset, &[0, 1]);
        let labels: Vec<&str> = cmp
            .group(Group::Profile)
            .map(|r| r.label.as_str())
            .collect();
        assert_eq!(
            labels,
            ["Tier, June 2007", "Roles", "Assessment", "Requested by"]
        );
        let tier = &cmp.rows[0];
        for cell in &tier.cells {
            let c = &dataset.countries[cell.country];
            assert_eq!(cell.value().as_deref(), Some(c.tier.level.label()));
            assert_eq!(cell.entries[0].source, Some(&c.tier.source));
        }
    }

    #[test]
    fn item_rows_hold_the_countrys_items_on_the_theme_and_their_lead() {
        let dataset = dataset();
        let cmp = Comparison::new(&dataset, &[0, 2]);
        let mut seen = 0;
        for r in cmp.rows.iter().filter(|r| r.group.item_kind().is_some()) {
            let theme = r.theme.expect("item rows name their theme");
            let kind = r.group.item_kind().expect("an item group");
            for cell in &r.cells {
                let expected: Vec<&str> = dataset.countries[cell.country]
                    .items(kind)
                    .iter()
                    .filter(|i| i.themes.iter().any(|t| t == theme))
                    .map(|i| i.id.as_str())
                    .collect();
                let got: Vec<&str> = cell
                    .entries
                    .iter()
                    .map(|e| e.item.expect("an item").item.id.as_str())
                    .collect();
                assert_eq!(got, expected, "{} {theme}", r.group.key());
                for e in &cell.entries {
                    assert!(e.item.expect("item").item.text.starts_with(&e.text));
                }
                seen += got.len();
            }
        }
        assert!(seen > 0);
    }

    #[test]
    fn differs_is_false_only_where_all_cells_say_the_same() {
        let dataset = dataset();
        let cmp = Comparison::new(&dataset, &[1, 3]);
        let roles = cmp.rows.iter().find(|r| r.label == "Roles").expect("roles");
        let a = &dataset.countries[1];
        let b = &dataset.countries[3];
        assert_eq!(roles.differs, a.roles != b.roles);
        let tier = &cmp.rows[0];
        assert_eq!(tier.differs, a.tier.level != b.tier.level);
    }

    #[test]
    fn the_same_number_qualified_otherwise_differs() {
        let dataset = dataset();
        let dom = dataset
            .countries
            .iter()
            .position(|c| c.iso3 == "DOM")
            .unwrap();
        let ecu = dataset
            .countries
            .iter()
            .position(|c| c.iso3 == "ECU")
            .unwrap();
        let cmp = Comparison::new(&dataset, &[dom, ecu]);
        let under_18 = cmp
            .rows
            .iter()
            .find(|r| r.measure == Some("under-18-share"))
            .expect("both print the share under 18");
        let values: Vec<String> = under_18.cells.iter().filter_map(Cell::value).collect();
        assert_eq!(values, ["forty percent", "over forty percent"]);
        assert!(under_18.differs, "over forty percent is not forty percent");
    }

    #[test]
    fn picks_are_checked_for_count_and_duplicates() {
        let dataset = dataset();
        assert_eq!(check_pick(&dataset, &[(0, "dr")]), Err(PickError::Count(1)));
        let six: Vec<(usize, &str)> = (0..6).map(|i| (i % 5, "x")).collect();
        assert_eq!(check_pick(&dataset, &six), Err(PickError::Count(6)));
        let dup = check_pick(&dataset, &[(0, "dr"), (1, "ecu"), (0, "DOM")]);
        let message = dup.expect_err("a duplicate").to_string();
        assert!(message.contains("\"dr\" and \"DOM\""), "{message}");
        assert_eq!(check_pick(&dataset, &[(0, "dr"), (1, "ecu")]), Ok(()));
    }
}
