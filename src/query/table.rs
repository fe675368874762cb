//! Small pieces the matrix and comparison writers share: padding by display
//! width, Markdown cells that cannot break a table, CSV through the `csv`
//! crate.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Width text output is laid out for: the smallest terminal tipx supports.
pub const TEXT_WIDTH: usize = 80;

/// `text` padded with spaces to `width` columns (left-aligned).
pub fn pad(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// `text` right-aligned in `width` columns.
pub fn pad_left(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{}{text}", " ".repeat(width.saturating_sub(w)))
}

/// `text` cut to `width` columns, with "…" where something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` wrapped to `width` columns, each line after `indent`.
pub fn wrap_indented(text: &str, indent: usize, width: usize) -> String {
    let room = width.saturating_sub(indent).max(20);
    let prefix = " ".repeat(indent);
    let mut out = String::new();
    for line in textwrap::wrap(text, room) {
        out.push_str(&prefix);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A Markdown table cell: characters that Markdown or the inline HTML that
/// GitHub renders would act on are escaped, and line breaks become `<br>`,
/// so that a dataset string can never end a cell, a row or the table.
pub fn md_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// A GitHub table: a header row, the separator, then the rows; every cell
/// is escaped here.
pub fn md_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let line = |cells: &mut dyn Iterator<Item = String>| {
        let cells: Vec<String> = cells.collect();
        format!("| {} |\n", cells.join(" | "))
    };
    let mut out = line(&mut header.iter().map(|h| md_cell(h)));
    out.push_str(&line(&mut header.iter().map(|_| "---".to_string())));
    for row in rows {
        out.push_str(&line(&mut row.iter().map(|c| md_cell(c))));
    }
    out
}

/// CSV with a header row, quoted where needed by the `csv` crate.
pub fn csv_table(header: &[&str], rows: &[Vec<String>]) -> Result<String, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).map_err(|e| e.to_string())?;
    for row in rows {
        writer.write_record(row).map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(md_cell("a|b\nc <x> *d*"), "a\\|b<br>c &lt;x&gt; \\*d\\*");
        let table = md_table(&["A", "B"], &[vec!["x|y".into(), "z".into()]]);
        assert_eq!(table, "| A | B |\n| --- | --- |\n| x\\|y | z |\n");
    }

    #[test]
    fn padding_and_truncation_count_display_columns() {
        assert_eq!(pad("Piñeyro", 9), "Piñeyro  ");
        assert_eq!(pad_left("7", 3), "  7");
        assert_eq!(truncate("Training of law enforcement", 10), "Training …");
        assert_eq!(truncate("short", 10), "short");
    }

    #[test]
    fn csv_quotes_commas_and_quotes() {
        let csv = csv_table(&["a", "b"], &[vec!["1,2".into(), "say \"x\"".into()]])
            .expect("csv writes to memory");
        assert_eq!(csv, "a,b\n\"1,2\",\"say \"\"x\"\"\"\n");
    }
}
