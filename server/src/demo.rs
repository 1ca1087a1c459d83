//! The demo data `make run` shows on first start: the organisations that secure a fictional
//! town festival in Martigues (Bouches-du-Rhône), one account in each, and the festival's plan.

use app::domain::{Email, Instant, MembershipRole, OrganisationProfile, PersonName};
use app::service::security::hash_password_now;
use app::store::{self, Db};

/// Every demo account shares this password (printed at start-up; never use it elsewhere).
pub const DEMO_PASSWORD: &str = "cordon-demo-2026";

/// (e-mail, name, organisation index in ORGANISATIONS or None, role, platform admin)
pub const DEMO_ACCOUNTS: [(&str, &str, Option<usize>, MembershipRole, bool); 6] = [
    ("admin@cordon.test", "Claire Administratrice", None, MembershipRole::Admin, true),
    ("organisateur@cordon.test", "Julien Roux", Some(0), MembershipRole::Admin, false),
    ("prefecture@cordon.test", "Nadia Benali", Some(1), MembershipRole::Admin, false),
    ("commissariat@cordon.test", "Commandant Marc Lefèvre", Some(2), MembershipRole::Admin, false),
    ("police-municipale@cordon.test", "Sophie Garnier", Some(3), MembershipRole::Admin, false),
    ("securite@cordon.test", "Karim Haddad", Some(4), MembershipRole::Admin, false),
];

/// (name, kind, commune, CNAPS authorisation, department, SIRET); the SIRETs are fictional
/// (valid checksums, no real establishment meant).
pub(crate) const ORGANISATIONS: [(&str, &str, &str, &str, &str, &str); 6] = [
    ("Comité des fêtes de Martigues", "organisateur", "", "", "", "12345678200010"),
    ("Préfecture des Bouches-du-Rhône", "prefecture", "", "", "13", ""),
    ("Commissariat de police de Martigues", "police_nationale", "", "", "", "98765432400019"),
    ("Police municipale de Martigues", "police_municipale", "13056", "", "", ""),
    ("Provence Sécurité Événements", "securite_privee", "", "AUT-013-2118-05-12-20190412345", "", ""),
    ("Azur Protection Services", "securite_privee", "", "AUT-013-2121-03-02-20210098765", "", ""),
];

/// Loads the demo unless the database already has accounts. Returns whether it loaded.
pub async fn load_if_empty(db: &Db, now: Instant) -> anyhow::Result<bool> {
    if store::users::count(db).await? > 0 {
        return Ok(false);
    }
    let mut organisation_ids = Vec::new();
    for (name, kind, commune, cnaps, department, siret) in ORGANISATIONS {
        let profile = OrganisationProfile::parse(name, kind, commune, cnaps, department)
            .and_then(|profile| profile.with_siret(siret))
            .map_err(|e| anyhow::anyhow!("demo organisation {name}: {e}"))?;
        organisation_ids.push(store::organisations::create(db, &profile, now).await?);
    }
    let hash = hash_password_now(DEMO_PASSWORD).map_err(anyhow::Error::msg)?;
    for (email, name, organisation, role, platform_admin) in DEMO_ACCOUNTS {
        let email = Email::parse(email).map_err(anyhow::Error::msg)?;
        let name = PersonName::parse(name).map_err(anyhow::Error::msg)?;
        let user_id = store::users::create(db, &email, &name, &hash, platform_admin, now).await?;
        if let Some(index) = organisation {
            store::organisations::add_member(db, &user_id, &organisation_ids[index], role, now).await?;
            // The prefecture's demo instructor signs for the prefect by délégation.
            if ORGANISATIONS[index].1 == "prefecture" {
                let delegation = app::domain::organisation::SignatureDelegation {
                    arrete: "13-2026-09-01-00012".into(),
                    date: chrono::NaiveDate::from_ymd_opt(2026, 9, 1).expect("a real date"),
                };
                store::organisations::set_delegation(
                    db,
                    &user_id,
                    &organisation_ids[index],
                    Some(&delegation),
                    ("démonstration", now),
                )
                .await?;
            }
        }
    }
    let org = |i: usize| (organisation_ids[i].clone(), ORGANISATIONS[i].0.to_string());
    let organisations = crate::demo_event::DemoOrganisations {
        organiser: org(0),
        prefecture: org(1),
        police: org(2),
        municipal: org(3),
        provence: org(4),
        azur: org(5),
    };
    crate::demo_event::load(db, &organisations, now).await?;
    Ok(true)
}

/// The lines `make run` prints so that a newcomer can sign in.
pub fn accounts_banner(base_url: &str) -> String {
    let mut out = format!("\nCordon — comptes de démonstration (mot de passe commun : {DEMO_PASSWORD})\n");
    for (email, name, organisation, _, admin) in DEMO_ACCOUNTS {
        let what = match (organisation, admin) {
            (_, true) => "administratrice de la plateforme".to_string(),
            (Some(i), _) => ORGANISATIONS[i].0.to_string(),
            (None, false) => String::new(),
        };
        out.push_str(&format!("  {email:<32} {name} — {what}\n"));
    }
    out.push_str(&format!("Ouvrez {base_url}/connexion\n"));
    out
}
