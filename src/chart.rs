//! Draws a [`Chart`] as a PNG: horizontal bars, one group per category and
//! one coloured bar per series, with a legend, a 0–100 % axis and labels in
//! the group's language. The font is the public-domain 8×8 bitmap font of
//! `font8x8` (Basic Latin and Latin-1, so Dutch diacritics render), embedded
//! in the binary: the picture renders the same on a bare server.

use crate::core::ids::Locale;
use crate::core::message::{Chart, MessageRef};
use crate::i18n::Strings;
use font8x8::{UnicodeFonts, BASIC_FONTS, LATIN_FONTS};

/// A rendered picture.
#[derive(Debug, Clone)]
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

type Rgb = [u8; 3];

const BACKGROUND: Rgb = [255, 255, 255];
const INK: Rgb = [33, 33, 33];
const GRID: Rgb = [221, 221, 221];
/// Values of zero: there, but quiet.
const FAINT: Rgb = [150, 150, 150];
/// Okabe–Ito colours: told apart also by people with colour-vision deficiency.
const PALETTE: [Rgb; 7] = [
    [0, 114, 178],
    [230, 159, 0],
    [0, 158, 115],
    [204, 121, 167],
    [86, 180, 233],
    [213, 94, 0],
    [240, 228, 66],
];

/// Pixels per font pixel, and so a character is `8 * SCALE` wide and high.
const SCALE: u32 = 2;
const CHAR: u32 = 8 * SCALE;
const MARGIN: u32 = 24;
const PLOT: u32 = 480;
const BAR: u32 = 18;
const BAR_GAP: u32 = 3;
const GROUP_GAP: u32 = 14;
/// Longest category label in characters (longer ones end in "...").
const LABEL_CHARS: usize = 22;

/// Renders `chart` with its labels in `locale`. Missing strings show as their
/// ids and are reported in `errors`, as for any message.
pub fn render(chart: &Chart, strings: &Strings, locale: Locale, errors: &mut Vec<String>) -> Png {
    let mut text = |m: &MessageRef| strings.render_ref(m, locale, chrono_tz::UTC, errors);
    let title = text(&chart.title);
    let axis = text(&chart.axis);
    let categories: Vec<String> = chart
        .categories
        .iter()
        .map(|c| shorten(&text(c), LABEL_CHARS))
        .collect();
    let series: Vec<String> = chart.series.iter().map(|s| text(&s.label)).collect();

    let label_w = categories.iter().map(|c| width(c)).max().unwrap_or(0);
    let plot_x = MARGIN + label_w + CHAR;
    // Room right of a full bar for "100%".
    let w = plot_x + PLOT + CHAR / 2 + width("100%") + MARGIN;
    let line_chars = ((w - 2 * MARGIN) / CHAR) as usize;
    let title_lines = wrap(&title, line_chars);
    let axis_lines = wrap(&axis, line_chars);
    let legend = legend_layout(&series, w);
    let legend_rows = legend.iter().map(|l| l.2).max().map_or(0, |r| r + 1);
    let line_h = CHAR + 6;
    let n = chart.series.len().max(1) as u32;
    let group_h = n * BAR + (n - 1) * BAR_GAP;
    let plot_top = MARGIN + title_lines.len() as u32 * line_h + 8 + legend_rows * line_h + 8;
    let plot_h = categories.len() as u32 * (group_h + GROUP_GAP);
    let h = plot_top + plot_h + 4 + line_h + 8 + axis_lines.len() as u32 * line_h + MARGIN;

    let mut c = Canvas::new(w, h);
    let mut y = MARGIN;
    for l in &title_lines {
        c.text(MARGIN, y, l, INK);
        y += line_h;
    }
    y += 8;
    for (i, (x, name, row)) in legend.iter().enumerate() {
        let ly = y + row * line_h;
        c.rect(*x, ly, CHAR, CHAR, PALETTE[i % PALETTE.len()]);
        c.text(*x + CHAR + CHAR / 2, ly, name, INK);
    }
    // Grid lines at every quarter, with their values under the plot.
    let axis_y = plot_top + plot_h;
    for q in 0..=4u32 {
        let x = plot_x + PLOT * q / 4;
        c.rect(x, plot_top - 4, 1, plot_h + 8, GRID);
        let v = format!("{}", q * 25);
        c.text(x.saturating_sub(width(&v) / 2), axis_y + 8, &v, INK);
    }
    c.rect(plot_x, plot_top - 4, 2, plot_h + 8, INK);
    for (ci, label) in categories.iter().enumerate() {
        let gy = plot_top + ci as u32 * (group_h + GROUP_GAP) + GROUP_GAP / 2;
        c.text(MARGIN, gy + (group_h - CHAR) / 2, label, INK);
        for (si, s) in chart.series.iter().enumerate() {
            let v = s.values.get(ci).copied().unwrap_or(0).min(100);
            let by = gy + si as u32 * (BAR + BAR_GAP);
            let len = PLOT * v / 100;
            c.rect(plot_x + 2, by, len, BAR, PALETTE[si % PALETTE.len()]);
            c.text(
                plot_x + 2 + len + CHAR / 2,
                by + (BAR - CHAR) / 2,
                &format!("{v}%"),
                if v == 0 { FAINT } else { INK },
            );
        }
    }
    let mut y = axis_y + 8 + line_h + 8;
    for l in &axis_lines {
        c.text(MARGIN, y, l, INK);
        y += line_h;
    }
    Png {
        bytes: c.encode(),
        width: w,
        height: h,
    }
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

/// Where each legend entry goes: `(x, name, row)`, wrapping to a new row when
/// the image would be too narrow.
fn legend_layout(series: &[String], w: u32) -> Vec<(u32, String, u32)> {
    let max_chars = ((w - 2 * MARGIN) / CHAR) as usize - 2;
    let mut out = Vec::new();
    let (mut x, mut row) = (MARGIN, 0);
    for s in series {
        let name = shorten(s, max_chars);
        let need = CHAR + CHAR / 2 + width(&name) + 2 * CHAR;
        if x > MARGIN && x + need > w - MARGIN {
            x = MARGIN;
            row += 1;
        }
        out.push((x, name, row));
        x += need;
    }
    out
}

/// Width of a text in pixels.
fn width(s: &str) -> u32 {
    glyphs(s).count() as u32 * CHAR
}

/// The glyphs a text is drawn with: typographic characters the font lacks
/// become their plain forms; anything else unknown becomes `?`.
fn glyphs(s: &str) -> impl Iterator<Item = [u8; 8]> + '_ {
    s.chars()
        .flat_map(|ch| {
            let plain: &str = match ch {
                '‘' | '’' => "'",
                '“' | '”' | '„' => "\"",
                '–' | '—' | '‐' => "-",
                '…' => "...",
                '\u{2068}' | '\u{2069}' => "",
                _ => {
                    return vec![ch];
                }
            };
            plain.chars().collect::<Vec<_>>()
        })
        .map(|ch| {
            BASIC_FONTS
                .get(ch)
                .or_else(|| LATIN_FONTS.get(ch))
                .or_else(|| BASIC_FONTS.get('?'))
                .unwrap_or([0; 8])
        })
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(3)).collect();
    out.truncate(out.trim_end().len());
    out + "..."
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

struct Canvas {
    w: u32,
    h: u32,
    px: Vec<u8>,
}

impl Canvas {
    fn new(w: u32, h: u32) -> Self {
        let px = BACKGROUND
            .iter()
            .copied()
            .cycle()
            .take((w * h * 3) as usize)
            .collect();
        Self { w, h, px }
    }

    fn rect(&mut self, x: u32, y: u32, w: u32, h: u32, c: Rgb) {
        for yy in y..(y + h).min(self.h) {
            for xx in x..(x + w).min(self.w) {
                let i = ((yy * self.w + xx) * 3) as usize;
                self.px[i..i + 3].copy_from_slice(&c);
            }
        }
    }

    fn text(&mut self, x: u32, y: u32, s: &str, c: Rgb) {
        for (n, g) in glyphs(s).enumerate() {
            let gx = x + n as u32 * CHAR;
            for (row, bits) in g.iter().enumerate() {
                for col in 0..8u32 {
                    // Bit 0 is the leftmost pixel.
                    if bits & (1 << col) != 0 {
                        self.rect(gx + col * SCALE, y + row as u32 * SCALE, SCALE, SCALE, c);
                    }
                }
            }
        }
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, self.w, self.h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        // Writing to memory cannot fail but for sizes we never make.
        let mut writer = enc.write_header().expect("png header");
        writer.write_image_data(&self.px).expect("png data");
        writer.finish().expect("png end");
        out
    }
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
            "sociale c..."
        );
    }

    #[test]
    fn dutch_letters_have_glyphs() {
        let q = BASIC_FONTS.get('?').unwrap();
        for g in glyphs("ëéïöü’–") {
            assert_ne!(g, q);
            assert_ne!(g, [0; 8]);
        }
    }
}
