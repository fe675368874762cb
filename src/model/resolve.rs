//! Turning what a user types ("dr", "DOM", "dominican", "Dominican Republic")
//! into one country.

use super::types::Country;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("unknown country {}; expected one of: {}", echo(.query), .candidates.join(", "))]
    Unknown {
        query: String,
        candidates: Vec<String>,
    },
    #[error("ambiguous country {}; it could be: {}", echo(.query), .candidates.join(", "))]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },
}

/// What the user typed, quoted and escaped (`"\u{1b}]2;x\u{7}"`), never
/// raw, so that it cannot act on the terminal it is echoed to; and cut, so
/// that a pasted page does not come back whole.
fn echo(query: &str) -> String {
    format!("{:?}", crate::sanitize::shorten(query, 60))
}

/// Index of the country `query` names: an exact name, id, ISO code or
/// initials first, then a unique prefix of the name or id; case-insensitive.
pub fn resolve_country(countries: &[Country], query: &str) -> Result<usize, ResolveError> {
    let q = query.trim().to_lowercase();
    let exact: Vec<usize> = (0..countries.len())
        .filter(|&i| {
            let c = &countries[i];
            !q.is_empty()
                && (c.name.to_lowercase() == q
                    || c.id == q
                    || c.iso3.to_lowercase() == q
                    || (c.initials() == q && c.initials().len() > 1))
        })
        .collect();
    let matches = if exact.is_empty() {
        (0..countries.len())
            .filter(|&i| {
                let c = &countries[i];
                !q.is_empty() && (c.name.to_lowercase().starts_with(&q) || c.id.starts_with(&q))
            })
            .collect()
    } else {
        exact
    };
    let describe = |i: &usize| format!("{} ({})", countries[*i].name, countries[*i].iso3);
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => Err(ResolveError::Unknown {
            query: query.to_string(),
            candidates: (0..countries.len()).map(|i| describe(&i)).collect(),
        }),
        many => Err(ResolveError::Ambiguous {
            query: query.to_string(),
            candidates: many.iter().map(describe).collect(),
        }),
    }
}
