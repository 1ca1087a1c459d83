//! A map of the zones drawn with an outline, for the perimeter article: each outline projected
//! onto the page (equirectangular, longitudes shrunk by the cosine of the mean latitude, which
//! is exact enough at the scale of a town), fitted in a frame of the text's width, numbered,
//! with the numbers explained under it. Pure: the HTML and Typst renderers only draw it.

use serde::{Deserialize, Serialize};

use crate::domain::plan::Zone;

/// The frame's width on the page, in tenths of a millimetre (16 cm).
pub const MAP_WIDTH: i32 = 1_600;
/// The tallest frame, in tenths of a millimetre (11 cm).
pub const MAP_MAX_HEIGHT: i32 = 1_100;
/// The blank border inside the frame.
const MARGIN: i32 = 60;
/// The lowest frame, so that a flat set of outlines still reads.
const MIN_HEIGHT: i32 = 400;

/// The map: a frame and the outlines in it, coordinates in tenths of a millimetre from the
/// frame's top left corner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneMap {
    pub width: i32,
    pub height: i32,
    pub shapes: Vec<MapShape>,
}

/// One zone's outline on the map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapShape {
    /// The zone's number in the list of the perimeter (1, 2, …).
    pub number: usize,
    pub name: String,
    pub public_road: bool,
    /// The ring, without its closing point.
    pub points: Vec<(i32, i32)>,
    /// Where its number is written: the mean of its points.
    pub label: (i32, i32),
}

/// The map of the zones of `zones` that have an outline (numbered by their place in `zones`),
/// or `None` when none has one.
pub fn zone_map(zones: &[Zone]) -> Option<ZoneMap> {
    let outlined: Vec<(usize, &Zone, &[[f64; 2]])> = zones
        .iter()
        .enumerate()
        .filter_map(|(i, z)| z.polygon().map(|p| (i + 1, z, &p.ring()[..p.ring().len() - 1])))
        .collect();
    if outlined.is_empty() {
        return None;
    }
    let all = || outlined.iter().flat_map(|(_, _, ring)| ring.iter());
    let (min_lat, max_lat) = all().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p[1]), hi.max(p[1])));
    let shrink = ((min_lat + max_lat) / 2.0).to_radians().cos().max(0.01);
    let project = |p: &[f64; 2]| (p[0] * shrink, -p[1]);
    let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (x, y) in all().map(project) {
        (min_x, max_x, min_y, max_y) = (min_x.min(x), max_x.max(x), min_y.min(y), max_y.max(y));
    }
    // A single point or a line still gets a frame: the spans are never zero.
    let span_x = (max_x - min_x).max(1e-9);
    let span_y = (max_y - min_y).max(1e-9);
    let inner_w = f64::from(MAP_WIDTH - 2 * MARGIN);
    let inner_h = f64::from(MAP_MAX_HEIGHT - 2 * MARGIN);
    let scale = (inner_w / span_x).min(inner_h / span_y);
    let height = ((span_y * scale).round() as i32 + 2 * MARGIN).clamp(MIN_HEIGHT, MAP_MAX_HEIGHT);
    // Centred in the frame both ways.
    let offset_x = (f64::from(MAP_WIDTH) - span_x * scale) / 2.0;
    let offset_y = (f64::from(height) - span_y * scale) / 2.0;
    let place = |p: &[f64; 2]| {
        let (x, y) = project(p);
        (((x - min_x) * scale + offset_x).round() as i32, ((y - min_y) * scale + offset_y).round() as i32)
    };
    let shapes = outlined
        .into_iter()
        .map(|(number, zone, ring)| {
            let points: Vec<(i32, i32)> = ring.iter().map(place).collect();
            let n = points.len().max(1) as i64;
            let sum = points.iter().fold((0i64, 0i64), |(sx, sy), &(x, y)| (sx + i64::from(x), sy + i64::from(y)));
            let label = ((sum.0 / n) as i32, (sum.1 / n) as i32);
            MapShape { number, name: zone.name().to_string(), public_road: zone.public_road(), points, label }
        })
        .collect();
    Some(ZoneMap { width: MAP_WIDTH, height, shapes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{GeoPolygon, ZoneDraft, ZoneKind};

    fn zone(name: &str, ring: Option<Vec<[f64; 2]>>) -> Zone {
        Zone::new(ZoneDraft {
            id: crate::domain::plan::fixtures::id(name.len() as u32),
            name: name.into(),
            kind: ZoneKind::Enceinte,
            public_road: false,
            acces_enceinte: false,
            address: None,
            polygon: ring.map(|r| GeoPolygon::new(r).unwrap()),
        })
        .unwrap()
    }

    /// A square of `side` degrees of latitude whose south-west corner is at (`lon`, `lat`),
    /// as wide on the ground as it is tall at that latitude.
    fn square(lon: f64, lat: f64, side: f64) -> Vec<[f64; 2]> {
        let wide = side / lat.to_radians().cos();
        vec![[lon, lat], [lon + wide, lat], [lon + wide, lat + side], [lon, lat + side], [lon, lat]]
    }

    #[test]
    fn no_outline_no_map() {
        assert_eq!(zone_map(&[zone("Scène", None)]), None);
    }

    #[test]
    fn a_square_on_the_ground_stays_square_on_the_page_north_up_and_centred() {
        let map = zone_map(&[zone("Scène", None), zone("Place", Some(square(5.05, 43.40, 0.002)))]).unwrap();
        assert_eq!((map.width, map.height), (MAP_WIDTH, MAP_MAX_HEIGHT));
        let shape = &map.shapes[0];
        assert_eq!((shape.number, shape.name.as_str()), (2, "Place"));
        let [sw, se, ne, nw] = [shape.points[0], shape.points[1], shape.points[2], shape.points[3]];
        let (w, h) = (se.0 - sw.0, sw.1 - nw.1);
        assert!((w - h).abs() <= 2, "{w} × {h}");
        assert!(ne.1 < se.1, "north is up");
        assert_eq!(h, MAP_MAX_HEIGHT - 2 * MARGIN);
        assert!(((sw.0 + se.0) / 2 - MAP_WIDTH / 2).abs() <= 1, "centred across");
        assert_eq!(shape.label, ((sw.0 + se.0) / 2, (sw.1 + nw.1) / 2));
    }

    #[test]
    fn two_zones_side_by_side_share_one_scale_and_never_leave_the_frame() {
        let zones = [zone("Ouest", Some(square(5.040, 43.40, 0.001))), zone("Est", Some(square(5.060, 43.40, 0.001)))];
        let map = zone_map(&zones).unwrap();
        assert!(map.height >= MIN_HEIGHT && map.height < MAP_MAX_HEIGHT, "a wide set makes a low frame");
        let width = |s: &MapShape| s.points[1].0 - s.points[0].0;
        assert_eq!(width(&map.shapes[0]), width(&map.shapes[1]));
        assert!(map.shapes[0].points[0].0 < map.shapes[1].points[0].0, "west is left");
        for (x, y) in map.shapes.iter().flat_map(|s| s.points.iter().copied()) {
            assert!((0..=map.width).contains(&x) && (0..=map.height).contains(&y), "({x}, {y})");
        }
    }

    #[test]
    fn a_degenerate_outline_of_one_repeated_point_still_gives_a_finite_map() {
        let map = zone_map(&[zone("Point", Some(vec![[5.0, 43.0]; 4]))]).unwrap();
        assert!(map.shapes[0]
            .points
            .iter()
            .all(|&(x, y)| (0..=map.width).contains(&x) && (0..=map.height).contains(&y)));
    }
}
