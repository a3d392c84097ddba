//! Every inline text of a bundle in reading order, each with its JSON path:
//! what search indexes, validation checks, the reading time counts and the
//! "nothing lost" tests compare with the source.

use super::model::{Block, Bundle, Field, List, Section};

impl Bundle {
    /// Every inline-text string in the bundle with its JSON path, in reading order.
    pub fn all_texts(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        self.each_text(&mut |path, text| out.push((path(), text)));
        out
    }

    /// Calls `f` with every inline-text string in the bundle, in reading
    /// order, and its JSON path ([`TextPath`]).
    pub fn each_text<'a>(&'a self, f: &mut dyn FnMut(TextPath, &'a str)) {
        fn blocks<'a>(prefix: TextPath, list: &'a [Block], f: &mut dyn FnMut(TextPath, &'a str)) {
            for (i, block) in list.iter().enumerate() {
                block.each_text(&mut |key, text| f(&|| format!("{}[{i}].{}", prefix(), key()), text));
            }
        }
        fn sections<'a>(prefix: TextPath, list: &'a [Section], f: &mut dyn FnMut(TextPath, &'a str)) {
            for (i, s) in list.iter().enumerate() {
                let path = || format!("{}sections[{i}]", prefix());
                f(&|| format!("{}.title", path()), &s.title);
                blocks(&|| format!("{}.blocks", path()), &s.blocks, f);
                sections(&|| format!("{}.", path()), &s.sections, f);
            }
        }
        f(&|| "meta.title".to_owned(), &self.meta.title);
        for (i, front) in self.front_matter.iter().enumerate() {
            f(&|| format!("front_matter[{i}].title"), &front.title);
            blocks(&|| format!("front_matter[{i}].blocks"), &front.blocks, f);
        }
        for (i, p) in self.summary.iter().enumerate() {
            f(&|| format!("summary[{i}].text"), &p.text);
        }
        for (i, fact) in self.facts.iter().enumerate() {
            f(&|| format!("facts[{i}].value"), &fact.value);
            if let Some(q) = &fact.quote {
                f(&|| format!("facts[{i}].quote"), q);
            }
        }
        blocks(&|| "intro".to_owned(), &self.intro, f);
        sections(&String::new, &self.sections, f);
        for (i, d) in self.definitions.iter().enumerate() {
            f(&|| format!("definitions[{i}].term"), &d.term);
            for (j, a) in d.aliases.iter().enumerate() {
                f(&|| format!("definitions[{i}].aliases[{j}]"), a);
            }
            f(&|| format!("definitions[{i}].text"), &d.text);
        }
        for (i, c) in self.contacts.iter().enumerate() {
            f(&|| format!("contacts[{i}].label"), &c.label);
            if let Some(a) = &c.address {
                f(&|| format!("contacts[{i}].address"), a);
            }
        }
    }
}

impl Block {
    /// Every inline-text string of the block in reading order, each with its JSON
    /// path below the block (e.g. `items[2].text`): what the importer and the
    /// "nothing lost" tests read. Search and validation walk the same texts with
    /// [`Self::each_text`], which writes no path it is not asked for.
    pub fn texts(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        self.each_text(&mut |path, text| out.push((path(), text)));
        out
    }

    /// Calls `f` with every inline-text string of the block in reading order,
    /// and its path below the block ([`TextPath`]).
    pub fn each_text<'a>(&'a self, f: &mut dyn FnMut(TextPath, &'a str)) {
        match self {
            Block::Paragraph { text } => f(&|| "text".to_owned(), text),
            Block::List(list) => list.each_text(&String::new, f),
            Block::Fields { fields } => each_field("fields", fields, f),
            Block::Table(t) => {
                if let Some(caption) = &t.caption {
                    f(&|| "caption".to_owned(), caption);
                }
                for (i, h) in t.header.iter().enumerate() {
                    f(&|| format!("header[{i}]"), h);
                }
                for (r, row) in t.rows.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        f(&|| format!("rows[{r}][{c}]"), cell);
                    }
                }
            }
            Block::Tool(tool) => {
                f(&|| "name".to_owned(), &tool.name);
                for (field, value) in tool.labelled_values() {
                    f(&|| field.key().to_owned(), value);
                }
                each_field("other", &tool.other, f);
            }
        }
    }
}

/// A text's JSON path, written only when asked for. Validation reads one only
/// for a text that is wrong, and the widget nowhere else: formatting a path
/// for every text of a long policy had been ~17 ms of its reading time alone.
pub type TextPath<'p> = &'p dyn Fn() -> String;

fn each_field<'a>(key: &str, fields: &'a [Field], f: &mut dyn FnMut(TextPath, &'a str)) {
    for (i, field) in fields.iter().enumerate() {
        f(&|| format!("{key}[{i}].label"), &field.label);
        f(&|| format!("{key}[{i}].value"), &field.value);
    }
}

impl List {
    fn each_text<'a>(&'a self, prefix: TextPath, f: &mut dyn FnMut(TextPath, &'a str)) {
        for (i, item) in self.items.iter().enumerate() {
            let path = || format!("{}items[{i}]", prefix());
            f(&|| format!("{}.text", path()), &item.text);
            if let Some(sub) = &item.list {
                sub.each_text(&|| format!("{}.list.", path()), f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// The paths name each text where the JSON holds it: they are what
    /// `policy-widget validate` prints before a problem.
    #[test]
    fn every_text_comes_with_its_json_path_in_reading_order() {
        let bundle = crate::bundle::read::bundle(
            r##"{"format":"policy-bundle/1","meta":{"title":"T","publisher":{"name":"P"}},
            "intro":[{"type":"paragraph","text":"i"}],
            "sections":[{"id":"a","title":"A","blocks":[
                {"type":"list","items":[{"text":"one","list":{"items":[{"text":"one.one"}]}}]},
                {"type":"table","caption":"c","header":["h"],"rows":[["r"]]}
            ],"sections":[{"id":"b","title":"B","blocks":[
                {"type":"fields","fields":[{"label":"l","value":"v"}]},
                {"type":"tool","name":"n","purpose":"p","other":[{"label":"ol","value":"ov"}]}
            ]}]}]}"##,
        )
        .unwrap();
        let paths: Vec<(String, &str)> = bundle.all_texts();
        let expected = [
            ("meta.title", "T"),
            ("intro[0].text", "i"),
            ("sections[0].title", "A"),
            ("sections[0].blocks[0].items[0].text", "one"),
            ("sections[0].blocks[0].items[0].list.items[0].text", "one.one"),
            ("sections[0].blocks[1].caption", "c"),
            ("sections[0].blocks[1].header[0]", "h"),
            ("sections[0].blocks[1].rows[0][0]", "r"),
            ("sections[0].sections[0].title", "B"),
            ("sections[0].sections[0].blocks[0].fields[0].label", "l"),
            ("sections[0].sections[0].blocks[0].fields[0].value", "v"),
            ("sections[0].sections[0].blocks[1].name", "n"),
            ("sections[0].sections[0].blocks[1].purpose", "p"),
            ("sections[0].sections[0].blocks[1].other[0].label", "ol"),
            ("sections[0].sections[0].blocks[1].other[0].value", "ov"),
        ];
        let expected: Vec<(String, &str)> = expected.iter().map(|(p, t)| (p.to_string(), *t)).collect();
        assert_eq!(paths, expected);
    }
}
