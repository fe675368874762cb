//! Regenerates `screenshots/` and the README's screenshot and key sections
//! from the real renderer and the keymap: `cargo run --example screenshots`.

use std::fs;

use tipx::model::Dataset;
use tipx::screenshot::{
    buffer_svg, buffer_text, draw, readme_keys, readme_screenshots, replace_section, state_after,
    SCENES,
};
use tipx::theme::Theme;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = Dataset::embedded()?;
    fs::create_dir_all("screenshots")?;
    for scene in SCENES {
        let colour = state_after(&data, Theme::dark(), scene.width, scene.height, scene.keys);
        let buf = draw(&colour, scene.width, scene.height);
        fs::write(format!("screenshots/{}.svg", scene.name), buffer_svg(&buf))?;
        let mono = state_after(&data, Theme::mono(), scene.width, scene.height, scene.keys);
        let text = buffer_text(&draw(&mono, scene.width, scene.height));
        fs::write(format!("screenshots/{}.txt", scene.name), text)?;
    }
    let readme = fs::read_to_string("README.md")?;
    let readme = replace_section(&readme, "screenshots", &readme_screenshots(&data))
        .ok_or("README.md has no screenshots section")?;
    let readme =
        replace_section(&readme, "keys", &readme_keys()).ok_or("README.md has no keys section")?;
    fs::write("README.md", readme)?;
    println!("wrote {} screenshots and README.md", SCENES.len());
    Ok(())
}
