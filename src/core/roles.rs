//! Role swap: who plays whom. Each participant takes the role of another
//! participant, as far from their own profession as the distance table allows;
//! nobody gets their own profession while another assignment exists; optionally
//! one participant (never the case owner) plays the client. Deterministic for a
//! given seed (the round id).

use super::flow::Roles;
use super::ids::{RoleId, UserRef};
use super::round::RoleAssignment;

/// Large enough to dominate every distance sum, small enough not to overflow.
const SAME_PROFESSION: i64 = 10_000;
const FORBIDDEN: i64 = 1_000_000_000;
/// Subtracted from the client column so that, when asked for, someone always
/// plays the client (exactly one row can take the column).
const CLIENT_BONUS: i64 = 100_000;

pub struct Player<'a> {
    pub user: &'a UserRef,
    pub profession: &'a RoleId,
}

/// Assigns roles. `players` in join order; returns one assignment per player.
pub fn assign(
    players: &[Player<'_>],
    owner: Option<&UserRef>,
    with_client: bool,
    roles: &Roles,
    seed: u64,
) -> Vec<RoleAssignment> {
    let n = players.len();
    if n == 0 {
        return Vec::new();
    }
    // Shuffle the order first so that ties fall differently per round but the
    // same way every time for one round.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (stable_hash(seed, players[i].user.id.as_bytes()), i));
    let ps: Vec<&Player> = order.iter().map(|&i| &players[i]).collect();

    let client = roles.client.as_ref().filter(|_| with_client && n >= 2);
    // Columns: one per player's own role, plus the client's.
    let cols = n + usize::from(client.is_some());
    let max_d = roles.distance.values().copied().max().unwrap_or(1) as i64 + 1;
    let cost: Vec<Vec<i64>> = ps
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (0..cols)
                .map(|j| {
                    if j == n {
                        let c = client.expect("client column exists");
                        return if owner == Some(p.user) {
                            FORBIDDEN
                        } else {
                            max_d - roles.distance(p.profession, c) as i64 - CLIENT_BONUS
                        };
                    }
                    if i == j {
                        return FORBIDDEN;
                    }
                    let target = ps[j].profession;
                    let same = if target == p.profession {
                        SAME_PROFESSION
                    } else {
                        0
                    };
                    same + max_d - roles.distance(p.profession, target) as i64
                })
                .collect()
        })
        .collect();
    let pick = hungarian(&cost);
    let mut out: Vec<RoleAssignment> = ps
        .iter()
        .zip(pick)
        .map(|(p, j)| match ps.get(j) {
            Some(target) => RoleAssignment {
                player: p.user.clone(),
                role: target.profession.clone(),
                plays: Some(target.user.clone()),
            },
            None => RoleAssignment {
                player: p.user.clone(),
                role: client
                    .expect("only the client column lies past the players")
                    .clone(),
                plays: None,
            },
        })
        .collect();
    // Back into join order, so records read the same way as the roster.
    out.sort_by_key(|a| players.iter().position(|p| p.user == &a.player));
    out
}

/// Minimum-cost assignment of every row to a distinct column (rows ≤ columns),
/// the Hungarian method in O(rows² · columns).
pub fn hungarian(cost: &[Vec<i64>]) -> Vec<usize> {
    let n = cost.len();
    let m = cost.first().map_or(0, Vec::len);
    assert!(n <= m, "more rows than columns");
    let inf = i64::MAX / 4;
    let mut u = vec![0i64; n + 1];
    let mut v = vec![0i64; m + 1];
    let mut p = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![inf; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0;
            for j in 1..=m {
                if !used[j] {
                    let cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut out = vec![0; n];
    for j in 1..=m {
        if p[j] != 0 {
            out[p[j] - 1] = j - 1;
        }
    }
    out
}

/// FNV-1a over a seed and bytes: stable across platforms and releases (unlike
/// `std`'s hasher), which keeps assignments and anonymous orderings reproducible.
pub fn stable_hash(seed: u64, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x100_0000_01b3);
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::flow::RoleInfo;
    use crate::core::ids::Platform;

    fn roles() -> Roles {
        let mk = |id: &str, profession| RoleInfo {
            id: RoleId::new(id),
            name: format!("n-{id}"),
            card: format!("c-{id}"),
            profession,
            aliases: vec![],
            side: None,
        };
        let mut r = Roles {
            roles: vec![
                mk("client", false),
                mk("client-manager-income", true),
                mk("client-manager-work", true),
                mk("social-worker", true),
            ],
            client: Some(RoleId::new("client")),
            ..Roles::default()
        };
        for (a, b, d) in [
            ("client-manager-income", "social-worker", 3),
            ("client-manager-work", "social-worker", 3),
            ("client-manager-income", "client-manager-work", 1),
            ("client", "social-worker", 2),
            ("client", "client-manager-income", 3),
            ("client", "client-manager-work", 3),
        ] {
            r.distance.insert((RoleId::new(a), RoleId::new(b)), d);
        }
        r
    }

    fn users(profs: &[&str]) -> (Vec<UserRef>, Vec<RoleId>) {
        let us = (0..profs.len())
            .map(|i| UserRef::new(Platform::Console, format!("u{i}")))
            .collect();
        (us, profs.iter().map(|p| RoleId::new(*p)).collect())
    }

    fn run(profs: &[&str], client: bool, seed: u64) -> Vec<(usize, String)> {
        let (us, ps) = users(profs);
        let players: Vec<Player> = us
            .iter()
            .zip(&ps)
            .map(|(user, profession)| Player { user, profession })
            .collect();
        assign(&players, Some(&us[1]), client, &roles(), seed)
            .into_iter()
            .map(|a| {
                let i = us.iter().position(|u| u == &a.player).unwrap();
                (i, a.role.0)
            })
            .collect()
    }

    #[test]
    fn two_professions_swap() {
        let sw = "social-worker";
        let km = "client-manager-income";
        for seed in 0..20 {
            let got = run(&[sw, sw, km, km], false, seed);
            assert_eq!(got[0].1, km);
            assert_eq!(got[1].1, km);
            assert_eq!(got[2].1, sw);
            assert_eq!(got[3].1, sw);
        }
    }

    #[test]
    fn client_is_never_the_owner_and_exactly_one() {
        for seed in 0..50 {
            let got = run(
                &[
                    "social-worker",
                    "client-manager-work",
                    "social-worker",
                    "client-manager-income",
                ],
                true,
                seed,
            );
            let clients: Vec<_> = got.iter().filter(|(_, r)| r == "client").collect();
            assert_eq!(clients.len(), 1);
            assert_ne!(clients[0].0, 1, "the owner (u1) never plays the client");
        }
    }

    #[test]
    fn deterministic_per_seed() {
        let p = [
            "social-worker",
            "client-manager-work",
            "client-manager-income",
            "social-worker",
            "other",
        ];
        assert_eq!(run(&p, true, 7), run(&p, true, 7));
    }

    #[test]
    fn hungarian_finds_the_minimum() {
        let c = vec![vec![4, 1, 3], vec![2, 0, 5], vec![3, 2, 2]];
        let a = hungarian(&c);
        let total: i64 = a.iter().enumerate().map(|(i, &j)| c[i][j]).sum();
        assert_eq!(total, 5);
    }
}
