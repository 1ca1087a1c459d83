//! Where a deployment is and whom to call: the zone's centroid for `GEO`, and the command
//! post's phone number.
//!
//! **The command post's phone** shown with a deployment is, in this order:
//! 1. the contact phone of the participant staffing a command-post zone (kind
//!    "poste de commandement") when the deployment starts — among several, the deployment of
//!    category "poste de commandement" first, then the earliest started, then by id; only
//!    deployments the feed's audience may read count, so that a restricted police command
//!    post never gives its number away;
//! 2. otherwise the organiser's contact phone (the donneur d'ordre runs the event);
//! 3. otherwise nothing.

use crate::domain::plan::{
    Audience, Deployment, GeoPolygon, MissionCategory, ParticipantRole, Plan, Visibility, ZoneKind,
};
use crate::domain::time::Instant;

/// The centroid (latitude, longitude) of a zone's outline: the area-weighted centroid of
/// the ring in plain longitude/latitude (zones are small enough), or the mean of its points
/// when the ring has no area.
pub fn centroid(polygon: &GeoPolygon) -> (f64, f64) {
    let ring = polygon.ring();
    let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for pair in ring.windows(2) {
        let ([x0, y0], [x1, y1]) = (pair[0], pair[1]);
        let cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if area.abs() < 1e-12 {
        // The first point is repeated at the end: leave it out of the mean.
        let points = &ring[..ring.len() - 1];
        let n = points.len() as f64;
        let lon = points.iter().map(|p| p[0]).sum::<f64>() / n;
        let lat = points.iter().map(|p| p[1]).sum::<f64>() / n;
        return (lat, lon);
    }
    (cy / (3.0 * area), cx / (3.0 * area))
}

/// The command posts' phone numbers over time, for one feed's audience.
pub struct CommandPosts<'a> {
    /// Deployments on a command-post zone whose participant has a phone: (deployment,
    /// phone, participant name), in order of preference.
    staffed: Vec<(&'a Deployment, &'a str, &'a str)>,
    organiser: Option<(&'a str, &'a str)>,
}

impl<'a> CommandPosts<'a> {
    pub fn new(plan: &'a Plan, audience: Audience) -> Self {
        let pc_zones: Vec<&str> =
            plan.zones.iter().filter(|z| z.kind() == ZoneKind::PosteCommandement).map(|z| z.id()).collect();
        let pc_zone = |id: &str| pc_zones.contains(&id);
        let readable =
            |d: &Deployment| audience == Audience::StateAndPrefecture || d.visibility() != Visibility::Restricted;
        let mut staffed: Vec<_> = plan
            .deployments
            .iter()
            .filter(|d| readable(d) && pc_zone(d.zone_id()))
            .filter_map(|d| {
                let p = plan.participant(d.participant_id())?;
                Some((d, p.contact_phone()?, p.name()))
            })
            .collect();
        staffed.sort_by(|(a, _, _), (b, _, _)| {
            let key = |d: &Deployment| (d.category() != MissionCategory::Pc, d.window().start());
            key(a).cmp(&key(b)).then_with(|| a.id().cmp(b.id()))
        });
        let organiser = plan
            .participants
            .iter()
            .filter(|p| p.role() == ParticipantRole::Organisateur)
            .find_map(|p| Some((p.contact_phone()?, p.name())));
        CommandPosts { staffed, organiser }
    }

    /// (phone, who answers) for a deployment starting at `start`.
    pub fn phone_at(&self, start: Instant) -> Option<(&'a str, &'a str)> {
        self.staffed
            .iter()
            .find(|(d, _, _)| d.window().contains(start))
            .map(|&(_, phone, name)| (phone, name))
            .or(self.organiser)
    }
}
