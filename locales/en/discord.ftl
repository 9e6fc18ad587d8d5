# Discord: the /brug slash command (at most 100 characters each) and its acknowledgement.
dc-command = Case consultations: start and steer a round, answer, see how it stands
dc-sub-help = Short help, or help on one command
dc-sub-flows = The methods you can start
dc-sub-start = Open a round on a case in this channel (coordinators)
dc-sub-join = Take part in the round of this thread, with your profession
dc-sub-leave = Leave the round; your answers so far stay
dc-sub-status = Which step the round is at, who has answered, the deadline
dc-sub-next = Go on to the next step (coordinators)
dc-sub-extend = Give the current step more time, e.g. 2d (coordinators)
dc-sub-pause = Pause the round: no deadlines, no reminders (coordinators)
dc-sub-resume = Resume a paused round (coordinators)
dc-sub-cancel = Cancel the round (coordinators)
dc-sub-owner = Name the case owner (coordinators)
dc-sub-lang = Your language, or the channel's (coordinators): nl or en
dc-sub-retention = How many days ended rounds are kept; coordinators can change it
dc-sub-export = The round's record, sent to you privately (coordinators)
dc-sub-forget-me = Erase your answers and profile in every round
dc-opt-command = The command to explain, e.g. start
dc-opt-flow = The method, e.g. golden-circle
dc-opt-title = A short title for the case (no names of clients)
dc-opt-profession = social-worker, client-manager-work, client-manager-income or other
dc-opt-duration = How much longer: 30m, 12h, 3d or 1w
dc-opt-user = The participant's name
dc-opt-language = nl or en
dc-opt-days = A number of days
dc-opt-format = md (readable) or json
dc-opt-round = The round's number, e.g. 3
dc-received = Got it: `{ $command }`

# Buttons and forms (a button label: at most 80 characters; a placeholder: 100).
dc-button-answer = Answer
dc-button-mine = My messages
dc-form-received = Sent. brug confirms it shortly.
dc-form-gone = That form no longer exists; use the button on the round's current step.
dc-score-placeholder = A score from 1 to 5, then a few words if you like
dc-mine-coming = Here is what I have for you; only you can see it.
