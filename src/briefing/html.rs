//! A briefing as one self-contained HTML page: the Markdown briefing
//! rendered by pulldown-cmark, with its styles inline and nothing fetched
//! from elsewhere (no scripts, fonts, images or style sheets), so that it
//! opens offline and prints to PDF from any browser. The Markdown escapes
//! every dataset string, so the report's text cannot become a tag.

use pulldown_cmark::{html, Options, Parser};

const STYLE: &str = "\
body{font:11pt/1.45 Georgia,'Times New Roman',serif;max-width:46em;margin:2em auto;padding:0 1em;color:#111;background:#fff}
h1,h2,h3,h4{font-family:Helvetica,Arial,sans-serif;line-height:1.2;page-break-after:avoid}
h1{font-size:1.7em}h2{font-size:1.35em;border-bottom:1px solid #999;padding-bottom:.15em;margin-top:2em}
h3{font-size:1.15em;margin-top:1.6em}h4{font-size:1em}
table{border-collapse:collapse;margin:1em 0;font-size:.9em;width:100%}
th,td{border:1px solid #999;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#eee}
blockquote{margin:.5em 0 .5em 1em;padding-left:.8em;border-left:3px solid #bbb;color:#333}
em{color:#444}
li{margin:.3em 0}
@media print{body{margin:0;max-width:none}h2{page-break-before:auto}tr,li{page-break-inside:avoid}}";

/// The page for a Markdown briefing; `title` goes to the page's title.
pub fn page(title: &str, markdown: &str) -> String {
    let mut body = String::new();
    html::push_html(&mut body, Parser::new_ext(markdown, Options::ENABLE_TABLES));
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).ok();
    out
}
