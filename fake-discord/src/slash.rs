//! Application commands as a person uses them: `/brug` with its options,
//! and the suggestions Discord asks for while an option is typed.

use crate::state::type_options;
use crate::{gateway, payloads, Chan, FakeDiscord, SentKind, GUILD_ID, OFFER_WAIT};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

impl FakeDiscord {
    /// `user` runs `/brug <sub> name:value…` in `channel` with client locale `locale`;
    /// dispatches INTERACTION_CREATE (type 2) and returns the interaction id.
    ///
    /// As on Discord, only a registered command can be used: this waits up to 5 s for the bot
    /// to register `/brug` with subcommand `sub`, and panics if an option is unknown or a
    /// required one is missing. Values are typed as the command declares them (string options
    /// are type 3).
    pub async fn slash(
        &self,
        user: u64,
        channel: u64,
        sub: &str,
        options: &[(&str, &str)],
        locale: &str,
    ) -> u64 {
        let declared = self.declared(user, channel, sub).await;
        let typed = type_options(sub, &declared, options, true);
        self.command_interaction(
            user,
            channel,
            locale,
            2,
            payloads::slash_data(sub, &typed, false),
        )
    }

    /// `user` is typing option `focused` of `/brug <sub>` (so far: `typed`), with `options`
    /// filled in before it; dispatches INTERACTION_CREATE (type 4, autocomplete) and returns
    /// its id. As on Discord, only an option registered with `autocomplete: true` asks, the
    /// value so far is a string whatever the option's type, and required options may still be
    /// missing. The answer is a callback of type 8 (see [`FakeDiscord::suggestions`]).
    pub async fn autocomplete(
        &self,
        user: u64,
        channel: u64,
        sub: &str,
        (options, focused, typed): (&[(&str, &str)], &str, &str),
        locale: &str,
    ) -> u64 {
        let declared = self.declared(user, channel, sub).await;
        let decl = declared["options"]
            .as_array()
            .and_then(|o| o.iter().find(|o| o["name"] == focused))
            .cloned()
            .unwrap_or_else(|| panic!("autocomplete: /brug {sub} has no option `{focused}`"));
        assert!(
            decl["autocomplete"] == true,
            "autocomplete: option `{focused}` of /brug {sub} is not registered with autocomplete, so Discord would never ask: {decl}"
        );
        let filled = type_options(sub, &declared, options, false);
        let mut data = payloads::slash_data(sub, &filled, false);
        data["options"][0]["options"]
            .as_array_mut()
            .expect("slash_data lists the options")
            .push(
                json!({ "name": focused, "type": decl["type"], "value": typed, "focused": true }),
            );
        self.command_interaction(user, channel, locale, 4, data)
    }

    /// The choices the bot answered autocomplete `interaction` with: (name, value), or None
    /// while it has not answered.
    pub fn suggestions(&self, interaction: u64) -> Option<Vec<(String, String)>> {
        let g = self.shared.lock();
        let answer = g.sent.iter().find(|s| {
            matches!(s.kind, SentKind::Callback { interaction: i, kind: 8 } if i == interaction)
        })?;
        Some(
            answer.body["data"]["choices"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|c| {
                    let value = match &c["value"] {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    (c["name"].as_str().unwrap_or_default().to_string(), value)
                })
                .collect(),
        )
    }

    /// Waits up to 5 s for the bot to register `/brug` with subcommand `sub` where `channel`
    /// can see it; its declaration.
    async fn declared(&self, user: u64, channel: u64, sub: &str) -> Value {
        let deadline = Instant::now() + OFFER_WAIT;
        loop {
            let found = {
                let g = self.shared.lock();
                let guild = g.chan(channel).is_some_and(|c| c != Chan::Dm(user));
                g.subcommand(sub, guild)
            };
            match found {
                Some(d) => return d,
                None if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(20)).await
                }
                None => {
                    let g = self.shared.lock();
                    let names: Vec<&Value> = g
                        .guild_commands
                        .iter()
                        .chain(&g.global_commands)
                        .map(|c| &c["name"])
                        .collect();
                    panic!("slash: /brug {sub} is not registered (in channel {channel}); registered commands: {names:?}")
                }
            }
        }
    }

    /// Dispatches an application-command interaction (`kind` 2 or 4) with `data`.
    fn command_interaction(
        &self,
        user: u64,
        channel: u64,
        locale: &str,
        kind: u8,
        mut data: Value,
    ) -> u64 {
        let mut g = self.shared.lock();
        if let Some(u) = g.users.iter_mut().find(|u| u.id == user) {
            u.locale = locale.to_string();
        }
        let who = g.invoker(user, channel, "slash");
        if who.guild {
            data["guild_id"] = payloads::sf(GUILD_ID);
        }
        let id = g.new_interaction(kind, user, channel, None);
        let v = payloads::interaction(id, kind, data, &who, None);
        gateway::emit(&mut g, "INTERACTION_CREATE", v);
        id
    }
}
