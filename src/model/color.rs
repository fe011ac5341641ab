//! Agency colours, written `#RRGGBB` in the file.

/// An opaque sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Color {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

impl Color {
    /// Parses `#RRGGBB` (either case).
    pub fn from_hex(text: &str) -> Option<Self> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Self {
            r: channel(0)?,
            g: channel(2)?,
            b: channel(4)?,
        })
    }

    /// `#RRGGBB`, the canonical spelling.
    pub fn to_hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_round_trip_and_malformed_ones_are_refused() {
        assert_eq!(
            Color::from_hex("#003399"),
            Some(Color {
                r: 0,
                g: 0x33,
                b: 0x99
            })
        );
        assert_eq!(
            Color::from_hex("#FFaa00").map(Color::to_hex),
            Some("#FFAA00".to_owned())
        );
        for bad in ["003399", "#03F", "#0033999", "#00339G", "#ééé"] {
            assert_eq!(Color::from_hex(bad), None, "{bad:?} must be refused");
        }
    }
}
