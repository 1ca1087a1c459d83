//! Which of the timeline's zone rows are drawn in full: those near the part of the drawing on
//! screen (issue 17). A city festival's 2,000 deployments on 40 zones would otherwise put about
//! 4,600 SVG shapes in the page, most of them far below the screen; a row away from the screen
//! shows only its zone's name and is drawn when the page scrolls near it. Pure: the chart
//! measures the screen and asks.

/// Part of the drawing, from `top` to `bottom`, in SVG user units (the timeline's y).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub top: f64,
    pub bottom: f64,
}

/// The band before the browser has measured anything — the server's page and the first render
/// in the browser, which must be the same: only the first rows ([`FIRST_ROWS`]) are drawn.
pub const UNMEASURED: Band = Band { top: 0.0, bottom: 0.0 };

/// The rows starting above this y (SVG user units: the axis and about four rows of a busy
/// zone) are always drawn: the first view, on the server's page too, and the whole drawing of a
/// plan of a few zones, wherever the page is scrolled.
pub const FIRST_ROWS: f64 = 1_000.0;

/// Rows this close above or below the band on screen are drawn too (in SVG user units, about a
/// screen): scrolling shows them already drawn, and the keyboard's next bar after
/// the last one on screen is there to take the focus.
pub const MARGIN: f64 = 800.0;

impl Band {
    /// Whether a row at `y` of `height` is near this band.
    pub fn draws(self, y: f64, height: f64) -> bool {
        y < self.bottom + MARGIN && y + height > self.top - MARGIN
    }

    /// Whether a row at `y` of `height` is drawn in full while this band is on screen: near it,
    /// or among the first rows ([`FIRST_ROWS`]), which are always drawn.
    pub fn shows(self, y: f64, height: f64) -> bool {
        y < FIRST_ROWS || self.draws(y, height)
    }

    /// The band on screen, from where the browser shows the drawing: its top relative to the
    /// top of the window and its height on screen, both in CSS pixels, the window's height, and
    /// the drawing's height in SVG user units (the SVG is scaled to its box's width). A drawing
    /// wholly off screen gives a band outside it, so that no row is drawn for it but those
    /// within the margin.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    pub fn on_screen(top_px: f64, height_px: f64, window_px: f64, drawing_height: f64) -> Band {
        let positive = |v: f64| v.is_finite() && v > 0.0;
        if !positive(height_px) || !positive(drawing_height) || !top_px.is_finite() || !window_px.is_finite() {
            return UNMEASURED;
        }
        let units_per_px = drawing_height / height_px;
        Band { top: -top_px * units_per_px, bottom: (window_px - top_px) * units_per_px }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_measuring_only_the_first_rows_are_drawn() {
        assert!(UNMEASURED.shows(48.0, 200.0));
        assert!(UNMEASURED.shows(900.0, 200.0));
        assert!(!UNMEASURED.shows(1_100.0, 200.0));
    }

    #[test]
    fn a_drawing_scrolled_half_past_the_top_draws_the_rows_around_the_window() {
        // 8,000 units tall shown 4,000 px high (half scale), its top 2,000 px above the
        // window's, the window 1,000 px high: units 4,000 to 6,000 are on screen.
        let band = Band::on_screen(-2_000.0, 4_000.0, 1_000.0, 8_000.0);
        assert_eq!(band, Band { top: 4_000.0, bottom: 6_000.0 });
        assert!(band.draws(5_000.0, 100.0));
        assert!(band.draws(3_300.0, 100.0), "a row within the margin above");
        assert!(!band.draws(2_000.0, 100.0), "a row far above");
        assert!(band.draws(6_700.0, 100.0), "a row within the margin below");
        assert!(!band.draws(6_900.0, 100.0), "a row far below");
    }

    #[test]
    fn a_drawing_still_below_the_window_draws_only_its_first_rows() {
        // The drawing starts 3,000 px below the window's top; the window is 800 px high.
        let band = Band::on_screen(3_000.0, 8_000.0, 800.0, 8_000.0);
        assert!(band.bottom < 0.0);
        assert!(!band.draws(48.0, 200.0), "even the first row is more than a margin away");
        let nearer = Band::on_screen(1_500.0, 8_000.0, 800.0, 8_000.0);
        assert!(nearer.draws(48.0, 200.0));
        assert!(!nearer.draws(600.0, 200.0));
    }

    #[test]
    fn the_first_rows_stay_drawn_wherever_the_page_is_scrolled() {
        let far_below = Band { top: 10_000.0, bottom: 11_000.0 };
        assert!(far_below.shows(48.0, 200.0), "a first row");
        assert!(!far_below.shows(5_000.0, 200.0), "a row between the first ones and the screen");
        assert!(far_below.shows(10_500.0, 200.0), "a row on screen");
    }

    #[test]
    fn a_drawing_not_laid_out_yet_counts_as_unmeasured() {
        assert_eq!(Band::on_screen(100.0, 0.0, 800.0, 5_000.0), UNMEASURED);
        assert_eq!(Band::on_screen(f64::NAN, 10.0, 800.0, 5_000.0), UNMEASURED);
    }
}
