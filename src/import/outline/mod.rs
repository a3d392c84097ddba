//! Stage 4: raw blocks become the section tree.
//!
//! Headings come in many styles: `#` Markdown, bold lines, bold or italic run-in
//! lead-ins (`**Security.** Because…`), bare short lines, numbered, lettered or
//! roman-numbered lines, `Section 3`, questions. Like reStructuredText, levels
//! follow the order in which styles first appear: the first style met is level 1,
//! the next new one level 2, and so on, so any mix of styles nests sensibly.
//!
//! `headings` decides which blocks are headings and in which style;
//! `content` turns the blocks between them into the bundle's blocks (fields,
//! tool entries, nested lists, tables).

mod content;
mod headings;

use super::blocks::Raw;
use super::ids::Slugger;
use crate::bundle::{inline, Block, Section};
use content::{convert, starts_tool};
use headings::{heading_of, is_period_title, lone_leading_bare_line, Heading, Style};

/// The body as an introduction (before any heading) and a tree of sections.
pub struct Outline {
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
}

/// Builds the section tree from the policy body.
pub fn build(body: Vec<Raw>, slugger: &mut Slugger) -> Outline {
    let period_titles =
        body.iter().filter(|b| matches!(b, Raw::Paragraph { text, lines: 1 } if is_period_title(text))).count();
    let mut styles: Vec<Style> = Vec::new();
    // Open sections, outermost first, with their levels.
    let mut stack: Vec<(usize, Section)> = Vec::new();
    let mut roots: Vec<Section> = Vec::new();
    let mut intro: Vec<Raw> = Vec::new();
    let mut pending: Vec<Raw> = Vec::new();

    let close_to = |level: usize, stack: &mut Vec<(usize, Section)>, roots: &mut Vec<Section>| {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            let (_, done) = stack.pop().unwrap();
            match stack.last_mut() {
                Some((_, parent)) => parent.sections.push(done),
                None => roots.push(done),
            }
        }
    };

    // Each block's heading, if it is one. A heading must name something: one
    // whose words are all markup is text.
    let mut headings: Vec<Option<Heading>> = (0..body.len())
        .map(|i| {
            heading_of(&body, i, period_titles >= 3)
                .filter(|h| !inline::plain(&h.title).trim().is_empty())
                .filter(|_| !starts_tool(&body, i))
        })
        .collect();
    if let Some(byline) = lone_leading_bare_line(&headings) {
        headings[byline] = None;
    }

    let mut i = 0;
    while i < body.len() {
        let Some(heading) = headings[i].take() else {
            pending.push(body[i].clone());
            i += 1;
            continue;
        };
        // Content so far belongs to the section that is open (or the intro).
        let content = std::mem::take(&mut pending);
        match stack.last_mut() {
            Some((_, open)) => open.blocks.extend(convert(content, &open.title)),
            None => intro.extend(content),
        }
        let level = match styles.iter().position(|s| *s == heading.style) {
            Some(p) => p + 1,
            None => {
                styles.push(heading.style);
                styles.len()
            }
        };
        close_to(level, &mut stack, &mut roots);
        let id = slugger.slug(&inline::plain(&heading.title));
        stack.push((level, Section { id, title: heading.title, blocks: Vec::new(), sections: Vec::new() }));
        if let Some(text) = heading.run_in {
            pending.push(Raw::Paragraph { text, lines: 1 });
        }
        i += 1;
    }
    match stack.last_mut() {
        Some((_, open)) => open.blocks.extend(convert(std::mem::take(&mut pending), &open.title)),
        None => intro.extend(std::mem::take(&mut pending)),
    }
    close_to(0, &mut stack, &mut roots);
    Outline { intro: convert(intro, ""), sections: roots }
}
