//! The flows and locales built into the binary, so `brug` works from any
//! directory. A data directory (`--data DIR`) replaces them.

/// `(path, contents)` of every built-in data file.
pub const FILES: &[(&str, &str)] = &[
    ("flows/frames.toml", include_str!("../flows/frames.toml")),
    (
        "locales/nl/frames.ftl",
        include_str!("../locales/nl/frames.ftl"),
    ),
    (
        "locales/en/frames.ftl",
        include_str!("../locales/en/frames.ftl"),
    ),
    (
        "flows/professions.toml",
        include_str!("../flows/professions.toml"),
    ),
    (
        "flows/golden-circle.toml",
        include_str!("../flows/golden-circle.toml"),
    ),
    (
        "flows/role-swap.toml",
        include_str!("../flows/role-swap.toml"),
    ),
    ("flows/gossip.toml", include_str!("../flows/gossip.toml")),
    (
        "flows/four-windows.toml",
        include_str!("../flows/four-windows.toml"),
    ),
    (
        "flows/action-cycle.toml",
        include_str!("../flows/action-cycle.toml"),
    ),
    (
        "flows/joint-interview.toml",
        include_str!("../flows/joint-interview.toml"),
    ),
    (
        "flows/bridging-game.toml",
        include_str!("../flows/bridging-game.toml"),
    ),
    (
        "locales/nl/brug.ftl",
        include_str!("../locales/nl/brug.ftl"),
    ),
    (
        "locales/nl/flows.ftl",
        include_str!("../locales/nl/flows.ftl"),
    ),
    (
        "locales/nl/roles.ftl",
        include_str!("../locales/nl/roles.ftl"),
    ),
    (
        "locales/nl/discord.ftl",
        include_str!("../locales/nl/discord.ftl"),
    ),
    (
        "locales/en/brug.ftl",
        include_str!("../locales/en/brug.ftl"),
    ),
    (
        "locales/en/flows.ftl",
        include_str!("../locales/en/flows.ftl"),
    ),
    (
        "locales/en/roles.ftl",
        include_str!("../locales/en/roles.ftl"),
    ),
    (
        "locales/en/discord.ftl",
        include_str!("../locales/en/discord.ftl"),
    ),
];
