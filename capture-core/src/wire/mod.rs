//! Zero-copy views of protocol headers, one protocol per file (after smoltcp's `wire`).
//!
//! A view wraps a borrowed byte slice and reads fields on demand; `new_checked` refuses a
//! slice too short for the fixed header, so field reads never panic.

pub mod ethernet;
pub mod ipv4;
pub mod udp;
