# Discord: het slash-commando /brug (elk hooguit 100 tekens) en de bevestiging.
dc-command = Casuïstiekbespreking: start en begeleid een ronde, antwoord, zie hoe het ervoor staat
dc-sub-help = Korte uitleg, of uitleg bij één commando
dc-sub-flows = De methodes die je kunt starten
dc-sub-start = Begin in dit kanaal een ronde over een casus (gespreksleiders)
dc-sub-join = Doe mee aan de ronde van deze thread, met je beroep
dc-sub-leave = Stap uit de ronde; wat je al antwoordde blijft staan
dc-sub-status = Bij welke stap de ronde is, wie al antwoordde, de deadline
dc-sub-next = Door naar de volgende stap (gespreksleiders)
dc-sub-extend = Geef de huidige stap meer tijd, bijvoorbeeld 2d (gespreksleiders)
dc-sub-pause = Zet de ronde stil: geen deadlines, geen herinneringen (gespreksleiders)
dc-sub-resume = Laat een stilgezette ronde verder gaan (gespreksleiders)
dc-sub-cancel = Breek de ronde af (gespreksleiders)
dc-sub-owner = Wijs de casusinbrenger aan (gespreksleiders)
dc-sub-lang = Je eigen taal, of die van het kanaal (gespreksleiders): nl of en
dc-sub-retention = Hoeveel dagen afgeronde rondes bewaard blijven; gespreksleiders kunnen dat wijzigen
dc-sub-export = Het verslag van de ronde, privé naar jou (gespreksleiders)
dc-sub-forget-me = Wis je antwoorden en profiel in alle rondes
dc-opt-command = Het commando dat je uitgelegd wilt hebben, bijvoorbeeld start
dc-opt-flow = De methode, bijvoorbeeld golden-circle
dc-opt-title = Een korte titel voor de casus (geen namen van cliënten)
dc-opt-profession = social-worker, client-manager-work, client-manager-income of other
dc-opt-duration = Hoeveel langer: 30m, 12h, 3d of 1w
dc-opt-user = De naam van de deelnemer
dc-opt-language = nl of en
dc-opt-days = Een aantal dagen
dc-opt-format = md (leesbaar) of json
dc-opt-round = Het nummer van de ronde, bijvoorbeeld 3
dc-received = Ontvangen: `{ $command }`

# Knoppen en formulieren (een knop: hooguit 80 tekens; een voorbeeldtekst: 100).
dc-button-answer = Antwoord geven
dc-button-mine = Mijn berichten
dc-form-received = Verstuurd. brug bevestigt het zo.
dc-form-gone = Dat formulier bestaat niet meer; gebruik de knop bij de huidige stap van de ronde.
dc-score-placeholder = Een cijfer van 1 tot 5, en als je wilt een paar woorden
dc-mine-coming = Dit heb ik voor je klaarstaan; alleen jij ziet het.
