//! A real Synapse on 127.0.0.1 (started once per test run by
//! `scripts/synapse.sh`, stopped when the test process ends), test users
//! registered through Synapse's shared-secret API, matrix-sdk clients that
//! play the participants, and the real `brug run` binary as the bot.

/// The repository (this file is also used by the Matrix benchmark).
fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
use hmac::{Hmac, Mac};
use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::api::client::room::create_room::v3::Request as CreateRoom;
use matrix_sdk::ruma::events::relation::Thread;
use matrix_sdk::ruma::events::room::encryption::RoomEncryptionEventContent;
use matrix_sdk::ruma::events::room::member::{MembershipState, StrippedRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation, RoomMessageEventContent,
};
use matrix_sdk::ruma::events::InitialStateEvent;
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId, RoomId};
use matrix_sdk::{Client, Room};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

pub const SECRET: &str = "brug-test-secret";

pub struct Homeserver {
    pub url: String,
    pub dir: PathBuf,
    pub port: u16,
}

/// Matrix tests take turns: each starts a bot and several syncing clients,
/// and on a 2-core machine running them side by side only measures load.
pub async fn serial() -> tokio::sync::MutexGuard<'static, ()> {
    static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    TURN.lock().await
}

/// The shared homeserver, started on first use.
pub fn homeserver() -> &'static Homeserver {
    static HS: OnceLock<Homeserver> = OnceLock::new();
    HS.get_or_init(|| Homeserver::start("shared"))
}

impl Homeserver {
    /// A homeserver of its own (for tests that stop and restart it).
    pub fn start(tag: &str) -> Homeserver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = repo()
            .join("target/synapse-test")
            .join(format!("{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let hs = Homeserver {
            url: format!("http://127.0.0.1:{port}"),
            dir,
            port,
        };
        hs.up();
        hs
    }

    pub fn up(&self) {
        let status = Command::new("bash")
            .arg(repo().join("scripts/synapse.sh"))
            .args([
                "start",
                self.dir.to_str().unwrap(),
                &self.port.to_string(),
                &std::process::id().to_string(),
            ])
            .status()
            .expect("running scripts/synapse.sh");
        assert!(
            status.success(),
            "Synapse did not start (see {})",
            self.dir.display()
        );
    }

    pub fn down(&self) {
        let status = Command::new("bash")
            .arg(repo().join("scripts/synapse.sh"))
            .args(["stop", self.dir.to_str().unwrap()])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

/// Registers a user through the admin shared-secret API; returns the user id.
pub async fn register(hs: &Homeserver, name: &str, password: &str) -> String {
    register_as(hs, name, password, false).await
}

/// Registers a server admin and returns its access token (for admin APIs).
pub async fn admin_token(hs: &Homeserver) -> String {
    let name = unique("admin");
    let id = register_as(hs, &name, "pw-admin-1234", true).await;
    let body = serde_json::json!({
        "type": "m.login.password",
        "identifier": {"type": "m.id.user", "user": id},
        "password": "pw-admin-1234",
    });
    let resp = matrix_sdk::reqwest::Client::new()
        .post(format!("{}/_matrix/client/v3/login", hs.url))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let resp: serde_json::Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
    resp["access_token"]
        .as_str()
        .expect("an admin token")
        .to_string()
}

/// The homeserver's log of requests and warnings.
pub fn homeserver_log(hs: &Homeserver) -> String {
    std::fs::read_to_string(hs.dir.join("homeserver.log")).unwrap_or_default()
}

async fn register_as(hs: &Homeserver, name: &str, password: &str, admin: bool) -> String {
    let http = matrix_sdk::reqwest::Client::new();
    let url = format!("{}/_synapse/admin/v1/register", hs.url);
    let nonce: serde_json::Value =
        serde_json::from_str(&http.get(&url).send().await.unwrap().text().await.unwrap()).unwrap();
    let nonce = nonce["nonce"].as_str().unwrap().to_string();
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(SECRET.as_bytes()).unwrap();
    let role = if admin { "admin" } else { "notadmin" };
    mac.update(format!("{nonce}\0{name}\0{password}\0{role}").as_bytes());
    let mac: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let body = serde_json::json!({"nonce": nonce, "username": name, "password": password, "admin": admin, "mac": mac});
    let resp = http
        .post(&url)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert!(
        resp.status().is_success(),
        "registering {name}: {}",
        resp.text().await.unwrap()
    );
    format!("@{name}:localhost")
}

/// A unique prefix for user names, so tests sharing the server never collide.
pub fn unique(tag: &str) -> String {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    format!("{tag}{}x{n}", std::process::id())
}

/// A message someone saw.
#[derive(Debug, Clone)]
pub struct Seen {
    pub room: OwnedRoomId,
    pub event: OwnedEventId,
    pub sender: OwnedUserId,
    pub body: String,
    pub notice: bool,
    pub thread_root: Option<OwnedEventId>,
    pub mentions: Vec<OwnedUserId>,
    /// Whether `m.mentions` is present and mentions the whole room.
    pub mentions_room: Option<bool>,
    pub html: Option<String>,
    /// The picture, when the message is an image.
    pub image: Option<matrix_sdk::ruma::events::room::MediaSource>,
    /// The message this is a real reply to (not a thread's fallback).
    pub in_reply_to: Option<OwnedEventId>,
    /// An edit: the message it replaces, and its new text.
    pub replaces: Option<(OwnedEventId, String)>,
    /// When this client received it (the benchmark times with it).
    #[allow(dead_code)]
    pub at: Instant,
}

/// A participant: a matrix-sdk client that syncs in the background, joins
/// whatever it is invited to, and records every message it sees.
pub struct User {
    pub name: String,
    pub id: OwnedUserId,
    pub client: Client,
    pub seen: Arc<Mutex<Vec<Seen>>>,
    _dir: tempfile::TempDir,
    sync: tokio::task::JoinHandle<()>,
}

impl Drop for User {
    fn drop(&mut self) {
        self.sync.abort();
    }
}

impl User {
    pub async fn on(hs: &Homeserver, display: &str) -> User {
        let local = unique(&display.to_lowercase());
        let id = register(hs, &local, "pw-test-1234").await;
        let dir = tempfile::tempdir().unwrap();
        let client = Client::builder()
            .homeserver_url(&hs.url)
            .sqlite_store(dir.path(), None)
            .build()
            .await
            .unwrap();
        client
            .matrix_auth()
            .login_username(&id, "pw-test-1234")
            .send()
            .await
            .unwrap();
        client
            .account()
            .set_display_name(Some(display))
            .await
            .unwrap();
        client.sync_once(SyncSettings::default()).await.unwrap();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let s = seen.clone();
        client.add_event_handler(move |ev: OriginalSyncRoomMessageEvent, room: Room| {
            let s = s.clone();
            async move {
                let mut image = None;
                let (body, notice, html) = match &ev.content.msgtype {
                    MessageType::Notice(n) => (
                        n.body.clone(),
                        true,
                        n.formatted.as_ref().map(|f| f.body.clone()),
                    ),
                    MessageType::Text(t) => (t.body.clone(), false, None),
                    MessageType::Image(i) => {
                        image = Some(i.source.clone());
                        (
                            i.caption().unwrap_or_default().to_string(),
                            false,
                            i.formatted_caption().map(|f| f.body.clone()),
                        )
                    }
                    _ => return,
                };
                let thread_root = match &ev.content.relates_to {
                    Some(Relation::Thread(t)) => Some(t.event_id.clone()),
                    _ => None,
                };
                let in_reply_to = match &ev.content.relates_to {
                    Some(Relation::Thread(t)) if !t.is_falling_back => {
                        t.in_reply_to.as_ref().map(|r| r.event_id.clone())
                    }
                    Some(Relation::Reply(r)) => Some(r.in_reply_to.event_id.clone()),
                    _ => None,
                };
                let replaces = match &ev.content.relates_to {
                    Some(Relation::Replacement(r)) => {
                        Some((r.event_id.clone(), r.new_content.msgtype.body().to_string()))
                    }
                    _ => None,
                };
                let mentions = ev
                    .content
                    .mentions
                    .as_ref()
                    .map(|m| m.user_ids.iter().cloned().collect())
                    .unwrap_or_default();
                let mentions_room = ev.content.mentions.as_ref().map(|m| m.room);
                s.lock().unwrap().push(Seen {
                    room: room.room_id().to_owned(),
                    event: ev.event_id.clone(),
                    sender: ev.sender.clone(),
                    body,
                    notice,
                    thread_root,
                    mentions,
                    mentions_room,
                    html,
                    image,
                    replaces,
                    in_reply_to,
                    at: Instant::now(),
                });
            }
        });
        client.add_event_handler(
            |ev: StrippedRoomMemberEvent, room: Room, client: Client| async move {
                if Some(ev.state_key.as_ref()) == client.user_id()
                    && ev.content.membership == MembershipState::Invite
                {
                    for _ in 0..120 {
                        if room.join().await.is_ok() {
                            return;
                        }
                        tokio::time::sleep(Duration::from_millis(500)).await;
                    }
                }
            },
        );
        let c = client.clone();
        let sync = tokio::spawn(async move {
            loop {
                if c.sync_once(SyncSettings::default().timeout(Duration::from_secs(5)))
                    .await
                    .is_err()
                {
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
            }
        });
        User {
            name: display.to_string(),
            id: id.as_str().try_into().unwrap(),
            client,
            seen,
            _dir: dir,
            sync,
        }
    }

    /// Creates a group room (optionally encrypted) and invites people.
    pub async fn create_room(&self, invite: &[&OwnedUserId], encrypted: bool) -> Room {
        let mut req = CreateRoom::new();
        req.invite = invite.iter().map(|u| (*u).clone()).collect();
        req.name = Some("Casuïstiek".into());
        if encrypted {
            req.initial_state = vec![InitialStateEvent::with_empty_state_key(
                RoomEncryptionEventContent::with_recommended_defaults(),
            )
            .to_raw_any()];
        }
        self.client.create_room(req).await.unwrap()
    }

    pub fn room(&self, id: &RoomId) -> Room {
        self.client.get_room(id).expect("joined")
    }

    /// Waits until this user has joined a room.
    pub async fn joined(&self, id: &RoomId) -> Room {
        wait(Duration::from_secs(30), || {
            self.client
                .get_room(id)
                .filter(|r| r.state() == matrix_sdk::RoomState::Joined)
        })
        .await
        .unwrap_or_else(|| panic!("{} did not join {id}", self.name))
    }

    pub async fn say(&self, room: &Room, text: &str) -> OwnedEventId {
        room.send(RoomMessageEventContent::text_plain(text))
            .await
            .unwrap()
            .response
            .event_id
    }

    /// Edits one of this user's messages, as a client does: a replacement
    /// event (`m.replace`) with the new text.
    pub async fn edit(&self, room: &Room, of: &OwnedEventId, text: &str) -> OwnedEventId {
        use matrix_sdk::ruma::events::room::message::ReplacementMetadata;
        let content = RoomMessageEventContent::text_plain(text)
            .make_replacement(ReplacementMetadata::new(of.clone(), None));
        room.send(content).await.unwrap().response.event_id
    }

    pub async fn say_in_thread(
        &self,
        room: &Room,
        root: &OwnedEventId,
        text: &str,
    ) -> OwnedEventId {
        let mut c = RoomMessageEventContent::text_plain(text);
        c.relates_to = Some(Relation::Thread(Thread::plain(root.clone(), root.clone())));
        room.send(c).await.unwrap().response.event_id
    }

    /// Everything seen so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// Waits for a message matching `pred` (from anyone), returns it.
    pub async fn expect(&self, what: &str, pred: impl Fn(&Seen) -> bool) -> Seen {
        let found = wait(Duration::from_secs(90), || {
            self.seen().into_iter().find(|s| pred(s))
        })
        .await;
        found.unwrap_or_else(|| {
            let seen: Vec<String> = self
                .seen()
                .iter()
                .map(|s| format!("{}: {}", s.sender, s.body))
                .collect();
            panic!(
                "{} never saw {what}; saw:\n{}",
                self.name,
                seen.join("\n---\n")
            )
        })
    }

    /// Waits for the `n`-th (0-based) bot notice containing `text`.
    pub async fn expect_notice(&self, bot: &OwnedUserId, text: &str) -> Seen {
        self.expect(text, |s| &s.sender == bot && s.body.contains(text))
            .await
    }
}

pub async fn wait<T>(limit: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let end = Instant::now() + limit;
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if Instant::now() > end {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The key the bot's store is sealed with in tests.
const BOT_STORE_KEY: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/// The bot: `brug run` as a child process with its own account and store.
pub struct Bot {
    pub id: OwnedUserId,
    pub dir: tempfile::TempDir,
    child: Option<Child>,
    password: String,
}

impl Bot {
    pub async fn on(hs: &Homeserver, lang: &str, inviters: &[&str]) -> Bot {
        let local = unique("brug");
        let password = "pw-bot-1234".to_string();
        let id = register(hs, &local, &password).await;
        let dir = tempfile::tempdir().unwrap();
        let config = format!(
            r#"[store]
path = "{store}"
[defaults]
language = "{lang}"
quiet_hours = "0-0"
quiet_weekends = false
[matrix]
homeserver = "{hs}"
user = "{id}"
password_env = "BRUG_TEST_MATRIX_PASSWORD"
data_dir = "{data}"
allowed_inviters = {inviters:?}
"#,
            store = dir.path().join("store").display(),
            hs = hs.url,
            data = dir.path().join("matrix").display(),
        );
        std::fs::write(dir.path().join("config.toml"), config).unwrap();
        let mut bot = Bot {
            id: id.as_str().try_into().unwrap(),
            dir,
            child: None,
            password,
        };
        bot.start();
        bot
    }

    pub fn start(&mut self) {
        self.start_with_env(&[]);
    }

    /// Starts the bot with extra environment variables (fault injection).
    pub fn start_with_env(&mut self, env: &[(&str, &str)]) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join("bot.log"))
            .unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_brug"))
            .args(["run", "--config"])
            .arg(self.dir.path().join("config.toml"))
            .env("BRUG_TEST_MATRIX_PASSWORD", &self.password)
            .env("BRUG_STORE_KEY", BOT_STORE_KEY)
            .env("BRUG_LOG", "brug=debug,matrix_sdk=warn")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(child);
    }

    /// Restarts the bot with one more `[defaults]` line in its config.
    #[allow(dead_code)]
    pub fn restart_with_default(&mut self, line: &str) {
        self.kill();
        let path = self.dir.path().join("config.toml");
        let config = std::fs::read_to_string(&path).unwrap();
        let config = config.replacen("[defaults]\n", &format!("[defaults]\n{line}\n"), 1);
        std::fs::write(&path, config).unwrap();
        self.start();
    }

    /// Waits until the bot process has ended by itself; whether it did in time.
    #[allow(dead_code)]
    pub async fn exited(&mut self, limit: Duration) -> bool {
        let Some(child) = self.child.as_mut() else {
            return true;
        };
        let end = Instant::now() + limit;
        while Instant::now() < end {
            if child.try_wait().unwrap().is_some() {
                self.child = None;
                return true;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        false
    }

    /// Waits until the bot process has ended by itself; its exit code.
    pub async fn exit_code(&mut self, limit: Duration) -> Option<Option<i32>> {
        let child = self.child.as_mut()?;
        let end = Instant::now() + limit;
        while Instant::now() < end {
            if let Some(status) = child.try_wait().unwrap() {
                self.child = None;
                return Some(status.code());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        None
    }

    /// SIGKILL, no goodbye.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            c.kill().unwrap();
            c.wait().unwrap();
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("bot.log")).unwrap_or_default()
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        self.kill();
        // A failing test shows what the bot was doing (its store goes with it).
        if std::thread::panicking() {
            eprintln!("---- bot log ----\n{}", self.log());
        }
    }
}
