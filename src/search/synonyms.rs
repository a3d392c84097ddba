//! Words residents use for what policies say otherwise. Each group's words
//! find each other; the glossary's aliases are added per bundle ("IP" finds
//! "Internet Protocol address").

/// Built-in groups for privacy vocabulary (English).
pub const GROUPS: &[&[&str]] = &[
    &["sell", "sold", "share", "disclose", "disclosure", "disseminate", "dissemination", "trade", "rent", "release"],
    &["keep", "retain", "retention", "store", "storage", "stored", "hold", "held", "kept", "long"],
    &["kid", "kids", "children", "child", "minors", "minor", "students", "student", "underage"],
    &["delete", "erase", "remove", "removed", "discard", "discarded"],
    &["email", "mail", "message", "messages"],
    &["cookie", "cookies", "tracker", "trackers", "tracking", "pixel"],
    &["track", "tracks", "tracking", "monitor", "analytics"],
    &["location", "gps", "geolocation", "geocodes"],
    &["safe", "secure", "security", "protect", "protection", "encrypted", "encryption", "hack", "breach"],
    &["private", "sensitive", "confidential"],
    &["public", "people", "anyone", "everyone", "others", "members"],
    &["foia", "records", "record"],
    &["change", "changes", "update", "updated", "modified", "revised"],
    &["contact", "ask", "question", "questions", "reach", "webmaster"],
    &["opt", "unsubscribe", "decline", "refuse"],
    &["ads", "advertising", "advertisement", "advertisements", "marketing", "commercial"],
    &["police", "subpoena", "court", "enforcement", "investigation", "criminal"],
    &["personal", "identifiable", "pii", "identify"],
    &["info", "information", "data", "details"],
    &["access", "see", "view", "copy"],
    &["correct", "fix", "wrong", "inaccurate", "mistake", "error"],
    &["pay", "payment", "payments", "bill", "bills", "transaction", "transactions", "credit", "card"],
    &["teacher", "teachers", "staff", "employee", "employees"],
    &["account", "accounts", "register", "registration", "login", "password"],
];

/// Multi-word phrases a single query word stands for.
pub const PHRASES: &[(&str, &str)] =
    &[("pii", "personally identifiable information"), ("ip", "internet protocol"), ("foia", "public records")];
