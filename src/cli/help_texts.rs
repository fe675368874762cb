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
