//! brug in real Matrix rooms: everything through a real Synapse on loopback.

mod both;
mod group;
mod harness;
mod history;
mod rounds;
mod safety;
mod seam;
