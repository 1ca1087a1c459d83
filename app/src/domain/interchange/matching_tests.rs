//! Recognising the example file's organisations in another database.

use super::fixtures::EXAMPLE;
use super::{import_plan_file, match_organisations, with_local_organisations, MatchedBy, PlanFile};
use crate::domain::organisation::{IdentityKey, OrganisationIdentity, OrganisationKind};

fn file() -> PlanFile {
    import_plan_file(EXAMPLE.as_bytes()).unwrap()
}

fn org(id: &str, name: &str, kind: OrganisationKind) -> OrganisationIdentity {
    OrganisationIdentity {
        id: format!("f0000000-0000-4000-8000-{id:0>12}"),
        name: name.into(),
        kind,
        siret: None,
        cnaps_authorisation: None,
        commune_code: None,
        department: None,
    }
}

/// Another Cordon's organisations: the same three under other ids, and a decoy of each kind.
fn elsewhere() -> Vec<OrganisationIdentity> {
    use OrganisationKind::*;
    vec![
        OrganisationIdentity { siret: Some("98765432400035".into()), ..org("1", "Comité des fêtes", Organisateur) },
        OrganisationIdentity { siret: Some("12345678200010".into()), ..org("2", "Autre comité", Organisateur) },
        OrganisationIdentity {
            commune_code: Some("47323".into()),
            department: Some("47".into()),
            ..org("3", "PM Villeneuve", PoliceMunicipale)
        },
        OrganisationIdentity { commune_code: Some("47001".into()), ..org("4", "PM Agen", PoliceMunicipale) },
        OrganisationIdentity {
            cnaps_authorisation: Some("AUT-047-2118-05-12-20190412345".into()),
            ..org("5", "Garonne Sécurité SAS", SecuritePrivee)
        },
    ]
}

#[test]
fn each_organisation_is_recognised_by_the_number_its_kind_is_known_by() {
    let file = file();
    let matches = match_organisations(&file.plan, &file.organisations, &elsewhere()).unwrap();
    let found: Vec<(&str, &str, MatchedBy)> =
        matches.iter().map(|m| (m.file_name.as_str(), m.local_name.as_str(), m.by)).collect();
    assert_eq!(
        found,
        vec![
            ("Comité des fêtes de Villeneuve", "Comité des fêtes", MatchedBy::Key(IdentityKey::Siret)),
            ("Police municipale de Villeneuve-sur-Lot", "PM Villeneuve", MatchedBy::Key(IdentityKey::Commune)),
            ("Garonne Sécurité", "Garonne Sécurité SAS", MatchedBy::Key(IdentityKey::Cnaps)),
        ]
    );
    assert_eq!(
        matches[2].describe(),
        "« Garonne Sécurité » (Sécurité privée) → « Garonne Sécurité SAS », reconnue par l’autorisation CNAPS \
         AUT-047-2118-05-12-20190412345"
    );
    let plan = with_local_organisations(file.plan, &matches).unwrap();
    let mut organisations: Vec<&str> = plan.participants.iter().map(|p| p.organisation_id()).collect();
    organisations.sort();
    assert_eq!(
        organisations,
        [
            "f0000000-0000-4000-8000-000000000001",
            "f0000000-0000-4000-8000-000000000003",
            "f0000000-0000-4000-8000-000000000005"
        ]
    );
}

#[test]
fn in_the_database_it_came_from_an_organisation_is_recognised_by_its_id() {
    let file = file();
    let here = file.organisations.clone();
    let matches = match_organisations(&file.plan, &file.organisations, &here).unwrap();
    assert!(matches.iter().all(|m| m.by == MatchedBy::SameId && m.local_id == m.file_id));
}

#[test]
fn a_company_whose_authorisation_is_unknown_here_is_recognised_by_its_siret() {
    let mut file = file();
    let company = file.organisations.iter_mut().find(|o| o.kind == OrganisationKind::SecuritePrivee).unwrap();
    company.cnaps_authorisation = Some("AUT-047-2200-01-01-20220000001".into());
    company.siret = Some("12345678200010".into());
    let mut local = elsewhere();
    local[4].siret = Some("12345678200010".into());
    let matches = match_organisations(&file.plan, &file.organisations, &local).unwrap();
    assert_eq!(matches[2].by, MatchedBy::Key(IdentityKey::Siret));
}

#[test]
fn an_organisation_no_one_here_has_is_refused_naming_the_numbers_tried_and_nothing_is_created() {
    let file = file();
    let mut local = elsewhere();
    local.retain(|o| o.kind != OrganisationKind::SecuritePrivee);
    // Same number, another kind: not the same organisation.
    local.push(OrganisationIdentity {
        cnaps_authorisation: Some("AUT-047-2118-05-12-20190412345".into()),
        ..org("9", "Garonne Sécurité (comité)", OrganisationKind::Organisateur)
    });
    let errors = match_organisations(&file.plan, &file.organisations, &local).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "$.organisations[2]");
    assert_eq!(
        errors[0].message,
        "« Garonne Sécurité » (Sécurité privée) : aucune organisation de cette base n’a l’autorisation CNAPS \
         AUT-047-2118-05-12-20190412345. Un import ne crée jamais d’organisation : faites-la créer (ou complétez son \
         numéro), puis recommencez."
    );
}

#[test]
fn an_organisation_the_file_gives_no_number_for_is_refused() {
    let mut file = file();
    file.organisations[0].siret = None;
    let errors = match_organisations(&file.plan, &file.organisations, &elsewhere()).unwrap_err();
    assert_eq!(errors[0].path, "$.organisations[0]");
    assert!(errors[0].message.starts_with("« Comité des fêtes de Villeneuve » : le fichier n’indique pas le SIRET"));
}

#[test]
fn two_organisations_sharing_a_number_here_are_not_guessed_between() {
    let file = file();
    let mut local = elsewhere();
    local[1].siret = Some("98765432400035".into());
    let errors = match_organisations(&file.plan, &file.organisations, &local).unwrap_err();
    assert_eq!(
        errors[0].message,
        "« Comité des fêtes de Villeneuve » : plusieurs organisations de cette base ont le SIRET 98765432400035 \
         (« Comité des fêtes », « Autre comité ») ; l’import ne peut choisir."
    );
}

#[test]
fn a_listed_organisation_no_participant_stands_for_is_not_looked_for() {
    let mut file = file();
    let mut stray = org("8", "Inconnue", OrganisationKind::Autre);
    stray.id = "0a000000-0000-4000-8000-000000000008".into();
    file.organisations.push(stray);
    assert_eq!(match_organisations(&file.plan, &file.organisations, &elsewhere()).unwrap().len(), 3);
}
