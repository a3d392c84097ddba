//! The browser side of the widget (filled in below).
