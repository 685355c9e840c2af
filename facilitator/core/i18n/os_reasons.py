"""The operating system's common reasons a file or port can't be used, in both languages.

The English is what the OS says on Linux; a reason not listed here is shown as the OS words it.
"""

MESSAGES = {
    "os.ENOENT": {"en": "No such file or directory", "et": "sellist faili ega kausta ei ole"},
    "os.EACCES": {"en": "Permission denied", "et": "juurdepääs on keelatud"},
    "os.EPERM": {"en": "Operation not permitted", "et": "see toiming ei ole lubatud"},
    "os.ENOSPC": {"en": "No space left on device", "et": "kettal pole enam ruumi"},
    "os.EDQUOT": {"en": "Disk quota exceeded", "et": "kettakvoot on täis"},
    "os.EROFS": {"en": "Read-only file system", "et": "failisüsteem on kirjutuskaitstud"},
    "os.EISDIR": {"en": "Is a directory", "et": "see on kaust"},
    "os.ENOTDIR": {"en": "Not a directory", "et": "see ei ole kaust"},
    "os.EEXIST": {"en": "File exists", "et": "fail on juba olemas"},
    "os.ENAMETOOLONG": {"en": "File name too long", "et": "failinimi on liiga pikk"},
    "os.ELOOP": {"en": "Too many levels of symbolic links", "et": "liiga palju nimeviiteid üksteise järel"},
    "os.EIO": {"en": "Input/output error", "et": "sisend-väljundviga"},
    "os.EBUSY": {"en": "Device or resource busy", "et": "seade või ressurss on hõivatud"},
    "os.EMFILE": {"en": "Too many open files", "et": "liiga palju avatud faile"},
    "os.ENOTEMPTY": {"en": "Directory not empty", "et": "kaust ei ole tühi"},
    "os.EXDEV": {"en": "Invalid cross-device link", "et": "eri ketaste vahel ei saa viidata"},
    "os.EFBIG": {"en": "File too large", "et": "fail on liiga suur"},
    "os.EADDRINUSE": {"en": "Address already in use", "et": "aadress on juba kasutusel"},
    "os.EADDRNOTAVAIL": {"en": "Cannot assign requested address", "et": "seda aadressi ei saa kasutada"},
    "os.EAGAIN": {"en": "Resource temporarily unavailable", "et": "ressurss ei ole ajutiselt saadaval"},
    "os.EPIPE": {"en": "Broken pipe", "et": "toru on katkenud"},
}
