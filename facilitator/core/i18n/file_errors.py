"""Why a file can't be read or written: export targets, imports, session and scenario files.

The path and the detail of a corrupt file (which table, which field) are data and stay as
given; an OS reason ("No such file or directory") stays as the OS words it.
"""

MESSAGES = {
    "file.not_regular": {
        "en": "{path} is not a regular file (a device, pipe or socket): not replaced",
        "et": "{path} ei ole tavaline fail (see on seade, toru või sokkel): seda ei asendata",
    },
    "file.not_a_folder": {
        "en": "{path} is a file, not a folder: the {count} files of this export need a folder",
        "et": "{path} on fail, mitte kaust: selle ekspordi {count} faili vajavad kausta",
    },
    "file.is_folder": {
        "en": "{path} is a folder; give a file name",
        "et": "{path} on kaust; anna failinimi",
    },
    "file.in_data_folder": {
        "en": "{path} is inside the data folder ({folder}), where sessions are kept; export somewhere else",
        "et": "{path} asub andmekaustas ({folder}), kus hoitakse töötubasid; ekspordi mujale",
    },
    "file.in_state_folder": {
        "en": "{path} is inside this device's state folder ({folder}), where join codes and phones' tokens are kept; "
        "export somewhere else",
        "et": "{path} asub selle seadme olekukaustas ({folder}), kus hoitakse liitumiskoode ja telefonide andmeid; "
        "ekspordi mujale",
    },
    "file.symlink": {
        "en": "{path} is a symbolic link; not writing through it "
        "(use --follow-symlinks to replace the file it points to)",
        "et": "{path} on nimeviit; selle kaudu ei kirjutata "
        "(faili, millele see viitab, saad asendada võtmega --follow-symlinks)",
    },
    "file.symlink_loop": {
        "en": "{path}: a loop of symbolic links",
        "et": "{path}: nimeviidad viitavad ringiratast üksteisele",
    },
    "file.cannot_write": {
        "en": "{path}: cannot write: {reason}",
        "et": "{path}: kirjutada ei õnnestu: {reason}",
    },
    "file.cannot_make_folder": {
        "en": "{path}: cannot make the folder: {reason}",
        "et": "{path}: kausta ei õnnestu luua: {reason}",
    },
    "file.cannot_read": {
        "en": "{path}: cannot read: {reason}",
        "et": "{path}: lugeda ei õnnestu: {reason}",
    },
    "file.cannot_read_not_regular": {
        "en": "{path}: cannot read: not a regular file",
        "et": "{path}: lugeda ei õnnestu: see ei ole tavaline fail",
    },
    "scenario.id_taken": {
        "en": "{path}: scenario.id: {id} is already the id of {first}; give this scenario an id of its own",
        "et": "{path}: scenario.id: tunnus {id} on juba failil {first}; anna sellele stsenaariumile oma tunnus",
    },
    "file.locked": {
        "en": "{path}: another program is holding the session open",
        "et": "{path}: teine programm hoiab töötuba avatuna",
    },
    "file.lock_reason": {"en": "cannot lock it: {reason}", "et": "lukustada ei õnnestu: {reason}"},
    "file.exists": {
        "en": "{path}: a session with this id already exists",
        "et": "{path}: sellise tunnusega töötuba on juba olemas",
    },
    "file.cannot_delete": {
        "en": "{path}: cannot delete: {reason}",
        "et": "{path}: kustutada ei õnnestu: {reason}",
    },
    "file.no_free_id": {"en": "could not find a free session id", "et": "vaba töötoa tunnust ei leitud"},
    "file.data_not_a_folder": {
        "en": "{path} is a file, not a folder: give the data folder with --data-dir",
        "et": "{path} on fail, mitte kaust: anna andmekaust võtmega --data-dir",
    },
    "file.sessions_not_a_folder": {
        "en": "{path} is a file, not a folder: the data folder keeps its sessions there; "
        "move the file away or give another data folder with --data-dir",
        "et": "{path} on fail, mitte kaust: andmekaust hoiab seal töötubasid; "
        "vii fail mujale või anna teine andmekaust võtmega --data-dir",
    },
    "file.data_under_a_file": {
        "en": "{path} can't be a folder: {file} is a file, not a folder; give the data folder with --data-dir",
        "et": "{path} ei saa olla kaust: {file} on fail, mitte kaust; anna andmekaust võtmega --data-dir",
    },
    "file.data_unusable": {
        "en": "cannot use the data folder {path}: {reason}",
        "et": "andmekausta {path} ei saa kasutada: {reason}",
    },
    "file.missing": {
        "en": "{path}: no such file",
        "et": "{path}: sellist faili ei ole",
    },
    "file.corrupt": {
        "en": "{path}: corrupt session file ({detail})",
        "et": "{path}: töötoa fail on rikutud ({detail})",
    },
    "file.not_session": {
        "en": "{path}: not a facilitator session file",
        "et": "{path}: see ei ole facilitatori töötoa fail",
    },
    "file.no_schema": {
        "en": "{path}: session file has no schema version",
        "et": "{path}: töötoa failis puudub skeemi versioon",
    },
    "file.newer": {
        "en": "{path}: written by a newer facilitator (schema {schema}, this one reads up to {known}); "
        "upgrade facilitator to open it",
        "et": "{path}: fail on kirjutatud facilitatori uuema versiooniga (skeem {schema}, see versioon "
        "loeb kuni skeemi {known}); avamiseks uuenda facilitatorit",
    },
    "file.bad_id": {
        "en": "{path}: session id {id} is not valid",
        "et": "{path}: töötoa tunnus {id} ei ole sobiv",
    },
    "file.cannot_save_now": {
        "en": "Nothing can be saved in this workshop now (what is shown stays; ctrl+e → JSON saves "
        "all of it, facilitator import takes it back): {reason}",
        "et": "Sellesse töötuppa ei saa praegu midagi salvestada (näidatu jääb alles; ctrl+e → JSON "
        "salvestab kõik näidatu, facilitator import toob selle tagasi): {reason}",
    },
    "file.readable_again": {
        "en": "The workshop's file can be read again: changes are saved as before.",
        "et": "Töötoa faili saab jälle lugeda: muudatused salvestuvad nagu enne.",
    },
    "file.session_missing": {
        "en": "{path}: session file not found",
        "et": "{path}: töötoa faili ei leitud",
    },
    "file.id_taken": {
        "en": "a session with id {id} already exists (delete it first, or import with --new-id)",
        "et": "töötuba tunnusega {id} on juba olemas (kustuta see enne või impordi võtmega --new-id)",
    },
}
