"""The command line's --help: what each command and option is for (argparse %-formats these,
so a literal percent sign would be written %%)."""

MESSAGES = {
    "cli.help.description": {
        "en": "Run live partnership workshops: partners place their joint activities on the ladder "
        "communication → cooperation → coordination → collaboration, blind, then agree on the rung, "
        "their roles and what they expect from each other. Without a command, starts the app.",
        "et": "Partnerluse töötoad: partnerid paigutavad oma ühised tegevused redelile "
        "kommunikatsioon → kooperatsioon → koordinatsioon → koostöö, teiste paigutusi nägemata, "
        "ning lepivad siis kokku astme, oma rollid ja ootused üksteisele. Ilma käsuta avab rakenduse.",
    },
    "cli.help.epilog": {
        "en": "Sessions are kept in the data folder: --data-dir, else ${env}, else the platform's user "
        "data folder. Your own scenarios go in <data folder>/scenarios/.",
        "et": "Töötoad hoitakse andmekaustas: --data-dir, selle puudumisel ${env}, muidu süsteemi "
        "kasutajaandmete kaustas. Oma stsenaariumid pane kausta <andmekaust>/scenarios/.",
    },
    "cli.help.command": {"en": "COMMAND", "et": "KÄSK"},
    "cli.help.commands": {"en": "commands", "et": "käsud"},
    "cli.help.version": {
        "en": "show program's version number and exit",
        "et": "näita programmi versiooni ja välju",
    },
    "cli.help.id": {
        "en": "session id (a unique prefix is enough)",
        "et": "töötoa tunnus (piisab ühesest algusest)",
    },
    "cli.help.data_dir": {
        "en": "folder for sessions and your own scenarios",
        "et": "töötubade ja oma stsenaariumide kaust",
    },
    "cli.help.lang": {
        "en": "interface language (default: the one chosen last time, else the system's)",
        "et": "kasutajaliidese keel (vaikimisi eelmisel korral valitud, muidu süsteemi keel)",
    },
    "cli.help.metavar.folder": {"en": "FOLDER", "et": "KAUST"},
    "cli.help.metavar.file": {"en": "FILE", "et": "FAIL"},
    "cli.help.metavar.path": {"en": "OUTPUT", "et": "VÄLJUND"},
    "cli.help.metavar.scenario": {"en": "SCENARIO", "et": "STSENAARIUM"},
    "cli.help.metavar.title": {"en": "TITLE", "et": "PEALKIRI"},
    "cli.help.metavar.date": {"en": "DATE", "et": "KUUPÄEV"},
    "cli.help.metavar.place": {"en": "PLACE", "et": "KOHT"},
    "cli.help.metavar.name": {"en": "NAME", "et": "NIMI"},
    "cli.help.metavar.host": {"en": "HOST", "et": "AADRESS"},
    "cli.help.metavar.port": {"en": "PORT", "et": "PORT"},
    "cli.help.scenarios": {
        "en": "list the scenarios you can start a session from",
        "et": "stsenaariumid, millest saab töötoa alustada",
    },
    "cli.help.scenario": {"en": "work with scenario files", "et": "stsenaariumifailide käsud"},
    "cli.help.scenario.check": {
        "en": "validate a scenario file (exit 0 if valid, 2 if not)",
        "et": "kontrolli stsenaariumifaili (väljumiskood 0, kui korras, muidu 2)",
    },
    "cli.help.new": {"en": "create a session and print its id", "et": "loo töötuba ja näita selle tunnust"},
    "cli.help.new.description": {
        "en": "Create a session: from a scenario (--scenario and --title), or from an earlier session "
        "(--from ID): its parties, activities and agreed rungs are the starting point, and 'compare' "
        "shows what changed.",
        "et": "Loo töötuba: stsenaariumist (--scenario ja --title) või varasemast töötoast (--from ID): "
        "selle osapooled, tegevused ja kokkulepitud astmed on lähtekoht ning 'compare' näitab, mis "
        "muutus.",
    },
    "cli.help.new.scenario": {
        "en": "scenario id (see 'scenarios') or a .toml file",
        "et": "stsenaariumi tunnus (vt 'scenarios') või .toml-fail",
    },
    "cli.help.new.from": {
        "en": "start from an earlier session (a unique prefix of its id is enough); runs its scenario",
        "et": "alusta varasemast töötoast (piisab tunnuse ühesest algusest); kasutab selle stsenaariumi",
    },
    "cli.help.new.title": {
        "en": "required with --scenario; with --from, default: the earlier title",
        "et": "kohustuslik koos --scenario'ga; koos --from'iga vaikimisi varasema töötoa pealkiri",
    },
    "cli.help.new.date": {
        "en": "workshop date: 2026-12-03 or 03.12.2026",
        "et": "töötoa kuupäev: 03.12.2026 või 2026-12-03",
    },
    "cli.help.new.place": {"en": "where the workshop takes place", "et": "töötoa toimumiskoht"},
    "cli.help.new.facilitator": {"en": "the facilitator's name", "et": "läbiviija nimi"},
    "cli.help.list": {
        "en": "list saved sessions, newest first",
        "et": "salvestatud töötoad, uusimad eespool",
    },
    "cli.help.open": {"en": "open a session in the app", "et": "ava töötuba rakenduses"},
    "cli.help.review": {
        "en": "review a session read-only: dashboard and timeline (nothing is written)",
        "et": "vaata töötuba muutmata: koondvaade ja ajajoon (midagi ei salvestata)",
    },
    "cli.help.export": {
        "en": "export a session: report (md, html), tables (csv), drawings (svg), a page per party "
        "(handouts) or the session (json)",
        "et": "ekspordi töötuba: aruanne (md, html), tabelid (csv), joonised (svg), leht igale "
        "osapoolele (handouts) või töötuba ise (json)",
    },
    "cli.help.export.description": {
        "en": "Export a session. md, html and json are one file: -o FILE, else standard output. csv "
        "(7 tables), svg (ladder and partnership matrix) and handouts (one printable HTML page per "
        "party, ID-handout-NN-NAME.html) are several files: -o FOLDER (made if missing), else the "
        "current folder.",
        "et": "Ekspordi töötuba. md, html ja json on üks fail: -o FAIL, muidu standardväljund. csv "
        "(7 tabelit), svg (redel ja partnerluse maatriks) ja handouts (igale osapoolele prinditav "
        "HTML-leht, ID-handout-NN-NIMI.html) on mitu faili: -o KAUST (luuakse, kui puudub), muidu "
        "praegune kaust.",
    },
    "cli.help.export.format": {
        "en": "what to export (default: json)",
        "et": "mida eksportida (vaikimisi json)",
    },
    "cli.help.export.output": {
        "en": "file (md, html, json) or folder (csv, svg, handouts) to write",
        "et": "fail (md, html, json) või kaust (csv, svg, handouts), kuhu kirjutada",
    },
    "cli.help.export.follow_symlinks": {
        "en": "if -o (or a file in the -o folder) is a symbolic link, replace the file it points to "
        "(without it, a link is not written through)",
        "et": "kui -o (või fail -o kaustas) on nimeviit, kirjuta üle fail, millele see viitab "
        "(selle võtmeta nimeviita ei kasutata)",
    },
    "cli.help.export.public": {
        "en": "leave out participants' and the facilitator's names and notes that are not public",
        "et": "jäta välja osalejate ja läbiviija nimed ning mitteavalikud märkused",
    },
    "cli.help.export.lang": {
        "en": "language of the report (default: the session's)",
        "et": "aruande keel (vaikimisi töötoa keel)",
    },
    "cli.help.import": {
        "en": "import an exported session (JSON)",
        "et": "impordi eksporditud töötuba (JSON)",
    },
    "cli.help.import.new_id": {
        "en": "give it a new id if its id is taken",
        "et": "anna uus tunnus, kui see tunnus on juba kasutusel",
    },
    "cli.help.mismatches": {
        "en": "list where the parties are not yet aligned, by activity",
        "et": "kus osapooled pole veel ühel meelel, tegevuste kaupa",
    },
    "cli.help.compare": {
        "en": "compare two sessions of the same partners (e.g. a year apart)",
        "et": "võrdle samade partnerite kahte töötuba (nt aastase vahega)",
    },
    "cli.help.compare.description": {
        "en": "What changed from session A to session B: activities moved up or down the ladder, new "
        "and dropped activities, roles, expectations, commitments, and which of A's actions B shows "
        "done. Activities are matched by id, else by title.",
        "et": "Mis muutus töötoast A töötoani B: redelil üles või alla liikunud tegevused, uued ja "
        "ärajäänud tegevused, rollid, ootused, kohustused ning millised A sammud on B järgi tehtud. "
        "Tegevused seotakse tunnuse, muidu pealkirja järgi.",
    },
    "cli.help.compare.a": {
        "en": "the earlier session's id (a unique prefix is enough)",
        "et": "varasema töötoa tunnus (piisab ühesest algusest)",
    },
    "cli.help.compare.b": {"en": "the later session's id", "et": "hilisema töötoa tunnus"},
    "cli.help.history": {
        "en": "the history of a partnership: a session and the ones it was made from (new --from)",
        "et": "partnerluse ajalugu: töötuba ja need, millest see on tehtud (new --from)",
    },
    "cli.help.history.description": {
        "en": "Follow the series back from session ID (each session made with 'new --from' names the "
        "one before) and show each activity's agreed and wished rung over the years (a chart in html), "
        "who works with whom per workshop, steps done and promises kept per party, approaches and "
        "information flows. md and html: the report; csv: one row per activity per workshop.",
        "et": "Järgi töötubade rida töötoast ID tagasi (iga 'new --from' abil tehtud töötuba nimetab "
        "eelmise) ja näita iga tegevuse kokkulepitud ja soovitud astet aastate jooksul (html-is "
        "joonisena), kes kellega igas töötoas koos töötab, osapoolte tehtud samme ja peetud lubadusi, "
        "lähenemisi ja info liikumise suundi. md ja html: aruanne; csv: rida iga tegevuse kohta igas töötoas.",
    },
    "cli.help.history.id": {
        "en": "the newest session of the series (a unique prefix is enough)",
        "et": "rea uusim töötuba (piisab tunnuse ühesest algusest)",
    },
    "cli.help.history.format": {"en": "report format (default: md)", "et": "aruande vorming (vaikimisi md)"},
    "cli.help.history.output": {
        "en": "file to write (else standard output)",
        "et": "fail, kuhu kirjutada (muidu standardväljund)",
    },
    "cli.help.history.follow_symlinks": {
        "en": "write through a symbolic link -o",
        "et": "kirjuta nimeviidana antud -o kaudu",
    },
    "cli.help.history.lang": {
        "en": "language of the history (default: the newest session's)",
        "et": "ajaloo keel (vaikimisi uusima töötoa keel)",
    },
    "cli.help.delete": {"en": "delete a session (asks first)", "et": "kustuta töötuba (küsib enne)"},
    "cli.help.delete.yes": {"en": "don't ask", "et": "ära küsi"},
    "cli.help.serve": {
        "en": "let participants join a session from their phones (web page), without the app",
        "et": "lase osalejatel töötoaga telefonist liituda (veebileht), ilma rakenduseta",
    },
    "cli.help.serve.description": {
        "en": "Serve the participants' web page for a session: people open the address, enter the join "
        "code and take part from their own phone. Listens on 127.0.0.1 (this computer only) unless "
        "--lan or --host says otherwise. Stop with ctrl+c.",
        "et": "Töötoa veebileht osalejatele: inimesed avavad aadressi, sisestavad liitumiskoodi ja "
        "osalevad oma telefonist. Kuulab aadressil 127.0.0.1 (ainult see arvuti), kui --lan või "
        "--host ei ütle teisiti. Peatamiseks vajuta ctrl+c.",
    },
    "cli.help.serve.host": {
        "en": "address to listen on (default 127.0.0.1)",
        "et": "aadress, millel kuulata (vaikimisi 127.0.0.1)",
    },
    "cli.help.serve.lan": {
        "en": "listen on the local network, so phones on the same Wi-Fi can join",
        "et": "kuula kohtvõrgus, et sama wifi telefonid saaksid liituda",
    },
    "cli.help.serve.port": {
        "en": "port (default: the session's port from last time, else 8765; 0 picks a free one)",
        "et": "port (vaikimisi töötoa eelmise korra port, muidu 8765; 0 valib vaba pordi)",
    },
    "cli.help.serve.new_code": {
        "en": "a new join code (the old one stops working; joined devices stay), e.g. after too many "
        "wrong codes were tried",
        "et": "uus liitumiskood (vana enam ei kehti, liitunud seadmed jäävad), nt kui proovitud on "
        "liiga palju valesid koode",
    },
    "cli.help.demo": {
        "en": "create a complete sample session and print its id",
        "et": "loo täielik näidistöötuba ja näita selle tunnust",
    },
    "cli.help.demo.scenario": {
        "en": "scenario id or file (default: the shipped one in the interface language)",
        "et": "stsenaariumi tunnus või fail (vaikimisi kaasas olev liidese keeles)",
    },
    "cli.port.not_a_number": {
        "en": "port must be a number, not {value}",
        "et": "port peab olema arv, mitte {value}",
    },
    "cli.port.out_of_range": {
        "en": "port must be 0-65535, not {value}",
        "et": "port peab olema 0–65535, mitte {value}",
    },
    "cli.usage_error": {
        "en": "{prog}: error: {message} (see '{prog} --help')",
        "et": "{prog}: viga: {message} (vt '{prog} --help')",
    },
    "cli.serve.cannot_listen": {
        "en": "cannot listen on {host}:{port}: {reason}",
        "et": "aadressil {host}:{port} ei saa kuulata: {reason}",
    },
    "cli.serve.port_in_use": {
        "en": "cannot listen on {host}:{port}: the port is in use (choose another with --port)",
        "et": "aadressil {host}:{port} ei saa kuulata: port on juba kasutusel (vali --port abil muu)",
    },
    "cli.stdout_failed": {
        "en": "cannot write to standard output: {reason}",
        "et": "standardväljundisse ei saa kirjutada: {reason}",
    },
}
