//! Platform adapters: each turns its platform's events into `engine::Inbound`
//! and implements `edge::Deliver` (send, delete, open a private place) —
//! nothing more; what every platform needs lives in `edge`. `console` is the
//! terminal. No file here touches the store (`tests/it/architecture.rs`).

pub mod console;
#[cfg(feature = "discord")]
pub mod discord;
#[cfg(feature = "matrix")]
pub mod matrix;
