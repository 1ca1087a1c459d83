//! The fixed sentences of the event convention (a short-term CLCS). The generated parts are
//! assembled in `domain::document`; what a department wants to add goes in its template
//! clauses, not here.

pub const TITLE: &str = "Convention locale de coopération de sécurité";
pub const REPUBLIC: &str = "RÉPUBLIQUE FRANÇAISE";
pub const MOTTO: &str = "Liberté • Égalité • Fraternité";
pub const LEGAL_BASIS: &str = "Établie sur le modèle des conventions locales de coopération de sécurité \
(circulaire du ministre de l’intérieur du 5 janvier 2016), adapté à un événement temporaire.";
pub const PRINCIPLE: &str = "chacun agissant dans le cadre strict de ses missions et de ses attributions";

pub const ARTICLE: &str = "Article";
pub const TEMPLATE_CLAUSE: &str = "Clause particulière du département";
pub const REFERENCE: &str = "Référence";
pub const RELEASE_VERSION: &str = "Version du plan";
pub const RELEASE_SHA256: &str = "SHA-256 de la version";
pub const PAGE: &str = "Page";

// Parties
pub const PARTIES_INTRO: &str = "La présente convention est conclue entre :";
pub const PROSECUTOR: &str = "Le procureur de la République près le tribunal judiciaire territorialement compétent \
est destinataire de la présente convention pour information.";
pub const OTHERS_INTRO: &str = "Concourent également à la sécurité de l’événement, sans être signataires :";
pub const NO_STATE_FORCE: &str = "Aucune force de sécurité de l’État n’est encore inscrite au plan : le service \
territorialement compétent (police nationale ou gendarmerie nationale) est désigné par le préfet.";
pub const NO_PROVIDER: &str = "Aucun prestataire de sécurité privée n’est inscrit au plan.";

// Purpose
pub const PURPOSE_PRINCIPLE: &str = "Elle organise des coopérations opérationnelles pertinentes et pragmatiques \
entre les forces de sécurité de l’État, la police municipale et les acteurs privés de la sécurité, chacun \
agissant dans le cadre strict de ses missions et de ses attributions. Elle ne confère à aucun agent privé de \
sécurité une prérogative de police.";

// Perimeter and duration
pub const ZONES_HEADER: [&str; 3] = ["Zone", "Nature", "Adresse"];
pub const NO_ZONE: &str = "Aucune zone n’est définie au plan.";
pub const MAP_TITLE: &str = "Plan des zones délimitées";
/// The caption under the map: "Plan des zones délimitées : 1 Entrée Nord ; 3 Quai Brescon (voie publique)."
pub fn map_legend(entries: &[(usize, &str, bool)]) -> String {
    let items: Vec<String> = entries
        .iter()
        .map(|(n, name, road)| if *road { format!("{n} {name} (voie publique)") } else { format!("{n} {name}") })
        .collect();
    format!("{MAP_TITLE} (nord en haut ; les numéros sont ceux de la liste des zones) : {}.", items.join(" ; "))
}
pub const PUBLIC_ROAD_NOTE: &str = "Sur la voie publique, les agents privés de sécurité n’interviennent qu’avec \
l’autorisation du préfet prévue à l’article L613-1 du code de la sécurité intérieure.";

// Axis 1
pub const RISK_NOT_FILLED: &str = "L’évaluation partagée des risques n’a pas encore été renseignée : elle est \
établie conjointement par l’organisateur et les forces de sécurité avant la signature.";

// Axis 2
pub const DEPLOYMENTS_HEADER: [&str; 5] = ["Acteur", "Horaires", "Effectif", "Mission", "Contact radio"];
pub const NO_DEPLOYMENT: &str = "Aucun dispositif n’est encore prévu dans cette zone.";
pub const RESTRICTED_ROW: &str = "Dispositif à diffusion restreinte";
pub const RESTRICTED_NOTE: &str = "Les dispositifs des forces de sécurité de l’État marqués « diffusion restreinte » \
ne sont mentionnés que par leur acteur et leur zone ; leurs horaires, effectifs et missions sont communiqués aux \
seules forces de l’État et à la préfecture.";

// Axis 3
pub const COMMITMENTS: [&str; 5] = [
    "réunir tous les agents avant leur prise de poste pour un briefing présentant le dispositif, les consignes, \
les contacts et la procédure d’alerte de la présente convention ;",
    "n’employer que des agents titulaires d’une carte professionnelle délivrée par le CNAPS en cours de validité, \
qu’ils portent sur eux pendant toute la durée de leur mission, et justifier de l’autorisation d’exercer de \
l’entreprise ;",
    "doter chaque agent d’une tenue distinctive, d’un moyen de liaison avec le poste de commandement et du matériel \
nécessaire à sa mission ;",
    "n’effectuer d’inspection visuelle ou de fouille des bagages et de palpation de sécurité que dans les conditions \
des articles L613-2 et L613-3 du code de la sécurité intérieure (consentement, agent du même sexe pour la \
palpation) ;",
    "signaler sans délai aux forces de sécurité de l’État tout fait susceptible de constituer une infraction et \
tout risque imminent.",
];
pub const COMMITMENTS_INTRO: &str = "L’organisateur, donneur d’ordre, et les prestataires de sécurité privée \
s’approprient la présente convention et s’engagent à :";
pub const PROVIDERS_HEADER: [&str; 3] = ["Prestataire", "Autorisation CNAPS", "Agents nommés au plan"];

// Axis 4
pub const COMMAND_POST_NONE: &str = "Aucune zone « poste de commandement » n’est définie au plan : l’organisateur \
en désigne une avant l’événement.";
pub const CONTACTS_HEADER: [&str; 4] = ["Acteur", "Rôle", "Contact", "Téléphone"];
pub const NOT_GIVEN: &str = "non renseigné";
pub const DEFAULT_ALERT: &str = "Tout agent témoin d’un risque imminent alerte immédiatement le poste de \
commandement, qui prévient sans délai les forces de sécurité de l’État (17 ou 112) et les secours (18 ou 112) \
et relaie l’alerte à tous les acteurs sur les canaux radio ci-dessus.";
pub const ALERT_INTRO: &str = "Procédure d’alerte en cas de risque imminent :";
pub const NO_RADIO: &str = "Aucun canal radio n’est indiqué au plan.";

// Axis 5
/// How the parties contribute to the evaluation (the event's « Évaluation » page).
pub fn evaluation_contributions(deadline: &str) -> String {
    format!(
        "Chaque partie y contribue dans Cordon, sur la page « Évaluation » de l’événement, au plus tard le {deadline} \
         sauf échéance différente fixée par la préfecture : effectif présent au regard de l’effectif prévu, incidents, \
         difficultés et propositions. L’organisateur et la préfecture y rédigent le bilan d’ensemble ; la préfecture \
         clôt l’évaluation."
    )
}
pub const INDICATORS_INTRO: &str = "Le bilan s’appuie notamment sur les indicateurs suivants :";
pub const INDICATORS: [&str; 5] = [
    "faits signalés aux forces de sécurité de l’État et suites données ;",
    "délai entre le signalement d’un risque et l’alerte de tous les acteurs ;",
    "interventions des secours et évacuations ;",
    "écarts entre les effectifs prévus au plan et les effectifs présents ;",
    "points d’attention de l’annexe traités ou restant à traiter.",
];
pub const ADAPTATION: &str = "Les parties adaptent la convention aux enseignements du bilan pour les éditions \
suivantes de l’événement.";

// Non-redundancy
pub const NO_REDUNDANCY: &str = "La présente convention est conclue sans redondance avec les conventions en cours \
de validité, notamment les conventions de coordination entre la police municipale et les forces de sécurité de \
l’État (articles L512-4 à L512-7 du code de la sécurité intérieure).";
pub const CONVENTIONS_CITED: &str = "Elle s’applique sans préjudice des conventions suivantes, auxquelles elle \
renvoie pour ce qu’elles prévoient :";
pub const NO_CONVENTION_KNOWN: &str = "Aucune autre convention en vigueur n’est connue sur le périmètre pendant \
l’événement.";

// Signatures
pub const SIGNATURES: &str = "Signatures";
pub const SIGNED_AT: &str = "Fait à";
pub const SIGNATURE_FIELDS: &str = "Nom, qualité, date et signature :";
/// What each party signs for: the articles that commit it (1 parties, 2 object, 3 perimeter,
/// 4 risks, 5 operational cooperation and police powers, 6 commitments, 7 information and
/// alert, 8 evaluation, 9 conventions in force).
pub const COMMITS_PREFECT: &str =
    "Signe pour : l’approbation de la convention, le concours des services de l’État et l’évaluation (articles 5 et 8).";
pub const COMMITS_MAYOR: &str =
    "Signe pour : ses pouvoirs de police et l’engagement de la police municipale (article 5).";
pub const COMMITS_ORGANISER: &str = "Signe pour : le dispositif de la manifestation, l’évaluation des risques et \
les engagements de l’organisateur (articles 3, 4 et 6).";
pub const COMMITS_PROVIDER: &str =
    "Signe pour : les missions et les agents de sa société, et leurs engagements (articles 5 et 6).";
pub const COMMITS_STATE_FORCES: &str =
    "Signe pour : le concours des forces de sécurité de l’État et l’échange d’informations (articles 5 et 7).";
/// The prefect's box on an approved copy: who approved in Cordon, and when.
pub fn signed_in_cordon(name: &str, role: &str, date: &str) -> String {
    format!("Signé dans Cordon par {name}, {role}, le {date} (approbation).")
}

// Annex
pub const ANNEX_TITLE: &str = "Annexe — Points d’attention du contrôle de conformité";
pub const ANNEX_INTRO: &str = "Points relevés sur la version du plan à la date d’établissement du document, \
à traiter avant la signature ou à suivre pendant l’événement.";
pub const ANNEX_EMPTY: &str = "Aucun point d’attention n’a été relevé.";
pub const ANNEX_HEADER: [&str; 4] = ["Niveau", "Constat", "Référence", "Correction"];
pub const ANNEX_ATTACHMENTS_TITLE: &str = "Annexe — Pièces jointes au dossier";
pub const ANNEX_ATTACHMENTS_INTRO: &str =
    "Pièces jointes par l’organisateur au dossier de la convention ; l’empreinte SHA-256 identifie chaque fichier.";
pub const ANNEX_ATTACHMENTS_HEADER: [&str; 4] = ["Nature", "Fichier", "Taille", "Empreinte SHA-256"];

// Stamp
pub const STAMP_TITLE: &str = "CONVENTION APPROUVÉE";

/// The texts every convention applies, as « Vu » visas (the orders and conventions in force
/// are added after them, with their numbers and dates).
pub const VISAS: &[&str] = &[
    "Vu le code de la sécurité intérieure, notamment ses articles L211-11, L226-1, L512-1 à L512-6, L611-1, \
L612-25 et L613-1 à L613-3 ;",
    "Vu le code général des collectivités territoriales, notamment ses articles L2212-2 et L2214-4 ;",
    "Vu le code de procédure pénale, notamment son article 21 ;",
    "Vu la circulaire du ministre de l’Intérieur du 5 janvier 2016 relative aux conventions locales de coopération \
de sécurité ;",
];

/// Who keeps order in a commune under the State police regime (CGCT L2214-4 al. 1 to 3): the
/// State at occasional large gatherings, the maire at fairs, markets, public rejoicings and
/// spectacles; `mayors_order` when this event is a fair, a market or a fête.
pub fn police_order_state(commune: &str, mayors_order: bool) -> String {
    let this_event = if mayors_order {
        "cette manifestation étant une fête, une foire ou un marché, le maintien du bon ordre y relève du maire"
    } else {
        "l’État a la charge du bon ordre de cette manifestation si elle constitue un grand rassemblement occasionnel"
    };
    format!(
        "{commune} relevant du régime de la police d’État, l’État y réprime les atteintes à la tranquillité \
         publique et a la charge du bon ordre lors des grands rassemblements occasionnels, le maire y conservant le \
         maintien du bon ordre dans les foires, marchés, réjouissances et cérémonies publiques et spectacles \
         (article L2214-4 du même code) ; {this_event}"
    )
}

/// The same in a gendarmerie zone.
pub fn police_order_gendarmerie(commune: &str) -> String {
    format!(
        "{commune} étant en zone de gendarmerie, le maire y exerce l’ensemble de ses pouvoirs de police et la \
         gendarmerie nationale y concourt pour l’État"
    )
}

/// The same when the commune's regime is not stated: both cases.
pub const POLICE_ORDER_UNSTATED: &str = "le régime de police de la commune n’étant pas renseigné : dans une commune \
placée sous le régime de la police d’État, l’État a la charge du bon ordre lors des grands rassemblements \
occasionnels, le maire conservant celui des foires, marchés, réjouissances publiques et spectacles (article L2214-4 \
du même code) ; en zone de gendarmerie, le maire exerce l’ensemble de ses pouvoirs de police et la gendarmerie y \
concourt";

/// Which authority holds which police power at the event (Article 5), `order` saying who keeps
/// order at this gathering (one of the three above).
pub fn police_powers(order: &str) -> String {
    format!(
        "Le maire exerce la police administrative générale sur le territoire de la commune (article L2212-2 du code \
         général des collectivités territoriales) ; {order}. La police judiciaire est exercée par les officiers et \
         agents de police judiciaire de la police et de la gendarmerie nationales ; les agents de police municipale \
         sont agents de police judiciaire adjoints (article 21 du code de procédure pénale). Aucune mission de \
         maintien de l’ordre n’est confiée à la police municipale ni aux agents privés de sécurité, et la fouille des \
         véhicules revient aux forces de l’État."
    )
}

/// The 06:00–23:00 limit without a coordination convention (L512-6).
pub const MUNICIPAL_NIGHT_LIMIT: &str = "Faute de convention de coordination en vigueur, la police municipale \
n’intervient qu’entre 6 heures et 23 heures, hors gardes statiques des bâtiments communaux et surveillance des \
cérémonies, fêtes et réjouissances organisées par la commune (article L512-6 du code de la sécurité intérieure).";

/// The same, for an event the commune organises.
pub const MUNICIPAL_NIGHT_COMMUNE_EVENT: &str = "Faute de convention de coordination en vigueur, la police \
municipale n’intervient en principe qu’entre 6 heures et 23 heures ; la manifestation étant organisée par la \
commune, sa police municipale peut en assurer la surveillance au-delà (article L512-6 du code de la sécurité \
intérieure).";

/// The personal-data clause of the information exchange (Article 7).
pub const PERSONAL_DATA: &str = "Les informations échangées en application de la présente convention, dont les \
noms, qualifications et numéros de carte professionnelle des agents, ne sont utilisées que pour la sécurité de \
l’événement. Chaque partie n’en communique à une autre que ce dont celle-ci a besoin, les conserve au plus le temps \
de l’évaluation prévue à l’article 8, et répond de leur traitement conformément au règlement (UE) 2016/679 et à la \
loi n° 78-17 du 6 janvier 1978 ; les détails d’emploi des forces de l’État ne sont communiqués qu’aux forces de \
l’État et à la préfecture.";
