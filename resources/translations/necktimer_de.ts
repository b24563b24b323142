<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Advice</name>
    <message>
        <location filename="../../necktimer/core/diary.py" line="127"/>
        <source>There are too few pain ratings to tell whether the pain is easing.</source>
        <translation>Es gibt zu wenige Schmerzbewertungen, um zu sagen, ob der Schmerz nachlässt.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="130"/>
        <source>The pain is easing (%1 at first, %2 lately, on the 0–10 scale).</source>
        <translation>Der Schmerz lässt nach (anfangs %1, zuletzt %2, auf der Skala von 0 bis 10).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="133"/>
        <source>The pain is getting worse (%1 at first, %2 lately, on the 0–10 scale).</source>
        <translation>Der Schmerz wird stärker (anfangs %1, zuletzt %2, auf der Skala von 0 bis 10).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="136"/>
        <source>The pain has not eased (%1 at first, %2 lately, on the 0–10 scale).</source>
        <translation>Der Schmerz hat nicht nachgelassen (anfangs %1, zuletzt %2, auf der Skala von 0 bis 10).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="142"/>
        <source>%1 %2 Most spasms ease within about a week: please consult a physician.</source>
        <translation>%1 %2 Die meisten Nackenkrämpfe bessern sich innerhalb von etwa einer Woche: Bitte gehen Sie zu einem Arzt oder einer Ärztin.</translation>
    </message>
</context>
<context>
    <name>AdviceText</name>
    <message numerus="yes">
        <location filename="../../necktimer/core/diary.py" line="114"/>
        <source>You have been treating your neck for %n days.</source>
        <translation>
            <numerusform>Sie behandeln Ihren Nacken seit %n Tag.</numerusform>
            <numerusform>Sie behandeln Ihren Nacken seit %n Tagen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertText</name>
    <message numerus="yes">
        <location filename="../../necktimer/core/alerts.py" line="61"/>
        <source>Reminder %n: %1</source>
        <translation>
            <numerusform>Erinnerung %n: %1</numerusform>
            <numerusform>Erinnerung %n: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../necktimer/core/alerts.py" line="64"/>
        <source>Your %n-minute ice session ended at %1. Take the pack off and check your skin.</source>
        <translation>
            <numerusform>Ihre %n-minütige Eisanwendung endete um %1. Nehmen Sie die Kälteauflage ab und prüfen Sie Ihre Haut.</numerusform>
            <numerusform>Ihre %n-minütige Eisanwendung endete um %1. Nehmen Sie die Kälteauflage ab und prüfen Sie Ihre Haut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../necktimer/core/alerts.py" line="68"/>
        <source>Your %n-minute heat session ended at %1. Take the pack off and check your skin.</source>
        <translation>
            <numerusform>Ihre %n-minütige Wärmeanwendung endete um %1. Nehmen Sie die Wärmeauflage ab und prüfen Sie Ihre Haut.</numerusform>
            <numerusform>Ihre %n-minütige Wärmeanwendung endete um %1. Nehmen Sie die Wärmeauflage ab und prüfen Sie Ihre Haut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="88"/>
        <location filename="../../necktimer/ui/tray.py" line="131"/>
        <source>Time&apos;s up — remove the ice pack</source>
        <translation>Zeit ist um — Kälteauflage abnehmen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="90"/>
        <location filename="../../necktimer/ui/tray.py" line="132"/>
        <source>Time&apos;s up — remove the heat pack</source>
        <translation>Zeit ist um — Wärmeauflage abnehmen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="92"/>
        <source>%1 Take the pack off if it is still on.</source>
        <translation>%1 Nehmen Sie die Auflage ab, falls sie noch aufliegt.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="98"/>
        <source>%1 Clicking this notice tells necktimer it is off.</source>
        <translation>%1 Ein Klick auf diese Meldung sagt necktimer, dass die Auflage abgenommen ist.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="105"/>
        <source>It came off at %1</source>
        <translation>Um %1 abgenommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="112"/>
        <source>Reminder: %1</source>
        <translation>Erinnerung: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="118"/>
        <source>1 minute left — get ready to take the ice pack off</source>
        <translation>Noch 1 Minute — bereiten Sie sich darauf vor, die Kälteauflage abzunehmen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="120"/>
        <source>1 minute left — get ready to take the heat pack off</source>
        <translation>Noch 1 Minute — bereiten Sie sich darauf vor, die Wärmeauflage abzunehmen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="121"/>
        <source>The session ends at %1.</source>
        <translation>Die Anwendung endet um %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="127"/>
        <source>You may apply ice or heat again</source>
        <translation>Sie dürfen wieder Eis oder Wärme anwenden</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="128"/>
        <source>The gap after your last session is over.</source>
        <translation>Die Pause nach Ihrer letzten Anwendung ist vorbei.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="135"/>
        <location filename="../../necktimer/core/alerts.py" line="145"/>
        <source>The removal was not saved</source>
        <translation>Das Abnehmen wurde nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="136"/>
        <source>necktimer could not write that the pack is off (is the disk full?). Open necktimer, or run &apos;necktimer done&apos; once it can be saved.</source>
        <translation>necktimer konnte nicht speichern, dass die Auflage ab ist (ist der Datenträger voll?). Öffnen Sie necktimer, oder führen Sie &apos;necktimer done&apos; aus, sobald gespeichert werden kann.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="146"/>
        <source>necktimer is open but does not answer, so it could not be told that the pack is off. Once it answers again it reminds you: confirm there, or run &apos;necktimer done&apos;.</source>
        <translation>necktimer ist geöffnet, antwortet aber nicht, daher konnte ihm nicht mitgeteilt werden, dass die Auflage ab ist. Sobald es wieder antwortet, erinnert es Sie: Bestätigen Sie dort, oder führen Sie &apos;necktimer done&apos; aus.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="153"/>
        <source>Done — removed</source>
        <translation>Erledigt — abgenommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="157"/>
        <source>Done — removed now</source>
        <translation>Erledigt — jetzt abgenommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="163"/>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../necktimer/ui/app.py" line="339"/>
        <source>A second launch of necktimer cannot reach this window (%1), so use this window or its tray icon.</source>
        <translation>Ein zweiter Start von necktimer erreicht dieses Fenster nicht (%1); verwenden Sie daher dieses Fenster oder sein Symbol in der Systemleiste.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="512"/>
        <source>A pack is on. If necktimer quits now, nobody will remind you to take it off.</source>
        <translation>Eine Kälte- oder Wärmeauflage liegt auf. Wenn necktimer jetzt beendet wird, erinnert Sie niemand daran, sie abzunehmen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="488"/>
        <source>Quit anyway?</source>
        <translation>Trotzdem beenden?</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="344"/>
        <source>Nothing outside this window is watching the pack: the helper that reminds when necktimer is closed keeps ending. Keep this window open until the pack is off.</source>
        <translation>Nichts außerhalb dieses Fensters überwacht die Auflage: Das Hilfsprogramm, das bei geschlossenem necktimer erinnert, wird immer wieder beendet. Lassen Sie dieses Fenster geöffnet, bis die Auflage ab ist.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="484"/>
        <source>%1 If necktimer quits now, that is lost.</source>
        <translation>%1 Wenn necktimer jetzt beendet wird, geht das verloren.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="489"/>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="490"/>
        <source>Quit anyway</source>
        <translation>Trotzdem beenden</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="515"/>
        <source>A pack is on. If necktimer quits now, its window stops counting down; a desktop notification will still tell you at %1 to take the pack off.</source>
        <translation>Eine Kälte- oder Wärmeauflage liegt auf. Wenn necktimer jetzt beendet wird, zählt sein Fenster nicht mehr herunter; eine Desktop-Benachrichtigung sagt Ihnen trotzdem um %1, dass Sie die Auflage abnehmen sollen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="519"/>
        <source>A pack is on. If necktimer quits now, a desktop notification will still remind you to take it off.</source>
        <translation>Eine Kälte- oder Wärmeauflage liegt auf. Wenn necktimer jetzt beendet wird, erinnert Sie trotzdem eine Desktop-Benachrichtigung daran, sie abzunehmen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="551"/>
        <source>Could not change the login entry: %1</source>
        <translation>Der Autostart-Eintrag konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="580"/>
        <source>Another necktimer has taken over this data folder.</source>
        <translation>Ein anderes necktimer hat diesen Datenordner übernommen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="643"/>
        <source>necktimer is open.</source>
        <translation>necktimer ist geöffnet.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="655"/>
        <source>%1 %2 This window keeps it and writes it when it can; quitting it now would lose it.</source>
        <translation>%1 %2 Dieses Fenster behält es und schreibt es, sobald es kann; wird es jetzt beendet, geht es verloren.</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <location filename="../../necktimer/cli.py" line="153"/>
        <source>usage: </source>
        <translation>Aufruf: </translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="154"/>
        <source>positional arguments</source>
        <translation>Positionsargumente</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="155"/>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="156"/>
        <source>show this help message and exit</source>
        <translation>diese Hilfe anzeigen und beenden</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="158"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>Argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="160"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>ungültige Auswahl: %(value)r (möglich sind %(choices)s)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="162"/>
        <source>the following arguments are required: %s</source>
        <translation>diese Argumente fehlen: %s</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="164"/>
        <source>unrecognized arguments: %s</source>
        <translation>unbekannte Argumente: %s</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="165"/>
        <source>expected one argument</source>
        <translation>ein Argument wird erwartet</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="166"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ungültiger %(type)s-Wert: %(value)r</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="168"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>mehrdeutige Option: %(option)s passt zu %(matches)s</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="170"/>
        <source>ignored explicit argument %r</source>
        <translation>explizites Argument ignoriert: %r</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="171"/>
        <source>not allowed with argument %s</source>
        <translation>nicht zusammen mit Argument %s erlaubt</translation>
    </message>
</context>
<context>
    <name>ChartText</name>
    <message numerus="yes">
        <location filename="../../necktimer/ui/trend_chart.py" line="28"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Anwendung</numerusform>
            <numerusform>%n Anwendungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../necktimer/cli.py" line="83"/>
        <source>%1 is not a whole number of minutes</source>
        <translation>%1 ist keine ganze Zahl von Minuten</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="87"/>
        <source>%1 is not allowed: a session lasts %2 to %3 minutes</source>
        <translation>%1 ist nicht erlaubt: eine Anwendung dauert %2 bis %3 Minuten</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="100"/>
        <source>%1 is neither %2 nor %3</source>
        <translation>%1 ist weder %2 noch %3</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="126"/>
        <source>earlier</source>
        <comment>last-applied: more than one gap ago</comment>
        <translation>früher</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="140"/>
        <source>the data folder must not be empty</source>
        <translation>der Name des Datenordners darf nicht leer sein</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="197"/>
        <source>(see &apos;%1 --help&apos;)</source>
        <translation>(siehe &apos;%1 --help&apos;)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="204"/>
        <source>keep the history and settings in DIR (a separate profile)</source>
        <translation>Verlauf und Einstellungen in DIR speichern (ein eigenes Profil)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="207"/>
        <source>log what happens</source>
        <translation>protokollieren, was passiert</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="210"/>
        <source>Times ice and heat sessions for a neck spasm: at most %1 minutes each, 2 hours apart.</source>
        <translation>Misst die Zeit von Eis- und Wärmeanwendungen bei einem Nackenkrampf: jeweils höchstens %1 Minuten, im Abstand von 2 Stunden.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="218"/>
        <source>show the version and exit</source>
        <translation>Version anzeigen und beenden</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="221"/>
        <source>start in the system tray without showing the window</source>
        <translation>in der Systemleiste starten, ohne das Fenster zu zeigen</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="225"/>
        <source>show the answer in the window too: a start that is refused opens or raises the window saying why (the menu&apos;s Start ice and Start heat do this)</source>
        <translation>die Antwort auch im Fenster zeigen: ein abgelehnter Start öffnet das Fenster oder holt es nach vorn und sagt, warum (so machen es „Eis starten“ und „Wärme starten“ im Menü)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="231"/>
        <source>print the current state</source>
        <translation>den aktuellen Zustand ausgeben</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="233"/>
        <source>print one JSON object</source>
        <translation>ein JSON-Objekt ausgeben</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="234"/>
        <source>start a session</source>
        <translation>eine Anwendung starten</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="237"/>
        <source>ice or heat, in English or in your language</source>
        <translation>ice (Eis) oder heat (Wärme), auf Englisch oder Deutsch</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="242"/>
        <source>length in minutes, %1-%2 (default: the length you chose last)</source>
        <translation>Dauer in Minuten, %1-%2 (Standard: die zuletzt gewählte Dauer)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="246"/>
        <source>quit the running instance</source>
        <translation>die laufende Instanz beenden</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="251"/>
        <source>say when the last pack came off</source>
        <translation>angeben, wann die letzte Auflage abgenommen wurde</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="252"/>
        <source>when the pack last came off, as your clock showed it (14:30, 2:30pm), or %1 if it was more than one gap ago</source>
        <translation>wann die Auflage zuletzt abgenommen wurde, wie Ihre Uhr es zeigte (14:30 oder 2:30pm), oder %1, wenn es länger als eine Pause her ist</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="257"/>
        <source>take back a stop made in the last 10 seconds</source>
        <translation>ein Stoppen der letzten 10 Sekunden zurücknehmen</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="261"/>
        <source>it came off when the session ended, not just now (the gap runs from when it came off)</source>
        <translation>sie wurde beim Ende der Anwendung abgenommen, nicht erst jetzt (die Pause läuft ab dem Abnehmen)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="306"/>
        <source>%1: Qt for Python (PySide6) cannot be loaded: %2. Reinstall necktimer with pip.</source>
        <translation>%1: Qt für Python (PySide6) kann nicht geladen werden: %2. Installieren Sie necktimer mit pip neu.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="434"/>
        <source>(from the safety record: the history itself cannot be opened right now)</source>
        <translation>(aus der Sicherheitsaufzeichnung: der Verlauf selbst kann gerade nicht geöffnet werden)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="638"/>
        <source>%1 Free some space and run the command again: nothing was changed.</source>
        <translation>%1 Schaffen Sie Platz und führen Sie den Befehl erneut aus: nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="255"/>
        <source>stop the running session</source>
        <translation>die laufende Anwendung stoppen</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="44"/>
        <source>commands:
  (none)                open the window, or raise the running one
  status [--json]       print what you may do now and when
  start ice|heat [--minutes N]
                        start a session (%1-%2 min) in the running
                        instance, or open necktimer with it started
  stop                  stop the running session
  undo                  take back a stop made in the last 10 seconds
  done [--at-end]       confirm the pack is off after a session ended (--at-end:
                        it came off when the session ended)
  quit [--force]        quit the running instance (refused while a pack is on
                        or a change is not saved yet, unless --force)
  last-applied HH:MM|%3
                        after a lost history: when the last pack came off
                        (14:30, or 2:30pm)
  install-desktop       add necktimer to your application menu (no root needed)
  uninstall-desktop     remove it again

exit codes:
  0  done
  1  refused by the safety rules (the message says when it will be allowed),
     or nothing to do (no session running, no pack waiting)
  2  bad command line
  3  the data folder or the running instance cannot be used

The safety rules: a session lasts at most %2 minutes, and the next one (ice or
heat) may start one gap (2 hours, or longer if you set it) after the previous one
ended. A session stopped within its first minute starts no gap, but its time counts
toward the next session&apos;s %2 minutes.
</source>
        <translation>Befehle:
  (keiner)              das Fenster öffnen oder das laufende nach vorn holen
  status [--json]       ausgeben, was Sie jetzt tun dürfen und wann
  start ice|heat [--minutes N]
                        eine Anwendung (%1-%2 min) in der laufenden Instanz
                        starten oder necktimer mit ihr gestartet öffnen
  stop                  die laufende Anwendung stoppen
  undo                  ein Stoppen der letzten 10 Sekunden zurücknehmen
  done [--at-end]       bestätigen, dass die Auflage nach dem Ende ab ist
                        (--at-end: sie wurde schon beim Ende abgenommen)
  quit [--force]        die laufende Instanz beenden (abgelehnt, solange eine
                        Auflage aufliegt oder eine Änderung noch nicht
                        gespeichert ist, außer mit --force)
  last-applied HH:MM|%3
                        nach verlorenem Verlauf: wann die letzte Auflage
                        abgenommen wurde (14:30 oder 2:30pm)
  install-desktop       necktimer ins Anwendungsmenü aufnehmen (ohne Root-Rechte)
  uninstall-desktop     es wieder entfernen

Exit-Codes:
  0  erledigt
  1  von den Sicherheitsregeln abgelehnt (die Meldung sagt, ab wann es erlaubt
     ist), oder nichts zu tun (keine Anwendung läuft, keine Auflage wartet)
  2  fehlerhafte Befehlszeile
  3  der Datenordner oder die laufende Instanz ist nicht nutzbar

Die Sicherheitsregeln: Eine Anwendung dauert höchstens %2 Minuten, und die
nächste (Eis oder Wärme) darf eine Pause (2 Stunden oder länger, wenn Sie das
eingestellt haben) nach dem Ende der vorigen beginnen. Eine Anwendung, die in
ihrer ersten Minute gestoppt wird, löst keine Pause aus, aber ihre Zeit zählt
zu den %2 Minuten der nächsten Anwendung.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="259"/>
        <source>confirm the pack is off</source>
        <translation>bestätigen, dass die Auflage abgenommen ist</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="248"/>
        <source>quit even while a pack is on or a change is not saved yet</source>
        <translation>auch beenden, während eine Auflage aufliegt oder eine Änderung noch nicht gespeichert ist</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="263"/>
        <source>add the menu entry and icon for this user</source>
        <translation>Menüeintrag und Symbol für diesen Benutzer anlegen</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="265"/>
        <source>remove the menu entry and icon</source>
        <translation>Menüeintrag und Symbol entfernen</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="481"/>
        <source>necktimer is running for %1 but does not answer (%2).</source>
        <translation>necktimer läuft für %1, antwortet aber nicht (%2).</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="510"/>
        <source>necktimer is already running.</source>
        <translation>necktimer läuft bereits.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="544"/>
        <source>necktimer is not running.</source>
        <translation>necktimer läuft nicht.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="557"/>
        <source>%1 Nothing was kept: run the command again once it can be saved.</source>
        <translation>%1 Nichts wurde übernommen: Führen Sie den Befehl erneut aus, sobald gespeichert werden kann.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="609"/>
        <source>the window cannot be shown: the display %1 is not running. Commands that need no window (status, stop, done, quit) still work.</source>
        <translation>das Fenster kann nicht angezeigt werden: Die Anzeige %1 läuft nicht. Befehle, die kein Fenster brauchen (status, stop, done, quit), funktionieren weiterhin.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="612"/>
        <source>the window cannot be shown: there is no desktop here (neither DISPLAY nor WAYLAND_DISPLAY is set). Commands that need no window (status, stop, done, quit) still work.</source>
        <translation>das Fenster kann nicht angezeigt werden: Hier gibt es keinen Desktop (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt). Befehle, die kein Fenster brauchen (status, stop, done, quit), funktionieren weiterhin.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../necktimer/commands.py" line="276"/>
        <source>&apos;%1&apos; is not a time like 14:30, nor &apos;%2&apos;.</source>
        <translation>&apos;%1&apos; ist weder eine Uhrzeit wie 14:30 noch &apos;%2&apos;.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="323"/>
        <source>%1 could be %2, still to come: it is %3 now. Say which you mean: %1am or %1pm.</source>
        <translation>%1 könnte %2 sein, und das kommt erst noch: Jetzt ist es %3. Sagen Sie, was Sie meinen: %1am oder %1pm.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="326"/>
        <source>%1 is still to come: it is %2 now. Say when the pack came off as this computer&apos;s clock showed it.</source>
        <translation>%1 kommt erst noch: Jetzt ist es %2. Geben Sie an, wann die Auflage abgenommen wurde, so wie die Uhr dieses Computers es anzeigte.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="391"/>
        <source>The session has already ended. %1</source>
        <translation>Die Anwendung ist bereits zu Ende. %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="396"/>
        <source>%1 To take the stop back, run &apos;necktimer undo&apos; within %2 s.</source>
        <translation>%1 Um das Stoppen zurückzunehmen, führen Sie innerhalb von %2 s &apos;necktimer undo&apos; aus.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="406"/>
        <source>A session is running: it ends by itself, or run &apos;necktimer stop&apos; if the pack comes off early.</source>
        <translation>Eine Anwendung läuft: Sie endet von selbst, oder führen Sie &apos;necktimer stop&apos; aus, wenn Sie die Auflage früher abnehmen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="410"/>
        <source>No pack was waiting to come off.</source>
        <translation>Es wartete keine Auflage darauf, abgenommen zu werden.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="432"/>
        <source>necktimer is quitting. %1 That is lost.</source>
        <translation>necktimer wird beendet. %1 Das geht verloren.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="435"/>
        <source>necktimer is quitting.</source>
        <translation>necktimer wird beendet.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="466"/>
        <source>Time&apos;s up at %2: take the ice pack off now, then run &apos;necktimer done&apos; (or &apos;necktimer done --at-end&apos; if it came off at %2). %1</source>
        <translation>Die Zeit ist seit %2 um: Nehmen Sie die Kälteauflage jetzt ab und führen Sie dann „necktimer done“ aus (oder „necktimer done --at-end“, wenn sie schon um %2 abgenommen wurde). %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="470"/>
        <source>Time&apos;s up at %2: take the heat pack off now, then run &apos;necktimer done&apos; (or &apos;necktimer done --at-end&apos; if it came off at %2). %1</source>
        <translation>Die Zeit ist seit %2 um: Nehmen Sie die Wärmeauflage jetzt ab und führen Sie dann „necktimer done“ aus (oder „necktimer done --at-end“, wenn sie schon um %2 abgenommen wurde). %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="475"/>
        <source>Time&apos;s up: take the ice pack off now, then run &apos;necktimer done&apos;. %1</source>
        <translation>Zeit ist um: Nehmen Sie die Kälteauflage jetzt ab und führen Sie dann „necktimer done“ aus. %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="478"/>
        <source>Time&apos;s up: take the heat pack off now, then run &apos;necktimer done&apos;. %1</source>
        <translation>Zeit ist um: Nehmen Sie die Wärmeauflage jetzt ab und führen Sie dann „necktimer done“ aus. %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="513"/>
        <source>%1 Answer in the window, or run &apos;necktimer last-applied HH:MM&apos; (when the pack came off) or &apos;necktimer last-applied %2&apos; (more than %3 ago).</source>
        <translation>%1 Antworten Sie im Fenster oder führen Sie &apos;necktimer last-applied HH:MM&apos; aus (wann die Auflage abgenommen wurde) bzw. &apos;necktimer last-applied %2&apos; (vor mehr als %3).</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="521"/>
        <source>Noted: the ice pack came off at %1.</source>
        <translation>Notiert: Die Kälteauflage wurde um %1 abgenommen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="523"/>
        <source>Noted: the heat pack came off at %1.</source>
        <translation>Notiert: Die Wärmeauflage wurde um %1 abgenommen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="538"/>
        <source>%1 Quitting now would lose it: wait until it is saved, or quit with --force.</source>
        <translation>%1 Beenden würde es jetzt verlieren: Warten Sie, bis es gespeichert ist, oder beenden Sie mit --force.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="544"/>
        <source>A session is running: if necktimer quits, its window stops counting down (a desktop notification still says when to take the pack off). Stop the session first, or quit with --force.</source>
        <translation>Eine Anwendung läuft: Wenn necktimer beendet wird, zählt sein Fenster nicht mehr herunter (eine Desktop-Benachrichtigung sagt trotzdem, wann die Auflage abzunehmen ist). Stoppen Sie zuerst die Anwendung, oder beenden Sie mit --force.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="549"/>
        <source>A session is running: if necktimer quits, nobody will remind you to take the pack off. Stop the session first, or quit with --force.</source>
        <translation>Eine Anwendung läuft: Wenn necktimer beendet wird, erinnert Sie niemand daran, die Auflage abzunehmen. Stoppen Sie zuerst die Anwendung, oder beenden Sie mit --force.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="553"/>
        <source>A pack is still waiting to come off. Confirm it is off (necktimer done) first, or quit with --force.</source>
        <translation>Eine Auflage wartet noch darauf, abgenommen zu werden. Bestätigen Sie zuerst, dass sie ab ist (necktimer done), oder beenden Sie mit --force.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../necktimer/ui/controller.py" line="143"/>
        <source>your settings</source>
        <translation>Ihre Einstellungen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/controller.py" line="146"/>
        <source>The settings file %1 cannot be written.</source>
        <translation>Die Einstellungsdatei %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/controller.py" line="268"/>
        <source>Noted: pain %1 of 10. You can change it in History.</source>
        <translation>Notiert: Schmerz %1 von 10. Sie können das im Verlauf ändern.</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <location filename="../../necktimer/desktop.py" line="159"/>
        <source>installed %1</source>
        <translation>installiert: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/desktop.py" line="161"/>
        <source>The menu entry uses the data folder %1.</source>
        <translation>Der Menüeintrag verwendet den Datenordner %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/desktop.py" line="163"/>
        <source>%1 is now in your application menu (remove it with: %2 uninstall-desktop).</source>
        <translation>%1 steht jetzt in Ihrem Anwendungsmenü (entfernen mit: %2 uninstall-desktop).</translation>
    </message>
    <message>
        <location filename="../../necktimer/desktop.py" line="168"/>
        <source>removed %1</source>
        <translation>entfernt: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/desktop.py" line="170"/>
        <source>Nothing to remove.</source>
        <translation>Nichts zu entfernen.</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message numerus="yes">
        <location filename="../../necktimer/core/humanize.py" line="20"/>
        <source>%n s</source>
        <comment>seconds, short</comment>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../necktimer/core/humanize.py" line="23"/>
        <source>%n min</source>
        <comment>minutes, short</comment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../necktimer/core/humanize.py" line="26"/>
        <source>%n h</source>
        <comment>hours, short</comment>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../necktimer/core/humanize.py" line="29"/>
        <source>%1 %2</source>
        <comment>hours, then minutes: &apos;1 h 42 min&apos;</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/humanize.py" line="33"/>
        <source>%1 %2</source>
        <comment>minutes, then seconds: &apos;14 min 54 s&apos;</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>EndReason</name>
    <message>
        <location filename="../../necktimer/core/rules.py" line="73"/>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="74"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="75"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="76"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="47"/>
        <source>Oldest first</source>
        <translation>Älteste zuerst</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="48"/>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="50"/>
        <source>Heat first</source>
        <translation>Wärme zuerst</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="51"/>
        <source>Ice first</source>
        <translation>Eis zuerst</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="52"/>
        <source>Shortest first</source>
        <translation>Kürzeste zuerst</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="53"/>
        <source>Longest first</source>
        <translation>Längste zuerst</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="54"/>
        <source>Lowest first</source>
        <translation>Niedrigste zuerst</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="55"/>
        <source>Highest first</source>
        <translation>Höchste zuerst</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="56"/>
        <source>A to Z</source>
        <translation>A bis Z</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="56"/>
        <source>Z to A</source>
        <translation>Z bis A</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="59"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="60"/>
        <source>Therapy</source>
        <translation>Therapie</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="61"/>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="62"/>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="63"/>
        <source>Pain before</source>
        <translation>Schmerz vorher</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="65"/>
        <source>Pain after</source>
        <translation>Schmerz nachher</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="67"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="249"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="235"/>
        <location filename="../../necktimer/ui/history_model.py" line="252"/>
        <source>%1 (%2)</source>
        <comment>length (how it ended)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="255"/>
        <source>%1, pack off %2 late</source>
        <translation>%1, Auflage %2 zu spät abgenommen</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="205"/>
        <source>no note</source>
        <translation>keine Notiz</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="206"/>
        <source>not rated</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="209"/>
        <source>Saved — %1: %2 (session of %3).</source>
        <translation>Gespeichert — %1: %2 (Anwendung vom %3).</translation>
    </message>
</context>
<context>
    <name>HistoryText</name>
    <message numerus="yes">
        <location filename="../../necktimer/ui/history_window.py" line="64"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Anwendung</numerusform>
            <numerusform>%n Anwendungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="204"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="216"/>
        <source>Drag to share the room between the sessions and the chart</source>
        <translation>Ziehen, um den Platz zwischen den Anwendungen und dem Diagramm aufzuteilen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="261"/>
        <source>Ice and heat</source>
        <translation>Eis und Wärme</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="262"/>
        <source>Ice only</source>
        <translation>Nur Eis</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="263"/>
        <source>Heat only</source>
        <translation>Nur Wärme</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="264"/>
        <source>Show therapy</source>
        <translation>Angezeigte Therapie</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="265"/>
        <source>&amp;All dates</source>
        <translation>&amp;Gesamter Zeitraum</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="270"/>
        <source>From date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="270"/>
        <source>To date</source>
        <translation>Enddatum</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="276"/>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="282"/>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="282"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="310"/>
        <source>Sessions</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="312"/>
        <source>The Menu key or Shift+F10 offers the orders to sort by.</source>
        <translation>Die Menütaste oder Umschalt+F10 bietet die Sortierungen an.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="335"/>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="336"/>
        <source>Save &amp;PDF summary for a physician…</source>
        <translation>&amp;PDF-Zusammenfassung für den Arztbesuch speichern…</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="240"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="242"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="399"/>
        <source>%1 · %2</source>
        <comment>the count of sessions, then their order</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="446"/>
        <source>Save as</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="454"/>
        <source>Saved %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="456"/>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>Instance</name>
    <message>
        <location filename="../../necktimer/instance.py" line="78"/>
        <source>%1 is not a folder (it may be a link someone else made).</source>
        <translation>%1 ist kein Ordner (möglicherweise ein Link, den jemand anderes angelegt hat).</translation>
    </message>
    <message>
        <location filename="../../necktimer/instance.py" line="81"/>
        <source>%1 belongs to another user.</source>
        <translation>%1 gehört einem anderen Benutzer.</translation>
    </message>
    <message>
        <location filename="../../necktimer/instance.py" line="330"/>
        <source>%1 is held by another user&apos;s program; its answers are not trusted.</source>
        <translation>%1 wird vom Programm eines anderen Benutzers belegt; seinen Antworten wird nicht vertraut.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/instance_server.py" line="206"/>
        <source>Not done: this reached the window after the terminal had stopped waiting for it (the window was held up, or its clock runs apart from this terminal&apos;s). Nothing changed.</source>
        <translation>Nicht ausgeführt: Dies erreichte das Fenster erst, nachdem das Terminal nicht mehr darauf wartete (das Fenster war aufgehalten, oder seine Uhr geht anders als die dieses Terminals). Nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>LastAppliedQuestion</name>
    <message>
        <location filename="../../necktimer/ui/last_applied.py" line="36"/>
        <source>necktimer lost its session history. When did you last take off an ice or heat pack?</source>
        <translation>necktimer hat seinen Verlauf verloren. Wann haben Sie zuletzt eine Kälte- oder Wärmeauflage abgenommen?</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/last_applied.py" line="47"/>
        <source>Or at &amp;this time (the most recent):</source>
        <translation>Oder um diese Uhr&amp;zeit (das letzte Mal):</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/last_applied.py" line="49"/>
        <source>Time the pack came off</source>
        <translation>Uhrzeit, zu der die Auflage abgenommen wurde</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/last_applied.py" line="52"/>
        <source>Sa&amp;ve</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/last_applied.py" line="53"/>
        <source>Save the time</source>
        <translation>Uhrzeit speichern</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/last_applied.py" line="63"/>
        <source>More than %1 ago (or never)</source>
        <translation>Vor mehr als %1 (oder nie)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="96"/>
        <source>Ctrl+I</source>
        <comment>Start ice: not the initial of the word for heat</comment>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="97"/>
        <source>Ctrl+H</source>
        <comment>Start heat: not the initial of the word for ice</comment>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="385"/>
        <source>Start ice</source>
        <translation>Eis starten</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="385"/>
        <source>Start heat</source>
        <translation>Wärme starten</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="106"/>
        <source>Why not now</source>
        <translation>Warum nicht jetzt</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="386"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="156"/>
        <location filename="../../necktimer/ui/main_window.py" line="388"/>
        <location filename="../../necktimer/ui/main_window.py" line="473"/>
        <source>Done — removed</source>
        <translation>Erledigt — abgenommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="395"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="394"/>
        <source>Self-care tips</source>
        <translation>Tipps zur Selbsthilfe</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="130"/>
        <source>&amp;About %1</source>
        <comment>Help menu</comment>
        <translation>Ü&amp;ber %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="134"/>
        <source>&amp;Session</source>
        <translation>&amp;Behandlung</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="143"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="155"/>
        <location filename="../../necktimer/ui/main_window.py" line="472"/>
        <source>Done — &amp;removed</source>
        <translation>Erledigt — &amp;abgenommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="165"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="165"/>
        <source>Undo the stop</source>
        <translation>Stopp rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="170"/>
        <source>&amp;Dismiss</source>
        <translation>A&amp;usblenden</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="170"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="173"/>
        <source>Open the &amp;physician tip</source>
        <translation>&amp;Tipp zum Arztbesuch öffnen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="174"/>
        <source>Open the physician tip</source>
        <translation>Tipp zum Arztbesuch öffnen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="176"/>
        <source>Remind me to&amp;morrow</source>
        <translation>&amp;Morgen erinnern</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="177"/>
        <source>Remind me tomorrow</source>
        <translation>Morgen erinnern</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="371"/>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="372"/>
        <source>A timer for ice and heat on a sore neck: each session ends by itself within 15 minutes, and the next may start 2 hours after it.</source>
        <translation>Ein Timer für Kälte und Wärme bei einem schmerzenden Nacken: Jede Anwendung endet von selbst nach höchstens 15 Minuten, und die nächste darf 2 Stunden danach beginnen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="376"/>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="387"/>
        <source>Undo a stop (for 10 seconds)</source>
        <translation>Stopp rückgängig machen (10 Sekunden lang)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="389"/>
        <source>It came off at the end (offered when confirmed late)</source>
        <translation>Zum Ende abgenommen (angeboten, wenn spät bestätigt)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="391"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="392"/>
        <source>Close History</source>
        <translation>Verlauf schließen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="393"/>
        <source>Sort History (on its table)</source>
        <translation>Verlauf sortieren (in der Tabelle)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="394"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="399"/>
        <source>Tab moves between controls; the arrow keys move between tip topics.</source>
        <translation>Tab wechselt zwischen den Bedienelementen, die Pfeiltasten zwischen den Tipp-Themen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="436"/>
        <source>The gap is over: you may apply ice or heat again.</source>
        <translation>Die Pause ist vorbei: Sie dürfen wieder Eis oder Wärme anwenden.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="470"/>
        <source>Done — removed now</source>
        <translation>Erledigt — jetzt abgenommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="512"/>
        <source>%1 Type a number from 0 to 10 and press Enter, or Tab to the ratings.</source>
        <translation>%1 Geben Sie eine Zahl von 0 bis 10 ein und drücken Sie die Eingabetaste, oder gehen Sie mit Tab zu den Bewertungen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="390"/>
        <location filename="../../necktimer/ui/main_window.py" line="464"/>
        <source>It came off &amp;at %1</source>
        <translation>Um %1 abge&amp;nommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="100"/>
        <source>Start &amp;ice</source>
        <comment>Session menu</comment>
        <translation>&amp;Eis starten</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="102"/>
        <source>Start &amp;heat</source>
        <comment>Session menu</comment>
        <translation>&amp;Wärme starten</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="113"/>
        <source>St&amp;op</source>
        <comment>Session menu</comment>
        <translation>St&amp;opp</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="114"/>
        <source>&amp;Undo stop</source>
        <comment>Session menu</comment>
        <translation>Stopp &amp;rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="116"/>
        <source>&amp;Done — removed</source>
        <comment>Session menu</comment>
        <translation>Erle&amp;digt — abgenommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="118"/>
        <source>His&amp;tory…</source>
        <comment>Session menu</comment>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="120"/>
        <source>&amp;Settings…</source>
        <comment>Session menu</comment>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="122"/>
        <source>&amp;Quit</source>
        <comment>Session menu</comment>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="124"/>
        <source>&amp;Self-care tips</source>
        <comment>Help menu</comment>
        <translation>&amp;Tipps zur Selbsthilfe</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="126"/>
        <source>When to see a &amp;physician</source>
        <comment>Help menu</comment>
        <translation>Wann zum &amp;Arzt</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="128"/>
        <source>&amp;Keyboard shortcuts</source>
        <comment>Help menu</comment>
        <translation>Tasten&amp;kürzel</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="466"/>
        <source>The pack came off at %1, when the session ended</source>
        <translation>Die Auflage wurde um %1 abgenommen, als die Anwendung endete</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="468"/>
        <source>Done — &amp;removed now</source>
        <comment>instead of: Done — &amp;removed (same button)</comment>
        <translation>Erledigt — jetzt &amp;abgenommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="482"/>
        <source>%1 Remove the ice pack if it is still on.</source>
        <translation>%1 Nehmen Sie die Kälteauflage ab, falls sie noch aufliegt.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="484"/>
        <source>%1 Remove the heat pack if it is still on.</source>
        <translation>%1 Nehmen Sie die Wärmeauflage ab, falls sie noch aufliegt.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="487"/>
        <source>Time&apos;s up — remove the ice pack now.</source>
        <translation>Zeit ist um — nehmen Sie die Kälteauflage jetzt ab.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="488"/>
        <source>Time&apos;s up — remove the heat pack now.</source>
        <translation>Zeit ist um — nehmen Sie die Wärmeauflage jetzt ab.</translation>
    </message>
</context>
<context>
    <name>NoteDelegate</name>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="109"/>
        <source>Note, at most %1 characters</source>
        <translation>Notiz, höchstens %1 Zeichen</translation>
    </message>
</context>
<context>
    <name>PainDelegate</name>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="91"/>
        <source>Pain, 0 to 10 (empty: not rated)</source>
        <translation>Schmerz, 0 bis 10 (leer: nicht bewertet)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="97"/>
        <source>Pain is rated from 0 to 10.</source>
        <translation>Schmerz wird von 0 bis 10 bewertet.</translation>
    </message>
</context>
<context>
    <name>PainPrompt</name>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="50"/>
        <source>Pain %1 of 10</source>
        <translation>Schmerz %1 von 10</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="54"/>
        <source>No pain</source>
        <translation>Kein Schmerz</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="55"/>
        <source>The worst pain imaginable</source>
        <translation>Der schlimmste vorstellbare Schmerz</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="65"/>
        <source>S&amp;kip</source>
        <translation>Über&amp;springen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="66"/>
        <source>Skip the pain rating</source>
        <translation>Schmerzbewertung überspringen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="74"/>
        <source>0 = no pain · 10 = worst imaginable · optional, editable later in History</source>
        <translation>0 = kein Schmerz · 10 = schlimmster vorstellbarer Schmerz · optional, später im Verlauf änderbar</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="92"/>
        <source>How bad was the pain just before the pack went on?</source>
        <translation>Wie stark war der Schmerz, kurz bevor die Auflage aufgelegt wurde?</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="94"/>
        <source>The pack is off. How bad is the pain now?</source>
        <translation>Die Auflage ist ab. Wie stark ist der Schmerz jetzt?</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../necktimer/core/report.py" line="40"/>
        <source>Your ice session ended at %1 while %2 was closed.</source>
        <translation>Ihre Eisanwendung endete um %1, während %2 geschlossen war.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/report.py" line="42"/>
        <source>Your heat session ended at %1 while %2 was closed.</source>
        <translation>Ihre Wärmeanwendung endete um %1, während %2 geschlossen war.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="50"/>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="59"/>
        <location filename="../../necktimer/ui/pdf_report.py" line="64"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="61"/>
        <source>%1, pack off %2 late</source>
        <translation>%1, Auflage %2 zu spät abgenommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="81"/>
        <source>none of the signs</source>
        <translation>keines der Anzeichen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="88"/>
        <source>The warning-sign checklist was not answered.</source>
        <translation>Die Liste der Warnzeichen wurde nicht beantwortet.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="92"/>
        <source>%1 (and %2)</source>
        <translation>%1 (und %2)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="93"/>
        <source>ice and heat, at most %1 minutes each, %2 apart</source>
        <translation>Eis und Wärme, jeweils höchstens %1 Minuten, im Abstand von %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="96"/>
        <location filename="../../necktimer/ui/pdf_report.py" line="156"/>
        <source>Neck pain diary — summary for a physician visit</source>
        <translation>Nackenschmerz-Tagebuch — Zusammenfassung für den Arztbesuch</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="97"/>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="98"/>
        <source>Sessions:</source>
        <translation>Anwendungen:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="99"/>
        <source>Pain trend:</source>
        <translation>Schmerzverlauf:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="100"/>
        <source>Generated:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="101"/>
        <source>Warning signs reported</source>
        <translation>Angegebene Warnzeichen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="103"/>
        <source>Shown:</source>
        <translation>Gezeigt:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="104"/>
        <source>Pain trend (all sessions):</source>
        <translation>Schmerzverlauf (alle Anwendungen):</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="119"/>
        <source>ice sessions only</source>
        <translation>nur Eis-Anwendungen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="120"/>
        <source>heat sessions only</source>
        <translation>nur Wärme-Anwendungen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="105"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="106"/>
        <source>Sessions</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="107"/>
        <source>Pain before, mean (0–10)</source>
        <translation>Schmerz vorher, Mittel (0–10)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="108"/>
        <source>Pain after, mean (0–10)</source>
        <translation>Schmerz nachher, Mittel (0–10)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="109"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="110"/>
        <source>Therapy</source>
        <translation>Therapie</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="111"/>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="112"/>
        <source>Ended</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="113"/>
        <source>Pain before</source>
        <translation>Schmerz vorher</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="114"/>
        <source>Pain after</source>
        <translation>Schmerz nachher</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="115"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="116"/>
        <source>Recorded by the patient.</source>
        <translation>Von der betroffenen Person selbst erfasst.</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message numerus="yes">
        <location filename="../../necktimer/ui/pdf_report.py" line="31"/>
        <source>%n cancelled mis-start(s), not counted</source>
        <translation>
            <numerusform>%n abgebrochener Fehlstart, nicht gezählt</numerusform>
            <numerusform>%n abgebrochene Fehlstarts, nicht gezählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../necktimer/ui/pdf_report.py" line="34"/>
        <source>… and %n earlier session(s) (see the CSV export).</source>
        <translation>
            <numerusform>… und %n frühere Anwendung (siehe CSV-Export).</numerusform>
            <numerusform>… und %n frühere Anwendungen (siehe CSV-Export).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../necktimer/ui/pdf_report.py" line="37"/>
        <source>Sessions and pain per day (last %n day(s))</source>
        <translation>
            <numerusform>Anwendungen und Schmerz pro Tag (letzter %n Tag)</numerusform>
            <numerusform>Anwendungen und Schmerz pro Tag (letzte %n Tage)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../../necktimer/core/rules.py" line="357"/>
        <source>The length must be a whole number of minutes, not %1.</source>
        <translation>Die Dauer muss eine ganze Zahl von Minuten sein, nicht %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="360"/>
        <source>A session lasts %1 to %2 minutes; %3 is not allowed.</source>
        <translation>Eine Anwendung dauert %1 bis %2 Minuten; %3 ist nicht erlaubt.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="368"/>
        <source>You may start a session now.</source>
        <translation>Sie dürfen jetzt eine Anwendung starten.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="376"/>
        <source>The ice session is still running.</source>
        <translation>Die Eisanwendung läuft noch.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="378"/>
        <source>The heat session is still running.</source>
        <translation>Die Wärmeanwendung läuft noch.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="380"/>
        <location filename="../../necktimer/core/rules.py" line="385"/>
        <source>%1 %2</source>
        <comment>two sentences</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="383"/>
        <source>Ice or heat should stay off the skin for %1 after a session.</source>
        <translation>Nach einer Anwendung sollte die Haut %1 lang ohne Eis oder Wärme bleiben.</translation>
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <location filename="../../necktimer/core/service.py" line="318"/>
        <source>The session history in %1 was missing or empty. The latest sessions were restored from the safety record; older ones, with their pain ratings and notes, are gone.</source>
        <translation>Der Anwendungsverlauf in %1 fehlte oder war leer. Die letzten Anwendungen wurden aus der Sicherheitsaufzeichnung wiederhergestellt; ältere, mit ihren Schmerzbewertungen und Notizen, sind verloren.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="642"/>
        <source>No session is running.</source>
        <translation>Es läuft keine Anwendung.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="686"/>
        <source>There is no stop to undo.</source>
        <translation>Es gibt keinen Stopp, der rückgängig gemacht werden könnte.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="695"/>
        <source>It is too late to undo that stop.</source>
        <translation>Es ist zu spät, um diesen Stopp rückgängig zu machen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="712"/>
        <source>The stop could not be undone: %1 Take the pack off.</source>
        <translation>Das Stoppen konnte nicht rückgängig gemacht werden: %1 Nehmen Sie die Auflage ab.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="717"/>
        <source>Stop undone: the session goes on until %1.</source>
        <translation>Stopp rückgängig gemacht: Die Anwendung läuft weiter bis %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="800"/>
        <source>That time is in the future.</source>
        <translation>Diese Uhrzeit liegt in der Zukunft.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="809"/>
        <source>You already said a pack came off at %1; that still counts. %2</source>
        <translation>Sie haben schon angegeben, dass eine Auflage um %1 abgenommen wurde; das gilt weiter. %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="560"/>
        <location filename="../../necktimer/core/service.py" line="1279"/>
        <source>The history cannot be written right now.</source>
        <translation>Der Verlauf kann gerade nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="118"/>
        <source>Not saved yet: %1. %2</source>
        <translation>Noch nicht gespeichert: %1. %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="382"/>
        <source>Until the next session starts, the gap stays %1, the gap the last session ended under.</source>
        <translation>Bis zur nächsten Anwendung bleibt die Pause bei %1, der Pause, unter der die letzte Anwendung endete.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="621"/>
        <source>No session was started: the history %1 holds a session that is still open but whose start cannot be read, so a pack may still be on.</source>
        <translation>Es wurde keine Anwendung gestartet: Der Verlauf %1 enthält eine noch offene Anwendung, deren Beginn nicht lesbar ist; es kann also noch eine Auflage aufliegen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="655"/>
        <source>the stop</source>
        <translation>das Stoppen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="702"/>
        <source>the undo</source>
        <translation>das Rückgängigmachen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="739"/>
        <source>that the pack is off</source>
        <translation>dass die Auflage ab ist</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="759"/>
        <source>a pain rating</source>
        <translation>eine Schmerzbewertung</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="772"/>
        <source>a note</source>
        <translation>eine Notiz</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="783"/>
        <source>the warning-sign answers</source>
        <translation>die Antworten zu den Warnzeichen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="790"/>
        <source>the reminder&apos;s snooze</source>
        <translation>das Aufschieben der Erinnerung</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="829"/>
        <source>when the last pack came off</source>
        <translation>wann die letzte Auflage abgenommen wurde</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1033"/>
        <source>The history %1 held a session that was still open but whose start cannot be read. A pack may still be on: that session was ended now, and the gap runs from when you confirm the pack is off.</source>
        <translation>Der Verlauf %1 enthielt eine noch offene Anwendung, deren Beginn nicht lesbar ist. Es kann noch eine Auflage aufliegen: Diese Anwendung wurde jetzt beendet, und die Pause läuft ab Ihrer Bestätigung, dass die Auflage abgenommen ist.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1090"/>
        <source>The spare copy of the safety record could not be written to %1 (%2). If the data folder were deleted now, the gap could not be restored from it.</source>
        <translation>Die Ersatzkopie der Sicherheitsaufzeichnung konnte nicht nach %1 geschrieben werden (%2). Würde der Datenordner jetzt gelöscht, ließe sich die Pause nicht aus ihr wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1124"/>
        <source>The safety record %1 could not be read; its copy %2 was used.</source>
        <translation>Die Sicherheitsaufzeichnung %1 konnte nicht gelesen werden; ihre Kopie %2 wurde verwendet.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1185"/>
        <source>The data folder %1 holds another history than the one necktimer last used there. The latest sessions of that one, from the copy of its safety record (%2), still count for the gap.</source>
        <translation>Der Datenordner %1 enthält einen anderen Verlauf als den, den necktimer dort zuletzt verwendet hat. Dessen letzte Anwendungen aus der Kopie seiner Sicherheitsaufzeichnung (%2) zählen weiter für die Pause.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1191"/>
        <source>The data folder %1 holds older sessions than necktimer&apos;s copy of its safety record (%2), as after a backup was put back. The newer sessions in the copy count for the gap.</source>
        <translation>Der Datenordner %1 enthält ältere Anwendungen als necktimers Kopie seiner Sicherheitsaufzeichnung (%2), wie nach dem Zurückspielen einer Sicherung. Die neueren Anwendungen aus der Kopie zählen für die Pause.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1281"/>
        <source>No session was started: %1</source>
        <translation>Es wurde keine Anwendung gestartet: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1329"/>
        <source>The data folder was deleted while necktimer was running; it was made again with the history necktimer still had open.</source>
        <translation>Der Datenordner wurde gelöscht, während necktimer lief; er wurde mit dem Verlauf neu angelegt, den necktimer noch geöffnet hatte.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1352"/>
        <source>The data folder was replaced while necktimer was running; the history put there was kept, and the sessions necktimer had open were added to it.</source>
        <translation>Der Datenordner wurde ersetzt, während necktimer lief; der dort abgelegte Verlauf wurde behalten, und die Anwendungen, die necktimer offen hatte, wurden ergänzt.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1410"/>
        <source>Ice session started: take the ice pack off at %1 (in %2).</source>
        <translation>Eisanwendung gestartet: Nehmen Sie die Kälteauflage um %1 ab (in %2).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1413"/>
        <source>Heat session started: take the heat pack off at %1 (in %2).</source>
        <translation>Wärmeanwendung gestartet: Nehmen Sie die Wärmeauflage um %1 ab (in %2).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1419"/>
        <source>%1 It is shorter than you asked, because ice or heat was already applied since the last full break; the total stays within %2.</source>
        <translation>%1 Sie ist kürzer als gewünscht, weil seit der letzten vollen Pause schon Eis oder Wärme angewendet wurde; insgesamt bleibt es bei höchstens %2.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1429"/>
        <source>Ice session cancelled within its first minute: it starts no gap, but its time counts toward the next session&apos;s %1.</source>
        <translation>Eisanwendung in der ersten Minute abgebrochen: Sie löst keine Pause aus, aber ihre Zeit zählt zu den %1 der nächsten Anwendung.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1433"/>
        <source>Heat session cancelled within its first minute: it starts no gap, but its time counts toward the next session&apos;s %1.</source>
        <translation>Wärmeanwendung in der ersten Minute abgebrochen: Sie löst keine Pause aus, aber ihre Zeit zählt zu den %1 der nächsten Anwendung.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1438"/>
        <source>Ice session stopped. %1</source>
        <translation>Eisanwendung gestoppt. %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1440"/>
        <source>Heat session stopped. %1</source>
        <translation>Wärmeanwendung gestoppt. %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1448"/>
        <source>Noted: a pack came off today at %1. %2</source>
        <translation>Notiert: Eine Auflage wurde heute um %1 abgenommen. %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1450"/>
        <source>Noted: a pack came off yesterday at %1. %2</source>
        <translation>Notiert: Eine Auflage wurde gestern um %1 abgenommen. %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1452"/>
        <source>Noted: a pack came off on %1 at %2. %3</source>
        <translation>Notiert: Eine Auflage wurde am %1 um %2 abgenommen. %3</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="64"/>
        <source>Countdown</source>
        <translation>Countdown</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="94"/>
        <source>Start &amp;ice</source>
        <translation>&amp;Eis starten</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="94"/>
        <source>Start ice</source>
        <translation>Eis starten</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="96"/>
        <source>Start h&amp;eat</source>
        <translation>&amp;Wärme starten</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="96"/>
        <source>Start heat</source>
        <translation>Wärme starten</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="98"/>
        <source>St&amp;op</source>
        <translation>St&amp;opp</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="98"/>
        <source>Stop the session</source>
        <translation>Anwendung stoppen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="104"/>
        <source>&amp;Length:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="107"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="108"/>
        <source>Session length in minutes</source>
        <translation>Dauer der Anwendung in Minuten</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="116"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="117"/>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="301"/>
        <source>This session lasts %1.</source>
        <translation>Diese Anwendung dauert %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="303"/>
        <source>Mis-starts since the last full break used part of the 15 minutes: the next session lasts at most %1.</source>
        <translation>Fehlstarts seit der letzten vollen Pause haben einen Teil der 15 Minuten verbraucht: Die nächste Anwendung dauert höchstens %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="307"/>
        <source>How long the next session lasts: %1 to %2 minutes.</source>
        <translation>Dauer der nächsten Anwendung: %1 bis %2 Minuten.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="325"/>
        <source>Off now</source>
        <translation>Zeit ist um</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="326"/>
        <source>remove the ice pack</source>
        <translation>Kälteauflage abnehmen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="327"/>
        <source>remove the heat pack</source>
        <translation>Wärmeauflage abnehmen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="330"/>
        <source>1 minute left — get ready</source>
        <translation>Noch 1 Minute — bereit machen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="332"/>
        <source>Ice · off at %1</source>
        <translation>Eis · abnehmen um %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="334"/>
        <source>Heat · off at %1</source>
        <translation>Wärme · abnehmen um %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="342"/>
        <source>until the next session, at %1</source>
        <translation>bis zur nächsten Anwendung, um %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="346"/>
        <source>when did the last pack come off?</source>
        <translation>wann wurde die letzte Auflage abgenommen?</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="348"/>
        <source>start ice or heat when you like</source>
        <translation>Eis oder Wärme starten, wann Sie möchten</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="351"/>
        <source>see a doctor first</source>
        <translation>zuerst zum Arzt</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="353"/>
        <source>next session: at most %1</source>
        <translation>nächste Anwendung: höchstens %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="357"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../necktimer/core/settings.py" line="65"/>
        <source>Setting %1=%2 is not true or false; using %3.</source>
        <translation>Einstellung %1=%2 ist weder true noch false; verwendet wird %3.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/settings.py" line="74"/>
        <source>Setting %1=%2 is not one of %3; using %4.</source>
        <translation>Einstellung %1=%2 ist keiner der Werte %3; verwendet wird %4.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/settings.py" line="83"/>
        <source>Setting %1=%2 is not a whole number; using %3.</source>
        <translation>Einstellung %1=%2 ist keine ganze Zahl; verwendet wird %3.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/settings.py" line="89"/>
        <source>Setting %1=%2 is outside the safe range %3–%4; using %5.</source>
        <translation>Einstellung %1=%2 liegt außerhalb des sicheren Bereichs %3–%4; verwendet wird %5.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/settings.py" line="152"/>
        <source>it is UTF-16 text, not UTF-8</source>
        <translation>sie ist UTF-16-Text, nicht UTF-8</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/settings.py" line="156"/>
        <location filename="../../necktimer/core/settings.py" line="158"/>
        <source>it is not UTF-8 text</source>
        <translation>sie ist kein UTF-8-Text</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/settings.py" line="159"/>
        <source>none of its lines is a setting necktimer knows</source>
        <translation>keine ihrer Zeilen ist eine Einstellung, die necktimer kennt</translation>
    </message>
    <message>
        <location filename="../../necktimer/settings_io.py" line="67"/>
        <source>%1 cannot be used (%2); the default settings apply.</source>
        <translation>%1 kann nicht verwendet werden (%2); es gelten die Standardeinstellungen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/settings_io.py" line="80"/>
        <source>The settings file could not be read (%1); the default settings apply.</source>
        <translation>Die Einstellungsdatei konnte nicht gelesen werden (%1); es gelten die Standardeinstellungen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/settings_io.py" line="84"/>
        <source>Some lines of the settings file are not UTF-8 text: they were skipped, and stay in the file as they are.</source>
        <translation>Einige Zeilen der Einstellungsdatei sind kein UTF-8-Text: Sie wurden übersprungen und bleiben unverändert in der Datei.</translation>
    </message>
    <message>
        <location filename="../../necktimer/settings_io.py" line="107"/>
        <source>The settings could not be saved to %1. They apply now, necktimer tries again, and quitting asks first while they are not saved.</source>
        <translation>Die Einstellungen konnten nicht in %1 gespeichert werden. Sie gelten schon jetzt, necktimer versucht es erneut, und beim Beenden wird vorher gefragt, solange sie nicht gespeichert sind.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="39"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="45"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="47"/>
        <source>Session length in minutes</source>
        <translation>Dauer einer Anwendung in Minuten</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="48"/>
        <source>Session &amp;length:</source>
        <translation>&amp;Dauer einer Anwendung:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="53"/>
        <source>Gap between sessions</source>
        <translation>Pause zwischen Anwendungen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="54"/>
        <source>At least %1; you may make it longer, not shorter.</source>
        <translation>Mindestens %1; Sie können sie verlängern, aber nicht verkürzen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="56"/>
        <source>&amp;Gap between sessions:</source>
        <translation>&amp;Pause zwischen Anwendungen:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="58"/>
        <source>Play a &amp;sound when a session ends</source>
        <translation>&amp;Ton abspielen, wenn eine Anwendung endet</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="59"/>
        <source>Warn one minute &amp;before the end</source>
        <translation>Eine Minute vor dem Ende &amp;warnen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="61"/>
        <source>&amp;Remind me when I may apply ice or heat again</source>
        <translation>E&amp;rinnern, wenn ich wieder Eis oder Wärme anwenden darf</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="63"/>
        <source>&amp;Keep running in the system tray when the window closes</source>
        <translation>In der Systemleiste weiter&amp;laufen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="66"/>
        <source>This desktop has no system tray.</source>
        <translation>Diese Arbeitsumgebung hat keine Systemleiste.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="67"/>
        <source>Start at l&amp;ogin (in the tray)</source>
        <translation>Beim An&amp;melden starten (in der Systemleiste)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="68"/>
        <source>Ask how bad the &amp;pain is (pain diary)</source>
        <translation>Nach der Schmerzstärke &amp;fragen (Schmerztagebuch)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="69"/>
        <source>Also ask be&amp;fore the pack goes on</source>
        <translation>Auch &amp;vor dem Auflegen fragen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="84"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="84"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="85"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="88"/>
        <source>Colour scheme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="92"/>
        <source>The system&apos;s language</source>
        <translation>Die Sprache des Systems</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="96"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="97"/>
        <source>Lang&amp;uage:</source>
        <translation>Spr&amp;ache:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="98"/>
        <source>A new language applies the next time necktimer starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von necktimer.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="161"/>
        <source>As the language writes it (%1)</source>
        <translation>Wie die Sprache sie schreibt (%1)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="162"/>
        <source>24-hour (%1)</source>
        <translation>24 Stunden (%1)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="162"/>
        <source>12-hour (%1)</source>
        <translation>12 Stunden (%1)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="107"/>
        <source>Time format</source>
        <translation>Uhrzeitformat</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="89"/>
        <source>Colour sc&amp;heme:</source>
        <translation>Farb&amp;schema:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="108"/>
        <source>&amp;Time format:</source>
        <translation>&amp;Uhrzeitformat:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="116"/>
        <source>Sessions</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="116"/>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="117"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="121"/>
        <source>A session never lasts more than %1 minutes, and the gap is never shorter than %2.</source>
        <translation>Eine Anwendung dauert nie länger als %1 Minuten, und die Pause ist nie kürzer als %2.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="125"/>
        <source>A shorter gap applies from the next session: the gap already running stays as it is.</source>
        <translation>Eine kürzere Pause gilt ab der nächsten Anwendung: Die laufende Pause bleibt, wie sie ist.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../necktimer/ui/shortcuts_dialog.py" line="29"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>SortMenu</name>
    <message>
        <location filename="../../necktimer/ui/sort_menu.py" line="30"/>
        <source>Sort by %1</source>
        <translation>Nach %1 sortieren</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/sort_menu.py" line="82"/>
        <source>%1: %2</source>
        <comment>a column, then how its rows run</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../necktimer/core/rules.py" line="236"/>
        <source>Your session history was lost: please say when the last pack came off before starting a session.</source>
        <translation>Ihr Verlauf ist verloren gegangen: Bitte geben Sie an, wann die letzte Auflage abgenommen wurde, bevor Sie eine Anwendung starten.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="240"/>
        <source>Ready: the next session may last at most %1, because ice or heat was already applied since the last full break.</source>
        <translation>Bereit: Die nächste Anwendung darf höchstens %1 dauern, weil seit der letzten vollen Pause schon Eis oder Wärme angewendet wurde.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="244"/>
        <source>Ready: you may start an ice or heat session now.</source>
        <translation>Bereit: Sie dürfen jetzt eine Eis- oder Wärmeanwendung starten.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="248"/>
        <source>Ice session running: it ends at %1 (in %2). Next session allowed at %3.</source>
        <translation>Eisanwendung läuft: sie endet um %1 (in %2). Nächste Anwendung erlaubt ab %3.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="251"/>
        <source>Heat session running: it ends at %1 (in %2). Next session allowed at %3.</source>
        <translation>Wärmeanwendung läuft: sie endet um %1 (in %2). Nächste Anwendung erlaubt ab %3.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="257"/>
        <source>Next session allowed %1 after the pack comes off (at %2 if it is off now).</source>
        <translation>Nächste Anwendung erlaubt %1 nach dem Abnehmen der Auflage (ab %2, wenn Sie sie jetzt abnehmen).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="266"/>
        <source>Next session allowed at %1 (in %2).</source>
        <translation>Nächste Anwendung erlaubt ab %1 (in %2).</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <location filename="../../necktimer/core/database.py" line="186"/>
        <source>Another program is holding the session history (%1) open.</source>
        <translation>Ein anderes Programm hält den Verlauf (%1) geöffnet.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="189"/>
        <source>The disk holding the session history (%1) is full.</source>
        <translation>Der Datenträger mit dem Verlauf (%1) ist voll.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="201"/>
        <source>%1 necktimer cannot save to it right now. Close that program; nothing was renamed or lost.</source>
        <translation>%1 necktimer kann gerade nicht darin speichern. Schließen Sie dieses Programm; nichts wurde umbenannt, nichts ging verloren.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="205"/>
        <source>%1 Free some space; necktimer keeps what it has not saved yet and writes it when it can.</source>
        <translation>%1 Geben Sie Speicherplatz frei; necktimer behält, was noch nicht gespeichert ist, und schreibt es, sobald es kann.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="209"/>
        <source>The session history (%1) disappeared or cannot be reached (%2).</source>
        <translation>Der Verlauf (%1) ist verschwunden oder nicht erreichbar (%2).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="212"/>
        <source>%1 belongs to another program (it is not a necktimer history). necktimer left it unchanged: move it away or choose another folder with --data-dir.</source>
        <translation>%1 gehört zu einem anderen Programm (es ist kein necktimer-Verlauf). necktimer hat die Datei nicht verändert: Verschieben Sie sie, oder wählen Sie mit --data-dir einen anderen Ordner.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="216"/>
        <source>%1 was written by a newer necktimer; update necktimer to use it. It was left unchanged.</source>
        <translation>%1 wurde von einer neueren necktimer-Version geschrieben; aktualisieren Sie necktimer, um die Datei zu verwenden. Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="219"/>
        <source>The session history %1 is damaged (%2).</source>
        <translation>Der Verlauf %1 ist beschädigt (%2).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="221"/>
        <source>necktimer cannot write its session history in %1 (%2). Check that the folder is writable, or choose another with --data-dir. Nothing was changed.</source>
        <translation>necktimer kann seinen Verlauf nicht in %1 schreiben (%2). Prüfen Sie, ob der Ordner beschreibbar ist, oder wählen Sie mit --data-dir einen anderen. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="230"/>
        <source>The safety record (%1) disappeared or cannot be reached (%2).</source>
        <translation>Die Sicherheitsaufzeichnung (%1) ist verschwunden oder nicht erreichbar (%2).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="235"/>
        <source>necktimer cannot write its safety record in %1 (%2). Check that the folder is writable, or choose another with --data-dir.</source>
        <translation>necktimer kann seine Sicherheitsaufzeichnung nicht in %1 schreiben (%2). Prüfen Sie, ob der Ordner beschreibbar ist, oder wählen Sie mit --data-dir einen anderen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="575"/>
        <source>The session history could not be read (%1). The damaged file was kept as %2 in %3 and a new, empty history was started.</source>
        <translation>Der Verlauf konnte nicht gelesen werden (%1). Die beschädigte Datei wurde als %2 in %3 aufbewahrt, und ein neuer, leerer Verlauf wurde begonnen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="233"/>
        <source>The safety record %1 is damaged (%2); the session history is used instead.</source>
        <translation>Die Sicherheitsaufzeichnung %1 ist beschädigt (%2); stattdessen gilt der Verlauf.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/record.py" line="198"/>
        <source>necktimer cannot read its safety record %1 (%2).</source>
        <translation>necktimer kann seine Sicherheitsaufzeichnung %1 nicht lesen (%2).</translation>
    </message>
</context>
<context>
    <name>StorageText</name>
    <message numerus="yes">
        <location filename="../../necktimer/core/database.py" line="112"/>
        <source>The session history could not be read (%1). The damaged file was kept as %2 in %3; the %n session(s) that could still be read were carried over to a new history.</source>
        <translation>
            <numerusform>Der Verlauf konnte nicht gelesen werden (%1). Die beschädigte Datei wurde als %2 in %3 aufbewahrt; die noch lesbare Anwendung (%n) wurde in einen neuen Verlauf übernommen.</numerusform>
            <numerusform>Der Verlauf konnte nicht gelesen werden (%1). Die beschädigte Datei wurde als %2 in %3 aufbewahrt; die %n noch lesbaren Anwendungen wurden in einen neuen Verlauf übernommen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Therapy</name>
    <message>
        <location filename="../../necktimer/core/rules.py" line="60"/>
        <source>Ice</source>
        <translation>Eis</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="61"/>
        <source>Heat</source>
        <translation>Wärme</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <location filename="../../necktimer/core/i18n.py" line="306"/>
        <source>%1 %2</source>
        <comment>a date, then a time of day</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>Times</name>
    <message>
        <location filename="../../necktimer/core/i18n.py" line="239"/>
        <source>%1 yesterday</source>
        <translation>%1 (gestern)</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/i18n.py" line="260"/>
        <source>%1 tomorrow</source>
        <translation>morgen %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/i18n.py" line="241"/>
        <location filename="../../necktimer/core/i18n.py" line="262"/>
        <source>%1 on %2</source>
        <translation>%1 am %2</translation>
    </message>
</context>
<context>
    <name>TipsPanel</name>
    <message>
        <location filename="../../necktimer/ui/tips_panel.py" line="52"/>
        <source>Self-care tips</source>
        <translation>Tipps zur Selbsthilfe</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tips_panel.py" line="62"/>
        <source>Tip topics</source>
        <translation>Tipp-Themen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tips_panel.py" line="222"/>
        <source>Get care at once</source>
        <translation>Sofort ärztliche Hilfe holen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tips_panel.py" line="224"/>
        <source>Before you take a pain reliever</source>
        <translation>Bevor Sie ein Schmerzmittel nehmen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tips_panel.py" line="226"/>
        <source>General precautions for packs</source>
        <translation>Allgemeine Vorsichtsmaßnahmen für Auflagen</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="105"/>
        <source>%1 · Time&apos;s up — remove the ice pack</source>
        <translation>%1 · Zeit ist um — Kälteauflage abnehmen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="106"/>
        <source>%1 · Time&apos;s up — remove the heat pack</source>
        <translation>%1 · Zeit ist um — Wärmeauflage abnehmen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="110"/>
        <source>Ice · 1 minute left — get ready to take it off</source>
        <translation>Eis · noch 1 Minute — gleich abnehmen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="111"/>
        <source>Heat · 1 minute left — get ready to take it off</source>
        <translation>Wärme · noch 1 Minute — gleich abnehmen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="113"/>
        <source>Ice · %1 left</source>
        <translation>Eis · noch %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="115"/>
        <source>Heat · %1 left</source>
        <translation>Wärme · noch %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="118"/>
        <source>%1 · next session at %2</source>
        <translation>%1 · nächste Anwendung ab %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="121"/>
        <source>%1 · when did the last pack come off?</source>
        <translation>%1 · wann wurde die letzte Auflage abgenommen?</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="122"/>
        <source>%1 · ready for ice or heat</source>
        <translation>%1 · bereit für Eis oder Wärme</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="134"/>
        <source>Ice session ends at %1</source>
        <translation>Eisanwendung endet um %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="136"/>
        <source>Heat session ends at %1</source>
        <translation>Wärmeanwendung endet um %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="141"/>
        <source>Next session allowed at %1</source>
        <translation>Nächste Anwendung erlaubt ab %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="144"/>
        <source>History lost: say in the window when the last pack came off</source>
        <translation>Verlauf verloren: Geben Sie im Fenster an, wann die letzte Auflage abgenommen wurde</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="198"/>
        <source>Start ice (%1 min)</source>
        <translation>Eis starten (%1 min)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="201"/>
        <source>Start heat (%1 min)</source>
        <translation>Wärme starten (%1 min)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="223"/>
        <source>It came off at %1</source>
        <translation>Um %1 abgenommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="226"/>
        <source>Done — removed now</source>
        <translation>Erledigt — jetzt abgenommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="169"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="170"/>
        <source>Undo stop</source>
        <translation>Stopp rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="171"/>
        <location filename="../../necktimer/ui/tray.py" line="227"/>
        <source>Done — removed</source>
        <translation>Erledigt — abgenommen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="175"/>
        <source>Show window</source>
        <translation>Fenster anzeigen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="177"/>
        <source>History…</source>
        <translation>Verlauf…</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="178"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="180"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="38"/>
        <source>Sessions and pain over the last 14 days</source>
        <translation>Anwendungen und Schmerz in den letzten 14 Tagen</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="49"/>
        <source>%1 in the last %2 days.</source>
        <translation>%1 in den letzten %2 Tagen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="51"/>
        <source>%1 in the %2 days to %3.</source>
        <translation>%1 in den %2 Tagen bis %3.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="53"/>
        <source>Pain before a session: %1.</source>
        <translation>Schmerz vor einer Anwendung: %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="55"/>
        <source>Pain after a session: %1.</source>
        <translation>Schmerz nach einer Anwendung: %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="60"/>
        <source>%1 on %2</source>
        <translation>%1 am %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="158"/>
        <source>Ice sessions per day (bars, left); pain 0–10 before a session (solid) and after it (dashed), right</source>
        <translation>Eis-Anwendungen pro Tag (Balken, links); Schmerz 0–10 vor einer Anwendung (durchgezogen) und danach (gestrichelt), rechts</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="161"/>
        <source>Heat sessions per day (bars, left); pain 0–10 before a session (solid) and after it (dashed), right</source>
        <translation>Wärme-Anwendungen pro Tag (Balken, links); Schmerz 0–10 vor einer Anwendung (durchgezogen) und danach (gestrichelt), rechts</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="163"/>
        <source>Sessions per day (bars, left); pain 0–10 before a session (solid) and after it (dashed), right</source>
        <translation>Anwendungen pro Tag (Balken, links); Schmerz 0–10 vor einer Anwendung (durchgezogen) und danach (gestrichelt), rechts</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="141"/>
        <source>today</source>
        <translation>heute</translation>
    </message>
</context>
<context>
    <name>WarningSigns</name>
    <message>
        <location filename="../../necktimer/core/diary.py" line="52"/>
        <source>Severe headache</source>
        <translation>Starke Kopfschmerzen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="53"/>
        <source>Swelling</source>
        <translation>Schwellung</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="54"/>
        <source>Nausea</source>
        <translation>Übelkeit</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="55"/>
        <source>Numbness or weakness in an arm</source>
        <translation>Taubheit oder Schwäche in einem Arm</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="56"/>
        <source>Other alarming signs</source>
        <translation>Andere alarmierende Anzeichen</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="68"/>
        <source>You ticked a warning sign: get medical help before another session.</source>
        <translation>Sie haben ein Warnzeichen angekreuzt: Holen Sie ärztliche Hilfe, bevor Sie eine weitere Anwendung beginnen.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="70"/>
        <source>%1 You ticked a warning sign: get medical help now.</source>
        <translation>%1 Sie haben ein Warnzeichen angekreuzt: Holen Sie jetzt ärztliche Hilfe.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/warning_signs.py" line="29"/>
        <source>Do you have any of these with the neck pain?</source>
        <translation>Haben Sie eines dieser Anzeichen zusammen mit den Nackenschmerzen?</translation>
    </message>
</context>
<context>
    <name>WindowText</name>
    <message numerus="yes">
        <location filename="../../necktimer/ui/main_window.py" line="53"/>
        <source>Session stopped at %1. Stopped by mistake? You can undo it for %n second(s).</source>
        <translation>
            <numerusform>Anwendung um %1 gestoppt. Versehentlich? Sie können das %n Sekunde lang rückgängig machen.</numerusform>
            <numerusform>Anwendung um %1 gestoppt. Versehentlich? Sie können das %n Sekunden lang rückgängig machen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Zone</name>
    <message>
        <location filename="../../necktimer/core/machine_zone.py" line="94"/>
        <source>the time zone %1 is a day or more off UTC, which cannot be shown; times are shown in UTC instead</source>
        <translation>die Zeitzone %1 liegt einen Tag oder mehr neben UTC und kann nicht angezeigt werden; Zeiten werden stattdessen in UTC angezeigt</translation>
    </message>
</context>
</TS>
