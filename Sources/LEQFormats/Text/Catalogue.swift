/// The German texts of every `Message`, keyed by the English template (see `Message`).
/// Placeholders `{1}`, `{2}` may move; each must stay. A test checks every template in the
/// sources against this table, and that every entry here is still used.
public enum Catalogue {
    public static let german: [String: String] = [
        "      rule: {1}":
            "      Regel: {1}",
        "    Note: due on {1} ({2} days after the order to pay); the execution is later":
            "    Hinweis: fällig am {1} ({2} Tage nach der Anordnung), die Ausführung liegt danach",
        "    {1}: provider {2}, statement {3} (difference {4})":
            "    {1}: Träger {2}, Abrechnung {3} (Differenz {4})",
        "  - {1}: {2}":
            "  - {1}: {2}",
        "  Chain head: no. {1} {2}":
            "  Kettenkopf: Nr. {1} {2}",
        "  Chain: entries {1} (statements {2}, sign-offs {3}, people {4}, payment files {5})":
            "  Kette: {1} Einträge ({2} Abrechnungen, {3} Unterschriften, {4} Personen, {5} Zahlungsdateien)",
        "  Chain: entry no. {1}, {2} (checked)":
            "  Kette: Eintrag Nr. {1}, {2} (geprüft)",
        "  Date of issue: {1}   Total: {2}":
            "  Rechnungsdatum: {1}   Gesamtbetrag: {2}",
        "  Inputs (SHA-256, together {1}):":
            "  Eingaben (SHA-256, zusammen {1}):",
        "  Month of service: {1}   Provider: {2}   Agreement: {3}":
            "  Leistungsmonat: {1}   Träger: {2}   Vereinbarung: {3}",
        "  SQLite integrity: ERROR":
            "  SQLite-Integrität: FEHLER",
        "  SQLite integrity: ok":
            "  SQLite-Integrität: in Ordnung",
        "  amount differs: {1}":
            "  Betrag abweichend: {1}",
        "  certified (factually and arithmetically correct): {1}":
            "  sachlich und rechnerisch richtig: {1}",
        "  checked: statements {1}, lines {2}, renderings {3}, payment files {4}, each byte for byte":
            "  geprüft: {1} Abrechnungen, {2} Zeilen, {3} Darstellungen, {4} Zahlungsdateien, jeweils Byte für Byte",
        "  finalised: {1}, {2}":
            "  finalisiert: {1}, {2}",
        "  matching lines: {1}":
            "  übereinstimmende Zeilen: {1}",
        "  missing from the provider's list: {1}":
            "  fehlt in der Liste des Trägers: {1}",
        "  noted head {1}: entry no. {2} of the chain, present":
            "  notierter Kopf {1}: Eintrag Nr. {2} der Kette, enthalten",
        "  only in the provider's list: {1}":
            "  nur in der Liste des Trägers: {1}",
        "  payable: {1}":
            "  zahlbar: {1}",
        "  payment ordered: {1}":
            "  angeordnet: {1}",
        "  stored as: {1}":
            "  gespeichert als: {1}",
        "  {1} done\n":
            "  {1} fertig\n",
        "  {1}: already in the payment file {2}":
            "  {1}: schon in der Zahlungsdatei {2}",
        "  {1}: not certified yet":
            "  {1}: noch nicht festgestellt",
        "  {1}: payment not ordered yet":
            "  {1}: noch nicht angeordnet",
        "  {1}: {2} of {3} months settled\n":
            "  {1}: {2} von {3} Monaten abgerechnet\n",
        "  {1}: {2} to {3}, {4}":
            "  {1}: {2} an {3}, {4}",
        "  {1}: {2} — not transferred: the provider owes the amount; the cash office recovers or offsets it (recorded, does not come up again)":
            "  {1}: {2} — nicht überwiesen: der Träger schuldet den Betrag; die Kasse fordert ihn zurück oder verrechnet ihn (festgehalten, erscheint nicht wieder)",
        "  {1}: {2} — nothing to transfer (recorded, does not come up again)":
            "  {1}: {2} — nichts zu überweisen (festgehalten, erscheint nicht wieder)",
        "  … and {1} more":
            "  … und {1} weitere",
        " (required)":
            " (erforderlich)",
        "'leq certify' and 'leq approve' take --by ID: the ID of a person registered here who may\ngive that sign-off. The same ID cannot give both sign-offs of a statement. An ID is 2 to\n32 characters: letters a-z, digits, '.', '-', '_' (upper case is read as lower case).\nA registered person never changes and is never removed; registering is an entry of the\nstore's hash chain like every finalised statement and sign-off.":
            "'leq certify' und 'leq approve' nehmen --by KENNUNG: die Kennung einer hier eingetragenen\nPerson, die diese Unterschrift geben darf. Dieselbe Kennung kann nicht beide Unterschriften einer\nAbrechnung geben. Eine Kennung hat 2 bis 32 Zeichen: Buchstaben a-z, Ziffern, '.', '-', '_'\n(Großbuchstaben werden klein gelesen). Eine eingetragene Person ändert sich nie und wird nie\nentfernt; das Eintragen ist ein Eintrag der Hash-Kette wie jede festgeschriebene Abrechnung und\njede Unterschrift.",
        "'show NUMBER' without --format prints the record: month, total, who finalised it and\nwhen, the input files with their SHA-256, the sign-offs and the stored formats.\nWith --format the stored bytes are printed as finalised; the printable statement\n(html) of a certified or approved statement shows the sign-offs in its boxes (name,\nID, day), unless --stored asks for the bytes exactly as stored (their SHA-256 is the\none in the chain).":
            "'show NUMMER' ohne --format zeigt den Datensatz: Monat, Betrag, wer wann festgeschrieben hat,\ndie Eingabedateien mit ihren SHA-256-Prüfsummen, die Unterschriften und die gespeicherten Formate.\nMit --format werden die gespeicherten Bytes ausgegeben; die druckbare Abrechnung (html) einer\nfestgestellten oder angeordneten Abrechnung zeigt die Unterschriften in ihren Feldern (Name,\nKennung, Tag), außer --stored verlangt genau die gespeicherten Bytes (deren SHA-256 in der Kette steht).",
        "'{1}' cannot be an ID: 2 to 32 characters, letters a–z, digits, '.', '-' and '_', a letter or digit first (e.g. akassner)":
            "'{1}' taugt nicht als Kennung: 2 bis 32 Zeichen, Buchstaben a–z, Ziffern, '.', '-' und '_', zuerst ein Buchstabe oder eine Ziffer (z. B. akassner)",
        "'{1}' follows from the data and is not recorded; expected one of: {2}":
            "'{1}' ergibt sich aus den Daten und wird nicht erfasst; erwartet einer von: {2}",
        "'{1}' has more than two decimals; amounts are in euros and cents":
            "'{1}' hat mehr als zwei Nachkommastellen; Beträge sind in Euro und Cent",
        "'{1}' has too many decimals ({2}); at most 12, e.g. \"0.375\"":
            "'{1}' hat zu viele Nachkommastellen ({2}); höchstens 12, z. B. \"0.375\"",
        "'{1}' has too many digits; expected a number such as \"2.35\"":
            "'{1}' hat zu viele Ziffern; erwartet eine Zahl wie \"2.35\"",
        "'{1}' has {2} characters; an IBAN of {3} has {4}":
            "'{1}' hat {2} Zeichen; eine IBAN aus {3} hat {4}",
        "'{1}' is listed twice":
            "'{1}' ist doppelt aufgeführt",
        "'{1}' is more than LEQ takes as an amount (at most {2})":
            "'{1}' ist mehr, als LEQ als Betrag annimmt (höchstens {2})",
        "'{1}' is negative; expected an amount of zero or more":
            "'{1}' ist negativ; erwartet ein Betrag von null oder mehr",
        "'{1}' is not a BIC; expected 8 or 11 characters, e.g. \"COBADEFFXXX\"":
            "'{1}' ist keine BIC; erwartet 8 oder 11 Zeichen, z. B. \"COBADEFFXXX\"",
        "'{1}' is not a basis for reimbursement between youth offices; expected one of §§ 89–89h SGB VIII, e.g. \"§ 89a SGB VIII\"":
            "'{1}' ist keine Grundlage für eine Kostenerstattung zwischen Jugendämtern; erwartet einer der §§ 89–89h SGB VIII, z. B. \"§ 89a SGB VIII\"",
        "'{1}' is not a case file; expected \"{2}\"":
            "'{1}' ist keine Falldatei; erwartet \"{2}\"",
        "'{1}' is not a change; expected one of: {2}":
            "'{1}' ist keine Änderung; erwartet eine von: {2}",
        "'{1}' is not a cost part; expected one of: {2}":
            "'{1}' ist kein Kostenteil; erwartet einer von: {2}",
        "'{1}' is not a date that exists; expected YYYY-MM-DD, e.g. 2026-03-17":
            "'{1}' ist kein gültiges Datum; erwartet JJJJ-MM-TT, z. B. 2026-03-17",
        "'{1}' is not a date; expected 2026-03-01 or 01.03.2026":
            "'{1}' ist kein Datum; erwartet 2026-03-01 oder 01.03.2026",
        "'{1}' is not a date; expected 2026-03-31 or 31.03.2026":
            "'{1}' ist kein Datum; erwartet 2026-03-31 oder 31.03.2026",
        "'{1}' is not a decimal number; expected e.g. \"2.35\" (a dot, no exponent)":
            "'{1}' ist keine Dezimalzahl; erwartet z. B. \"2.35\" (mit Punkt, ohne Exponent)",
        "'{1}' is not a line kind; expected one of: {2}":
            "'{1}' ist keine Zeilenart; erwartet eine von: {2}",
        "'{1}' is not a month; expected YYYY-MM":
            "'{1}' ist kein Monat; erwartet JJJJ-MM",
        "'{1}' is not a personnel cost calculation; expected \"{2}\"":
            "'{1}' ist keine Personalkostenkalkulation; erwartet \"{2}\"",
        "'{1}' is not a plan file; expected \"leq-plan/1\"":
            "'{1}' ist keine Plandatei; erwartet \"leq-plan/1\"",
        "'{1}' is not a population file; expected \"leq-population/1\"":
            "'{1}' ist keine Einwohnerdatei; erwartet \"leq-population/1\"",
        "'{1}' is not a proration method; expected calendar, thirty or {\"divisor\": \"30.42\"}":
            "'{1}' ist keine Berechnungsart für Teilmonate; erwartet calendar, thirty oder {\"divisor\": \"30.42\"}",
        "'{1}' is not a rate kind; expected one of: {2}":
            "'{1}' ist keine Satzart; erwartet eine von: {2}",
        "'{1}' is not a registered ID; --by takes the ID of a registered person (registered: {2}); new people with 'leq people add'":
            "'{1}' ist keine eingetragene Kennung; --by nimmt die Kennung einer eingetragenen Person (eingetragen: {2}); neue Personen mit 'leq people add'",
        "'{1}' is not a registered ID; --by takes the ID of a registered person. Nobody is registered yet: leq people add ID --name \"…\" --may certify,approve":
            "'{1}' ist keine eingetragene Kennung; --by nimmt die Kennung einer eingetragenen Person. Noch niemand ist eingetragen: leq people add KENNUNG --name \"…\" --may certify,approve",
        "'{1}' is not a scenario file; expected \"{2}\"":
            "'{1}' ist keine Szenariodatei; erwartet \"{2}\"",
        "'{1}' is not a setting; expected one of: {2}":
            "'{1}' ist kein Setting; erwartet eines von: {2}",
        "'{1}' is not an IBAN; expected two letters, two check digits and the account, e.g. \"DE89 3704 0044 0532 0130 00\"":
            "'{1}' ist keine IBAN; erwartet zwei Buchstaben, zwei Prüfziffern und das Konto, z. B. \"DE89 3704 0044 0532 0130 00\"",
        "'{1}' is not an agreement file; expected \"{2}\"":
            "'{1}' ist keine Vereinbarungsdatei; erwartet \"{2}\"",
        "'{1}' is not an amount; expected e.g. 1390,97 or 1390.97":
            "'{1}' ist kein Betrag; erwartet z. B. 1390,97 oder 1390.97",
        "'{1}' is not an amount; expected e.g. \"1960.00\"":
            "'{1}' ist kein Betrag; erwartet z. B. \"1960.00\"",
        "'{1}' is not an e-mail address":
            "'{1}' ist keine E-Mail-Adresse",
        "'{1}' is not known; expected one of: {2}":
            "'{1}' ist nicht bekannt; erwartet eines von: {2}",
        "'{1}': the check digits do not match (mod 97); a digit is wrong or two are swapped":
            "'{1}': die Prüfziffern stimmen nicht (mod 97); eine Ziffer ist falsch oder zwei sind vertauscht",
        "--execution: '{1}' is not a date that exists; expected YYYY-MM-DD":
            "--execution: '{1}' ist kein gültiges Datum; erwartet JJJJ-MM-TT",
        "--execution: {1} is in the past (today is {2}); a bank executes a transfer today or later":
            "--execution: {1} liegt in der Vergangenheit (heute ist {2}); eine Bank führt eine Überweisung heute oder später aus",
        "--format: '{1}' is not a format; expected text or json":
            "--format: '{1}' ist kein Format; erwartet text oder json",
        "--format: '{1}' is not a format; expected text, csv, json or html":
            "--format: '{1}' ist kein Format; erwartet text, csv, json oder html",
        "--format: '{1}' is not a format; expected text, json or html":
            "--format: '{1}' ist kein Format; erwartet text, json oder html",
        "--format: '{1}' is not a format; expected text, json, csv, html, advice or xrechnung":
            "--format: '{1}' ist kein Format; erwartet text, json, csv, html, advice oder xrechnung",
        "--from/--to: '{1}'–'{2}' is not a period of months (YYYY-MM, from not after to)":
            "--from/--to: '{1}'–'{2}' ist kein Zeitraum von Monaten (JJJJ-MM, Beginn nicht nach dem Ende)",
        "--issued: '{1}' is not a date that exists; expected YYYY-MM-DD":
            "--issued: '{1}' ist kein gültiges Datum; erwartet JJJJ-MM-TT",
        "--issued: one date of issue for one month; a range takes each month's first day after it":
            "--issued: ein Rechnungsdatum gilt für einen Monat; ein Zeitraum nimmt für jeden Monat den ersten Tag danach",
        "--lang: '{1}' is not a language; expected de or en":
            "--lang: '{1}' ist keine Sprache; erwartet de oder en",
        "--may: certify, approve or both (certify,approve)":
            "--may: certify, approve oder beides (certify,approve)",
        "--month: '{1}' is not a month or a range of months; expected YYYY-MM, e.g. 2026-03, or 2026-01..2026-12":
            "--month: '{1}' ist kein Monat und kein Zeitraum von Monaten; erwartet JJJJ-MM, z. B. 2026-03, oder 2026-01..2026-12",
        "--month: '{1}' is not a month; expected YYYY-MM":
            "--month: '{1}' ist kein Monat; erwartet JJJJ-MM",
        "--name: a name of letters is needed, e.g. \"Anna Kassner\"":
            "--name: ein Name aus Buchstaben wird gebraucht, z. B. \"Anna Kassner\"",
        "--out: {1} is a folder; give a file name, e.g. {2}statement.json":
            "--out: {1} ist ein Ordner; bitte einen Dateinamen angeben, z. B. {2}abrechnung.json",
        "--quarter: '{1}' is not a quarter; expected YYYY-Qn, e.g. 2026-Q1":
            "--quarter: '{1}' ist kein Quartal; erwartet JJJJ-Qn, z. B. 2026-Q1",
        "--reimbursement needs --cases FILE: the case file names the offices that reimburse":
            "--reimbursement braucht --cases DATEI: die Falldatei nennt die erstattenden Jugendämter",
        "--seed: '{1}' is not a whole number":
            "--seed: '{1}' ist keine ganze Zahl",
        "--share: '{1}' is not a decimal number; expected e.g. 0.25":
            "--share: '{1}' ist keine Dezimalzahl; erwartet z. B. 0.25",
        "--share: {1} is outside 0–1; expected e.g. 0.25":
            "--share: {1} liegt außerhalb von 0–1; erwartet z. B. 0.25",
        "--year: '{1}' is not a year":
            "--year: '{1}' ist kein Jahr",
        "1 error in the input; nothing was written.\n":
            "1 Fehler in der Eingabe; nichts wurde geschrieben.\n",
        "A chain head noted outside the store (at least 16 hex digits): check that the chain still holds it.":
            "Ein außerhalb des Speichers notierter Kettenkopf (mindestens 16 Hexziffern): prüfen, dass die Kette ihn noch enthält.",
        "A claim is built from the finalised statements of the months of service in the period, as\nthe store holds them (checked against its chain), corrections of earlier months included:\neach line names its statement. A bearer's claim takes the bearer's part of every line, so\nits lines add up exactly to the statements' totals for that bearer (the report says so).\nA reimbursement claim takes the youth office's own part (the agreement's first bearer) of\nthe case's lines within the duty's period: what another bearer pays is claimed there, not\ntwice. See docs/payment-and-invoice.md.":
            "Ein Anspruch entsteht aus den festgeschriebenen Abrechnungen der Leistungsmonate im Zeitraum,\nwie der Speicher sie hält (gegen die Kette geprüft), Korrekturen früherer Monate eingeschlossen:\njede Zeile nennt ihre Abrechnung. Der Anspruch gegen einen Kostenträger nimmt dessen Anteil an\njeder Zeile; seine Zeilen ergeben genau die Summen der Abrechnungen für diesen Kostenträger (der\nBericht sagt es). Eine Kostenerstattung nimmt den eigenen Anteil des Jugendamts (erster\nKostenträger der Vereinbarung) an den Zeilen des Falls im Zeitraum der Erstattungspflicht: was\nein anderer Kostenträger trägt, wird dort geltend gemacht, nicht doppelt. Siehe\ndocs/payment-and-invoice.md.",
        "A quarter, e.g. 2026-Q1.":
            "Ein Quartal, z. B. 2026-Q1.",
        "A statement is paid only once it is certified and approved, by two different\nregistered people (SPEC § 15): the IDs are compared, not how a name is spelt.\nThe statement is checked against the store's chain before it is signed.":
            "Eine Abrechnung wird erst gezahlt, wenn sie festgestellt und angeordnet ist, von zwei\nverschiedenen eingetragenen Personen (SPEC § 15): verglichen werden die Kennungen, nicht die\nSchreibweise eines Namens. Vor der Unterschrift wird die Abrechnung gegen die Kette geprüft.",
        "Agreement files (leq-agreement/1).":
            "Vereinbarungsdateien (leq-agreement/1).",
        "Amount":
            "Betrag",
        "Bettengeld is agreed for this top-up, but agreement '{1}' has no absence rules to reduce it by":
            "für diese Zusatzbetreuung ist Bettengeld vereinbart, aber Vereinbarung '{1}' hat keine Abwesenheitsregeln, nach denen es gemindert würde",
        "Browse the store: list finalised statements, or show one as it was finalised.":
            "Im Speicher blättern: festgeschriebene Abrechnungen auflisten oder eine so zeigen, wie sie festgeschrieben wurde.",
        "Build a top-up's annual personnel cost from its parts and print the daily top-up.":
            "Die Jahrespersonalkosten einer Zusatzbetreuung aus ihren Teilen bilden und den kalendertäglichen Zuschlag ausgeben.",
        "Build with -c release for meaningful figures. The caseload is written as files into a\ntemporary folder; then, one after the other: reading (files to checked model), settling\n(on one core and on all), writing JSON, and leq settle itself from files to files, for one\nmonth (as JSON and as text) and for the range of months. Memory is the peak resident memory\nof each step above what was resident before it (Linux /proc).":
            "Für aussagekräftige Zahlen mit -c release bauen. Der Fallbestand wird als Dateien in einen\ntemporären Ordner geschrieben; dann nacheinander: Lesen (Dateien zum geprüften Modell), Abrechnen\n(auf einem Kern und auf allen), JSON schreiben und leq settle selbst von Dateien zu Dateien, für\neinen Monat (als JSON und als Text) und für den Monatsbereich. Speicher ist der höchste belegte\nArbeitsspeicher jedes Schritts über dem, was vorher belegt war (Linux /proc).",
        "Case file (leq-cases/1), checked against the agreements.":
            "Falldatei (leq-cases/1), gegen die Vereinbarungen geprüft.",
        "Case file (leq-cases/1).":
            "Falldatei (leq-cases/1).",
        "Cases without an end stop at their planned end (default: they run on through the horizon).":
            "Fälle ohne Ende enden zum geplanten Ende (Vorgabe: sie laufen über den ganzen Zeitraum weiter).",
        "Chain head no. {1}: {2}\n":
            "Kettenkopf Nr. {1}: {2}\n",
        "Chain":
            "Kette",
        "Chain: --head: '{1}' is too short; give at least 16 hex digits of the noted head":
            "Kette: --head: '{1}' ist zu kurz; mindestens 16 Hexziffern des notierten Kopfs angeben",
        "Chain: the noted head {1} is not in the chain — the store was cut back or rewritten":
            "Kette: der notierte Kopf {1} steht nicht in der Kette — der Speicher wurde gekürzt oder neu geschrieben",
        "Check agreement files and a case file; report every problem with file and place.":
            "Vereinbarungsdateien und eine Falldatei prüfen; jedes Problem mit Datei und Stelle melden.",
        "Check of {1} against {2}":
            "Abgleich {1} mit {2}",
        "Checks SQLite's integrity, the triggers that refuse changes, the hash chain (every entry\nlinked to the one before, every digest), that every statement, sign-off and person has\nits entry and every entry its record, and every part of every statement: head, input\ndigests, lines and the bytes of every stored rendering. Prints the chain head: note it\noutside the store (the approval prints it too) and give it later with --head.\nExit status 0 when everything verifies, 1 when something does not (each break is\nlisted), 2 when the file cannot be read as a store at all. See docs/store.md.":
            "Prüft die Integrität von SQLite, die Trigger, die Änderungen verweigern, die Hash-Kette (jeder\nEintrag mit dem vorigen verknüpft, jede Prüfsumme), dass jede Abrechnung, Unterschrift und Person\nihren Eintrag hat und jeder Eintrag seinen Datensatz, und jeden Teil jeder Abrechnung: Kopf,\nPrüfsummen der Eingaben, Zeilen und die Bytes jeder gespeicherten Darstellung. Gibt den\nKettenkopf aus: außerhalb des Speichers notieren (die Anordnung gibt ihn auch aus) und später\nmit --head angeben.\nExit-Status 0, wenn alles stimmt, 1, wenn etwas nicht stimmt (jeder Befund wird aufgeführt),\n2, wenn die Datei gar nicht als Speicher gelesen werden kann. Siehe docs/store.md.",
        "Claim this cost bearer's parts of every line, e.g. land.":
            "Die Anteile dieses Kostenträgers an jeder Zeile geltend machen, z. B. land.",
        "Controlling figures for a period: by category, service, setting and social space; per inhabitant; plan against actual.":
            "Controlling-Zahlen für einen Zeitraum: nach Kategorie, Leistung, Setting und Sozialraum; je Einwohner; Plan gegen Ist.",
        "Date of issue; default: the first day after the month.":
            "Rechnungsdatum; Vorgabe: der erste Tag nach dem Monat.",
        "Every month of the period is settled through the engine; a case counts in the period if it\nis active in it, with everything paid for it (family incentives excepted). Its category is\nthe one on the period's last day (or its own last). Amounts per inhabitant are the social\nspace's amount divided by its inhabitants (and by its under-18s), rounded to the cent.":
            "Jeder Monat des Zeitraums wird über die Abrechnung ermittelt; ein Fall zählt im Zeitraum, wenn er\ndarin läuft, mit allem, was für ihn gezahlt wird (außer Anreizen für Familien). Seine Kategorie\nist die am letzten Tag des Zeitraums (oder an seinem eigenen letzten). Beträge je Einwohner sind\nder Betrag des Sozialraums geteilt durch seine Einwohner (und durch seine unter 18-Jährigen),\nauf den Cent gerundet.",
        "Every payment file is an entry of the store's hash chain; 'leq verify' checks its bytes.":
            "Jede Zahlungsdatei ist ein Eintrag der Hash-Kette des Speichers; 'leq verify' prüft ihre Bytes.",
        "Execution":
            "Ausführung",
        "FILE is a personnel cost calculation (leq-personnel-cost/1, see docs/top-ups.md): monthly\ngross × 12, annual special payment, shift and Sunday allowances (counted only with\n\"inCareTimes\": true), employer contributions as percentages of the gross pay. Parts that\nare already in the regular rate (management, administration, material, overhead,\nvacationCover, sicknessCover) are refused, each by name (seed 003 no. 6).\nDaily top-up = annual cost × share ÷ 365, rounded to the cent (always 365).":
            "DATEI ist eine Personalkostenkalkulation (leq-personnel-cost/1, siehe docs/top-ups.md):\nMonatsbrutto × 12, Jahressonderzahlung, Schicht- und Sonntagszulagen (nur mit \"inCareTimes\":\ntrue gezählt), Arbeitgeberanteile als Prozent des Bruttos. Teile, die schon im Regelsatz sind\n(management, administration, material, overhead, vacationCover, sicknessCover), werden\nabgelehnt, jeder mit Namen (Seed 003 Nr. 6).\nKalendertäglicher Zuschlag = Jahreskosten × Anteil ÷ 365, auf den Cent gerundet (immer 365).",
        "Findings ({1}):":
            "Befunde ({1}):",
        "First month of the period (with --to).":
            "Erster Monat des Zeitraums (mit --to).",
        "Guard":
            "Schutz",
        "ID":
            "Kennung",
        "Indicators (SPEC § 18): mean goal attainment of the evaluations in the period; share of\nreports in time (of those whose grace period ended in it); share of cases ended as planned;\nmean family questionnaire score; cost per day of care against the mean of the same service\nand category (settled through the engine; lower is better). Each is normalised across the\nproviders to 0–100 (100 the best) and weighted as the agreements' \"rankingWeights\" say\n(all 1 when none are agreed). Strengths: 75 or more; weaknesses: 25 or less.":
            "Kennzahlen (SPEC § 18): mittlere Zielerreichung der Bewertungen im Zeitraum; Anteil rechtzeitiger\nBerichte (deren Frist im Zeitraum endete); Anteil planmäßig beendeter Fälle; mittlerer Wert des\nFamilienfragebogens; Kosten je Betreuungstag gegenüber dem Mittel derselben Leistung und\nKategorie (über die Abrechnung ermittelt; niedriger ist besser). Jede wird über die Träger auf\n0–100 normiert (100 am besten) und gewichtet, wie die \"rankingWeights\" der Vereinbarungen sagen\n(alle 1, wenn keine vereinbart sind). Stärken: 75 und mehr; Schwächen: 25 und weniger.",
        "Inhabitants per social space (leq-population/1).":
            "Einwohner je Sozialraum (leq-population/1).",
        "Instead: simulate the caseload with three scenarios over the months (SPEC § 17).":
            "Stattdessen: den Fallbestand mit drei Szenarien über die Monate simulieren (SPEC § 17).",
        "Instead: write the generated agreements and case file into this folder, to settle them with leq settle.":
            "Stattdessen: die erzeugten Vereinbarungen und die Falldatei in diesen Ordner schreiben, um sie mit leq settle abzurechnen.",
        "Kostenerstattung (§§ 89 ff. SGB VIII): one claim per case with a reimbursement in the case file, against that office.":
            "Kostenerstattung (§§ 89 ff. SGB VIII): ein Anspruch je Fall mit Erstattungspflicht in der Falldatei, gegenüber diesem Jugendamt.",
        "Last month of the period (with --from).":
            "Letzter Monat des Zeitraums (mit --from).",
        "Lines are matched by case, kind (its name as on the statement, e.g. Fallpauschale, or its\nkey, e.g. flatRate) and period; the statement's own CSV is a valid list. The report\nlists matched lines, lines whose amount differs (both amounts and the statement's text,\nwhich shows how its amount follows from the agreement), lines missing from the provider's\nfile and extra lines in it. Statement lines of 0,00 € need not be listed.\nExit status 0 when everything matches, 1 when something differs, 2 on bad input.":
            "Zeilen werden nach Fall, Art (ihr Name wie auf der Abrechnung, z. B. Fallpauschale, oder ihr\nSchlüssel, z. B. flatRate) und Zeitraum zugeordnet; die CSV der Abrechnung selbst ist eine\ngültige Liste. Der Bericht nennt übereinstimmende Zeilen, Zeilen mit anderem Betrag (beide\nBeträge und der Text der Abrechnung, der zeigt, wie ihr Betrag aus der Vereinbarung folgt),\nZeilen, die in der Liste des Trägers fehlen, und zusätzliche Zeilen darin. Zeilen mit 0,00 €\nmüssen nicht aufgeführt sein.\nExit-Status 0, wenn alles übereinstimmt, 1 bei Abweichungen, 2 bei fehlerhafter Eingabe.",
        "List the payment files the store recorded, or give one back byte for byte.":
            "Die festgehaltenen Zahlungsdateien auflisten oder eine Byte für Byte zurückgeben.",
        "Month":
            "Monat",
        "Months to settle, from 2026-01 (default 12).":
            "Abzurechnende Monate ab 2026-01 (Vorgabe 12).",
        "Name":
            "Name",
        "No finalised statements in {1}.\n":
            "Keine festgeschriebenen Abrechnungen in {1}.\n",
        "No payment files in {1}.\n":
            "Keine Zahlungsdateien in {1}.\n",
        "No transfer for {1}; recorded as {2}.":
            "Keine Überweisung für {1}; festgehalten als {2}.",
        "Nobody is registered in {1}; 'leq people add' registers people.\n":
            "Niemand ist eingetragen in {1}; 'leq people add' trägt ein.\n",
        "Note it in the file or the finance system; 'leq verify --head {1}' checks later that the store still holds it.\n":
            "Für die Akte oder das Finanzverfahren notieren; 'leq verify --head {1}' prüft später, dass der Speicher ihn noch enthält.\n",
        "Nothing to finalise: no provider has cases or corrections in {1}.\n":
            "Nichts zu finalisieren: im {1} hat kein Träger Fälle oder Korrekturen.\n",
        "Nothing to pay for {1}: no certified and ordered statement that is in no payment file yet.":
            "Nichts zu zahlen für {1}: keine festgestellte und angeordnete Abrechnung, die noch in keiner Zahlungsdatei steht.",
        "Number of generated cases (default 100000).":
            "Zahl der erzeugten Fälle (Vorgabe 100000).",
        "Number":
            "Nummer",
        "Only this provider's statement (finalised even when it has no line).":
            "Nur die Abrechnung dieses Trägers (auch ohne Zeilen festgeschrieben).",
        "Only this provider's statement.":
            "Nur die Abrechnung dieses Trägers.",
        "Options:":
            "Optionen:",
        "Payment file {1} (SEPA pain.001.001.09) in {2}: transfers {3}, together {4}, execution on {5}":
            "Zahlungsdatei {1} (SEPA pain.001.001.09) in {2}: {3} Überweisungen, zusammen {4}, Ausführung am {5}",
        "Payment file":
            "Zahlungsdatei",
        "Pays every statement of the month that is certified and approved (four eyes) and in no\npayment file yet: one transaction per statement, its total to the provider's account\nfrom the agreement file, the statement number as end-to-end id and in the remittance\ninformation; the youth office's account (youthOffice.bank) is the debtor. The store\nrecords which statements went into which file, in its hash chain: a statement is never\npaid twice, however often pay runs. A statement whose total is zero or negative is\nlisted and recorded, never transferred: a negative balance is the provider's debt,\nrecovered by the office's cash office (Kasse) outside LEQ. 'leq payments' lists the\nfiles and gives each back byte for byte.":
            "Zahlt jede Abrechnung des Monats, die festgestellt und angeordnet ist (vier Augen) und noch in\nkeiner Zahlungsdatei steht: eine Überweisung je Abrechnung, ihr Gesamtbetrag auf das Konto des\nTrägers aus der Vereinbarungsdatei, die Abrechnungsnummer als End-to-End-ID und im\nVerwendungszweck; das Konto des Jugendamts (youthOffice.bank) ist der Auftraggeber. Der\nSpeicher hält in seiner Hash-Kette fest, welche Abrechnungen in welcher Datei stehen: eine\nAbrechnung wird nie zweimal gezahlt, wie oft pay auch läuft. Eine Abrechnung mit Gesamtbetrag\nnull oder darunter wird aufgeführt und festgehalten, nie überwiesen: ein negativer Saldo ist\neine Schuld des Trägers, die die Kasse außerhalb von LEQ zurückfordert. 'leq payments' listet\ndie Dateien und gibt jede Byte für Byte zurück.",
        "Planned amounts per social space or in all (leq-plan/1).":
            "Planansätze je Sozialraum oder insgesamt (leq-plan/1).",
        "Position share (Stellenanteil), e.g. 0.25; default: the file's positionShare.":
            "Stellenanteil, z. B. 0.25; Vorgabe: positionShare der Datei.",
        "Provider check: match a provider's own lines (CSV) against a finalised statement.":
            "Abgleich durch den Träger: die eigenen Zeilen eines Trägers (CSV) mit einer festgeschriebenen Abrechnung vergleichen.",
        "Provider ranking: indicators, weighted score, strengths and weaknesses of each provider.":
            "Trägerranking: Kennzahlen, gewichtete Punktzahl, Stärken und Schwächen jedes Trägers.",
        "Provider":
            "Träger",
        "Read no store: the month as if nothing were finalised (no corrections).":
            "Keinen Speicher lesen: der Monat, als wäre nichts festgeschrieben (keine Korrekturen).",
        "Record that a finalised statement is \"sachlich und rechnerisch richtig\" (first of four eyes).":
            "Festhalten, dass eine festgeschriebene Abrechnung sachlich und rechnerisch richtig ist (erstes der vier Augen).",
        "Record the order to pay a certified statement (Anordnung); must be another person.":
            "Die Anordnung einer festgestellten Abrechnung festhalten; muss eine andere Person sein.",
        "Register who may certify and approve statements (four eyes by identity), or list them.":
            "Eintragen, wer Abrechnungen feststellen und anordnen darf (vier Augen nach Kennung), oder sie auflisten.",
        "Reimbursement claims from finalised statements: a cost bearer's share (e.g. the Land), or § 89 claims per case and office.":
            "Erstattungsansprüche aus festgeschriebenen Abrechnungen: der Anteil eines Kostenträgers (z. B. des Landes) oder Ansprüche nach § 89 je Fall und Jugendamt.",
        "Result: 1 difference.":
            "Ergebnis: 1 Abweichung.",
        "Result: all lines agree.":
            "Ergebnis: alle Zeilen stimmen überein.",
        "Result: everything checked, nothing changed.":
            "Ergebnis: alles geprüft, nichts verändert.",
        "Result: the store is no longer as LEQ wrote it; restore the last backup that verifies.":
            "Ergebnis: der Speicher ist nicht mehr so, wie LEQ ihn geschrieben hat; die letzte geprüfte Sicherung zurückspielen.",
        "Result: {1} differences.":
            "Ergebnis: {1} Abweichungen.",
        "SQLite":
            "SQLite",
        "Scenario file (leq-scenario/1): horizon, seed, scenarios.":
            "Szenariodatei (leq-scenario/1): Zeitraum, Startwert, Szenarien.",
        "Seed for the random choices; default: the file's (printed with the result).":
            "Startwert für die Zufallsauswahl; Vorgabe: der der Datei (wird mit dem Ergebnis ausgegeben).",
        "Seed of the generator (default 1); the same seed, the same caseload.":
            "Startwert des Generators (Vorgabe 1); derselbe Startwert, derselbe Fallbestand.",
        "Settle a baseline and scenarios month by month; show the differences, with charts in HTML.":
            "Eine Basis und Szenarien Monat für Monat abrechnen; die Unterschiede zeigen, in HTML mit Diagrammen.",
        "Settle a generated caseload from files to files; print case-months per second and memory per case, step by step.":
            "Einen erzeugten Fallbestand von Dateien zu Dateien abrechnen; Fallmonate je Sekunde und Speicher je Fall ausgeben, Schritt für Schritt.",
        "Settle a month and store its statements for good (with input digests, who and when).":
            "Einen Monat abrechnen und die Abrechnungen endgültig speichern (mit Prüfsummen der Eingaben, wer und wann).",
        "Settle one month: print the statement of every provider (or one).":
            "Einen Monat abrechnen: die Abrechnung jedes Trägers (oder eines) ausgeben.",
        "Settles exactly as 'leq settle' does (corrections of earlier finalised months included)\nand stores each statement in every format and language (json, text, csv, advice, html; de, en), its\nlines, and the SHA-256 of every input file, in one transaction: all or nothing. Each\nstatement becomes an entry of the store's hash chain ('leq verify' checks it).\nA provider with no line in the month (no case active, no correction due) gets no\nstatement unless named with --provider; finalize says which it skipped.\nA finalised statement never changes. Finalising again with input that gives the same\nstatement does nothing and says so; input that gives another statement is refused —\nits differences become correction lines in the next open month.":
            "Rechnet genau wie 'leq settle' ab (Korrekturen früher festgeschriebener Monate eingeschlossen)\nund speichert jede Abrechnung in jedem Format und jeder Sprache (json, text, csv, advice, html;\nde, en), ihre Zeilen und die SHA-256-Prüfsumme jeder Eingabedatei in einer Transaktion: ganz\noder gar nicht. Jede Abrechnung wird ein Eintrag der Hash-Kette des Speichers ('leq verify'\nprüft sie).\nEin Träger ohne Zeile im Monat (kein laufender Fall, keine fällige Korrektur) erhält keine\nAbrechnung, außer er wird mit --provider genannt; finalize sagt, welche übersprungen wurden.\nEine festgeschriebene Abrechnung ändert sich nie. Erneutes Festschreiben mit Eingaben, die\ndieselbe Abrechnung ergeben, tut nichts und sagt es; Eingaben, die eine andere Abrechnung\nergeben, werden abgelehnt — ihre Unterschiede werden Korrekturzeilen im nächsten offenen Monat.",
        "Show this help.":
            "Diese Hilfe anzeigen.",
        "Show this overview, or 'leq help COMMAND' for one command.":
            "Diese Übersicht zeigen, oder 'leq help BEFEHL' für einen Befehl.",
        "Statement store for corrections of finalised months; default: leq.db if it exists.":
            "Abrechnungsspeicher für Korrekturen festgeschriebener Monate; Vorgabe: leq.db, wenn vorhanden.",
        "Statement {1}":
            "Abrechnung {1}",
        "Statements":
            "Abrechnungen",
        "The ID of a registered person who may approve ('leq people list').":
            "Die Kennung einer eingetragenen Person, die anordnen darf ('leq people list').",
        "The ID of a registered person who may certify ('leq people list').":
            "Die Kennung einer eingetragenen Person, die feststellen darf ('leq people list').",
        "The auditor's check: walk the whole store and report everything that is not as LEQ wrote it.":
            "Die Prüfung für die Revision: den ganzen Speicher durchgehen und alles melden, was nicht so ist, wie LEQ es geschrieben hat.",
        "The baseline is today's agreements and cases; each scenario applies its changes (rates by\npercent or amount per service and category from a date, a shift of category mix, new\ncases per month, incentive parameters, top-up costs) and is settled through the same\nengine. The same seed gives the same result. Progress goes to standard error.\nThe baseline assumes no new cases and, unless --end-at-planned, that today's cases\nwithout an end run on through the horizon; the report says which, and how many cases\nhave a planned end in it. For a scenario with several changes the report shows what\neach change adds alone, and flags a change that adds nothing.":
            "Die Basis sind die heutigen Vereinbarungen und Fälle; jedes Szenario wendet seine Änderungen an\n(Sätze nach Prozent oder Betrag je Leistung und Kategorie ab einem Datum, eine Verschiebung der\nKategorien, neue Fälle je Monat, Anreizparameter, Kosten der Zusatzbetreuung) und wird mit\nderselben Abrechnung gerechnet. Derselbe Startwert ergibt dasselbe Ergebnis. Der Fortschritt geht\nauf die Standardfehlerausgabe.\nDie Basis nimmt keine neuen Fälle an und, außer mit --end-at-planned, dass die heutigen Fälle\nohne Ende über den ganzen Zeitraum weiterlaufen; der Bericht sagt, welche Annahme gilt und wie\nviele Fälle darin ein geplantes Ende haben. Für ein Szenario mit mehreren Änderungen zeigt der\nBericht, was jede Änderung allein ausmacht, und kennzeichnet eine Änderung ohne Wirkung.",
        "The calendar year.":
            "Das Kalenderjahr.",
        "The finalised statement, e.g. KRR-2026-03.":
            "Die festgeschriebene Abrechnung, z. B. KRR-2026-03.",
        "The month of service whose statements are paid.":
            "Der Leistungsmonat, dessen Abrechnungen gezahlt werden.",
        "The month to finalise, or a range of months (2026-01..2026-12), finalised one after the other.":
            "Der zu finalisierende Monat oder ein Zeitraum von Monaten (2026-01..2026-12), einer nach dem anderen finalisiert.",
        "The month to settle, or a range of months (2026-01..2026-12): one file per month into the folder --out names.":
            "Der abzurechnende Monat oder ein Zeitraum von Monaten (2026-01..2026-12): je Monat eine Datei in den Ordner, den --out nennt.",
        "The payment file to write (atomically), for the bank or the finance system.":
            "Die zu schreibende Zahlungsdatei (ganz oder gar nicht), für die Bank oder das Finanzverfahren.",
        "The provider's lines: CSV with the header Fall;Art;Von;Bis;Betrag.":
            "Die Zeilen des Trägers: CSV mit der Kopfzeile Fall;Art;Von;Bis;Betrag.",
        "The requested execution date (not in the past); default: today.":
            "Der gewünschte Ausführungstag (nicht in der Vergangenheit); Vorgabe: heute.",
        "The statement store (SQLite); default: leq.db in this folder, created only where no file is.":
            "Der Abrechnungsspeicher (SQLite); Vorgabe: leq.db in diesem Ordner, nur dort angelegt, wo noch keine Datei ist.",
        "The statement store; default: leq.db in this folder ('add' creates it only where no file is).":
            "Der Abrechnungsspeicher; Vorgabe: leq.db in diesem Ordner ('add' legt ihn nur an, wo noch keine Datei ist).",
        "The statement store; default: leq.db in this folder.":
            "Der Abrechnungsspeicher; Vorgabe: leq.db in diesem Ordner.",
        "Usage: leq {1} {2}":
            "Aufruf: leq {1} {2}",
        "Verification of the statement store {1}":
            "Prüfung des Abrechnungsspeichers {1}",
        "Who finalises (recorded with the time).":
            "Wer festschreibt (wird mit der Zeit gespeichert).",
        "Who makes the payment file (recorded with the time).":
            "Wer die Zahlungsdatei erstellt (wird mit der Zeit gespeichert).",
        "With --reimbursement: the case file naming the offices that reimburse.":
            "Mit --reimbursement: die Falldatei, die die erstattenden Jugendämter nennt.",
        "With a store, every finalised earlier month of a provider is settled again from the\ncurrent input; each case and kind that differs becomes a correction line naming the\nstatement it corrects (SPEC § 15).\nThe statement number is PREFIX-YYYY-MM (the provider's statementPrefix): one statement per\nprovider and month. The same input gives the same bytes; --issued is part of the input.":
            "Mit einem Speicher wird jeder früher festgeschriebene Monat eines Trägers aus den aktuellen\nEingaben erneut abgerechnet; jeder Fall und jede Art, die abweichen, werden eine Korrekturzeile,\ndie die korrigierte Abrechnung nennt (SPEC § 15).\nDie Abrechnungsnummer ist PRÄFIX-JJJJ-MM (das statementPrefix des Trägers): eine Abrechnung je\nTräger und Monat. Dieselben Eingaben ergeben dieselben Bytes; --issued gehört zu den Eingaben.",
        "Write the SEPA credit transfer file (pain.001.001.09) for the approved statements of a month not yet paid.":
            "Die SEPA-Überweisungsdatei (pain.001.001.09) für die angeordneten, noch nicht gezahlten Abrechnungen eines Monats schreiben.",
        "Write to this file (atomically) instead of standard output.":
            "In diese Datei schreiben (ganz oder gar nicht) statt auf die Standardausgabe.",
        "a boolean":
            "ein Wahrheitswert",
        "a case that has ended needs an endReason; expected one of: {1}":
            "ein beendeter Fall braucht einen Beendigungsgrund (endReason); erwartet einer von: {1}",
        "a category cannot start while clearing is still running (no clearing.to)":
            "eine Kategorie kann nicht beginnen, solange das Clearing noch läuft (kein clearing.to)",
        "a change needs a \"kind\": one of {1}":
            "eine Änderung braucht eine Art (\"kind\"): eine von {1}",
        "a contact (name, phone, e-mail) is required on an XRechnung (BR-DE-2)":
            "eine XRechnung verlangt einen Ansprechpartner (Name, Telefon, E-Mail) (BR-DE-2)",
        "a daily top-up derives from annualCost and positionShare; hourlyRate is for \"mode\": \"hourly\"":
            "ein kalendertäglicher Zuschlag ergibt sich aus annualCost und positionShare; hourlyRate gilt für \"mode\": \"hourly\"",
        "a divisor is the days of an average month, between 28 and 31; found {1}":
            "ein Divisor ist die Tageszahl eines Durchschnittsmonats, zwischen 28 und 31; gefunden {1}",
        "a drawdown budget is drawn by rate lines, but service '{1}' is paid by budget only; use \"mode\": \"installments\"":
            "ein Budget auf Abruf wird durch Satzzeilen verbraucht, aber Leistung '{1}' wird nur über das Budget vergütet; bitte \"mode\": \"installments\" verwenden",
        "a number":
            "eine Zahl",
        "a part needs a \"kind\": one of {1}":
            "ein Teil braucht eine Art (\"kind\"): eine von {1}",
        "a percentage above −100 and at most 1000; found {1}":
            "ein Prozentsatz über −100 und höchstens 1000; gefunden {1}",
        "a percentage between 0 and 100; found {1}":
            "ein Prozentsatz zwischen 0 und 100; gefunden {1}",
        "a quoted cell is not closed":
            "eine Zelle in Anführungszeichen ist nicht geschlossen",
        "a rating from 0 to 100 with at most two decimals; found {1}":
            "eine Bewertung von 0 bis 100 mit höchstens zwei Nachkommastellen; gefunden {1}",
        "a second default rule (without a reason)":
            "eine zweite Standardregel (ohne Grund)",
        "a second entry from {1} (the first is at {2})":
            "ein zweiter Eintrag ab {1} (der erste steht bei {2})",
        "a second plan for '{1}'":
            "ein zweiter Plan für '{1}'",
        "a second plan for all social spaces":
            "ein zweiter Plan für alle Sozialräume",
        "a second rate for service '{1}' from {2} (the first is at {3})":
            "ein zweiter Satz für Leistung '{1}' ab {2} (der erste steht bei {3})",
        "a second rate for service '{1}', category '{2}' from {3} (the first is at {4})":
            "ein zweiter Satz für Leistung '{1}', Kategorie '{2}' ab {3} (der erste steht bei {4})",
        "a second rule for reason '{1}'":
            "eine zweite Regel für den Grund '{1}'",
        "a share above 0 and at most 1000, with at most four decimals; found {1}":
            "ein Anteil über 0 und höchstens 1000, mit höchstens vier Nachkommastellen; gefunden {1}",
        "a share from 0 to 1; found {1}":
            "ein Anteil von 0 bis 1; gefunden {1}",
        "a share is between 0 and 1; found {1}":
            "ein Anteil liegt zwischen 0 und 1; gefunden {1}",
        "a string":
            "eine Zeichenkette",
        "a top-up is approved for at most two years (seed 003 no. 9): from {1} the last day is {2}, not {3}; approve again for the time after":
            "eine Zusatzbetreuung wird für höchstens zwei Jahre bewilligt (Seed 003 Nr. 9): ab {1} ist der letzte Tag der {2}, nicht der {3}; für die Zeit danach neu bewilligen",
        "a weight above 0 and at most 100, with at most three decimals; found {1}":
            "ein Gewicht über 0 und höchstens 100, mit höchstens drei Nachkommastellen; gefunden {1}",
        "a weight cannot be negative; found {1}":
            "ein Gewicht kann nicht negativ sein; gefunden {1}",
        "a weight for a goal area that is not rated":
            "ein Gewicht für einen Zielbereich ohne Bewertung",
        "absences overlap: {1} is not after the previous absence's end ({2}); list them in order":
            "Abwesenheiten überschneiden sich: {1} liegt nicht nach dem Ende der vorigen Abwesenheit ({2}); bitte der Reihe nach aufführen",
        "add: certify (sachlich und rechnerisch richtig), approve (Anordnung), or certify,approve.":
            "add: certify (sachlich und rechnerisch richtig), approve (Anordnung) oder certify,approve.",
        "add: register although a person of the same name (however spelt) is registered: it is another person.":
            "add: eintragen, obwohl eine Person gleichen Namens (wie auch immer geschrieben) eingetragen ist: es ist eine andere Person.",
        "add: the person's name as it appears on sign-offs, e.g. \"Anna Kassner\".":
            "add: der Name der Person, wie er bei Unterschriften erscheint, z. B. \"Anna Kassner\".",
        "agreement '{1}' has no absence rule for '{2}' and no default rule; its reasons are: {3}":
            "Vereinbarung '{1}' hat keine Abwesenheitsregel für '{2}' und keine Standardregel; ihre Gründe sind: {3}",
        "agreement '{1}' has no absence rules, so absences cannot be paid":
            "Vereinbarung '{1}' hat keine Abwesenheitsregeln, also können Abwesenheiten nicht vergütet werden",
        "agreement '{1}' has no clearing fee in force on {2}":
            "Vereinbarung '{1}' hat am {2} keine Clearingpauschale in Kraft",
        "agreement '{1}' has no clearing terms":
            "Vereinbarung '{1}' hat keine Clearing-Regelung",
        "agreement '{1}' overlaps agreement '{2}' for provider '{3}'; one agreement per provider and period":
            "Vereinbarung '{1}' überschneidet sich mit Vereinbarung '{2}' für den Träger '{3}'; je Träger und Zeitraum gilt eine Vereinbarung",
        "amounts are written as strings, e.g. \"{1}\", never as JSON numbers":
            "Beträge werden als Zeichenketten geschrieben, z. B. \"{1}\", nie als JSON-Zahlen",
        "an XRechnung needs it: {1}":
            "eine XRechnung braucht es: {1}",
        "an agreement ends on the last day of a month; found {1}":
            "eine Vereinbarung endet am letzten Tag eines Monats; gefunden {1}",
        "an agreement needs at least one category":
            "eine Vereinbarung braucht mindestens eine Kategorie",
        "an agreement needs at least one cost bearer":
            "eine Vereinbarung braucht mindestens einen Kostenträger",
        "an agreement needs at least one service":
            "eine Vereinbarung braucht mindestens eine Leistung",
        "an agreement starts on the first day of a month; found {1}":
            "eine Vereinbarung beginnt am ersten Tag eines Monats; gefunden {1}",
        "an array":
            "eine Liste",
        "an endReason needs an end date":
            "ein Beendigungsgrund braucht ein Enddatum",
        "an hourly top-up is paid at hourlyRate; {1} is for \"mode\": \"daily\"":
            "eine Zusatzbetreuung nach Stunden wird mit hourlyRate vergütet; {1} gilt für \"mode\": \"daily\"",
        "an increase of {1} % is more than LEQ takes (at most 100 %: the rate doubled)":
            "eine Erhöhung um {1} % ist mehr, als LEQ annimmt (höchstens 100 %: der Satz verdoppelt)",
        "an increase of {1} % would leave no rate at all":
            "eine Erhöhung um {1} % ließe keinen Satz übrig",
        "an installments budget pays the case itself, but service '{1}' is paid {2}: that would pay twice; use \"mode\": \"drawdown\" or a service with \"pay\": \"budget\"":
            "ein Budget in Raten bezahlt den Fall selbst, aber Leistung '{1}' wird {2} vergütet: das wäre doppelt gezahlt; bitte \"mode\": \"drawdown\" oder eine Leistung mit \"pay\": \"budget\" verwenden",
        "an object":
            "ein Objekt",
        "an overrun applies to drawdown budgets only":
            "eine Überschreitung gibt es nur bei Budgets auf Abruf",
        "another debtor account than in {1}; one payment file pays from one account: give --provider":
            "ein anderes Auftraggeberkonto als in {1}; eine Zahlungsdatei zahlt von einem Konto: bitte --provider angeben",
        "approvals overlap: {1}–{2} and {3}–{4}":
            "Bewilligungen überschneiden sich: {1}–{2} und {3}–{4}",
        "approve":
            "anordnen",
        "bad hex digit in \\u escape":
            "ungültige Hexziffer in einer \\u-Maskierung",
        "bearer '{1}' is listed twice":
            "Kostenträger '{1}' ist doppelt aufgeführt",
        "bench: {1} cases × {2} months = {3} case-months, {4} providers, {5} lines, total {6}\ninput: {7} MB case file ({8} bytes per case), {9} MB of statements as JSON\n":
            "bench: {1} Fälle × {2} Monate = {3} Fallmonate, {4} Träger, {5} Zeilen, Summe {6}\nEingabe: {7} MB Falldatei ({8} Bytes je Fall), {9} MB Abrechnungen als JSON\n",
        "budget periods overlap":
            "Budgetzeiträume überschneiden sich",
        "cannot be read (permissions?)":
            "kann nicht gelesen werden (Berechtigungen?)",
        "cannot read {1}":
            "{1} kann nicht gelesen werden",
        "cannot write {1}: the folder {2} cannot be made ({3})":
            "{1} kann nicht geschrieben werden: der Ordner {2} lässt sich nicht anlegen ({3})",
        "cannot write {1}: {2} is a file, not a folder":
            "{1} kann nicht geschrieben werden: {2} ist eine Datei, kein Ordner",
        "cannot write {1}: {2}":
            "{1} kann nicht geschrieben werden: {2}",
        "case '{1}' is active in {2} but provider '{3}' has no agreement in force then":
            "Fall '{1}' läuft im {2}, aber für den Träger '{3}' gilt dann keine Vereinbarung",
        "case id '{1}' is used twice (first at {2})":
            "die Fallkennung '{1}' ist doppelt vergeben (zuerst bei {2})",
        "case-months/s":
            "Fallmonate/s",
        "category '{1}' has incentive terms twice":
            "Kategorie '{1}' hat die Anreizregeln doppelt",
        "category '{1}' is listed twice":
            "Kategorie '{1}' ist doppelt aufgeführt",
        "category periods overlap: {1} is not after the previous period's start ({2}); list them in order, one per start date":
            "Kategoriezeiträume überschneiden sich: {1} liegt nicht nach dem Beginn des vorigen Zeitraums ({2}); bitte der Reihe nach aufführen, einer je Beginn",
        "certified":
            "festgestellt",
        "certify":
            "feststellen",
        "certify, approve":
            "feststellen, anordnen",
        "clearing ends ({1}) after the case ({2})":
            "das Clearing endet ({1}) nach dem Fall ({2})",
        "clearing ends ({1}) before it starts ({2})":
            "das Clearing endet ({1}) vor seinem Beginn ({2})",
        "clearing starts ({1}) before the case ({2})":
            "das Clearing beginnt ({1}) vor dem Fall ({2})",
        "contains a control character (U+{1}); expected one line of printable text":
            "enthält ein Steuerzeichen (U+{1}); erwartet eine Zeile druckbarer Text",
        "control character in a string; write it escaped":
            "Steuerzeichen in einer Zeichenkette; bitte maskiert schreiben",
        "cut short":
            "abgeschnitten",
        "daily rate":
            "Tagessatz",
        "de (default) or en.":
            "de (Vorgabe) oder en.",
        "does not match the chain — changed after it was recorded":
            "stimmt nicht mit der Kette überein — nach dem Eintragen verändert",
        "end to end : reading alone: {1} (one month), {2} ({3} months)\nmemory of leq settle over the range: {4} bytes per case ({5}; the case file: {6} bytes per case)\nresident after reading (the checked cases): {7} bytes per case ({8})\ncores: {9}\n":
            "Ende zu Ende : Lesen allein: {1} (ein Monat), {2} ({3} Monate)\nSpeicher von leq settle über den Bereich: {4} Bytes je Fall ({5}; die Falldatei: {6} Bytes je Fall)\nbelegt nach dem Lesen (die geprüften Fälle): {7} Bytes je Fall ({8})\nKerne: {9}\n",
        "ends ({1}) before it starts ({2})":
            "endet ({1}) vor dem Beginn ({2})",
        "entry no. {1} does not have the digest of its content — changed in the chain":
            "Eintrag Nr. {1} hat nicht die Prüfsumme seines Inhalts — in der Kette geändert",
        "entry no. {1} does not point to the entry before it — an entry before it was deleted, inserted or changed":
            "Eintrag Nr. {1} verweist nicht auf seinen Vorgänger — ein Eintrag davor wurde gelöscht, eingefügt oder geändert",
        "entry no. {1} has the unknown kind '{2}' — written outside LEQ":
            "Eintrag Nr. {1} hat die unbekannte Art '{2}' — außerhalb von LEQ geschrieben",
        "entry no. {1} is missing — deleted":
            "Eintrag Nr. {1} fehlt — gelöscht",
        "entry no. {1} is there twice — inserted":
            "Eintrag Nr. {1} steht doppelt — eingefügt",
        "error: {1}\n":
            "Fehler: {1}\n",
        "expected ',' or ']' in an array":
            "erwartet ',' oder ']' in einer Liste",
        "expected ',' or '}' in an object":
            "erwartet ',' oder '}' in einem Objekt",
        "expected ':' after the key":
            "erwartet ':' nach dem Schlüssel",
        "expected \"calendar\", \"thirty\" or {\"divisor\": \"30.42\"}, found {1}":
            "erwartet \"calendar\", \"thirty\" oder {\"divisor\": \"30.42\"}, gefunden {1}",
        "expected a category name such as \"A\"":
            "erwartet ein Kategoriename wie \"A\"",
        "expected a decimal number such as \"2.35\", found {1}":
            "erwartet eine Dezimalzahl wie \"2.35\", gefunden {1}",
        "expected a key in double quotes":
            "erwartet ein Schlüssel in doppelten Anführungszeichen",
        "expected a string, found {1}":
            "erwartet eine Zeichenkette, gefunden {1}",
        "expected a whole number, found {1}":
            "erwartet eine ganze Zahl, gefunden {1}",
        "expected an amount as a string such as \"1960.00\", found {1}":
            "erwartet einen Betrag als Zeichenkette wie \"1960.00\", gefunden {1}",
        "expected an array, found {1}":
            "erwartet eine Liste, gefunden {1}",
        "expected an object, found {1}":
            "erwartet ein Objekt, gefunden {1}",
        "expected true or false, found {1}":
            "erwartet true oder false, gefunden {1}",
        "failing on purpose after {1} statements (test)":
            "Abbruch mit Absicht nach {1} Abrechnungen (Test)",
        "file not found":
            "Datei nicht gefunden",
        "finalised {1}: {2} (lines: {3}) in {4}\n":
            "finalisiert {1}: {2} ({3} Zeilen) in {4}\n",
        "finalised":
            "finalisiert",
        "flat rate":
            "Fallpauschale",
        "generating {1} cases …\n":
            "erzeuge {1} Fälle …\n",
        "give at least one scenario":
            "bitte mindestens ein Szenario angeben",
        "give at least one service and category":
            "bitte mindestens eine Leistung und Kategorie angeben",
        "give either --bearer ID or --reimbursement (with --cases FILE)":
            "bitte entweder --bearer ID oder --reimbursement (mit --cases DATEI) angeben",
        "give either --year or --from and --to":
            "bitte entweder --year oder --from und --to angeben",
        "give one period: --quarter, --year, or --from and --to":
            "bitte einen Zeitraum angeben: --quarter, --year oder --from und --to",
        "give the allowance either \"monthly\" or \"annual\"":
            "die Zulage bitte entweder \"monthly\" oder \"annual\" angeben",
        "give the change as \"percent\" or as \"amount\" (one of them)":
            "die Änderung bitte als \"percent\" oder als \"amount\" angeben (eines davon)",
        "give the period: --year YYYY, or --from YYYY-MM --to YYYY-MM":
            "bitte den Zeitraum angeben: --year JJJJ oder --from JJJJ-MM --to JJJJ-MM",
        "hourly rate":
            "Stundensatz",
        "hours are counted in quarter hours (.25, .5, .75); found {1}":
            "Stunden werden in Viertelstunden gezählt (.25, .5, .75); gefunden {1}",
        "hours are delivered in hourly mode only; this approval is daily":
            "Stunden gibt es nur bei Spitzabrechnung (hourly); diese Bewilligung ist kalendertäglich",
        "hours cannot be negative; found {1}":
            "Stunden können nicht negativ sein; gefunden {1}",
        "hours delivered in {1} lie outside any approval":
            "die im {1} geleisteten Stunden liegen außerhalb jeder Bewilligung",
        "hours for {1} are listed twice; give one total per month":
            "Stunden für {1} sind doppelt aufgeführt; bitte eine Summe je Monat",
        "illnesses overlap: {1} is not after the previous illness's end ({2}); list them in order":
            "Erkrankungen überschneiden sich: {1} liegt nicht nach dem Ende der vorigen Erkrankung ({2}); bitte der Reihe nach aufführen",
        "integrity check: {1}":
            "Integritätsprüfung: {1}",
        "invalid \\u escape":
            "ungültige \\u-Maskierung",
        "invalid surrogate pair":
            "ungültiges Surrogatpaar",
        "is a folder, not a file":
            "ist ein Ordner, keine Datei",
        "is in the chain (entry no. {1}) but no longer in the store — deleted":
            "steht in der Kette (Eintrag Nr. {1}), aber nicht mehr im Speicher — gelöscht",
        "is in the store but not in the chain — inserted outside LEQ":
            "steht im Speicher, aber nicht in der Kette — außerhalb von LEQ eingefügt",
        "is marked as paid in the payment file {1}, which is not in the chain — inserted outside LEQ":
            "steht als gezahlt in der Zahlungsdatei {1}, die nicht in der Kette steht — außerhalb von LEQ eingefügt",
        "is not in the chain — inserted outside LEQ":
            "steht nicht in der Kette — außerhalb von LEQ eingefügt",
        "lengthened":
            "verlängert",
        "leq --version shows the version; --lang en (or LEQ_LANG=en) gives English, German is the default.\nExit status: 0 success, 2 bad input or usage, 1 any other failure.":
            "leq --version zeigt die Version; --lang en (oder LEQ_LANG=en) gibt Englisch, Deutsch ist die Vorgabe.\nExit-Status: 0 Erfolg, 2 fehlerhafte Eingabe oder Aufruf, 1 jeder andere Fehler.",
        "leq bench: --cases, --months and --seed take whole numbers (cases > 0, months 1–600)\n":
            "leq bench: --cases, --months und --seed nehmen ganze Zahlen (Fälle > 0, Monate 1–600)\n",
        "leq bench: leq settle failed: {1}\n":
            "leq bench: leq settle ist gescheitert: {1}\n",
        "leq bench: {1}\n":
            "leq bench: {1}\n",
        "leq check: no finalised statement {1} in {2}; 'leq statements list' shows them\n":
            "leq check: keine festgeschriebene Abrechnung {1} in {2}; 'leq statements list' zeigt sie\n",
        "leq check: {1}\n":
            "leq check: {1}\n",
        "leq claim: --bearer: no finalised statement of {1}–{2} has a bearer '{3}'; bearers: {4}\n":
            "leq claim: --bearer: keine festgeschriebene Abrechnung für {1}–{2} hat einen Kostenträger '{3}'; Kostenträger: {4}\n",
        "leq claim: --bearer: there are no finalised statements of {1}–{2}\n":
            "leq claim: --bearer: es gibt keine festgeschriebenen Abrechnungen für {1}–{2}\n",
        "leq claim: no case in {1} has a reimbursement; nothing to claim\n":
            "leq claim: kein Fall in {1} hat eine Erstattungspflicht; nichts geltend zu machen\n",
        "leq claim: {1} has no readable canonical form in {2}\n":
            "leq claim: {1} hat keine lesbare kanonische Form in {2}\n",
        "leq claim: {1}\n":
            "leq claim: {1}\n",
        "leq finalize: --by needs a name\n":
            "leq finalize: --by braucht einen Namen\n",
        "leq finalize: no digest of {1}\n":
            "leq finalize: keine Prüfsumme von {1}\n",
        "leq finalize: {1}\nNothing was stored.\n":
            "leq finalize: {1}\nNichts wurde gespeichert.\n",
        "leq pay: the payment file {1} is recorded, but {2} could not be written ({3}); 'leq payments show {4} --out FILE' writes it\n":
            "leq pay: die Zahlungsdatei {1} ist festgehalten, aber {2} konnte nicht geschrieben werden ({3}); 'leq payments show {4} --out DATEI' schreibt sie\n",
        "leq pay: {1}\n":
            "leq pay: {1}\n",
        "leq pay: {1}\nNothing was recorded.\n":
            "leq pay: {1}\nNichts wurde festgehalten.\n",
        "leq payments show: give the payment file's id, e.g. leq payments show LEQ-2026-03-0001\n":
            "leq payments show: bitte die Kennung der Zahlungsdatei angeben, z. B. leq payments show LEQ-2026-03-0001\n",
        "leq payments show: no payment file {1} in {2}; 'leq payments list' shows them\n":
            "leq payments show: keine Zahlungsdatei {1} in {2}; 'leq payments list' zeigt sie\n",
        "leq payments show: {1} transferred nothing (only statements of zero or less); there is no file\n":
            "leq payments show: {1} hat nichts überwiesen (nur Abrechnungen von null oder weniger); es gibt keine Datei\n",
        "leq payments: say 'list' or 'show ID'\nRun 'leq payments --help' for its options.\n":
            "leq payments: bitte 'list' oder 'show ID' angeben\n'leq payments --help' zeigt die Optionen.\n",
        "leq payments: {1}\n":
            "leq payments: {1}\n",
        "leq people add: --may: '{1}' is not a sign-off; expected certify, approve or certify,approve\n":
            "leq people add: --may: '{1}' ist keine Unterschrift; erwartet certify, approve oder certify,approve\n",
        "leq people add: --name and --may are needed, e.g. --name \"Anna Kassner\" --may certify,approve\n":
            "leq people add: --name und --may werden gebraucht, z. B. --name \"Anna Kassner\" --may certify,approve\n",
        "leq people add: give the ID, e.g. leq people add akassner --name \"Anna Kassner\" --may certify\n":
            "leq people add: bitte die Kennung angeben, z. B. leq people add akassner --name \"Anna Kassner\" --may certify\n",
        "leq people add: {1}\n":
            "leq people add: {1}\n",
        "leq people list: takes no further argument\n":
            "leq people list: nimmt kein weiteres Argument\n",
        "leq people: say 'add ID --name … --may …' or 'list'\nRun 'leq people --help' for its options.\n":
            "leq people: bitte 'add ID --name … --may …' oder 'list' angeben\n'leq people --help' zeigt die Optionen.\n",
        "leq people: {1}\n":
            "leq people: {1}\n",
        "leq rank: the agreements in force agree on different ranking weights (incentives.rankingWeights); rank with agreements that share them\n":
            "leq rank: die geltenden Vereinbarungen haben verschiedene Gewichte für das Ranking (incentives.rankingWeights); bitte Vereinbarungen mit gleichen Gewichten vergleichen\n",
        "leq rank: {1}\n":
            "leq rank: {1}\n",
        "leq report: {1}\n":
            "leq report: {1}\n",
        "leq settle --month {1}, files to files":
            "leq settle --month {1}, Dateien zu Dateien",
        "leq settle, one month, files to file":
            "leq settle, ein Monat, Dateien zu Datei",
        "the same as text (the default format)":
            "dasselbe als Text (das Vorgabeformat)",
        "leq settle: --format xrechnung writes one invoice per statement; this month has {1} statements: give --provider ID (one of {2})\n":
            "leq settle: --format xrechnung schreibt eine Rechnung je Abrechnung; dieser Monat hat {1} Abrechnungen: bitte --provider ID angeben (eine von {2})\n",
        "leq settle: {1}\n":
            "leq settle: {1}\n",
        "leq simulate: {1}\n":
            "leq simulate: {1}\n",
        "leq statements show: give the statement number, e.g. leq statements show KRR-2026-03\n":
            "leq statements show: bitte die Abrechnungsnummer angeben, z. B. leq statements show KRR-2026-03\n",
        "leq statements show: no finalised statement {1} in {2}; 'leq statements list' shows them\n":
            "leq statements show: keine festgeschriebene Abrechnung {1} in {2}; 'leq statements list' zeigt sie\n",
        "leq statements show: {1} is not stored as {2}/{3}; stored: {4}\n":
            "leq statements show: {1} ist nicht als {2}/{3} gespeichert; gespeichert: {4}\n",
        "leq statements: say 'list' or 'show NUMBER'\nRun 'leq statements --help' for its options.\n":
            "leq statements: bitte 'list' oder 'show NUMMER' angeben\n'leq statements --help' zeigt die Optionen.\n",
        "leq statements: {1}\n":
            "leq statements: {1}\n",
        "leq topup-cost: give the calculation file, e.g. leq topup-cost samples/topups/personnel-cost.json\nRun 'leq topup-cost --help' for its options.\n":
            "leq topup-cost: bitte die Kalkulationsdatei angeben, z. B. leq topup-cost samples/topups/personnel-cost.json\n'leq topup-cost --help' zeigt die Optionen.\n",
        "leq topup-cost: {1}\n":
            "leq topup-cost: {1}\n",
        "leq verify: {1}\n":
            "leq verify: {1}\n",
        "leq {1}: --month: give one month here, e.g. 2026-03\n":
            "leq {1}: --month: hier bitte einen Monat angeben, z. B. 2026-03\n",
        "leq {1}: --provider: no agreement for provider '{2}'; known: {3}\n":
            "leq {1}: --provider: keine Vereinbarung für den Träger '{2}'; bekannt: {3}\n",
        "leq {1}: --store and --no-store exclude each other\n":
            "leq {1}: --store und --no-store schließen einander aus\n",
        "leq {1}: give the statement number, e.g. leq {2} KRR-2026-03 --by ID\n":
            "leq {1}: bitte die Abrechnungsnummer angeben, z. B. leq {2} KRR-2026-03 --by KENNUNG\n",
        "leq {1}: no agreement is in force in {2} for provider '{3}'; nothing to settle.\n":
            "leq {1}: im {2} gilt für den Träger '{3}' keine Vereinbarung; nichts abzurechnen.\n",
        "leq {1}: no agreement is in force in {2}; nothing to settle.\n":
            "leq {1}: im {2} gilt keine Vereinbarung; nichts abzurechnen.\n",
        "leq {1}: {2}\n":
            "leq {1}: {2}\n",
        "leq {1}: {2}\nRun 'leq {3} --help' for its options.\n":
            "leq {1}: {2}\n'leq {3} --help' zeigt die Optionen.\n",
        "leq {1}\nFormats: leq-agreement/1, leq-cases/1, leq-statements/1, leq-claims/1; XRechnung 3.0; SEPA pain.001.001.09\nStatement store: schema {2}\n":
            "leq {1}\nFormate: leq-agreement/1, leq-cases/1, leq-statements/1, leq-claims/1; XRechnung 3.0; SEPA pain.001.001.09\nAbrechnungsspeicher: Schema {2}\n",
        "leq — settlement of youth-welfare provider agreements (LEQ-Vereinbarungen, §§ 78a ff. SGB VIII)\n\nUsage: leq COMMAND [OPTIONS] [--lang de|en]\n\nCommands:":
            "leq — Abrechnung der LEQ-Vereinbarungen mit freien Trägern der Jugendhilfe (§§ 78a ff. SGB VIII)\n\nAufruf: leq BEFEHL [OPTIONEN] [--lang de|en]\n\nBefehle:",
        "leq: --lang: '{1}' is not a language; expected de or en\n":
            "leq: --lang: '{1}' ist keine Sprache; erwartet de oder en\n",
        "leq: no command '{1}'\n\n":
            "leq: kein Befehl '{1}'\n\n",
        "list: only this provider's statements.":
            "list: nur die Abrechnungen dieses Trägers.",
        "lone surrogate in \\u escape":
            "einzelnes Surrogat in einer \\u-Maskierung",
        "made":
            "erstellt",
        "malformed number":
            "fehlerhafte Zahl",
        "malformed number: leading zero":
            "fehlerhafte Zahl: führende Null",
        "malformed number: no digits after the decimal point":
            "fehlerhafte Zahl: keine Ziffern nach dem Dezimalpunkt",
        "malformed number: no digits in the exponent":
            "fehlerhafte Zahl: keine Ziffern im Exponenten",
        "may":
            "darf",
        "memory":
            "Speicher",
        "missing option '--{1} {2}'":
            "es fehlt die Option '--{1} {2}'",
        "missing required field '{1}'":
            "es fehlt das Pflichtfeld '{1}'",
        "must be at least feeDays ({1})":
            "muss mindestens feeDays ({1}) sein",
        "must not be empty":
            "darf nicht leer sein",
        "nesting too deep":
            "zu tief verschachtelt",
        "no (the certification is missing)":
            "nein (es fehlt die Feststellung)",
        "no (the order to pay is missing)":
            "nein (es fehlt die Anordnung)",
        "no agreement for provider '{1}' in force in {2} (statement {3})":
            "keine Vereinbarung für den Träger '{1}' im {2} in Kraft (Abrechnung {3})",
        "no agreement for provider '{1}'":
            "keine Vereinbarung für den Träger '{1}'",
        "no agreement for provider '{1}'; agreements are for: {2}":
            "keine Vereinbarung für den Träger '{1}'; Vereinbarungen gibt es für: {2}",
        "no column '{1}' (or '{2}'); expected the header Fall;Art;Von;Bis;Betrag":
            "keine Spalte '{1}' (oder '{2}'); erwartet die Kopfzeile Fall;Art;Von;Bis;Betrag",
        "no finalised statement {1}":
            "keine finalisierte Abrechnung {1}",
        "no finalised statement {1}; 'leq statements list' shows them":
            "keine finalisierte Abrechnung {1}; 'leq statements list' zeigt sie",
        "no {1} for service '{2}', category '{3}' in force on {4} in agreement '{5}'":
            "keine {1} für Leistung '{2}', Kategorie '{3}' am {4} in Vereinbarung '{5}' in Kraft",
        "no {1} rate for category '{2}' in force on {3}":
            "kein Satz ({1}) für Kategorie '{2}' am {3} in Kraft",
        "no {1} rate in force on {2}":
            "kein Satz ({1}) am {2} in Kraft",
        "not an SQLite database: {1}":
            "keine SQLite-Datenbank: {1}",
        "not transferred":
            "nicht überwiesen",
        "not valid JSON: {1}":
            "kein gültiges JSON: {1}",
        "null":
            "null",
        "ok: agreement {1} for {2}: services {3}, categories {4}, cost bearers {5}\n":
            "ok: Vereinbarung {1} für {2}: Leistungen {3}, Kategorien {4}, Kostenträger {5}\n",
        "ok: cases {1} in {2}\n":
            "ok: {1} Fälle in {2}\n",
        "option '--{1}' is given twice":
            "die Option '--{1}' ist doppelt angegeben",
        "option '--{1}' needs a value ({2})":
            "die Option '--{1}' braucht einen Wert ({2})",
        "option '--{1}' takes no value":
            "die Option '--{1}' hat keinen Wert",
        "ordered":
            "angeordnet",
        "payment file {1}":
            "Zahlungsdatei {1}",
        "person {1}":
            "Person {1}",
        "rate at least one goal area: {1}":
            "bitte mindestens einen Zielbereich bewerten: {1}",
        "read: files to checked model (once per run)":
            "lesen: Dateien zum geprüften Modell (einmal je Lauf)",
        "registered":
            "eingetragen",
        "registered: {1} ({2}), may {3}; in {4}\n":
            "eingetragen: {1} ({2}), darf {3}; in {4}\n",
        "seconds":
            "Sekunden",
        "service '{1}' is listed twice":
            "Leistung '{1}' ist doppelt aufgeführt",
        "service '{1}' is paid by budget, but the case has none":
            "Leistung '{1}' wird über ein Budget vergütet, aber der Fall hat keins",
        "service '{1}' is paid {2} but has no {3} entry":
            "Leistung '{1}' wird {2} vergütet, hat aber keinen Eintrag in {3}",
        "service '{1}' is paid {2}, not by a monthly flat rate":
            "Leistung '{1}' wird {2} vergütet, nicht mit einer Monatspauschale",
        "service '{1}' is paid {2}, not by specialist hours":
            "Leistung '{1}' wird {2} vergütet, nicht nach Fachleistungsstunden",
        "service '{1}' is paid {2}, not {3}; set \"pay\": \"{4}\" on the service":
            "Leistung '{1}' wird {2} vergütet, nicht {3}; bitte \"pay\": \"{4}\" bei der Leistung setzen",
        "settle, all cores":
            "abrechnen, alle Kerne",
        "settle, one core":
            "abrechnen, ein Kern",
        "settling {1} ({2}/{3})":
            "rechne {1} ab ({2}/{3})",
        "short \\u escape":
            "zu kurze \\u-Maskierung",
        "show --format html: the stored bytes exactly, without the sign-offs given since.":
            "show --format html: genau die gespeicherten Bytes, ohne die seither gegebenen Unterschriften.",
        "show: de (default) or en.":
            "show: de (Vorgabe) oder en.",
        "show: print the stored statement in this format (json, text, csv, html, advice = payment advice CSV), byte for byte.":
            "show: die gespeicherte Abrechnung in diesem Format ausgeben (json, text, csv, html, advice = Zahlungsavis, xrechnung), Byte für Byte.",
        "simulate: {1} cases × {2} months, baseline and {3} scenarios: {4} s ({5} case-months/s)\npeak memory: {6}\n":
            "simulate: {1} Fälle × {2} Monate, Basis und {3} Szenarien: {4} s ({5} Fallmonate/s)\nSpitzenspeicher: {6}\n",
        "simulating: cases {1}, months {2}, baseline and scenarios {3}, seed {4}\n":
            "simuliere: {1} Fälle, {2} Monate, Basis und {3} Szenarien, Startwert {4}\n",
        "skipped {1}: no cases and no corrections in {2}; nothing finalised (with --provider {3} it is)\n":
            "übersprungen {1}: keine Fälle und keine Korrekturen im {2}; nichts finalisiert (mit --provider {3} doch)\n",
        "step":
            "Schritt",
        "steps are listed by ascending case month; {1} follows {2}":
            "die Stufen stehen nach aufsteigendem Fallmonat; {1} folgt auf {2}",
        "string is not valid UTF-8":
            "die Zeichenkette ist kein gültiges UTF-8",
        "tariff changes must be in order, each after the one before ({1})":
            "Tarifänderungen müssen der Reihe nach stehen, jede nach der vorigen ({1})",
        "text (default) or json.":
            "text (Vorgabe) oder json.",
        "text (default), csv, json (leq-claims/1) or html (printable, A4).":
            "text (Vorgabe), csv, json (leq-claims/1) oder html (druckbar, A4).",
        "text (default), csv, json, or html (with charts).":
            "text (Vorgabe), csv, json oder html (mit Diagrammen).",
        "text (default), json (the canonical form), csv, html (printable, A4), advice (payment advice CSV for bookkeeping), or xrechnung (the e-invoice, UBL XRechnung 3.0; one statement: with --provider).":
            "text (Vorgabe), json (die kanonische Form), csv, html (druckbar, A4), advice (Zahlungsavis als CSV für die Buchhaltung) oder xrechnung (die E-Rechnung, UBL XRechnung 3.0; eine Abrechnung: mit --provider).",
        "text (default), json, or html (a report with charts).":
            "text (Vorgabe), json oder html (ein Bericht mit Diagrammen).",
        "the ID {1} is taken ({2}, registered {3}); registered people never change":
            "die Kennung {1} ist schon vergeben ({2}, eingetragen {3}); eingetragene Personen ändern sich nie",
        "the absence before it has no end, so this one overlaps it":
            "die vorige Abwesenheit hat kein Ende, also überschneidet diese sie",
        "the absence ends ({1}) before it starts ({2})":
            "die Abwesenheit endet ({1}) vor ihrem Beginn ({2})",
        "the absence {1}–{2} lies outside the case ({3}–{4})":
            "die Abwesenheit {1}–{2} liegt außerhalb des Falls ({3}–{4})",
        "the annual special payment is given twice (first at {1})":
            "die Jahressonderzahlung ist doppelt angegeben (zuerst bei {1})",
        "the approval ends ({1}) before it starts ({2})":
            "die Bewilligung endet ({1}) vor ihrem Beginn ({2})",
        "the approval starts ({1}) outside the case ({2}–{3})":
            "die Bewilligung beginnt ({1}) außerhalb des Falls ({2}–{3})",
        "the budget period ends ({1}) before it starts ({2})":
            "der Budgetzeitraum endet ({1}) vor seinem Beginn ({2})",
        "the budget period {1}–{2} lies outside the case ({3}–{4})":
            "der Budgetzeitraum {1}–{2} liegt außerhalb des Falls ({3}–{4})",
        "the calculation needs a part of kind monthlyGross":
            "die Kalkulation braucht einen Teil der Art monthlyGross",
        "the case ends ({1}) before it starts ({2})":
            "der Fall endet ({1}) vor seinem Beginn ({2})",
        "the case has a clearing phase but the agreement no clearing terms":
            "der Fall hat ein Clearing, die Vereinbarung aber keine Clearing-Regelung",
        "the case is missing":
            "der Fall fehlt",
        "the category period starts ({1}) after the case has ended ({2})":
            "der Kategoriezeitraum beginnt ({1}) nach dem Ende des Falls ({2})",
        "the category period starts ({1}) before the case ({2})":
            "der Kategoriezeitraum beginnt ({1}) vor dem Fall ({2})",
        "the category period starts ({1}) during clearing, which ends {2}; a category applies from the day after clearing":
            "der Kategoriezeitraum beginnt ({1}) während des Clearings, das am {2} endet; eine Kategorie gilt ab dem Tag nach dem Clearing",
        "the duty ends ({1}) before it starts ({2})":
            "die Erstattungspflicht endet ({1}) vor ihrem Beginn ({2})",
        "the end ({1}) lies outside the approval ({2}–{3})":
            "das Ende ({1}) liegt außerhalb der Bewilligung ({2}–{3})",
        "the evaluation ({1}) lies outside the case ({2}–{3})":
            "die Bewertung ({1}) liegt außerhalb des Falls ({2}–{3})",
        "the extra staff starts ({1}) after the approval ends ({2})":
            "die Zusatzkraft beginnt ({1}) nach dem Ende der Bewilligung ({2})",
        "the file is empty; expected a header Fall;Art;Von;Bis;Betrag":
            "die Datei ist leer; erwartet eine Kopfzeile Fall;Art;Von;Bis;Betrag",
        "the generated agreement {1} does not read: {2}":
            "die erzeugte Vereinbarung {1} lässt sich nicht lesen: {2}",
        "the head (provider, month, total, who finalised it and when)":
            "Kopf (Träger, Monat, Gesamtbetrag, wer und wann finalisiert)",
        "the illness before it has no end, so this one overlaps it":
            "die vorige Erkrankung hat kein Ende, also überschneidet diese sie",
        "the illness ends ({1}) before it starts ({2})":
            "die Erkrankung endet ({1}) vor ihrem Beginn ({2})",
        "the increases up to here raise the largest rate ({1}) above what LEQ takes as an amount (at most {2})":
            "die Erhöhungen bis hier heben den höchsten Satz ({1}) über das, was LEQ als Betrag annimmt (höchstens {2})",
        "the input files and their digests":
            "Eingabedateien und ihre Prüfsummen",
        "the kind is missing, e.g. flatRate":
            "die Art fehlt, z. B. Fallpauschale",
        "the last line must be \"PLZ Ort\", e.g. \"06108 Halle (Saale)\"":
            "die letzte Zeile muss \"PLZ Ort\" sein, z. B. \"06108 Halle (Saale)\"",
        "the last line must be \"PLZ Ort\", e.g. \"06110 Halle (Saale)\"":
            "die letzte Zeile muss \"PLZ Ort\" sein, z. B. \"06110 Halle (Saale)\"",
        "the lines":
            "Zeilen",
        "the malus threshold ({1}) lies above the bonus threshold ({2})":
            "die Malusschwelle ({1}) liegt über der Bonusschwelle ({2})",
        "the monthly gross is given twice (first at {1})":
            "das Monatsbrutto ist doppelt angegeben (zuerst bei {1})",
        "the plan ends ({1}) before it starts ({2})":
            "der Plan endet ({1}) vor seinem Beginn ({2})",
        "the plan is for {1}–{2}, the report for {3}–{4}; give the same period":
            "der Plan gilt für {1}–{2}, der Bericht für {3}–{4}; bitte denselben Zeitraum angeben",
        "the planned end ({1}) lies before the start ({2})":
            "das geplante Ende ({1}) liegt vor dem Beginn ({2})",
        "the position share {1} is outside 0–1; expected e.g. \"0.25\" for a quarter position":
            "der Stellenanteil {1} liegt außerhalb von 0–1; erwartet z. B. \"0.25\" für eine Viertelstelle",
        "the provider's account (IBAN, account holder) is needed to be paid":
            "für die Zahlung wird das Konto des Trägers (IBAN, Kontoinhaber) gebraucht",
        "the provider's account is needed to pay {1}":
            "für die Zahlung von {1} wird das Konto des Trägers gebraucht",
        "the questionnaire score {1} is outside 0–100":
            "der Wert des Fragebogens {1} liegt außerhalb von 0–100",
        "the rendering {1}":
            "Darstellung {1}",
        "the shares add up to {1}/{2}; they must add up to 1 exactly":
            "die Anteile ergeben {1}/{2}; sie müssen genau 1 ergeben",
        "the statement store is busy (another leq is writing): {1}":
            "der Abrechnungsspeicher ist belegt (ein anderes leq schreibt gerade): {1}",
        "the statement store {1} cannot be made: {2}":
            "der Abrechnungsspeicher {1} kann nicht angelegt werden: {2}",
        "the statement store {1} is no longer as LEQ wrote it:\n{2}\nNothing was read from it or computed. 'leq verify --store {3}' shows every finding; restore the last backup that verifies.":
            "der Abrechnungsspeicher {1} ist nicht mehr so, wie LEQ ihn geschrieben hat:\n{2}\nNichts wurde daraus gelesen oder berechnet. 'leq verify --store {3}' zeigt alle Befunde; die letzte geprüfte Sicherung zurückspielen.",
        "the statement {1} has no lines: there is nothing to invoice":
            "die Abrechnung {1} hat keine Zeilen: es gibt nichts in Rechnung zu stellen",
        "the store file is damaged: {1}":
            "die Speicherdatei ist beschädigt: {1}",
        "the substitute starts ({1}) before the illness ({2})":
            "die Vertretung beginnt ({1}) vor der Erkrankung ({2})",
        "the tariff change ({1}) lies after the approval ends ({2})":
            "die Tarifänderung ({1}) liegt nach dem Ende der Bewilligung ({2})",
        "the trigger {1} is missing — removed outside LEQ; UPDATE and DELETE would no longer be refused":
            "der Trigger {1} fehlt — außerhalb von LEQ entfernt; UPDATE und DELETE würden nicht mehr abgewiesen",
        "the youth office's Leitweg-ID is the buyer reference (BR-DE-15)":
            "die Leitweg-ID des Jugendamts ist die Käuferreferenz (BR-DE-15)",
        "the youth office's account (the debtor of the transfer) is needed to pay":
            "für die Zahlung wird das Konto des Jugendamts (Auftraggeber der Überweisung) gebraucht",
        "there is no statement store at {1} (the file is missing); finalise a month first (leq finalize) or give --store":
            "unter {1} ist kein Abrechnungsspeicher (die Datei fehlt); erst einen Monat finalisieren (leq finalize) oder --store angeben",
        "this key appears more than once in its object":
            "dieser Schlüssel kommt in seinem Objekt mehr als einmal vor",
        "too many hours to count in quarter hours; found {1}":
            "zu viele Stunden, um sie in Viertelstunden zu zählen; gefunden {1}",
        "top-up approvals overlap: {1}–{2} and {3}–{4}":
            "Bewilligungen der Zusatzbetreuung überschneiden sich: {1}–{2} und {3}–{4}",
        "two evaluations on {1}":
            "zwei Bewertungen am {1}",
        "two scenarios are named '{1}'":
            "zwei Szenarien heißen '{1}'",
        "unchanged {1}: already finalised with the same statement; nothing to do\n":
            "unverändert {1}: schon mit derselben Abrechnung finalisiert; nichts zu tun\n",
        "unexpected argument '{1}'":
            "unerwartetes Argument '{1}'",
        "unexpected character; expected a value":
            "unerwartetes Zeichen; erwartet ein Wert",
        "unexpected end of the document inside an array":
            "unerwartetes Ende des Dokuments in einer Liste",
        "unexpected end of the document inside an object":
            "unerwartetes Ende des Dokuments in einem Objekt",
        "unexpected end of the document; expected a value":
            "unerwartetes Ende des Dokuments; erwartet ein Wert",
        "unexpected text after the end of the document":
            "unerwarteter Text nach dem Ende des Dokuments",
        "unexpected word; expected a value":
            "unerwartetes Wort; erwartet ein Wert",
        "unknown category '{1}'":
            "unbekannte Kategorie '{1}'",
        "unknown category '{1}'; expected one of: {2}":
            "unbekannte Kategorie '{1}'; erwartet eine von: {2}",
        "unknown category '{1}'; the agreement's categories are: {2}":
            "unbekannte Kategorie '{1}'; die Kategorien der Vereinbarung sind: {2}",
        "unknown escape":
            "unbekannte Maskierung",
        "unknown field '{1}'; expected one of: {2}":
            "unbekanntes Feld '{1}'; erwartet eines von: {2}",
        "unknown option '--{1}'; this command takes: {2}":
            "unbekannte Option '--{1}'; dieser Befehl kennt: {2}",
        "unknown service '{1}' in agreement '{2}'; its services are: {3}":
            "unbekannte Leistung '{1}' in Vereinbarung '{2}'; ihre Leistungen sind: {3}",
        "unknown service '{1}'":
            "unbekannte Leistung '{1}'",
        "unknown service '{1}'; the agreement's services are: {2}":
            "unbekannte Leistung '{1}'; die Leistungen der Vereinbarung sind: {2}",
        "unknown service '{1}'; the agreements have: {2}":
            "unbekannte Leistung '{1}'; die Vereinbarungen haben: {2}",
        "unterminated escape":
            "nicht abgeschlossene Maskierung",
        "unterminated string":
            "nicht abgeschlossene Zeichenkette",
        "without cases and corrections in {1}, not shown: {2} (--provider ID shows the empty statement)\n":
            "ohne Fälle und Korrekturen im {1}, nicht gezeigt: {2} (mit --provider ID wird die leere Abrechnung gezeigt)\n",
        "write JSON":
            "JSON schreiben",
        "writing {1} ({2}/{3})":
            "schreibe {1} ({2}/{3})",
        "wrote claims: {1}, to {2}\n":
            "Ansprüche geschrieben: {1}, nach {2}\n",
        "wrote months: {1}, to {2} (one file per month)\n":
            "{1} Monate geschrieben nach {2} (eine Datei je Monat)\n",
        "wrote statements for {1}: {2}, to {3} (warnings: {4})\n":
            "Abrechnungen für {1} geschrieben: {2}, nach {3} (Hinweise: {4})\n",
        "wrote statements for {1}: {2}, to {3}\n":
            "Abrechnungen für {1} geschrieben: {2}, nach {3}\n",
        "wrote {1} cases and {2} agreements to {3} ({4} MB of cases)\nsettle them: leq settle --agreement {5}/bench-*.json --cases {6} --month {7}..{8} --format json --out {9}/statements --no-store\n":
            "{1} Fälle und {2} Vereinbarungen nach {3} geschrieben ({4} MB Fälle)\nabrechnen mit: leq settle --agreement {5}/bench-*.json --cases {6} --month {7}..{8} --format json --out {9}/statements --no-store\n",
        "wrote {1}\n":
            "geschrieben: {1}\n",
        "yes":
            "ja",
        "{1} (before registration), {2}":
            "{1} (vor der Registrierung), {2}",
        "{1} (line {2})":
            "{1} (Zeile {2})",
        "{1} (or --quarter YYYY-Qn)":
            "{1} (oder --quarter JJJJ-Qn)",
        "{1} ({2}) is already in the regular rate (seed 003 no. 6) and cannot be part of a top-up's personnel cost; remove this part":
            "{1} ({2}) ist schon im Regelsatz enthalten (Seed 003 Nr. 6) und kann nicht Teil der Personalkosten einer Zusatzbetreuung sein; diesen Teil entfernen",
        "{1} ({2}) may not certify (factually and arithmetically correct); registered: {3}":
            "{1} ({2}) darf nicht feststellen (sachlich und rechnerisch richtig); eingetragen ist: {3}",
        "{1} ({2}) may not order payment; registered: {3}":
            "{1} ({2}) darf nicht anordnen; eingetragen ist: {3}",
        "{1} cannot be opened: {2}":
            "{1} kann nicht geöffnet werden: {2}",
        "{1} do not match the chain — changed after finalising":
            "{1} stimmen nicht mit der Kette überein — nach dem Finalisieren verändert",
        "{1} does not match the chain — changed after finalising":
            "{1} stimmt nicht mit der Kette überein — nach dem Finalisieren verändert",
        "{1} errors in the input; nothing was written.\n":
            "{1} Fehler in der Eingabe; nichts wurde geschrieben.\n",
        "{1} hours in one month; a month has at most 744":
            "{1} Stunden in einem Monat; ein Monat hat höchstens 744",
        "{1} is already in the payment file {2}; a statement is never paid twice":
            "{1} steht schon in der Zahlungsdatei {2}; eine Abrechnung wird nie zweimal gezahlt",
        "{1} is already registered as {2} ({3}): a person has one ID, or they could give both sign-offs. If it really is another person of the same name, register with --namesake":
            "{1} ist schon als {2} ({3}) eingetragen: eine Person hat eine Kennung, sonst gäbe sie beide Unterschriften. Ist es wirklich eine andere Person gleichen Namens, mit --namesake eintragen",
        "{1} is an empty SQLite database, not a LEQ statement store; LEQ makes a store only where no file is":
            "{1} ist eine leere SQLite-Datenbank, kein LEQ-Abrechnungsspeicher; LEQ legt einen Speicher nur an, wo noch keine Datei ist",
        "{1} is another application's SQLite database, not a LEQ statement store; give another --store":
            "{1} ist eine SQLite-Datenbank einer anderen Anwendung, kein LEQ-Abrechnungsspeicher; geben Sie einen anderen --store an",
        "{1} is damaged: by its header {2} pages of {3} bytes = {4} bytes, the file has {5} bytes ({6}). The file is left as it is; restore the backup":
            "{1} ist beschädigt: laut Kopf {2} Seiten zu {3} Bytes = {4} Bytes, die Datei hat {5} Bytes ({6}). Die Datei bleibt unverändert; die Sicherung zurückspielen",
        "{1} is empty (0 bytes), not a statement store; LEQ makes a store only where no file is. The file is left as it is; restore the backup or give another --store":
            "{1} ist leer (0 Bytes), kein Abrechnungsspeicher; LEQ legt einen Speicher nur an, wo noch keine Datei ist. Die Datei bleibt unverändert; die Sicherung zurückspielen oder einen anderen --store angeben",
        "{1} is missing — deleted":
            "{1} fehlt — gelöscht",
        "{1} is not a LEQ statement store (not an SQLite database); give another --store":
            "{1} ist kein LEQ-Abrechnungsspeicher (keine SQLite-Datenbank); geben Sie einen anderen --store an",
        "{1} is not a LEQ statement store (not an SQLite database, or damaged); give another --store":
            "{1} ist kein LEQ-Abrechnungsspeicher (keine SQLite-Datenbank oder beschädigt); geben Sie einen anderen --store an",
        "{1} is not a file (a folder or a device), not a statement store; give another --store":
            "{1} ist keine Datei (ein Ordner oder ein Gerät), kein Abrechnungsspeicher; geben Sie einen anderen --store an",
        "{1} is not a percentage between 0 and 100":
            "{1} ist kein Prozentsatz zwischen 0 und 100",
        "{1} is not certified and ordered; only payable statements go into a payment file":
            "{1} ist nicht festgestellt und angeordnet; nur zahlbare Abrechnungen kommen in eine Zahlungsdatei",
        "{1} is not certified yet: first 'leq certify {2} --by ID', then the order to pay":
            "{1} ist noch nicht festgestellt: erst 'leq certify {2} --by KENNUNG', dann die Anordnung",
        "{1} is not in the chain — inserted outside LEQ":
            "{1} steht nicht in der Kette — außerhalb von LEQ eingefügt",
        "{1} is out of range; expected {2} to {3}":
            "{1} liegt außerhalb des Bereichs; erwartet {2} bis {3}",
        "{1} lies outside the approval ({2}–{3})":
            "{1} liegt außerhalb der Bewilligung ({2}–{3})",
        "{1} lies outside the case":
            "{1} liegt außerhalb des Falls",
        "{1} was already certified as factually and arithmetically correct by {2} on {3}":
            "{1} wurde schon von {2} am {3} als sachlich und rechnerisch richtig festgestellt",
        "{1} was certified by {2}; the order to pay must come from another person (four eyes)":
            "{1} wurde von {2} festgestellt; die Anordnung muss eine andere Person geben (Vier-Augen-Prinzip)",
        "{1} was finalised by {2} on {3} and never changes, but the input now gives another statement (input then {4}, now {5}). The differences are settled as correction lines in the next open month: leq settle --store … --month {6}":
            "{1} wurde von {2} am {3} finalisiert und ändert sich nie mehr, aber die Eingaben ergeben jetzt eine andere Abrechnung (Eingaben damals {4}, jetzt {5}). Die Unterschiede werden im nächsten offenen Monat als Korrekturzeilen abgerechnet: leq settle --store … --month {6}",
        "{1} was written by a newer LEQ (store schema {2}, this LEQ knows up to {3}); update LEQ":
            "{1} wurde von einem neueren LEQ geschrieben (Speicherschema {2}, dieses LEQ kennt bis {3}); LEQ aktualisieren",
        "{1}, certification (factually and arithmetically correct)":
            "{1}, Feststellung (sachlich und rechnerisch richtig)",
        "{1}, order to pay":
            "{1}, Anordnung",
        "{1}: certified as factually and arithmetically correct by {2}; the order to pay by another person is still missing.\n":
            "{1}: sachlich und rechnerisch richtig festgestellt von {2}; es fehlt noch die Anordnung durch eine andere Person.\n",
        "{1}: payment ordered by {2}; certified and ordered: payable.\n":
            "{1}: angeordnet von {2}; festgestellt und angeordnet: zahlbar.\n",
        "{1}: payment ordered by {2}; the certification is still missing.\n":
            "{1}: angeordnet von {2}; es fehlt noch die Feststellung.\n",
        "{1}: payment was already ordered by {2} on {3}":
            "{1} wurde schon von {2} am {3} angeordnet",
        "{1}: the amount {2} is not the statement's total ({3})":
            "{1}: der Betrag {2} ist nicht der Gesamtbetrag der Abrechnung ({3})",
    ]
}
