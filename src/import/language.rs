//! The policy's language when the person importing does not give it: English,
//! Spanish or Portuguese (the languages this importer drafts facts and labels
//! in), read from how often each one's commonest short words occur. A text
//! that is not clearly one of the other two is English, the default.

/// Words frequent in one of the three languages and rare in the other two.
const MARKERS: [(&str, &[&str]); 3] = [
    ("en", &["the", "and", "of", "to", "you", "we", "is", "are", "with", "your", "this", "that"]),
    ("es", &["el", "la", "los", "las", "del", "y", "es", "por", "con", "su", "sus", "usted", "una", "que"]),
    ("pt", &["o", "os", "as", "do", "da", "dos", "das", "e", "em", "com", "seus", "você", "uma", "não"]),
];

/// How many of a language's markers tell it: a short policy (a title, three
/// sections of a sentence or two) has about ten.
const ENOUGH: usize = 8;

/// `"es"` or `"pt"` when that language's markers outnumber the others' by
/// half again and there are enough of them to tell; `"en"` otherwise.
pub fn detect(text: &str) -> &'static str {
    let mut counts = [0usize; 3];
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        let lower = word.to_lowercase();
        for (i, (_, words)) in MARKERS.iter().enumerate() {
            if words.contains(&lower.as_str()) {
                counts[i] += 1;
            }
        }
    }
    let [en, es, pt] = counts;
    match () {
        _ if es >= ENOUGH && es * 2 > en * 3 && es * 2 > pt * 3 => "es",
        _ if pt >= ENOUGH && pt * 2 > en * 3 && pt * 2 > es * 3 => "pt",
        _ => "en",
    }
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn the_three_languages_are_told_apart_and_english_is_the_default() {
        let en = "We do not sell your information. The Town uses session cookies only, and the records you send us are public records under the law of the Commonwealth. ";
        let es = "No vendemos su información. La Ciudad usa solo cookies de sesión, y los registros que usted nos envía son registros públicos según la ley del estado. ";
        let pt = "Não vendemos os seus dados. A Cidade usa apenas cookies de sessão, e os registros que você nos envia são registros públicos segundo a lei do estado. ";
        assert_eq!(detect(&en.repeat(3)), "en");
        assert_eq!(detect(&es.repeat(3)), "es");
        assert_eq!(detect(&pt.repeat(3)), "pt");
        assert_eq!(detect("Sí."), "en", "too little to tell");
        assert_eq!(detect(&format!("{}{}", en.repeat(3), es.repeat(3))), "en", "a mix is not clearly Spanish");
    }
}
