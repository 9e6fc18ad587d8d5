//! brug: asynchronous case consultations for mixed teams of social workers and
//! client managers, in Matrix rooms, Discord channels and the terminal.
//!
//! # Layout
//!
//! - [`core`]: pure round engine — `step(round, event, now, flow)`; no I/O, no clock.
//! - [`chart`]: draws a message's chart as a PNG with an embedded font.
//! - [`command`]: the `!brug …` text grammar, without I/O.
//! - [`config`]: `config.toml`, checked completely before anything runs.
//! - [`frames`]: frame catalogue and indicator detection (pure).
//! - [`flows`]: reads and validates flow and profession files, every error with its place.
//! - [`i18n`]: Fluent bundles for Dutch and English; renders messages to text.
//! - [`storage`]: the `Store` trait, its memory and sled implementations.
//! - [`engine`]: one writer: inbound -> step -> commit (state + outbox + timers
//!   + routing records) -> deliver.
//! - [`edge`]: what every platform needs, once: the `Deliver` trait and its
//!   driver, receipts, routing records and their read-only view, catch-up,
//!   idempotency keys, messages prepared for rendering.
//! - [`runtime`]: the running bot: the engine thread, timers, delivery lanes,
//!   several platforms in one process.
//! - [`session`]: `brug try`: console lines through the engine.
//! - [`platform`]: thin adapters, only what is each platform's own: `console`,
//!   `matrix` (cargo feature `matrix`).

pub mod assets;
pub mod chart;
pub mod command;
pub mod config;
pub mod core;
pub mod edge;
pub mod engine;
#[cfg(feature = "fault-injection")]
pub mod fault;
pub mod flows;
pub mod frames;
pub mod i18n;
pub mod platform;
pub mod runtime;
pub mod session;
pub mod storage;
