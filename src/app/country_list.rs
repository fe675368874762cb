//! The country list's filter: which countries a typed text keeps.

use crate::model::Country;
use crate::search::fold;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListUi {
    pub filter: String,
    /// The filter input has the keyboard.
    pub editing: bool,
    /// Position of the selection among the matches (0 when there are none).
    pub selected: usize,
}

/// Indexes of the countries the filter keeps: every word of it must occur
/// in the name, the ISO code, the initials, the region or the tier badge,
/// ignoring case and accents.
pub fn matches(countries: &[Country], filter: &str) -> Vec<usize> {
    let words: Vec<String> = filter.split_whitespace().map(fold).collect();
    countries
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            let haystack = fold(&format!(
                "{} {} {} {} {}",
                c.name,
                c.iso3,
                c.initials(),
                c.region,
                c.tier.level.badge()
            ));
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    #[test]
    fn filter_matches_names_codes_regions_and_badges() {
        let data = Dataset::embedded().expect("embedded dataset");
        let names = |filter: &str| -> Vec<&str> {
            matches(&data.countries, filter)
                .into_iter()
                .map(|i| data.countries[i].name.as_str())
                .collect()
        };
        assert_eq!(names("ecu"), vec!["Ecuador"]);
        assert_eq!(names("JAM"), vec!["Jamaica"]);
        assert_eq!(names("caribbean"), vec!["Dominican Republic", "Jamaica"]);
        assert_eq!(names("t2w"), vec!["Dominican Republic", "Guatemala"]);
        assert_eq!(names("").len(), data.countries.len());
        assert!(names("zzz").is_empty());
    }
}
