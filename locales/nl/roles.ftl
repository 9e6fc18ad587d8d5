## Beroepen en rollen voor de rolwisseling (flows/professions.toml).

profession-social-worker = sociaal werker
profession-client-manager-work = klantmanager Werk
profession-client-manager-income = klantmanager Inkomen
profession-other = ander beroep
role-client = de cliënt

role-card-social-worker =
    Je werkt in een wijk- of gebiedsteam, vanuit de Wmo en vaak met jeugdhulp dichtbij.
    Je begint bij de hulpvraag en de leefsituatie van de persoon: geldzorgen, wonen, gezondheid, het gezin, het netwerk eromheen.
    Je bouwt een vertrouwensrelatie op en bewaakt die; beroepsgeheim en privacy wegen voor jou zwaar.
    Waar je vaak op let: wat deze persoon nodig heeft, maatwerk, eerst rust in huis, de veiligheid van de kinderen, en of werk nu wel haalbaar is.
    De andere kant komt volgens jou soms snel met eisen en maatregelen.
role-card-client-manager-work =
    Je werkt bij Werk & Inkomen van de gemeente, vanuit de Participatiewet. Jouw taak is re-integratie: mensen in de bijstand op weg helpen naar werk.
    Je kijkt wat iemand kan, maakt afspraken en volgt die op; de wet kent plichten (zoals de arbeidsverplichting en meewerken aan een traject) en als laatste middel een maatregel.
    Je hebt een grote caseload en wordt mede afgerekend op uitstroom.
    Waar je vaak op let: werk als weg vooruit, duurzame uitstroom, motivatie, nagekomen afspraken, belemmeringen voor werk wegnemen.
    De andere kant vind je soms terughoudend in wat ze van een cliënt vragen.
role-card-client-manager-income =
    Je werkt bij Werk & Inkomen van de gemeente, vanuit de Participatiewet. Jouw taak is het recht op uitkering: wie heeft recht, hoeveel, en klopt de informatie.
    Je controleert inkomen, huishouden en omstandigheden, voorkomt en spoort fraude op, vordert terug wat onterecht is betaald, en legt maatregelen op als regels worden overtreden.
    Gelijke behandeling telt voor jou: dezelfde regels voor iedereen, en gemeenschapsgeld dat goed wordt besteed.
    Waar je vaak op let: rechten en plichten, rechtmatigheid, bewijsstukken en verificatie, een stabiel inkomen, en schulden die al het andere blokkeren.
    De andere kant vind je soms te snel geneigd het verhaal van de cliënt zonder meer te geloven.
role-card-other =
    Je doet mee vanuit een ander beroep of een andere organisatie, met een eigen opdracht, eigen regels en een eigen blik op cliënten.
    Speel die rol zoals je hem kent: waar is jouw organisatie voor, wat vraagt de wet of je opdracht van je, en wat vind jij belangrijk in deze casus?
role-card-client =
    Jij bent de persoon om wie deze casus draait. Je leeft van een bijstandsuitkering en hebt met meerdere professionals tegelijk te maken, die niet altijd van elkaar weten.
    Jij kent je eigen leven het best: wat er misging, waar je trots op bent, waar je van droomt, wat je niet kwijt wilt.
    Misschien voel je je eerder gecontroleerd dan geholpen, of wil je gewoon even met rust gelaten worden. Zeg dat dan.
    Spreek vanuit je eigen ervaring; vraag de professionals wat ze van je verwachten, en waarom.

# The two sides of the game (DOMAIN §4).
side-social = Sociale professionals
side-public = Publieke professionals
