//! The Matrix adapter's one error type: what it was doing, and why that failed.

/// A failure of the adapter's start-up or sync loop.
#[derive(Debug, thiserror::Error)]
#[error("{what}: {source}")]
pub struct MatrixError {
    pub what: String,
    #[source]
    pub source: Box<dyn std::error::Error + Send + Sync>,
}

/// Names what was being done when a call failed.
pub(super) trait Doing<T> {
    fn doing(self, what: impl Into<String>) -> Result<T, MatrixError>;
}

impl<T, E: Into<Box<dyn std::error::Error + Send + Sync>>> Doing<T> for Result<T, E> {
    fn doing(self, what: impl Into<String>) -> Result<T, MatrixError> {
        self.map_err(|e| MatrixError {
            what: what.into(),
            source: e.into(),
        })
    }
}
