## Wat de bot zegt. Variabelen vult de code in (src/core/msg.rs).

## Opsommingen: het woord voor het laatste ("a, b en c", "a, b of c")
list-and = en
list-or = of

## Rondes

round-opened = Ronde { $round }: { $flow } — «{ $title }». Gespreksleider: { $coordinator }; { $steps } stappen, allemaal in deze thread.
round-how-to-join = Doe je mee? Schrijf hier `!brug join` met je beroep. Sommige stappen beantwoord je privé; die antwoorden stuur je mij in een privébericht.
first-deadline = Eerste deadline: { $deadline }.
round-closed = Ronde { $round } is afgesloten. Dank jullie wel.
round-cancelled = { $name } heeft deze ronde afgebroken.
round-paused = { $name } heeft deze ronde gepauzeerd; de deadlines staan stil tot de ronde weer verdergaat.
round-resumed = { $name } heeft deze ronde hervat.
step-header = Stap { $n } van { $total }: { $title }
step-deadline = Deadline: { $deadline }.
step-next = { $name } heeft de ronde een stap verder gezet.
next-missing = { $names } { $count ->
    [one] heeft
   *[other] hebben
} deze stap nog niet beantwoord. Schrijf `!brug next!` om toch door te gaan, of `!brug extend 2d` om meer tijd te geven.
deadline-extended = De deadline is nu { $deadline }.
deadline-passed = De deadline is verstreken; door naar de volgende stap.
deadline-passed-coordinator = In ronde { $round } is de deadline voor «{ $step }» verstreken. Schrijf `!brug next` in de thread zodra de groep zover is.
step-still-open = Nog niemand heeft «{ $step }» beantwoord, dus deze stap blijft open tot { $deadline }.
step-waits-coordinator = In ronde { $round } zijn er ook na een extra termijn geen antwoorden op «{ $step }». De stap wacht nu op jou: met `!brug next!` in de thread ga je door, met `!brug extend 2d` zet je een nieuwe deadline en met `!brug cancel` breek je de ronde af.
step-empty-coordinator = In ronde { $round } heeft niemand «{ $step }» voor de deadline beantwoord. Ik heb { $missing } een herinnering gestuurd en houd de stap open tot { $deadline }. In de thread ga je met `!brug next!` toch door en geef je met `!brug extend 2d` meer tijd.
case-missing-coordinator = In ronde { $round } heeft { $name } de casus nog niet gestuurd. De ronde wacht erop tot { $deadline }; ik heb { $name } een herinnering gestuurd. Met `!brug owner <naam>` in de thread vraag je iemand anders een casus in te brengen.
case-no-owner-coordinator = Ronde { $round } heeft nog niemand die de casus inbrengt, dus de ronde wacht. Wijs in de thread iemand aan met `!brug owner <naam>`.
joined = { $name } doet mee als { $profession }.
left = { $name } heeft de ronde verlaten; de antwoorden tot nu toe blijven staan.
owner-unknown = de casusinbrenger
owner-set = { $name } is de casusinbrenger.
owner-already = { $name } is al de casusinbrenger.
owner-changed-after-case = { $name } is nu de casusinbrenger in plaats van { $before }. De casus die { $before } inbracht, blijft staan; vragen voor de casusinbrenger gaan vanaf nu naar { $name }.

## Aanwijzingen bij stappen

hint-blind = Antwoord privé: stuur je antwoord in een privébericht aan mij. Niemand ziet het voordat alle antwoorden tegelijk worden getoond, ook de gespreksleider niet.
hint-reflect = Antwoord privé: de vragen krijg je in een privébericht. De antwoorden worden alleen zonder namen getoond.
hint-open = Antwoord hier in de thread.
hint-private = Beantwoord dit bericht met je antwoord. Tot de stap afloopt kun je het wijzigen door het opnieuw te sturen.
hint-fields = Begin elk deel op een eigen regel met het label:
field-template = { $label }: …
hint-intake = Stuur de casus hier als antwoord. Ik laat je eerst zien wat ik heb ontvangen; pas als je bevestigt, plaats ik de casus in de thread.
hint-scores = Geef per onderdeel een cijfer van 1 (slecht) tot 5 (heel goed), eventueel met een korte toelichting, elk op een eigen regel:
score-template = { $label }: 1–5 …
hint-choose-one = Antwoord met het nummer van je keuze.
hint-choose-many = Antwoord met de nummers van je keuzes, bijvoorbeeld `1, 3`.
hint-actions = Schrijf elke actie op een eigen regel als: wat; wie; wanneer — bijvoorbeeld `huisbaas bellen; Anna; vrijdag`. Al het andere dat je hier schrijft, is gewoon overleg.
choose-option = { $n }. { $option }
choose-frame-option = { $n }. { $option } — { $description }
discuss-owner-listens = { $name } luistert in deze stap alleen.
listen-only-dm = In deze stap luister je alleen: de anderen bespreken je casus alsof je er niet bij bent. Je mag aantekeningen maken; in de volgende stap ben jij aan de beurt.
private-prompt = Ronde { $round } «{ $title }» — { $step }
intake-waiting = { $name } stuurt mij de casus privé. Zodra { $name } bevestigt, plaats ik de casus hier.
intake-no-owner = Er is nog geen casusinbrenger: de gespreksleider wijst die aan met `!brug owner NAAM`.
intake-confirm = Dit heb ik ontvangen. Antwoord `ja` om het in de thread te plaatsen, of stuur een verbeterde versie.
intake-posted = Geplaatst in de thread.
case-chosen = De groep koos de casus van { $name } ({ $votes ->
    [one] één stem
   *[other] { $votes } stemmen
}): { $name } brengt die casus nu in. Een gespreksleider kan nog iemand anders aanwijzen met `!brug owner`.
chosen = Met { $votes ->
    [one] één stem
   *[other] { $votes } stemmen
} koos de groep: { $option }
going-back = { $count } van de { $total } { $count ->
    [one] wil
   *[other] willen
} eerst meer weten, dus we gaan een stap terug: vul daar aan wat ontbreekt.
case-heading = De casus, ingebracht door { $name }:
review-heading = Acties die de vorige keer zijn afgesproken:
review-none = In de vorige ronde van deze groep zijn geen acties afgesproken.
review-action = { $n }. { $what } — { $who }, { $when }
review-how = Zeg per actie wat ervan gekomen is, met het nummer ervoor, bijvoorbeeld `1: afspraak staat op 12 januari`; dat wordt bij de actie bewaard.
review-noted = Genoteerd wat er van actie { $n } ({ $what }) gekomen is.
review-outcomes = Wat er van de acties van de vorige ronde gekomen is:
review-outcome = { $what }: { $outcome } ({ $name })
review-no-outcome = { $what }: daar is niets over gezegd

## Antwoorden

receipt = Ontvangen: je antwoord op «{ $step }» is bewaard. Niemand ziet het voordat alle antwoorden tegelijk worden getoond.
receipt-card = Ontvangen: je antwoord op «{ $step }» is bewaard. Het gaat privé, met je naam, naar wie jouw rol speelt. De groep ziet het niet tijdens de ronde; de framesamenvatting aan het eind kan er woorden uit citeren.
receipt-group-profile = Ontvangen: je antwoord op «{ $step }» is bewaard. Aan het eind van deel 1 telt het zonder je naam mee in het frameprofiel van jouw kant (ben je daar de enige, dan is dat dus het jouwe); de framesamenvatting aan het eind toont het met je naam.
receipt-in-summary = Ontvangen: je antwoord op «{ $step }» is bewaard. De groep ziet het niet tijdens de ronde; de framesamenvatting aan het eind toont het, met je naam.
receipt-updated = Bijgewerkt: je antwoord op «{ $step }» luidt nu zoals je het verbeterde.
err-edit-actions = Een bewerking in de actiestap neem ik niet over, zodat niemand verrast wordt door een veranderde actie: schrijf de verbeterde actie als nieuw bericht.
err-edit-not-matched = Ik kon je bewerking niet aan je antwoord koppelen, dus de eerdere versie telt. Stuur de verbetering als nieuw bericht.
edit-too-late = Je bewerkte je antwoord op «{ $step }» nadat die stap al was afgesloten; de eerdere versie telt.
pii-edit-refused = Je verbetering neem ik niet over; de eerdere versie blijft staan. Bewerk het bericht alsjeblieft nog eens zonder deze gegevens.
receipt-anonymous = Ontvangen: je antwoord op «{ $step }» is bewaard. Het wordt alleen zonder je naam getoond.
receipt-missing = Nog niet compleet, dit ontbreekt nog: { $fields }. Stuur die delen ook, elk op een eigen regel met het label ervoor.
progress = { $answered } van { $total } { $answered ->
    [one] heeft
   *[other] hebben
} geantwoord.
pairs-heading = De koppels, steeds een sociaal werker met een klantmanager waar de groep dat toelaat:
pair-line = { $names } ({ $professions })
pairs-not-mixed = Niet elk koppel heeft twee beroepen: van een van beide doen er te weinig mee. Zo'n koppel kan het interview gewoon houden; zeg in de thread wat jullie daardoor misschien missen.
pair-receipt = Dit geldt voor jullie hele koppel: een apart antwoord van { $names } is niet meer nodig.
pair-answered-for-you = { $name } heeft «{ $step }» voor jullie koppel beantwoord, dus het telt ook voor jou. Je mag nog je eigen versie sturen; die bewaren we er dan naast.
pair-counts = Dit telt voor het koppel { $names }.
conditions-missing = Nog niet geregeld: { $missing }. Wacht met het interview tot dat wel zo is en antwoord dan opnieuw met alle voorwaarden; je nieuwe antwoord vervangt dit.
reveal-field = { $label }
reveal-none = Niemand heeft deze stap beantwoord.
group-frames-heading = Frames over { $rounds ->
    [one] de laatste afgesloten ronde
   *[other] de laatste { $rounds } afgesloten rondes
}:
summary-over-time = De frames van de groep over de laatste { $rounds } rondes, deze als laatste:
group-frames-round = { $round } ({ $opened }): vooral { $frames }
group-frames-round-apart = { $round } ({ $opened }): vooral { $frames }; de beroepen { $apart }% uit elkaar
group-frames-converging = De beroepen redeneren nu dichter bij elkaar dan eerst.
group-frames-diverging = De beroepen groeien in hun redeneren verder uit elkaar.
group-frames-steady = Hoe ver de beroepen uit elkaar redeneren, is ongeveer gelijk gebleven.
group-chart-title = Frames per ronde
group-chart-axis = aandeel van de framesignalen in de ronde (%)
group-chart-round = ronde { $round }
action-due = Een herinnering aan wat er in ronde { $round } «{ $title }» is afgesproken: { $what } — vandaag. Bij de volgende bijeenkomst hoort de groep wat ervan gekomen is.
prepare-ask = Hoi { $name }: jij brengt de casus in bij de volgende ronde van de groep ({ $flow }, { $at }). Wil je die voorbereiden? Stuur hier een korte beschrijving in je eigen woorden, zonder iets waaraan de cliënt te herkennen is. Dit helpt:
prepare-template =
    1. De situatie: wat speelt er, en bij wie (geen namen)?
    2. Wat is er al geprobeerd, en door wie?
    3. Je vraag aan de groep.
    4. Wat wil de cliënt zelf?
prepare-kept = Dank je, de casus staat klaar. Op { $at } begint de ronde ermee; tot dan kun je hier nog een nieuwe versie sturen.
prepare-missing = De casus voor de ronde van { $at } is nog niet voorbereid; ik heb het { $name } gevraagd. De ronde begint hoe dan ook op tijd, en { $name } kan de casus dan alsnog privé sturen.
prepare-no-owner = De ronde van { $at } heeft nog geen inbrenger. Wijs er een aan met `!brug owner <naam>` zodra de ronde begint.
prepare-reminder = Even een herinnering: de ronde van { $at } begint met jouw casus. Wil je die hier van tevoren sturen?
prepare-posted = De ronde is begonnen met de casus die je hebt voorbereid; hij staat nu in de thread.
group-flow = Zonder methode erbij begint `!brug start` met { $flow }.
group-deadlines = Stappen krijgen hier { $span }, tenzij hun methode ze een eigen termijn geeft.
group-own-lang = In het { $lang }, zoals ze zelf kozen: { $names }.
group-coordinators = Gespreksleiders: { $platform ->
    [matrix] wie moderatorrechten heeft in deze ruimte (machtsniveau 50 of hoger)
    [discord] wie de gespreksleidersrol of het recht Threads beheren heeft
   *[other] wie de beheerder gespreksleider heeft gemaakt
}{ $named ->
    [none] {""}
   *[other] {""}, en { $named }
}.
schedule-set = Het rooster staat.
schedule-line = Vaste rondes: { $flow }, { $rhythm }. De volgende: { $at }. De inbrenger krijgt { $days ->
    [one] een dag
   *[other] { $days } dagen
} van tevoren het verzoek de casus voor te bereiden.
schedule-owners = Inbrenger de volgende keer: { $owner } (op volgorde: { $owners }).
schedule-no-owners = Geen vaste volgorde van inbrengers: een gespreksleider wijst er een aan met `!brug owner` zodra een ronde begint.
schedule-none = Deze groep heeft nog geen vaste rondes. Een gespreksleider stelt ze in, bijvoorbeeld: `!brug schedule golden-circle eerste dinsdag van de maand 10:00; inbrengers Anna, Bram; voorbereiden 5d`.
schedule-off = De vaste rondes zijn gestopt; rondes die al lopen gaan door.
err-schedule = Ik kon `{ $value }` niet lezen. Schrijf de methode, het ritme en eventueel de inbrengers en de dagen voorbereiding, gescheiden door `;` — bijvoorbeeld `!brug schedule golden-circle eerste dinsdag van de maand 10:00; inbrengers Anna, Bram; voorbereiden 5d`, of `!brug schedule off`.
err-rhythm = `{ $value }` is geen ritme dat ik kan lezen. Probeer `eerste dinsdag van de maand 10:00`, `laatste vrijdag van de maand` of `elke 2 weken op donderdag 9:30`.
err-no-moment = `{ $value }` valt nooit meer op een datum, dus er zou nooit een ronde beginnen.
err-schedule-owner = Ik ken { $name } niet in deze groep. Noem mensen die aan de rondes hebben meegedaan, zoals ze daar heten.
balance-heading = De balans van ronde { $round } tot nu toe, alleen voor jou:
balance-silent = Nog niets van gehoord: { $names }.
balance-all-spoke = Iedereen heeft iets in de thread geschreven.
balance-nothing = Er is nog niets in de thread geschreven.
balance-shares = Aandeel in wat er geschreven is, per beroep:
balance-share = { $profession }: { $percent }%
balance-no-frames = Er springt nog geen frame uit in wat er geschreven is.
balance-dominant = Eén frame draagt het meeste: { $frame }, in { $count } van de { $total } framesignalen. Nodig misschien een andere kijk op de casus uit.
balance-frames = Frames tot nu toe, naar de antwoorden waarin ze voorkomen:
balance-nudge = In ronde { $round } kwam { $percent }% van wat er in «{ $step }» is geschreven van één beroep ({ $profession }). Vraag in de volgende stap misschien eerst de anderen.
language-nl = Nederlands
language-en = Engels
group-heading = Deze groep schrijft in het { $lang }, rekent in tijdzone { $tz } en bewaart afgelopen rondes { $days ->
    [one] één dag
   *[other] { $days } dagen
}.
group-quiet = Rusttijden: van { $from } tot { $until }{ $weekends ->
    [yes] , en het hele weekend
   *[no] {""}
}. Dan stuur ik niemand iets, en deadlines schuiven naar het eind ervan.
group-no-quiet = Geen rusttijden 's avonds{ $weekends ->
    [yes] ; alleen het weekend is rustig
   *[no] {""} of in het weekend
}.
group-members = Wie meedoet, over { $rounds ->
    [one] de ene ronde
   *[other] de { $rounds } rondes
} die nog bewaard zijn:
group-member = { $name } ({ $profession }): { $rounds ->
    [one] één ronde
   *[other] { $rounds } rondes
}, { $asked ->
    [0] nog geen vragen
   *[other] { $answered } van { $asked } vragen op tijd beantwoord
}
group-no-rounds = Deze groep heeft nog geen rondes.
group-changed = Opgeslagen. Rondes die al lopen, houden zich er vanaf hun volgende deadline aan.
group-dropped = Niet bij de laatste twee rondes: { $names }. Vraag misschien hoe het met ze gaat, en of het ritme nog past.
err-group-setting = `{ $value }` is geen groepsinstelling die ik ken; gebruik `{ $prefix } group quiet 20-8`, `{ $prefix } group weekends quiet` (of `open`), `{ $prefix } group tz Europe/Amsterdam`, `{ $prefix } group flow golden-circle` of `{ $prefix } group deadline 3d`.
away-set = Je bent afwezig tot { $until }: tot dan geen herinneringen, en stappen wachten niet op jou (dit geldt voor { $rounds }). Antwoorden kan nog steeds; met `!brug back` ben je eerder terug.
away-none = Je doet niet mee aan een open ronde, dus er is niets om je voor af te melden.
back-set = Welkom terug: in { $rounds } rekenen we weer op je.
back-none = Je doet niet mee aan een open ronde.
status-away = Afwezig: { $names }.
err-bad-until = `{ $value }` is geen duur en geen dag die nog komt; gebruik bijvoorbeeld `{ $prefix } away 2w`, of `{ $prefix } away 24-12` om op 24 december terug te zijn.
option-all-passed = iedere bezoeker ging door
found-out = Door de mand gevallen: { $names }. Wie door de mand viel, verlaat het bezoek, en alleen het bezoek: daarna doet die weer gewoon mee.
all-passed = Iedere bezoeker ging door voor een van de andere groep, dus het bezoek gaat verder met iedereen.
err-left-visit = Je bent door de mand gevallen en hebt het bezoek verlaten, dus hier schrijf je niet meer mee. Als het bezoek voorbij is, doe je weer gewoon mee.
profile-side = { $side } ({ $people ->
    [one] één persoon
   *[other] { $people } mensen
})
profile-frame = { $frame }: { $count }
profile-none = Niemand koos frames, dus er is nog geen profiel per kant.
answer-named = { $name } ({ $profession }): { $text }
answer-anonymous = { $text }
author-line = { $name } ({ $profession }):
anonymous-line = Iemand:
anonymous-too-few = { $count ->
    [one] Er heeft maar één persoon geantwoord
   *[other] Er hebben maar { $count } mensen geantwoord
}. Bij minder dan { $min } antwoorden is niemand echt anoniem, dus ik toon hier geen antwoorden, alleen het aantal (en waar gevraagd de gemiddelde cijfers).
field-line = { $label }: { $text }
choice-line = { $name } ({ $profession }): { $options }
action-line = { $what } — { $who }, { $when }

## Rolwisseling

roles-handed-out = Iedereen heeft privé een rol gekregen:
roles-chair = { $name } leidt de ronde en houdt de eigen rol.
role-line = { $name } speelt de rol van { $role }
role-card-heading = Ronde { $round } — jouw rol: { $role }
role-plays = Je speelt de rol die { $name } in het echt heeft.
role-plays-client = Je speelt de cliënt.
card-from = Het kaartje dat { $name } vanuit deze rol schreef:
card-none = { $name } heeft geen kaartje geschreven.

## Herinneringen

reminder = Herinnering voor ronde { $round } «{ $title }»: «{ $step }» wacht nog op je antwoord. Deadline: { $deadline }.
reminder-overdue = De deadline voor «{ $step }» in ronde { $round } «{ $title }» is verstreken en nog niemand heeft geantwoord, dus de stap blijft open tot { $deadline }. Je antwoord is welkom.

## Status en verslag

status-heading = Ronde { $round } «{ $title }» ({ $flow })
status-step = Stap { $n } van { $total }: { $step }
status-answered = { $answered } van { $total } { $answered ->
    [one] heeft
   *[other] hebben
} geantwoord.
status-answered-names = { $answered } van { $total } { $answered ->
    [one] heeft
   *[other] hebben
} geantwoord: { $names }.
status-paused = De ronde is gepauzeerd.
status-closed = De ronde is afgesloten.
status-cancelled = De ronde is afgebroken.
record-by-export = Het volledige verslag, met alle antwoorden, zet ik hier niet neer: een gespreksleider krijgt het privé met `!brug export { $round }`, zolang het bewaard wordt ({ $days } dagen na de ronde).
record-intro = Verslag van «{ $title }»:
record-step = { $step }
record-no-answers = (geen antwoorden)
record-actions = Afspraken
record-no-actions = (geen afspraken gemaakt)
score-line = { $label }: { $average } van 5 ({ $count ->
    [one] één antwoord
   *[other] { $count } antwoorden
})

## Weigeringen (één regel: wat er mis was en wat wel werkt)

err-not-coordinator = Alleen een gespreksleider kan dat: { $platform ->
    [matrix] iemand met moderatorrechten in deze ruimte (machtsniveau 50 of hoger)
    [discord] iemand met de gespreksleidersrol of het recht Threads beheren
   *[other] iemand die door de beheerder gespreksleider is gemaakt
}. `!brug help` laat zien wat iedereen kan.
err-not-coordinator-round = Alleen een gespreksleider kan dat; in deze ronde is dat { $name }. Vraag het { $name } hier in de thread; `!brug status` laat zien waar de ronde is.
err-not-participant = Je doet nog niet mee aan deze ronde: schrijf `!brug join` met je beroep.
err-already-joined = Je doet al mee, als { $profession }.
err-round-closed = Ronde { $round } is afgesloten.
err-round-paused = De ronde is gepauzeerd; de gespreksleider hervat hem met `!brug resume`.
err-already-paused = De ronde is al gepauzeerd; `!brug resume` laat hem verdergaan.
err-not-paused = De ronde is niet gepauzeerd.
err-nothing-to-answer = Deze stap vraagt geen antwoord; wacht op de volgende.
err-not-your-turn = Deze stap is niet voor jou; je krijgt een melding zodra je aan de beurt bent.
err-listen-only = Als casusinbrenger luister je in deze stap alleen; in de volgende stap ben je weer aan de beurt.
err-answer-privately = In deze stap antwoord je privé: stuur je antwoord in een privébericht aan mij. Wat je hier schrijft, kan iedereen lezen.
err-answer-in-thread = In deze stap antwoord je openlijk: schrijf je antwoord in de thread van de ronde.
err-form-stale = Dat formulier hoorde bij een stap die al voorbij is; de ronde is verder. Gebruik de knop bij de huidige stap.
err-empty = Dat antwoord is leeg.
err-need-labels = Begin elk deel op een eigen regel met het label: { $fields }.
err-unknown-label = Het label «{ $label }» ken ik niet, dus dit antwoord heb ik niet opgeslagen. Deze stap vraagt om: { $fields }. Zet die tekst onder een van die labels, of laat de dubbele punt weg.
err-bad-scale = Begin «{ $field }» met een heel getal van { $low } tot { $high }, bijvoorbeeld `{ $field }: 6, omdat …`.
err-too-long = Dit bericht is { $length } tekens lang; een antwoord mag er hoogstens { $limit } hebben. Maak het korter, of verdeel het over meer berichten als de stap dat toelaat.
err-bad-score = Geef «{ $field }» een cijfer van 1 tot 5, bijvoorbeeld `{ $field }: 4`.
err-bad-choice = Antwoord met één of meer nummers uit de lijst, bijvoorbeeld `1, 3`.
err-bad-choice-one = Antwoord met één nummer uit de lijst.
err-bad-action = Een actie heeft drie delen met een puntkomma ertussen: wat; wie; wanneer — bijvoorbeeld `huisbaas bellen; Anna; vrijdag`. Uit dit bericht heb ik niets overgenomen.
err-owner-not-participant = { $name } doet niet mee aan deze ronde; { $name } moet eerst meedoen met `!brug join`.

## Commando's

help =
    brug begeleidt casusbesprekingen in deze ruimte. Commando's:
    { $prefix } flows — de beschikbare methodes
    { $prefix } start <methode> [titel] — een ronde starten (gespreksleiders)
    { $prefix } join [beroep] — meedoen aan de ronde van deze thread
    { $prefix } status — hoe de ronde ervoor staat
    { $prefix } next · extend <30m|12h|3d|1w> · pause · resume · cancel — de ronde leiden (gespreksleiders)
    { $prefix } owner <naam> — de casusinbrenger aanwijzen (gespreksleiders)
    { $prefix } leave — de ronde verlaten
    { $prefix } forget-me — al je antwoorden en je profiel wissen, in elke ronde
    { $prefix } away <2w|24-12> · back — een tijd afwezig: geen herinneringen, en rondes wachten niet op jou
    { $prefix } balance — privé: wie nog niets zei en wiens stem de ronde draagt (gespreksleiders)
    { $prefix } group — de instellingen van deze groep en wie er meedoet (gespreksleiders passen rusttijden en tijdzone aan)
    { $prefix } schedule — vaste rondes: methode, ritme, inbrengers op volgorde (gespreksleiders stellen ze in)
    { $prefix } retention [dagen] — hoe lang afgelopen rondes bewaard blijven (gespreksleiders stellen dit in)
    { $prefix } export [md|json] [#ronde] — het verslag van de ronde, privé (gespreksleiders)
    { $prefix } lang nl|en — je eigen taal; een gespreksleider stelt hiermee in de ruimte de taal van de groep in
    { $prefix } help <commando> — meer over één commando
help-command = { $command ->
    [start] `{ $prefix } start <flow> [titel]` opent een ronde: een startbericht, een thread en de eerste stap. Alleen gespreksleiders kunnen starten; `{ $prefix } flows` toont de methodes.
    [join] `{ $prefix } join <beroep>` maakt je deelnemer van de ronde in deze thread (of de enige open ronde). Beroepen: sociaal-werker, klantmanager-werk, klantmanager-inkomen of anders.
    [leave] `{ $prefix } leave` haalt je uit de ronde; wat je al hebt geantwoord blijft staan.
    [export] `{ $prefix } export` stuurt je privé het verslag van de ronde van deze thread (of `#12`, of de laatste van de ruimte): casus, antwoorden (anonieme zonder namen), acties en framesamenvatting, voor het dossier; `{ $prefix } export json` geeft het als JSON (gespreksleiders).
    [retention] `{ $prefix } retention` zegt hoe lang de rondes van deze groep na afloop bewaard blijven; `{ $prefix } retention 30` zet dat op 30 dagen voor rondes die vanaf nu aflopen (gespreksleiders). Daarna wis ik het verslag en verwijder ik mijn berichten over de ronde.
    [forget-me] `{ $prefix } forget-me` wist je antwoorden, je naam en beroep en je taalkeuze in elke ronde en groep (AVG art. 17); in verslagen staat dan alleen dat er een antwoord is verwijderd. Dit kan niet ongedaan worden gemaakt.
    [status] `{ $prefix } status` toont de stap, wie heeft geantwoord (of hoeveel, bij anonieme stappen) en de deadline.
    [next] `{ $prefix } next` beëindigt de huidige stap nu (gespreksleiders). Ontbreken er nog antwoorden, dan hoor je van wie; `{ $prefix } next!` gaat toch door.
    [extend] `{ $prefix } extend 2d` schuift de huidige deadline op: 30m, 12h, 3d of 1w (gespreksleiders).
    [pause] `{ $prefix } pause` zet de klok stil tot `{ $prefix } resume` (gespreksleiders).
    [resume] `{ $prefix } resume` zet de klok weer aan met de tijd die nog over was (gespreksleiders).
    [cancel] `{ $prefix } cancel` beëindigt de ronde zonder hem af te maken (gespreksleiders).
    [owner] `{ $prefix } owner <naam>` wijst de casusinbrenger aan, die de casus inbrengt (gespreksleiders).
    [lang] `{ $prefix } lang nl` of `{ $prefix } lang en` zet je taal; een gespreksleider in de ruimte zet die van de groep.
    [away] `{ $prefix } away 2w` (of `{ $prefix } away 24-12`: terug op die dag) meldt je afwezig in elke ronde waaraan je meedoet: tot dan geen herinneringen, en een stap wacht niet op jouw antwoord — je telt als afgemeld, niet als ontbrekend. Antwoorden kan nog steeds.
    [balance] `{ $prefix } balance` stuurt je privé wat een gespreksleider in de gaten houdt: wie nog niets heeft gezegd, het aandeel van elk beroep in wat er in de thread is geschreven, en of één frame de overhand heeft. Alleen aantallen en namen van frames; privé-antwoorden tellen nooit mee (gespreksleiders).
    [group] `{ $prefix } group` toont deze groep: taal, tijdzone, rusttijden en bewaartermijn, en per lid de rondes waaraan die meedeed en de vragen die op tijd beantwoord zijn (alleen aantallen). Gespreksleiders passen het aan: `{ $prefix } group quiet 20-8` (van 20:00 tot 08:00 aan niemand berichten; `0-0` voor geen), `{ $prefix } group weekends quiet` of `open`, `{ $prefix } group tz Europe/Amsterdam`, `{ $prefix } group flow golden-circle` (waarmee `{ $prefix } start` zonder meer begint), `{ $prefix } group deadline 3d` (voor stappen zonder eigen termijn in hun methode).
    [schedule] `{ $prefix } schedule golden-circle eerste dinsdag van de maand 10:00; inbrengers Anna, Bram; voorbereiden 5d` begint op elke zo'n dag een ronde met die methode in deze ruimte (gespreksleiders). De inbrengers zijn om de beurt; ieder krijgt zoveel dagen van tevoren (3 als je niets zegt) privé het verzoek de casus voor te bereiden, en de ronde begint daarmee. Ritmes: `eerste`/`tweede`/`derde`/`vierde`/`laatste <weekdag> van de maand`, `elke 2 weken op <weekdag>`, met een tijd. Rusttijden blijven gelden. `{ $prefix } schedule` laat het zien; `{ $prefix } schedule off` stopt het.
    [back] `{ $prefix } back` beëindigt je afwezigheid nu: we rekenen en herinneren je weer.
    [flows] `{ $prefix } flows` toont de methodes, één regel per methode.
    [help] `{ $prefix } help <commando>` legt één commando uit.
   *[other] Er is geen commando `{ $command }`; `{ $prefix } help` toont ze allemaal.
}
flows-heading = { $count ->
    [one] Er is één methode beschikbaar:
   *[other] Er zijn { $count } methodes beschikbaar:
}
flow-line = `{ $id }` — { $name }: { $description }
lang-set = Vanaf nu krijg je mijn berichten in het Nederlands.
group-lang-set = De taal van deze groep is nu Nederlands (nieuwe rondes gebruiken die).
err-unknown-command = Er is geen commando `{ $command }`; `{ $prefix } help` toont ze.
err-missing-arg = `{ $command }` is niet compleet. Gebruik: `{ $prefix } { $usage }`.
err-duration-too-long = `{ $value }` is langer dan ik kan wachten: hoogstens een jaar (52w).
err-export-format = `{ $value }` is geen bestandsformaat en geen ronde; gebruik `{ $prefix } export md` of `{ $prefix } export json`, eventueel met een rondenummer zoals `#3`.
err-retention = `{ $value }` is geen aantal dagen; gebruik bijvoorbeeld `{ $prefix } retention 90` (hoogstens 3650).
err-bad-duration = `{ $value }` is geen duur; gebruik bijvoorbeeld 30m, 12h, 3d of 1w.
err-bad-lang = `{ $value }` is geen taal die ik spreek; gebruik nl of en.
err-unknown-flow = Er is geen methode `{ $flow }`; `{ $prefix } flows` toont ze.
err-unknown-profession = `{ $value }` is hier geen beroep; kies uit: { $professions }.
ask-profession = Met welk beroep doe je mee? Schrijf `{ $prefix } join` met een van: { $professions }.
err-no-such-round = Er is hier geen ronde { $round }. Met `{ $prefix } status` in de ruimte zie je de open rondes.
err-no-round = Er is hier geen open ronde; een gespreksleider start er een met `{ $prefix } start`.
err-not-in-round = Je doet niet mee aan een open ronde. Wil je meedoen, schrijf dan `{ $prefix } join` in de thread van de ronde, in de ruimte van je team.
err-round-ended = Ronde { $round } is afgelopen, dus dit is niet toegevoegd. Met `{ $prefix } export { $round }` krijg je het verslag, zolang het bewaard wordt.
err-which-round = Je zit in meerdere rondes: { $rounds }. Schrijf in de thread van die ronde, of begin je bericht met het rondenummer, bijvoorbeeld `#12`.
err-unknown-user = { $name } doet niet mee aan deze ronde.
err-internal = Er ging bij mij iets mis; niets van wat je stuurde is verloren. Probeer het zo nog eens.
err-not-handled = Door een storing bij mij kon ik je bericht niet verwerken. Stuur het over een paar minuten nog eens.
err-thread-unknown = Ik weet niet bij welke ronde deze thread hoort. Begin je bericht met het rondenummer, bijvoorbeeld `#3`, of kijk met `{ $prefix } status` in de ruimte welke rondes er lopen.
not-a-command-here = Dat werkt hier niet; schrijf het in de ruimte, of `{ $prefix } help` voor de commando's.

## De terminal (brug try)

try-legend =
    brug try — schrijf `NAAM: tekst` in de thread, `NAAM (dm): tekst` privé aan de bot, `~ 2d` om twee dagen te laten verstrijken; `NAAM: !brug help` toont de commando's. Ctrl-D stopt.
    Deelnemers: { $participants } — { $coordinator } is gespreksleider.
try-closed = (De ronde is afgesloten; Ctrl-D stopt.)

## Matrix

mx-undecryptable = Ik kon een bericht van { $name } niet ontsleutelen. Stuur het alsjeblieft opnieuw; helpt dat niet, verifieer dan mijn sessie of schrijf me in een onversleutelde ruimte.

# Identificerende gegevens van cliënten (privacy)
pii-found = Ik zag iets wat lijkt op { $kinds } in je bericht. Ik heb het niet bewaard of gedeeld.{ $bsn ->
    [1] {" "}Een BSN wordt nooit geplaatst.
   *[0] {""}
}
pii-held = Stuur het opnieuw zonder deze gegevens, of antwoord `ja` om deze versie met plaatshouders te gebruiken:
pii-held-thread = Verwijder je bericht in de thread en stuur het opnieuw zonder deze gegevens, of antwoord `ja` in de thread om deze versie met plaatshouders te gebruiken:
pii-intake = Stuur de casus opnieuw zonder deze gegevens (een voornaam of initiaal is genoeg), of antwoord `ja` om deze versie met plaatshouders te plaatsen:
pii-delete-public = Iedereen hier kan je bericht nog lezen: verwijder het alsjeblieft.
pii-title-masked = Ik heb de ronde gestart met plaatshouders in de titel.
pii-bsn = een BSN
pii-iban = een rekeningnummer (IBAN)
pii-phone = een telefoonnummer
pii-email = een e-mailadres
pii-postcode = een postcode met huisnummer
pii-birth-date = een geboortedatum
answers-removed = { $count ->
    [one] Eén antwoord is verwijderd op verzoek van de schrijver.
   *[other] { $count } antwoorden zijn verwijderd op verzoek van de schrijvers.
}
forgotten = { $count ->
    [0] Ik heb je instellingen gewist. Je had in geen enkele ronde antwoorden.
    [one] Ik heb je antwoorden en profiel in één ronde gewist, en je instellingen. Niets van wat je schreef is bewaard.
   *[other] Ik heb je antwoorden en profiel in { $count } rondes gewist, en je instellingen. Niets van wat je schreef is bewaard.
}
forgotten-nothing = Ik bewaarde niets over jou: er was niets te wissen.
export-heading = Verslag van ronde { $round } «{ $title }», voor het dossier
export-json = Ronde { $round } als JSON (brug-round-record, versie { $version }; de vorm staat beschreven in docs/export.md):
export-sent = Ik heb je het verslag van ronde { $round } privé gestuurd.

# Toestemming bij de casus
intake-confirm-consent = Dit heb ik ontvangen. Deze methode vraagt een controle voordat de casus geplaatst wordt: antwoord `pseudoniem` als er niets in staat waaraan de cliënt te herkennen is, of `toestemming` als de cliënt ermee instemt dat de casus hier besproken wordt. Of stuur een verbeterde versie.
intake-consent-needed = Bevestig eerst een van de twee voordat ik de casus plaats: `pseudoniem` (niets in de casus maakt de cliënt herkenbaar) of `toestemming` (de cliënt stemt in met bespreking).
intake-consent-waiting = De casus is nog niet geplaatst: { $name } moet nog bevestigen dat de casus gepseudonimiseerd is of dat de cliënt toestemming gaf. De ronde wacht tot dan.
err-intake-consent = De ronde kan nog niet verder: { $name } bevestigt eerst dat de casus gepseudonimiseerd is of dat de cliënt toestemming gaf.
pii-intake-consent = Stuur de casus opnieuw zonder deze gegevens (een voornaam of initiaal is genoeg), of antwoord `pseudoniem` om deze versie met plaatshouders te plaatsen (`toestemming` als de cliënt instemde):
record-consent = Grondslag voor het bespreken van de casus: { $basis }.
consent-pseudonymised = gepseudonimiseerd door de casusinbrenger
consent-client = de cliënt gaf toestemming
round-erased = Het verslag van ronde { $round } is gewist: de bewaartermijn is voorbij.
retention-is = De rondes van deze groep worden { $days ->
    [0] niet bewaard na afloop: ze worden meteen gewist.
    [one] één dag bewaard na afloop, en dan gewist.
   *[other] { $days } dagen bewaard na afloop, en dan gewist.
}
retention-set = Vanaf nu worden rondes die in deze groep aflopen { $days ->
    [0] niet bewaard: ze worden meteen gewist (exporteer ze eerst).
    [one] één dag bewaard, en dan gewist.
   *[other] { $days } dagen bewaard, en dan gewist.
}

## An open answer given in a form, shown in the thread
form-answered = { $name } antwoordde:

## Iemand die geen privéberichten aanneemt (Discord): de thread hoort het één keer
private-closed = { $name }, ik kan je geen privéberichten sturen. Wat ik je privé wil laten weten, staat voor je klaar: klik op «Mijn berichten», dan zie alleen jij het. (Of sta privéberichten toe in je privacy-instellingen.)
private-nothing-kept = Er staat niets voor je klaar over ronde { $round }.

## Hoe je de commando's schrijft (na het voorvoegsel)
usage-help = help [commando]
usage-flows = flows
usage-start = start <methode> [titel…]
usage-join = join [beroep]
usage-leave = leave
usage-status = status
usage-next = next
usage-extend = extend <30m|12h|3d|1w>
usage-pause = pause
usage-resume = resume
usage-cancel = cancel
usage-owner = owner <naam>
usage-lang = lang nl|en
usage-forget-me = forget-me
usage-retention = retention [dagen]
usage-export = export [md|json] [#ronde]
usage-away = away <2w|24-12>
usage-back = back
usage-balance = balance
usage-group = group [quiet 20-8 | weekends quiet|open | tz Europe/Amsterdam | flow <methode> | deadline 3d]
usage-schedule = schedule <methode> <ritme>[; inbrengers <namen>][; voorbereiden <dagen>] | schedule off
