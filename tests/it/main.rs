//! The integration tests: whole rounds through the console session, privacy
//! properties, crash recovery of the real binary, flow validation, and the
//! architecture rules. Shared helpers live in `support`.

mod anonymity;
mod answers;
mod architecture;
mod away;
mod bad_input;
mod balance;
mod commands;
mod consent;
mod crash;
#[cfg(feature = "discord")]
mod discord;
mod edits;
mod engine;
mod erasure;
mod export;
mod flows_check;
mod follow_up;
mod frames;
mod group;
mod locales;
#[cfg(feature = "matrix")]
mod matrix;
mod methods;
mod pii;
mod privacy;
mod property;
mod quiet;
mod reminders;
mod scenarios;
mod schedule;
mod summaries;
mod support;
