//! Words residents use for what policies say otherwise. Each group's words
//! find each other; the glossary's aliases are added per bundle ("IP" finds
//! "Internet Protocol address").

/// Built-in groups for privacy vocabulary (English): a line each, words
/// apart by spaces. One string rather than slices of them: slices are also
/// tables of addresses and lengths in the wasm, as big as the words.
pub const GROUPS: &str = concat!(
    "sell sold share disclose disclosure disseminate dissemination trade rent release\n",
    "keep retain retention store storage stored hold held kept long\n",
    "kid kids children child minors minor students student underage\n",
    "delete erase remove removed discard discarded\n",
    "email mail message messages\n",
    "cookie cookies tracker trackers tracking pixel\n",
    "track tracks tracking monitor analytics\n",
    "location gps geolocation geocodes\n",
    "safe secure security protect protection encrypted encryption hack breach\n",
    "private sensitive confidential\n",
    "public people anyone everyone others members\n",
    "foia records record\n",
    "change changes update updated modified revised\n",
    "contact ask question questions reach webmaster\n",
    "opt unsubscribe decline refuse\n",
    "ads advertising advertisement advertisements marketing commercial\n",
    "police subpoena court enforcement investigation criminal\n",
    "personal identifiable pii identify\n",
    "info information data details\n",
    "access see view copy\n",
    "correct fix wrong inaccurate mistake error\n",
    "pay payment payments bill bills transaction transactions credit card\n",
    "teacher teachers staff employee employees\n",
    "account accounts register registration login password\n",
);

/// Multi-word phrases a single query word stands for.
pub const PHRASES: &[(&str, &str)] =
    &[("pii", "personally identifiable information"), ("ip", "internet protocol"), ("foia", "public records")];
