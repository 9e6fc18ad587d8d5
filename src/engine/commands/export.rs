//! `export [md|json] [#round]`: a round's record, privately, to a coordinator.

use crate::command;
use crate::core::effect::{Destination, Pending};
use crate::core::ids::RoundId;
use crate::core::message::Message;
use crate::core::{self, msg};
use crate::engine::{Draft, Engine, Inbound, Place, Result};
use crate::storage::Store;

impl<S: Store> Engine<S> {
    /// `export`: the record of the round of this thread, the one named (`#12`),
    /// or the group's latest, sent privately to the coordinator who asks.
    pub(super) fn export(
        &mut self,
        m: &Inbound,
        format: command::ExportFormat,
        wanted: Option<u64>,
    ) -> Result<Vec<Pending>> {
        let round = match (wanted, &m.place) {
            (Some(n), _) => self.store.round(RoundId(n))?,
            (None, Place::Thread(id)) => self.store.round(*id)?,
            (None, _) => self
                .store
                .rounds()?
                .into_iter()
                .filter(|r| match &m.group {
                    Some(g) => &r.group == g,
                    None => r.coordinator == m.sender,
                })
                .max_by_key(|r| r.id),
        };
        // Only rounds of this room, or (in a DM) ones the sender coordinates.
        let round = round.filter(|r| match &m.group {
            Some(g) if m.place != Place::Private => &r.group == g,
            _ => r.coordinator == m.sender || m.coordinator,
        });
        let prefix = self.defaults.prefix.clone();
        let Some(r) = round else {
            // A round named that is not here (erased, elsewhere, or never
            // was) is named back; otherwise there is none at all.
            let line = match wanted {
                Some(n) => msg::ERR_NO_SUCH_ROUND.msg().text("round", format!("#{n}")),
                None => msg::ERR_NO_ROUND.msg(),
            };
            return self.reply(m, line.text("prefix", prefix));
        };
        if !m.coordinator && r.coordinator != m.sender {
            return self.reply(m, super::not_coordinator(m));
        }
        let flow = self.flow_of(&r)?;
        let body = match format {
            command::ExportFormat::Md => core::export::message(&r, &flow),
            command::ExportFormat::Json => core::export::json_message(&r, &flow),
        };
        let (_, user_locale, tz) = self.reply_place(&Inbound {
            place: Place::Private,
            ..m.clone()
        })?;
        let mut drafts = vec![Draft {
            to: Destination::Private(m.sender.clone()),
            round: Some(r.id),
            locale: if format == command::ExportFormat::Md {
                r.locale
            } else {
                user_locale
            },
            tz,
            msg: body,
        }];
        if m.place != Place::Private {
            let (to, locale, tz) = self.reply_place(m)?;
            drafts.push(Draft {
                to,
                round: None,
                locale,
                tz,
                msg: Message::line(msg::EXPORT_SENT.msg().text("round", r.id.to_string())),
            });
        }
        self.commit(Vec::new(), Vec::new(), drafts, Vec::new())
    }
}
