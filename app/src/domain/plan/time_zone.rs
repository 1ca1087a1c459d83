//! Time zones of French events: the default IANA zone of each department, overseas included,
//! and the conversion of a local wall-clock time into an instant.

use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use super::error::PlanError;
use crate::domain::geo::Department;
use crate::domain::time::Instant;

/// The IANA time zone an event in this department defaults to. Metropolitan France and
/// Corsica are on `Europe/Paris`; each overseas department or collectivity has its own.
/// French Polynesia defaults to Tahiti (the Marquesas and Gambier islands must pick theirs).
pub fn default_time_zone(department: &Department) -> Tz {
    use chrono_tz::{America, Europe, Indian, Pacific};
    match department.as_str() {
        "971" => America::Guadeloupe,
        "972" => America::Martinique,
        "973" => America::Cayenne,
        "974" => Indian::Reunion,
        "975" => America::Miquelon,
        "976" => Indian::Mayotte,
        "977" => America::St_Barthelemy,
        "978" => America::Marigot,
        "984" => Indian::Kerguelen,
        "986" => Pacific::Wallis,
        "987" => Pacific::Tahiti,
        "988" => Pacific::Noumea,
        _ => Europe::Paris,
    }
}

/// Reads an IANA zone name such as `Europe/Paris`.
pub fn parse_time_zone(name: &str) -> Result<Tz, PlanError> {
    name.trim().parse::<Tz>().map_err(|_| PlanError::UnknownTimeZone(name.trim().to_string()))
}

/// The instant a wall-clock time designates in `zone`. When clocks go back, a time that
/// happens twice designates its first occurrence (summer time); a time skipped when clocks
/// go forward is refused.
pub fn local_instant(zone: Tz, local: NaiveDateTime) -> Result<Instant, PlanError> {
    let resolved = zone.from_local_datetime(&local).earliest().ok_or(PlanError::LocalTimeSkipped)?;
    Ok(Instant(resolved.timestamp_millis()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn zone_of(department: &str) -> &'static str {
        default_time_zone(&Department::parse(department).unwrap()).name()
    }

    #[test]
    fn metropolitan_and_corsican_departments_default_to_paris() {
        assert_eq!(zone_of("75"), "Europe/Paris");
        assert_eq!(zone_of("13"), "Europe/Paris");
        assert_eq!(zone_of("2A"), "Europe/Paris");
        assert_eq!(zone_of("2B"), "Europe/Paris");
    }

    #[test]
    fn every_overseas_department_and_collectivity_has_its_own_zone() {
        let expected = [
            ("971", "America/Guadeloupe"),
            ("972", "America/Martinique"),
            ("973", "America/Cayenne"),
            ("974", "Indian/Reunion"),
            ("975", "America/Miquelon"),
            ("976", "Indian/Mayotte"),
            ("977", "America/St_Barthelemy"),
            ("978", "America/Marigot"),
            ("984", "Indian/Kerguelen"),
            ("986", "Pacific/Wallis"),
            ("987", "Pacific/Tahiti"),
            ("988", "Pacific/Noumea"),
        ];
        for (department, zone) in expected {
            assert_eq!(zone_of(department), zone, "department {department}");
        }
    }

    #[test]
    fn an_unknown_zone_name_is_refused_with_its_name() {
        assert_eq!(parse_time_zone("Europe/Atlantis"), Err(PlanError::UnknownTimeZone("Europe/Atlantis".into())));
        assert_eq!(parse_time_zone(" Pacific/Noumea "), Ok(chrono_tz::Pacific::Noumea));
    }

    #[test]
    fn only_the_zones_of_france_are_known_so_an_event_abroad_is_refused() {
        // The build keeps France's zones only (.cargo/config.toml, CHRONO_TZ_TIMEZONE_FILTER).
        for zone in ["Europe/Paris", "Pacific/Marquesas", "Pacific/Gambier", "UTC"] {
            assert!(parse_time_zone(zone).is_ok(), "{zone}");
        }
        for abroad in ["America/New_York", "Europe/Brussels", "Asia/Tokyo"] {
            assert_eq!(parse_time_zone(abroad), Err(PlanError::UnknownTimeZone(abroad.into())));
        }
    }

    #[test]
    fn a_time_skipped_by_the_march_change_in_paris_is_refused() {
        let skipped = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap().and_hms_opt(2, 30, 0).unwrap();
        assert_eq!(local_instant(chrono_tz::Europe::Paris, skipped), Err(PlanError::LocalTimeSkipped));
    }

    #[test]
    fn a_time_repeated_by_the_october_change_in_paris_reads_as_its_summer_occurrence() {
        let twice = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap().and_hms_opt(2, 30, 0).unwrap();
        // 02:30 CEST (UTC+2) is 00:30 UTC.
        let expected = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap().and_hms_opt(0, 30, 0).unwrap().and_utc();
        assert_eq!(local_instant(chrono_tz::Europe::Paris, twice), Ok(Instant(expected.timestamp_millis())));
    }
}
