"""The workshop screen: agenda stepper, timer, phase navigation."""

MESSAGES = {
    "phase.setup": {"en": "Setup", "et": "Ettevalmistus"},
    "key.home": {"en": "Home", "et": "Avaleht"},
    "key.phase.previous": {"en": "Previous phase", "et": "Eelmine etapp"},
    "key.phase.next": {"en": "Next phase", "et": "Järgmine etapp"},
    "key.timer.toggle": {"en": "Start/pause timer", "et": "Taimer käima/pausile"},
    "key.timer.add1": {"en": "+1 minute", "et": "+1 minut"},
    "key.timer.add5": {"en": "+5 minutes", "et": "+5 minutit"},
    "key.timer.reset": {"en": "Reset timer", "et": "Taimer algusesse"},
    # the workshop's key bar: the join panel, the overview, the phase's minutes
    "key.join": {"en": "Let participants join", "et": "Luba osalejatel liituda"},
    "key.overview": {"en": "Overview", "et": "Ülevaade"},
    "key.timer.minutes": {"en": "Phase minutes", "et": "Etapi minutid"},
    "cmd.go_phase": {"en": "Go to phase: {name}", "et": "Mine etappi: {name}"},
    "cmd.go_phase.help": {"en": "Show this phase of the agenda", "et": "Näita seda päevakorra etappi"},
}
