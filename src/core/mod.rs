//! The pure core: rounds, flows, events, effects and the `step` function.
//! Nothing here does I/O, reads the clock, or knows a platform
//! (`tests/architecture.rs` keeps it that way).

pub mod anonymous;
pub mod answer;
mod answering;
mod away;
pub mod balance;
mod correcting;
pub mod deadline;
pub mod effect;
pub mod enter;
pub mod erase;
pub mod event;
pub mod export;
pub mod flow;
pub mod follow_up;
pub mod group;
pub mod ids;
mod intake;
pub mod message;
pub mod msg;
mod opening;
pub mod over_time;
pub mod pairs;
pub mod participation;
pub mod pii;
pub mod profile;
pub mod progress;
pub mod record;
pub mod review;
pub mod roles;
pub mod round;
pub mod schedule;
pub mod span;
mod steering;
pub mod step;
pub mod summary;
pub mod timers;
mod vote;
pub mod which;

pub use effect::{Destination, Effect, Outgoing, Rejection, Target, Transition};
pub use event::{Event, Steer};
pub use flow::Flow;
pub use opening::{start, NewRound};
pub use round::Round;
pub use step::step;
