//! What every platform needs, once: delivery (the one `Deliver` trait, its
//! receipts, idempotency keys, retries), routing records and the read-only
//! view adapters get of them, catch-up after a restart, and messages
//! prepared for rendering. A platform folder under `platform/` holds only
//! what is that platform's own.

pub mod catch_up;
pub mod deliver;
pub mod render;
pub mod retry;
pub mod routes;
pub mod suggest;

pub use deliver::{BoxFuture, Deliver, DeliveryError, Job, Post, Receipt};
pub use routes::{PlaceId, PostRef, ReadError, RouteView};

use crate::core::ids::UserRef;

/// Whether a sender coordinates: the operator's list wins, else the
/// platform's own signal (a power level, a role, a permission).
pub fn is_coordinator(configured: &[UserRef], sender: &UserRef, platform_says: bool) -> bool {
    platform_says || configured.contains(sender)
}
