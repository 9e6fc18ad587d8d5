//! Commands through the console: each wrong one gets a one-line, translated
//! answer that says what would work; steering is for coordinators only.

use super::privacy::final_round;
use super::support::{default_people, Run};
use brug::core::ids::Locale;
use brug::core::round::Status;

fn last_reply(run: &mut Run, line: &str) -> String {
    let before = run.seen().len();
    run.feed(line);
    let new = run.since(before);
    assert_eq!(
        new.len(),
        1,
        "one answer to `{line}`, got {:?}",
        new.iter().map(|s| s.line()).collect::<Vec<_>>()
    );
    new[0].line()
}

#[test]
fn wrong_commands_get_a_helpful_line_in_english() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    let cases = [
        ("Anna: !brug frobnicate", "[thread] There is no command `frobnicate`; `!brug help` lists them."),
        ("Anna: !brug extend", "[thread] `extend` needs more: `!brug extend <30m|12h|3d|1w>`."),
        ("Anna: !brug extend soon", "[thread] `soon` is not a duration; use for example 30m, 12h, 3d or 1w."),
        ("Anna: !brug lang fr", "[thread] `fr` is not a language I speak; use nl or en."),
        ("Anna: !brug extend 99w", "[thread] `99w` is longer than I can wait: at most a year (52w)."),
        ("Anna: !brug export xml", "[thread] `xml` is not a format or a round; use `!brug export md` or `!brug export json`, with a round number like `#3` if you want one."),
        ("Anna: !brug retention abc", "[thread] `abc` is not a number of days; use for example `!brug retention 90` (at most 3650)."),
        ("Anna: !brug start", "[thread] `start` needs more: `!brug start <method> [title…]`."),
        ("Bram: !brug owner Zoe", "[thread] Only a coordinator can do that; in this round that is Anna. Ask Anna here in the thread; `!brug status` shows where the round is."),
        ("Bram: !brug next", "[thread] Only a coordinator can do that; in this round that is Anna. Ask Anna here in the thread; `!brug status` shows where the round is."),
        ("Chris: !brug cancel", "[thread] Only a coordinator can do that; in this round that is Anna. Ask Anna here in the thread; `!brug status` shows where the round is."),
        ("Anna: !brug start nonsense", "[thread] There is no method `nonsense`; `!brug flows` lists them."),
        ("Anna: !brug owner Zoe", "[thread] Zoe is not a participant of this round."),
        ("Anna: !brug join", "[thread] You are already taking part, as social worker."),
        ("Anna: !brug resume", "[thread] The round is not paused."),
        ("Chris: a message in the thread", "[thread] This step is not for you; you will be mentioned when it is your turn."),
        ("Eva: hello", "[thread] You are not taking part in this round yet: write `!brug join` with your profession."),
        ("Eva: !brug join plumber", "[thread] `plumber` is not a profession here; choose one of: social worker, client manager Work, client manager Income or other profession."),
    ];
    for (input, want) in cases {
        assert_eq!(last_reply(&mut run, input), want, "for {input}");
    }
    assert_eq!(final_round(&run).status, Status::Running);
}

#[test]
fn wrong_commands_are_answered_in_dutch_too() {
    let mut run = Run::new("golden-circle", Locale::Nl, default_people());
    assert_eq!(
        last_reply(&mut run, "Anna: !brug frobnicate"),
        "[thread] Er is geen commando `frobnicate`; `!brug help` toont ze."
    );
    assert_eq!(
        last_reply(&mut run, "Bram: !brug next"),
        "[thread] Alleen een gespreksleider kan dat; in deze ronde is dat Anna. Vraag het Anna hier in de thread; `!brug status` laat zien waar de ronde is."
    );
    assert_eq!(
        last_reply(&mut run, "Anna: Antwoord in de thread"),
        "[thread] Deze stap is niet voor jou; je krijgt een melding zodra je aan de beurt bent."
    );
    // The reason fits the mistake, in Dutch, with Dutch placeholders.
    for (input, want) in [
        ("Anna: !brug extend 99w", "[thread] `99w` is langer dan ik kan wachten: hoogstens een jaar (52w)."),
        ("Anna: !brug export xml", "[thread] `xml` is geen bestandsformaat en geen ronde; gebruik `!brug export md` of `!brug export json`, eventueel met een rondenummer zoals `#3`."),
        ("Anna: !brug retention abc", "[thread] `abc` is geen aantal dagen; gebruik bijvoorbeeld `!brug retention 90` (hoogstens 3650)."),
        ("Anna: !brug start", "[thread] `start` is niet compleet. Gebruik: `!brug start <methode> [titel…]`."),
        ("Anna: !brug owner", "[thread] `owner` is niet compleet. Gebruik: `!brug owner <naam>`."),
        ("Bram: !brug owner Zoe", "[thread] Alleen een gespreksleider kan dat; in deze ronde is dat Anna. Vraag het Anna hier in de thread; `!brug status` laat zien waar de ronde is."),
    ] {
        assert_eq!(last_reply(&mut run, input), want, "for {input}");
    }
}

#[test]
fn blind_answer_in_the_thread_is_refused_and_not_kept() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    run.feed("Bram (dm): A case.\nBram (dm): yes\nAnna: !brug next");
    let reply = last_reply(&mut run, "Anna: Why: my secret");
    assert!(reply.contains("This step is blind"), "{reply}");
    assert!(final_round(&run).answers.iter().all(|a| a.step != "circle"));
}

#[test]
fn joining_late_gets_the_private_question() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    run.feed("Bram (dm): A case.\nBram (dm): yes\nAnna: !brug next");
    let before = run.seen().len();
    run.feed("Eva: !brug join sw");
    let new = run.since(before);
    assert_eq!(new[0].line(), "[thread] Eva takes part as social worker.");
    assert_eq!(new[1].dm_to(), Some("Eva"));
    assert!(new[1].text.contains("Your circle"));
}

#[test]
fn help_and_flows_in_both_languages() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    assert!(last_reply(&mut run, "Dewi: !brug help").contains("!brug start <method> [title]"));
    assert!(last_reply(&mut run, "Dewi: !brug help extend")
        .contains("moves the current deadline later"));
    let flows = last_reply(&mut run, "Dewi: !brug flows");
    assert!(flows.contains("7 methods are available"), "{flows}");
    assert!(flows.contains("`role-swap` — Role swap"));
    assert_eq!(
        last_reply(&mut run, "Dewi: !brug lang nl"),
        "[thread] Vanaf nu krijg je mijn berichten in het Nederlands."
    );
    let mut nl = Run::new("golden-circle", Locale::Nl, default_people());
    assert!(last_reply(&mut nl, "Dewi: !brug help").contains("!brug start <methode> [titel]"));
}

#[test]
fn cancel_closes_the_round_for_good() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    assert_eq!(
        last_reply(&mut run, "Anna: !brug cancel"),
        "[thread] Anna cancelled this round."
    );
    assert_eq!(final_round(&run).status, Status::Cancelled);
    // Late steering, answers and `status` are told the round ended and
    // where its record is, not that there is no round.
    for line in [
        "Anna: !brug next",
        "Bram: my late answer",
        "Chris: !brug status",
    ] {
        assert_eq!(
            last_reply(&mut run, line),
            "[thread] Round #1 has ended, so this was not added. `!brug export #1` sends you its record while it is kept.",
            "for {line}"
        );
    }
    let round = final_round(&run);
    assert!(
        round.answers.iter().all(|a| a.by.id != "Bram"),
        "{:?}",
        round.answers
    );
}

#[test]
fn a_late_message_in_dutch_hears_the_round_ended() {
    let mut run = Run::new("golden-circle", Locale::Nl, default_people());
    run.feed("Anna: !brug cancel");
    assert_eq!(
        last_reply(&mut run, "Bram (dm): nog een antwoord"),
        "[dm Bram] Ronde #1 is afgelopen, dus dit is niet toegevoegd. Met `!brug export #1` krijg je het verslag, zolang het bewaard wordt."
    );
    // Someone who never took part is told how to join, not that no round exists.
    assert_eq!(
        last_reply(&mut run, "Eva (dm): hallo"),
        "[dm Eva] Je doet niet mee aan een open ronde. Wil je meedoen, schrijf dan `!brug join` in de thread van de ronde, in de ruimte van je team."
    );
}

/// Phones capitalise the first letter, and some people shout: the prefix
/// and the command words work in any case, and are never taken as answers.
#[test]
fn commands_in_any_case() {
    for (locale, status) in [(Locale::En, "Round #1"), (Locale::Nl, "Ronde #1")] {
        let mut run = Run::new("golden-circle", locale, default_people());
        // The intake waits for the owner; the coordinator's lines are not answers.
        for line in [
            "Anna: !BRUG status",
            "Anna: !Brug status",
            "Anna: !brug STATUS",
        ] {
            let reply = last_reply(&mut run, line);
            assert!(reply.contains(status), "{line}: {reply}");
        }
        let round = final_round(&run);
        assert!(round.answers.is_empty(), "{:?}", round.answers);
        // A coordinator's capitalised `next` steers.
        run.feed("Bram (dm): A case.\nBram (dm): yes");
        let step = final_round(&run).step;
        run.feed("Anna: !Brug Next");
        assert!(final_round(&run).step > step, "!Brug Next did not move on");
    }
}

/// Changing the case owner after the case is in says what changes.
#[test]
fn a_new_owner_after_the_case_hears_what_changes() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    run.feed("Bram (dm): A case.\nBram (dm): yes");
    assert_eq!(
        last_reply(&mut run, "Anna: !brug owner Chris"),
        "[thread] Chris is now the case owner instead of Bram. The case Bram brought in stays as it is; from here on, what the method asks of the case owner is asked of Chris."
    );
    assert_eq!(
        last_reply(&mut run, "Anna: !brug owner Chris"),
        "[thread] Chris is already the case owner."
    );
    let mut nl = Run::new("golden-circle", Locale::Nl, default_people());
    nl.feed("Bram (dm): Een casus.\nBram (dm): ja");
    assert_eq!(
        last_reply(&mut nl, "Anna: !brug owner Chris"),
        "[thread] Chris is nu de casusinbrenger in plaats van Bram. De casus die Bram inbracht, blijft staan; vragen voor de casusinbrenger gaan vanaf nu naar Chris."
    );
}

/// A tap on `next` does not skip a step that still waits for answers: it
/// says who is missing; `next!` goes on on purpose.
#[test]
fn next_with_answers_missing_asks_for_next_bang() {
    for (locale, missing, case, circle) in [
        (
            Locale::En,
            "[thread] Not everyone has answered this step yet: Anna, Bram and Dewi have not. Write `!brug next!` to go on anyway, or `!brug extend 2d` to give them more time.",
            "Bram (dm): A case.\nBram (dm): yes",
            "Chris (dm): Problem: p\\nClient: c\\nWhy: a\\nHow: b\\nWhat: c",
        ),
        (
            Locale::Nl,
            "[thread] Anna, Bram en Dewi hebben deze stap nog niet beantwoord. Schrijf `!brug next!` om toch door te gaan, of `!brug extend 2d` om meer tijd te geven.",
            "Bram (dm): Een casus.\nBram (dm): ja",
            "Chris (dm): Probleem: p\\nCliënt: c\\nWaarom: a\\nHoe: b\\nWat: c",
        ),
    ] {
        let mut run = Run::new("golden-circle", locale, default_people());
        run.feed(case);
        run.feed("Anna: !brug next");
        let step = final_round(&run).step;
        run.feed(circle);
        assert_eq!(last_reply(&mut run, "Anna: !brug next"), missing);
        assert_eq!(final_round(&run).step, step, "a plain next skipped the step");
        run.feed("Anna: !brug next!");
        assert!(final_round(&run).step > step, "next! did not go on");
    }
}

/// Three late messages to a closed round give one notice: each person hears
/// once per round that it ended (and where its record is); a command is
/// still answered.
#[test]
fn late_messages_to_a_closed_round_give_one_notice_per_person() {
    for (locale, ended) in [
        (Locale::En, "Round #1 has ended"),
        (Locale::Nl, "Ronde #1 is afgelopen"),
    ] {
        let mut run = Run::new("golden-circle", locale, default_people());
        run.feed("Anna: !brug cancel");
        let before = run.seen().len();
        run.feed("Bram: one\nBram: two\nBram (dm): three\nChris: four\nChris: five");
        let said: Vec<String> = run.since(before).iter().map(|s| s.line()).collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(
            said[0].starts_with("[thread]") && said[0].contains(ended),
            "{said:?}"
        );
        assert!(said[1].contains(ended), "{said:?}");
        assert!(last_reply(&mut run, "Bram: !brug status").contains(ended));
    }
}
