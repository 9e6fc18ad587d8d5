//! Draws a [`Chart`] as a PNG with `plotters`: horizontal bars, one group
//! per category and one coloured bar per series, each with its value, a
//! legend, a 0–100 % grid and labels in the group's language, anti-aliased
//! in DejaVu Sans (embedded, `assets/fonts/`, Bitstream Vera licence), so the
//! picture renders the same on a bare server. Sized for a phone: 720 pixels
//! wide, shown at half that, text of 12–15 points there. Categories nobody
//! has a value for are left out of the bars (the text alternative names
//! them).

use crate::core::ids::Locale;
use crate::core::message::{Chart, MessageRef};
use crate::i18n::Strings;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::sync::OnceLock;

/// A rendered picture.
#[derive(Debug, Clone)]
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

const FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const FAMILY: &str = "brug-sans";

const BACKGROUND: RGBColor = RGBColor(255, 255, 255);
const INK: RGBColor = RGBColor(33, 33, 33);
const GRID: RGBColor = RGBColor(224, 224, 224);
/// Values of zero: there, but quiet.
const FAINT: RGBColor = RGBColor(140, 140, 140);
/// Okabe–Ito colours: told apart also by people with colour-vision deficiency.
const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
];

const WIDTH: u32 = 720;
const MARGIN: i32 = 28;
const TITLE_PX: u32 = 30;
const TEXT_PX: u32 = 25;
const VALUE_PX: u32 = 22;
const LINE: i32 = 36;
const BAR: i32 = 26;
const BAR_GAP: i32 = 5;
const GROUP_GAP: i32 = 22;
/// Longest category label in characters (longer ones end in "…").
const LABEL_CHARS: usize = 20;

/// Registers the embedded font once; false if it could not be read.
fn font_ready() -> bool {
    static READY: OnceLock<bool> = OnceLock::new();
    *READY.get_or_init(|| plotters::style::register_font(FAMILY, FontStyle::Normal, FONT).is_ok())
}

fn font(px: u32, color: &RGBColor) -> TextStyle<'static> {
    (FAMILY, px as f64).into_font().color(color)
}

/// Renders `chart` with its labels in `locale`. Missing strings show as their
/// ids and are reported in `errors`, as for any message.
pub fn render(chart: &Chart, strings: &Strings, locale: Locale, errors: &mut Vec<String>) -> Png {
    let mut text = |m: &MessageRef| strings.render_ref(m, locale, chrono_tz::UTC, errors);
    let title = text(&chart.title);
    let axis = text(&chart.axis);
    // Only categories someone has a value for get bars.
    let shown: Vec<usize> = (0..chart.categories.len())
        .filter(|c| {
            chart
                .series
                .iter()
                .any(|s| s.values.get(*c).is_some_and(|v| *v > 0))
        })
        .collect();
    let categories: Vec<String> = shown
        .iter()
        .map(|c| shorten(&text(&chart.categories[*c]), LABEL_CHARS))
        .collect();
    let series: Vec<String> = chart.series.iter().map(|s| text(&s.label)).collect();
    if !font_ready() {
        errors.push("the chart's font could not be loaded".into());
    }

    let chars_per_line = 44;
    let title_lines = wrap(&title, chars_per_line);
    let axis_lines = wrap(&axis, chars_per_line + 6);
    let legend_lines = wrap_legend(&series, chars_per_line);
    let n = chart.series.len().max(1) as i32;
    let group_h = n * BAR + (n - 1) * BAR_GAP;
    let plot_top =
        MARGIN + title_lines.len() as i32 * LINE + 10 + legend_lines.len() as i32 * LINE + 14;
    let plot_h = categories.len() as i32 * (group_h + GROUP_GAP + LINE);
    let h = (plot_top + plot_h + LINE + axis_lines.len() as i32 * LINE + MARGIN / 2) as u32;

    let mut px = vec![255u8; (WIDTH * h * 3) as usize];
    if let Err(e) = draw(
        &mut px,
        h,
        &Layout {
            title_lines,
            legend_lines,
            axis_lines,
            categories,
            plot_top,
            group_h,
        },
        chart,
        &shown,
    ) {
        errors.push(format!("drawing the chart: {e}"));
    }
    Png {
        bytes: encode(&px, WIDTH, h),
        width: WIDTH,
        height: h,
    }
}

struct Layout {
    title_lines: Vec<String>,
    /// Per line: the series on it (index, name).
    legend_lines: Vec<Vec<(usize, String)>>,
    axis_lines: Vec<String>,
    categories: Vec<String>,
    plot_top: i32,
    group_h: i32,
}

fn draw(
    px: &mut [u8],
    h: u32,
    l: &Layout,
    chart: &Chart,
    shown: &[usize],
) -> Result<(), Box<dyn std::error::Error>> {
    let root = BitMapBackend::with_buffer(px, (WIDTH, h)).into_drawing_area();
    root.fill(&BACKGROUND)?;
    let mut y = MARGIN;
    for line in &l.title_lines {
        root.draw(&Text::new(line.clone(), (MARGIN, y), font(TITLE_PX, &INK)))?;
        y += LINE;
    }
    y += 10;
    for line in &l.legend_lines {
        let mut x = MARGIN;
        for (i, name) in line {
            let c = PALETTE[i % PALETTE.len()];
            root.draw(&Rectangle::new([(x, y + 2), (x + 22, y + 24)], c.filled()))?;
            root.draw(&Text::new(name.clone(), (x + 30, y), font(TEXT_PX, &INK)))?;
            x += 30 + text_width(name, TEXT_PX) + 26;
        }
        y += LINE;
    }
    let (left, right) = (MARGIN, WIDTH as i32 - MARGIN - 64);
    let plot_w = right - left;
    let plot_bottom = l.plot_top + l.categories.len() as i32 * (l.group_h + GROUP_GAP + LINE);
    for q in 0..=4 {
        let x = left + plot_w * q / 4;
        root.draw(&PathElement::new(
            vec![(x, l.plot_top), (x, plot_bottom)],
            GRID.stroke_width(1),
        ))?;
        let v = format!("{}%", q * 25);
        let style = font(VALUE_PX, &FAINT).pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(v, (x, plot_bottom + 6), style))?;
    }
    for (row, label) in l.categories.iter().enumerate() {
        let gy = l.plot_top + row as i32 * (l.group_h + GROUP_GAP + LINE);
        root.draw(&Text::new(label.clone(), (left, gy), font(TEXT_PX, &INK)))?;
        let bars_y = gy + LINE;
        for (si, s) in chart.series.iter().enumerate() {
            let v = s.values.get(shown[row]).copied().unwrap_or(0).min(100) as i32;
            let by = bars_y + si as i32 * (BAR + BAR_GAP);
            let len = plot_w * v / 100;
            if len > 0 {
                let c = PALETTE[si % PALETTE.len()];
                root.draw(&Rectangle::new(
                    [(left, by), (left + len, by + BAR)],
                    c.filled(),
                ))?;
            }
            let style = font(VALUE_PX, if v == 0 { &FAINT } else { &INK })
                .pos(Pos::new(HPos::Left, VPos::Center));
            root.draw(&Text::new(
                format!("{v}%"),
                (left + len + 8, by + BAR / 2),
                style,
            ))?;
        }
    }
    let mut y = plot_bottom + LINE + 8;
    for line in &l.axis_lines {
        root.draw(&Text::new(line.clone(), (MARGIN, y), font(VALUE_PX, &INK)))?;
        y += LINE;
    }
    root.present()?;
    Ok(())
}

/// A text's width in pixels at `px`, as the font lays it out.
fn text_width(s: &str, px: u32) -> i32 {
    let backend_free =
        plotters::style::FontDesc::new(FontFamily::Name(FAMILY), px as f64, FontStyle::Normal);
    backend_free
        .box_size(s)
        .map(|(w, _)| w as i32)
        .unwrap_or((s.chars().count() as u32 * px / 2) as i32)
}

/// The legend in lines that fit the width.
fn wrap_legend(series: &[String], chars: usize) -> Vec<Vec<(usize, String)>> {
    let mut lines: Vec<Vec<(usize, String)>> = Vec::new();
    let mut used = 0;
    for (i, s) in series.iter().enumerate() {
        let name = shorten(s, chars - 4);
        let need = name.chars().count() + 4;
        match lines.last_mut() {
            Some(line) if used + need <= chars => line.push((i, name)),
            _ => {
                lines.push(vec![(i, name)]);
                used = 0;
            }
        }
        used += need;
    }
    lines
}

fn encode(px: &[u8], w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    // Flat colours compress well even at the fast setting.
    enc.set_compression(png::Compression::Fast);
    // Writing to memory cannot fail but for sizes we never make.
    let mut writer = enc.write_header().expect("png header");
    writer.write_image_data(px).expect("png data");
    writer.finish().expect("png end");
    out
}

/// The chart as text, for people who cannot see the picture (the picture's
/// alternative text): per series its non-zero values, highest first.
pub fn describe(
    chart: &Chart,
    strings: &Strings,
    locale: Locale,
    errors: &mut Vec<String>,
) -> String {
    let mut text = |m: &MessageRef| strings.render_ref(m, locale, chrono_tz::UTC, errors);
    let categories: Vec<String> = chart.categories.iter().map(&mut text).collect();
    let mut parts = Vec::new();
    for s in &chart.series {
        let mut vals: Vec<(u32, &String)> = s
            .values
            .iter()
            .copied()
            .zip(&categories)
            .filter(|(v, _)| *v > 0)
            .collect();
        vals.sort_by_key(|v| std::cmp::Reverse(v.0));
        let list: Vec<String> = vals.iter().map(|(v, c)| format!("{c} {v}%")).collect();
        let list = if list.is_empty() {
            "-".to_string()
        } else {
            list.join(", ")
        };
        parts.push(format!("{}: {list}", text(&s.label)));
    }
    format!("{} — {}", text(&chart.title), parts.join("; "))
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out + "…"
}

/// Breaks a text into lines of at most `max` characters, at spaces.
fn wrap(s: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in s.split_whitespace() {
        let word = shorten(word, max);
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(&word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_and_width() {
        let lines = wrap("one two three four five six", 9);
        assert_eq!(lines, ["one two", "three", "four five", "six"]);
        assert!(wrap("", 5).is_empty());
        assert_eq!(
            shorten("sociale controle en handhaving", 12),
            "sociale con…"
        );
    }

    #[test]
    fn the_font_loads_and_measures_dutch_text() {
        assert!(font_ready());
        let w = text_width("Zorg en behoeften: ëéïöü’–", TEXT_PX);
        assert!(w > 200, "{w}");
    }
}
