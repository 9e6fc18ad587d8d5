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
