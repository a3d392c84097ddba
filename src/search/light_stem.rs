//! Stemmers for Spanish and Portuguese: Jacques Savoy's light rules ("Light
//! stemming approaches for the French, Portuguese, German and Hungarian
//! languages", ACM SAC 2006, and his Spanish rules), then one step of regular
//! verb endings.
//!
//! The light rules strip plural, gender and adverb endings; Lucene's and
//! Elasticsearch's Spanish and Portuguese analyzers stem with them alone. The
//! verb step is ours: a resident asks "¿venden mis datos?" of a policy that
//! says "no vendemos", and both must come to "vend". Snowball's algorithms do
//! more, but their tables cost 4.5 KB gzip per language, which the widget
//! fetched as a module of its own; these rules cost its wasm 0.2 KB.
//!
//! Both take a folded word ([`super::text::fold_char`]: lower case, accents
//! gone), so "información" and "informaciones" meet, and the rules are
//! written for folded endings ("ões" is "oes" here).

/// The Spanish stem ("datos", "dato" → "dat"; "veces" → "vez"; "vendemos",
/// "venden", "vender", "vendido" → "vend").
pub fn spanish(word: &str) -> String {
    let mut w = word.to_owned();
    // Savoy's rules leave words under five letters alone; these stem any word
    // that keeps two letters, so "dato" meets "datos" and "día" "días".
    let mut cut = |end: &str, to: &str| {
        w.strip_suffix(end).is_some_and(|stem| stem.chars().count() + to.len() >= 2) && swap(&mut w, end, to)
    };
    let _ =
        cut("eses", "es") || cut("ces", "z") || ["os", "as", "es", "o", "a", "e"].into_iter().any(|end| cut(end, ""));
    verb(&mut w);
    w
}

/// The Portuguese stem ("registros", "registro" → "registr"; "informações",
/// "informação" → "informaca"; "pessoais" → "pessoal"; "vendemos", "vendem",
/// "vender" → "vend").
pub fn portuguese(word: &str) -> String {
    let mut w = word.to_owned();
    let len = |w: &str| w.chars().count();
    let n = len(&w);
    if n < 4 {
        return w;
    }
    // Plurals and adverbs: the first rule that applies.
    let _ = (n > 4 && ["res", "ses", "les", "zes"].into_iter().any(|end| swap(&mut w, end, &end[..1])))
        || swap(&mut w, "ns", "m")
        || (n > 4
            && [("eis", "el"), ("ais", "al"), ("ois", "ol"), ("is", "il")]
                .into_iter()
                .any(|(end, to)| swap(&mut w, end, to)))
        || swap(&mut w, "oes", "ao")
        || swap(&mut w, "aes", "ao")
        || (n > 6 && swap(&mut w, "mente", ""))
        || swap(&mut w, "s", "");
    // Feminine forms become masculine.
    let n = len(&w);
    let to_o = (n > 7 && ["inha", "iaca", "eira"].into_iter().any(|end| w.ends_with(end)))
        || (n > 6 && ["osa", "ica", "ida", "ada", "iva", "ama"].into_iter().any(|end| w.ends_with(end)));
    let _ = (to_o && swap(&mut w, "a", "o"))
        || (n > 6
            && (swap(&mut w, "ona", "ao")
                || swap(&mut w, "ora", "or")
                || swap(&mut w, "esa", "es")
                || swap(&mut w, "na", "no")));
    if len(&w) > 4 && w.ends_with(['a', 'e', 'o']) {
        w.pop();
    }
    verb(&mut w);
    w
}

/// Regular verb endings, as the light rules leave them: first person plural
/// ("vendemos" → "vendem"), third plural, infinitive, participle ("vendido" →
/// "vendid") and gerund ("vendiendo" → "vendiend"). A noun that ends so loses
/// the same ending in the singular and the plural ("ciudad", "ciudades" →
/// "ciud"), so the two still meet.
fn verb(w: &mut String) {
    // One string rather than a slice of them: smaller in the wasm.
    const ENDINGS: &str = "iend and end ind am em im an en ar er ir ad id";
    if let Some(end) = ENDINGS.split(' ').find(|end| w.strip_suffix(end).is_some_and(|stem| stem.chars().count() >= 2))
    {
        w.truncate(w.len() - end.len());
    }
}

/// Replaces the ending `end` of `word` with `to`, if it ends so.
fn swap(word: &mut String, end: &str, to: &str) -> bool {
    let Some(stem) = word.strip_suffix(end) else { return false };
    word.truncate(stem.len());
    word.push_str(to);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meet(stem: fn(&str) -> String, words: &[&str]) {
        let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        assert!(stems.windows(2).all(|p| p[0] == p[1]), "{words:?} → {stems:?}");
    }

    #[test]
    fn spanish_plurals_and_genders_meet() {
        meet(spanish, &["datos", "dato"]);
        meet(spanish, &["personales", "personal"]);
        meet(spanish, &["informaciones", "informacion"]);
        meet(spanish, &["publicos", "publica", "publico", "publicas"]);
        meet(spanish, &["veces", "vez"]);
        meet(spanish, &["meses", "mes"]);
        meet(spanish, &["cookies", "cookie"]);
        meet(spanish, &["ciudades", "ciudad"]);
        assert_eq!(spanish("datos"), "dat");
        meet(spanish, &["dias", "dia"]);
        meet(spanish, &["usos", "uso", "usar"]);
        assert_eq!(spanish("mes"), "mes", "a stem keeps two letters");
    }

    #[test]
    fn a_questions_verb_meets_the_policys() {
        meet(spanish, &["vendemos", "venden", "vender", "vendido", "vendidos", "vendiendo", "vende", "vendo"]);
        meet(spanish, &["compartimos", "comparten", "compartir", "compartida"]);
        meet(spanish, &["usamos", "usan", "usar"]);
        meet(portuguese, &["vendemos", "vendem", "vender", "vendido", "vendendo", "vende"]);
        meet(portuguese, &["compartilhamos", "compartilham", "compartilhar", "compartilhado"]);
        meet(portuguese, &["coletamos", "coletar", "coleta"]);
        assert_eq!(spanish("vendemos"), "vend");
    }

    #[test]
    fn portuguese_plurals_genders_and_adverbs_meet() {
        meet(portuguese, &["registros", "registro"]);
        meet(portuguese, &["informacoes", "informacao"]);
        meet(portuguese, &["pessoais", "pessoal"]);
        meet(portuguese, &["publicos", "publico", "publica", "publicas"]);
        meet(portuguese, &["mulheres", "mulher"]);
        meet(portuguese, &["homens", "homem"]);
        meet(portuguese, &["papeis", "papel"]);
        meet(portuguese, &["rapidamente", "rapido"]);
        meet(portuguese, &["vizinha", "vizinho"]);
        meet(portuguese, &["famosa", "famoso"]);
        meet(portuguese, &["trabalhadora", "trabalhador"]);
        meet(portuguese, &["dados", "dado"]);
        meet(portuguese, &["cidades", "cidade"]);
        assert_eq!(portuguese("sao"), "sao", "short words stay whole");
    }
}
