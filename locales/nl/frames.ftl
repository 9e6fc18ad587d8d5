## Frames (flows/frames.toml) en de framesamenvatting.

frame-name-autonomy = autonomie
frame-desc-autonomy = de mens als zelfbepalend individu: eigen regie, eigen verantwoordelijkheid, intrinsieke motivatie
frame-name-community = gemeenschap
frame-desc-community = de mens als deel van een groep: netwerk, buren, informele hulp, erbij horen
frame-name-ecological = ecologisch
frame-desc-ecological = de mens als deel van de natuur en haar grenzen
frame-name-needs = behoefte
frame-desc-needs = wat deze persoon nodig heeft: maatwerk, bescherming van kwetsbaren, de cliënt als slachtoffer van omstandigheden
frame-name-social-control = sociale controle
frame-desc-social-control = eisen van de samenleving als voorwaarde om erbij te horen: rechten en plichten, afspraken, handhaving, sancties
frame-name-market = markt
frame-desc-market = gelijke toegang en eerlijke verdeling, doelmatigheid, werkdruk en caseload, zo snel mogelijk uit de uitkering
frame-name-cooperative = coöperatief
frame-desc-cooperative = één gedeeld systeem met een gedeeld belang om de casus samen op te lossen
frame-name-political = politiek
frame-desc-political = een strijd tussen partijen, wij en zij, eigenbelang

## De framesamenvatting

fs-heading = Frames in deze ronde
fs-too-little = Er was te weinig tekst om frames met enige zekerheid te herkennen.
fs-person = { $name } ({ $profession }):
fs-person-none = { $name } ({ $profession }): geen frame herkend in de gebruikte woorden
fs-in-role = { $name } ({ $profession }) in de rol van { $role } (telt niet mee als eigen frame):
fs-in-role-compare = ter vergelijking: wie hier echt { $role } is, redeneerde vanuit { $frames }
fs-evidence = { $frame }: { $words }
fs-devices = redeneerstappen: { $devices }
fs-devices-none = redeneerstappen: naar geen van de vier apart gevraagd
fs-profiles = Per beroep
fs-profile = { $profession }:
fs-profile-none = { $profession }: geen frame herkend
fs-profile-line = { $frame }: in { $count ->
    [one] één antwoord
   *[other] { $count } antwoorden
}
fs-issues = Waar de beroepen het meest verschillen
fs-issues-none = Geen duidelijk verschil tussen de beroepen in hun antwoorden op dezelfde vraag.
fs-issue = { $step }:
fs-issue-side = { $name } ({ $profession }) redeneert vanuit het frame { $frame }: { $words }
fs-unused = Frames die niemand gebruikte: { $frames }.
fs-self-heading = Frames die mensen bij zichzelf herkenden
fs-self-tagged = { $name } ({ $profession }): { $frames }
fs-move-heading = Een voorstel voor het volgende gesprek
fs-move-amplification = Amplificatie: jullie redeneren vanuit dezelfde frames ({ $frames }). Beschrijf ieder in vier korte regels hoe je het probleem, de oorzaak, je oordeel en de oplossing ziet. Zijn jullie het echt eens, of lijkt dat maar zo?
fs-move-extension = Extensie: jullie delen het frame «{ $frame }», maar verder weinig. Welk element uit het antwoord van een ander beroep kun je in je eigen aanpak opnemen?
fs-move-bridging = Overbrugging: het frame «{ $frame }» komt bij elk beroep terug. Welke aanname daarachter delen jullie, en welke gezamenlijke volgende stap kunnen jullie daarop bouwen?
fs-move-transformation = Transformatie: jullie frames overlappen nauwelijks. Probeer samen een nieuwe omschrijving van het probleem te maken waar niemand van jullie mee begon.
fs-caveat = Let op: frames zijn bij iedereen gemengd en volgen nooit uit een functietitel; dit is alleen gelezen uit de woorden die jullie schreven. Het beroep dient alleen om te groeperen.
fs-chart-title = Frames per beroep
fs-chart-axis = deel van de antwoorden van het beroep waarin het frame voorkomt (%)
fs-chart-caption = De profielen per beroep als grafiek (deel van de antwoorden waarin elk frame voorkomt).
chart-file = Grafiek opgeslagen als { $path }
device-problem = probleemdefinitie
device-cause = oorzaak/verantwoordelijkheid
device-judgement = moreel oordeel
device-solution = oplossing
