//! Tests of the agents CSV import with rows as a security company's spreadsheet exports them.

use super::{parse_agents_csv, CsvImport};
use crate::domain::plan::Qualification;
use crate::domain::time::Instant;

const GARONNE_SECURITE: &str = "1062a11c-5b60-4e5f-97a0-cab6178c6258";

/// Reads `text` for Garonne Sécurité, numbering new agents 1, 2, 3…
fn import(text: &str) -> CsvImport {
    let mut next = 0;
    let mut next_id = || {
        next += 1;
        format!("00000000-0000-4000-8000-{next:012}")
    };
    parse_agents_csv(text, GARONNE_SECURITE, &mut next_id)
}

/// Each row as its line and either the agent's name or its errors.
fn outcome(import: &CsvImport) -> Vec<(usize, Result<String, Vec<String>>)> {
    let name = |agent: &crate::domain::plan::Agent| agent.display_name().to_string();
    import.rows.iter().map(|row| (row.line, row.result.as_ref().map(name).map_err(Clone::clone))).collect()
}

#[test]
fn a_semicolon_file_from_a_spreadsheet_with_bom_and_crlf_gives_its_agents() {
    let text = "\u{feff}nom;carte_professionnelle;expiration;qualifications\r\n\
                Nadia B.;CAR-047-2029-04-12-20240012345;12/04/2029;CQP APS|palpation\r\n\
                Karim T.;car-047-2028-11-30-20230067890;2028-11-30;cqp_aps | Palpation de sécurité | CHEF D’ÉQUIPE\r\n\
                Sylvie M.;;;SSIAP 1|secouriste\r\n";
    let read = import(text);
    assert!(read.is_clean(), "{read:?}");
    let agents: Vec<_> = read.agents().collect();
    assert_eq!(agents.len(), 3);
    assert_eq!(agents[0].id(), "00000000-0000-4000-8000-000000000001");
    assert_eq!(agents[0].participant_id(), GARONNE_SECURITE);
    assert_eq!(agents[0].qualifications(), &[Qualification::CqpAps, Qualification::Palpation].into());
    // Valid through 12 April 2029 in Paris: midnight starting the 13th, 22:00 UTC in summer.
    assert_eq!(agents[0].cnaps_card().unwrap().expires(), Instant(1_870_725_600_000));
    assert_eq!(agents[1].cnaps_card().unwrap().number(), "CAR-047-2028-11-30-20230067890");
    // Through 30 November 2028: midnight starting 1 December, 23:00 UTC in winter.
    assert_eq!(agents[1].cnaps_card().unwrap().expires(), Instant(1_859_238_000_000));
    assert_eq!(
        agents[1].qualifications(),
        &[Qualification::CqpAps, Qualification::Palpation, Qualification::ChefEquipe].into()
    );
    assert_eq!(agents[2].cnaps_card(), None);
    assert_eq!(agents[2].qualifications(), &[Qualification::Ssiap1, Qualification::Secouriste].into());
}

#[test]
fn rows_with_errors_list_them_all_while_the_valid_rows_still_parse() {
    let text = "nom;carte_professionnelle;expiration;qualifications\n\
                Nadia B.;CAR-047-2029-04-12-20240012345;12/04/2029;palpation\n\
                ;CAR-047-2027-01-15-20220011111;15/01/2027;cqp_aps\n\
                Julien R.;CAR-047-2027-02-31-20220022222;31/02/2027;maître-chien|cqp_aps\n\
                \n\
                Léa G.;CAR-047-2030-06-01-20250033333;2030-06-01;chef d'équipe\n\
                Marc D.;CAR 047;;cqp_aps\n";
    let read = import(text);
    assert!(!read.is_clean());
    assert_eq!(
        outcome(&read),
        vec![
            (2, Ok("Nadia B.".to_string())),
            (3, Err(vec!["nom : Ce champ est obligatoire.".to_string()])),
            (
                4,
                Err(vec![
                    "expiration : date invalide « 31/02/2027 » (JJ/MM/AAAA ou AAAA-MM-JJ attendu).".to_string(),
                    "qualifications : qualification inconnue « maître-chien » (codes acceptés : cqp_aps, palpation, \
                     ssiap1, ssiap2, ssiap3, cynophile, chef_equipe, secouriste, agrement_l613_3)."
                        .to_string(),
                ])
            ),
            (6, Ok("Léa G.".to_string())),
            (
                7,
                Err(vec![
                    "expiration : obligatoire quand une carte professionnelle est donnée.".to_string(),
                    "carte_professionnelle : Numéro de carte professionnelle CNAPS invalide.".to_string(),
                ])
            ),
        ]
    );
    let ids: Vec<_> = read.agents().map(|agent| agent.id().to_string()).collect();
    assert_eq!(ids, ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"]);
}

#[test]
fn a_comma_file_with_quoted_names_and_columns_in_another_order_reads_the_same() {
    let text = "Qualifications,Nom,Expiration,Carte_Professionnelle\n\
                \"cqp_aps|palpation\",\"Benali, Nadia \"\"Nad\"\"\",12/04/2029,CAR-047-2029-04-12-20240012345\n";
    let read = import(text);
    assert!(read.is_clean(), "{read:?}");
    let agent = read.agents().next().unwrap();
    assert_eq!(agent.display_name(), "Benali, Nadia \"Nad\"");
    assert_eq!(agent.cnaps_card().unwrap().number(), "CAR-047-2029-04-12-20240012345");
}

#[test]
fn the_same_card_on_two_rows_and_a_row_with_a_missing_field_are_refused() {
    let text = "nom;carte_professionnelle;expiration;qualifications\n\
                Nadia B.;CAR-047-2029-04-12-20240012345;12/04/2029;palpation\n\
                Nadia Benali;car-047-2029-04-12-20240012345;12/04/2029;palpation\n\
                Karim T.;CAR-047-2028-11-30-20230067890;30/11/2028\n\
                Paul V.;;30/11/2028;\n";
    assert_eq!(
        outcome(&import(text)),
        vec![
            (2, Ok("Nadia B.".to_string())),
            (3, Err(vec!["carte_professionnelle : même numéro de carte qu'à la ligne 2.".to_string()])),
            (4, Err(vec!["La ligne compte 3 champs au lieu de 4.".to_string()])),
            (5, Err(vec!["expiration : une date d'expiration est donnée sans carte professionnelle.".to_string()])),
        ]
    );
}

#[test]
fn a_wrong_header_or_an_empty_file_refuses_the_whole_file() {
    let wrong = import("name;card;expiration;qualifications\nNadia B.;;;\n");
    assert_eq!(
        wrong.file_errors,
        vec![
            "Colonne inconnue « name » : l'en-tête attendu est « nom;carte_professionnelle;expiration;qualifications ».",
            "Colonne inconnue « card » : l'en-tête attendu est « nom;carte_professionnelle;expiration;qualifications ».",
            "Colonne « nom » absente de l'en-tête « nom;carte_professionnelle;expiration;qualifications ».",
            "Colonne « carte_professionnelle » absente de l'en-tête « nom;carte_professionnelle;expiration;qualifications ».",
        ]
    );
    assert!(wrong.rows.is_empty());
    assert_eq!(
        import("\u{feff}\r\n").file_errors,
        vec!["Le fichier est vide : la première ligne doit être l'en-tête « nom;carte_professionnelle;expiration;qualifications »."]
    );
}

#[test]
fn an_unclosed_quote_spoils_only_its_row_and_a_bad_participant_the_whole_file() {
    let read = import("nom;carte_professionnelle;expiration;qualifications\nNadia B.;;;\n\"Karim T.;;;\n");
    assert_eq!(
        outcome(&read),
        vec![
            (2, Ok("Nadia B.".to_string())),
            (3, Err(vec!["Guillemet ouvert mais jamais refermé : la ligne est mal formée.".to_string()])),
        ]
    );
    let mut never = || -> String { unreachable!("no id is needed") };
    let refused = parse_agents_csv("nom;carte_professionnelle;expiration;qualifications\n", "garonne", &mut never);
    assert_eq!(refused.file_errors, vec!["Identifiant de participant invalide : un UUID est attendu."]);
}
