//! Longer help of the subcommands added for briefings (#10).

pub const LIST_HELP: &str = "\
Columns: COUNTRY, ISO (ISO 3166 code), TIER (2007) (the U.S. State Department's
June 2007 TIP report), REGION, LL lessons learned, BP best practices,
REC recommendations (counts of the report's bullets).

--format csv: id, name, iso3, region, tier, roles, lessons_learned,
best_practices, recommendations.";

pub const EXPORT_HELP: &str = "\
Files are written atomically (a temporary file in the same folder, then a
rename): never half-written, and an existing file is kept unless --force.

  tipx export -o briefing.md
  tipx export --country ecuador,guatemala -o briefing.html
  tipx export --format json | jq '.countries[].name'";

pub const COMPLETIONS_HELP: &str = "\
  bash:       tipx completions bash > ~/.local/share/bash-completion/completions/tipx
  zsh:        tipx completions zsh > ~/.zfunc/_tipx   (with fpath+=~/.zfunc)
  fish:       tipx completions fish > ~/.config/fish/completions/tipx.fish
  powershell: tipx completions powershell >> $PROFILE";

pub const NOTE_HELP: &str = "\
ITEM is an item's or a key figure's id (the `id` fields of `tipx show C --format
json`, the `item` field of `tipx search --format json`), a side-bar's id,
`paragraph-LINE` for the paragraph starting on that line of the report, or
`footnote-N`. The notebook is --notebook FILE, else TIPX_NOTEBOOK, else
notebook.json in the user's data folder; every change is saved at once.";

pub const MATRIX_HELP: &str = "\
Rows are themes: the report's six first, then the editorial ones (not the
report's). Columns are the countries, then the regional synthesis (SYN), whose
lists are best practices, challenges and recommendations; --kind lessons shows
its challenges. Cells count items: R recommendations, B best practices,
L lessons learned, C challenges.

--format csv writes one row per theme × column: theme, theme_label, regional
(one of the report's six), country (\"synthesis\" for the synthesis),
country_name, then the item ids of each kind, space-separated.
--format json: {countries, themes: [{id, label, regional, cells: [{country,
recommendations, best_practices, lessons_learned}], synthesis}]}.";

pub const COMPARE_HELP: &str = "\
Rows: tier, roles, assessment and who requested it; key figures aligned by
what they measure; the themes of each country's recommendations; then lessons
learned, best practices and recommendations grouped by theme (each item's lead
sentence). A row whose values differ is marked; \"not in the report\" where a
country has nothing.

--format csv writes one row per comparison row × country: group, label,
measure, theme, differs, country, value, number, year, items, figures,
source_lines (lists space-separated).";
