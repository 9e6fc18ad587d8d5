//! brug in real Matrix rooms: everything through a real Synapse on loopback.

mod harness;
mod rounds;
mod safety;
mod seam;
