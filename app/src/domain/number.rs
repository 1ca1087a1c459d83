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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_with_at_most_two_decimals_and_no_trailing_zero() {
        let printed: Vec<String> =
            [12.0, 12.5, 12.25, 12.254, 0.004, -3.5, -0.001, 1234.999, 10.8].into_iter().map(two_decimals).collect();
        assert_eq!(printed, ["12", "12.5", "12.25", "12.25", "0", "-3.5", "0", "1235", "10.8"]);
    }
}
