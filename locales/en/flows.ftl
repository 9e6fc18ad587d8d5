## Strings of the flows in flows/. Prompts may use { $owner }, the case owner's name.

## Shared steps

step-intake-title = The case
step-clarify-title = Clarifying questions
step-takeaway-title = What you take away
step-takeaway = What do you take away from this round? Is there one point you want to keep thinking about?
step-evaluation-title = Evaluation
step-evaluation = A short evaluation: how safe and open was this round, and do you understand each other's roles better? Your answers are anonymous.
step-summary-title = Wrap-up
step-summary = This is what the round produced.
step-review-title = Looking back
step-review = Before the new case: what came of the actions agreed last time? What did you learn from them?
step-actions-title = Agreed actions
step-actions = Agree on next steps: what will be done, by whom, and by when.

## Fields (people type the label before a colon, e.g. "Why: …")

field-nature = Problem
field-client-image = Client
field-why = Why
field-how = How
field-what = What
field-feeling = Feeling
field-fell-out = Out of role
field-learned = Learned
field-coaching-answer = Question
field-insights = Insights
field-first-step = First step
field-for = For
field-against = Against
field-scale = Scale
field-problem = Problem
field-cause = Cause
field-judgement = Judgement
field-solution = Solution
field-topics = Topics
field-report = Report
field-reflection = Reflection
field-timeline = Timeline
field-asked = Asked
field-noticed = Noticed
field-important = Important
field-stance = Stance
field-organisation = Organisation
field-profession = Profession
field-other-profession = Profession
field-other-frames = Frames
field-bridge-problem = Problem
field-bridge-solution = Solution

## Evaluation questions

reflect-trust = Trust
reflect-openness = Openness
reflect-roles = Roles
reflect-course = Process

## Frames people can tag themselves with

frame-autonomy = autonomy (own direction, own responsibility)
frame-needs = needs (what this person needs, tailor-made support)
frame-social-control = social control (rights and duties, agreements, enforcement)
frame-market = market (equal treatment, efficiency, off benefit)
frame-community = community (belonging, network, neighbourhood)

## Golden Circle

gc-name = Golden Circle
gc-description = Everyone answers why, how and what about their own work on the case, privately; then all circles go on the wall.
gc-case = { $owner }, please describe the case: the situation, what has been tried, and where you are stuck. Use no names or other details that identify the client.
gc-questions = Ask { $owner } the questions you need to understand the case. { $owner } answers here too. Is an important perspective missing at this table?
gc-circle-title = Your circle
gc-circle = Fill in your own circle, privately. Problem: what is the nature of the problem here, and why does it matter? Client: what is your image of the client? Why: why do you do this work, what do you believe in? How: how do you work, using this case as the example? What: what concrete results do you aim for in this case?
gc-wall-title = The wall
gc-wall = All circles, side by side.
gc-reflection-title = Reflection
gc-reflection = What strikes you? Where are the emphases and the gaps, what is alike and what differs, in values, the problem, the image of the client, the how and the what? And why did you answer as you did: from personal experience, from professional judgement, or from what your organisation asks?
gc-stance-title = Your stance
gc-stance = One more, privately: why did you take the stance you took towards the others in this round? Were you working with them, or guarding your own position? Write what you would say if nobody from your own profession were reading.
gc-stances-title = Stances
gc-stances = The stances, without names.

## Role swap

rs-name = Role swap
rs-description = Write a Golden Circle card from your own role, then play the role furthest from yours with the card of its owner in hand.
rs-case = { $owner }, please describe the case: the situation, the people around the client, and your question to the group. Use no names or other details that identify the client.
rs-questions = Ask { $owner } what you need to know to play this case well. Which roles are essential here, and is one missing?
rs-cards-title = Your card
rs-cards = Write your card, privately, from your real role: what do you want to pass on to the person who will play you? Why does this case matter to you, how would you approach it, and what would you do?
rs-roles-title = Roles
rs-roles = Everyone now gets a role that differs as much as possible from their own, with the card of the person whose role it is. Read yours before the discussion.
rs-in-role-title = Consultation in role
rs-in-role = Discuss the case from your new role: what is going on, and what should happen? Stay in role as long as you can; falling back into your own role is allowed, and worth noticing. Whoever plays the client: say what you need, and ask why.
rs-gain-title = What you got out of it
rs-gain = { $owner }, what did you get out of this consultation for your case? Do you see it differently now?
rs-debrief-title = Debrief
rs-debrief = Looking back on the swap, privately. Feeling: how did it feel to take part from another role, and why was it easy or hard? Out of role: when did you fall out of your role, and what difference in perspective did that show? Learned: what did you learn about the other role, and about how you can complement each other?
rs-debriefs-title = Debriefs
rs-debriefs = Everyone's debrief, side by side.

## Gossip method

gossip-name = Gossip method
gossip-description = The case owner asks a coaching question and then only listens while the others discuss the case as if the case owner were absent.
gossip-candidates-title = Candidate cases
gossip-candidates = Which case would you bring in? Describe it here in one or two lines, without names or other details that identify the client, and say what the group could learn from it. One case per message.
gossip-choose-title = Choosing the case
gossip-choose = Which case do we take? Choose the one we can learn the most from. Whoever proposed the case with the most votes brings it in.
gossip-case = { $owner }, please tell the story of the client and their network, and what it means for you as a professional. Use no names or other details that identify the client.
gossip-coaching-title = Coaching question
gossip-coaching = { $owner }, what is your own coaching question to the group? What do you want to learn from this case?
gossip-questions-title = Questions
gossip-questions = Ask { $owner } questions that set their thinking in motion: questions about awareness and responsibility, not only about facts. One question per message. { $owner } can answer here in the thread; those answers are not among the questions to pick from.
gossip-pick-title = Questions that moved you
gossip-pick = { $owner }, which questions made you think most? Choose one or more by number.
gossip-gossip-title = Gossip round
gossip-gossip = Discuss the case among yourselves, in the third person, as if { $owner } were not here: background, causes, solutions, and also { $owner }'s own beliefs and what other views are possible.
gossip-feedback-title = The case owner's answer
gossip-feedback = { $owner }, now that you have listened, answer three things. Question: can your coaching question be answered now? Insights: what new thinking has started? First step: what first step will you take with the client?
gossip-learned-title = What you learned
gossip-learned = What did you learn from this case for your own work?

## Four windows

fw-name = Four windows
fw-description = People, facts, weighing against criteria set in advance, and next steps. Based on the four-windows method by Van Montfoort (De viervensters® is a trademark of its owner).
fw-case = { $owner }, please share the case as written up in advance: the situation and the decision or judgement at stake. Use no names or other details that identify the client.
fw-people-title = Window 1: the people
fw-people = Who are the people around the client? Family, friends, neighbours, colleagues, helpers: who is involved, how do they relate to each other, and what do they think?
fw-facts-title = Window 2: the facts
fw-facts = What are the facts? Important life events on a timeline, earlier help, what goes well and what worries you. Keep facts apart from opinions, and say what is still unknown.
fw-facts-check-title = Enough facts?
fw-facts-check = Do we know enough to weigh the situation, or are the facts too thin? If most say too thin, we first go back to window 2 (talk to the client again, ask a colleague); otherwise we risk filling the gaps from our own frames.
fw-facts-enough = enough to weigh
fw-facts-thin = too thin: gather more first
fw-criteria-title = Criteria first
fw-criteria = Before weighing, privately: which criteria should the decision meet? When is the situation good enough?
fw-criteria-shown-title = The criteria
fw-criteria-shown = Everyone's criteria, side by side.
fw-weighing-title = Window 3: weighing
fw-weighing = Weigh the situation against the criteria, privately. For: which facts argue for the decision? Against: which argue against it? Scale: where would you put it from 0 to 10, and why?
fw-weighing-shown-title = The weighing
fw-weighing-shown = Everyone's weighing, side by side.
fw-next-title = Window 4: next steps
fw-next = Which facts, in short, support the decision? Which concrete steps follow, by whom, and by when? Include a plan B if things change, and say how you will deal with the consequences of the decision you are not taking.

## Action cycle

ac-name = Action cycle
ac-description = A case consultation in four moves: clarify the problem, analyse it, look for solution directions and agree on next steps.
ac-case = { $owner }, please describe the case, and say whose problem it is: the client's, their surroundings', or yours as a professional. Use no names or other details that identify the client.
ac-clarify-title = Problem clarification
ac-clarify = What exactly is the problem? The problem as it presents itself, the cause beneath it, or a problem that may not be solvable? Ask { $owner } what you need to know.
ac-analysis-title = Analysis
ac-analysis = Your analysis, privately. Problem: how do you define the problem? Cause: what causes it, and who is responsible? Judgement: what do you think of it? Solution: what would help?
ac-analyses-title = The analyses
ac-analyses = Everyone's analysis, side by side.
ac-directions-title = Solution directions
ac-directions = Which directions could work? Build on each other's analyses, and say where you differ.
ac-evaluation = A short evaluation: did the consultation go as intended, was there trust, was everything said, and do you understand each other's roles better? Your answers are anonymous.

## Joint client interview

ji-name = Joint client interview
ji-description = Pairs of a social worker and a client manager prepare and hold an interview with a client who is not their own, then discuss what the other asked.
ji-types-title = Kinds of clients
ji-types = For which kinds of clients does support not work, without anyone quite knowing why? Think of groups such as people over fifty, single parents or young people, not of individual clients.
ji-personas-title = Profiles
ji-personas = Flesh out one of those kinds as a profile: age, situation, what has been tried and where it gets stuck. Describe a made-up person you often meet, not someone who could be recognised.
ji-persona-title = The profile
ji-persona = Which profile will the pairs look for? Choose one.
ji-pairs-title = Pairs
ji-pairs = Each pair looks for a client who fits the chosen profile, is not a client of either of you, and is not under a fraud investigation. Write here, without names or identifying details, what kind of client you found and why they fit the profile.
ji-conditions-title = Conditions
ji-conditions = Go through the conditions for the interview with your pair and choose every one that is met. Hold the interview only once all of them are; one answer per pair is enough.
ji-condition-not-own = the client is not one of our own clients
ji-condition-no-fraud = no fraud investigation is running
ji-condition-letter = the client has received the information letter and has agreed
ji-condition-privacy = management has approved the privacy document
ji-condition-report = the client will receive the report of the conversation
ji-topics-title = Topic list
ji-topics = Prepare the interview with your pair; one answer per pair is enough. Topics: what do you want to ask about? Timeline: which life events do you want to place on a timeline?
ji-interview-title = The interview
ji-interview = Hold the interview as a pair, using the topic list; each of you follows up in your own way. Say here when you are done, without details that identify the client; the report comes in the next step.
ji-report-title = Report and reflection
ji-report = Write this up as a pair; one answer per pair is enough. Report: a short version of the interview report (the client gets the full report). Reflection: how did the interview go, and how did you work together as a pair?
ji-debrief-title = What the other asked
ji-debrief = Privately, about your partner in the interview. Asked: which questions did they ask that you would not have? Noticed: what did they pay attention to? Important: what did they find important?
ji-debriefs-title = Debriefs
ji-debriefs = Everyone's debrief, side by side.
ji-timeline-title = Timeline
ji-timeline = Look for connections between the events on the timelines. What questions does this raise for digging deeper, and what problem lies beneath the one that presents itself?
ji-follow-up = What follows for the client, and who picks it up with the client's own client manager?

## The game "Overbruggen van verschillen"

bg-name = Bridging differences (the game)
bg-description = The game in three parts: your home country, the other side, and bridging.
bg-case = { $owner }, please share the case: your own, an existing one, or one from the research. Use no names or other details that identify the client.
bg-home-title = Part 1: home country
bg-home = Map yourself, privately. Stance: where do you stand on this case? Organisation: what is your organisation's remit, and what is your job within it? Profession: what is your profession's remit?
bg-own-frames-title = Frames you recognise
bg-own-frames = Which frames do you recognise in yourself, in your organisation and in your profession? Choose one or more by number.
bg-home-shown-title = Home countries
bg-home-shown = Everyone's home country, side by side.
bg-frame-profile-title = Each side's frame profile
bg-frame-profile = Which frames did each side recognise in itself? Counted, without names.
bg-group-frames-title = Your profile
bg-group-frames = Talk it over with your own side: which frames do you choose together as your side's profile, and why? Write your choice here.
bg-visit-roles-title = Part 2: the other side
bg-visit-roles = Everyone now visits the other side, in the role of someone from that side.
bg-visit-title = The visit
bg-visit = Join the consultation as a member of the other side. Watch the others too: does every visitor pass as one of you? You will vote on that next, and whoever is found out leaves the visit.
bg-passed-title = Found out?
bg-passed = Which visitors did not pass as members of the other side, in your view? Choose them by number, or choose the last option if everyone passed. A vote for yourself does not count.
bg-visit-on-title = The visit goes on
bg-visit-on = The visit goes on without those who were found out. Keep talking as a member of the other side.
bg-other-side-title = What you saw
bg-other-side = Privately. Profession: what does the other side's profession look like? Frames: which frames does the other side use in this case?
bg-pitch-title = The pitch
bg-pitch = How each of you sees the other side.
bg-corrections-title = Add and correct
bg-corrections = Add to or correct what was said about your own side.
bg-bridge-title = Part 3: bridging
bg-bridge = Discuss the case together, using what you learned. Problem: what is the problem, and who is responsible for it existing? Solution: what is the solution, and who is responsible for it?
bg-learning-title = Lessons learned
bg-learning = Looking back: what did you learn, and what question do you want to keep working on?
