## Teksten van de flows in flows/. Vragen mogen { $owner } gebruiken, de naam van de casusinbrenger.

## Gedeelde stappen

step-intake-title = De casus
step-clarify-title = Verhelderende vragen
step-takeaway-title = Wat je meeneemt
step-takeaway = Wat neem je mee uit deze ronde? Is er één punt waar je verder over wilt nadenken?
step-evaluation-title = Evaluatie
step-evaluation = Een korte evaluatie: hoe veilig en open was deze ronde, en begrijpen jullie elkaars rol nu beter? Je antwoorden zijn anoniem.
step-summary-title = Afsluiting
step-summary = Dit is wat de ronde heeft opgeleverd.
step-review-title = Terugblik
step-review = Voor de nieuwe casus: wat is er gekomen van de acties die de vorige keer zijn afgesproken? Wat heb je ervan geleerd?
step-actions-title = Afspraken
step-actions = Spreek vervolgstappen af: wat gebeurt er, door wie, en wanneer.

## Velden (mensen typen het label voor een dubbele punt, bijv. "Waarom: …")

field-nature = Probleem
field-client-image = Cliënt
field-why = Waarom
field-how = Hoe
field-what = Wat
field-feeling = Gevoel
field-fell-out = Uit de rol
field-learned = Geleerd
field-coaching-answer = Vraag
field-insights = Inzichten
field-first-step = Eerste stap
field-for = Voor
field-against = Tegen
field-scale = Schaal
field-problem = Probleem
field-cause = Oorzaak
field-judgement = Oordeel
field-solution = Oplossing
field-topics = Onderwerpen
field-report = Verslag
field-reflection = Reflectie
field-timeline = Tijdlijn
field-asked = Gevraagd
field-noticed = Aandacht
field-important = Belangrijk
field-stance = Positie
field-organisation = Organisatie
field-profession = Beroep
field-other-profession = Beroep
field-other-frames = Frames
field-bridge-problem = Probleem
field-bridge-solution = Oplossing

## Evaluatievragen

reflect-trust = Vertrouwen
reflect-openness = Openheid
reflect-roles = Rollen
reflect-course = Verloop

## Frames waarmee mensen zichzelf kunnen typeren

frame-autonomy = autonomie (eigen regie, eigen verantwoordelijkheid)
frame-needs = behoefte (wat deze persoon nodig heeft, maatwerk)
frame-social-control = sociale controle (rechten en plichten, afspraken, handhaving)
frame-market = markt (gelijke behandeling, doelmatigheid, uit de uitkering)
frame-community = gemeenschap (erbij horen, netwerk, buurt)

## Gouden Cirkel

gc-name = Gouden Cirkel
gc-description = Ieder beantwoordt privé waarom, hoe en wat over het eigen werk aan de casus; daarna hangen alle cirkels naast elkaar aan de muur.
gc-case = { $owner }, beschrijf de casus: de situatie, wat er al is geprobeerd, en waar je vastloopt. Gebruik geen namen of andere gegevens waaraan de cliënt te herkennen is.
gc-questions = Stel { $owner } de vragen die je nodig hebt om de casus te begrijpen. { $owner } antwoordt hier ook. Ontbreekt er een belangrijk perspectief aan deze tafel?
gc-circle-title = Jouw cirkel
gc-circle = Vul privé je eigen cirkel in. Probleem: wat is de aard van het probleem hier, en waarom doet het ertoe? Cliënt: wat is jouw beeld van de cliënt? Waarom: waarom doe je dit werk, waar geloof je in? Hoe: hoe werk je, met deze casus als voorbeeld? Wat: welke concrete resultaten wil je in deze casus bereiken?
gc-wall-title = De muur
gc-wall = Alle cirkels naast elkaar.
gc-reflection-title = Reflectie
gc-reflection = Wat valt je op? Waar liggen de accenten en de gaten, wat lijkt op elkaar en wat verschilt, in waarden, het probleem, het beeld van de cliënt, het hoe en het wat? En waarom antwoordde je zoals je deed: vanuit persoonlijke ervaring, vanuit professionele afweging, of vanuit wat je organisatie vraagt?
gc-stance-title = Jouw houding
gc-stance = Nog één, privé: waarom nam je in deze ronde de houding aan die je aannam tegenover de anderen? Werkte je met ze samen, of bewaakte je je eigen positie? Schrijf wat je zou zeggen als niemand van je eigen beroep meelas.
gc-stances-title = Houdingen
gc-stances = De houdingen, zonder namen.

## Rolwisseling

rs-name = Rolwisseling
rs-description = Schrijf vanuit je eigen rol een kaartje volgens de Gouden Cirkel en speel daarna de rol die het verst van de jouwe af staat, met het kaartje van wie die rol echt heeft in de hand.
rs-case = { $owner }, beschrijf de casus: de situatie, de mensen rond de cliënt, en je vraag aan de groep. Gebruik geen namen of andere gegevens waaraan de cliënt te herkennen is.
rs-questions = Vraag { $owner } wat je moet weten om deze casus goed te kunnen spelen. Welke rollen zijn hier wezenlijk, en ontbreekt er een?
rs-cards-title = Jouw kaartje
rs-cards = Schrijf privé je kaartje, vanuit je echte rol: wat wil je meegeven aan degene die jou gaat spelen? Waarom doet deze casus je iets, hoe zou je de casus aanpakken en wat zou je doen?
rs-roles-title = Rollen
rs-roles = Ieder krijgt nu een rol die zo veel mogelijk van de eigen rol verschilt, samen met het kaartje van wie die rol in het echt heeft. Lees dat kaartje voordat het gesprek begint.
rs-in-role-title = Casusoverleg in rol
rs-in-role = Bespreek de casus vanuit je nieuwe rol: wat is er aan de hand, en wat moet er gebeuren? Blijf zo lang je kunt in je rol; terugvallen in je eigen rol mag, en is het opmerken waard. Wie de cliënt speelt: zeg wat je nodig hebt, en vraag waarom.
rs-gain-title = Wat het opleverde
rs-gain = { $owner }, wat heeft dit overleg je opgeleverd voor je casus? Kijk je nu anders naar de casus?
rs-debrief-title = Nabespreking
rs-debrief = Terugkijken op de wissel, privé. Gevoel: hoe voelde het om vanuit een andere rol mee te doen, en waarom ging dat makkelijk of moeilijk? Uit de rol: wanneer viel je uit je rol, en welk verschil in perspectief liet dat zien? Geleerd: wat heb je geleerd over de andere rol en over hoe jullie elkaar kunnen aanvullen?
rs-debriefs-title = Nabesprekingen
rs-debriefs = Ieders nabespreking, naast elkaar.

## Roddelmethode

gossip-name = Roddelmethode
gossip-description = De casusinbrenger stelt een coachvraag en luistert daarna alleen, terwijl de anderen de casus bespreken alsof de casusinbrenger er niet bij is.
gossip-candidates-title = Kandidaat-casussen
gossip-candidates = Welke casus zou jij willen inbrengen? Beschrijf hem hier in een of twee regels, zonder namen of andere gegevens waaraan de cliënt te herkennen is, en zeg wat de groep ervan kan leren. Eén casus per bericht.
gossip-choose-title = De casus kiezen
gossip-choose = Welke casus nemen we? Kies de casus waar we het meest van kunnen leren. De casus met de meeste stemmen wordt ingebracht door wie hem voorstelde.
gossip-case = { $owner }, vertel het verhaal van de cliënt en het netwerk eromheen, en wat het voor jou als professional betekent. Gebruik geen namen of andere gegevens waaraan de cliënt te herkennen is.
gossip-coaching-title = Coachvraag
gossip-coaching = { $owner }, wat is je eigen coachvraag aan de groep? Wat wil je van deze casus leren?
gossip-questions-title = Vragen
gossip-questions = Stel { $owner } vragen die het denken in beweging zetten: bewustwordings- en verantwoordelijkheidsvragen, niet alleen vragen naar feiten. Eén vraag per bericht. { $owner } kan hier in de thread antwoorden; die antwoorden komen niet in de lijst van vragen om uit te kiezen.
gossip-pick-title = Vragen die je raakten
gossip-pick = { $owner }, welke vragen zetten je het meest aan het denken? Kies er één of meer op nummer.
gossip-gossip-title = Roddelronde
gossip-gossip = Bespreek de casus onder elkaar, in de derde persoon, alsof { $owner } er niet bij is: achtergrond, oorzaken, oplossingen, en ook de overtuigingen van { $owner } en welke andere kijk mogelijk is.
gossip-feedback-title = Antwoord van de casusinbrenger
gossip-feedback = { $owner }, na het luisteren: Vraag: is je coachvraag nu te beantwoorden? Inzichten: welk nieuw denken is op gang gekomen? Eerste stap: welke eerste stap zet je met de cliënt?
gossip-learned-title = Wat je leerde
gossip-learned = Wat heb je van deze casus geleerd voor je eigen werk?

## Vier vensters

fw-name = Vier vensters
fw-description = Mensen, feiten, afwegen aan vooraf gekozen criteria en volgende stappen. Naar de viervenstermethode van Van Montfoort (De viervensters® is een merk van de eigenaar).
fw-case = { $owner }, deel de casus zoals die vooraf is uitgeschreven: de situatie en het besluit of oordeel waar het om gaat. Gebruik geen namen of andere gegevens waaraan de cliënt te herkennen is.
fw-people-title = Venster 1: de mensen
fw-people = Wie zijn de mensen rond de cliënt? Familie, vrienden, buren, collega's, hulpverleners: wie zijn erbij betrokken, hoe staan ze tot elkaar, en wat vinden ze?
fw-facts-title = Venster 2: de feiten
fw-facts = Wat zijn de feiten? Belangrijke levensgebeurtenissen op een tijdlijn, eerdere hulp, wat goed gaat, waar je je zorgen over maakt. Houd feiten en meningen uit elkaar, en zeg wat nog onbekend is.
fw-facts-check-title = Genoeg feiten?
fw-facts-check = Weten we genoeg om de situatie te wegen, of zijn de feiten te mager? Zegt de meerderheid te mager, dan gaan we eerst terug naar venster 2 (de cliënt nog eens spreken, een collega vragen) — anders vullen we de gaten in vanuit ons eigen frame.
fw-facts-enough = genoeg om te wegen
fw-facts-thin = te mager: eerst meer verzamelen
fw-criteria-title = Eerst de criteria
fw-criteria = Voor het wegen, privé: aan welke criteria moet het besluit voldoen? Wanneer is de situatie goed genoeg?
fw-criteria-shown-title = De criteria
fw-criteria-shown = Ieders criteria, naast elkaar.
fw-weighing-title = Venster 3: wegen
fw-weighing = Weeg de situatie af tegen de criteria, privé. Voor: welke feiten pleiten voor het besluit? Tegen: welke pleiten ertegen? Schaal: waar zou je het zetten van 0 tot 10, en waarom?
fw-weighing-shown-title = De weging
fw-weighing-shown = Ieders weging, naast elkaar.
fw-next-title = Venster 4: volgende stappen
fw-next = Welke feiten dragen het besluit, in het kort? Welke concrete stappen volgen, door wie en wanneer? Denk aan een plan B als de situatie verandert, en aan hoe je omgaat met de gevolgen van het besluit dat je níét neemt.

## Handelingscyclus

ac-name = Handelingscyclus
ac-description = Een casusbespreking in vier stappen: het probleem verhelderen, analyseren, oplossingsrichtingen zoeken en vervolgstappen afspreken.
ac-case = { $owner }, beschrijf de casus, en zeg wiens probleem het is: van de cliënt, van de omgeving, of van jou als professional. Gebruik geen namen of andere gegevens waaraan de cliënt te herkennen is.
ac-clarify-title = Probleemverheldering
ac-clarify = Wat is precies het probleem? Het probleem zoals het zich aandient, de oorzaak eronder, of een probleem dat misschien niet op te lossen is? Vraag { $owner } wat je moet weten.
ac-analysis-title = Analyse
ac-analysis = Jouw analyse, privé. Probleem: hoe omschrijf jij het probleem? Oorzaak: waar komt het door, en wie is verantwoordelijk? Oordeel: wat vind je ervan? Oplossing: wat zou helpen?
ac-analyses-title = De analyses
ac-analyses = Ieders analyse, naast elkaar.
ac-directions-title = Oplossingsrichtingen
ac-directions = Welke richtingen zouden kunnen werken? Bouw voort op elkaars analyses, en zeg waar je van mening verschilt.
ac-evaluation = Een korte evaluatie: verliep het overleg zoals bedoeld, was er vertrouwen, is alles gezegd en begrijpen jullie elkaars rol nu beter? Je antwoorden zijn anoniem.

## Gezamenlijk cliëntinterview

ji-name = Gezamenlijk cliëntinterview
ji-description = Een sociaal werker en een klantmanager bereiden samen een interview voor met een cliënt die ze zelf niet begeleiden, nemen het af en bespreken daarna wat de ander vroeg.
ji-types-title = Soorten cliënten
ji-types = Bij welke soorten cliënten werkt de ondersteuning niet, zonder dat iemand goed weet waarom? Denk in doelgroepen, zoals 50-plussers, alleenstaande ouders of jongeren, en niet in personen.
ji-personas-title = Profielen
ji-personas = Werk één van die soorten uit tot een profiel: leeftijd, situatie, wat er al is geprobeerd en waar het vastloopt. Een verzonnen persoon die je vaak tegenkomt, niet iemand die te herkennen is.
ji-persona-title = Het profiel
ji-persona = Welk profiel gaan de koppels zoeken? Kies er één.
ji-pairs-title = Koppels
ji-pairs = Elk koppel zoekt een cliënt die bij het gekozen profiel past, die jullie geen van beiden zelf begeleiden en bij wie geen fraudeonderzoek loopt. Schrijf hier, zonder naam of herkenbare gegevens, wat voor cliënt jullie hebben gevonden en waarom die bij het profiel past.
ji-conditions-title = Voorwaarden
ji-conditions = Loop met je koppel de voorwaarden voor het interview na en kies alle voorwaarden die geregeld zijn. Pas als alles geregeld is, houden jullie het interview; één antwoord per koppel is genoeg.
ji-condition-not-own = de cliënt is niet een van onze eigen cliënten
ji-condition-no-fraud = er loopt geen fraudeonderzoek
ji-condition-letter = de cliënt heeft de informatiebrief gekregen en heeft ingestemd
ji-condition-privacy = het management heeft het privacydocument goedgekeurd
ji-condition-report = de cliënt krijgt het gespreksverslag
ji-topics-title = Topiclijst
ji-topics = Bereid het interview met je koppel voor; één antwoord per koppel is genoeg. Onderwerpen: waar wil je naar vragen? Tijdlijn: welke levensgebeurtenissen wil je op een tijdlijn zetten?
ji-interview-title = Het interview
ji-interview = Neem het interview samen af, met de topiclijst, en vraag ieder op je eigen manier door. Meld hier wanneer jullie klaar zijn, zonder gegevens waaraan de cliënt te herkennen is; het verslag volgt in de volgende stap.
ji-report-title = Verslag en reflectie
ji-report = Wat het koppel opschrijft, één antwoord per koppel. Verslag: het gespreksverslag in het kort (de cliënt krijgt het hele verslag). Reflectie: hoe ging het interview, en hoe ging het samenwerken in jullie koppel?
ji-debrief-title = Wat de ander vroeg
ji-debrief = Privé, over je partner in het interview. Gevraagd: welke vragen stelde je partner die jij niet had gesteld? Aandacht: waar lette je partner op? Belangrijk: wat vond je partner belangrijk?
ji-debriefs-title = Nabesprekingen
ji-debriefs = Ieders nabespreking, naast elkaar.
ji-timeline-title = Tijdlijn
ji-timeline = Zoek verbanden tussen de gebeurtenissen op de tijdlijnen. Welke verdiepende vragen roept dat op, en welk probleem ligt onder het probleem dat zich aandient?
ji-follow-up = Wat volgt er voor de cliënt, en wie pakt het op met de eigen klantmanager van de cliënt?

## Het spel "Overbruggen van verschillen"

bg-name = Overbruggen van verschillen (het spel)
bg-description = Het spel in drie delen: eigen land, de andere kant, en overbruggen.
bg-case = { $owner }, deel de casus: een eigen casus, een bestaande, of een uit het onderzoek. Gebruik geen namen of andere gegevens waaraan de cliënt te herkennen is.
bg-home-title = Deel 1: eigen land
bg-home = Breng jezelf in kaart, privé. Positie: waar sta jij ten opzichte van deze casus? Organisatie: wat is de opdracht van je organisatie en je functie? Beroep: wat is de opdracht van je beroep?
bg-own-frames-title = Frames die je herkent
bg-own-frames = Welke frames herken je in jezelf, in je organisatie en in je beroep? Kies er één of meer op nummer.
bg-home-shown-title = Eigen landen
bg-home-shown = Ieders eigen land, naast elkaar.
bg-frame-profile-title = Het frameprofiel per kant
bg-frame-profile = Welke frames herkende elke kant in zichzelf? Geteld, zonder namen.
bg-group-frames-title = Jullie profiel
bg-group-frames = Overleg met je eigen kant: welke frames kiezen jullie samen als het profiel van jullie groep, en waarom? Schrijf jullie keuze hier.
bg-visit-roles-title = Deel 2: de andere kant
bg-visit-roles = Ieder gaat nu op bezoek bij de andere groep: je neemt de rol aan van iemand van de andere kant.
bg-visit-title = Het bezoek
bg-visit = Doe mee aan het overleg als een van de andere groep. Let ook op de anderen: gaat iedere bezoeker door voor een van jullie? Straks stemmen jullie daarover, en wie door de mand valt, verlaat het bezoek.
bg-passed-title = Door de mand gevallen?
bg-passed = Welke bezoekers gingen volgens jou niet door voor een van de andere groep? Kies ze op nummer, of kies de laatste optie als iedereen doorging. Een stem op jezelf telt niet.
bg-visit-on-title = Het bezoek gaat verder
bg-visit-on = Het bezoek gaat verder, zonder wie door de mand viel. Praat mee als een van de andere groep.
bg-other-side-title = Wat je zag
bg-other-side = Privé. Beroep: hoe ziet het beroep van de andere groep eruit? Frames: welke frames gebruikt de andere groep bij deze casus?
bg-pitch-title = De pitch
bg-pitch = Hoe ieder van jullie de andere kant ziet.
bg-corrections-title = Aanvullen en corrigeren
bg-corrections = Vul aan of corrigeer wat er over je eigen groep is gezegd.
bg-bridge-title = Deel 3: overbruggen
bg-bridge = Bespreek de casus samen, met wat je hebt geleerd. Probleem: wat is het probleem, en wie is verantwoordelijk voor het bestaan ervan? Oplossing: wat is de oplossing, en wie is daarvoor verantwoordelijk?
bg-learning-title = Leerrendement
bg-learning = Terugkijkend: wat heb je geleerd, en welke leervraag neem je mee?
