//! Section content: paragraphs, lists, label/value fields, tables, tool cards.

use yew::prelude::*;

use super::heading::heading;
use super::inline::{self, Ctx};
use crate::bundle::{Block, List, Tool, ToolField};

/// `level` is the heading level for names inside the blocks (tool names), one
/// below the section's own heading.
pub fn blocks(blocks: &[Block], ctx: Ctx, level: u8) -> Html {
    blocks.iter().map(|b| block(b, ctx, level)).collect()
}

fn block(block: &Block, ctx: Ctx, level: u8) -> Html {
    match block {
        Block::Paragraph { text } => html! { <p>{ inline::text(text, ctx) }</p> },
        Block::List(list) => list_html(list, ctx),
        Block::Fields { fields } => html! {
            <dl class="pp-fields">
                { for fields.iter().map(|f| html! {
                    <div class="pp-field">
                        <dt>{ inline::text(&f.label, ctx) }</dt>
                        <dd>{ inline::paragraphs(&f.value, ctx) }</dd>
                    </div>
                }) }
            </dl>
        },
        Block::Table(t) => html! {
            <div class="pp-table-wrap" role="group" aria-label={t.caption.as_deref().map(crate::bundle::inline::plain)}>
                <table>
                    if let Some(caption) = &t.caption {
                        <caption>{ inline::text(caption, ctx) }</caption>
                    }
                    if !t.header.is_empty() {
                        <thead><tr>{ for t.header.iter().map(|h| html! { <th scope="col">{ inline::text(h, ctx) }</th> }) }</tr></thead>
                    }
                    <tbody>
                        { for t.rows.iter().map(|row| html! {
                            <tr>{ for row.iter().map(|c| html! { <td>{ inline::text(c, ctx) }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
        Block::Tool(tool) => tool_card(tool, ctx, level),
    }
}

fn list_html(list: &List, ctx: Ctx) -> Html {
    let items = list.items.iter().map(|item| {
        html! {
            <li>
                { inline::text(&item.text, ctx) }
                if let Some(sub) = &item.list { { list_html(sub, ctx) } }
            </li>
        }
    });
    if list.ordered {
        html! { <ol>{ for items }</ol> }
    } else {
        html! { <ul>{ for items }</ul> }
    }
}

fn tool_label(field: ToolField, labels: &crate::bundle::config::Labels) -> &str {
    match field {
        ToolField::Purpose => labels.tool_purpose(),
        ToolField::DataCollected => labels.tool_data_collected(),
        ToolField::PrivacyPolicy => labels.tool_privacy_policy(),
        ToolField::Terms => labels.tool_terms(),
        ToolField::OptOut => labels.tool_opt_out(),
        ToolField::Notes => labels.tool_notes(),
    }
}

/// A third-party tool as a card: its name, then what it does, collects and how
/// to opt out, as a description list a screen reader reads pair by pair.
fn tool_card(tool: &Tool, ctx: Ctx, level: u8) -> Html {
    html! {
        <div class="pp-tool">
            { heading(level, "pp-tool-name", None, inline::text(&tool.name, ctx)) }
            <dl class="pp-fields">
                { for tool.labelled_values().into_iter().map(|(field, value)| html! {
                    <div class="pp-field">
                        <dt>{ tool_label(field, ctx.labels).to_owned() }</dt>
                        <dd>{ inline::paragraphs(value, ctx) }</dd>
                    </div>
                }) }
                { for tool.other.iter().map(|f| html! {
                    <div class="pp-field">
                        <dt>{ inline::text(&f.label, ctx) }</dt>
                        <dd>{ inline::paragraphs(&f.value, ctx) }</dd>
                    </div>
                }) }
            </dl>
        </div>
    }
}
