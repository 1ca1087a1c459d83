//! The official list of communes (INSEE codes and names) and of the intercommunalities
//! (EPCI à fiscalité propre) they belong to, as shipped by the npm package
//! `@etalab/decoupage-administratif`. Parsed from the package's `communes.json` and `epci.json`
//! texts; reading the files is the server's business.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::geo::{CommuneCode, Department};

/// One commune of the official list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commune {
    pub code: CommuneCode,
    pub name: String,
    pub department: Department,
}

/// The communes where an event can take place: current communes and the municipal
/// arrondissements of Paris, Lyon and Marseille (not former, delegated or associated ones).
#[derive(Debug, Clone, Default)]
pub struct CommuneRegistry {
    by_code: HashMap<String, Commune>,
    /// The name of the EPCI à fiscalité propre of each member commune, by INSEE code.
    epci_by_commune: HashMap<String, String>,
}

#[derive(Deserialize)]
struct EtalabEpci {
    nom: String,
    membres: Vec<EtalabMember>,
}

#[derive(Deserialize)]
struct EtalabMember {
    code: String,
}

#[derive(Deserialize)]
struct EtalabCommune {
    code: String,
    nom: String,
    #[serde(rename = "type")]
    kind: String,
}

impl CommuneRegistry {
    /// Reads the package's `communes.json`.
    pub fn from_etalab_json(text: &str) -> Result<Self, String> {
        let rows: Vec<EtalabCommune> = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut by_code = HashMap::with_capacity(rows.len());
        for row in rows {
            if row.kind != "commune-actuelle" && row.kind != "arrondissement-municipal" {
                continue;
            }
            let Some(code) = CommuneCode::parse(&row.code) else { continue };
            let Some(department) = code.department() else { continue };
            by_code.insert(code.as_str().to_string(), Commune { code, name: row.nom, department });
        }
        if by_code.is_empty() {
            return Err("the commune list is empty".into());
        }
        Ok(CommuneRegistry { by_code, epci_by_commune: HashMap::new() })
    }

    /// The registry with the intercommunalities of the package's `epci.json`.
    pub fn with_etalab_epci_json(mut self, text: &str) -> Result<Self, String> {
        let rows: Vec<EtalabEpci> = serde_json::from_str(text).map_err(|e| e.to_string())?;
        for epci in rows {
            for member in epci.membres {
                self.epci_by_commune.insert(member.code, epci.nom.clone());
            }
        }
        Ok(self)
    }

    /// The name of the intercommunality (EPCI à fiscalité propre) `code` belongs to, if known.
    pub fn intercommunality(&self, code: &str) -> Option<&str> {
        self.epci_by_commune.get(code.trim().to_uppercase().as_str()).map(String::as_str)
    }

    /// The intercommunality of each commune in `codes` that has one, as the compliance checks
    /// take it (`ComplianceContext::intercommunalities`).
    pub fn intercommunalities<'a>(&self, codes: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
        codes
            .into_iter()
            .filter_map(|code| self.intercommunality(code).map(|name| (code.to_string(), name.to_string())))
            .collect()
    }

    /// The commune with this INSEE code, if it exists today.
    pub fn find(&self, code: &str) -> Option<&Commune> {
        self.by_code.get(code.trim().to_uppercase().as_str())
    }

    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"[
        {"code": "13056", "nom": "Martigues", "departement": "13", "type": "commune-actuelle"},
        {"code": "13201", "nom": "Marseille 1er Arrondissement", "departement": "13", "type": "arrondissement-municipal"},
        {"code": "01015", "nom": "Arbignieu", "departement": "01", "type": "commune-deleguee"},
        {"code": "97411", "nom": "Saint-Denis", "departement": "974", "type": "commune-actuelle"},
        {"code": "2A004", "nom": "Ajaccio", "departement": "2A", "type": "commune-actuelle"}
    ]"#;

    #[test]
    fn a_commune_knows_its_intercommunality_from_the_packages_epci_list() {
        let epci = r#"[{"code": "200054807", "nom": "Métropole d'Aix-Marseille-Provence", "type": "METRO",
            "membres": [{"code": "13056", "nom": "Martigues"}, {"code": "13077", "nom": "Port-de-Bouc"}]}]"#;
        let registry = CommuneRegistry::from_etalab_json(SAMPLE).unwrap().with_etalab_epci_json(epci).unwrap();
        assert_eq!(registry.intercommunality("13056"), Some("Métropole d'Aix-Marseille-Provence"));
        assert_eq!(registry.intercommunality("97411"), None);
        let known = registry.intercommunalities(["13056", "97411"]);
        assert_eq!(known.keys().collect::<Vec<_>>(), vec!["13056"]);
        assert!(CommuneRegistry::default().with_etalab_epci_json("{}").is_err());
    }

    #[test]
    fn current_communes_and_arrondissements_are_known_with_their_department() {
        let registry = CommuneRegistry::from_etalab_json(SAMPLE).unwrap();
        assert_eq!(registry.len(), 4);
        let martigues = registry.find("13056").unwrap();
        assert_eq!((martigues.name.as_str(), martigues.department.as_str()), ("Martigues", "13"));
        assert_eq!(registry.find("97411").unwrap().department.as_str(), "974");
        assert_eq!(registry.find("2a004").unwrap().name, "Ajaccio");
        assert!(registry.find("13201").is_some());
    }

    #[test]
    fn a_delegated_commune_or_an_unknown_code_is_not_a_place_for_an_event() {
        let registry = CommuneRegistry::from_etalab_json(SAMPLE).unwrap();
        assert!(registry.find("01015").is_none());
        assert!(registry.find("13999").is_none());
    }

    #[test]
    fn a_file_that_is_not_the_list_is_refused() {
        assert!(CommuneRegistry::from_etalab_json("{}").is_err());
        assert!(CommuneRegistry::from_etalab_json("[]").is_err());
    }
}
