"""The participants' web page (phones) and the app's join panel."""

MESSAGES = {
    "web.title": {"en": "Partnership workshop", "et": "Partnerluse töötuba"},
    "web.language": {"en": "Language", "et": "Keel"},
    "web.back": {"en": "Back", "et": "Tagasi"},
    "web.join.title": {"en": "Join the workshop", "et": "Töötoaga liitumine"},
    "web.join.code": {"en": "Join code (on the projector)", "et": "Liitumiskood (ekraanil)"},
    "web.join.hint": {
        "en": "Letters and digits, as shown; upper or lower case does not matter.",
        "et": "Tähed ja numbrid nagu ekraanil; suur- või väiketähtedel pole vahet.",
    },
    "web.join.button": {"en": "Join", "et": "Liituge"},
    "web.party.title": {"en": "Which party are you from?", "et": "Millist osapoolt te esindate?"},
    "web.party.pick": {"en": "Your party", "et": "Teie osapool"},
    "web.party.name": {"en": "Your name (optional)", "et": "Teie nimi (võib jätta tühjaks)"},
    "web.party.button": {"en": "Continue", "et": "Edasi"},
    "web.party.none": {
        "en": "The facilitator has not added any parties yet. Wait a moment and reload.",
        "et": "Läbiviija pole veel osapooli lisanud. Oodake hetk ja laadige leht uuesti.",
    },
    "web.you": {"en": "Your party: {party}", "et": "Teie osapool: {party}"},
    "web.leave": {"en": "Leave the workshop", "et": "Lahkuge töötoast"},
    "web.offline": {
        "en": "No connection to the facilitator's computer; trying again…",
        "et": "Ühendus läbiviija arvutiga puudub; proovime uuesti…",
    },
    "web.phase": {"en": "Now", "et": "Praegu"},
    "web.not_started": {"en": "Not started yet", "et": "Pole veel alanud"},
    "web.closed": {"en": "The workshop is closed.", "et": "Töötuba on lõpetatud."},
    "web.closed_results": {
        "en": "These are its results for your party. Nothing can be changed any more.",
        "et": "Siin on teie osapoole tulemused. Midagi enam muuta ei saa.",
    },
    "web.closed_none": {
        "en": "Thank you for taking part. Nothing can be changed any more.",
        "et": "Täname osalemise eest. Midagi enam muuta ei saa.",
    },
    "web.not_started_hint": {
        "en": "The workshop has not started yet. This page follows the facilitator by itself.",
        "et": "Töötuba pole veel alanud. See leht uueneb ise, kui läbiviija töötoaga edasi liigub.",
    },
    "web.open.label": {"en": "Open for placing", "et": "Paigutamiseks avatud"},
    "web.round": {"en": "round {round}", "et": "{round}. voor"},
    "web.parties": {"en": "Parties", "et": "Osapooled"},
    "web.revealed": {"en": "Everyone's placements", "et": "Kõigi paigutused"},
    "web.party": {"en": "Party", "et": "Osapool"},
    "web.current": {"en": "Now", "et": "Praegu"},
    "web.wished": {"en": "Wished", "et": "Soovitud"},
    "web.nobody_placed": {"en": "Nobody placed this activity.", "et": "Keegi ei paigutanud seda tegevust."},
    "web.agreed": {"en": "Agreed rung: {rung}", "et": "Kokkulepitud aste: {rung}"},
    "web.agreed_wished": {"en": "Wished rung: {rung}", "et": "Soovitud aste: {rung}"},
    "web.agreed_to_wished": {
        "en": "Agreed rung: {rung} → wished: {wished}",
        "et": "Kokkulepitud aste: {rung} → soovitud: {wished}",
    },
    "web.our_role": {"en": "Your role: {role}", "et": "Teie roll: {role}"},
    "web.agreeing": {
        "en": "The parties are now agreeing on the rung.",
        "et": "Nüüd lepivad osapooled astmes kokku.",
    },
    "web.not_involved": {
        "en": "Your party is not part of this activity: follow the discussion.",
        "et": "Teie osapool selles tegevuses ei osale: jälgige arutelu.",
    },
    "web.placed": {"en": "Placed", "et": "Paigutatud"},
    "web.change_answer": {
        "en": "Change the answer (until your party signs off)",
        "et": "Muutke vastust (kuni teie osapool kinnitab)",
    },
    "web.placed_changed": {
        "en": "The facilitator changed this placement, which {who} had sent from a phone.",
        "et": "Läbiviija muutis seda paigutust, mille {who} oli saatnud telefonist.",
    },
    "web.entered_by_facilitator": {"en": "entered by the facilitator", "et": "sisestas läbiviija"},
    "web.placed_entered": {
        "en": "The facilitator entered this placement for your party.",
        "et": "Selle paigutuse sisestas läbiviija teie osapoole eest.",
    },
    "web.placed_as": {
        "en": "Your party's placement: now {current}; wished {wished}.",
        "et": "Teie osapoole paigutus: praegu {current}; soovitud {wished}.",
    },
    "web.change_until_reveal": {
        "en": "You can change it until the facilitator reveals the placements. Nobody sees it before that.",
        "et": "Saate seda muuta, kuni läbiviija paigutused avalikustab. Enne seda ei näe seda keegi.",
    },
    "web.place_hint": {
        "en": "Choose where this activity is now and where it should be. Other parties do not see your choice until the reveal.",
        "et": "Valige, kus see tegevus praegu on ja kus see peaks olema. Teised osapooled ei näe teie valikut enne avalikustamist.",
    },
    "web.current_question": {"en": "Where is it now?", "et": "Kus see praegu on?"},
    "web.wished_question": {"en": "Where should it be?", "et": "Kus see peaks olema?"},
    "web.send": {"en": "Send placement", "et": "Saatke paigutus"},
    "web.change": {"en": "Change placement", "et": "Muutke paigutust"},
    "web.placed_count": {
        "en": "Placed: {count} of {total} parties",
        "et": "Paigutanud: {count}/{total} osapoolest",
    },
    "web.placed_count.one": {
        "en": "Placed: {count} of {total} party",
        "et": "Paigutanud: {count}/{total} osapoolest",
    },
    "web.waiting_open": {
        "en": "Waiting for the facilitator to open an activity for placing.",
        "et": "Ootame, et läbiviija avaks mõne tegevuse paigutamiseks.",
    },
    "web.to_us": {"en": "Expected of us", "et": "Meilt oodatakse"},
    "web.none_to_us": {
        "en": "Nothing expected of your party yet.",
        "et": "Teie osapoolelt pole veel midagi oodatud.",
    },
    "web.none_to_us.closed": {
        "en": "Nothing was expected of your party.",
        "et": "Teie osapoolelt ei oodatud midagi.",
    },
    "web.accept": {"en": "Accept", "et": "Võtke vastu"},
    "web.response": {
        "en": "New wording (to amend) or reason (to decline)",
        "et": "Uus sõnastus (muutmiseks) või põhjus (tagasilükkamiseks)",
    },
    "web.amend": {"en": "Amend", "et": "Muutke"},
    "web.decline": {"en": "Decline", "et": "Lükake tagasi"},
    "web.state.open": {"en": "not answered yet", "et": "vastamata"},
    "web.state.accepted": {"en": "accepted", "et": "vastu võetud"},
    "web.state.amended": {"en": "amended", "et": "muudetud"},
    "web.state.declined": {"en": "declined", "et": "tagasi lükatud"},
    "web.our_commitments": {"en": "We will …", "et": "Meie teeme …"},
    "web.commitment": {"en": "A commitment of your party", "et": "Teie osapoole lubadus"},
    "web.add_commitment": {"en": "Add commitment", "et": "Lisage lubadus"},
    "web.our_expectations": {"en": "We expect …", "et": "Meie ootame …"},
    "web.to_party": {"en": "From which party", "et": "Milliselt osapoolelt"},
    "web.expectation": {"en": "What you expect", "et": "Mida te ootate"},
    "web.add_expectation": {"en": "Add expectation", "et": "Lisage ootus"},
    "web.sign_off": {"en": "Sign off the agreement", "et": "Kinnitage kokkulepe"},
    "web.reopened.phone": {
        "en": "Your sign-off was reopened: {reason} (sent from a phone by {who}). Read it again and sign off if you agree.",
        "et": "Teie kinnitus avati uuesti: {reason} ({who} saatis telefonist). Vaadake see uuesti üle ja kinnitage, kui olete nõus.",
    },
    "web.reopened.facilitator": {
        "en": "Your sign-off was reopened: {reason} (changed by the facilitator). Read it again and sign off if you agree.",
        "et": "Teie kinnitus avati uuesti: {reason} (muutis läbiviija). Vaadake see uuesti üle ja kinnitage, kui olete nõus.",
    },
    "web.reopens": {
        "en": "Signed off already: {parties}. A commitment, expectation or answer you send now reopens their sign-offs, and they sign again.",
        "et": "Juba kinnitanud: {parties}. Kui saadate nüüd lubaduse, ootuse või vastuse, avatakse nende kinnitused uuesti ja nad kinnitavad uuesti.",
    },
    "web.signed_off": {"en": "Signed off", "et": "Kinnitatud"},
    "web.refused.closed": {
        "en": "Joining is closed. Ask the facilitator to open it again.",
        "et": "Liitumine on suletud. Paluge läbiviijal see uuesti avada.",
    },
    "web.refused.wait": {
        "en": "Too many wrong codes from this device. Try again in {seconds} s.",
        "et": "Sellest seadmest tuli liiga palju valesid koode. Proovige uuesti {seconds} s pärast.",
    },
    "web.refused.code": {
        "en": "That code is not right. Check it on the projector and try again.",
        "et": "See kood pole õige. Vaadake koodi ekraanilt ja proovige uuesti.",
    },
    "web.refused.full": {
        "en": "The workshop is full: {limit} devices have joined. Share a device with someone from your party.",
        "et": "Töötuba on täis: liitunud seadmeid on juba {limit}. Kasutage koos oma osapoole kaaslasega üht seadet.",
    },
    "web.refused.too_large": {
        "en": "That was too much text to send at once. Shorten it and try again.",
        "et": "Seda teksti oli korraga saatmiseks liiga palju. Lühendage seda ja proovige uuesti.",
    },
    "web.refused.not_found": {"en": "There is no such page.", "et": "Sellist lehte pole."},
    "web.refused.token": {
        "en": "This form has expired. Go back, reload the page and try again.",
        "et": "See vorm on aegunud. Minge tagasi, laadige leht uuesti ja proovige veel kord.",
    },
    "web.refused.party": {"en": "Choose one of the parties.", "et": "Valige üks osapooltest."},
    "web.refused.no_device": {
        "en": "This device has not joined (or the facilitator removed it). Join with the code.",
        "et": "See seade pole liitunud (või läbiviija eemaldas selle). Liituge koodiga.",
    },
    "web.refused.name_long": {
        "en": "This name is too long ({length} characters; at most {limit}). Go back and shorten it.",
        "et": "See nimi on liiga pikk (märke {length}; lubatud kuni {limit}). Minge tagasi ja lühendage seda.",
    },
    "web.refused.no_party": {"en": "Choose your party first.", "et": "Valige kõigepealt oma osapool."},
    "web.refused.outcome": {"en": "Choose what came of it.", "et": "Valige, mis sellest sai."},
    "web.refused.both_rungs": {"en": "Choose both rungs.", "et": "Valige mõlemad astmed."},
    "web.refused.rung_unknown": {
        "en": "That rung is not in this workshop.",
        "et": "Seda astet pole selles töötoas.",
    },
    "web.refused.party_fixed": {
        "en": "Your party was chosen when this device joined. Only the facilitator can move a device to another party.",
        "et": "Osapool valiti, kui see seade liitus. Seadme teise osapoolde saab viia ainult läbiviija.",
    },
    "web.refused.moved": {
        "en": "This page was for another party: the facilitator has moved this device to {party}, so nothing was sent.",
        "et": "See leht oli teise osapoole oma: läbiviija viis selle seadme osapoolde {party}, nii et midagi ei saadetud.",
    },
    "web.refused.revealed": {
        "en": "This round has been revealed: your placement can't change any more. The result is on your page.",
        "et": "See voor on juba avalikustatud: teie paigutust enam muuta ei saa. Tulemus on teie lehel.",
    },
    "web.refused.waiting": {
        "en": "The facilitator has not admitted this device yet. Wait a moment.",
        "et": "Läbiviija pole seda seadet veel sisse lasknud. Oodake hetk.",
    },
    "web.refused.room_wait": {
        "en": "Too many wrong codes were tried in this room. Try again in {seconds} s or ask the facilitator for a new code.",
        "et": "Selle töötoa liitumiskoodi prooviti liiga palju kordi valesti. Proovige uuesti {seconds} s pärast või küsige läbiviijalt uut koodi.",
    },
    "web.refused.bad_form": {
        "en": "The form could not be read (the text was not valid). Go back and try again.",
        "et": "Vormi ei õnnestunud lugeda (tekst polnud korrektne). Minge tagasi ja proovige uuesti.",
    },
    "web.refused.error": {
        "en": "Something went wrong on the facilitator's computer. Go back and try again.",
        "et": "Läbiviija arvutis läks midagi valesti. Minge tagasi ja proovige uuesti.",
    },
    "web.cannot_save": {
        "en": "The facilitator's computer can't save right now. Tell the facilitator.",
        "et": "Läbiviija arvuti ei saa praegu salvestada. Öelge läbiviijale.",
    },
    "web.refused.not_saved": {
        "en": "The facilitator's computer could not save this. Nothing was changed; tell the facilitator.",
        "et": "Läbiviija arvuti ei saanud seda salvestada. Midagi ei muutunud; öelge läbiviijale.",
    },
    "web.refused.unavailable": {
        "en": "The facilitator's computer cannot open the workshop right now. Try again in a moment.",
        "et": "Läbiviija arvuti ei saa töötuba praegu avada. Proovige hetke pärast uuesti.",
    },
    "web.refused.change": {
        "en": "This change was not accepted.",
        "et": "Seda muudatust ei võetud vastu.",
    },
    "web.waiting": {
        "en": "Waiting for the facilitator to let this device in …",
        "et": "Ootame, et läbiviija selle seadme sisse laseks …",
    },
    "web.party.once": {
        "en": "The party is chosen once for this device; only the facilitator can change it.",
        "et": "Osapool valitakse selle seadme jaoks üks kord; muuta saab seda ainult läbiviija.",
    },
    "web.leave.title": {
        "en": "Leave the workshop on this device?",
        "et": "Kas lahkuda sellel seadmel töötoast?",
    },
    "web.leave.text": {
        "en": "To take part again you join with the code and choose your party anew; the facilitator sees it as a new device.",
        "et": "Uuesti osalemiseks liitute koodiga ja valite osapoole uuesti; läbiviija näeb seda uue seadmena.",
    },
    "web.leave.yes": {"en": "Leave", "et": "Lahkuge"},
    "web.leave.no": {"en": "Stay", "et": "Jääge"},
    "web.refused.ok": {"en": "OK", "et": "Selge"},
    "web.pending": {
        "en": "Not sent yet: it will be sent when the connection is back.",
        "et": "Veel saatmata: saadetakse, kui ühendus taastub.",
    },
    "join.title": {"en": "Let participants join", "et": "Luba osalejatel liituda"},
    "join.open": {"en": "On your phone, open", "et": "Avage oma telefonis"},
    "join.code": {"en": "and enter the code", "et": "ja sisestage kood"},
    "join.network": {"en": "Network", "et": "Võrk"},
    "join.network.local": {
        "en": "This computer only (127.0.0.1): phones cannot reach it yet.",
        "et": "Ainult see arvuti (127.0.0.1): telefonid ei saa sellega veel ühendust.",
    },
    "join.network.lan": {
        "en": "Local network ({address}): phones on the same Wi-Fi can join.",
        "et": "Kohalik võrk ({address}): samas Wi-Fi-võrgus olevad telefonid saavad liituda.",
    },
    "join.elsewhere": {
        "en": "Served by another process on this computer (process {pid}, facilitator serve): shown here "
        "to project; devices, code and network are changed there (stop it there to serve from here)",
        "et": "Serveerib teine protsess selles arvutis (protsess {pid}, facilitator serve): siin näidatakse "
        "projitseerimiseks; seadmeid, koodi ja võrku muudetakse seal (siit serveerimiseks peata see seal)",
    },
    "join.local_only.elsewhere": {
        "en": "Phones can't reach this server yet: it listens on this computer only. Start facilitator serve "
        "with --lan to open it to the local network (the same Wi-Fi); then the QR code appears here.",
        "et": "Telefonid ei pääse sellele serverile veel ligi: see kuulab ainult selles arvutis. Käivita "
        "facilitator serve võtmega --lan, et avada see kohalikule võrgule (samale Wi-Fi-le); siis ilmub siia QR-kood.",
    },
    "join.network.switch": {"en": "(n switches)", "et": "(n vahetab)"},
    "join.more_keys": {
        "en": "m moves a device to another party · r new code (joined devices stay) · s stops the server",
        "et": "m viib seadme teise osapoolde · r uus kood (liitunud seadmed jäävad) · s peatab serveri",
    },
    "join.starting": {"en": "Starting…", "et": "Käivitan…"},
    "join.error": {"en": "Could not start: {reason}", "et": "Ei saanud käivitada: {reason}"},
    "join.status": {
        "en": "Joining is open · {count} of at most {limit} devices joined",
        "et": "Liitumine on avatud · liitunud seadmeid: {count} (kuni {limit})",
    },
    "join.col.party": {"en": "Party", "et": "Osapool"},
    "join.col.name": {"en": "Name", "et": "Nimi"},
    "join.col.address": {"en": "Address", "et": "Aadress"},
    "join.col.joined": {"en": "Joined", "et": "Liitus"},
    "join.minutes": {"en": "{minutes} min ago", "et": "{minutes} min tagasi"},
    "join.removed": {"en": "Device removed", "et": "Seade eemaldatud"},
    "join.remove.confirm": {
        "en": "Remove the device of {party} ({name})? Its page stops working; it can join again with the code.",
        "et": "Kas eemaldada osapoole {party} seade ({name})? Selle leht lakkab töötamast; koodiga saab uuesti liituda.",
    },
    "join.stop.confirm": {
        "en": "Stop the server? Phones can't reach it until you open this panel again.",
        "et": "Kas peatada server? Telefonid ei pääse ligi, kuni avate selle paneeli uuesti.",
    },
    "join.closed": {
        "en": "Joining closed; joined devices keep working",
        "et": "Liitumine suletud; liitunud seadmed töötavad edasi",
    },
    "join.key.close": {"en": "Close (no new joins)", "et": "Sulge (uusi liitujaid ei võeta)"},
    "join.key.network": {"en": "Network", "et": "Võrk"},
    "join.key.remove": {"en": "Remove device", "et": "Eemalda seade"},
    "join.local_only": {
        "en": "Phones can't reach this server yet: it listens on this computer only (127.0.0.1). Press n to open it to the local network (the same Wi-Fi), then the QR code appears here.",
        "et": "Telefonid ei pääse sellele serverile veel ligi: see kuulab ainult selles arvutis (127.0.0.1). Vajuta n, et avada see kohalikule võrgule (samale Wi-Fi-le); siis ilmub siia QR-kood.",
    },
    "join.col.device": {"en": "Device", "et": "Seade"},
    "join.col.state": {"en": "State", "et": "Olek"},
    "join.state.waiting": {"en": "waiting to be admitted", "et": "ootab sisselaskmist"},
    "join.state.picking": {"en": "choosing a party", "et": "valib osapoolt"},
    "join.state.ok": {"en": "in", "et": "sees"},
    "join.state.again": {
        "en": "in (joined again after leaving)",
        "et": "sees (liitus pärast lahkumist uuesti)",
    },
    "join.state.differs": {
        "en": "⚠ placed unlike its party's other device: {activity}",
        "et": "⚠ paigutas teisiti kui osapoole teine seade: {activity}",
    },
    "join.no_party": {"en": "(no party yet)", "et": "(osapool valimata)"},
    "join.admit_each.on": {
        "en": "New devices wait until you admit them (a admits all waiting; o turns this off)",
        "et": "Uued seadmed ootavad, kuni need sisse lasete (a laseb kõik ootajad sisse; o lülitab välja)",
    },
    "join.admit_each.off": {
        "en": "New devices take part at once (o: admit each new device yourself)",
        "et": "Uued seadmed osalevad kohe (o: lase iga uus seade ise sisse)",
    },
    "join.waiting": {
        "en": "{count} waiting to be admitted: press a",
        "et": "{count} ootab sisselaskmist: vajuta a",
    },
    "join.admitted": {"en": "Admitted: {count}", "et": "Sisse lastud: {count}"},
    "join.room_limited": {
        "en": "Too many wrong codes were tried: joining is paused for a minute. Press r for a new code.",
        "et": "Proovitud on liiga palju valesid koode: liitumine on minutiks peatatud. Vajuta r, et saada uus kood.",
    },
    "join.renewed": {
        "en": "New join code: {code} (joined devices stay)",
        "et": "Uus liitumiskood: {code} (liitunud seadmed jäävad)",
    },
    "join.moved": {"en": "Device moved to {party}", "et": "Seade viidi osapoolde {party}"},
    "join.move_to": {"en": "Move this device to which party?", "et": "Millisesse osapoolde seade viia?"},
    "join.stopped": {
        "en": "Server stopped: phones can't reach it until you open this panel again",
        "et": "Server peatatud: telefonid ei pääse ligi, kuni avate selle paneeli uuesti",
    },
    "join.resumed": {
        "en": "Participants' server running again at {url} (code {code})",
        "et": "Osalejate server töötab jälle aadressil {url} (kood {code})",
    },
    "room.taken": {
        "en": "This session's participants' server already runs on this computer, at {url} (process {pid}): phones join there; stop it first to serve from here",
        "et": "Selle töötoa osalejate server juba töötab selles arvutis, aadressil {url} (protsess {pid}): telefonid liituvad seal; siit käivitamiseks peata enne see",
    },
    "room.taken.starting": {
        "en": "This session's participants' server is already starting on this computer (process {pid}): stop it first to serve from here",
        "et": "Selle töötoa osalejate server juba käivitub selles arvutis (protsess {pid}): siit käivitamiseks peata enne see",
    },
    "join.key.move": {"en": "Move to party", "et": "Vii osapoolde"},
    "join.key.admit": {"en": "Admit waiting", "et": "Lase ootajad sisse"},
    "join.key.admit_each": {"en": "Admit each", "et": "Lase iga seade ise sisse"},
    "join.key.renew": {"en": "New code", "et": "Uus kood"},
    "join.key.stop": {"en": "Stop server", "et": "Peata server"},
    "join.sent_by": {"en": "sent by {who}", "et": "saatis {who}"},
    # ------------------------------------------------------------ the page for the room (19.6)
    "web.noscript": {
        "en": "This page does not update by itself while JavaScript is off: reload the page to see what is new.",
        "et": "Kui JavaScript on välja lülitatud, ei uuene see leht ise: uue seisu nägemiseks laadige leht uuesti.",
    },
    "web.just_agreed": {"en": "Just agreed", "et": "Äsja kokku lepitud"},
    "web.revealed.label": {"en": "Placements revealed", "et": "Paigutused avalikustatud"},
    "web.rungs.meaning": {"en": "What do the rungs mean?", "et": "Mida astmed tähendavad?"},
    "web.agenda.title": {"en": "Your party's activities", "et": "Teie osapoole tegevused"},
    "web.agenda.waiting": {"en": "waiting for your answer: {count}", "et": "ootab teie vastust: {count}"},
    "web.agenda.unsigned": {"en": "not signed off yet", "et": "veel kinnitamata"},
    "web.agenda.signed": {"en": "✓ signed off", "et": "✓ kinnitatud"},
    "web.signoff.title": {
        "en": "Sign off the agreement on “{activity}”?",
        "et": "Kas kinnitada tegevuse „{activity}“ kokkulepe?",
    },
    "web.signoff.text": {
        "en": "Signing off says your party agrees to the activity as recorded: its rung, roles, commitments and expectations. You can withdraw the sign-off until the roles and expectations phase ends.",
        "et": "Kinnitusega ütlete, et teie osapool on kokkuleppega päri: aste, rollid, lubadused ja ootused nii, nagu need on kirjas. Kinnituse saate tagasi võtta, kuni rollide ja ootuste etapp kestab.",
    },
    "web.signoff.yes": {"en": "Sign off", "et": "Kinnitage"},
    "web.withdraw": {"en": "Withdraw the sign-off", "et": "Võtke kinnitus tagasi"},
    "web.followup.heading": {
        "en": "What came of your promises of last time?",
        "et": "Mis sai teie eelmise korra lubadustest?",
    },
    "web.followup.due": {"en": "due {due}", "et": "tähtaeg {due}"},
    "web.steps.heading": {"en": "Your party's next steps", "et": "Teie osapoole järgmised sammud"},
    "web.followup.note": {"en": "A short note (optional)", "et": "Lühike märkus (soovi korral)"},
    "web.followup.answered": {
        "en": "Your answer: {outcome} (the facilitator confirms it)",
        "et": "Teie vastus: {outcome} (läbiviija kinnitab selle)",
    },
    "web.followup.none": {
        "en": "Nothing of yours to follow up from last time.",
        "et": "Eelmisest korrast pole teil midagi üle vaadata.",
    },
}
