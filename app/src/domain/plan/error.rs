//! Why a piece of a plan was refused. Each variant reads as a French message shown next to
//! the field in forms and after the JSON path in import reports.

use thiserror::Error;

/// Everything the planning domain can refuse, with the French sentence a person reads.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlanError {
    #[error("La fin doit être postérieure au début.")]
    WindowEndNotAfterStart,
    #[error("Une plage horaire ne peut pas dépasser 31 jours.")]
    WindowTooLong,
    #[error("Cette heure n'existe pas ce jour-là (passage à l'heure d'été).")]
    LocalTimeSkipped,
    #[error("Fuseau horaire inconnu : « {0} ».")]
    UnknownTimeZone(String),
    #[error("Identifiant invalide : un UUID est attendu.")]
    InvalidId,
    #[error("Ce champ est obligatoire.")]
    TextRequired,
    #[error("Ce texte est trop long ({max} caractères au plus).")]
    TextTooLong { max: usize },
    #[error("Ce texte contient des caractères de contrôle.")]
    TextControlChars,
    #[error("Code commune INSEE invalide.")]
    InvalidCommune,
    #[error("La fréquentation attendue doit être comprise entre 1 et 2 000 000 personnes.")]
    AttendanceOutOfRange,
    #[error("Le montage doit se terminer au plus tard au début de l'événement.")]
    SetupAfterStart,
    #[error("Le démontage doit commencer au plus tôt à la fin de l'événement.")]
    TeardownBeforeEnd,
    #[error("Une zone de type « voie publique » est forcément sur la voie publique.")]
    PublicRoadKindMismatch,
    #[error("Polygone invalide : un anneau fermé d'au moins 4 points (longitude, latitude) est attendu.")]
    InvalidPolygon,
    #[error("Numéro de carte professionnelle CNAPS invalide.")]
    InvalidCnapsCard,
    #[error("Numéro d'autorisation CNAPS invalide : AUT- suivi du département et de chiffres, par exemple AUT-013-2118-05-12-20190412345.")]
    InvalidCnapsAuthorisation,
    #[error("L'effectif minimum doit être compris entre 1 et 10 000.")]
    NeedMinOutOfRange,
    #[error("L'effectif maximum ne peut pas être inférieur à l'effectif minimum ni dépasser 10 000.")]
    NeedMaxOutOfRange,
    #[error("La priorité doit être comprise entre 1 et 5.")]
    PriorityOutOfRange,
    #[error("Les minimums de femmes et d'hommes dépassent ensemble l'effectif minimum.")]
    SexMinimaExceedMin,
    #[error("L'effectif d'un déploiement doit être compris entre 0 et 10 000.")]
    HeadcountOutOfRange,
    #[error("Un déploiement doit compter au moins un agent : indiquez un effectif ou nommez des agents.")]
    EmptyDeployment,
    #[error("Un même agent est nommé deux fois dans ce déploiement.")]
    DuplicateAgent,
}
