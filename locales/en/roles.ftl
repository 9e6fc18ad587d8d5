## Professions and role-swap roles (flows/professions.toml).

profession-social-worker = social worker
profession-client-manager-work = client manager Work
profession-client-manager-income = client manager Income
profession-other = other profession
role-client = the client

role-card-social-worker =
    You work in a neighbourhood or area team, under the Social Support Act (Wmo) and often with youth care close by.
    You start from the person's own request for help and their living situation: money worries, housing, health, the family, the network around them.
    You build a relationship of trust and guard it; professional confidentiality and privacy weigh heavily for you.
    You tend to care about: what this person needs, tailor-made support, stability at home first, the children's safety, and whether work is realistic right now.
    You may find the other side quick to demand and to sanction.
role-card-client-manager-work =
    You work for the municipality's Work & Income service, under the Participation Act. Your job is reintegration: helping people on social assistance towards work.
    You weigh what someone can do, make agreements and follow them up; the law imposes duties (such as the obligation to work and to accept help towards it) and, as a last resort, sanctions.
    You handle a large caseload and are judged partly on how many people leave benefit.
    You tend to care about: work as the way forward, sustainable exit from benefit, motivation, agreements kept and obstacles to work removed.
    You may find the other side slow to ask anything of the client.
role-card-client-manager-income =
    You work for the municipality's Work & Income service, under the Participation Act. Your job is the right to benefit: who is entitled, how much, and whether the information is correct.
    You check income, household and circumstances, prevent and detect fraud, recover what was paid wrongly, and impose sanctions when rules are broken.
    Equal treatment matters to you: the same rules for everyone, and public money spent properly.
    You tend to care about: rights and duties, lawfulness, evidence and verification, a stable income, and debts that block everything else.
    You may find the other side too ready to take the client's story on trust.
role-card-other =
    You take part from another profession or organisation, with its own task, rules and way of looking at clients.
    Play that role as you know it: what is your organisation there for, what does the law or your assignment ask of you, and what do you find important in this case?
role-card-client =
    You are the person this case is about. You live on social assistance and deal with several professionals at once, who do not always know about each other.
    You know your own life best: what went wrong, what you are proud of, what you dream of and what you are afraid of losing.
    You may feel checked rather than helped, or you may simply want to be left alone for a while. Say so.
    Speak from your own experience; ask the professionals what they expect of you, and why.

# The two sides of the game (DOMAIN §4).
side-social = Social professionals
side-public = Public professionals
