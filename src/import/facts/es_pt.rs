//! The "at a glance" facts drafted from a Spanish or Portuguese policy: the
//! same kinds as `en` finds in English, from how these languages
//! phrase them ("no vendemos", "não vendemos", "cookies de sesión"), with the
//! fact's plain words in the policy's language. One rule set serves both: the
//! two languages phrase these facts alike, and each pattern names both forms.

use std::sync::LazyLock;

use regex::Regex;

use super::{re, Found, Rule};
use crate::bundle::{FactAnswer, FactKind};
use crate::search::Language;

static SELLS_NOT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:no|não|nao|nunca)\s+(?:\w+\s+){0,2}vend\w*"));
static SELLS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:podemos|puede|podem|pode)\s+vender\b|\bvendemos\b"));
static PUBLIC_RECORDS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bregistros?\s+p[uú]blicos?\b"));
static NOT_ENCRYPTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:correos?|e-?mails?|mensajes?|mensagens?|informaci[oó]n|informa[cç][aã]o)\b.{0,60}\b(?:no|não|nao)\s+(?:\w+\s+){0,2}(?:cifrad|encriptad|criptografad)\w*",
    )
});
static SESSION_COOKIES: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)cookies?\s+de\s+(?:sesi[oó]n|sess[aã]o)"));
static PERSISTENT_COOKIES: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)cookies?\s+(?:persistentes?|permanentes?)"));
static NO_PERSISTENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:no|não|nao)\s+(?:\w+\s+){0,2}cookies?\s+(?:persistentes?|permanentes?)"));
static NO_COOKIES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:no|não|nao)\s+(?:usamos|utilizamos|usa|utiliza)\s+(?:ning[uú]n\w*\s+|nenhum\w*\s+)?cookies")
});
static USES_COOKIES: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:usamos|utilizamos|usa|utiliza)\b.*\bcookies\b"));
static AUTOMATIC: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)autom[aá]ticamente|\b(?:direcci[oó]n|endere[cç]o)\s+(?:de\s+)?IP\b"));
static VOLUNTARY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bvoluntari\w*|\b(?:usted|você)\s+(?:nos\s+)?(?:da|proporciona|env[ií]a|fornece|informa)\b")
});
static CHANGES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:cambi|altera|mudan|modifica)\w*\b.*\bpol[ií]tica\b|\bpol[ií]tica\b.*\b(?:cambi|altera|mudan|modifica)\w*",
    )
});
static DAYS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(\d{1,3})\s*(?:\(\d+\)\s*)?d[ií]as\b"));
static CHILDREN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bmenores\s+de\s+(?:13|trece|treze)\b|\bni[nñ]os\b|\bcrian[cç]as\b"));
static NOT_FROM_CHILDREN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:no|não|nao)\s+(?:\w+\s+){0,3}(?:recopil|colet|recolect)\w*"));
static ACCESS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:acceder|acceso|acessar|acesso|ver|obtener|obter)\b.*\b(?:corregir|correcci[oó]n|corrigir|corre[cç][aã]o)\b",
    )
});
/// Third parties, for the tools fact's fallback sentence.
pub static THIRD_PARTY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bterce(?:ros|iros)\b"));

/// The fact's plain words, Spanish first, then Portuguese.
struct Words {
    no: [&'static str; 2],
    yes: [&'static str; 2],
    public_record: [&'static str; 2],
    not_encrypted: [&'static str; 2],
    none: [&'static str; 2],
    persistent: [&'static str; 2],
    session: [&'static str; 2],
    automatic: [&'static str; 2],
    voluntary: [&'static str; 2],
    changes_posted: [&'static str; 2],
    /// `{n}` is the number of days.
    changes_ahead: [&'static str; 2],
    children_not_collected: [&'static str; 2],
    children: [&'static str; 2],
    access: [&'static str; 2],
    third_party: [&'static str; 2],
}

const WORDS: Words = Words {
    no: ["No", "Não"],
    yes: ["Sí", "Sim"],
    public_record: [
        "Lo que envía puede ser un registro público",
        "O que você envia pode se tornar um registro público",
    ],
    not_encrypted: ["Sin cifrar: no envíe datos delicados", "Sem criptografia: não envie dados sensíveis"],
    none: ["Ninguna", "Nenhum"],
    persistent: [
        "Sí, también cookies que quedan después de su visita",
        "Sim, inclusive cookies que ficam depois da sua visita",
    ],
    session: ["Solo cookies de sesión", "Apenas cookies de sessão"],
    automatic: ["Se recopila en cada visita", "Coletado em cada visita"],
    voluntary: ["Lo que usted decide enviar", "O que você decide enviar"],
    changes_posted: ["Los cambios se publican en esta página", "As mudanças são publicadas nesta página"],
    changes_ahead: ["Se anuncian con {n} días de antelación", "Anunciadas com {n} dias de antecedência"],
    children_not_collected: [
        "No se recopilan a sabiendas datos de menores de 13 años",
        "Não coletamos intencionalmente dados de menores de 13 anos",
    ],
    children: ["Incluye información sobre menores", "Inclui informações sobre crianças"],
    access: ["Puede ver y corregir sus registros", "Você pode ver e corrigir seus registros"],
    third_party: ["Algunos servicios los prestan otras empresas", "Alguns serviços são prestados por outras empresas"],
};

/// Spanish or Portuguese: the language these rules read and write.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Iberian {
    Spanish,
    Portuguese,
}

impl Iberian {
    /// The language of a policy in `tag` ("es", "pt-BR"): `None` for any other.
    pub fn of(tag: &str) -> Option<Self> {
        match Language::for_tag(tag) {
            Language::Spanish => Some(Iberian::Spanish),
            Language::Portuguese => Some(Iberian::Portuguese),
            _ => None,
        }
    }

    /// This language's word of a pair (Spanish first, then Portuguese).
    fn pick(self, pair: [&'static str; 2]) -> &'static str {
        match self {
            Iberian::Spanish => pair[0],
            Iberian::Portuguese => pair[1],
        }
    }

    /// The words for "some services are run by other companies".
    pub fn third_party_words(self) -> &'static str {
        self.pick(WORDS.third_party)
    }
}

fn found(answer: Option<FactAnswer>, value: impl Into<String>) -> Option<Found> {
    Some(Found { answer, value: value.into() })
}

/// The rules for a policy in Spanish or Portuguese.
pub fn rules(language: Iberian) -> Vec<(FactKind, Rule)> {
    let w = move |pair: [&'static str; 2]| language.pick(pair);
    let yes_when = move |pattern: &'static LazyLock<Regex>, words: [&'static str; 2]| -> Rule {
        Box::new(move |s: &str| {
            pattern.is_match(s).then(|| Found { answer: Some(FactAnswer::Yes), value: w(words).into() })
        })
    };
    vec![
        (
            FactKind::SellsData,
            Box::new(move |s: &str| {
                if SELLS_NOT.is_match(s) {
                    found(Some(FactAnswer::No), w(WORDS.no))
                } else if SELLS.is_match(s) {
                    found(Some(FactAnswer::Yes), w(WORDS.yes))
                } else {
                    None
                }
            }),
        ),
        (FactKind::PublicRecords, yes_when(&PUBLIC_RECORDS, WORDS.public_record)),
        (FactKind::EmailNotEncrypted, yes_when(&NOT_ENCRYPTED, WORDS.not_encrypted)),
        (
            FactKind::PolicyChanges,
            Box::new(move |s: &str| {
                if !CHANGES.is_match(s) {
                    return None;
                }
                let value = match DAYS.captures(s) {
                    Some(c) => w(WORDS.changes_ahead).replace("{n}", &c[1]),
                    None => w(WORDS.changes_posted).to_owned(),
                };
                found(None, value)
            }),
        ),
        (FactKind::CollectsVoluntary, yes_when(&VOLUNTARY, WORDS.voluntary)),
        (FactKind::CollectsAutomatic, yes_when(&AUTOMATIC, WORDS.automatic)),
        (
            FactKind::Cookies,
            Box::new(move |s: &str| {
                // "No usamos cookies permanentes": the adjective follows, so
                // "no … cookies" alone is not "no cookies".
                if NO_COOKIES.is_match(s) && !NO_PERSISTENT.is_match(s) {
                    found(Some(FactAnswer::None), w(WORDS.none))
                } else if PERSISTENT_COOKIES.is_match(s) && !NO_PERSISTENT.is_match(s) {
                    found(Some(FactAnswer::Persistent), w(WORDS.persistent))
                } else if SESSION_COOKIES.is_match(s) {
                    found(Some(FactAnswer::Session), w(WORDS.session))
                } else if USES_COOKIES.is_match(s) {
                    found(None, w(WORDS.yes))
                } else {
                    None
                }
            }),
        ),
        (
            FactKind::Children,
            Box::new(move |s: &str| {
                if !CHILDREN.is_match(s) {
                    None
                } else if NOT_FROM_CHILDREN.is_match(s) {
                    found(None, w(WORDS.children_not_collected))
                } else {
                    found(None, w(WORDS.children))
                }
            }),
        ),
        (FactKind::AccessRights, yes_when(&ACCESS, WORDS.access)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(language: Iberian, sentence: &str) -> Vec<(FactKind, Option<FactAnswer>, String)> {
        rules(language)
            .into_iter()
            .filter_map(|(kind, rule)| rule(sentence).map(|f| (kind, f.answer, f.value)))
            .collect()
    }

    #[test]
    fn spanish_sentences_state_their_facts_in_spanish() {
        assert_eq!(
            draft(Iberian::Spanish, "No vendemos ni alquilamos su información personal."),
            [(FactKind::SellsData, Some(FactAnswer::No), "No".to_owned())]
        );
        assert_eq!(
            draft(Iberian::Spanish, "Usamos cookies de sesión solamente."),
            [(FactKind::Cookies, Some(FactAnswer::Session), "Solo cookies de sesión".to_owned())]
        );
        assert_eq!(
            draft(Iberian::Spanish, "Publicaremos cualquier cambio a esta política 30 días antes."),
            [(FactKind::PolicyChanges, None, "Se anuncian con 30 días de antelación".to_owned())]
        );
        let records = draft(Iberian::Spanish, "Lo que nos envía puede ser un registro público.");
        assert_eq!(records[0].0, FactKind::PublicRecords);
        let encrypted = draft(Iberian::Spanish, "El correo electrónico que nos envía no está cifrado.");
        assert_eq!(
            encrypted[0],
            (FactKind::EmailNotEncrypted, Some(FactAnswer::Yes), "Sin cifrar: no envíe datos delicados".to_owned())
        );
    }

    #[test]
    fn portuguese_sentences_state_their_facts_in_portuguese() {
        assert_eq!(
            draft(Iberian::Portuguese, "Não vendemos seus dados pessoais."),
            [(FactKind::SellsData, Some(FactAnswer::No), "Não".to_owned())]
        );
        assert_eq!(
            draft(Iberian::Portuguese, "Não usamos cookies permanentes, apenas cookies de sessão."),
            [(FactKind::Cookies, Some(FactAnswer::Session), "Apenas cookies de sessão".to_owned())]
        );
        assert_eq!(
            draft(Iberian::Portuguese, "Coletamos automaticamente o endereço IP do seu computador."),
            [(FactKind::CollectsAutomatic, Some(FactAnswer::Yes), "Coletado em cada visita".to_owned())]
        );
        assert_eq!(Iberian::of("pt-BR"), Some(Iberian::Portuguese));
        assert_eq!(Iberian::of("en"), None);
    }
}
