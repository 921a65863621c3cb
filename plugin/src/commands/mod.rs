//! One module per command; `deploy` holds what `capture` and `restart` share.

pub mod capture;
pub mod delete;
pub mod deploy;
pub mod export;
pub mod get;
pub mod logs;
pub mod restart;
pub mod stop;
