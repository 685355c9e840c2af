"""What the command line prints, in the interface language: one language at a time there too."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "cli.error": {"en": "facilitator: error: {message}", "et": "facilitator: viga: {message}"},
    "cli.notice": {"en": "facilitator: notice: {message}", "et": "facilitator: teade: {message}"},
    "cli.crashed": {
        "en": "facilitator: unexpected error, the app closed (details in {log})",
        "et": "facilitator: ootamatu viga, rakendus suleti (üksikasjad: {log})",
    },
    "cli.crashed.no_log": {
        "en": "facilitator: unexpected error, the app closed (no log could be written)",
        "et": "facilitator: ootamatu viga, rakendus suleti (logi ei õnnestunud kirjutada)",
    },
    "cli.wrote": {"en": "wrote {path}", "et": "kirjutatud: {path}"},
    "cli.list.none": {"en": "no sessions in {folder}", "et": "kaustas {folder} pole ühtegi töötuba"},
    "cli.list.activities": {"en": "{count} act.", "et": "{count} tegev."},
    "cli.list.continues": {"en": "(continues {id})", "et": "(jätkab töötuba {id})"},
    "cli.list.continues.gone": {
        "en": "(continues {id}, which is gone: deleted or moved)",
        "et": "(jätkab töötuba {id}, mida enam pole: kustutatud või teisaldatud)",
    },
    "cli.list.continues.unreadable": {
        "en": "(continues {id}, which can't be read)",
        "et": "(jätkab töötuba {id}, mida ei õnnestu lugeda)",
    },
    "cli.scenario.ok": {
        "en": "{path}: ok: {id} ({language}); rungs: {rungs}, roles: {roles}, parties: {parties}, phases: {phases}, examples: {examples}",
        "et": "{path}: korras: {id} ({language}), astmeid {rungs}, rolle {roles}, osapooli {parties}, etappe {phases}, näiteid {examples}",
    },
    "cli.delete.unreadable": {"en": "(unreadable session file)", "et": "(loetamatu töötoa fail)"},
    "cli.delete.ask": {
        "en": "Delete session {id} “{title}”? This can't be undone. [y/N] ",
        "et": "Kas kustutada töötuba {id} „{title}“? Seda ei saa tagasi võtta. [j/E] ",
    },
    "cli.delete.open": {
        "en": "session {id} is open on this computer (process {pids}: the app or serve): close it there first, "
        "or run delete without --yes to confirm",
        "et": "töötuba {id} on selles arvutis avatud (protsess {pids}: rakendus või serve): sulge see enne seal "
        "või käivita delete ilma --yes-ita, et kinnitada",
    },
    "cli.delete.open_warning": {
        "en": "Warning: session {id} is open on this computer (process {pids}: the app or serve); "
        "there nothing could be saved any more.",
        "et": "Hoiatus: töötuba {id} on selles arvutis avatud (protsess {pids}: rakendus või serve); "
        "seal ei saaks enam midagi salvestada.",
    },
    "cli.delete.kept": {"en": "not deleted", "et": "ei kustutatud"},
    "cli.delete.done": {"en": "deleted {id}", "et": "kustutatud: {id}"},
    "cli.delete.no_terminal": {
        "en": "not deleting without confirmation: run it in a terminal or add --yes",
        "et": "kinnituseta ei kustuta: käivita see terminalis või lisa --yes",
    },
    "cli.new.both": {
        "en": "new: give --scenario or --from, not both (a session made --from runs the earlier session's scenario); see 'facilitator new --help'",
        "et": "new: anna kas --scenario või --from, mitte mõlemat (--from-iga tehtud töötuba kasutab varasema töötoa stsenaariumi); vt 'facilitator new --help'",
    },
    "cli.new.no_scenario": {
        "en": "new: --scenario (or --from ID) is required; see 'facilitator new --help'",
        "et": "new: --scenario (või --from ID) on kohustuslik; vt 'facilitator new --help'",
    },
    "cli.new.no_title": {
        "en": "new: --title is required with --scenario; see 'facilitator new --help'",
        "et": "new: koos --scenario'ga on --title kohustuslik; vt 'facilitator new --help'",
    },
    "cli.serve.stopped": {"en": "Stopped.", "et": "Peatatud."},
    "cli.serve.session": {"en": "Session: {title}", "et": "Töötuba: {title}"},
    "cli.serve.address": {"en": "Address: {url}", "et": "Aadress: {url}"},
    "cli.serve.code": {"en": "Join code: {code}", "et": "Liitumiskood: {code}"},
    "cli.serve.local_only": {
        "en": "Only this computer can open it; use --lan to let phones on the local network join.",
        "et": "Seda saab avada ainult see arvuti; --lan laseb kohtvõrgus olevatel telefonidel liituda.",
    },
    "cli.serve.stop": {"en": "Stop with ctrl+c.", "et": "Peatamiseks vajuta ctrl+c."},
    "cli.serve.reopened": {
        "en": "Joining was closed: it is open again, new phones can join.",
        "et": "Liitumine oli suletud: see on taas avatud, uued telefonid saavad liituda.",
    },
    "cli.serve.devices": {
        "en": "Still joined from last time: {count} devices.",
        "et": "Eelmisest korrast on endiselt liitunud {count} seadet.",
    },
    "cli.serve.devices.one": {
        "en": "Still joined from last time: {count} device.",
        "et": "Eelmisest korrast on endiselt liitunud {count} seade.",
    },
    "cli.serve.room_limited": {
        "en": "Too many wrong join codes were tried: joining is paused for a minute. For a new code, restart with --new-code (joined devices stay).",
        "et": "Proovitud on liiga palju valesid liitumiskoode: liitumine on minutiks peatatud. Uue koodi saamiseks käivita uuesti võtmega --new-code (liitunud seadmed jäävad).",
    },
    "cli.error.not_an_id": {"en": "{ref} is not a session id", "et": "{ref} ei ole töötoa tunnus"},
    "cli.error.several": {
        "en": "{ref} matches several sessions ({names}); type more of the id",
        "et": "{ref} sobib mitme töötoaga ({names}); kirjuta tunnusest rohkem",
    },
    "cli.error.no_session": {
        "en": "no session {ref} (see 'facilitator list')",
        "et": "töötuba {ref} pole (vt 'facilitator list')",
    },
    "cli.error.no_scenario": {
        "en": "no scenario {ref} (known: {known})",
        "et": "stsenaariumi {ref} pole (olemas: {known})",
    },
}
