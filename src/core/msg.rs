//! Every message id the code uses, with the variables it passes. The i18n tests
//! check each one against both locales, so a missing or mismatched string fails
//! the build's tests rather than a user's chat.

use super::message::MessageRef;

/// A message id and the Fluent variables the code gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Id {
    pub id: &'static str,
    pub vars: &'static [&'static str],
}

impl Id {
    /// A reference to this message; add arguments with `MessageRef`'s builders.
    pub fn msg(self) -> MessageRef {
        MessageRef::new(self.id)
    }
}

macro_rules! messages {
    ($($name:ident = $id:literal [$($var:ident),*];)*) => {
        $(pub const $name: Id = Id { id: $id, vars: &[$(stringify!($var)),*] };)*
        /// All of them, for the completeness tests.
        pub const ALL: &[Id] = &[$($name),*];
    };
}

messages! {
    // Rounds and steps (core).
    ACTION_LINE = "action-line" [what, who, when];
    ANSWER_ANONYMOUS = "answer-anonymous" [text];
    ANSWER_NAMED = "answer-named" [text, name, profession];
    AUTHOR_LINE = "author-line" [name, profession];
    ANONYMOUS_LINE = "anonymous-line" [];
    ANONYMOUS_TOO_FEW = "anonymous-too-few" [count, min];
    CARD_FROM = "card-from" [name];
    CARD_NONE = "card-none" [name];
    CASE_HEADING = "case-heading" [name];
    CASE_CHOSEN = "case-chosen" [name, votes];
    GOING_BACK = "going-back" [count, total];
    CHOICE_LINE = "choice-line" [options, name, profession];
    CHOOSE_OPTION = "choose-option" [n, option];
    CHOOSE_FRAME_OPTION = "choose-frame-option" [n, option, description];
    DEADLINE_EXTENDED = "deadline-extended" [deadline];
    DEADLINE_PASSED = "deadline-passed" [];
    DEADLINE_PASSED_COORDINATOR = "deadline-passed-coordinator" [round, step];
    STEP_STILL_OPEN = "step-still-open" [step, deadline];
    STEP_WAITS_COORDINATOR = "step-waits-coordinator" [round, step];
    STEP_EMPTY_COORDINATOR = "step-empty-coordinator" [round, step, missing, deadline];
    CASE_MISSING_COORDINATOR = "case-missing-coordinator" [round, name, deadline];
    CASE_NO_OWNER_COORDINATOR = "case-no-owner-coordinator" [round];
    REMINDER_OVERDUE = "reminder-overdue" [round, title, step, deadline];
    DISCUSS_OWNER_LISTENS = "discuss-owner-listens" [name];
    ERR_ALREADY_JOINED = "err-already-joined" [profession];
    ERR_ALREADY_PAUSED = "err-already-paused" [];
    ERR_ANSWER_IN_THREAD = "err-answer-in-thread" [];
    ERR_ANSWER_PRIVATELY = "err-answer-privately" [];
    ERR_BAD_ACTION = "err-bad-action" [];
    ERR_BAD_CHOICE = "err-bad-choice" [];
    ERR_BAD_CHOICE_ONE = "err-bad-choice-one" [];
    ERR_BAD_SCORE = "err-bad-score" [field];
    ERR_EMPTY = "err-empty" [];
    ERR_FORM_STALE = "err-form-stale" [];
    ERR_LISTEN_ONLY = "err-listen-only" [];
    ERR_NEED_LABELS = "err-need-labels" [fields];
    ERR_UNKNOWN_LABEL = "err-unknown-label" [label, fields];
    ERR_BAD_SCALE = "err-bad-scale" [field, low, high];
    ERR_TOO_LONG = "err-too-long" [length, limit];
    ERR_NOTHING_TO_ANSWER = "err-nothing-to-answer" [];
    ERR_NOT_COORDINATOR = "err-not-coordinator" [platform];
    ERR_NOT_COORDINATOR_ROUND = "err-not-coordinator-round" [name];
    ERR_NOT_PARTICIPANT = "err-not-participant" [];
    ERR_NOT_PAUSED = "err-not-paused" [];
    ERR_NOT_YOUR_TURN = "err-not-your-turn" [];
    ERR_OWNER_NOT_PARTICIPANT = "err-owner-not-participant" [name];
    ERR_ROUND_CLOSED = "err-round-closed" [round];
    ERR_ROUND_PAUSED = "err-round-paused" [];
    FIELD_LINE = "field-line" [label, text];
    FIELD_TEMPLATE = "field-template" [label];
    FIRST_DEADLINE = "first-deadline" [deadline];
    FORM_ANSWERED = "form-answered" [name];
    HINT_ACTIONS = "hint-actions" [];
    HINT_BLIND = "hint-blind" [];
    HINT_CHOOSE_MANY = "hint-choose-many" [];
    HINT_CHOOSE_ONE = "hint-choose-one" [];
    HINT_FIELDS = "hint-fields" [];
    HINT_INTAKE = "hint-intake" [];
    HINT_OPEN = "hint-open" [];
    HINT_PRIVATE = "hint-private" [];
    HINT_SCORES = "hint-scores" [];
    INTAKE_CONFIRM = "intake-confirm" [];
    INTAKE_CONFIRM_CONSENT = "intake-confirm-consent" [];
    INTAKE_CONSENT_NEEDED = "intake-consent-needed" [];
    INTAKE_CONSENT_WAITING = "intake-consent-waiting" [name];
    ERR_INTAKE_CONSENT = "err-intake-consent" [name];
    PII_INTAKE_CONSENT = "pii-intake-consent" [];
    RECORD_CONSENT = "record-consent" [basis];
    CONSENT_PSEUDONYMISED = "consent-pseudonymised" [];
    CONSENT_CLIENT = "consent-client" [];
    PII_DELETE_PUBLIC = "pii-delete-public" [];
    PII_TITLE_MASKED = "pii-title-masked" [];
    PII_FOUND = "pii-found" [kinds, bsn];
    ANSWERS_REMOVED = "answers-removed" [count];
    EXPORT_HEADING = "export-heading" [round, title];
    ROUND_ERASED = "round-erased" [round];
    RETENTION_IS = "retention-is" [days];
    RETENTION_SET = "retention-set" [days];
    EXPORT_JSON = "export-json" [round, version];
    EXPORT_SENT = "export-sent" [round];
    FORGOTTEN = "forgotten" [count];
    FORGOTTEN_NOTHING = "forgotten-nothing" [];
    PII_HELD = "pii-held" [];
    PII_HELD_THREAD = "pii-held-thread" [];
    PII_INTAKE = "pii-intake" [];
    PII_BSN = "pii-bsn" [];
    PII_IBAN = "pii-iban" [];
    PII_PHONE = "pii-phone" [];
    PII_EMAIL = "pii-email" [];
    PII_POSTCODE = "pii-postcode" [];
    PII_BIRTH_DATE = "pii-birth-date" [];
    INTAKE_NO_OWNER = "intake-no-owner" [];
    INTAKE_POSTED = "intake-posted" [];
    INTAKE_WAITING = "intake-waiting" [name];
    JOINED = "joined" [name, profession];
    LEFT = "left" [name];
    LISTEN_ONLY_DM = "listen-only-dm" [];
    OWNER_SET = "owner-set" [name];
    OWNER_ALREADY = "owner-already" [name];
    OWNER_CHANGED_AFTER_CASE = "owner-changed-after-case" [name, before];
    OWNER_UNKNOWN = "owner-unknown" [];
    PRIVATE_CLOSED = "private-closed" [name];
    PRIVATE_NOTHING_KEPT = "private-nothing-kept" [round];
    PRIVATE_PROMPT = "private-prompt" [round, title, step];
    PROGRESS = "progress" [answered, total];
    PAIRS_HEADING = "pairs-heading" [];
    PAIR_LINE = "pair-line" [names, professions];
    PAIRS_NOT_MIXED = "pairs-not-mixed" [];
    PAIR_RECEIPT = "pair-receipt" [names];
    PAIR_ANSWERED_FOR_YOU = "pair-answered-for-you" [name, step];
    PAIR_COUNTS = "pair-counts" [names];
    CONDITIONS_MISSING = "conditions-missing" [missing];
    CHOSEN = "chosen" [option, votes];
    OPTION_ALL_PASSED = "option-all-passed" [];
    FOUND_OUT = "found-out" [names];
    ALL_PASSED = "all-passed" [];
    ERR_LEFT_VISIT = "err-left-visit" [];
    AWAY_SET = "away-set" [until, rounds];
    AWAY_NONE = "away-none" [];
    BACK_SET = "back-set" [rounds];
    BACK_NONE = "back-none" [];
    STATUS_AWAY = "status-away" [names];
    ERR_BAD_UNTIL = "err-bad-until" [value, prefix];
    ERR_GROUP_SETTING = "err-group-setting" [value, prefix];
    GROUP_HEADING = "group-heading" [lang, tz, days];
    GROUP_QUIET = "group-quiet" [from, until, weekends];
    GROUP_NO_QUIET = "group-no-quiet" [weekends];
    GROUP_MEMBERS = "group-members" [rounds];
    GROUP_MEMBER = "group-member" [name, profession, rounds, answered, asked];
    GROUP_NO_ROUNDS = "group-no-rounds" [];
    GROUP_CHANGED = "group-changed" [];
    GROUP_DROPPED = "group-dropped" [names];
    GROUP_FRAMES_HEADING = "group-frames-heading" [rounds];
    SUMMARY_OVER_TIME = "summary-over-time" [rounds];
    GROUP_FRAMES_ROUND = "group-frames-round" [round, opened, frames];
    GROUP_FRAMES_ROUND_APART = "group-frames-round-apart" [round, opened, frames, apart];
    GROUP_FRAMES_CONVERGING = "group-frames-converging" [];
    GROUP_FRAMES_DIVERGING = "group-frames-diverging" [];
    GROUP_FRAMES_STEADY = "group-frames-steady" [];
    GROUP_CHART_TITLE = "group-chart-title" [];
    GROUP_CHART_AXIS = "group-chart-axis" [];
    GROUP_CHART_ROUND = "group-chart-round" [round];
    ACTION_DUE = "action-due" [round, title, what];
    PREPARE_ASK = "prepare-ask" [name, at, flow];
    PREPARE_TEMPLATE = "prepare-template" [];
    PREPARE_KEPT = "prepare-kept" [at];
    PREPARE_MISSING = "prepare-missing" [name, at];
    PREPARE_NO_OWNER = "prepare-no-owner" [at];
    PREPARE_REMINDER = "prepare-reminder" [at];
    PREPARE_POSTED = "prepare-posted" [];
    SCHEDULE_SET = "schedule-set" [];
    SCHEDULE_LINE = "schedule-line" [flow, rhythm, at, days];
    SCHEDULE_OWNERS = "schedule-owners" [owner, owners];
    SCHEDULE_NO_OWNERS = "schedule-no-owners" [];
    SCHEDULE_NONE = "schedule-none" [];
    SCHEDULE_OFF = "schedule-off" [];
    ERR_SCHEDULE = "err-schedule" [value];
    ERR_RHYTHM = "err-rhythm" [value];
    ERR_NO_MOMENT = "err-no-moment" [value];
    ERR_SCHEDULE_OWNER = "err-schedule-owner" [name];
    BALANCE_HEADING = "balance-heading" [round];
    BALANCE_SILENT = "balance-silent" [names];
    BALANCE_ALL_SPOKE = "balance-all-spoke" [];
    BALANCE_NOTHING = "balance-nothing" [];
    BALANCE_SHARES = "balance-shares" [];
    BALANCE_SHARE = "balance-share" [profession, percent];
    BALANCE_NO_FRAMES = "balance-no-frames" [];
    BALANCE_DOMINANT = "balance-dominant" [frame, count, total];
    BALANCE_FRAMES = "balance-frames" [];
    BALANCE_NUDGE = "balance-nudge" [round, step, profession, percent];
    RECEIPT = "receipt" [step];
    RECEIPT_CARD = "receipt-card" [step];
    RECEIPT_GROUP_PROFILE = "receipt-group-profile" [step];
    PROFILE_SIDE = "profile-side" [side, people];
    PROFILE_FRAME = "profile-frame" [frame, count];
    PROFILE_NONE = "profile-none" [];
    RECEIPT_UPDATED = "receipt-updated" [step];
    ERR_EDIT_ACTIONS = "err-edit-actions" [];
    ERR_EDIT_NOT_MATCHED = "err-edit-not-matched" [];
    EDIT_TOO_LATE = "edit-too-late" [step];
    PII_EDIT_REFUSED = "pii-edit-refused" [];
    RECEIPT_IN_SUMMARY = "receipt-in-summary" [step];
    RECEIPT_ANONYMOUS = "receipt-anonymous" [step];
    HINT_REFLECT = "hint-reflect" [];
    RECEIPT_MISSING = "receipt-missing" [fields];
    RECORD_ACTIONS = "record-actions" [];
    RECORD_BY_EXPORT = "record-by-export" [round, days];
    RECORD_INTRO = "record-intro" [title];
    RECORD_NO_ACTIONS = "record-no-actions" [];
    RECORD_NO_ANSWERS = "record-no-answers" [];
    RECORD_STEP = "record-step" [step];
    REMINDER = "reminder" [round, title, step, deadline];
    REVEAL_FIELD = "reveal-field" [label];
    REVEAL_NONE = "reveal-none" [];
    REVIEW_HEADING = "review-heading" [];
    REVIEW_NONE = "review-none" [];
    REVIEW_ACTION = "review-action" [n, what, who, when];
    REVIEW_HOW = "review-how" [];
    REVIEW_NOTED = "review-noted" [n, what];
    REVIEW_OUTCOMES = "review-outcomes" [];
    REVIEW_OUTCOME = "review-outcome" [what, outcome, name];
    REVIEW_NO_OUTCOME = "review-no-outcome" [what];
    ROLES_HANDED_OUT = "roles-handed-out" [];
    ROLES_CHAIR = "roles-chair" [name];
    ROLE_CARD_HEADING = "role-card-heading" [round, role];
    ROLE_LINE = "role-line" [name, role];
    ROLE_PLAYS = "role-plays" [name];
    ROLE_PLAYS_CLIENT = "role-plays-client" [];
    ROUND_CANCELLED = "round-cancelled" [name];
    ROUND_CLOSED = "round-closed" [round];
    ROUND_HOW_TO_JOIN = "round-how-to-join" [];
    ROUND_OPENED = "round-opened" [round, flow, title, coordinator, steps];
    ROUND_PAUSED = "round-paused" [name];
    ROUND_RESUMED = "round-resumed" [name];
    SCORE_LINE = "score-line" [label, average, count];
    SCORE_TEMPLATE = "score-template" [label];
    STATUS_ANSWERED = "status-answered" [answered, total];
    STATUS_ANSWERED_NAMES = "status-answered-names" [answered, total, names];
    STATUS_CANCELLED = "status-cancelled" [];
    STATUS_CLOSED = "status-closed" [];
    STATUS_HEADING = "status-heading" [round, title, flow];
    STATUS_PAUSED = "status-paused" [];
    STATUS_STEP = "status-step" [n, total, step];
    STEP_DEADLINE = "step-deadline" [deadline];
    STEP_HEADER = "step-header" [n, total, title];
    STEP_NEXT = "step-next" [name];
    NEXT_MISSING = "next-missing" [names, count];
    // The frame summary.
    FS_HEADING = "fs-heading" [];
    FS_TOO_LITTLE = "fs-too-little" [];
    FS_PERSON = "fs-person" [name, profession];
    FS_PERSON_NONE = "fs-person-none" [name, profession];
    FS_IN_ROLE = "fs-in-role" [name, profession, role];
    FS_IN_ROLE_COMPARE = "fs-in-role-compare" [role, frames];
    FS_EVIDENCE = "fs-evidence" [frame, words];
    FS_DEVICES = "fs-devices" [devices];
    FS_DEVICES_NONE = "fs-devices-none" [];
    FS_PROFILES = "fs-profiles" [];
    FS_PROFILE = "fs-profile" [profession];
    FS_PROFILE_NONE = "fs-profile-none" [profession];
    FS_PROFILE_LINE = "fs-profile-line" [frame, count];
    FS_ISSUES = "fs-issues" [];
    FS_ISSUES_NONE = "fs-issues-none" [];
    FS_ISSUE = "fs-issue" [step];
    FS_ISSUE_SIDE = "fs-issue-side" [name, profession, frame, words];
    FS_UNUSED = "fs-unused" [frames];
    FS_SELF_HEADING = "fs-self-heading" [];
    FS_SELF_TAGGED = "fs-self-tagged" [name, profession, frames];
    FS_MOVE_HEADING = "fs-move-heading" [];
    FS_MOVE_AMPLIFICATION = "fs-move-amplification" [frames];
    FS_MOVE_EXTENSION = "fs-move-extension" [frame];
    FS_MOVE_BRIDGING = "fs-move-bridging" [frame];
    FS_MOVE_TRANSFORMATION = "fs-move-transformation" [];
    FS_CAVEAT = "fs-caveat" [];
    FS_CHART_TITLE = "fs-chart-title" [];
    FS_CHART_AXIS = "fs-chart-axis" [];
    FS_CHART_CAPTION = "fs-chart-caption" [];
    CHART_FILE = "chart-file" [path];
    // Commands and the engine.
    HELP = "help" [prefix];
    HELP_COMMAND = "help-command" [prefix, command];
    FLOWS_HEADING = "flows-heading" [count];
    FLOW_LINE = "flow-line" [id, name, description];
    LANG_SET = "lang-set" [];
    GROUP_LANG_SET = "group-lang-set" [];
    ERR_UNKNOWN_COMMAND = "err-unknown-command" [command, prefix];
    ERR_MISSING_ARG = "err-missing-arg" [command, prefix, usage];
    ERR_DURATION_TOO_LONG = "err-duration-too-long" [value];
    ERR_EXPORT_FORMAT = "err-export-format" [value, prefix];
    ERR_RETENTION = "err-retention" [value, prefix];
    ERR_BAD_DURATION = "err-bad-duration" [value];
    ERR_BAD_LANG = "err-bad-lang" [value];
    ERR_UNKNOWN_FLOW = "err-unknown-flow" [flow, prefix];
    ERR_UNKNOWN_PROFESSION = "err-unknown-profession" [value, professions];
    ASK_PROFESSION = "ask-profession" [prefix, professions];
    ERR_NO_ROUND = "err-no-round" [prefix];
    ERR_NOT_IN_ROUND = "err-not-in-round" [prefix];
    ERR_ROUND_ENDED = "err-round-ended" [round, prefix];
    ERR_WHICH_ROUND = "err-which-round" [rounds];
    ERR_UNKNOWN_USER = "err-unknown-user" [name];
    ERR_INTERNAL = "err-internal" [];
    ERR_NOT_HANDLED = "err-not-handled" [];
    DC_RECEIVED = "dc-received" [command];
    DC_BUTTON_ANSWER = "dc-button-answer" [];
    DC_BUTTON_MINE = "dc-button-mine" [];
    DC_FORM_RECEIVED = "dc-form-received" [];
    DC_FORM_GONE = "dc-form-gone" [];
    DC_MINE_COMING = "dc-mine-coming" [];
    DC_SCORE_PLACEHOLDER = "dc-score-placeholder" [];
    ERR_THREAD_UNKNOWN = "err-thread-unknown" [prefix];
    NOT_A_COMMAND_HERE = "not-a-command-here" [prefix];
    // The terminal (`brug try`).
    TRY_LEGEND = "try-legend" [participants, coordinator];
    TRY_CLOSED = "try-closed" [];
    // Matrix.
    MX_UNDECRYPTABLE = "mx-undecryptable" [name];
}
