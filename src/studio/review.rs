//! The draft's parts a reviewer edits: the metadata, the quick summary, the
//! "at a glance" facts, the definitions and the contacts, each item with the
//! section it comes from and controls to move, remove or add one.

use yew::prelude::*;

use super::edit::{Edit, ItemField, List, MetaField, Move};
use super::fields::{field_id, Control, Field};
use super::work::{Action, State};
use crate::bundle::names::Named;
use crate::bundle::{Bundle, FactAnswer, FactKind, Problem, PublisherKind};

/// What every part of the review needs: the problems to show beside fields,
/// the sections to point at, and where edits go.
#[derive(Clone)]
pub struct Ctx<'a> {
    pub problems: &'a [Problem],
    pub dispatch: UseReducerDispatcher<State>,
    /// `(id, title)` of every section in reading order, titles indented by depth.
    pub sections: Vec<(String, String)>,
}

impl Ctx<'_> {
    pub fn of<'a>(bundle: &Bundle, problems: &'a [Problem], dispatch: UseReducerDispatcher<State>) -> Ctx<'a> {
        let sections = bundle
            .sections_flat()
            .into_iter()
            .map(|(depth, s)| (s.id.clone(), format!("{}{}", "\u{2003}".repeat(depth), s.title)))
            .collect();
        Ctx { problems, dispatch, sections }
    }

    /// A callback that makes the edit `make(value)`.
    pub fn on_edit(&self, make: impl Fn(String) -> Edit + 'static) -> Callback<String> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |value| dispatch.dispatch(Action::Edit { edit: make(value), focus: None }))
    }

    /// A button's click that makes `edit`, then focuses the control `focus`.
    pub fn on_click(&self, edit: Edit, focus: String) -> Callback<MouseEvent> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Edit { edit: edit.clone(), focus: Some(focus.clone()) }))
    }

    fn field<'b>(
        &'b self,
        path: String,
        label: &'b str,
        value: &'b str,
        control: Control,
        on_change: Callback<String>,
    ) -> Field<'b> {
        Field { path, label, hint: None, value, control, problems: self.problems, on_change }
    }

    fn section_choice(&self, optional: bool) -> Control {
        let none = optional.then(|| (String::new(), "(none)".to_owned()));
        Control::Choice(none.into_iter().chain(self.sections.iter().cloned()).collect())
    }
}

fn choices<T: Named>(label: impl Fn(&str) -> String) -> Vec<(String, String)> {
    T::NAMES.split(' ').map(|name| (name.to_owned(), label(name))).collect()
}

fn spoken(name: &str) -> String {
    let text = name.replace('_', " ");
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The metadata form.
pub fn meta(bundle: &Bundle, ctx: &Ctx) -> Html {
    let m = &bundle.meta;
    let line = |field: MetaField, path: &str, label: &'static str, value: &str, hint: Option<&'static str>| {
        let mut f =
            ctx.field(format!("meta.{path}"), label, value, Control::Line, ctx.on_edit(move |v| Edit::Meta(field, v)));
        f.hint = hint;
        f.render()
    };
    let kind = ctx.field(
        "meta.publisher.kind".into(),
        "Kind of public body",
        m.publisher.kind.name(),
        Control::Choice(choices::<PublisherKind>(spoken)),
        ctx.on_edit(|v| Edit::Meta(MetaField::Kind, v)),
    );
    let date_hint = Some("As YYYY-MM-DD, e.g. 2024-07-01.");
    html! {
        <section class="part" aria-labelledby="part-meta">
            <h3 id="part-meta">{ "About the policy" }</h3>
            { line(MetaField::Title, "title", "Title", &m.title, None) }
            { line(MetaField::Publisher, "publisher.name", "Publisher", &m.publisher.name, Some("Who publishes it, e.g. Town of Concord.")) }
            { kind.render() }
            { line(MetaField::Website, "publisher.website", "Publisher's website", m.publisher.website.as_deref().unwrap_or_default(), None) }
            { line(MetaField::Jurisdiction, "jurisdiction", "Jurisdiction", m.jurisdiction.as_deref().unwrap_or_default(), Some("Where its law applies, e.g. Massachusetts.")) }
            { line(MetaField::EffectiveDate, "effective_date", "Effective date", m.effective_date.as_deref().unwrap_or_default(), date_hint) }
            { line(MetaField::UpdatedDate, "updated_date", "Last updated", m.updated_date.as_deref().unwrap_or_default(), date_hint) }
            { line(MetaField::Language, "language", "Language", &m.language, Some("A language tag: en, es, pt-BR.")) }
            { line(MetaField::CanonicalUrl, "canonical_url", "Address of the policy's page", m.canonical_url.as_deref().unwrap_or_default(), None) }
        </section>
    }
}

/// One editable list: its heading, its items (each a fieldset), and "add".
struct ListPart<'a> {
    list: List,
    /// The JSON key and the element ids' stem.
    key: &'static str,
    title: &'static str,
    /// What one item is called in labels: "point", "fact".
    item: &'static str,
    intro: &'static str,
    /// The item's first field, which "add" focuses.
    first: &'static str,
    len: usize,
    ctx: &'a Ctx<'a>,
}

impl ListPart<'_> {
    fn render(&self, item_fields: impl Fn(usize) -> Html) -> Html {
        let (key, item, list) = (self.key, self.item, self.list);
        let heading_id = format!("part-{key}");
        let button = |i: usize, to: Move, text: &str, spoken: String, focus: String, possible: bool| {
            let onclick = possible.then(|| self.ctx.on_click(Edit::Move(list, i, to), focus));
            html! {
                <button type="button" id={format!("{key}-{i}-{}", text.to_lowercase().replace(' ', "-"))}
                    aria-label={spoken} aria-disabled={(!possible).then_some("true")} {onclick}>{ text }</button>
            }
        };
        let after_removal = |i: usize| {
            if self.len == 1 {
                format!("{key}-add")
            } else {
                format!("{key}-{}-remove", i.min(self.len - 2))
            }
        };
        html! {
            <section class="part" aria-labelledby={heading_id.clone()}>
                <h3 id={heading_id}>{ self.title }</h3>
                <p class="hint">{ self.intro }</p>
                <ol class="items">
                    { for (0..self.len).map(|i| html! {
                        <li>
                            <fieldset id={field_id(&format!("{key}[{i}]"))}>
                                <legend>{ format!("{} {}", spoken(item), i + 1) }</legend>
                                { item_fields(i) }
                                <div class="item-actions">
                                    { button(i, Move::Up, "Move up", format!("Move up: {item} {}", i + 1), format!("{key}-{}-move-up", i.saturating_sub(1)), i > 0) }
                                    { button(i, Move::Down, "Move down", format!("Move down: {item} {}", i + 1), format!("{key}-{}-move-down", i + 1), i + 1 < self.len) }
                                    { button(i, Move::Remove, "Remove", format!("Remove: {item} {}", i + 1), after_removal(i), true) }
                                </div>
                            </fieldset>
                        </li>
                    }) }
                </ol>
                <button type="button" id={format!("{key}-add")}
                    onclick={self.ctx.on_click(Edit::Add(list), field_id(&format!("{key}[{}].{}", self.len, self.first)))}>
                    { format!("Add a {item}") }
                </button>
            </section>
        }
    }
}

pub fn summary(bundle: &Bundle, ctx: &Ctx) -> Html {
    let part = ListPart {
        list: List::Summary,
        key: "summary",
        first: "text",
        title: "Quick summary",
        item: "point",
        intro: "The points residents read first, each linking to the section it sums up.",
        len: bundle.summary.len(),
        ctx,
    };
    part.render(|i| {
        let p = &bundle.summary[i];
        let at = |f: &str| format!("summary[{i}].{f}");
        html! { <>
            { ctx.field(at("text"), "Text", &p.text, Control::Lines, ctx.on_edit(move |v| Edit::Item(List::Summary, i, ItemField::Text, v))).render() }
            { ctx.field(at("section"), "Section", &p.section, ctx.section_choice(false), ctx.on_edit(move |v| Edit::Item(List::Summary, i, ItemField::Section, v))).render() }
        </> }
    })
}

pub fn facts(bundle: &Bundle, ctx: &Ctx) -> Html {
    let part = ListPart {
        list: List::Facts,
        key: "facts",
        first: "value",
        title: "At a glance",
        item: "fact",
        intro: "Short answers to what residents ask most, each from a section of the policy.",
        len: bundle.facts.len(),
        ctx,
    };
    // Each kind as its card's label reads, in the policy's language.
    let kinds: Vec<_> = FactKind::each()
        .map(|(name, kind)| (name.to_owned(), crate::components::fact_label(kind, &bundle.config.labels).to_owned()))
        .collect();
    let answers: Vec<_> =
        std::iter::once((String::new(), "(none)".to_owned())).chain(choices::<FactAnswer>(spoken)).collect();
    part.render(|i| {
        let f = &bundle.facts[i];
        let at = |name: &str| format!("facts[{i}].{name}");
        let edit = move |field| move |v| Edit::Item(List::Facts, i, field, v);
        html! { <>
            { ctx.field(at("value"), "Answer as shown", &f.value, Control::Line, ctx.on_edit(edit(ItemField::Value))).render() }
            { ctx.field(at("kind"), "Card", f.kind.name(), Control::Choice(kinds.clone()), ctx.on_edit(edit(ItemField::Kind))).render() }
            { ctx.field(at("answer"), "Short answer", f.answer.map_or("", Named::name), Control::Choice(answers.clone()), ctx.on_edit(edit(ItemField::Answer))).render() }
            { ctx.field(at("quote"), "Quote from the policy", f.quote.as_deref().unwrap_or_default(), Control::Lines, ctx.on_edit(edit(ItemField::Quote))).render() }
            { ctx.field(at("section"), "Section", &f.section, ctx.section_choice(false), ctx.on_edit(edit(ItemField::Section))).render() }
        </> }
    })
}

pub fn definitions(bundle: &Bundle, ctx: &Ctx) -> Html {
    let part = ListPart {
        list: List::Definitions,
        key: "definitions",
        first: "term",
        title: "Definitions",
        item: "definition",
        intro: "Terms the policy defines: the widget explains each where the policy uses it.",
        len: bundle.definitions.len(),
        ctx,
    };
    part.render(|i| {
        let d = &bundle.definitions[i];
        let at = |name: &str| format!("definitions[{i}].{name}");
        let edit = move |field| move |v| Edit::Item(List::Definitions, i, field, v);
        let joined = d.aliases.join(", ");
        let mut aliases = ctx.field(at("aliases"), "Also called", &joined, Control::Line, ctx.on_edit(edit(ItemField::Aliases)));
        aliases.hint = Some("Other words for it in the policy, separated by commas: the widget explains them too.");
        html! { <>
            { ctx.field(at("term"), "Term", &d.term, Control::Line, ctx.on_edit(edit(ItemField::Term))).render() }
            { aliases.render() }
            { ctx.field(at("text"), "Definition", &d.text, Control::Lines, ctx.on_edit(edit(ItemField::Text))).render() }
            { ctx.field(at("section"), "Section", d.section.as_deref().unwrap_or_default(), ctx.section_choice(true), ctx.on_edit(edit(ItemField::Section))).render() }
        </> }
    })
}

pub fn contacts(bundle: &Bundle, ctx: &Ctx) -> Html {
    let part = ListPart {
        list: List::Contacts,
        key: "contacts",
        first: "label",
        title: "Contacts",
        item: "contact",
        intro: "Whom residents ask about their data.",
        len: bundle.contacts.len(),
        ctx,
    };
    part.render(|i| {
        let c = &bundle.contacts[i];
        let at = |name: &str| format!("contacts[{i}].{name}");
        let edit = move |field| move |v| Edit::Item(List::Contacts, i, field, v);
        let optional = |name: &str, label: &'static str, value: &Option<String>, field| {
            ctx.field(at(name), label, value.as_deref().unwrap_or_default(), Control::Line, ctx.on_edit(edit(field)))
                .render()
        };
        html! { <>
            { ctx.field(at("label"), "Name", &c.label, Control::Line, ctx.on_edit(edit(ItemField::Label))).render() }
            { optional("email", "Email", &c.email, ItemField::Email) }
            { optional("phone", "Phone", &c.phone, ItemField::Phone) }
            { optional("url", "Web address", &c.url, ItemField::Url) }
            { optional("address", "Postal address", &c.address, ItemField::Address) }
            { ctx.field(at("section"), "Section", c.section.as_deref().unwrap_or_default(), ctx.section_choice(true), ctx.on_edit(edit(ItemField::Section))).render() }
        </> }
    })
}
