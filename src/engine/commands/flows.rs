//! `flows`: the methods there are, one line each.

use crate::core::effect::Pending;
use crate::core::message::{Block, Message};
use crate::core::msg;
use crate::engine::{Engine, Inbound, Result};
use crate::storage::Store;

impl<S: Store> Engine<S> {
    pub(super) fn list_flows(&mut self, m: &Inbound) -> Result<Vec<Pending>> {
        let mut msg = Message::default();
        msg.push(Block::Heading(
            msg::FLOWS_HEADING
                .msg()
                .num("count", self.catalog.flows.len() as i64),
        ));
        for f in self.catalog.flows.values() {
            msg.push(Block::Item(
                msg::FLOW_LINE
                    .msg()
                    .text("id", f.id.clone())
                    .msg("name", f.name.clone())
                    .msg("description", f.description.clone()),
            ));
        }
        self.reply_msg(m, msg)
    }
}
