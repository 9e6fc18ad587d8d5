//! `brug run`: the engine, the runtime and every platform the config names
//! (Matrix, Discord, or both in one process), until Ctrl-C or SIGTERM. If
//! the engine dies (a bug), the process exits at once with status 70, so
//! that a supervisor starts it again.

use anyhow::bail;
use brug::flows::Catalog;
use std::path::Path;

/// The platforms this brug was built with.
const BUILT: &[&str] = &[
    #[cfg(feature = "matrix")]
    "matrix",
    #[cfg(feature = "discord")]
    "discord",
];

pub fn run(
    data: Option<&Path>,
    config: &Path,
    load: fn(Option<&Path>, &str) -> anyhow::Result<Catalog>,
) -> anyhow::Result<std::process::ExitCode> {
    let config = brug::config::Config::load(config)?;
    let named: Vec<&str> = [
        config.matrix.is_some().then_some("matrix"),
        config.discord.is_some().then_some("discord"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if named.is_empty() {
        bail!(
            "no chat platform is configured: add a [matrix] or [discord] section \
             (see config.example.toml)"
        );
    }
    if let Some(missing) = named.iter().find(|p| !BUILT.contains(p)) {
        bail!(
            "the config names {missing}, but this brug was built without it \
             (cargo feature `{missing}`): build it with `cargo build --release`"
        );
    }
    let catalog = std::sync::Arc::new(load(data.or(config.data.as_deref()), &config.prefix)?);
    serve(config, catalog)
}

#[cfg(not(any(feature = "matrix", feature = "discord")))]
fn serve(
    _config: brug::config::Config,
    _catalog: std::sync::Arc<Catalog>,
) -> anyhow::Result<std::process::ExitCode> {
    bail!("this brug was built without any chat platform")
}

#[cfg(any(feature = "matrix", feature = "discord"))]
fn serve(
    config: brug::config::Config,
    catalog: std::sync::Arc<Catalog>,
) -> anyhow::Result<std::process::ExitCode> {
    use brug::core::ids::{Platform, UserRef};
    use brug::edge::{Deliver, RouteView};
    use brug::engine::{Defaults, Engine};
    use brug::storage::{SledStore, Store};
    use std::sync::Arc;
    let key = brug::storage::Key::from_env_or_file(config.store_key_file.as_deref(), true)?;
    let store =
        Arc::new(SledStore::open(&config.store, &key).map_err(|e| {
            anyhow::anyhow!("opening the store in {}: {e}", config.store.display())
        })?);
    let instance = store.meta("instance")?.unwrap_or(0);
    let mut coordinators = Vec::new();
    if let Some(m) = &config.matrix {
        coordinators.extend(
            m.coordinators
                .iter()
                .map(|c| UserRef::new(Platform::Matrix, c)),
        );
    }
    let defaults = Defaults {
        lang: config.lang,
        tz: config.tz,
        prefix: config.prefix.clone(),
        retention_days: config.retention_days,
        coordinators,
        quiet: config.quiet,
    };
    let engine = Engine::open(store.clone(), catalog.clone(), defaults)?;
    let routes: Arc<dyn RouteView> = store.clone();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let mut platforms: std::collections::HashMap<Platform, Arc<dyn Deliver>> =
            std::collections::HashMap::new();
        let mut syncs: tokio::task::JoinSet<anyhow::Result<()>> = tokio::task::JoinSet::new();
        #[cfg(feature = "matrix")]
        let mut matrix = None;
        #[cfg(feature = "matrix")]
        if let Some(mc) = config.matrix.clone() {
            use brug::platform::matrix::{Matrix, MatrixOut};
            let mx = Matrix::connect(mc, routes.clone(), catalog.clone()).await?;
            platforms.insert(Platform::Matrix, Arc::new(MatrixOut { mx: mx.clone() }));
            matrix = Some(mx);
        }
        #[cfg(feature = "discord")]
        let discord = config.discord.clone().map(|dc| {
            use brug::platform::discord::{Discord, DiscordOut};
            let dc = Discord::new(
                dc,
                routes.clone(),
                catalog.clone(),
                config.prefix.clone(),
                config.lang,
            );
            platforms.insert(Platform::Discord, Arc::new(DiscordOut { dc: dc.clone() }));
            dc
        });
        let running = brug::runtime::start(
            engine,
            brug::runtime::Shared {
                catalog,
                routes,
                instance,
                platforms,
            },
            config.lang,
        );
        #[cfg(feature = "matrix")]
        if let Some(mx) = matrix {
            let (h, s) = (running.handle.clone(), stopped.clone());
            syncs.spawn(async move { Ok(mx.run(h, s).await?) });
        }
        #[cfg(feature = "discord")]
        if let Some(dc) = discord {
            let (h, s) = (running.handle.clone(), stopped.clone());
            syncs.spawn(async move { Ok(dc.run(h, s).await?) });
        }
        tracing::info!("brug is running");
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        let mut ended = running.ended;
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
            e = &mut ended => {
                let why = match e {
                    Ok(brug::runtime::Ended::Panicked(p)) => p,
                    Ok(brug::runtime::Ended::Stopped) => "it stopped".into(),
                    Err(e) => e.to_string(),
                };
                tracing::error!("the engine died ({why}): brug stops now, so that its supervisor starts it again");
                std::process::exit(70);
            }
            Some(r) = syncs.join_next() => match r {
                Ok(Ok(())) => {}
                Ok(Err(e)) => return Err(e),
                Err(e) => return Err(e.into()),
            },
        }
        if stop.send(true).is_err() {
            tracing::debug!("no platform was listening for the stop");
        }
        let running = brug::runtime::Running { handle: running.handle, ended };
        if let brug::runtime::Ended::Panicked(p) = running.stop().await {
            tracing::error!("the engine died while stopping: {p}");
            return Ok(std::process::ExitCode::from(70));
        }
        Ok::<_, anyhow::Error>(std::process::ExitCode::SUCCESS)
    })
}
