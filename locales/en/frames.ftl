## Frames (flows/frames.toml) and the frame summary.

frame-name-autonomy = autonomy
frame-desc-autonomy = the person as a self-determining individual: own direction, own responsibility, intrinsic motivation
frame-name-community = community
frame-desc-community = the person as part of a group: network, neighbours, informal help, belonging
frame-name-ecological = ecological
frame-desc-ecological = the person as part of nature and its limits
frame-name-needs = needs
frame-desc-needs = what this person needs: tailor-made support, protection of the vulnerable, the client as victim of circumstances
frame-name-social-control = social control
frame-desc-social-control = society's demands as a condition of belonging: rights and duties, agreements, enforcement, sanctions
frame-name-market = market
frame-desc-market = equal access and fair distribution, efficiency, workload and caseload, off benefit as fast as possible
frame-name-cooperative = cooperative
frame-desc-cooperative = one shared system with a shared interest in solving the case together
frame-name-political = political
frame-desc-political = a struggle between parties, us and them, self-interest

## The frame summary

fs-heading = Frames in this round
fs-too-little = There was too little text to recognise frames with any confidence.
fs-person = { $name } ({ $profession }):
fs-person-none = { $name } ({ $profession }): no frame recognised in the words used
fs-in-role = { $name } ({ $profession }) in the role of { $role } (not counted as their own):
fs-in-role-compare = for comparison, those here whose own profession is { $role } reasoned from these frames: { $frames }
fs-evidence = { $frame }: { $words }
fs-devices = reasoning covered: { $devices }
fs-devices-none = reasoning covered: this round did not ask for problem, cause, judgement and solution separately
fs-profiles = Per profession
fs-profile = { $profession }:
fs-profile-none = { $profession }: no frame recognised
fs-profile-line = { $frame }: in { $count ->
    [one] one answer
   *[other] { $count } answers
}
fs-issues = Where the professions differ most
fs-issues-none = No clear difference between the professions in their answers to the same question.
fs-issue = { $step }:
fs-issue-side = { $name } ({ $profession }) reasons from the { $frame } frame: { $words }
fs-unused = Frames nobody used: { $frames }.
fs-self-heading = Frames people recognised in themselves
fs-self-tagged = { $name } ({ $profession }): { $frames }
fs-move-heading = A suggestion for the next conversation
fs-move-amplification = Amplification: you reason from the same frames ({ $frames }). Each of you: describe in four short lines how you see the problem, its cause, your judgement and the solution. Do you really agree, or does it only look that way?
fs-move-extension = Extension: you share the { $frame } frame, but not the rest. Which element of another profession's answer could you take into your own approach?
fs-move-bridging = Bridging: the { $frame } frame shows up in every profession. Which assumption behind it do you all share, and what joint next step can you build on it?
fs-move-transformation = Transformation: your frames hardly overlap. Try together to write a new description of the problem that none of you started from.
fs-caveat = Note: everyone reasons from a mix of frames, and no frame follows from a job title. This summary is based only on the words you wrote; professions are used only to group the answers.
fs-chart-title = Frames per profession
fs-chart-axis = share of the profession's answers in which the frame shows (%)
fs-chart-caption = The profiles per profession as a chart (share of answers in which each frame shows).
chart-file = Chart saved as { $path }
device-problem = problem definition
device-cause = cause and responsibility
device-judgement = moral judgement
device-solution = solution
