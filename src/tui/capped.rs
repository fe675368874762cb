//! A backend that reports at most [`MAX_WIDTH`] × [`MAX_HEIGHT`]: ratatui
//! sizes its two frame buffers by what the backend reports, so a terminal
//! claiming 30000×30000 cells would make it allocate gigabytes. Larger
//! terminals get a frame of the capped size in their top-left corner.
//! It also never asks the terminal where its cursor is (see below).

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

use crate::layout::{MAX_HEIGHT, MAX_WIDTH};

pub struct Capped<B>(pub B);

/// The size drawn for a terminal of `size`.
pub fn cap(size: Size) -> Size {
    Size::new(size.width.min(MAX_WIDTH), size.height.min(MAX_HEIGHT))
}

impl<B: Backend> Backend for Capped<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    /// Never asks the terminal: the question (DSR) waits for an answer that
    /// some terminals never give, and the explorer places the cursor itself
    /// on every frame it shows one.
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size().map(cap)
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut size = self.0.window_size()?;
        size.columns_rows = cap(size.columns_rows);
        Ok(size)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    use super::*;

    #[test]
    fn a_huge_terminal_gets_a_frame_of_the_capped_size() {
        assert_eq!(
            cap(Size::new(30000, 30000)),
            Size::new(MAX_WIDTH, MAX_HEIGHT)
        );
        assert_eq!(cap(Size::new(80, 24)), Size::new(80, 24));
        let terminal = Terminal::new(Capped(TestBackend::new(2000, 40))).unwrap();
        assert_eq!(terminal.size().unwrap(), Size::new(MAX_WIDTH, 40));
    }
}
