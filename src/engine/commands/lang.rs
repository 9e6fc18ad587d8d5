//! `lang nl|en`: a person's own language, or (a coordinator in the room) the group's.

use crate::core::effect::Pending;
use crate::core::ids::Locale;
use crate::core::message::Message;
use crate::core::msg;
use crate::engine::{Draft, Engine, Inbound, Place, Result};
use crate::storage::Store;

impl<S: Store> Engine<S> {
    pub(super) fn set_lang(&mut self, m: &Inbound, lang: Locale) -> Result<Vec<Pending>> {
        let Some(gid) = m.group.clone() else {
            return self.reply(
                m,
                msg::NOT_A_COMMAND_HERE
                    .msg()
                    .text("prefix", self.defaults.prefix.clone()),
            );
        };
        let mut g = self.group(&gid)?;
        let for_group = m.coordinator && m.place != Place::Private;
        let line = if g.choose_lang(&m.sender, lang, for_group) {
            msg::GROUP_LANG_SET.msg()
        } else {
            msg::LANG_SET.msg()
        };
        let (to, _, tz) = self.reply_place(m)?;
        let draft = Draft {
            to,
            round: None,
            locale: lang,
            tz,
            msg: Message::line(line),
        };
        self.commit(Vec::new(), vec![g], vec![draft], Vec::new())
    }
}
