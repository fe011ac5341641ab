//! Dates in the file are `"YYYY-MM-DD"` and nothing else: no times, no signs, no short years.

use chrono::NaiveDate;

const FORMAT: &str = "%Y-%m-%d";

/// Parses a strict `YYYY-MM-DD` date, saying what is wrong when it is not one.
pub fn parse(text: &str) -> Result<NaiveDate, String> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(format!("expected a date as \"YYYY-MM-DD\", found {text:?}"));
    }
    NaiveDate::parse_from_str(text, FORMAT).map_err(|_| {
        format!("{text:?} is not a day of the calendar (expected a real date as \"YYYY-MM-DD\")")
    })
}

/// Writes a date as `YYYY-MM-DD`.
pub fn to_text(date: NaiveDate) -> String {
    date.format(FORMAT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_real_dates_and_refuses_impossible_or_loose_ones() {
        assert_eq!(
            parse("2027-06-01"),
            Ok(NaiveDate::from_ymd_opt(2027, 6, 1).unwrap_or_default())
        );
        assert!(parse("2028-02-29").is_ok(), "2028 is a leap year");
        for bad in [
            "2030-02-30",
            "2027-13-01",
            "2027-6-1",
            "+2027-06-01",
            "2027-06-01T00:00",
            "",
            "2027/06/01",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} must be refused");
        }
    }
}
