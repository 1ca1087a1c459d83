//! Zones of an event's site (an entrance, the public road outside, the stage…) and the posts
//! inside them where agents stand.

use serde::{Deserialize, Serialize};

use super::error::PlanError;
use super::fields::{coded_enum, parse_id, parse_label, parse_optional_label};
use super::polygon::GeoPolygon;

coded_enum! {
    /// What a zone is for.
    pub enum ZoneKind {
        /// An entrance where the public is filtered (bags, pat-downs).
        EntreeFiltrage => ("entree_filtrage", "Entrée / filtrage"),
        Enceinte => ("enceinte", "Enceinte"),
        /// The public road: private agents only with a prefect's authorisation (L613-1).
        VoiePublique => ("voie_publique", "Voie publique"),
        Parking => ("parking", "Parking"),
        Scene => ("scene", "Scène"),
        /// The command post (PC) where the actors coordinate.
        PosteCommandement => ("poste_commandement", "Poste de commandement"),
        Secours => ("secours", "Secours"),
        Autre => ("autre", "Autre"),
    }
}

/// What a form or a plan file supplies to build a [`Zone`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ZoneDraft {
    pub id: String,
    pub name: String,
    pub kind: ZoneKind,
    pub public_road: bool,
    /// The zone gives access to an enclosed venue (enceinte) of the event: where pat-downs
    /// under L613-3 may take place. A zone of kind « enceinte » always does.
    #[serde(default)]
    pub acces_enceinte: bool,
    pub address: Option<String>,
    pub polygon: Option<GeoPolygon>,
}

/// A valid zone. A zone of kind "voie publique" is always flagged as public road.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ZoneDraft", into = "ZoneDraft")]
pub struct Zone {
    id: String,
    name: String,
    kind: ZoneKind,
    public_road: bool,
    acces_enceinte: bool,
    address: Option<String>,
    polygon: Option<GeoPolygon>,
}

impl Zone {
    /// Checks the draft: a UUID id, a name, and a kind consistent with the public-road flag.
    pub fn new(draft: ZoneDraft) -> Result<Self, PlanError> {
        if draft.kind == ZoneKind::VoiePublique && !draft.public_road {
            return Err(PlanError::PublicRoadKindMismatch);
        }
        Ok(Zone {
            id: parse_id(&draft.id)?,
            name: parse_label(&draft.name, 120)?,
            kind: draft.kind,
            public_road: draft.public_road,
            acces_enceinte: draft.acces_enceinte || draft.kind == ZoneKind::Enceinte,
            address: parse_optional_label(draft.address.as_deref(), 300)?,
            polygon: draft.polygon,
        })
    }
    /// The stable id (UUID text).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The zone's name on the site plan, e.g. "Entrée Nord".
    pub fn name(&self) -> &str {
        &self.name
    }
    /// What the zone is for.
    pub fn kind(&self) -> ZoneKind {
        self.kind
    }
    /// Whether the zone is on the public road (L613-1 restricts private agents there).
    pub fn public_road(&self) -> bool {
        self.public_road
    }
    /// Whether the zone is, or gives access to, an enclosed venue of the event (L613-3).
    pub fn acces_enceinte(&self) -> bool {
        self.acces_enceinte
    }
    /// The zone's street address, if it differs from the event's.
    pub fn address(&self) -> Option<&str> {
        self.address.as_deref()
    }
    /// The zone's outline, if drawn.
    pub fn polygon(&self) -> Option<&GeoPolygon> {
        self.polygon.as_ref()
    }
}

impl TryFrom<ZoneDraft> for Zone {
    type Error = PlanError;
    fn try_from(draft: ZoneDraft) -> Result<Self, PlanError> {
        Zone::new(draft)
    }
}

impl From<Zone> for ZoneDraft {
    fn from(zone: Zone) -> Self {
        let Zone { id, name, kind, public_road, acces_enceinte, address, polygon } = zone;
        ZoneDraft { id, name, kind, public_road, acces_enceinte, address, polygon }
    }
}

/// What a form or a plan file supplies to build a [`Post`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostDraft {
    pub id: String,
    pub zone_id: String,
    pub name: String,
}

/// A post inside a zone, e.g. "Portique 3" in "Entrée Nord".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "PostDraft", into = "PostDraft")]
pub struct Post {
    id: String,
    zone_id: String,
    name: String,
}

impl Post {
    /// Checks the ids and the name.
    pub fn new(draft: PostDraft) -> Result<Self, PlanError> {
        Ok(Post { id: parse_id(&draft.id)?, zone_id: parse_id(&draft.zone_id)?, name: parse_label(&draft.name, 120)? })
    }
    /// The stable id (UUID text).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The zone the post is in.
    pub fn zone_id(&self) -> &str {
        &self.zone_id
    }
    /// The post's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl TryFrom<PostDraft> for Post {
    type Error = PlanError;
    fn try_from(draft: PostDraft) -> Result<Self, PlanError> {
        Post::new(draft)
    }
}

impl From<Post> for PostDraft {
    fn from(post: Post) -> Self {
        PostDraft { id: post.id, zone_id: post.zone_id, name: post.name }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::fixtures::id;

    fn north_entrance() -> ZoneDraft {
        ZoneDraft {
            id: id(10),
            name: " Entrée Nord ".into(),
            kind: ZoneKind::EntreeFiltrage,
            public_road: false,
            acces_enceinte: false,
            address: Some("  ".into()),
            polygon: None,
        }
    }

    #[test]
    fn a_zone_keeps_its_trimmed_name_and_drops_a_blank_address() {
        let zone = Zone::new(north_entrance()).unwrap();
        assert_eq!(zone.name(), "Entrée Nord");
        assert_eq!(zone.address(), None);
        assert_eq!(zone.kind().label(), "Entrée / filtrage");
    }

    #[test]
    fn a_public_road_zone_not_flagged_as_public_road_is_refused() {
        let draft = ZoneDraft { kind: ZoneKind::VoiePublique, ..north_entrance() };
        assert_eq!(Zone::new(draft), Err(PlanError::PublicRoadKindMismatch));
        let flagged = ZoneDraft { kind: ZoneKind::VoiePublique, public_road: true, ..north_entrance() };
        assert!(Zone::new(flagged).unwrap().public_road());
    }

    #[test]
    fn a_zone_without_a_name_is_refused() {
        assert_eq!(Zone::new(ZoneDraft { name: "".into(), ..north_entrance() }), Err(PlanError::TextRequired));
    }

    #[test]
    fn a_post_belongs_to_its_zone() {
        let post = Post::new(PostDraft { id: id(11), zone_id: id(10), name: "Portique 3".into() }).unwrap();
        assert_eq!(post.zone_id(), id(10));
        assert_eq!(Post::new(PostDraft { zone_id: "nord".into(), ..post.clone().into() }), Err(PlanError::InvalidId));
    }

    #[test]
    fn a_zone_kind_code_reads_back_as_the_same_kind() {
        for kind in ZoneKind::ALL {
            assert_eq!(ZoneKind::from_code(kind.code()), Some(*kind));
        }
        assert_eq!(serde_json::to_string(&ZoneKind::PosteCommandement).unwrap(), r#""poste_commandement""#);
    }
}
