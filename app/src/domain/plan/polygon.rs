//! A zone's outline as a GeoJSON `Polygon` (WGS 84 longitude, latitude), exterior ring only.

use serde::{Deserialize, Serialize};

use super::error::PlanError;

/// The most points an outline may have: a zone is drawn by hand, not traced from a survey.
pub const MAX_POLYGON_POINTS: usize = 1_000;

/// A closed ring of at least four `[longitude, latitude]` positions, the last equal to the
/// first, every coordinate finite and in range. Serialised as a GeoJSON `Polygon` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "GeoJsonPolygon", into = "GeoJsonPolygon")]
pub struct GeoPolygon {
    ring: Vec<[f64; 2]>,
}

/// The GeoJSON shape: `{"type": "Polygon", "coordinates": [[[lon, lat], …]]}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct GeoJsonPolygon {
    #[serde(rename = "type")]
    kind: String,
    coordinates: Vec<Vec<[f64; 2]>>,
}

impl GeoPolygon {
    /// Checks the ring: closed, 4 to 1,000 positions, longitudes in ±180, latitudes in ±90.
    pub fn new(ring: Vec<[f64; 2]>) -> Result<Self, PlanError> {
        let in_range = |p: &[f64; 2]| {
            p[0].is_finite() && p[1].is_finite() && (-180.0..=180.0).contains(&p[0]) && (-90.0..=90.0).contains(&p[1])
        };
        let closed = ring.first() == ring.last();
        if ring.len() < 4 || ring.len() > MAX_POLYGON_POINTS || !closed || !ring.iter().all(in_range) {
            return Err(PlanError::InvalidPolygon);
        }
        Ok(GeoPolygon { ring })
    }
    /// The exterior ring, first position repeated at the end.
    pub fn ring(&self) -> &[[f64; 2]] {
        &self.ring
    }
}

impl TryFrom<GeoJsonPolygon> for GeoPolygon {
    type Error = PlanError;
    fn try_from(value: GeoJsonPolygon) -> Result<Self, PlanError> {
        let mut rings = value.coordinates.into_iter();
        match (value.kind.as_str(), rings.next(), rings.next()) {
            ("Polygon", Some(ring), None) => GeoPolygon::new(ring),
            _ => Err(PlanError::InvalidPolygon),
        }
    }
}

impl From<GeoPolygon> for GeoJsonPolygon {
    fn from(polygon: GeoPolygon) -> Self {
        GeoJsonPolygon { kind: "Polygon".into(), coordinates: vec![polygon.ring] }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARC_BORELY: [[f64; 2]; 5] =
        [[5.3800, 43.2580], [5.3840, 43.2580], [5.3840, 43.2610], [5.3800, 43.2610], [5.3800, 43.2580]];

    #[test]
    fn a_closed_ring_round_trips_as_geojson() {
        let polygon = GeoPolygon::new(PARC_BORELY.to_vec()).unwrap();
        let json = serde_json::to_string(&polygon).unwrap();
        assert!(json.starts_with(r#"{"type":"Polygon","coordinates":[[[5.38,43.258]"#), "{json}");
        assert_eq!(serde_json::from_str::<GeoPolygon>(&json).unwrap(), polygon);
    }

    #[test]
    fn an_open_ring_or_a_latitude_beyond_the_pole_is_refused() {
        assert_eq!(GeoPolygon::new(PARC_BORELY[..4].to_vec()), Err(PlanError::InvalidPolygon));
        let mut beyond = PARC_BORELY.to_vec();
        beyond[2] = [5.3840, 91.0];
        assert_eq!(GeoPolygon::new(beyond), Err(PlanError::InvalidPolygon));
    }

    #[test]
    fn a_geojson_point_is_not_a_polygon() {
        assert!(serde_json::from_str::<GeoPolygon>(r#"{"type":"Point","coordinates":[[[5.38,43.25]]]}"#).is_err());
    }
}
