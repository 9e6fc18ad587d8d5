//! A group's recurring rounds, over time: asking the next case owner to
//! prepare the case, telling the coordinator when it is missing, opening
//! the round on time — and the case owner's private messages that prepare
//! it (checked for identifiers as any intake).

use super::{Draft, Engine, Inbound, Place, Result, StartRequest};
use crate::core::effect::{Destination, Pending};
use crate::core::flow::StepKind;
use crate::core::group::GroupState;
use crate::core::ids::GroupId;
use crate::core::round::Participant;
use crate::core::schedule::{self, Due};
use crate::core::which;
use crate::edge::RouteView;
use crate::storage::Store;
use chrono::{DateTime, Datelike, Utc};

impl<S: Store> Engine<S> {
    /// Fires the schedules due at `now`.
    pub(super) fn fire_schedules(&mut self, now: DateTime<Utc>) -> Result<Vec<Pending>> {
        let due: Vec<GroupId> = self
            .scheduled
            .iter()
            .filter(|(_, t)| **t <= now)
            .map(|(g, _)| g.clone())
            .collect();
        let mut out = Vec::new();
        for gid in due {
            let mut g = self.group(&gid)?;
            let Some(s) = g.schedule.as_mut() else {
                self.scheduled.remove(&gid);
                continue;
            };
            match schedule::tick(s, now, g.tz, g.quiet) {
                None => {
                    self.scheduled.remove(&gid);
                }
                Some(Due::Say(say)) => {
                    let drafts = say
                        .into_iter()
                        .map(|(to, msg)| Draft {
                            locale: g.lang_of(&to),
                            to: Destination::Private(to),
                            round: None,
                            tz: g.tz,
                            msg,
                        })
                        .collect();
                    out.extend(self.commit(Vec::new(), vec![g], drafts, Vec::new())?);
                }
                Some(Due::Open(up)) => out.extend(self.open_scheduled(g, up, now)?),
            }
        }
        Ok(out)
    }

    /// Opens the round a schedule planned, with its prepared case; the
    /// schedule (already planned on) is committed with it.
    fn open_scheduled(
        &mut self,
        g: GroupState,
        up: schedule::Upcoming,
        now: DateTime<Utc>,
    ) -> Result<Vec<Pending>> {
        let s = g.schedule.clone().expect("a schedule fired");
        // The case owner takes part as they did before, where that is known.
        let participants = up
            .owner
            .iter()
            .filter_map(|o| {
                Some(Participant {
                    user: o.user.clone(),
                    name: o.name.clone(),
                    profession: o.profession.clone()?,
                    left: false,
                    away_until: None,
                })
            })
            .collect();
        let title = match (&up.owner, g.lang) {
            (Some(o), crate::core::ids::Locale::Nl) => format!("Casus van {}", o.name),
            (Some(o), crate::core::ids::Locale::En) => format!("{}'s case", o.name),
            (None, _) => String::new(),
        };
        let req = StartRequest {
            group: g.id.clone(),
            coordinator: s.coordinator.user.clone(),
            coordinator_name: s.coordinator.name.clone(),
            flow: s.flow.clone(),
            title,
            participants,
            owner: up.owner.as_ref().map(|o| o.user.clone()),
            place: Place::Group,
        };
        if self.catalog.flow(&s.flow).is_none() {
            // The method is gone (its file removed): the coordinator hears
            // so, and the schedule moves on rather than firing again.
            let m = Inbound::new(
                None,
                s.coordinator.user.clone(),
                &s.coordinator.name,
                Place::Private,
                "",
            );
            let draft = self.draft_reply(
                &m,
                crate::core::message::Message::line(super::commands::unknown_flow(
                    &s.flow,
                    &self.defaults.prefix,
                )),
            )?;
            return self.commit(Vec::new(), vec![g], vec![draft], Vec::new());
        }
        let prepared = match (&up.case, &up.owner) {
            (Some(case), Some(o)) => Some(crate::core::round::Prepared {
                by: o.user.clone(),
                case: case.clone(),
                consent: up.consent,
            }),
            _ => None,
        };
        Ok(self.start_with(req, prepared, vec![g], now)?.1)
    }

    /// The group whose next round waits on this private message's writer
    /// to prepare its case — when nothing else claims the message (a reply
    /// to a round's message, a `#12`, a round waiting on them privately).
    pub(super) fn preparing(&self, m: &Inbound) -> Result<Option<GroupState>> {
        if m.place != Place::Private
            || self.scheduled.is_empty()
            || which::round_tag(&m.text).is_some()
        {
            return Ok(None);
        }
        if let Some(post) = &m.reply_to {
            if self
                .store
                .round_of_private(m.sender.platform, post)?
                .is_some()
            {
                return Ok(None);
            }
        }
        // The (few) scheduled groups first; only for a case owner who was
        // asked, the open rounds they are in.
        let mut found = None;
        for gid in self.scheduled.keys() {
            let g = self.group(gid)?;
            if g.schedule
                .as_ref()
                .is_some_and(|s| schedule::awaits(s, &m.sender))
            {
                found = Some(g);
                break;
            }
        }
        let claimed = found.is_some()
            && self
                .open
                .values()
                .any(|r| r.participant(&m.sender).is_some() && self.waits_privately_on(r, m));
        Ok(found.filter(|_| !claimed))
    }

    /// The case owner's private message preparing the case.
    pub(super) fn prepare(&mut self, m: &Inbound, mut g: GroupState) -> Result<Vec<Pending>> {
        let Some(s) = g.schedule.as_mut() else {
            return Ok(Vec::new());
        };
        let needs_consent = self.catalog.flow(&s.flow).is_some_and(|f| {
            f.steps
                .iter()
                .any(|st| matches!(st.kind, StepKind::Intake { consent: true }))
        });
        let hits = crate::core::pii::find(&m.text, self.now.year());
        let Some(up) = s.next.as_mut() else {
            return Ok(Vec::new());
        };
        let reply = schedule::prepared(up, needs_consent, &m.text, &hits);
        // The message itself is not quoted back with its identifiers: the
        // reply says what was found and keeps only the masked case.
        let private = Inbound {
            text: String::new(),
            ..m.clone()
        };
        let draft = self.draft_reply(&private, reply)?;
        self.commit(Vec::new(), vec![g], vec![draft], Vec::new())
    }
}
