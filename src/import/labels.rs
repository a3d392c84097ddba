//! The widget's own strings in the policy's language, written into the bundle
//! it imports (`config.labels`): a Spanish policy gets a Spanish search box,
//! buttons and headings. In the bundle rather than the widget, so that no
//! resident downloads a language they do not read; a developer can still edit
//! any of them.

use crate::bundle::config::Labels;
use crate::search::Language;

/// The labels for a BCP 47 tag ("es", "pt-BR"), when the importer has them;
/// English is the widget's default.
pub fn for_language(tag: &str) -> Option<Labels> {
    let table = match Language::for_tag(tag) {
        Language::Spanish => SPANISH,
        Language::Portuguese => PORTUGUESE,
        _ => return None,
    };
    let mut labels = Labels::default();
    for (name, text) in table {
        *labels.slot(name)? = (*text).to_owned();
    }
    Some(labels)
}

const SPANISH: &[(&str, &str)] = &[
    ("summary_heading", "Resumen"),
    ("facts_heading", "De un vistazo"),
    ("contacts_heading", "¿Preguntas?"),
    ("contents_heading", "Contenido"),
    ("glossary_heading", "Definiciones"),
    ("expand_all", "Abrir todas las secciones"),
    ("collapse_all", "Cerrar todas las secciones"),
    ("copy_link", "Copiar el enlace a esta sección"),
    ("link_copied", "Enlace copiado"),
    ("effective", "Vigente desde"),
    ("updated", "Última actualización:"),
    ("reading_time", "{minutes} min de lectura"),
    ("published_by", "Publicado por"),
    ("loading", "Cargando la política de privacidad…"),
    ("error_heading", "No se pudo mostrar la política de privacidad"),
    ("retry", "Intentar de nuevo"),
    ("deleted_text", "texto eliminado"),
    ("inserted_text", "texto añadido"),
    ("changes_heading", "Qué cambió desde el {date}"),
    ("no_changes", "El texto no ha cambiado."),
    ("change_changed", "Modificada"),
    ("change_added", "Nueva"),
    ("change_removed", "Eliminada"),
    ("formerly", "antes «{title}»"),
    ("changed_since", "Modificada desde el {date}"),
    ("added_since", "Nueva desde el {date}"),
    ("show_changes", "Mostrar los cambios"),
    ("history_heading", "Versiones anteriores"),
    ("takes_effect", "Esta política entra en vigor el {date}."),
    ("changes_take_effect", "Estos cambios entran en vigor el {date}."),
    ("tool_purpose", "Finalidad"),
    ("tool_data_collected", "Datos que recopila"),
    ("tool_privacy_policy", "Política de privacidad"),
    ("tool_terms", "Condiciones de uso"),
    ("tool_opt_out", "Cómo excluirse"),
    ("tool_notes", "Notas"),
    ("contact_email", "Correo electrónico"),
    ("contact_phone", "Teléfono"),
    ("contact_web", "Web"),
    ("contact_address", "Dirección"),
    ("fact_collects_voluntary", "Información que usted nos da"),
    ("fact_collects_automatic", "Se recopila automáticamente"),
    ("fact_cookies", "Cookies"),
    ("fact_third_party_tools", "Herramientas de terceros"),
    ("fact_sells_data", "Vende sus datos"),
    ("fact_public_records", "Registros públicos"),
    ("fact_shares_with_agencies", "Se comparte con"),
    ("fact_security", "Seguridad"),
    ("fact_email_not_encrypted", "Correo electrónico"),
    ("fact_retention", "Cuánto tiempo se conserva"),
    ("fact_children", "Menores"),
    ("fact_access_rights", "Sus derechos"),
    ("fact_policy_changes", "Cambios"),
    ("fact_contact", "Contacto"),
    ("search_label", "Buscar en esta política"),
    ("search_results", "{matches} coincidencias en {sections} secciones"),
    ("search_one_result", "1 coincidencia en 1 sección"),
    ("search_results_one_section", "{matches} coincidencias en 1 sección"),
    ("search_no_results", "No hay coincidencias"),
    ("search_position", "Coincidencia {n} de {total}"),
    ("search_suggestions", "Pruebe:"),
    ("search_previous", "Coincidencia anterior"),
    ("search_next", "Coincidencia siguiente"),
];

const PORTUGUESE: &[(&str, &str)] = &[
    ("summary_heading", "Resumo"),
    ("facts_heading", "Visão geral"),
    ("contacts_heading", "Dúvidas?"),
    ("contents_heading", "Índice"),
    ("glossary_heading", "Definições"),
    ("expand_all", "Abrir todas as seções"),
    ("collapse_all", "Fechar todas as seções"),
    ("copy_link", "Copiar o link desta seção"),
    ("link_copied", "Link copiado"),
    ("effective", "Em vigor desde"),
    ("updated", "Última atualização:"),
    ("reading_time", "{minutes} min de leitura"),
    ("published_by", "Publicado por"),
    ("loading", "Carregando a política de privacidade…"),
    ("error_heading", "Não foi possível mostrar a política de privacidade"),
    ("retry", "Tentar novamente"),
    ("deleted_text", "texto excluído"),
    ("inserted_text", "texto inserido"),
    ("changes_heading", "O que mudou desde {date}"),
    ("no_changes", "O texto não mudou."),
    ("change_changed", "Alterada"),
    ("change_added", "Nova"),
    ("change_removed", "Removida"),
    ("formerly", "antes “{title}”"),
    ("changed_since", "Alterada desde {date}"),
    ("added_since", "Nova desde {date}"),
    ("show_changes", "Mostrar as alterações"),
    ("history_heading", "Versões anteriores"),
    ("takes_effect", "Esta política entra em vigor em {date}."),
    ("changes_take_effect", "Estas alterações entram em vigor em {date}."),
    ("tool_purpose", "Finalidade"),
    ("tool_data_collected", "Dados que coleta"),
    ("tool_privacy_policy", "Política de privacidade"),
    ("tool_terms", "Termos de uso"),
    ("tool_opt_out", "Como recusar"),
    ("tool_notes", "Observações"),
    ("contact_email", "E-mail"),
    ("contact_phone", "Telefone"),
    ("contact_web", "Site"),
    ("contact_address", "Endereço"),
    ("fact_collects_voluntary", "Informações que você fornece"),
    ("fact_collects_automatic", "Coletado automaticamente"),
    ("fact_cookies", "Cookies"),
    ("fact_third_party_tools", "Ferramentas de terceiros"),
    ("fact_sells_data", "Vende seus dados"),
    ("fact_public_records", "Registros públicos"),
    ("fact_shares_with_agencies", "Compartilhado com"),
    ("fact_security", "Segurança"),
    ("fact_email_not_encrypted", "E-mail"),
    ("fact_retention", "Por quanto tempo é guardado"),
    ("fact_children", "Crianças"),
    ("fact_access_rights", "Seus direitos"),
    ("fact_policy_changes", "Mudanças"),
    ("fact_contact", "Contato"),
    ("search_label", "Pesquisar nesta política"),
    ("search_results", "{matches} resultados em {sections} seções"),
    ("search_one_result", "1 resultado em 1 seção"),
    ("search_results_one_section", "{matches} resultados em 1 seção"),
    ("search_no_results", "Nenhum resultado"),
    ("search_position", "Resultado {n} de {total}"),
    ("search_suggestions", "Tente:"),
    ("search_previous", "Resultado anterior"),
    ("search_next", "Próximo resultado"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_and_portuguese_name_every_label_once() {
        for table in [SPANISH, PORTUGUESE] {
            let mut names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
            names.sort_unstable();
            // Every label the bundle format has, as it writes them.
            let json = serde_json::to_value(Labels::default()).unwrap();
            let mut all: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
            all.sort_unstable();
            assert_eq!(names, all);
        }
        assert_eq!(for_language("es-US").unwrap().expand_all(), "Abrir todas las secciones");
        assert_eq!(for_language("pt-BR").unwrap().search_label(), "Pesquisar nesta política");
        assert_eq!(for_language("en"), None);
    }
}
