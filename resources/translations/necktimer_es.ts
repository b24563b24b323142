<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Advice</name>
    <message>
        <location filename="../../necktimer/core/diary.py" line="127"/>
        <source>There are too few pain ratings to tell whether the pain is easing.</source>
        <translation>Hay muy pocas valoraciones del dolor para saber si está disminuyendo.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="130"/>
        <source>The pain is easing (%1 at first, %2 lately, on the 0–10 scale).</source>
        <translation>El dolor está disminuyendo (%1 al principio, %2 últimamente, en la escala de 0 a 10).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="133"/>
        <source>The pain is getting worse (%1 at first, %2 lately, on the 0–10 scale).</source>
        <translation>El dolor está empeorando (%1 al principio, %2 últimamente, en la escala de 0 a 10).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="136"/>
        <source>The pain has not eased (%1 at first, %2 lately, on the 0–10 scale).</source>
        <translation>El dolor no ha disminuido (%1 al principio, %2 últimamente, en la escala de 0 a 10).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="142"/>
        <source>%1 %2 Most spasms ease within about a week: please consult a physician.</source>
        <translation>%1 %2 La mayoría de los espasmos mejoran en una semana más o menos: consulte a un médico.</translation>
    </message>
</context>
<context>
    <name>AdviceText</name>
    <message numerus="yes">
        <location filename="../../necktimer/core/diary.py" line="114"/>
        <source>You have been treating your neck for %n days.</source>
        <translation>
            <numerusform>Lleva %n día tratándose el cuello.</numerusform>
            <numerusform>Lleva %n días tratándose el cuello.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertText</name>
    <message numerus="yes">
        <location filename="../../necktimer/core/alerts.py" line="61"/>
        <source>Reminder %n: %1</source>
        <translation>
            <numerusform>Recordatorio %n: %1</numerusform>
            <numerusform>Recordatorio %n: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../necktimer/core/alerts.py" line="64"/>
        <source>Your %n-minute ice session ended at %1. Take the pack off and check your skin.</source>
        <translation>
            <numerusform>Su sesión de hielo de %n minuto terminó a las %1. Retire la compresa y revise su piel.</numerusform>
            <numerusform>Su sesión de hielo de %n minutos terminó a las %1. Retire la compresa y revise su piel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../necktimer/core/alerts.py" line="68"/>
        <source>Your %n-minute heat session ended at %1. Take the pack off and check your skin.</source>
        <translation>
            <numerusform>Su sesión de calor de %n minuto terminó a las %1. Retire la compresa y revise su piel.</numerusform>
            <numerusform>Su sesión de calor de %n minutos terminó a las %1. Retire la compresa y revise su piel.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="88"/>
        <location filename="../../necktimer/ui/tray.py" line="131"/>
        <source>Time&apos;s up — remove the ice pack</source>
        <translation>Se acabó el tiempo — retire la compresa fría</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="90"/>
        <location filename="../../necktimer/ui/tray.py" line="132"/>
        <source>Time&apos;s up — remove the heat pack</source>
        <translation>Se acabó el tiempo — retire la compresa caliente</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="92"/>
        <source>%1 Take the pack off if it is still on.</source>
        <translation>%1 Retire la compresa si todavía la tiene puesta.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="98"/>
        <source>%1 Clicking this notice tells necktimer it is off.</source>
        <translation>%1 Al hacer clic en este aviso, necktimer anota que la compresa ya está retirada.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="105"/>
        <source>It came off at %1</source>
        <translation>Se retiró a las %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="112"/>
        <source>Reminder: %1</source>
        <translation>Recordatorio: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="118"/>
        <source>1 minute left — get ready to take the ice pack off</source>
        <translation>Queda 1 minuto — prepárese para retirar la compresa fría</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="120"/>
        <source>1 minute left — get ready to take the heat pack off</source>
        <translation>Queda 1 minuto — prepárese para retirar la compresa caliente</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="121"/>
        <source>The session ends at %1.</source>
        <translation>La sesión termina a las %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="127"/>
        <source>You may apply ice or heat again</source>
        <translation>Ya puede volver a aplicar hielo o calor</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="128"/>
        <source>The gap after your last session is over.</source>
        <translation>Terminó la pausa después de su última sesión.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="135"/>
        <location filename="../../necktimer/core/alerts.py" line="145"/>
        <source>The removal was not saved</source>
        <translation>No se guardó la retirada</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="136"/>
        <source>necktimer could not write that the pack is off (is the disk full?). Open necktimer, or run &apos;necktimer done&apos; once it can be saved.</source>
        <translation>necktimer no pudo guardar que la compresa está retirada (¿está lleno el disco?). Abra necktimer, o ejecute &apos;necktimer done&apos; cuando se pueda guardar.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="146"/>
        <source>necktimer is open but does not answer, so it could not be told that the pack is off. Once it answers again it reminds you: confirm there, or run &apos;necktimer done&apos;.</source>
        <translation>necktimer está abierto pero no responde, así que no se le pudo decir que la compresa está retirada. En cuanto vuelva a responder se lo recordará: confírmelo allí, o ejecute &apos;necktimer done&apos;.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="153"/>
        <source>Done — removed</source>
        <translation>Hecho — retirada</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="157"/>
        <source>Done — removed now</source>
        <translation>Hecho — retirada ahora</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/alerts.py" line="163"/>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../necktimer/ui/app.py" line="339"/>
        <source>A second launch of necktimer cannot reach this window (%1), so use this window or its tray icon.</source>
        <translation>Si vuelve a abrir necktimer, no podrá comunicarse con esta ventana (%1): use esta ventana o su icono en la bandeja del sistema.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="512"/>
        <source>A pack is on. If necktimer quits now, nobody will remind you to take it off.</source>
        <translation>Tiene una compresa puesta. Si cierra necktimer ahora, nadie le recordará que debe retirarla.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="488"/>
        <source>Quit anyway?</source>
        <translation>¿Cerrar de todos modos?</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="344"/>
        <source>Nothing outside this window is watching the pack: the helper that reminds when necktimer is closed keeps ending. Keep this window open until the pack is off.</source>
        <translation>Nada fuera de esta ventana vigila la compresa: el programa auxiliar que avisa cuando necktimer está cerrado se cierra una y otra vez. Deje esta ventana abierta hasta quitarse la compresa.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="484"/>
        <source>%1 If necktimer quits now, that is lost.</source>
        <translation>%1 Si necktimer se cierra ahora, eso se pierde.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="489"/>
        <source>Keep running</source>
        <translation>No cerrar</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="490"/>
        <source>Quit anyway</source>
        <translation>Cerrar de todos modos</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="515"/>
        <source>A pack is on. If necktimer quits now, its window stops counting down; a desktop notification will still tell you at %1 to take the pack off.</source>
        <translation>Tiene una compresa puesta. Si cierra necktimer ahora, su ventana deja de contar; aun así, una notificación del escritorio le avisará a las %1 de que debe retirar la compresa.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="519"/>
        <source>A pack is on. If necktimer quits now, a desktop notification will still remind you to take it off.</source>
        <translation>Tiene una compresa puesta. Si cierra necktimer ahora, una notificación del escritorio le seguirá recordando que debe retirarla.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="551"/>
        <source>Could not change the login entry: %1</source>
        <translation>No se pudo cambiar el inicio automático: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="580"/>
        <source>Another necktimer has taken over this data folder.</source>
        <translation>Otro necktimer se hizo cargo de esta carpeta de datos.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="643"/>
        <source>necktimer is open.</source>
        <translation>necktimer está abierto.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/app.py" line="655"/>
        <source>%1 %2 This window keeps it and writes it when it can; quitting it now would lose it.</source>
        <translation>%1 %2 Esta ventana lo conserva y lo escribirá cuando pueda; si la cierra ahora, se perderá.</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <location filename="../../necktimer/cli.py" line="153"/>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="154"/>
        <source>positional arguments</source>
        <translation>argumentos posicionales</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="155"/>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="156"/>
        <source>show this help message and exit</source>
        <translation>muestra esta ayuda y termina</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="158"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argumento %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="160"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>opción no válida: %(value)r (elija entre %(choices)s)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="162"/>
        <source>the following arguments are required: %s</source>
        <translation>faltan estos argumentos: %s</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="164"/>
        <source>unrecognized arguments: %s</source>
        <translation>argumentos no reconocidos: %s</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="165"/>
        <source>expected one argument</source>
        <translation>se esperaba un argumento</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="166"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valor %(type)s no válido: %(value)r</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="168"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>opción ambigua: %(option)s podría ser %(matches)s</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="170"/>
        <source>ignored explicit argument %r</source>
        <translation>argumento explícito ignorado: %r</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="171"/>
        <source>not allowed with argument %s</source>
        <translation>no se permite junto con el argumento %s</translation>
    </message>
</context>
<context>
    <name>ChartText</name>
    <message numerus="yes">
        <location filename="../../necktimer/ui/trend_chart.py" line="28"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../necktimer/cli.py" line="83"/>
        <source>%1 is not a whole number of minutes</source>
        <translation>%1 no es un número entero de minutos</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="87"/>
        <source>%1 is not allowed: a session lasts %2 to %3 minutes</source>
        <translation>%1 no está permitido: una sesión dura de %2 a %3 minutos</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="100"/>
        <source>%1 is neither %2 nor %3</source>
        <translation>%1 no es ni %2 ni %3</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="126"/>
        <source>earlier</source>
        <comment>last-applied: more than one gap ago</comment>
        <translation>antes</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="140"/>
        <source>the data folder must not be empty</source>
        <translation>el nombre de la carpeta de datos no puede estar vacío</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="197"/>
        <source>(see &apos;%1 --help&apos;)</source>
        <translation>(consulte &apos;%1 --help&apos;)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="204"/>
        <source>keep the history and settings in DIR (a separate profile)</source>
        <translation>guardar el historial y la configuración en DIR (un perfil aparte)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="207"/>
        <source>log what happens</source>
        <translation>registrar lo que ocurre</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="210"/>
        <source>Times ice and heat sessions for a neck spasm: at most %1 minutes each, 2 hours apart.</source>
        <translation>Controla el tiempo de las sesiones de hielo y calor para un espasmo de cuello: como máximo %1 minutos cada una, con 2 horas entre ellas.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="218"/>
        <source>show the version and exit</source>
        <translation>muestra la versión y termina</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="221"/>
        <source>start in the system tray without showing the window</source>
        <translation>iniciar en la bandeja del sistema sin mostrar la ventana</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="225"/>
        <source>show the answer in the window too: a start that is refused opens or raises the window saying why (the menu&apos;s Start ice and Start heat do this)</source>
        <translation>mostrar la respuesta también en la ventana: un inicio rechazado abre la ventana o la trae al frente y dice por qué (así lo hacen «Iniciar hielo» e «Iniciar calor» del menú)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="231"/>
        <source>print the current state</source>
        <translation>mostrar el estado actual</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="233"/>
        <source>print one JSON object</source>
        <translation>mostrar un objeto JSON</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="234"/>
        <source>start a session</source>
        <translation>iniciar una sesión</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="237"/>
        <source>ice or heat, in English or in your language</source>
        <translation>ice (hielo) o heat (calor), en inglés o en español</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="242"/>
        <source>length in minutes, %1-%2 (default: the length you chose last)</source>
        <translation>duración en minutos, %1-%2 (por defecto: la última que eligió)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="246"/>
        <source>quit the running instance</source>
        <translation>cerrar la instancia en ejecución</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="251"/>
        <source>say when the last pack came off</source>
        <translation>indicar cuándo se retiró la última compresa</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="252"/>
        <source>when the pack last came off, as your clock showed it (14:30, 2:30pm), or %1 if it was more than one gap ago</source>
        <translation>cuándo retiró la compresa por última vez, según su reloj (14:30 o 2:30pm), o %1 si fue hace más de una pausa</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="257"/>
        <source>take back a stop made in the last 10 seconds</source>
        <translation>deshacer una detención de los últimos 10 segundos</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="261"/>
        <source>it came off when the session ended, not just now (the gap runs from when it came off)</source>
        <translation>la retiró al terminar la sesión, no ahora (la pausa cuenta desde que la retiró)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="306"/>
        <source>%1: Qt for Python (PySide6) cannot be loaded: %2. Reinstall necktimer with pip.</source>
        <translation>%1: no se puede cargar Qt para Python (PySide6): %2. Vuelva a instalar necktimer con pip.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="434"/>
        <source>(from the safety record: the history itself cannot be opened right now)</source>
        <translation>(según el registro de seguridad: el historial no se puede abrir ahora mismo)</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="638"/>
        <source>%1 Free some space and run the command again: nothing was changed.</source>
        <translation>%1 Libere espacio y vuelva a ejecutar la orden: no se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="255"/>
        <source>stop the running session</source>
        <translation>detener la sesión en curso</translation>
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
        <translation>comandos:
  (ninguno)             abrir la ventana, o traer al frente la que ya está abierta
  status [--json]       mostrar qué puede hacer ahora y cuándo
  start ice|heat [--minutes N]
                        iniciar una sesión (%1-%2 min) en la instancia en
                        ejecución, o abrir necktimer con la sesión iniciada
  stop                  detener la sesión en curso
  undo                  deshacer una detención de los últimos 10 segundos
  done [--at-end]       confirmar que retiró la compresa al terminar la sesión
                        (--at-end: la retiró justo al terminar)
  quit [--force]        cerrar la instancia en ejecución (se rechaza mientras
                        haya una compresa puesta o un cambio sin guardar,
                        salvo con --force)
  last-applied HH:MM|%3
                        tras perderse el historial: cuándo se retiró la última
                        compresa (14:30, o 2:30pm)
  install-desktop       añadir necktimer al menú de aplicaciones (sin ser root)
  uninstall-desktop     quitarlo de nuevo

códigos de salida:
  0  hecho
  1  rechazado por las reglas de seguridad (el mensaje dice cuándo estará
     permitido), o nada que hacer (ninguna sesión en curso, ninguna compresa
     pendiente de retirar)
  2  línea de comandos incorrecta
  3  no se puede usar la carpeta de datos o la instancia en ejecución

Las reglas de seguridad: una sesión dura como máximo %2 minutos, y la siguiente
(de hielo o de calor) puede empezar una pausa (2 horas, o más si así lo
configuró) después de que terminó la anterior. Una sesión detenida en su primer
minuto no inicia ninguna pausa, pero su tiempo cuenta para los %2 minutos de la
siguiente sesión.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="259"/>
        <source>confirm the pack is off</source>
        <translation>confirmar que retiró la compresa</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="248"/>
        <source>quit even while a pack is on or a change is not saved yet</source>
        <translation>cerrar incluso con una compresa puesta o un cambio sin guardar</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="263"/>
        <source>add the menu entry and icon for this user</source>
        <translation>añadir la entrada del menú y el icono para este usuario</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="265"/>
        <source>remove the menu entry and icon</source>
        <translation>quitar la entrada del menú y el icono</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="481"/>
        <source>necktimer is running for %1 but does not answer (%2).</source>
        <translation>necktimer está en ejecución para %1, pero no responde (%2).</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="510"/>
        <source>necktimer is already running.</source>
        <translation>necktimer ya está en ejecución.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="544"/>
        <source>necktimer is not running.</source>
        <translation>necktimer no está en ejecución.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="557"/>
        <source>%1 Nothing was kept: run the command again once it can be saved.</source>
        <translation>%1 No se conservó nada: vuelva a ejecutar la orden cuando se pueda guardar.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="609"/>
        <source>the window cannot be shown: the display %1 is not running. Commands that need no window (status, stop, done, quit) still work.</source>
        <translation>no se puede mostrar la ventana: la pantalla %1 no está en marcha. Los comandos que no necesitan ventana (status, stop, done, quit) siguen funcionando.</translation>
    </message>
    <message>
        <location filename="../../necktimer/cli.py" line="612"/>
        <source>the window cannot be shown: there is no desktop here (neither DISPLAY nor WAYLAND_DISPLAY is set). Commands that need no window (status, stop, done, quit) still work.</source>
        <translation>no se puede mostrar la ventana: aquí no hay escritorio (no está definida ni DISPLAY ni WAYLAND_DISPLAY). Los comandos que no necesitan ventana (status, stop, done, quit) siguen funcionando.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../necktimer/commands.py" line="276"/>
        <source>&apos;%1&apos; is not a time like 14:30, nor &apos;%2&apos;.</source>
        <translation>&apos;%1&apos; no es una hora como 14:30, ni &apos;%2&apos;.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="323"/>
        <source>%1 could be %2, still to come: it is %3 now. Say which you mean: %1am or %1pm.</source>
        <translation>%1 podría ser %2, una hora que aún no ha llegado: el reloj marca ahora %3. Diga cuál quiere decir: %1am o %1pm.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="326"/>
        <source>%1 is still to come: it is %2 now. Say when the pack came off as this computer&apos;s clock showed it.</source>
        <translation>%1 es una hora que aún no ha llegado: el reloj marca ahora %2. Diga cuándo retiró la compresa según el reloj de este ordenador.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="391"/>
        <source>The session has already ended. %1</source>
        <translation>La sesión ya terminó. %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="396"/>
        <source>%1 To take the stop back, run &apos;necktimer undo&apos; within %2 s.</source>
        <translation>%1 Para deshacer la detención, ejecute &apos;necktimer undo&apos; en los próximos %2 s.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="406"/>
        <source>A session is running: it ends by itself, or run &apos;necktimer stop&apos; if the pack comes off early.</source>
        <translation>Hay una sesión en curso: termina sola, o ejecute &apos;necktimer stop&apos; si retira la compresa antes.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="410"/>
        <source>No pack was waiting to come off.</source>
        <translation>No había ninguna compresa pendiente de retirar.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="432"/>
        <source>necktimer is quitting. %1 That is lost.</source>
        <translation>necktimer se está cerrando. %1 Eso se pierde.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="435"/>
        <source>necktimer is quitting.</source>
        <translation>necktimer se está cerrando.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="466"/>
        <source>Time&apos;s up at %2: take the ice pack off now, then run &apos;necktimer done&apos; (or &apos;necktimer done --at-end&apos; if it came off at %2). %1</source>
        <translation>Se acabó el tiempo a las %2: retire ya la compresa fría y luego ejecute «necktimer done» (o «necktimer done --at-end» si la retiró a las %2). %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="470"/>
        <source>Time&apos;s up at %2: take the heat pack off now, then run &apos;necktimer done&apos; (or &apos;necktimer done --at-end&apos; if it came off at %2). %1</source>
        <translation>Se acabó el tiempo a las %2: retire ya la compresa caliente y luego ejecute «necktimer done» (o «necktimer done --at-end» si la retiró a las %2). %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="475"/>
        <source>Time&apos;s up: take the ice pack off now, then run &apos;necktimer done&apos;. %1</source>
        <translation>Se acabó el tiempo: retire ya la compresa fría y luego ejecute «necktimer done». %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="478"/>
        <source>Time&apos;s up: take the heat pack off now, then run &apos;necktimer done&apos;. %1</source>
        <translation>Se acabó el tiempo: retire ya la compresa caliente y luego ejecute «necktimer done». %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="513"/>
        <source>%1 Answer in the window, or run &apos;necktimer last-applied HH:MM&apos; (when the pack came off) or &apos;necktimer last-applied %2&apos; (more than %3 ago).</source>
        <translation>%1 Responda en la ventana, o ejecute &apos;necktimer last-applied HH:MM&apos; (cuándo se retiró la compresa) o &apos;necktimer last-applied %2&apos; (hace más de %3).</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="521"/>
        <source>Noted: the ice pack came off at %1.</source>
        <translation>Anotado: retiró la compresa fría a las %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="523"/>
        <source>Noted: the heat pack came off at %1.</source>
        <translation>Anotado: retiró la compresa caliente a las %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="538"/>
        <source>%1 Quitting now would lose it: wait until it is saved, or quit with --force.</source>
        <translation>%1 Cerrar ahora lo perdería: espere a que se guarde, o cierre con --force.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="544"/>
        <source>A session is running: if necktimer quits, its window stops counting down (a desktop notification still says when to take the pack off). Stop the session first, or quit with --force.</source>
        <translation>Hay una sesión en curso: si necktimer se cierra, su ventana deja de contar (una notificación del escritorio seguirá indicando cuándo retirar la compresa). Detenga antes la sesión o cierre con --force.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="549"/>
        <source>A session is running: if necktimer quits, nobody will remind you to take the pack off. Stop the session first, or quit with --force.</source>
        <translation>Hay una sesión en curso: si necktimer se cierra, nadie le recordará que retire la compresa. Detenga antes la sesión o cierre con --force.</translation>
    </message>
    <message>
        <location filename="../../necktimer/commands.py" line="553"/>
        <source>A pack is still waiting to come off. Confirm it is off (necktimer done) first, or quit with --force.</source>
        <translation>Todavía hay una compresa pendiente de retirar. Confirme antes que la retiró (necktimer done) o cierre con --force.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../necktimer/ui/controller.py" line="143"/>
        <source>your settings</source>
        <translation>su configuración</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/controller.py" line="146"/>
        <source>The settings file %1 cannot be written.</source>
        <translation>No se puede escribir el archivo de configuración %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/controller.py" line="268"/>
        <source>Noted: pain %1 of 10. You can change it in History.</source>
        <translation>Anotado: dolor %1 de 10. Puede cambiarlo en el Historial.</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <location filename="../../necktimer/desktop.py" line="159"/>
        <source>installed %1</source>
        <translation>instalado: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/desktop.py" line="161"/>
        <source>The menu entry uses the data folder %1.</source>
        <translation>La entrada del menú usa la carpeta de datos %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/desktop.py" line="163"/>
        <source>%1 is now in your application menu (remove it with: %2 uninstall-desktop).</source>
        <translation>%1 ya está en su menú de aplicaciones (para quitarlo: %2 uninstall-desktop).</translation>
    </message>
    <message>
        <location filename="../../necktimer/desktop.py" line="168"/>
        <source>removed %1</source>
        <translation>eliminado: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/desktop.py" line="170"/>
        <source>Nothing to remove.</source>
        <translation>No hay nada que quitar.</translation>
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
        <translation>completada</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="74"/>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="75"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="76"/>
        <source>interrupted</source>
        <translation>interrumpida</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="47"/>
        <source>Oldest first</source>
        <translation>Más antiguas primero</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="48"/>
        <source>Newest first</source>
        <translation>Más recientes primero</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="50"/>
        <source>Heat first</source>
        <translation>Calor primero</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="51"/>
        <source>Ice first</source>
        <translation>Hielo primero</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="52"/>
        <source>Shortest first</source>
        <translation>Más cortas primero</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="53"/>
        <source>Longest first</source>
        <translation>Más largas primero</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="54"/>
        <source>Lowest first</source>
        <translation>De menor a mayor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="55"/>
        <source>Highest first</source>
        <translation>De mayor a menor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="56"/>
        <source>A to Z</source>
        <translation>De la A a la Z</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="56"/>
        <source>Z to A</source>
        <translation>De la Z a la A</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="59"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="60"/>
        <source>Therapy</source>
        <translation>Terapia</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="61"/>
        <source>Planned</source>
        <translation>Prevista</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="62"/>
        <source>Actual</source>
        <translation>Real</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="63"/>
        <source>Pain before</source>
        <translation>Dolor antes</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="65"/>
        <source>Pain after</source>
        <translation>Dolor después</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="67"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="249"/>
        <source>running</source>
        <translation>en curso</translation>
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
        <translation>%1, compresa retirada %2 tarde</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="205"/>
        <source>no note</source>
        <translation>sin nota</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="206"/>
        <source>not rated</source>
        <translation>sin valorar</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_model.py" line="209"/>
        <source>Saved — %1: %2 (session of %3).</source>
        <translation>Guardado — %1: %2 (sesión del %3).</translation>
    </message>
</context>
<context>
    <name>HistoryText</name>
    <message numerus="yes">
        <location filename="../../necktimer/ui/history_window.py" line="64"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="204"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="216"/>
        <source>Drag to share the room between the sessions and the chart</source>
        <translation>Arrastre para repartir el espacio entre las sesiones y el gráfico</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="261"/>
        <source>Ice and heat</source>
        <translation>Hielo y calor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="262"/>
        <source>Ice only</source>
        <translation>Solo hielo</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="263"/>
        <source>Heat only</source>
        <translation>Solo calor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="264"/>
        <source>Show therapy</source>
        <translation>Terapia que se muestra</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="265"/>
        <source>&amp;All dates</source>
        <translation>&amp;Todas las fechas</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="270"/>
        <source>From date</source>
        <translation>Fecha inicial</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="270"/>
        <source>To date</source>
        <translation>Fecha final</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="276"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="282"/>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="282"/>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="310"/>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="312"/>
        <source>The Menu key or Shift+F10 offers the orders to sort by.</source>
        <translation>La tecla Menú o Mayús+F10 ofrece las formas de ordenar.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="335"/>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="336"/>
        <source>Save &amp;PDF summary for a physician…</source>
        <translation>Guardar resumen &amp;PDF para el médico…</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="240"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="242"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
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
        <translation>Guardar como</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="454"/>
        <source>Saved %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="456"/>
        <source>Could not save %1: %2</source>
        <translation>No se pudo guardar %1: %2</translation>
    </message>
</context>
<context>
    <name>Instance</name>
    <message>
        <location filename="../../necktimer/instance.py" line="78"/>
        <source>%1 is not a folder (it may be a link someone else made).</source>
        <translation>%1 no es una carpeta (puede ser un enlace creado por otra persona).</translation>
    </message>
    <message>
        <location filename="../../necktimer/instance.py" line="81"/>
        <source>%1 belongs to another user.</source>
        <translation>%1 pertenece a otro usuario.</translation>
    </message>
    <message>
        <location filename="../../necktimer/instance.py" line="330"/>
        <source>%1 is held by another user&apos;s program; its answers are not trusted.</source>
        <translation>%1 está ocupado por un programa de otro usuario; no se confía en sus respuestas.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/instance_server.py" line="206"/>
        <source>Not done: this reached the window after the terminal had stopped waiting for it (the window was held up, or its clock runs apart from this terminal&apos;s). Nothing changed.</source>
        <translation>No se hizo: esto llegó a la ventana cuando el terminal ya había dejado de esperar (la ventana estaba detenida, o su reloj va distinto del de este terminal). No ha cambiado nada.</translation>
    </message>
</context>
<context>
    <name>LastAppliedQuestion</name>
    <message>
        <location filename="../../necktimer/ui/last_applied.py" line="36"/>
        <source>necktimer lost its session history. When did you last take off an ice or heat pack?</source>
        <translation>necktimer perdió su historial de sesiones. ¿Cuándo se quitó por última vez una compresa fría o caliente?</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/last_applied.py" line="47"/>
        <source>Or at &amp;this time (the most recent):</source>
        <translation>O a esta hora (la última &amp;vez):</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/last_applied.py" line="49"/>
        <source>Time the pack came off</source>
        <translation>Hora en que retiró la compresa</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/last_applied.py" line="52"/>
        <source>Sa&amp;ve</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/last_applied.py" line="53"/>
        <source>Save the time</source>
        <translation>Guardar la hora</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/last_applied.py" line="63"/>
        <source>More than %1 ago (or never)</source>
        <translation>Hace más de %1 (o nunca)</translation>
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
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="385"/>
        <source>Start ice</source>
        <translation>Iniciar hielo</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="385"/>
        <source>Start heat</source>
        <translation>Iniciar calor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="106"/>
        <source>Why not now</source>
        <translation>Por qué ahora no</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="386"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="156"/>
        <location filename="../../necktimer/ui/main_window.py" line="388"/>
        <location filename="../../necktimer/ui/main_window.py" line="473"/>
        <source>Done — removed</source>
        <translation>Hecho — retirada</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="395"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="394"/>
        <source>Self-care tips</source>
        <translation>Consejos de autocuidado</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="130"/>
        <source>&amp;About %1</source>
        <comment>Help menu</comment>
        <translation>Acerca &amp;de %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="134"/>
        <source>&amp;Session</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="143"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="155"/>
        <location filename="../../necktimer/ui/main_window.py" line="472"/>
        <source>Done — &amp;removed</source>
        <translation>Hecho — &amp;retirada</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="165"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="165"/>
        <source>Undo the stop</source>
        <translation>Deshacer la detención</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="170"/>
        <source>&amp;Dismiss</source>
        <translation>Desc&amp;artar</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="170"/>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="173"/>
        <source>Open the &amp;physician tip</source>
        <translation>Ver cuándo ir al &amp;médico</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="174"/>
        <source>Open the physician tip</source>
        <translation>Ver cuándo ir al médico</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="176"/>
        <source>Remind me to&amp;morrow</source>
        <translation>R&amp;ecordármelo mañana</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="177"/>
        <source>Remind me tomorrow</source>
        <translation>Recordármelo mañana</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="371"/>
        <source>version %1</source>
        <translation>versión %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="372"/>
        <source>A timer for ice and heat on a sore neck: each session ends by itself within 15 minutes, and the next may start 2 hours after it.</source>
        <translation>Un temporizador para frío y calor en el cuello dolorido: cada sesión termina sola en 15 minutos como máximo, y la siguiente puede empezar 2 horas después.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="376"/>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="387"/>
        <source>Undo a stop (for 10 seconds)</source>
        <translation>Deshacer una detención (durante 10 segundos)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="389"/>
        <source>It came off at the end (offered when confirmed late)</source>
        <translation>Se retiró al final (se ofrece si se confirma tarde)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="391"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="392"/>
        <source>Close History</source>
        <translation>Cerrar el historial</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="393"/>
        <source>Sort History (on its table)</source>
        <translation>Ordenar el historial (en su tabla)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="394"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="399"/>
        <source>Tab moves between controls; the arrow keys move between tip topics.</source>
        <translation>Tab pasa de un control a otro; las flechas, de un tema de consejos a otro.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="436"/>
        <source>The gap is over: you may apply ice or heat again.</source>
        <translation>La pausa terminó: ya puede volver a aplicar hielo o calor.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="470"/>
        <source>Done — removed now</source>
        <translation>Hecho — retirada ahora</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="512"/>
        <source>%1 Type a number from 0 to 10 and press Enter, or Tab to the ratings.</source>
        <translation>%1 Escriba un número del 0 al 10 y pulse Intro, o pulse Tab para ir a las valoraciones.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="390"/>
        <location filename="../../necktimer/ui/main_window.py" line="464"/>
        <source>It came off &amp;at %1</source>
        <translation>Se ret&amp;iró a las %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="100"/>
        <source>Start &amp;ice</source>
        <comment>Session menu</comment>
        <translation>Iniciar &amp;hielo</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="102"/>
        <source>Start &amp;heat</source>
        <comment>Session menu</comment>
        <translation>Iniciar &amp;calor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="113"/>
        <source>St&amp;op</source>
        <comment>Session menu</comment>
        <translation>De&amp;tener</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="114"/>
        <source>&amp;Undo stop</source>
        <comment>Session menu</comment>
        <translation>&amp;Deshacer la detención</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="116"/>
        <source>&amp;Done — removed</source>
        <comment>Session menu</comment>
        <translation>Hecho — &amp;retirada</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="118"/>
        <source>His&amp;tory…</source>
        <comment>Session menu</comment>
        <translation>H&amp;istorial…</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="120"/>
        <source>&amp;Settings…</source>
        <comment>Session menu</comment>
        <translation>C&amp;onfiguración…</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="122"/>
        <source>&amp;Quit</source>
        <comment>Session menu</comment>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="124"/>
        <source>&amp;Self-care tips</source>
        <comment>Help menu</comment>
        <translation>&amp;Consejos de autocuidado</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="126"/>
        <source>When to see a &amp;physician</source>
        <comment>Help menu</comment>
        <translation>Cuándo ir al &amp;médico</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="128"/>
        <source>&amp;Keyboard shortcuts</source>
        <comment>Help menu</comment>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="466"/>
        <source>The pack came off at %1, when the session ended</source>
        <translation>La compresa se retiró a las %1, al terminar la sesión</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="468"/>
        <source>Done — &amp;removed now</source>
        <comment>instead of: Done — &amp;removed (same button)</comment>
        <translation>Hecho — &amp;retirada ahora</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="482"/>
        <source>%1 Remove the ice pack if it is still on.</source>
        <translation>%1 Retire la compresa fría si todavía la tiene puesta.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="484"/>
        <source>%1 Remove the heat pack if it is still on.</source>
        <translation>%1 Retire la compresa caliente si todavía la tiene puesta.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="487"/>
        <source>Time&apos;s up — remove the ice pack now.</source>
        <translation>Se acabó el tiempo — retire ya la compresa fría.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/main_window.py" line="488"/>
        <source>Time&apos;s up — remove the heat pack now.</source>
        <translation>Se acabó el tiempo — retire ya la compresa caliente.</translation>
    </message>
</context>
<context>
    <name>NoteDelegate</name>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="109"/>
        <source>Note, at most %1 characters</source>
        <translation>Nota, como máximo %1 caracteres</translation>
    </message>
</context>
<context>
    <name>PainDelegate</name>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="91"/>
        <source>Pain, 0 to 10 (empty: not rated)</source>
        <translation>Dolor, de 0 a 10 (vacío: sin valorar)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/history_window.py" line="97"/>
        <source>Pain is rated from 0 to 10.</source>
        <translation>El dolor se valora de 0 a 10.</translation>
    </message>
</context>
<context>
    <name>PainPrompt</name>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="50"/>
        <source>Pain %1 of 10</source>
        <translation>Dolor %1 de 10</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="54"/>
        <source>No pain</source>
        <translation>Sin dolor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="55"/>
        <source>The worst pain imaginable</source>
        <translation>El peor dolor imaginable</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="65"/>
        <source>S&amp;kip</source>
        <translation>&amp;Omitir</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="66"/>
        <source>Skip the pain rating</source>
        <translation>Omitir la valoración del dolor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="74"/>
        <source>0 = no pain · 10 = worst imaginable · optional, editable later in History</source>
        <translation>0 = sin dolor · 10 = el peor imaginable · opcional, se puede cambiar luego en el Historial</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="92"/>
        <source>How bad was the pain just before the pack went on?</source>
        <translation>¿Cuánto le dolía justo antes de ponerse la compresa?</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pain_prompt.py" line="94"/>
        <source>The pack is off. How bad is the pain now?</source>
        <translation>Ya retiró la compresa. ¿Cuánto le duele ahora?</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../necktimer/core/report.py" line="40"/>
        <source>Your ice session ended at %1 while %2 was closed.</source>
        <translation>Su sesión de hielo terminó a las %1 mientras %2 estaba cerrado.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/report.py" line="42"/>
        <source>Your heat session ended at %1 while %2 was closed.</source>
        <translation>Su sesión de calor terminó a las %1 mientras %2 estaba cerrado.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="50"/>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="59"/>
        <location filename="../../necktimer/ui/pdf_report.py" line="64"/>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="61"/>
        <source>%1, pack off %2 late</source>
        <translation>%1, compresa retirada %2 tarde</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="81"/>
        <source>none of the signs</source>
        <translation>ninguna de las señales</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="88"/>
        <source>The warning-sign checklist was not answered.</source>
        <translation>No se respondió la lista de señales de alarma.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="92"/>
        <source>%1 (and %2)</source>
        <translation>%1 (y %2)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="93"/>
        <source>ice and heat, at most %1 minutes each, %2 apart</source>
        <translation>hielo y calor, como máximo %1 minutos cada sesión, con %2 entre sesiones</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="96"/>
        <location filename="../../necktimer/ui/pdf_report.py" line="156"/>
        <source>Neck pain diary — summary for a physician visit</source>
        <translation>Diario del dolor de cuello — resumen para la consulta médica</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="97"/>
        <source>Period:</source>
        <translation>Período:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="98"/>
        <source>Sessions:</source>
        <translation>Sesiones:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="99"/>
        <source>Pain trend:</source>
        <translation>Evolución del dolor:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="100"/>
        <source>Generated:</source>
        <translation>Generado:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="101"/>
        <source>Warning signs reported</source>
        <translation>Señales de alarma indicadas</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="103"/>
        <source>Shown:</source>
        <translation>Se muestran:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="104"/>
        <source>Pain trend (all sessions):</source>
        <translation>Evolución del dolor (todas las sesiones):</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="119"/>
        <source>ice sessions only</source>
        <translation>solo sesiones de hielo</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="120"/>
        <source>heat sessions only</source>
        <translation>solo sesiones de calor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="105"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="106"/>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="107"/>
        <source>Pain before, mean (0–10)</source>
        <translation>Dolor antes, media (0–10)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="108"/>
        <source>Pain after, mean (0–10)</source>
        <translation>Dolor después, media (0–10)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="109"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="110"/>
        <source>Therapy</source>
        <translation>Terapia</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="111"/>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="112"/>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="113"/>
        <source>Pain before</source>
        <translation>Dolor antes</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="114"/>
        <source>Pain after</source>
        <translation>Dolor después</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="115"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/pdf_report.py" line="116"/>
        <source>Recorded by the patient.</source>
        <translation>Registrado por el propio paciente.</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message numerus="yes">
        <location filename="../../necktimer/ui/pdf_report.py" line="31"/>
        <source>%n cancelled mis-start(s), not counted</source>
        <translation>
            <numerusform>%n inicio por error cancelado, no contado</numerusform>
            <numerusform>%n inicios por error cancelados, no contados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../necktimer/ui/pdf_report.py" line="34"/>
        <source>… and %n earlier session(s) (see the CSV export).</source>
        <translation>
            <numerusform>… y %n sesión anterior (vea la exportación CSV).</numerusform>
            <numerusform>… y %n sesiones anteriores (vea la exportación CSV).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../necktimer/ui/pdf_report.py" line="37"/>
        <source>Sessions and pain per day (last %n day(s))</source>
        <translation>
            <numerusform>Sesiones y dolor por día (último %n día)</numerusform>
            <numerusform>Sesiones y dolor por día (últimos %n días)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../../necktimer/core/rules.py" line="357"/>
        <source>The length must be a whole number of minutes, not %1.</source>
        <translation>La duración debe ser un número entero de minutos, no %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="360"/>
        <source>A session lasts %1 to %2 minutes; %3 is not allowed.</source>
        <translation>Una sesión dura de %1 a %2 minutos; %3 no está permitido.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="368"/>
        <source>You may start a session now.</source>
        <translation>Ya puede iniciar una sesión.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="376"/>
        <source>The ice session is still running.</source>
        <translation>La sesión de hielo sigue en curso.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="378"/>
        <source>The heat session is still running.</source>
        <translation>La sesión de calor sigue en curso.</translation>
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
        <translation>Después de una sesión, la piel debe quedar sin hielo ni calor durante %1.</translation>
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <location filename="../../necktimer/core/service.py" line="318"/>
        <source>The session history in %1 was missing or empty. The latest sessions were restored from the safety record; older ones, with their pain ratings and notes, are gone.</source>
        <translation>Faltaba el historial de sesiones en %1 o estaba vacío. Las últimas sesiones se recuperaron del registro de seguridad; las anteriores, con sus valoraciones de dolor y notas, se perdieron.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="642"/>
        <source>No session is running.</source>
        <translation>No hay ninguna sesión en curso.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="686"/>
        <source>There is no stop to undo.</source>
        <translation>No hay ninguna detención que deshacer.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="695"/>
        <source>It is too late to undo that stop.</source>
        <translation>Ya es tarde para deshacer esa detención.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="712"/>
        <source>The stop could not be undone: %1 Take the pack off.</source>
        <translation>No se pudo deshacer la detención: %1 Retire la compresa.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="717"/>
        <source>Stop undone: the session goes on until %1.</source>
        <translation>Detención deshecha: la sesión continúa hasta las %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="800"/>
        <source>That time is in the future.</source>
        <translation>Esa hora está en el futuro.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="809"/>
        <source>You already said a pack came off at %1; that still counts. %2</source>
        <translation>Ya indicó que se retiró una compresa a las %1; eso sigue contando. %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="560"/>
        <location filename="../../necktimer/core/service.py" line="1279"/>
        <source>The history cannot be written right now.</source>
        <translation>Ahora mismo no se puede escribir en el historial.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="118"/>
        <source>Not saved yet: %1. %2</source>
        <translation>Aún sin guardar: %1. %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="382"/>
        <source>Until the next session starts, the gap stays %1, the gap the last session ended under.</source>
        <translation>Hasta que empiece la próxima sesión, la pausa sigue siendo de %1, la pausa con la que terminó la última sesión.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="621"/>
        <source>No session was started: the history %1 holds a session that is still open but whose start cannot be read, so a pack may still be on.</source>
        <translation>No se inició ninguna sesión: el historial %1 contiene una sesión todavía abierta cuyo inicio no se puede leer, así que puede que aún tenga una compresa puesta.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="655"/>
        <source>the stop</source>
        <translation>la detención</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="702"/>
        <source>the undo</source>
        <translation>la anulación de la detención</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="739"/>
        <source>that the pack is off</source>
        <translation>que la compresa ya está retirada</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="759"/>
        <source>a pain rating</source>
        <translation>una valoración del dolor</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="772"/>
        <source>a note</source>
        <translation>una nota</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="783"/>
        <source>the warning-sign answers</source>
        <translation>las respuestas sobre las señales de alarma</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="790"/>
        <source>the reminder&apos;s snooze</source>
        <translation>el aplazamiento del recordatorio</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="829"/>
        <source>when the last pack came off</source>
        <translation>cuándo se retiró la última compresa</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1033"/>
        <source>The history %1 held a session that was still open but whose start cannot be read. A pack may still be on: that session was ended now, and the gap runs from when you confirm the pack is off.</source>
        <translation>El historial %1 contenía una sesión todavía abierta cuyo inicio no se puede leer. Puede que aún tenga una compresa puesta: esa sesión se terminó ahora, y la pausa cuenta desde que confirme que se ha quitado la compresa.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1090"/>
        <source>The spare copy of the safety record could not be written to %1 (%2). If the data folder were deleted now, the gap could not be restored from it.</source>
        <translation>No se pudo escribir la copia de reserva del registro de seguridad en %1 (%2). Si ahora se borrara la carpeta de datos, la pausa no podría restaurarse desde ella.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1124"/>
        <source>The safety record %1 could not be read; its copy %2 was used.</source>
        <translation>No se pudo leer el registro de seguridad %1; se usó su copia %2.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1185"/>
        <source>The data folder %1 holds another history than the one necktimer last used there. The latest sessions of that one, from the copy of its safety record (%2), still count for the gap.</source>
        <translation>La carpeta de datos %1 contiene otro historial distinto del que necktimer usó allí por última vez. Las últimas sesiones de aquel, de la copia de su registro de seguridad (%2), siguen contando para la pausa.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1191"/>
        <source>The data folder %1 holds older sessions than necktimer&apos;s copy of its safety record (%2), as after a backup was put back. The newer sessions in the copy count for the gap.</source>
        <translation>La carpeta de datos %1 contiene sesiones más antiguas que la copia de necktimer de su registro de seguridad (%2), como tras restaurar una copia de seguridad. Las sesiones más recientes de la copia cuentan para la pausa.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1281"/>
        <source>No session was started: %1</source>
        <translation>No se inició ninguna sesión: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1329"/>
        <source>The data folder was deleted while necktimer was running; it was made again with the history necktimer still had open.</source>
        <translation>La carpeta de datos se borró mientras necktimer estaba en ejecución; se volvió a crear con el historial que necktimer aún tenía abierto.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1352"/>
        <source>The data folder was replaced while necktimer was running; the history put there was kept, and the sessions necktimer had open were added to it.</source>
        <translation>La carpeta de datos se reemplazó mientras necktimer estaba en marcha; se conservó el historial puesto allí y se le añadieron las sesiones que necktimer tenía abiertas.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1410"/>
        <source>Ice session started: take the ice pack off at %1 (in %2).</source>
        <translation>Sesión de hielo iniciada: retire la compresa fría a las %1 (dentro de %2).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1413"/>
        <source>Heat session started: take the heat pack off at %1 (in %2).</source>
        <translation>Sesión de calor iniciada: retire la compresa caliente a las %1 (dentro de %2).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1419"/>
        <source>%1 It is shorter than you asked, because ice or heat was already applied since the last full break; the total stays within %2.</source>
        <translation>%1 Es más corta de lo que pidió, porque ya se aplicó hielo o calor desde la última pausa completa; el total no pasa de %2.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1429"/>
        <source>Ice session cancelled within its first minute: it starts no gap, but its time counts toward the next session&apos;s %1.</source>
        <translation>Sesión de hielo cancelada en su primer minuto: no inicia ninguna pausa, pero su tiempo cuenta para los %1 de la siguiente sesión.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1433"/>
        <source>Heat session cancelled within its first minute: it starts no gap, but its time counts toward the next session&apos;s %1.</source>
        <translation>Sesión de calor cancelada en su primer minuto: no inicia ninguna pausa, pero su tiempo cuenta para los %1 de la siguiente sesión.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1438"/>
        <source>Ice session stopped. %1</source>
        <translation>Sesión de hielo detenida. %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1440"/>
        <source>Heat session stopped. %1</source>
        <translation>Sesión de calor detenida. %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1448"/>
        <source>Noted: a pack came off today at %1. %2</source>
        <translation>Anotado: se retiró una compresa hoy a las %1. %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1450"/>
        <source>Noted: a pack came off yesterday at %1. %2</source>
        <translation>Anotado: se retiró una compresa ayer a las %1. %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/service.py" line="1452"/>
        <source>Noted: a pack came off on %1 at %2. %3</source>
        <translation>Anotado: se retiró una compresa el %1 a las %2. %3</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="64"/>
        <source>Countdown</source>
        <translation>Cuenta regresiva</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="94"/>
        <source>Start &amp;ice</source>
        <translation>Iniciar &amp;hielo</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="94"/>
        <source>Start ice</source>
        <translation>Iniciar hielo</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="96"/>
        <source>Start h&amp;eat</source>
        <translation>Iniciar &amp;calor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="96"/>
        <source>Start heat</source>
        <translation>Iniciar calor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="98"/>
        <source>St&amp;op</source>
        <translation>De&amp;tener</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="98"/>
        <source>Stop the session</source>
        <translation>Detener la sesión</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="104"/>
        <source>&amp;Length:</source>
        <translation>D&amp;uración:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="107"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="108"/>
        <source>Session length in minutes</source>
        <translation>Duración de la sesión en minutos</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="116"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="117"/>
        <source>%1 minutes</source>
        <translation>%1 minutos</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="301"/>
        <source>This session lasts %1.</source>
        <translation>Esta sesión dura %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="303"/>
        <source>Mis-starts since the last full break used part of the 15 minutes: the next session lasts at most %1.</source>
        <translation>Los inicios por error desde la última pausa completa gastaron parte de los 15 minutos: la siguiente sesión dura como máximo %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="307"/>
        <source>How long the next session lasts: %1 to %2 minutes.</source>
        <translation>Duración de la siguiente sesión: de %1 a %2 minutos.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="325"/>
        <source>Off now</source>
        <translation>Se acabó</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="326"/>
        <source>remove the ice pack</source>
        <translation>retire la compresa fría</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="327"/>
        <source>remove the heat pack</source>
        <translation>retire la compresa caliente</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="330"/>
        <source>1 minute left — get ready</source>
        <translation>Queda 1 minuto — prepárese</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="332"/>
        <source>Ice · off at %1</source>
        <translation>Hielo · retirar a las %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="334"/>
        <source>Heat · off at %1</source>
        <translation>Calor · retirar a las %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="342"/>
        <source>until the next session, at %1</source>
        <translation>hasta la siguiente sesión, a las %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="346"/>
        <source>when did the last pack come off?</source>
        <translation>¿cuándo se retiró la última compresa?</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="348"/>
        <source>start ice or heat when you like</source>
        <translation>inicie hielo o calor cuando quiera</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="351"/>
        <source>see a doctor first</source>
        <translation>vea primero a un médico</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="353"/>
        <source>next session: at most %1</source>
        <translation>siguiente sesión: como máximo %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/session_panel.py" line="357"/>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../necktimer/core/settings.py" line="65"/>
        <source>Setting %1=%2 is not true or false; using %3.</source>
        <translation>El ajuste %1=%2 no es true ni false; se usa %3.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/settings.py" line="74"/>
        <source>Setting %1=%2 is not one of %3; using %4.</source>
        <translation>El ajuste %1=%2 no es ninguno de estos valores: %3; se usa %4.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/settings.py" line="83"/>
        <source>Setting %1=%2 is not a whole number; using %3.</source>
        <translation>El ajuste %1=%2 no es un número entero; se usa %3.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/settings.py" line="89"/>
        <source>Setting %1=%2 is outside the safe range %3–%4; using %5.</source>
        <translation>El ajuste %1=%2 está fuera del rango seguro %3–%4; se usa %5.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/settings.py" line="152"/>
        <source>it is UTF-16 text, not UTF-8</source>
        <translation>es texto UTF-16, no UTF-8</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/settings.py" line="156"/>
        <location filename="../../necktimer/core/settings.py" line="158"/>
        <source>it is not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/settings.py" line="159"/>
        <source>none of its lines is a setting necktimer knows</source>
        <translation>ninguna de sus líneas es un ajuste que necktimer conozca</translation>
    </message>
    <message>
        <location filename="../../necktimer/settings_io.py" line="67"/>
        <source>%1 cannot be used (%2); the default settings apply.</source>
        <translation>No se puede usar %1 (%2); se aplican los ajustes predeterminados.</translation>
    </message>
    <message>
        <location filename="../../necktimer/settings_io.py" line="80"/>
        <source>The settings file could not be read (%1); the default settings apply.</source>
        <translation>No se pudo leer el archivo de ajustes (%1); se aplican los ajustes predeterminados.</translation>
    </message>
    <message>
        <location filename="../../necktimer/settings_io.py" line="84"/>
        <source>Some lines of the settings file are not UTF-8 text: they were skipped, and stay in the file as they are.</source>
        <translation>Algunas líneas del archivo de ajustes no son texto UTF-8: se omitieron y se quedan en el archivo tal como están.</translation>
    </message>
    <message>
        <location filename="../../necktimer/settings_io.py" line="107"/>
        <source>The settings could not be saved to %1. They apply now, necktimer tries again, and quitting asks first while they are not saved.</source>
        <translation>No se pudo guardar la configuración en %1. Ya se aplica, necktimer lo vuelve a intentar y, mientras no esté guardada, pregunta antes de cerrarse.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="39"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="45"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="47"/>
        <source>Session length in minutes</source>
        <translation>Duración de la sesión en minutos</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="48"/>
        <source>Session &amp;length:</source>
        <translation>&amp;Duración de la sesión:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="53"/>
        <source>Gap between sessions</source>
        <translation>Pausa entre sesiones</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="54"/>
        <source>At least %1; you may make it longer, not shorter.</source>
        <translation>Al menos %1; puede alargarla, pero no acortarla.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="56"/>
        <source>&amp;Gap between sessions:</source>
        <translation>&amp;Pausa entre sesiones:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="58"/>
        <source>Play a &amp;sound when a session ends</source>
        <translation>Reproducir un &amp;sonido al terminar una sesión</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="59"/>
        <source>Warn one minute &amp;before the end</source>
        <translation>&amp;Avisar un minuto antes del final</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="61"/>
        <source>&amp;Remind me when I may apply ice or heat again</source>
        <translation>&amp;Recordarme cuando pueda volver a aplicar hielo o calor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="63"/>
        <source>&amp;Keep running in the system tray when the window closes</source>
        <translation>Seguir en la &amp;bandeja del sistema al cerrar la ventana</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="66"/>
        <source>This desktop has no system tray.</source>
        <translation>Este escritorio no tiene bandeja del sistema.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="67"/>
        <source>Start at l&amp;ogin (in the tray)</source>
        <translation>Abrir al i&amp;niciar sesión (en la bandeja)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="68"/>
        <source>Ask how bad the &amp;pain is (pain diary)</source>
        <translation>Pre&amp;guntar cuánto duele (diario del dolor)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="69"/>
        <source>Also ask be&amp;fore the pack goes on</source>
        <translation>Preguntar también an&amp;tes de ponerse la compresa</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="84"/>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="84"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="85"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="88"/>
        <source>Colour scheme</source>
        <translation>Esquema de colores</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="92"/>
        <source>The system&apos;s language</source>
        <translation>El idioma del sistema</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="96"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="97"/>
        <source>Lang&amp;uage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="98"/>
        <source>A new language applies the next time necktimer starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que se inicie necktimer.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="161"/>
        <source>As the language writes it (%1)</source>
        <translation>Como la escribe el idioma (%1)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="162"/>
        <source>24-hour (%1)</source>
        <translation>24 horas (%1)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="162"/>
        <source>12-hour (%1)</source>
        <translation>12 horas (%1)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="107"/>
        <source>Time format</source>
        <translation>Formato de hora</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="89"/>
        <source>Colour sc&amp;heme:</source>
        <translation>Co&amp;lores:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="108"/>
        <source>&amp;Time format:</source>
        <translation>Formato de &amp;hora:</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="116"/>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="116"/>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="117"/>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="121"/>
        <source>A session never lasts more than %1 minutes, and the gap is never shorter than %2.</source>
        <translation>Una sesión nunca dura más de %1 minutos, y la pausa nunca es más corta de %2.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/settings_dialog.py" line="125"/>
        <source>A shorter gap applies from the next session: the gap already running stays as it is.</source>
        <translation>Una pausa más corta se aplica a partir de la próxima sesión: la pausa en curso sigue igual.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../necktimer/ui/shortcuts_dialog.py" line="29"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
</context>
<context>
    <name>SortMenu</name>
    <message>
        <location filename="../../necktimer/ui/sort_menu.py" line="30"/>
        <source>Sort by %1</source>
        <translation>Ordenar por %1</translation>
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
        <translation>Se perdió su historial de sesiones: antes de iniciar una sesión, indique cuándo se retiró la última compresa.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="240"/>
        <source>Ready: the next session may last at most %1, because ice or heat was already applied since the last full break.</source>
        <translation>Listo: la siguiente sesión puede durar como máximo %1, porque ya se aplicó hielo o calor desde la última pausa completa.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="244"/>
        <source>Ready: you may start an ice or heat session now.</source>
        <translation>Listo: ya puede iniciar una sesión de hielo o de calor.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="248"/>
        <source>Ice session running: it ends at %1 (in %2). Next session allowed at %3.</source>
        <translation>Sesión de hielo en curso: termina a las %1 (dentro de %2). Siguiente sesión permitida a partir de las %3.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="251"/>
        <source>Heat session running: it ends at %1 (in %2). Next session allowed at %3.</source>
        <translation>Sesión de calor en curso: termina a las %1 (dentro de %2). Siguiente sesión permitida a partir de las %3.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="257"/>
        <source>Next session allowed %1 after the pack comes off (at %2 if it is off now).</source>
        <translation>Siguiente sesión permitida %1 después de retirar la compresa (a las %2 si ya está retirada).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="266"/>
        <source>Next session allowed at %1 (in %2).</source>
        <translation>Siguiente sesión permitida a partir de las %1 (dentro de %2).</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <location filename="../../necktimer/core/database.py" line="186"/>
        <source>Another program is holding the session history (%1) open.</source>
        <translation>Otro programa tiene abierto el historial de sesiones (%1).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="189"/>
        <source>The disk holding the session history (%1) is full.</source>
        <translation>El disco donde está el historial de sesiones (%1) está lleno.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="201"/>
        <source>%1 necktimer cannot save to it right now. Close that program; nothing was renamed or lost.</source>
        <translation>%1 necktimer no puede guardar en él ahora mismo. Cierre ese programa; no se cambió el nombre de nada ni se perdió nada.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="205"/>
        <source>%1 Free some space; necktimer keeps what it has not saved yet and writes it when it can.</source>
        <translation>%1 Libere espacio; necktimer conserva lo que aún no ha guardado y lo escribirá cuando pueda.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="209"/>
        <source>The session history (%1) disappeared or cannot be reached (%2).</source>
        <translation>El historial de sesiones (%1) desapareció o no se puede acceder a él (%2).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="212"/>
        <source>%1 belongs to another program (it is not a necktimer history). necktimer left it unchanged: move it away or choose another folder with --data-dir.</source>
        <translation>%1 pertenece a otro programa (no es un historial de necktimer). necktimer no lo modificó: muévalo a otro lugar o elija otra carpeta con --data-dir.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="216"/>
        <source>%1 was written by a newer necktimer; update necktimer to use it. It was left unchanged.</source>
        <translation>%1 fue escrito por una versión más reciente de necktimer; actualice necktimer para usarlo. No se modificó.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="219"/>
        <source>The session history %1 is damaged (%2).</source>
        <translation>El historial de sesiones %1 está dañado (%2).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="221"/>
        <source>necktimer cannot write its session history in %1 (%2). Check that the folder is writable, or choose another with --data-dir. Nothing was changed.</source>
        <translation>necktimer no puede escribir su historial de sesiones en %1 (%2). Compruebe que se puede escribir en la carpeta o elija otra con --data-dir. No se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="230"/>
        <source>The safety record (%1) disappeared or cannot be reached (%2).</source>
        <translation>El registro de seguridad (%1) desapareció o no se puede acceder a él (%2).</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="235"/>
        <source>necktimer cannot write its safety record in %1 (%2). Check that the folder is writable, or choose another with --data-dir.</source>
        <translation>necktimer no puede escribir su registro de seguridad en %1 (%2). Compruebe que se puede escribir en la carpeta o elija otra con --data-dir.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="575"/>
        <source>The session history could not be read (%1). The damaged file was kept as %2 in %3 and a new, empty history was started.</source>
        <translation>No se pudo leer el historial de sesiones (%1). El archivo dañado se conservó como %2 en %3 y se empezó un historial nuevo y vacío.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/database.py" line="233"/>
        <source>The safety record %1 is damaged (%2); the session history is used instead.</source>
        <translation>El registro de seguridad %1 está dañado (%2); se usa el historial de sesiones en su lugar.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/record.py" line="198"/>
        <source>necktimer cannot read its safety record %1 (%2).</source>
        <translation>necktimer no puede leer su registro de seguridad %1 (%2).</translation>
    </message>
</context>
<context>
    <name>StorageText</name>
    <message numerus="yes">
        <location filename="../../necktimer/core/database.py" line="112"/>
        <source>The session history could not be read (%1). The damaged file was kept as %2 in %3; the %n session(s) that could still be read were carried over to a new history.</source>
        <translation>
            <numerusform>No se pudo leer el historial de sesiones (%1). El archivo dañado se conservó como %2 en %3; la %n sesión que aún se podía leer pasó a un historial nuevo.</numerusform>
            <numerusform>No se pudo leer el historial de sesiones (%1). El archivo dañado se conservó como %2 en %3; las %n sesiones que aún se podían leer pasaron a un historial nuevo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Therapy</name>
    <message>
        <location filename="../../necktimer/core/rules.py" line="60"/>
        <source>Ice</source>
        <translation>Hielo</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/rules.py" line="61"/>
        <source>Heat</source>
        <translation>Calor</translation>
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
        <translation>%1 de ayer</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/i18n.py" line="260"/>
        <source>%1 tomorrow</source>
        <translation>%1 del día siguiente</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/i18n.py" line="241"/>
        <location filename="../../necktimer/core/i18n.py" line="262"/>
        <source>%1 on %2</source>
        <translation>%1 del %2</translation>
    </message>
</context>
<context>
    <name>TipsPanel</name>
    <message>
        <location filename="../../necktimer/ui/tips_panel.py" line="52"/>
        <source>Self-care tips</source>
        <translation>Consejos de autocuidado</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tips_panel.py" line="62"/>
        <source>Tip topics</source>
        <translation>Temas de los consejos</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tips_panel.py" line="222"/>
        <source>Get care at once</source>
        <translation>Busque atención médica de inmediato</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tips_panel.py" line="224"/>
        <source>Before you take a pain reliever</source>
        <translation>Antes de tomar un analgésico</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tips_panel.py" line="226"/>
        <source>General precautions for packs</source>
        <translation>Precauciones generales con las compresas</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="105"/>
        <source>%1 · Time&apos;s up — remove the ice pack</source>
        <translation>%1 · Se acabó el tiempo — retire la compresa fría</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="106"/>
        <source>%1 · Time&apos;s up — remove the heat pack</source>
        <translation>%1 · Se acabó el tiempo — retire la compresa caliente</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="110"/>
        <source>Ice · 1 minute left — get ready to take it off</source>
        <translation>Hielo · queda 1 minuto — prepárese para retirarla</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="111"/>
        <source>Heat · 1 minute left — get ready to take it off</source>
        <translation>Calor · queda 1 minuto — prepárese para retirarla</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="113"/>
        <source>Ice · %1 left</source>
        <translation>Hielo · tiempo restante: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="115"/>
        <source>Heat · %1 left</source>
        <translation>Calor · tiempo restante: %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="118"/>
        <source>%1 · next session at %2</source>
        <translation>%1 · siguiente sesión a partir de las %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="121"/>
        <source>%1 · when did the last pack come off?</source>
        <translation>%1 · ¿cuándo se retiró la última compresa?</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="122"/>
        <source>%1 · ready for ice or heat</source>
        <translation>%1 · listo para hielo o calor</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="134"/>
        <source>Ice session ends at %1</source>
        <translation>La sesión de hielo termina a las %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="136"/>
        <source>Heat session ends at %1</source>
        <translation>La sesión de calor termina a las %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="141"/>
        <source>Next session allowed at %1</source>
        <translation>Siguiente sesión permitida a partir de las %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="144"/>
        <source>History lost: say in the window when the last pack came off</source>
        <translation>Historial perdido: indique en la ventana cuándo se retiró la última compresa</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="198"/>
        <source>Start ice (%1 min)</source>
        <translation>Iniciar hielo (%1 min)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="201"/>
        <source>Start heat (%1 min)</source>
        <translation>Iniciar calor (%1 min)</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="223"/>
        <source>It came off at %1</source>
        <translation>Se retiró a las %1</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="226"/>
        <source>Done — removed now</source>
        <translation>Hecho — retirada ahora</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="169"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="170"/>
        <source>Undo stop</source>
        <translation>Deshacer la detención</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="171"/>
        <location filename="../../necktimer/ui/tray.py" line="227"/>
        <source>Done — removed</source>
        <translation>Hecho — retirada</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="175"/>
        <source>Show window</source>
        <translation>Mostrar la ventana</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="177"/>
        <source>History…</source>
        <translation>Historial…</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="178"/>
        <source>Settings…</source>
        <translation>Configuración…</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/tray.py" line="180"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="38"/>
        <source>Sessions and pain over the last 14 days</source>
        <translation>Sesiones y dolor en los últimos 14 días</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="49"/>
        <source>%1 in the last %2 days.</source>
        <translation>%1 en los últimos %2 días.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="51"/>
        <source>%1 in the %2 days to %3.</source>
        <translation>%1 en los %2 días hasta el %3.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="53"/>
        <source>Pain before a session: %1.</source>
        <translation>Dolor antes de una sesión: %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="55"/>
        <source>Pain after a session: %1.</source>
        <translation>Dolor después de una sesión: %1.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="60"/>
        <source>%1 on %2</source>
        <translation>%1 el %2</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="158"/>
        <source>Ice sessions per day (bars, left); pain 0–10 before a session (solid) and after it (dashed), right</source>
        <translation>Sesiones de hielo por día (barras, izquierda); dolor 0–10 antes de una sesión (continua) y después (discontinua), derecha</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="161"/>
        <source>Heat sessions per day (bars, left); pain 0–10 before a session (solid) and after it (dashed), right</source>
        <translation>Sesiones de calor por día (barras, izquierda); dolor 0–10 antes de una sesión (continua) y después (discontinua), derecha</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="163"/>
        <source>Sessions per day (bars, left); pain 0–10 before a session (solid) and after it (dashed), right</source>
        <translation>Sesiones por día (barras, izquierda); dolor 0–10 antes de una sesión (continua) y después (discontinua), derecha</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/trend_chart.py" line="141"/>
        <source>today</source>
        <translation>hoy</translation>
    </message>
</context>
<context>
    <name>WarningSigns</name>
    <message>
        <location filename="../../necktimer/core/diary.py" line="52"/>
        <source>Severe headache</source>
        <translation>Dolor de cabeza intenso</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="53"/>
        <source>Swelling</source>
        <translation>Hinchazón</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="54"/>
        <source>Nausea</source>
        <translation>Náuseas</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="55"/>
        <source>Numbness or weakness in an arm</source>
        <translation>Entumecimiento o debilidad en un brazo</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="56"/>
        <source>Other alarming signs</source>
        <translation>Otras señales alarmantes</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="68"/>
        <source>You ticked a warning sign: get medical help before another session.</source>
        <translation>Marcó una señal de alarma: busque atención médica antes de otra sesión.</translation>
    </message>
    <message>
        <location filename="../../necktimer/core/diary.py" line="70"/>
        <source>%1 You ticked a warning sign: get medical help now.</source>
        <translation>%1 Marcó una señal de alarma: busque atención médica ahora.</translation>
    </message>
    <message>
        <location filename="../../necktimer/ui/warning_signs.py" line="29"/>
        <source>Do you have any of these with the neck pain?</source>
        <translation>¿Tiene alguno de estos síntomas junto con el dolor de cuello?</translation>
    </message>
</context>
<context>
    <name>WindowText</name>
    <message numerus="yes">
        <location filename="../../necktimer/ui/main_window.py" line="53"/>
        <source>Session stopped at %1. Stopped by mistake? You can undo it for %n second(s).</source>
        <translation>
            <numerusform>Sesión detenida a las %1. ¿La detuvo por error? Puede deshacerlo durante %n segundo.</numerusform>
            <numerusform>Sesión detenida a las %1. ¿La detuvo por error? Puede deshacerlo durante %n segundos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Zone</name>
    <message>
        <location filename="../../necktimer/core/machine_zone.py" line="94"/>
        <source>the time zone %1 is a day or more off UTC, which cannot be shown; times are shown in UTC instead</source>
        <translation>la zona horaria %1 está a un día o más de UTC y no se puede mostrar; las horas se muestran en UTC</translation>
    </message>
</context>
</TS>
