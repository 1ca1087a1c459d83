//! Numbers as Cordon prints them.

/// `value` to two decimals without trailing zeros, with a dot: 12.0 → "12", 12.5 → "12.5",
/// 0.254 → "0.25". Written with integers: Rust's float formatting would add about 15 KiB to
/// the browser bundle, which prints SVG coordinates and the compliance findings' figures.
pub fn two_decimals(value: f64) -> String {
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let (whole, fraction) = (hundredths.unsigned_abs() / 100, hundredths.unsigned_abs() % 100);
    match fraction {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// 18000 → "18 000": thousands apart as French typography writes them, with a narrow no-break
/// space (a line never breaks inside the number). Every figure Cordon prints in French — pages,
/// documents — goes through this one.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_with_french_thousands_separators() {
        assert_eq!(thousands(18_000), "18\u{202f}000");
        assert_eq!(thousands(1_500_000), "1\u{202f}500\u{202f}000");
        assert_eq!(thousands(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!((thousands(300), thousands(0)), ("300".into(), "0".into()));
    }

    #[test]
    fn numbers_print_with_at_most_two_decimals_and_no_trailing_zero() {
        let printed: Vec<String> =
            [12.0, 12.5, 12.25, 12.254, 0.004, -3.5, -0.001, 1234.999, 10.8].into_iter().map(two_decimals).collect();
        assert_eq!(printed, ["12", "12.5", "12.25", "12.25", "0", "-3.5", "0", "1235", "10.8"]);
    }
}
