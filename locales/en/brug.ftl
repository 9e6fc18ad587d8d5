## What the bot says. Variables are filled in by the code (src/core/msg.rs).

## Lists: the word before the last item ("a, b and c", "a, b or c")
list-and = and
list-or = or

## Rounds

round-opened = Round { $round }: { $flow } — «{ $title }». Coordinated by { $coordinator }; { $steps } steps, all in this thread.
round-how-to-join = Taking part? Write `!brug join` with your profession here. Private answers go to me in a direct message.
first-deadline = First deadline: { $deadline }.
round-closed = Round { $round } is closed. Thank you all.
round-cancelled = { $name } cancelled this round.
round-paused = { $name } paused this round; deadlines are on hold until it resumes.
round-resumed = { $name } resumed this round.
step-header = Step { $n } of { $total }: { $title }
step-deadline = Deadline: { $deadline }.
step-next = { $name } moved the round on.
next-missing = Not everyone has answered this step yet: { $names } { $count ->
    [one] has
   *[other] have
} not. Write `!brug next!` to go on anyway, or `!brug extend 2d` to give them more time.
deadline-extended = The deadline is now { $deadline }.
deadline-passed = The deadline has passed; on to the next step.
deadline-passed-coordinator = In round { $round }, the deadline for «{ $step }» has passed. Say `!brug next` in the thread when the group is ready.
step-still-open = Nobody has answered «{ $step }» yet, so this step stays open until { $deadline }.
step-waits-coordinator = In round { $round }, «{ $step }» still has no answers, even after extra time. It is now up to you: in the thread, `!brug next!` moves on, `!brug extend 2d` sets a new deadline and `!brug cancel` ends the round.
step-empty-coordinator = In round { $round }, nobody answered «{ $step }» before its deadline. I have reminded { $missing } and will keep the step open until { $deadline }. In the thread, `!brug next!` moves on anyway and `!brug extend 2d` gives more time.
case-missing-coordinator = In round { $round }, { $name } has not sent the case yet. The round will wait for it until { $deadline }; I have reminded { $name }. To have someone else bring in a case, write `!brug owner <name>` in the thread.
case-no-owner-coordinator = Round { $round } is waiting: nobody has been named to bring in the case yet. Name someone in the thread with `!brug owner <name>`.
joined = { $name } takes part as { $profession }.
left = { $name } has left the round; their answers so far stay.
owner-unknown = the case owner
owner-set = { $name } is the case owner.
owner-already = { $name } is already the case owner.
owner-changed-after-case = { $name } is now the case owner instead of { $before }. The case { $before } brought in stays as it is; from here on, what the method asks of the case owner is asked of { $name }.

## Step hints

hint-blind = Answer privately: send your answer to me in a direct message. Nobody sees it before the reveal, the coordinator included.
hint-reflect = Answer privately: the questions come to you in a direct message. Answers are shown only without names.
hint-open = Answer here in the thread.
hint-private = Reply to this message with your answer. You can change it by sending it again until the step ends.
hint-fields = Start each part on its own line with its label:
field-template = { $label }: …
hint-intake = Send the case as a reply here. I will show it to you first; it is posted in the thread only after you confirm.
hint-scores = Give each a score from 1 (not at all) to 5 (fully), and a few words if you like, each on its own line:
score-template = { $label }: 1–5 …
hint-choose-one = Reply with the number of your choice.
hint-choose-many = Reply with the numbers of your choices, e.g. `1, 3`.
hint-actions = Write each action on its own line as: what; who; by when — e.g. `call the landlord; Anna; Friday`. Everything else you write here is discussion.
choose-option = { $n }. { $option }
choose-frame-option = { $n }. { $option } — { $description }
discuss-owner-listens = { $name } only listens in this step.
listen-only-dm = In this step you only listen: the others discuss your case as if you were not there. You may take notes; you get your turn in the next step.
private-prompt = Round { $round } «{ $title }» — { $step }
intake-waiting = { $name } is sending me the case privately; it will appear here once confirmed.
intake-no-owner = There is no case owner yet; a coordinator can name one with `!brug owner <name>`.
intake-confirm = This is what I received. Reply `yes` to post it in the thread, or send a corrected version.
intake-posted = Posted in the thread.
case-chosen = The group chose the case proposed by { $name } ({ $votes ->
    [one] one vote
   *[other] { $votes } votes
}), so { $name } brings it in now. A coordinator can still name someone else with `!brug owner <name>`.
chosen = With { $votes ->
    [one] one vote
   *[other] { $votes } votes
} the group chose: { $option }
going-back = { $count } of { $total } { $count ->
    [one] wants
   *[other] want
} to know more first, so we go back a step: add what is missing there.
case-heading = The case, brought in by { $name }:
review-heading = Actions agreed last time:
review-none = No actions were agreed in this group's previous round.
review-action = { $n }. { $what } — { $who }, { $when }
review-how = Say what came of one by its number, for example `1: booked for 12 January`; that is kept with the action.
review-noted = Noted what came of action { $n } ({ $what }).
review-outcomes = What came of last round's actions:
review-outcome = { $what }: { $outcome } ({ $name })
review-no-outcome = { $what }: nothing was said about it

## Answers

receipt = Received: your answer to «{ $step }» is saved. Nobody sees it before the reveal.
receipt-card = Received: «{ $step }» is saved. It goes privately, with your name, to whoever plays your role. The group does not see it during the round; the frame summary at the end may quote words from it.
receipt-group-profile = Received: your answer to «{ $step }» is saved. At the end of part 1 it is counted, without your name, in your side's frame profile (if you are alone on your side, that profile is yours). The frame summary at the end shows it with your name.
receipt-in-summary = Received: your answer to «{ $step }» is saved. The group does not see it during the round; the frame summary at the end shows it, with your name.
receipt-updated = Updated: your answer to «{ $step }» now reads as you corrected it.
err-edit-actions = Edits are not accepted in the actions step, so that nobody is caught out by a changed action. Write the corrected action as a new message.
err-edit-not-matched = I could not match your edit to your answer, so the earlier version counts. Send the correction as a new message.
edit-too-late = You edited your answer to «{ $step }» after that step had closed; the earlier version counts.
pii-edit-refused = I have not accepted your correction, so the earlier version stays. Please edit the message again without those details.
receipt-anonymous = Received: your answer to «{ $step }» is saved. It is only ever shown without your name.
receipt-missing = Still missing: { $fields }. Send those parts too.
progress = { $answered } of { $total } answered.
pairs-heading = The pairs (each a social worker with a client manager, where the group allows):
pair-line = { $names } ({ $professions })
pairs-not-mixed = Not every pair has two professions: too few people from one profession have joined. Such a pair can still do the interview; say in the thread which perspective you may be missing.
pair-receipt = This counts for your pair: { $names } need not send one of their own.
pair-answered-for-you = { $name } answered «{ $step }» for your pair, so it counts for you too. You can still send your own version; both are kept.
pair-counts = This counts for the pair { $names }.
conditions-missing = Not met yet: { $missing }. Hold off on the interview until every condition is met, then answer again with all of them; your new answer replaces this one.
reveal-field = { $label }
reveal-none = Nobody answered this step.
group-frames-heading = Frames over the last { $rounds ->
    [one] ended round
   *[other] { $rounds } ended rounds
}:
summary-over-time = The group's frames over its last { $rounds } rounds, this one last:
group-frames-round = { $round } ({ $opened }): mostly { $frames }
group-frames-round-apart = { $round } ({ $opened }): mostly { $frames }; the professions { $apart }% apart
group-frames-converging = The professions now reason closer together than they did.
group-frames-diverging = The professions are drifting further apart in how they reason.
group-frames-steady = How far apart the professions reason has stayed about the same.
group-chart-title = Frames per round
group-chart-axis = share of the round's frame signals (%)
group-chart-round = round { $round }
action-due = A reminder of what was agreed in round { $round } «{ $title }»: { $what } — due today. Next time the group meets, it will hear what came of it.
prepare-ask = Hi { $name }: you bring in the case at the group's next round ({ $flow }, { $at }). Could you prepare it? Reply here with a short description in your own words, without anything that could identify the client. This helps:
prepare-template =
    1. The situation: what is going on, and for whom (no names)?
    2. What has been tried so far, and by whom?
    3. Your question for the group.
    4. What does the client want?
prepare-kept = Thank you, the case is ready. The round opens with it on { $at }; until then you can still send a new version here.
prepare-missing = The case for the round of { $at } has not been prepared yet; I asked { $name }. The round opens on time either way, and { $name } can then send the case privately.
prepare-no-owner = The round of { $at } has no case owner yet. Once it opens, name one with `!brug owner <name>`.
prepare-reminder = A reminder: the round of { $at } opens with your case. Could you send it here beforehand?
prepare-posted = The round has opened with the case you prepared; it is in the thread now.
group-flow = Without a method named, `!brug start` starts { $flow }.
group-deadlines = Steps get { $span } here, unless their method gives them a deadline of their own.
group-own-lang = In { $lang }, as they chose: { $names }.
group-coordinators = Coordinators: { $platform ->
    [matrix] whoever has moderator rights in this room (power level 50 or more)
    [discord] whoever has the coordinator role or the Manage Threads permission
   *[other] those the operator made coordinators
}{ $named ->
    [none] {""}
   *[other] {""}, and { $named }
}.
schedule-set = The schedule is set.
schedule-line = Recurring rounds: { $flow }, { $rhythm }. Next one: { $at }. The case owner is asked { $days ->
    [one] a day
   *[other] { $days } days
} before to prepare the case.
schedule-owners = Case owner next time: { $owner } (in turn: { $owners }).
schedule-no-owners = No case owners in turn: a coordinator names one with `!brug owner` once a round opens.
schedule-none = This group has no recurring rounds yet. A coordinator sets them, for example: `!brug schedule golden-circle first Tuesday of the month 10:00; owners Anna, Bram; prepare 5d`.
schedule-off = The recurring rounds have stopped; rounds already running go on.
err-schedule = I could not read `{ $value }`. Write the method, the rhythm and, if you like, case owners and preparation days, separated by `;` — for example `!brug schedule golden-circle first Tuesday of the month 10:00; owners Anna, Bram; prepare 5d`, or `!brug schedule off`.
err-rhythm = `{ $value }` is not a rhythm I can read. Try `first Tuesday of the month 10:00`, `last Friday of the month`, or `every 2 weeks on Thursday 9:30`.
err-no-moment = `{ $value }` has no date ahead, so no round would ever open.
err-schedule-owner = I do not know { $name } in this group. Name people who have taken part in its rounds, as they are called there.
balance-heading = The balance of round { $round } so far, for you alone:
balance-silent = Not heard from yet: { $names }.
balance-all-spoke = Everyone has written something in the thread.
balance-nothing = Nothing has been written in the thread yet.
balance-shares = Share of what was written, per profession:
balance-share = { $profession }: { $percent }%
balance-no-frames = No frame stands out in what was written yet.
balance-dominant = One frame carries most of it: { $frame }, in { $count } of { $total } frame signals. Perhaps invite another way of looking at the case.
balance-frames = Frames so far, by the answers that show them:
balance-nudge = In round { $round }, { $percent }% of what was written in «{ $step }» came from one profession ({ $profession }). In the next step, perhaps ask the others first.
language-nl = Dutch
language-en = English
group-heading = This group writes in { $lang }, keeps time in { $tz } and keeps ended rounds for { $days ->
    [one] one day
   *[other] { $days } days
}.
group-quiet = Quiet hours: from { $from } to { $until }{ $weekends ->
    [yes] , and all weekend
   *[no] {""}
}. Then I send nobody anything, and deadlines move to the end of them.
group-no-quiet = No quiet hours in the evening{ $weekends ->
    [yes] ; only weekends are quiet
   *[no] {""} or at weekends
}.
group-members = Taking part, over the { $rounds ->
    [one] one round
   *[other] { $rounds } rounds
} still kept:
group-member = { $name } ({ $profession }): { $rounds ->
    [one] one round
   *[other] { $rounds } rounds
}, { $asked ->
    [0] no questions yet
   *[other] { $answered } of { $asked } questions answered in time
}
group-no-rounds = No rounds in this group yet.
group-changed = Saved. Rounds already running keep to it from their next deadline.
group-dropped = Not in either of the last two rounds: { $names }. Perhaps ask how they are doing, and whether the rhythm still suits them.
err-group-setting = `{ $value }` is not a group setting I know; use `{ $prefix } group quiet 20-8`, `{ $prefix } group weekends quiet` (or `open`), `{ $prefix } group tz Europe/Amsterdam`, `{ $prefix } group flow golden-circle` or `{ $prefix } group deadline 3d`.
away-set = You are away until { $until }: no reminders until then, and steps do not wait for you (this applies to { $rounds }). You can still answer; `!brug back` ends it early.
away-none = You take part in no open round, so there is nothing to be away from.
back-set = Welcome back: you are expected again in { $rounds }.
back-none = You take part in no open round.
status-away = Away: { $names }.
err-bad-until = `{ $value }` is not a duration or a day still to come; use for example `{ $prefix } away 2w`, or `{ $prefix } away 24-12` to be back on 24 December.
option-all-passed = every visitor passed
found-out = Found out: { $names }. They leave the visit only; after it, they take part as usual again.
all-passed = Every visitor passed as a member of the other side, so the visit goes on with everyone.
err-left-visit = You were found out, so you sit out the rest of the visit and cannot write here for now. You take part again as usual once the visit is over.
profile-side = { $side } ({ $people ->
    [one] one person
   *[other] { $people } people
})
profile-frame = { $frame }: { $count }
profile-none = Nobody chose frames, so there is no profile per side yet.
answer-named = { $name } ({ $profession }): { $text }
answer-anonymous = { $text }
author-line = { $name } ({ $profession }):
anonymous-line = Someone:
anonymous-too-few = { $count ->
    [one] Only one person answered
   *[other] Only { $count } people answered
}. With fewer than { $min } answers they cannot stay anonymous, so I only show how many there were (and the average scores, where asked).
field-line = { $label }: { $text }
choice-line = { $name } ({ $profession }): { $options }
action-line = { $what } — { $who }, { $when }

## Role swap

roles-handed-out = Everyone has received their role privately:
roles-chair = { $name } chairs the round and keeps their own role.
role-line = { $name } plays the role of { $role }
role-card-heading = Round { $round } — your role: { $role }
role-plays = You play the role of { $name }.
role-plays-client = You play the client.
card-from = The card { $name } wrote for you:
card-none = { $name } did not write a card.

## Reminders

reminder = Reminder for round { $round } «{ $title }»: «{ $step }» is still waiting for your answer. Deadline: { $deadline }.
reminder-overdue = The deadline for «{ $step }» in round { $round } «{ $title }» has passed and nobody has answered yet, so the step stays open until { $deadline }. Your answer is still welcome.

## Status and record

status-heading = Round { $round } «{ $title }» ({ $flow })
status-step = Step { $n } of { $total }: { $step }
status-answered = { $answered } of { $total } answered.
status-answered-names = { $answered } of { $total } answered: { $names }.
status-paused = The round is paused.
status-closed = The round is closed.
status-cancelled = The round was cancelled.
record-by-export = The full record, with every answer, is not posted here. A coordinator can get it privately with `!brug export { $round }` { $days ->
    [0] as long as it is kept.
    [one] for one day after the round.
   *[other] for { $days } days after the round.
}
record-intro = Record of «{ $title }»:
record-step = { $step }
record-no-answers = (no answers)
record-actions = Agreed actions
record-no-actions = (no actions agreed)
score-line = { $label }: { $average } out of 5 ({ $count ->
    [one] one answer
   *[other] { $count } answers
})

## Refusals (one line: what was wrong and what would work)

err-not-coordinator = Only a coordinator can do that: { $platform ->
    [matrix] someone with moderator rights in this room (power level 50 or more)
    [discord] someone with the coordinator role or the Manage Threads permission
   *[other] someone the operator made a coordinator
}. `!brug help` shows what everyone can do.
err-not-coordinator-round = Only a coordinator can do that; in this round that is { $name }. Ask { $name } here in the thread; `!brug status` shows where the round is.
err-not-participant = You are not taking part in this round yet: write `!brug join` with your profession.
err-already-joined = You are already taking part, as { $profession }.
err-round-closed = Round { $round } is closed.
err-round-paused = The round is paused; the coordinator resumes it with `!brug resume`.
err-already-paused = The round is already paused; `!brug resume` continues it.
err-not-paused = The round is not paused.
err-nothing-to-answer = This step takes no answers; wait for the next one.
err-not-your-turn = This step is not for you; you will be mentioned when it is your turn.
err-listen-only = In this step you only listen; your turn comes in the next step.
err-answer-privately = This step is blind: send your answer to me in a direct message. Anything written here is visible to everyone.
err-answer-in-thread = This step is answered openly: write your answer in the round's thread.
err-form-stale = That form was for a step that is over; the round has moved on. Use the button on the current step.
err-empty = That answer is empty.
err-need-labels = Start each part on its own line with its label: { $fields }.
err-unknown-label = I do not know the label «{ $label }», so I have not saved this answer. This step asks for: { $fields }. Put that text under one of them, or leave out the colon.
err-bad-scale = Start «{ $field }» with a whole number from { $low } to { $high }, e.g. `{ $field }: 6, because …`.
err-too-long = This message is { $length } characters long; an answer may have at most { $limit }. Shorten it, or split it over several messages if the step takes more than one.
err-bad-score = Give «{ $field }» a score from 1 to 5, e.g. `{ $field }: 4`.
err-bad-choice = Reply with one or more option numbers from the list, e.g. `1, 3`.
err-bad-choice-one = Reply with one option number from the list.
err-bad-action = An action has three parts with a semicolon between them: what; who; by when — e.g. `call the landlord; Anna; Friday`. I have not saved anything from this message.
err-owner-not-participant = { $name } is not taking part in this round; they need to join first with `!brug join`.

## Commands

help =
    brug runs case consultations in this room. Commands:
    { $prefix } flows — the methods available
    { $prefix } start <method> [title] — start a round (coordinators)
    { $prefix } join [profession] — take part in the round of this thread
    { $prefix } status — where the round stands
    { $prefix } next · extend <30m|12h|3d|1w> · pause · resume · cancel — steer the round (coordinators)
    { $prefix } owner <name> — name the case owner (coordinators)
    { $prefix } leave — leave the round
    { $prefix } forget-me — erase all your answers and your profile, in every round
    { $prefix } away <2w|24-12> · back — away for a while: no reminders, and rounds do not wait for you
    { $prefix } balance — privately, who has not spoken yet and whose voice carries the round (coordinators)
    { $prefix } group — this group's settings and who takes part (coordinators change quiet hours and time zone)
    { $prefix } schedule — recurring rounds: method, rhythm, case owners in turn (coordinators set them)
    { $prefix } retention [days] — how long ended rounds are kept (coordinators set it)
    { $prefix } export [md|json] [#round] — the round's record, privately (coordinators)
    { $prefix } lang nl|en — set your language (a coordinator in the room sets the group's)
    { $prefix } help <command> — more about one command
help-command = { $command ->
    [start] `{ $prefix } start <method> [title]` opens a round: a root message, a thread, and the first step. Only coordinators can start; `{ $prefix } flows` lists the methods.
    [join] `{ $prefix } join <profession>` makes you a participant in the round in this thread (or the only open one). Professions: social-worker, client-manager-work, client-manager-income or other.
    [leave] `{ $prefix } leave` takes you out of the round; what you answered so far stays.
    [export] `{ $prefix } export` sends you, privately, the record of this thread's round (or `#12`, or the room's latest): case, answers (anonymous ones without names), actions and frame summary, for the case file; `{ $prefix } export json` gives it as JSON (coordinators).
    [retention] `{ $prefix } retention` says how long this group's rounds are kept after they end; `{ $prefix } retention 30` sets it to 30 days for rounds that end from now on (coordinators). After that, the record is erased and the bot deletes its messages about the round.
    [forget-me] `{ $prefix } forget-me` erases your answers, your name, your profession and your language choice in every round and group (GDPR art. 17); records then only say that an answer was removed. This cannot be undone.
    [status] `{ $prefix } status` shows the step, who has answered (or how many, in anonymous steps) and the deadline.
    [next] `{ $prefix } next` ends the current step now (coordinators). While answers are still missing it says whose; `{ $prefix } next!` goes on anyway.
    [extend] `{ $prefix } extend 2d` moves the current deadline later: 30m, 12h, 3d or 1w (coordinators).
    [pause] `{ $prefix } pause` stops the clock until `{ $prefix } resume` (coordinators).
    [resume] `{ $prefix } resume` restarts the clock with the time that was left (coordinators).
    [cancel] `{ $prefix } cancel` ends the round without finishing it (coordinators).
    [owner] `{ $prefix } owner <name>` names the case owner, who brings in the case (coordinators).
    [lang] `{ $prefix } lang en` or `{ $prefix } lang nl` sets your language; a coordinator in the room sets the group's.
    [flows] `{ $prefix } flows` lists the methods, one line each.
    [away] `{ $prefix } away 2w` (or `{ $prefix } away 24-12`, back on that day) marks you away in every round you take part in: no reminders until then, and a step does not wait for your answer — you count as excused, not missing. You can still answer.
    [balance] `{ $prefix } balance` sends you, privately, what a facilitator watches: who has not said anything yet, each profession's share of what was written in the thread, and whether one frame carries it. Counts and frame names only; private answers are never used (coordinators).
    [group] `{ $prefix } group` shows this group: its language, time zone, quiet hours and retention, and per member the rounds taken part in and the questions answered in time (counts only). Coordinators change it: `{ $prefix } group quiet 20-8` (no messages to anyone from 20:00 to 08:00; `0-0` for none), `{ $prefix } group weekends quiet` or `open`, `{ $prefix } group tz Europe/Amsterdam`, `{ $prefix } group flow golden-circle` (what `{ $prefix } start` alone starts), `{ $prefix } group deadline 3d` (for steps whose method gives them no deadline of their own).
    [schedule] `{ $prefix } schedule golden-circle first Tuesday of the month 10:00; owners Anna, Bram; prepare 5d` opens a round of that method on each such day, in this room (coordinators). The case owners take turns; each is asked privately, that many days before (3 unless said), to prepare the case, and the round opens with it. Rhythms: `first`/`second`/`third`/`fourth`/`last <weekday> of the month`, `every 2 weeks on <weekday>`, with a time. Quiet hours are kept. `{ $prefix } schedule` shows it; `{ $prefix } schedule off` stops it.
    [back] `{ $prefix } back` ends your away period now: you are expected and reminded again.
    [help] `{ $prefix } help <command>` explains one command.
   *[other] There is no command `{ $command }`; `{ $prefix } help` lists them all.
}
flows-heading = { $count ->
    [one] One method is available:
   *[other] { $count } methods are available:
}
flow-line = `{ $id }` — { $name }: { $description }
lang-set = From now on I write to you in English.
group-lang-set = This group's language is now English (new rounds use it).
err-unknown-command = There is no command `{ $command }`; `{ $prefix } help` lists them.
err-missing-arg = `{ $command }` needs more: `{ $prefix } { $usage }`.
err-duration-too-long = `{ $value }` is longer than I can wait: at most a year (52w).
err-export-format = `{ $value }` is not a format or a round; use `{ $prefix } export md` or `{ $prefix } export json`, with a round number like `#3` if you want one.
err-retention = `{ $value }` is not a number of days; use for example `{ $prefix } retention 90` (at most 3650).
err-bad-duration = `{ $value }` is not a duration; use for example 30m, 12h, 3d or 1w.
err-bad-lang = `{ $value }` is not a language I speak; use nl or en.
err-unknown-flow = There is no method `{ $flow }`; `{ $prefix } flows` lists them.
err-unknown-profession = `{ $value }` is not a profession here; choose one of: { $professions }.
ask-profession = Which profession are you taking part as? Write `{ $prefix } join` with one of: { $professions }.
err-no-such-round = There is no round { $round } here. `{ $prefix } status` in the room shows the open rounds.
err-no-round = There is no open round here; a coordinator starts one with `{ $prefix } start`.
err-not-in-round = You are not in an open round. To take part, write `{ $prefix } join` in the round's thread in your team's room.
err-round-ended = Round { $round } has ended, so this was not added. `{ $prefix } export { $round }` sends you its record while it is kept.
err-which-round = You are in several rounds: { $rounds }. Write in that round's thread, or start your message with the round number, e.g. `#12`.
err-unknown-user = { $name } is not a participant of this round.
err-internal = Something went wrong on my side; nothing you sent was lost. Please try again in a moment.
err-not-handled = A problem on my side kept me from handling your message. Please send it again in a few minutes.
err-thread-unknown = I cannot tell which round this thread belongs to. Start your message with the round number, e.g. `#3`, or use `{ $prefix } status` in the room to see the open rounds.
not-a-command-here = That does not work here; write it in the room, or `{ $prefix } help` for the commands.

## The terminal (brug try)

try-legend =
    brug try — write `NAME: text` in the thread, `NAME (dm): text` privately to the bot, `~ 2d` to let two days pass; `NAME: !brug help` lists the commands. Ctrl-D ends.
    Taking part: { $participants } — { $coordinator } coordinates.
try-closed = (The round is closed; Ctrl-D ends.)

## Matrix

mx-undecryptable = I could not decrypt a message from { $name }. Please send it again; if that does not help, verify my session or write to me in an unencrypted room.

# Identifiers of clients (privacy)
pii-found = I found what looks like { $kinds } in your message. I have not saved or shared it.{ $bsn ->
    [1] {" "}A BSN is never posted.
   *[0] {""}
}
pii-held = Please send it again without those details, or reply `yes` to use this version, with placeholders:
pii-held-thread = Please delete your message in the thread and send it again without those details, or reply `yes` in the thread to use this version, with placeholders:
pii-intake = Please send the case again without those details (a first name or initial is enough), or reply `yes` to post this version, with placeholders:
pii-delete-public = Everyone here can still read your message: please delete it.
pii-title-masked = I started the round with placeholders in its title instead.
pii-bsn = a BSN
pii-iban = a bank account number (IBAN)
pii-phone = a phone number
pii-email = an e-mail address
pii-postcode = a postcode with house number
pii-birth-date = a date of birth
answers-removed = { $count ->
    [one] One answer was removed at its author's request.
   *[other] { $count } answers were removed at their authors' request.
}
forgotten = { $count ->
    [0] I have erased your settings. You had no answers in any round.
    [one] I have erased your answers and profile in one round, and your settings. Nothing of what you wrote is kept.
   *[other] I have erased your answers and profile in { $count } rounds, and your settings. Nothing of what you wrote is kept.
}
forgotten-nothing = I kept nothing about you: there was nothing to erase.
export-heading = Record of round { $round } «{ $title }», for the case file
export-json = Round { $round } as JSON (brug-round-record, version { $version }; the shape is described in docs/export.md):
export-sent = I have sent you the record of round { $round } privately.

# Consent at intake
intake-confirm-consent = This is what I received. This method asks for a check before the case is posted: reply `pseudonymised` if nothing in it identifies the client, or `consent` if the client agreed to it being discussed here. Or send a corrected version.
intake-consent-needed = Before I post it, please confirm one of the two: `pseudonymised` (nothing in it identifies the client) or `consent` (the client agreed to it being discussed).
intake-consent-waiting = The case is not posted yet: { $name } still has to confirm that it is pseudonymised or that the client consented. The round waits until then.
err-intake-consent = The round cannot go on yet: { $name } must first confirm that the case is pseudonymised or that the client consented.
pii-intake-consent = Please send the case again without those details (a first name or initial is enough), or reply `pseudonymised` to post this version with placeholders (`consent` if the client agreed):
record-consent = Basis for discussing the case: { $basis }.
consent-pseudonymised = pseudonymised by the case owner
consent-client = the client consented
round-erased = The record of round { $round } has been erased: its retention period is over.
retention-is = This group's rounds are kept for { $days ->
    [0] no time at all after they end: they are erased at once.
    [one] one day after they end, then erased.
   *[other] { $days } days after they end, then erased.
}
retention-set = From now on, rounds that end in this group are kept for { $days ->
    [0] no time at all: they are erased at once (export them first).
    [one] one day, then erased.
   *[other] { $days } days, then erased.
}

## An open answer given in a form, shown in the thread
form-answered = { $name } answered:

## Someone who takes no direct messages (Discord): the thread is told once
private-closed = { $name }, I can't send you direct messages, so what I have for you privately is waiting: press «My messages» and only you will see it. (Or allow direct messages in your privacy settings.)
private-nothing-kept = Nothing is waiting for you about round { $round }.

## Usage lines of the commands (what follows the prefix)
usage-help = help [command]
usage-flows = flows
usage-start = start <method> [title…]
usage-join = join [profession]
usage-leave = leave
usage-status = status
usage-next = next
usage-extend = extend <30m|12h|3d|1w>
usage-pause = pause
usage-resume = resume
usage-cancel = cancel
usage-owner = owner <name>
usage-lang = lang nl|en
usage-forget-me = forget-me
usage-retention = retention [days]
usage-export = export [md|json] [#round]
usage-away = away <2w|24-12>
usage-back = back
usage-balance = balance
usage-group = group [quiet 20-8 | weekends quiet|open | tz Europe/Amsterdam | flow <method> | deadline 3d]
usage-schedule = schedule <method> <rhythm>[; owners <names>][; prepare <days>] | schedule off
