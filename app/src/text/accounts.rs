//! French strings of offboarding: removing members, disabling accounts, changing and
//! resetting passwords.

// Removing a member from an organisation
pub const MEMBER_NOT_FOUND: &str = "Cette personne n’est pas membre de l’organisation.";
pub const MEMBER_LAST_ADMIN_SELF: &str =
    "Vous êtes le dernier administrateur de cette organisation : invitez un autre administrateur avant de la quitter.";
pub const MEMBER_LAST_ADMIN: &str =
    "Cette personne est le dernier administrateur de l’organisation : invitez d’abord un autre administrateur.";
pub const MEMBER_REMOVE: &str = "Retirer";
pub const MEMBER_REMOVE_CONFIRM: &str = "Confirmer le retrait";
pub const MEMBER_REMOVED: &str = "La personne a été retirée de l’organisation.";

/// Accessible label of the button removing `name` from the organisation.
pub fn member_remove_label(name: &str) -> String {
    format!("Retirer {name} de l’organisation")
}

// Disabling accounts (platform administration)
pub const ACCOUNTS_TITLE: &str = "Comptes";
pub const ACCOUNTS_INTRO: &str = "Un compte désactivé ne peut plus se connecter ; ses sessions et ses jetons d’API cessent aussitôt de fonctionner. Il peut être réactivé à tout moment.";
pub const COL_STATUS: &str = "État";
pub const ACCOUNT_ACTIVE: &str = "Actif";
pub const ACCOUNT_DISABLED_STATUS: &str = "Désactivé";
pub const ACCOUNT_DISABLE: &str = "Désactiver";
pub const ACCOUNT_YOURS: &str = "Votre compte";
pub const ACCOUNT_DISABLE_CONFIRM: &str = "Confirmer la désactivation";
pub const ACCOUNT_ENABLE: &str = "Réactiver";
pub const ACCOUNT_DISABLED_DONE: &str = "Compte désactivé : ses sessions et ses jetons d’API ne fonctionnent plus.";
pub const ACCOUNT_ENABLED_DONE: &str = "Compte réactivé : la personne peut de nouveau se connecter.";
pub const ACCOUNT_DISABLE_SELF: &str = "Vous ne pouvez pas désactiver votre propre compte.";
pub const ACCOUNT_UNKNOWN: &str = "Ce compte n’existe pas.";
pub const SIGN_IN_DISABLED: &str = "Ce compte est désactivé. Adressez-vous à l’administrateur de votre organisation.";

/// Accessible label of the button disabling `name`’s account.
pub fn account_disable_label(name: &str) -> String {
    format!("Désactiver le compte de {name}")
}

/// Accessible label of the button enabling `name`’s account again.
pub fn account_enable_label(name: &str) -> String {
    format!("Réactiver le compte de {name}")
}

// Changing one's password
pub const CHANGE_PASSWORD_TITLE: &str = "Changer de mot de passe";
pub const CHANGE_PASSWORD_INTRO: &str =
    "Vos sessions ouvertes sur d’autres appareils seront fermées ; celle-ci reste ouverte.";
pub const LABEL_CURRENT_PASSWORD: &str = "Mot de passe actuel";
pub const LABEL_NEW_PASSWORD: &str = "Nouveau mot de passe";
pub const LABEL_NEW_PASSWORD_CONFIRM: &str = "Confirmez le nouveau mot de passe";
pub const CURRENT_PASSWORD_WRONG: &str = "Mot de passe actuel incorrect.";
pub const PASSWORD_ATTEMPTS_LIMITED: &str = "Trop de tentatives. Réessayez dans quelques minutes.";
pub const CHANGE_PASSWORD_BUTTON: &str = "Changer le mot de passe";
pub const PASSWORD_CHANGED: &str = "Mot de passe changé. Vos autres sessions ont été fermées.";

// Forgotten password
pub const FORGOT_LINK: &str = "Mot de passe oublié ?";
pub const FORGOT_TITLE: &str = "Mot de passe oublié";
pub const FORGOT_INTRO: &str = "Saisissez l’adresse électronique de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.";
pub const FORGOT_BUTTON: &str = "Recevoir un lien";
pub const FORGOT_SENT: &str = "Si un compte actif correspond à cette adresse, un message vient d’y être envoyé avec un lien valable une heure. Pensez à regarder dans les courriers indésirables.";
pub const FORGOT_RATE_LIMITED: &str = "Trop de demandes de réinitialisation. Réessayez dans quelques minutes.";
pub const FORGOT_AGAIN: &str = "Demander un nouveau lien";
pub const RESET_TITLE: &str = "Choisir un nouveau mot de passe";
pub const RESET_BUTTON: &str = "Enregistrer le nouveau mot de passe";
pub const RESET_EXPIRED: &str =
    "Ce lien de réinitialisation a expiré (il était valable une heure). Demandez-en un nouveau.";
pub const RESET_USED: &str = "Ce lien de réinitialisation a déjà été utilisé. Demandez-en un nouveau si besoin.";
pub const RESET_UNKNOWN: &str =
    "Ce lien de réinitialisation n’est pas valable. Vérifiez le lien reçu ou demandez-en un nouveau.";
pub const RESET_DONE: &str = "Votre mot de passe a été changé et toutes vos sessions ont été fermées. Connectez-vous avec le nouveau mot de passe.";

/// Subject of the password-reset e-mail.
pub const RESET_SUBJECT: &str = "Réinitialisation de votre mot de passe Cordon";

/// Body of the password-reset e-mail (plain text).
pub fn reset_body(name: &str, link: &str, expires: &str) -> String {
    format!(
        "Bonjour {name},\n\n\
         Une demande de réinitialisation du mot de passe de votre compte Cordon a été faite.\n\n\
         Pour choisir un nouveau mot de passe, ouvrez ce lien :\n{link}\n\n\
         Ce lien n’est utilisable qu’une fois et expire le {expires}. \
         Une fois le mot de passe changé, toutes vos sessions ouvertes seront fermées.\n\
         Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n\n\
         — Cordon\n"
    )
}
