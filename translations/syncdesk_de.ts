<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>ActEdits</name>
    <message>
        <source>expected FIELD=VALUE</source>
        <translation>erwartet wird FIELD=VALUE</translation>
    </message>
    <message>
        <source>expected the key of a system user</source>
        <translation>erwartet wird der Schlüssel eines Systembenutzers</translation>
    </message>
    <message>
        <source>expected an IANA time zone such as Europe/Berlin, got %1</source>
        <translation>erwartet wird eine IANA-Zeitzone wie Europe/Berlin, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>erwartet wird true oder false, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected a time such as 2026-03-10T09:00 (in the time zone), 2026-03-10T09:00Z, or a date such as 2026-03-10, got %1</source>
        <translation>erwartet wird ein Zeitpunkt wie 2026-03-10T09:00 (in der angegebenen Zeitzone) oder 2026-03-10T09:00Z oder ein Datum wie 2026-03-10, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected addresses such as bob@contoso.com, Carol &lt;carol@fabrikam.com&gt;</source>
        <translation>erwartet werden Adressen wie bob@contoso.com, Carol &lt;carol@fabrikam.com&gt;</translation>
    </message>
    <message>
        <source>expected one address, got %1</source>
        <translation>erwartet wird genau eine Adresse, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected TYPE:ID such as account:contoso, got %1</source>
        <translation>erwartet wird TYPE:ID wie account:contoso, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an iCalendar rule such as FREQ=WEEKLY;BYDAY=MO;COUNT=10, got %1</source>
        <translation>erwartet wird eine iCalendar-Regel wie FREQ=WEEKLY;BYDAY=MO;COUNT=10, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected one of %1, got %2</source>
        <translation>erwartet wird einer der Werte %1, angegeben ist %2</translation>
    </message>
    <message>
        <source>expected a whole number from 0 to %1, got %2</source>
        <translation>erwartet wird eine ganze Zahl von 0 bis %1, angegeben ist %2</translation>
    </message>
    <message>
        <source>a subject cannot be empty</source>
        <translation>der Betreff darf nicht leer sein</translation>
    </message>
    <message>
        <source>the end must be after the start</source>
        <translation>das Ende muss nach dem Beginn liegen</translation>
    </message>
    <message>
        <source>unknown field; expected one of: %1</source>
        <translation>unbekanntes Feld; erwartet wird eines von: %1</translation>
    </message>
</context>
<context>
    <name>ActItems</name>
    <message>
        <source>a %1 where a %2 was expected</source>
        <translation>ein Objekt vom Typ %1, wo eines vom Typ %2 erwartet wurde</translation>
    </message>
</context>
<context>
    <name>ActSync</name>
    <message>
        <source>the sync was cancelled</source>
        <translation>die Synchronisierung wurde abgebrochen</translation>
    </message>
    <message>
        <source>the server profile %1 has no act endpoint (the CalDAV/CardDAV server)</source>
        <translation>das Serverprofil %1 hat keinen act-Endpunkt (den CalDAV/CardDAV-Server)</translation>
    </message>
    <message>
        <source>calendar and address book found: %1</source>
        <translation>Kalender und Adressbuch gefunden: %1</translation>
    </message>
    <message>
        <source>the %1 collection %2</source>
        <translation>Sammlung %2 (%1)</translation>
    </message>
    <message>
        <source>the server no longer knows the sync token of %1: comparing everything</source>
        <translation>der Server kennt das Synchronisierungstoken von %1 nicht mehr: Es wird alles verglichen</translation>
    </message>
    <message>
        <source>%1 does not offer sync-collection: its items&apos; ETags are compared instead</source>
        <translation>%1 bietet kein sync-collection an: Stattdessen werden die ETags ihrer Elemente verglichen</translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation>Schreiben von %1</translation>
    </message>
    <message>
        <source>%1 changed on the server at every one of %2 attempts to write it (412)</source>
        <translation>%1 wurde auf dem Server bei allen %2 Schreibversuchen zwischenzeitlich geändert (412)</translation>
    </message>
    <message>
        <source>%1 could not be read and is skipped: %2</source>
        <translation>%1 konnte nicht gelesen werden und wird übersprungen: %2</translation>
    </message>
    <message>
        <source>deleting %1</source>
        <translation>Löschen von %1</translation>
    </message>
    <message>
        <source>the run reached its time limit of %1 s: what was done is kept, and the next run continues where this one stopped</source>
        <translation>der Lauf hat seine Zeitgrenze von %1 s erreicht: Was erledigt ist, bleibt erhalten, und der nächste Lauf macht dort weiter</translation>
    </message>
    <message>
        <source>%1: the server&apos;s changes did not end after %2 truncated answers</source>
        <translation>%1: die Änderungen des Servers endeten nicht nach %2 gekürzten Antworten</translation>
    </message>
    <message>
        <source>%1: the server said its answer was truncated but gave no new token to ask for the rest</source>
        <translation>%1: der Server meldete eine gekürzte Antwort, gab aber kein neues Token, um den Rest abzufragen</translation>
    </message>
</context>
<context>
    <name>AlertManager</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n mailbox(es) of server profile %2 are failing: the server, not the mailboxes, is the likely cause (latest: %3)</source>
        <translation>
            <numerusform>%1 von %n Postfach des Serverprofils %2 ist fehlerhaft: Wahrscheinliche Ursache ist der Server, nicht das Postfach (letzter Fehler: %3)</numerusform>
            <numerusform>%1 von %n Postfächern des Serverprofils %2 sind fehlerhaft: Wahrscheinliche Ursache ist der Server, nicht die Postfächer (letzter Fehler: %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>folder &quot;%1&quot; of %2 was renumbered by the server; it was fetched again and matched by Message-ID, nothing was duplicated</source>
        <translation>Ordner „%1“ von %2 wurde vom Server neu nummeriert; er wurde erneut abgerufen und per Message-ID abgeglichen, es wurde nichts doppelt gespeichert</translation>
    </message>
    <message>
        <source>%1 syncs again</source>
        <translation>%1 wird wieder synchronisiert</translation>
    </message>
    <message>
        <source>server profile %1 works again (%2 synced)</source>
        <translation>Serverprofil %1 funktioniert wieder (%2 synchronisiert)</translation>
    </message>
    <message>
        <source>%1 was disabled: %2 (retrying cannot fix it)</source>
        <translation>%1 wurde deaktiviert: %2 (ein erneuter Versuch kann das nicht beheben)</translation>
    </message>
    <message numerus="yes">
        <source>%1 was disabled after %n failure(s) in a row; the last: %2</source>
        <translation>
            <numerusform>%1 wurde nach %n Fehlschlag deaktiviert; Fehler: %2</numerusform>
            <numerusform>%1 wurde nach %n Fehlschlägen in Folge deaktiviert; letzter Fehler: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>Fehler bei %1: %2</translation>
    </message>
    <message>
        <source>the profile incident was not recorded</source>
        <translation>der Vorfall für das Serverprofil wurde nicht erfasst</translation>
    </message>
    <message numerus="yes">
        <source>server profile %1 works again (%2 synced); %n mailbox(es) it disabled are still disabled (%3): re-enable them from its incident, alert %4</source>
        <translation>
            <numerusform>Serverprofil %1 funktioniert wieder (%2 synchronisiert); %n deswegen deaktiviertes Postfach ist weiterhin deaktiviert (%3): Aktivieren Sie es über seinen Vorfall wieder, Meldung %4</numerusform>
            <numerusform>Serverprofil %1 funktioniert wieder (%2 synchronisiert); %n deswegen deaktivierte Postfächer sind weiterhin deaktiviert (%3): Aktivieren Sie sie über seinen Vorfall wieder, Meldung %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) from %1 could not be sent: %2</source>
        <extracomment>%n emails, %1 the mailbox, %2 why (the server&apos;s words)</extracomment>
        <translation>
            <numerusform>%n E-Mail von %1 konnte nicht gesendet werden: %2</numerusform>
            <numerusform>%n E-Mails von %1 konnten nicht gesendet werden: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) from %1 have waited in Pending Send for %2 min; the last attempt failed: %3</source>
        <extracomment>%n emails, %1 the mailbox, %2 how long in minutes, %3 the last failure</extracomment>
        <translation>
            <numerusform>%n E-Mail von %1 wartet seit %2 min auf das Senden; der letzte Versuch ist fehlgeschlagen: %3</numerusform>
            <numerusform>%n E-Mails von %1 warten seit %2 min auf das Senden; der letzte Versuch ist fehlgeschlagen: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>the appointments, contacts and tasks of %1 do not sync: %2</source>
        <extracomment>%1: the mailbox, %2: why (a sentence)</extracomment>
        <translation>Termine, Kontakte und Aufgaben von %1 werden nicht synchronisiert: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed both in the CRM and in the calendar or address book of %1: the mailbox&apos;s conflict rule decided which value is used, and both values were recorded</source>
        <extracomment>%n: how many fields, %1: the mailbox</extracomment>
        <translation>
            <numerusform>%n Feld wurde sowohl im CRM als auch im Kalender oder Adressbuch von %1 geändert: Die Konfliktregel des Postfachs hat entschieden, welcher Wert gilt, und beide Werte wurden festgehalten</numerusform>
            <numerusform>%n Felder wurden sowohl im CRM als auch im Kalender oder Adressbuch von %1 geändert: Die Konfliktregel des Postfachs hat entschieden, welcher Wert gilt, und beide Werte wurden festgehalten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchDecoder</name>
    <message>
        <source>not enough memory to decode the message</source>
        <translation>nicht genügend Arbeitsspeicher, um die Nachricht zu dekodieren</translation>
    </message>
    <message>
        <source>the message could not be decoded: %1</source>
        <translation>die Nachricht konnte nicht dekodiert werden: %1</translation>
    </message>
    <message>
        <source>the message could not be decoded (an unknown error)</source>
        <translation>die Nachricht konnte nicht dekodiert werden (unbekannter Fehler)</translation>
    </message>
</context>
<context>
    <name>ConfigImporter</name>
    <message>
        <source>unknown role &quot;%1&quot;; none are defined in crm.roles</source>
        <translation>unbekannte Rolle „%1“; in crm.roles sind keine Rollen definiert</translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;; defined: %2</source>
        <translation>unbekannte Rolle „%1“; definiert sind: %2</translation>
    </message>
    <message>
        <source>unknown field security profile &quot;%1&quot;; define it in crm.field_security_profiles</source>
        <translation>unbekanntes Feldsicherheitsprofil „%1“; definieren Sie es in crm.field_security_profiles</translation>
    </message>
    <message>
        <source>the crm section refers to unknown roles</source>
        <translation>der Abschnitt crm verweist auf unbekannte Rollen</translation>
    </message>
    <message>
        <source>no %1 &quot;%2&quot; in the crm section or in the database</source>
        <translation>%1 „%2“ gibt es weder im Abschnitt crm noch in der Datenbank</translation>
    </message>
    <message>
        <source>%1:%2 is not a CRM record yet; messages in %3 are tracked without a regarding record until it is imported</source>
        <translation>%1:%2 ist noch kein CRM-Datensatz; Nachrichten in %3 werden ohne Bezugsdatensatz nachverfolgt, bis er importiert ist</translation>
    </message>
    <message>
        <source>no server profile named &quot;%1&quot; in this file or in the database</source>
        <translation>ein Serverprofil namens „%1“ gibt es weder in dieser Datei noch in der Datenbank</translation>
    </message>
    <message>
        <source>%1 stays disabled (%2); enable it with &apos;syncdesk-node mailbox enable %1&apos;</source>
        <translation>%1 bleibt deaktiviert (%2); aktivieren Sie das Postfach mit &apos;syncdesk-node mailbox enable %1&apos;</translation>
    </message>
    <message>
        <source>configuration refers to unknown profiles, owners or roles</source>
        <translation>die Konfiguration verweist auf unbekannte Profile, Besitzer oder Rollen</translation>
    </message>
</context>
<context>
    <name>ConfigParser</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the file is larger than 64 MiB</source>
        <translation>die Datei ist größer als 64 MiB</translation>
    </message>
    <message>
        <source>not valid JSON at %1: %2</source>
        <translation>ungültiges JSON (%1): %2</translation>
    </message>
    <message>
        <source>expected an object with &quot;server_profiles&quot; and &quot;mailboxes&quot;</source>
        <translation>erwartet wird ein Objekt mit &quot;server_profiles&quot; und &quot;mailboxes&quot;</translation>
    </message>
    <message>
        <source>unknown key; expected one of: %1</source>
        <translation>unbekannter Schlüssel; zulässig sind: %1</translation>
    </message>
    <message>
        <source>expected an array of server profiles, got %1</source>
        <translation>erwartet wird ein Array von Serverprofilen, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an array of mailboxes, got %1</source>
        <translation>erwartet wird ein Array von Postfächern, angegeben ist %1</translation>
    </message>
    <message>
        <source>the file has none of &quot;server_profiles&quot;, &quot;mailboxes&quot;, &quot;crm&quot; and &quot;retention&quot;</source>
        <translation>die Datei enthält keinen der Schlüssel &quot;server_profiles&quot;, &quot;mailboxes&quot;, &quot;crm&quot; oder &quot;retention&quot;</translation>
    </message>
    <message>
        <source>expected a server profile object, got %1</source>
        <translation>erwartet wird ein Serverprofil-Objekt, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected a non-empty string, got %1</source>
        <translation>erwartet wird eine nicht leere Zeichenfolge, angegeben ist %1</translation>
    </message>
    <message>
        <source>the profile name &quot;%1&quot; is used twice</source>
        <translation>der Profilname „%1“ wird zweimal verwendet</translation>
    </message>
    <message>
        <source>missing: every profile needs an incoming server</source>
        <translation>fehlt: Jedes Profil benötigt einen Posteingangsserver</translation>
    </message>
    <message>
        <source>expected an integer from 1 to 1000, got %1</source>
        <translation>erwartet wird eine ganze Zahl von 1 bis 1000, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an object with protocol, host, port and security, got %1</source>
        <translation>erwartet wird ein Objekt mit protocol, host, port und security, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected &quot;smtp&quot; for outgoing mail, got %1</source>
        <translation>erwartet wird &quot;smtp&quot; für ausgehende E-Mails, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected &quot;imap&quot; or &quot;pop3&quot;, got %1</source>
        <translation>erwartet wird &quot;imap&quot; oder &quot;pop3&quot;, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected a host name or IP address, got %1</source>
        <translation>erwartet wird ein Hostname oder eine IP-Adresse, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected &quot;none&quot;, &quot;starttls&quot; or &quot;tls&quot;, got %1</source>
        <translation>erwartet wird &quot;none&quot;, &quot;starttls&quot; oder &quot;tls&quot;, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an integer from 1 to 65535, got %1</source>
        <translation>erwartet wird eine ganze Zahl von 1 bis 65535, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected the path of a PEM file, got %1</source>
        <translation>erwartet wird der Pfad einer PEM-Datei, angegeben ist %1</translation>
    </message>
    <message>
        <source>the file %1 does not exist or cannot be read</source>
        <translation>die Datei %1 existiert nicht oder kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>ignored: security is &quot;none&quot;</source>
        <translation>ignoriert: security ist &quot;none&quot;</translation>
    </message>
    <message>
        <source>expected an integer from %1 to %2, got %3</source>
        <translation>erwartet wird eine ganze Zahl von %1 bis %2, angegeben ist %3</translation>
    </message>
    <message>
        <source>the intervals must satisfy min_interval_seconds (%1) &lt;= base_interval_seconds (%2) &lt;= max_interval_seconds (%3)</source>
        <translation>für die Intervalle muss gelten: min_interval_seconds (%1) &lt;= base_interval_seconds (%2) &lt;= max_interval_seconds (%3)</translation>
    </message>
    <message>
        <source>expected an object with min_interval_seconds, base_interval_seconds, max_interval_seconds, got %1</source>
        <translation>erwartet wird ein Objekt mit min_interval_seconds, base_interval_seconds und max_interval_seconds, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>erwartet wird ein Objekt, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected a mailbox object, got %1</source>
        <translation>erwartet wird ein Postfach-Objekt, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an email address, got %1</source>
        <translation>erwartet wird eine E-Mail-Adresse, angegeben ist %1</translation>
    </message>
    <message>
        <source>the mailbox %1 is listed twice</source>
        <translation>das Postfach %1 ist zweimal aufgeführt</translation>
    </message>
    <message>
        <source>expected the name of a server profile, got %1</source>
        <translation>erwartet wird der Name eines Serverprofils, angegeben ist %1</translation>
    </message>
    <message>
        <source>missing password_file, password_env or password_keychain</source>
        <translation>password_file, password_env oder password_keychain fehlt</translation>
    </message>
    <message>
        <source>give one of password_file, password_env and password_keychain, not several</source>
        <translation>geben Sie nur einen der Schlüssel password_file, password_env oder password_keychain an, nicht mehrere</translation>
    </message>
    <message>
        <source>expected the name of an entry of the system keychain, got %1</source>
        <translation>erwartet wird der Name eines Eintrags im Systemschlüsselbund, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected the path of a file, got %1</source>
        <translation>erwartet wird der Pfad einer Datei, angegeben ist %1</translation>
    </message>
    <message>
        <source>%1 can be read by other users; restrict it with chmod 600</source>
        <translation>%1 kann von anderen Benutzern gelesen werden; schränken Sie den Zugriff mit chmod 600 ein</translation>
    </message>
    <message>
        <source>expected an environment variable name, got %1</source>
        <translation>erwartet wird der Name einer Umgebungsvariablen, angegeben ist %1</translation>
    </message>
    <message>
        <source>%1 is not set here; it must be set where the sync runs</source>
        <translation>%1 ist hier nicht gesetzt; die Variable muss dort gesetzt sein, wo die Synchronisierung läuft</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>erwartet wird true oder false, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected a non-empty array of folder names, got %1</source>
        <translation>erwartet wird ein nicht leeres Array von Ordnernamen, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected a folder name, got %1</source>
        <translation>erwartet wird ein Ordnername, angegeben ist %1</translation>
    </message>
    <message>
        <source>a folder name cannot contain line breaks</source>
        <translation>ein Ordnername darf keine Zeilenumbrüche enthalten</translation>
    </message>
    <message>
        <source>the folder &quot;%1&quot; is listed twice</source>
        <translation>der Ordner „%1“ ist zweimal aufgeführt</translation>
    </message>
    <message>
        <source>expected an ISO-8601 date or time such as 2024-01-31 or 2024-01-31T08:00:00Z, got %1</source>
        <translation>erwartet wird ein Datum oder Zeitpunkt nach ISO 8601 wie 2024-01-31 oder 2024-01-31T08:00:00Z, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected systemuser:ID or queue:ID, got %1</source>
        <translation>erwartet wird systemuser:ID oder queue:ID, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected one of all, responses, known-records, email-enabled, none, got %1</source>
        <translation>erwartet wird einer der Werte all, responses, known-records, email-enabled oder none, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an object of folder names and records, {&quot;Customers/Contoso&quot;: &quot;account:contoso&quot;}, got %1</source>
        <translation>erwartet wird ein Objekt aus Ordnernamen und Datensätzen wie {&quot;Customers/Contoso&quot;: &quot;account:contoso&quot;}, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected a folder name without line breaks</source>
        <translation>erwartet wird ein Ordnername ohne Zeilenumbrüche</translation>
    </message>
    <message>
        <source>expected a record such as account:contoso, got %1</source>
        <translation>erwartet wird ein Datensatz wie account:contoso, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an object with the url of the CalDAV/CardDAV server, got %1</source>
        <translation>erwartet wird ein Objekt mit der url des CalDAV/CardDAV-Servers, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an http or https URL such as https://dav.example.com/, got %1</source>
        <translation>erwartet wird eine http- oder https-URL wie https://dav.example.com/, angegeben ist %1</translation>
    </message>
    <message>
        <source>plain http: passwords would cross the network unencrypted, so the sync refuses it; use https</source>
        <translation>unverschlüsseltes http: Passwörter würden unverschlüsselt über das Netzwerk übertragen, daher verweigert die Synchronisierung diese URL; verwenden Sie https</translation>
    </message>
    <message>
        <source>expected true, false or an object of act settings, got %1</source>
        <translation>erwartet wird true, false oder ein Objekt mit act-Einstellungen, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected both, to-server, from-server or none, got %1</source>
        <translation>erwartet wird both, to-server, from-server oder none, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected crm-wins or server-wins, got %1</source>
        <translation>erwartet wird crm-wins oder server-wins, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected a user name, got %1</source>
        <translation>erwartet wird ein Benutzername, angegeben ist %1</translation>
    </message>
    <message>
        <source>give one of dav_password_file, dav_password_env and dav_password_keychain, not several</source>
        <translation>geben Sie nur einen der Schlüssel dav_password_file, dav_password_env oder dav_password_keychain an, nicht mehrere</translation>
    </message>
    <message>
        <source>expected a readable file, got %1</source>
        <translation>erwartet wird eine lesbare Datei, angegeben ist %1</translation>
    </message>
    <message>
        <source>a DAV password without dav_username: the mailbox&apos;s username is used with it</source>
        <translation>ein DAV-Passwort ohne dav_username: Es wird zusammen mit dem Benutzernamen des Postfachs verwendet</translation>
    </message>
    <message>
        <source>expected an object such as {&quot;method&quot;: &quot;oauth2&quot;, &quot;provider&quot;: &quot;microsoft&quot;, &quot;client_id&quot;: &quot;...&quot;}, got %1</source>
        <translation>erwartet ein Objekt wie {&quot;method&quot;: &quot;oauth2&quot;, &quot;provider&quot;: &quot;microsoft&quot;, &quot;client_id&quot;: &quot;...&quot;}, erhalten: %1</translation>
    </message>
    <message>
        <source>expected oauth2 or password, got %1</source>
        <translation>erwartet oauth2 oder password, erhalten: %1</translation>
    </message>
    <message>
        <source>expected microsoft, google or generic, got %1</source>
        <translation>erwartet microsoft, google oder generic, erhalten: %1</translation>
    </message>
    <message>
        <source>expected the application (client) id registered with the identity provider, got %1</source>
        <translation>erwartet die beim Identitätsanbieter registrierte Anwendungs-ID (Client-ID), erhalten: %1</translation>
    </message>
    <message>
        <source>%1 can be read by other users; chmod 600 it</source>
        <translation>%1 ist für andere Benutzer lesbar; mit chmod 600 schützen</translation>
    </message>
    <message>
        <source>expected a directory (tenant) id or domain such as contoso.onmicrosoft.com, got %1</source>
        <translation>erwartet eine Verzeichnis-ID (Mandant) oder Domäne wie contoso.onmicrosoft.com, erhalten: %1</translation>
    </message>
    <message>
        <source>only the microsoft provider uses a tenant</source>
        <translation>nur der Anbieter microsoft verwendet einen Mandanten (tenant)</translation>
    </message>
    <message>
        <source>expected a non-empty array of scopes without spaces, got %1</source>
        <translation>erwartet ein nicht leeres Array von Scopes ohne Leerzeichen, erhalten: %1</translation>
    </message>
    <message>
        <source>expected an https URL, got %1</source>
        <translation>erwartet eine https-URL, erhalten: %1</translation>
    </message>
    <message>
        <source>missing: the generic provider needs the token endpoint</source>
        <translation>fehlt: der Anbieter generic braucht den Token-Endpunkt</translation>
    </message>
    <message>
        <source>the generic provider needs authorization_endpoint (sign-in in the console), device_authorization_endpoint (oauth login on a server), or both</source>
        <translation>der Anbieter generic braucht authorization_endpoint (Anmeldung in der Konsole), device_authorization_endpoint (oauth login auf einem Server) oder beide</translation>
    </message>
    <message>
        <source>no scopes: the identity provider decides what the token allows</source>
        <translation>keine Scopes: der Identitätsanbieter entscheidet, was das Token erlaubt</translation>
    </message>
    <message>
        <source>the incoming server is not encrypted: access tokens would cross the network in clear text</source>
        <translation>der Posteingangsserver ist nicht verschlüsselt: Zugriffstokens gingen im Klartext über das Netz</translation>
    </message>
    <message>
        <source>the profile %1 signs in with OAuth 2.0: the mailbox&apos;s password is not used</source>
        <translation>das Profil %1 meldet sich mit OAuth 2.0 an: das Passwort des Postfachs wird nicht verwendet</translation>
    </message>
    <message>
        <source>expected ADDRESS:PORT as a string, got %1</source>
        <translation>ADRESSE:PORT als Zeichenkette erwartet, erhalten: %1</translation>
    </message>
    <message>
        <source>expected a number above 0 and at most 100000, got %1</source>
        <translation>erwartet wird eine Zahl über 0 und höchstens 100000, angegeben ist %1</translation>
    </message>
</context>
<context>
    <name>ConfigValues</name>
    <message>
        <source>the number %1</source>
        <translation>die Zahl %1</translation>
    </message>
    <message>
        <source>the string &quot;%1&quot;</source>
        <translation>die Zeichenfolge &quot;%1&quot;</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <extracomment>What a missing JSON value is, in &quot;expected ..., got nothing&quot;</extracomment>
        <translation>kein Wert</translation>
    </message>
</context>
<context>
    <name>ConsoleCli</name>
    <message>
        <source>SyncDesk monitoring console.</source>
        <translation>SyncDesk-Überwachungskonsole.</translation>
    </message>
    <message>
        <source>The database to open: a SQLite file or postgresql://USER@HOST:PORT/DBNAME (default: $SYNCDESK_DB or %1).</source>
        <extracomment>Keep postgresql://USER@HOST:PORT/DBNAME and $SYNCDESK_DB as they are. %1: the default database file</extracomment>
        <translation>Die zu öffnende Datenbank: eine SQLite-Datei oder postgresql://USER@HOST:PORT/DBNAME (Standard: $SYNCDESK_DB oder %1).</translation>
    </message>
    <message>
        <source>PATH|URL</source>
        <extracomment>Value name of --db in the help</extracomment>
        <translation>PFAD|URL</translation>
    </message>
    <message>
        <source>Demo mode: a private mail server with demo mailboxes, a schedule 60 times faster.</source>
        <translation>Demomodus: ein privater Mailserver mit Demo-Postfächern und einem 60-mal schnelleren Zeitplan.</translation>
    </message>
    <message>
        <source>Do not sync from this console; watch the engines of syncdesk-node on the same database.</source>
        <translation>Nicht aus dieser Konsole synchronisieren; stattdessen die Engines von syncdesk-node auf derselben Datenbank überwachen.</translation>
    </message>
    <message>
        <source>Run an engine in this console even when syncdesk-node engines run on the database (by default the console runs one only when no live engine is registered).</source>
        <translation>Eine Engine in dieser Konsole ausführen, auch wenn Engines von syncdesk-node mit der Datenbank arbeiten (standardmäßig startet die Konsole nur dann eine, wenn keine aktive Engine registriert ist).</translation>
    </message>
    <message>
        <source>Worker threads of the engine (default: one per core).</source>
        <translation>Worker-Threads der Engine (Standard: einer pro Kern).</translation>
    </message>
    <message>
        <source>N</source>
        <extracomment>Value name of --workers in the help (a number)</extracomment>
        <translation>N</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE after --screenshot-delay seconds, then quit.</source>
        <extracomment>FILE: the value name of --screenshot (translate it as that value name)</extracomment>
        <translation>Einen Screenshot des Fensters nach --screenshot-delay Sekunden in DATEI speichern, dann beenden.</translation>
    </message>
    <message>
        <source>FILE</source>
        <extracomment>Value name of --screenshot in the help (a file name)</extracomment>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Seconds to wait before --screenshot (default 10).</source>
        <translation>Wartezeit in Sekunden vor --screenshot (Standard: 10).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <extracomment>Value name of --screenshot-delay in the help</extracomment>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>Select this mailbox, showing its details.</source>
        <translation>Dieses Postfach auswählen und seine Details anzeigen.</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <extracomment>Value name of --select in the help (a mailbox address)</extracomment>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <source>TAB</source>
        <extracomment>Value name of --tab in the help</extracomment>
        <translation>TAB</translation>
    </message>
    <message>
        <source>Open the log viewer large, filtered to the --select mailbox if one is given.</source>
        <translation>Die Protokollanzeige groß öffnen, gefiltert auf das mit --select gewählte Postfach, falls angegeben.</translation>
    </message>
    <message>
        <source>--demo uses a database of its own; leave out --db</source>
        <translation>--demo verwendet eine eigene Datenbank; lassen Sie --db weg</translation>
    </message>
    <message>
        <source>no tab &apos;%1&apos;; --tab takes %2</source>
        <extracomment>%1: the value given, %2: the tab names --tab takes (not translated)</extracomment>
        <translation>es gibt keine Registerkarte „%1“; --tab akzeptiert %2</translation>
    </message>
    <message>
        <source>--engine and --monitor-only contradict each other; give one of them</source>
        <translation>--engine und --monitor-only widersprechen sich; geben Sie nur eine der beiden Optionen an</translation>
    </message>
    <message>
        <source>--workers expects a number from 1 to 64</source>
        <translation>--workers erwartet eine Zahl von 1 bis 64</translation>
    </message>
    <message>
        <source>cannot save the screenshot to %1</source>
        <translation>der Screenshot kann nicht unter %1 gespeichert werden</translation>
    </message>
    <message>
        <source>Open this tab: mailboxes, overview, alerts, failures, outbox, crm, or the CRM tab&apos;s appointments or tasks.</source>
        <extracomment>Keep the tab names (mailboxes, overview, alerts, failures, outbox, crm, appointments, tasks): they are the values --tab takes</extracomment>
        <translation>Diesen Reiter öffnen: mailboxes, overview, alerts, failures, outbox, crm, oder im CRM-Reiter appointments oder tasks.</translation>
    </message>
    <message>
        <source>SyncDesk monitoring console</source>
        <translation>SyncDesk-Überwachungskonsole</translation>
    </message>
    <message>
        <source>The console shows every mailbox of a SyncDesk database: its interval, last and next sync, failures with a hint for each, alerts and the log, with the actions an operator needs. It runs a sync engine itself unless syncdesk-node engines already run on the database.</source>
        <translation>Die Konsole zeigt jedes Postfach einer SyncDesk-Datenbank: sein Intervall, die letzte und nächste Synchronisierung, Fehler mit je einem Hinweis, Warnungen und das Protokoll, mit den Aktionen, die ein Betreiber braucht. Sie betreibt selbst eine Synchronisierungs-Engine, außer wenn bereits syncdesk-node-Engines auf der Datenbank laufen.</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>Siehe auch</translation>
    </message>
    <message>
        <source>no display to open the console on (neither DISPLAY nor WAYLAND_DISPLAY is set): start it in a desktop session or over ssh -X, or use syncdesk-node on the command line</source>
        <translation>keine Anzeige, auf der die Konsole geöffnet werden kann (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt): in einer Desktop-Sitzung oder über ssh -X starten, oder auf der Kommandozeile syncdesk-node verwenden</translation>
    </message>
    <message>
        <source>there is no database at %1 (store-missing); --monitor-only watches an existing one: check --db or $SYNCDESK_DB</source>
        <extracomment>%1: a file name; keep store-missing, --db and $SYNCDESK_DB as they are</extracomment>
        <translation>unter %1 gibt es keine Datenbank (store-missing); --monitor-only beobachtet eine vorhandene: --db oder $SYNCDESK_DB prüfen</translation>
    </message>
</context>
<context>
    <name>ConsoleMain</name>
    <message>
        <source>Monitoring only (--monitor-only): syncs run in syncdesk-node</source>
        <translation>Nur Überwachung (--monitor-only): Synchronisierungen laufen in syncdesk-node</translation>
    </message>
    <message>
        <source>Engine running in this console (--engine)</source>
        <translation>Engine läuft in dieser Konsole (--engine)</translation>
    </message>
    <message>
        <source>Engine running in this console: no other engine runs on this store</source>
        <translation>Engine läuft in dieser Konsole: Auf dieser Datenbank läuft keine andere Engine</translation>
    </message>
    <message numerus="yes">
        <source>Monitoring only: %n syncdesk-node engine(s) run on this store (--engine runs one here too)</source>
        <extracomment>The verb agrees with the number: &quot;1 syncdesk-node engine runs&quot;, &quot;2 syncdesk-node engines run&quot;</extracomment>
        <translation>
            <numerusform>Nur Überwachung: %n syncdesk-node-Engine läuft auf dieser Datenbank (mit --engine liefe auch hier eine)</numerusform>
            <numerusform>Nur Überwachung: %n syncdesk-node-Engines laufen auf dieser Datenbank (mit --engine liefe auch hier eine)</numerusform>
        </translation>
    </message>
    <message>
        <source>demo — the schedule runs 60× faster: 1 minute of schedule takes 1 second</source>
        <extracomment>The window&apos;s subtitle in demo mode</extracomment>
        <translation>Demo — der Zeitplan läuft 60× schneller: 1 Minute im Zeitplan dauert 1 Sekunde</translation>
    </message>
    <message>
        <source>Starting the demo mail server and seeding the demo mailboxes…</source>
        <translation>Demo-Mailserver wird gestartet und Demo-Postfächer werden befüllt…</translation>
    </message>
    <message>
        <source>The demo could not start.

%1</source>
        <extracomment>%1: the reason</extracomment>
        <translation>Die Demo konnte nicht gestartet werden.

%1</translation>
    </message>
    <message>
        <source>%1 (monitoring only)</source>
        <extracomment>The window&apos;s subtitle. %1: the database</extracomment>
        <translation>%1 (nur Überwachung)</translation>
    </message>
</context>
<context>
    <name>CrmConfigParser</name>
    <message>
        <source>expected TYPE:ID with TYPE one of %1, got &quot;%2&quot;</source>
        <translation>erwartet wird TYPE:ID mit TYPE aus %1, angegeben ist „%2“</translation>
    </message>
    <message>
        <source>unknown field for the record type %1; expected one of: %2</source>
        <translation>unbekanntes Feld für den Datensatztyp %1; zulässig sind: %2</translation>
    </message>
    <message>
        <source>missing; every %1 needs one</source>
        <translation>fehlt; ist für jeden Datensatz vom Typ %1 erforderlich</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>erwartet wird eine Zeichenfolge, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected at most 200 characters without control characters</source>
        <translation>erwartet werden höchstens 200 Zeichen ohne Steuerzeichen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address</source>
        <translation>„%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>expected an array of role names, got %1</source>
        <translation>erwartet wird ein Array von Rollennamen, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>erwartet wird ein Objekt, angegeben ist %1</translation>
    </message>
    <message>
        <source>unknown key; expected one of: %1</source>
        <translation>unbekannter Schlüssel; zulässig sind: %1</translation>
    </message>
    <message>
        <source>expected an array of records, got %1</source>
        <translation>erwartet wird ein Array von Datensätzen, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected a record object, got %1</source>
        <translation>erwartet wird ein Datensatz-Objekt, angegeben ist %1</translation>
    </message>
    <message>
        <source>the %1 &quot;%2&quot; is listed twice</source>
        <translation>%1 „%2“ ist zweimal aufgeführt</translation>
    </message>
    <message>
        <source>expected an object with &quot;prefix&quot; and &quot;digits&quot;, got %1</source>
        <translation>erwartet wird ein Objekt mit &quot;prefix&quot; und &quot;digits&quot;, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected 1 to 16 letters and digits starting with a letter, got %1</source>
        <translation>erwartet werden 1 bis 16 Buchstaben und Ziffern, beginnend mit einem Buchstaben, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an integer from 3 to 12, got %1</source>
        <translation>erwartet wird eine ganze Zahl von 3 bis 12, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an IMAP keyword such as $SyncDeskTracked (no spaces, brackets, quotes or wildcards), or &quot;&quot; for none, got %1</source>
        <translation>erwartet wird ein IMAP-Schlüsselwort wie $SyncDeskTracked (ohne Leerzeichen, Klammern, Anführungszeichen oder Platzhalterzeichen) oder &quot;&quot; für keines, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an integer from 1 to 3650, got %1</source>
        <translation>erwartet wird eine ganze Zahl von 1 bis 3650, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an object of roles, each {&quot;TYPE&quot;: &quot;SCOPE&quot;}, got %1</source>
        <translation>erwartet wird ein Objekt aus Rollen, jeweils {&quot;TYPE&quot;: &quot;SCOPE&quot;}, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an object of record types and scopes, got %1</source>
        <translation>erwartet wird ein Objekt aus Datensatztypen und Zugriffsebenen, angegeben ist %1</translation>
    </message>
    <message>
        <source>unknown record type; expected one of: %1</source>
        <translation>unbekannter Datensatztyp; zulässig sind: %1</translation>
    </message>
    <message>
        <source>expected a scope: none, own, business-unit or organization, got %1</source>
        <translation>erwartet wird eine Zugriffsebene: none, own, business-unit oder organization, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an object of profiles, each a list of withheld fields, got %1</source>
        <translation>erwartet wird ein Objekt aus Profilen, jeweils mit einer Liste zurückgehaltener Felder, angegeben ist %1</translation>
    </message>
    <message>
        <source>expected an array of fields (body, attachments, cc), got %1</source>
        <translation>erwartet wird ein Array von Feldern (body, attachments, cc), angegeben ist %1</translation>
    </message>
    <message>
        <source>expected one of body, attachments, cc, got %1</source>
        <translation>erwartet wird einer der Werte body, attachments oder cc, angegeben ist %1</translation>
    </message>
    <message>
        <source>the profile withholds nothing</source>
        <translation>das Profil hält keine Felder zurück</translation>
    </message>
    <message>
        <source>expected an array of system user ids, got %1</source>
        <translation>erwartet wurde ein Array von Systembenutzer-IDs, erhalten: %1</translation>
    </message>
    <message>
        <source>unknown key; expected one of: prefix, digits, enabled</source>
        <translation>unbekannter Schlüssel; erwartet wird einer von: prefix, digits, enabled</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>erwartet wurde true oder false, erhalten: %1</translation>
    </message>
</context>
<context>
    <name>CrmCsvImporter</name>
    <message>
        <source>--type must be one of %1, not &quot;%2&quot;</source>
        <translation>--type muss einer der Werte %1 sein, nicht „%2“</translation>
    </message>
    <message>
        <source>the file is empty; it needs a header row naming the columns</source>
        <translation>die Datei ist leer; sie benötigt eine Kopfzeile mit den Spaltennamen</translation>
    </message>
    <message>
        <source>line %1: unknown column &quot;%2&quot; for the record type %3; expected: %4</source>
        <translation>Zeile %1: unbekannte Spalte „%2“ für den Datensatztyp %3; zulässig sind: %4</translation>
    </message>
    <message>
        <source>line %1: the column &quot;%2&quot; appears twice</source>
        <translation>Zeile %1: die Spalte „%2“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>line %1: no &quot;id&quot; column; every %2 needs an id</source>
        <translation>Zeile %1: keine Spalte &quot;id&quot;; jeder Datensatz vom Typ %2 benötigt eine ID</translation>
    </message>
    <message numerus="yes">
        <source>line %1: %2 fields, but the header names %n column(s)</source>
        <translation>
            <numerusform>Zeile %1: %2 Felder, aber die Kopfzeile nennt %n Spalte</numerusform>
            <numerusform>Zeile %1: %2 Felder, aber die Kopfzeile nennt %n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>line %1, column id: &quot;%2&quot; is already on line %3</source>
        <translation>Zeile %1, Spalte id: „%2“ steht bereits in Zeile %3</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation>Zeile %1: ein Feld in Anführungszeichen wird nicht geschlossen</translation>
    </message>
</context>
<context>
    <name>DavClient</name>
    <message>
        <source>the DAV server %1 could not be found</source>
        <translation>der DAV-Server %1 wurde nicht gefunden</translation>
    </message>
    <message>
        <source>the DAV server %1 refused the connection</source>
        <translation>der DAV-Server %1 hat die Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>the TLS handshake with the DAV server %1 failed</source>
        <translation>der TLS-Handshake mit dem DAV-Server %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the DAV server %1 did not answer in time</source>
        <translation>der DAV-Server %1 hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the connection to the DAV server %1 failed</source>
        <translation>die Verbindung zum DAV-Server %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>ca_file %1 holds no PEM certificate</source>
        <extracomment>ca_file is the name of a configuration setting</extracomment>
        <translation>ca_file %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>the DAV server %1 is plain http: the password would cross the network unencrypted; use https</source>
        <translation>der DAV-Server %1 verwendet unverschlüsseltes http: Das Passwort würde unverschlüsselt über das Netzwerk übertragen; verwenden Sie https</translation>
    </message>
    <message>
        <source>the DAV server&apos;s answer to %1 is larger than 64 MiB</source>
        <translation>die Antwort des DAV-Servers auf %1 ist größer als 64 MiB</translation>
    </message>
    <message>
        <source>%1: the DAV server refused the login (401)</source>
        <translation>%1: Der DAV-Server hat die Anmeldung abgelehnt (401)</translation>
    </message>
    <message>
        <source>%1: the DAV server forbids it (403)</source>
        <translation>%1: Der DAV-Server verbietet es (403)</translation>
    </message>
    <message>
        <source>%1: the DAV server does not find it (%2)</source>
        <translation>%1: Der DAV-Server findet es nicht (%2)</translation>
    </message>
    <message>
        <source>%1: the item changed on the server in the meantime (412)</source>
        <translation>%1: Der Eintrag wurde inzwischen auf dem Server geändert (412)</translation>
    </message>
    <message>
        <source>%1: the DAV server is out of space (507)</source>
        <translation>%1: Der DAV-Server hat keinen Speicherplatz mehr (507)</translation>
    </message>
    <message>
        <source>%1: the DAV server asks to slow down (%2)</source>
        <translation>%1: Der DAV-Server bittet darum, langsamer zu werden (%2)</translation>
    </message>
    <message>
        <source>%1: the DAV server failed (%2)</source>
        <translation>%1: Der DAV-Server ist fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>%1: the DAV server refused it (%2)</source>
        <translation>%1: Der DAV-Server hat es abgelehnt (%2)</translation>
    </message>
    <message>
        <source>the request to %1 was cancelled</source>
        <translation>die Anfrage an %1 wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>DavDiscovery</name>
    <message>
        <source>the current user&apos;s principal</source>
        <translation>Principal des aktuellen Benutzers</translation>
    </message>
    <message>
        <source>principal %1 (from %2)</source>
        <translation>Principal %1 (von %2)</translation>
    </message>
    <message>
        <source>the DAV server names no principal for this login at %1</source>
        <translation>der DAV-Server nennt unter %1 keinen Principal für diese Anmeldung</translation>
    </message>
    <message>
        <source>the DAV server redirects %1 in circles</source>
        <translation>der DAV-Server leitet %1 im Kreis um</translation>
    </message>
    <message>
        <source>the calendar and address book homes</source>
        <translation>Basisverzeichnisse für Kalender und Adressbücher</translation>
    </message>
    <message>
        <source>the DAV server offers no calendar home for this login (no calendar-home-set)</source>
        <translation>der DAV-Server bietet für diese Anmeldung kein Kalender-Basisverzeichnis an (kein calendar-home-set)</translation>
    </message>
    <message>
        <source>the DAV server offers no address book home for this login (no addressbook-home-set)</source>
        <translation>der DAV-Server bietet für diese Anmeldung kein Adressbuch-Basisverzeichnis an (kein addressbook-home-set)</translation>
    </message>
    <message>
        <source>calendar home %1, address book home %2</source>
        <translation>Kalender-Basisverzeichnis %1, Adressbuch-Basisverzeichnis %2</translation>
    </message>
    <message>
        <source>the collections of %1</source>
        <translation>Sammlungen in %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: none yet in %2 (the first sync makes one)</source>
        <extracomment>%1: appointment, task or contact; %2: the home collection&apos;s path</extracomment>
        <translation>%1: noch keine Sammlung in %2 (die erste Synchronisierung legt eine an)</translation>
    </message>
    <message>
        <source>making %1</source>
        <translation>Anlegen von %1</translation>
    </message>
    <message>
        <source>no calendar of %1 takes tasks (VTODO), and one could not be made: %2</source>
        <translation>kein Kalender in %1 nimmt Aufgaben (VTODO) auf, und es konnte keiner angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1: made %2</source>
        <translation>%1: %2 angelegt</translation>
    </message>
</context>
<context>
    <name>DavXml</name>
    <message>
        <source>the DAV server&apos;s answer could not be read: %1</source>
        <translation>die Antwort des DAV-Servers konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>DiagnosticBundle</name>
    <message>
        <source>no mailbox %1 in %2</source>
        <translation>Postfach %1 ist in %2 nicht vorhanden</translation>
    </message>
    <message>
        <source>cannot write the diagnostic bundle %1: %2</source>
        <translation>das Diagnosepaket %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>DiagnosticsStore</name>
    <message>
        <source>there is no alert %1</source>
        <translation>es gibt keine Meldung %1</translation>
    </message>
</context>
<context>
    <name>ErrorClass</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Tls</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Auth</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>ServerNo</source>
        <translation>Server-NO</translation>
    </message>
    <message>
        <source>ServerBad</source>
        <translation>Server-BAD</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokollfehler</translation>
    </message>
    <message>
        <source>Parse</source>
        <translation>Dekodierung</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
</context>
<context>
    <name>GapAlert</name>
    <message numerus="yes">
        <source>%1: the audit found %n message(s) on the server that the store does not account for</source>
        <translation>
            <numerusform>%1: die Prüfung hat %n Nachricht auf dem Server gefunden, die in der Datenbank nicht erfasst ist</numerusform>
            <numerusform>%1: die Prüfung hat %n Nachrichten auf dem Server gefunden, die in der Datenbank nicht erfasst sind</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hint</name>
    <message>
        <source>Mail server host name not found</source>
        <translation>Hostname des Mailservers nicht gefunden</translation>
    </message>
    <message>
        <source>The host name of the server profile could not be resolved in DNS, so no connection was attempted.</source>
        <translation>Der Hostname des Serverprofils konnte per DNS nicht aufgelöst werden, daher wurde kein Verbindungsversuch unternommen.</translation>
    </message>
    <message>
        <source>Check the spelling of incoming.host in the server profile (outgoing.host when the SMTP step of a connection test failed).</source>
        <translation>Prüfen Sie die Schreibweise von incoming.host im Serverprofil (bzw. outgoing.host, wenn der SMTP-Schritt eines Verbindungstests fehlgeschlagen ist).</translation>
    </message>
    <message>
        <source>Run `getent hosts HOST` on the machine that runs the sync to see whether it resolves there.</source>
        <translation>Führen Sie `getent hosts HOST` auf dem Rechner aus, auf dem die Synchronisierung läuft, um zu prüfen, ob der Name dort aufgelöst wird.</translation>
    </message>
    <message>
        <source>If the name only exists in an internal DNS zone, make sure this machine uses that DNS server.</source>
        <translation>Wenn der Name nur in einer internen DNS-Zone existiert, stellen Sie sicher, dass dieser Rechner den zugehörigen DNS-Server verwendet.</translation>
    </message>
    <message>
        <source>Mail server refused the connection</source>
        <translation>Verbindung vom Mailserver abgelehnt</translation>
    </message>
    <message>
        <source>The host answered but nothing accepts connections on that port: the service is down, or the port is wrong.</source>
        <translation>Der Host hat geantwortet, aber auf diesem Port werden keine Verbindungen angenommen: Der Dienst läuft nicht oder der Port ist falsch.</translation>
    </message>
    <message>
        <source>Check incoming.port in the server profile: IMAP is usually 143 (STARTTLS) or 993 (TLS), POP3 110 or 995; for the SMTP step, outgoing.port: 587 (STARTTLS) or 465 (TLS).</source>
        <translation>Prüfen Sie incoming.port im Serverprofil: IMAP verwendet üblicherweise 143 (STARTTLS) oder 993 (TLS), POP3 110 oder 995; für den SMTP-Schritt gilt outgoing.port: 587 (STARTTLS) oder 465 (TLS).</translation>
    </message>
    <message>
        <source>Check that incoming.security matches the port: &quot;tls&quot; for 993/995, &quot;starttls&quot; or &quot;none&quot; for 143/110.</source>
        <translation>Prüfen Sie, ob incoming.security zum Port passt: &quot;tls&quot; für 993/995, &quot;starttls&quot; oder &quot;none&quot; für 143/110.</translation>
    </message>
    <message>
        <source>Ask the mail server&apos;s administrator whether the IMAP, POP3 or SMTP service is running.</source>
        <translation>Fragen Sie den Administrator des Mailservers, ob der IMAP-, POP3- bzw. SMTP-Dienst läuft.</translation>
    </message>
    <message>
        <source>Network error talking to the mail server</source>
        <translation>Netzwerkfehler bei der Kommunikation mit dem Mailserver</translation>
    </message>
    <message>
        <source>The connection could not be made or was lost (unreachable network, reset by a firewall or the server).</source>
        <translation>Die Verbindung konnte nicht hergestellt werden oder ist abgebrochen (Netzwerk nicht erreichbar, Verbindung von einer Firewall oder vom Server zurückgesetzt).</translation>
    </message>
    <message>
        <source>Check that this machine can reach incoming.host on incoming.port (firewall, proxy, routing).</source>
        <translation>Prüfen Sie, ob dieser Rechner incoming.host auf incoming.port erreichen kann (Firewall, Proxy, Routing).</translation>
    </message>
    <message>
        <source>If it happens once, the next scheduled sync retries on its own.</source>
        <translation>Tritt der Fehler nur einmal auf, versucht es die nächste geplante Synchronisierung automatisch erneut.</translation>
    </message>
    <message>
        <source>Connection to the mail server was lost during the sync</source>
        <translation>Verbindung zum Mailserver während der Synchronisierung unterbrochen</translation>
    </message>
    <message>
        <source>The server or the network closed the connection before the sync finished. What was already stored is kept; the next sync continues from there.</source>
        <translation>Der Server oder das Netzwerk hat die Verbindung geschlossen, bevor die Synchronisierung abgeschlossen war. Bereits Gespeichertes bleibt erhalten; die nächste Synchronisierung setzt an dieser Stelle fort.</translation>
    </message>
    <message>
        <source>If this repeats, check the server&apos;s log for sessions killed by a limit (time, memory, connections).</source>
        <translation>Wenn sich dies wiederholt, prüfen Sie im Protokoll des Servers, ob Sitzungen wegen eines Limits (Zeit, Speicher, Verbindungen) beendet wurden.</translation>
    </message>
    <message>
        <source>Lower max_concurrent_connections of the server profile if the server limits connections per client.</source>
        <translation>Verringern Sie max_concurrent_connections im Serverprofil, wenn der Server die Anzahl der Verbindungen pro Client begrenzt.</translation>
    </message>
    <message>
        <source>Mail server did not answer in time</source>
        <translation>Keine rechtzeitige Antwort vom Mailserver</translation>
    </message>
    <message>
        <source>A stage of the sync (connect, TLS handshake, login or a command) got no answer within its time limit.</source>
        <translation>Ein Schritt der Synchronisierung (Verbindungsaufbau, TLS-Handshake, Anmeldung oder ein Befehl) hat innerhalb seines Zeitlimits keine Antwort erhalten.</translation>
    </message>
    <message>
        <source>Check that incoming.host and incoming.port point at a mail server, not at a host that silently drops packets.</source>
        <translation>Prüfen Sie, ob incoming.host und incoming.port auf einen Mailserver verweisen und nicht auf einen Host, der Pakete stillschweigend verwirft.</translation>
    </message>
    <message>
        <source>If the server is slow under load, the next sync retries; lower max_concurrent_connections if it keeps happening.</source>
        <translation>Wenn der Server unter Last langsam ist, versucht es die nächste Synchronisierung erneut; verringern Sie max_concurrent_connections, falls das Problem weiterhin auftritt.</translation>
    </message>
    <message>
        <source>Mail server certificate is not trusted</source>
        <translation>Zertifikat des Mailservers nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not signed by a certificate authority this machine trusts (for example a self-signed certificate). The connection was refused rather than continued without verification.</source>
        <translation>Das Zertifikat des Servers ist nicht von einer Zertifizierungsstelle signiert, der dieser Rechner vertraut (zum Beispiel ein selbstsigniertes Zertifikat). Die Verbindung wurde abgelehnt, statt ohne Überprüfung fortgesetzt zu werden.</translation>
    </message>
    <message>
        <source>Install a certificate from a trusted authority on the mail server, or</source>
        <translation>Installieren Sie auf dem Mailserver ein Zertifikat einer vertrauenswürdigen Zertifizierungsstelle oder</translation>
    </message>
    <message>
        <source>set incoming.ca_file in the server profile (outgoing.ca_file for the SMTP endpoint) to the PEM file of the authority that signed the server&apos;s certificate.</source>
        <translation>setzen Sie incoming.ca_file im Serverprofil (outgoing.ca_file für den SMTP-Endpunkt) auf die PEM-Datei der Zertifizierungsstelle, die das Zertifikat des Servers signiert hat.</translation>
    </message>
    <message>
        <source>Mail server certificate has expired or is not yet valid</source>
        <translation>Zertifikat des Mailservers abgelaufen oder noch nicht gültig</translation>
    </message>
    <message>
        <source>The certificate&apos;s validity period does not include the current date.</source>
        <translation>Der Gültigkeitszeitraum des Zertifikats umfasst das aktuelle Datum nicht.</translation>
    </message>
    <message>
        <source>Renew the certificate on the mail server.</source>
        <translation>Erneuern Sie das Zertifikat auf dem Mailserver.</translation>
    </message>
    <message>
        <source>Check that this machine&apos;s clock is correct (`timedatectl`).</source>
        <translation>Prüfen Sie, ob die Uhrzeit dieses Rechners stimmt (`timedatectl`).</translation>
    </message>
    <message>
        <source>Mail server certificate is for another host name</source>
        <translation>Zertifikat des Mailservers gilt für einen anderen Hostnamen</translation>
    </message>
    <message>
        <source>The certificate is valid but does not name the host the profile connects to.</source>
        <translation>Das Zertifikat ist gültig, enthält aber nicht den Hostnamen, mit dem sich das Profil verbindet.</translation>
    </message>
    <message>
        <source>Set incoming.host (outgoing.host for the SMTP endpoint) to a name listed in the certificate (its subject alternative names).</source>
        <translation>Setzen Sie incoming.host (outgoing.host für den SMTP-Endpunkt) auf einen Namen, der im Zertifikat aufgeführt ist (unter den alternativen Antragstellernamen, Subject Alternative Names).</translation>
    </message>
    <message>
        <source>Or have the server&apos;s certificate reissued to include the name used here.</source>
        <translation>Oder lassen Sie das Zertifikat des Servers neu ausstellen, sodass es den hier verwendeten Namen enthält.</translation>
    </message>
    <message>
        <source>Mail server only offers an outdated TLS version</source>
        <translation>Mailserver bietet nur eine veraltete TLS-Version an</translation>
    </message>
    <message>
        <source>The server could not agree on TLS 1.2 or newer; older versions are refused because they are not secure.</source>
        <translation>Mit dem Server konnte keine Verbindung über TLS 1.2 oder neuer ausgehandelt werden; ältere Versionen werden abgelehnt, da sie nicht sicher sind.</translation>
    </message>
    <message>
        <source>Enable TLS 1.2 or 1.3 on the mail server.</source>
        <translation>Aktivieren Sie TLS 1.2 oder 1.3 auf dem Mailserver.</translation>
    </message>
    <message>
        <source>TLS handshake with the mail server failed</source>
        <translation>TLS-Handshake mit dem Mailserver fehlgeschlagen</translation>
    </message>
    <message>
        <source>The encrypted connection could not be set up.</source>
        <translation>Die verschlüsselte Verbindung konnte nicht aufgebaut werden.</translation>
    </message>
    <message>
        <source>Check that incoming.security matches the port: &quot;tls&quot; expects TLS from the first byte (993/995), &quot;starttls&quot; upgrades a plain connection (143/110).</source>
        <translation>Prüfen Sie, ob incoming.security zum Port passt: &quot;tls&quot; erwartet TLS ab dem ersten Byte (993/995), &quot;starttls&quot; verschlüsselt eine zunächst unverschlüsselte Verbindung nachträglich (143/110).</translation>
    </message>
    <message>
        <source>See the detail of the error for the TLS library&apos;s reason.</source>
        <translation>Den von der TLS-Bibliothek gemeldeten Grund finden Sie in den Fehlerdetails.</translation>
    </message>
    <message>
        <source>Mail server does not offer STARTTLS</source>
        <translation>Mailserver bietet kein STARTTLS an</translation>
    </message>
    <message>
        <source>The profile requires STARTTLS but the server did not announce it. SyncDesk does not fall back to an unencrypted session.</source>
        <translation>Das Profil erfordert STARTTLS, aber der Server hat es nicht angekündigt. SyncDesk weicht nicht auf eine unverschlüsselte Sitzung aus.</translation>
    </message>
    <message>
        <source>Enable STARTTLS on the mail server, or</source>
        <translation>Aktivieren Sie STARTTLS auf dem Mailserver oder</translation>
    </message>
    <message>
        <source>use implicit TLS: set incoming.security to &quot;tls&quot; and incoming.port to 993 (IMAP) or 995 (POP3); for SMTP, outgoing.security &quot;tls&quot; and outgoing.port 465.</source>
        <translation>verwenden Sie implizites TLS: Setzen Sie incoming.security auf &quot;tls&quot; und incoming.port auf 993 (IMAP) oder 995 (POP3); für SMTP outgoing.security auf &quot;tls&quot; und outgoing.port auf 465.</translation>
    </message>
    <message>
        <source>Mail server rejected the user name or password</source>
        <translation>Benutzername oder Passwort vom Mailserver abgelehnt</translation>
    </message>
    <message>
        <source>The login was refused. Retrying with the same credentials can lock the account, and many servers slow down every login from this machine&apos;s address after repeated failures (brute-force protection), which delays the other mailboxes synced from here too.</source>
        <translation>Die Anmeldung wurde abgelehnt. Erneute Versuche mit denselben Zugangsdaten können das Konto sperren, und viele Server verlangsamen nach wiederholten Fehlversuchen jede Anmeldung von der Adresse dieses Rechners (Schutz vor Brute-Force-Angriffen). Dadurch verzögern sich auch die anderen Postfächer, die von hier aus synchronisiert werden.</translation>
    </message>
    <message>
        <source>Check the mailbox&apos;s username (often the full email address).</source>
        <translation>Prüfen Sie den Benutzernamen des Postfachs (oft die vollständige E-Mail-Adresse).</translation>
    </message>
    <message>
        <source>Check the password in the file named by password_file, the environment variable named by password_env, or the keychain entry named by password_keychain (syncdesk-node password set ENTRY), on the machine that runs the sync.</source>
        <translation>Prüfen Sie auf dem Rechner, auf dem die Synchronisierung läuft, das Passwort in der durch password_file angegebenen Datei, in der durch password_env angegebenen Umgebungsvariablen oder im durch password_keychain angegebenen Schlüsselbundeintrag (syncdesk-node password set ENTRY).</translation>
    </message>
    <message>
        <source>If the account uses multi-factor authentication, create an app password for it.</source>
        <translation>Wenn für das Konto eine Multi-Faktor-Authentifizierung aktiviert ist, erstellen Sie dafür ein App-Passwort.</translation>
    </message>
    <message>
        <source>Check the mailbox&apos;s user name (often the full email address): Mailbox → Edit mailbox….</source>
        <translation>Prüfen Sie den Benutzernamen des Postfachs (oft die vollständige E-Mail-Adresse): Postfach → Postfach bearbeiten….</translation>
    </message>
    <message>
        <source>Check the password: Edit mailbox… lets you type it again (kept in a file only you can read, or in the system keychain); a password file or environment variable must be readable where the sync runs.</source>
        <translation>Prüfen Sie das Passwort: Unter „Postfach bearbeiten…“ können Sie es erneut eingeben (es wird in einer Datei gespeichert, die nur Sie lesen können, oder im Schlüsselbund des Systems); eine Passwortdatei oder Umgebungsvariable muss auf dem Rechner lesbar sein, auf dem die Synchronisierung läuft.</translation>
    </message>
    <message>
        <source>Then Mailbox → Test &amp; Enable… checks the login and enables the mailbox.</source>
        <translation>Anschließend prüft Postfach → Testen &amp; aktivieren… die Anmeldung und aktiviert das Postfach.</translation>
    </message>
    <message>
        <source>SMTP server offers no login SyncDesk can use</source>
        <translation>SMTP-Server bietet keine für SyncDesk nutzbare Anmeldemethode an</translation>
    </message>
    <message>
        <source>The outgoing server did not announce AUTH PLAIN or AUTH LOGIN on this connection, so the mailbox&apos;s credentials cannot be checked there. Many servers only offer AUTH after STARTTLS.</source>
        <translation>Der Postausgangsserver hat auf dieser Verbindung weder AUTH PLAIN noch AUTH LOGIN angekündigt, daher können die Zugangsdaten des Postfachs dort nicht geprüft werden. Viele Server bieten AUTH erst nach STARTTLS an.</translation>
    </message>
    <message>
        <source>Set outgoing.security to &quot;starttls&quot; (port 587) or &quot;tls&quot; (port 465) in the server profile.</source>
        <translation>Setzen Sie outgoing.security im Serverprofil auf &quot;starttls&quot; (Port 587) oder &quot;tls&quot; (Port 465).</translation>
    </message>
    <message>
        <source>Ask the mail server&apos;s administrator whether SMTP submission with a password is enabled for this account.</source>
        <translation>Fragen Sie den Administrator des Mailservers, ob für dieses Konto der Versand per SMTP-Submission mit Passwort aktiviert ist.</translation>
    </message>
    <message>
        <source>Mail server does not allow a plain-text login on this connection</source>
        <translation>Mailserver erlaubt auf dieser Verbindung keine Klartext-Anmeldung</translation>
    </message>
    <message>
        <source>The server announced LOGINDISABLED or refused plain-text authentication because the connection is not encrypted.</source>
        <translation>Der Server hat LOGINDISABLED angekündigt oder die Klartext-Authentifizierung abgelehnt, weil die Verbindung nicht verschlüsselt ist.</translation>
    </message>
    <message>
        <source>Set incoming.security to &quot;starttls&quot; or &quot;tls&quot; in the server profile (outgoing.security for the SMTP endpoint).</source>
        <translation>Setzen Sie incoming.security im Serverprofil auf &quot;starttls&quot; oder &quot;tls&quot; (outgoing.security für den SMTP-Endpunkt).</translation>
    </message>
    <message>
        <source>If the connection is already encrypted, the server allows no password login for this account: ask its administrator which login it expects.</source>
        <translation>Ist die Verbindung bereits verschlüsselt, erlaubt der Server für dieses Konto keine Anmeldung mit Passwort: Fragen Sie den Administrator des Servers, welche Anmeldemethode erwartet wird.</translation>
    </message>
    <message>
        <source>Mail account is locked or disabled on the server</source>
        <translation>E-Mail-Konto auf dem Server gesperrt oder deaktiviert</translation>
    </message>
    <message>
        <source>The server accepted the credentials&apos; format but says the account cannot be used.</source>
        <translation>Der Server hat das Format der Zugangsdaten akzeptiert, meldet aber, dass das Konto nicht verwendet werden kann.</translation>
    </message>
    <message>
        <source>Ask the mail server&apos;s administrator to unlock or re-enable the account.</source>
        <translation>Bitten Sie den Administrator des Mailservers, das Konto zu entsperren oder wieder zu aktivieren.</translation>
    </message>
    <message>
        <source>Re-enable the mailbox in SyncDesk once the account works again.</source>
        <translation>Aktivieren Sie das Postfach in SyncDesk erneut, sobald das Konto wieder funktioniert.</translation>
    </message>
    <message>
        <source>The mailbox&apos;s password could not be read</source>
        <translation>Passwort des Postfachs konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The password file does not exist or cannot be read, the environment variable is not set for the process that runs the sync, or the system keychain has no such entry or cannot be reached (no Secret Service or KWallet in the session, or it is locked).</source>
        <translation>Die Passwortdatei existiert nicht oder ist nicht lesbar, die Umgebungsvariable ist für den Prozess, der die Synchronisierung ausführt, nicht gesetzt, oder der Schlüsselbund des Systems enthält keinen solchen Eintrag bzw. ist nicht erreichbar (kein Secret Service oder KWallet in der Sitzung, oder er ist gesperrt).</translation>
    </message>
    <message>
        <source>Check that the file named by password_file exists and is readable by the user that runs syncdesk-node.</source>
        <translation>Prüfen Sie, ob die durch password_file angegebene Datei existiert und für den Benutzer lesbar ist, unter dem syncdesk-node läuft.</translation>
    </message>
    <message>
        <source>If the mailbox uses password_env, set that variable in the service&apos;s environment.</source>
        <translation>Wenn das Postfach password_env verwendet, setzen Sie diese Variable in der Umgebung des Dienstes.</translation>
    </message>
    <message>
        <source>If it uses password_keychain, store the entry with &apos;syncdesk-node password set ENTRY&apos; as the user that runs the sync, in a session whose keychain is unlocked (DBUS_SESSION_BUS_ADDRESS set).</source>
        <translation>Wenn es password_keychain verwendet, speichern Sie den Eintrag mit &apos;syncdesk-node password set ENTRY&apos; als der Benutzer, unter dem die Synchronisierung läuft, und zwar in einer Sitzung, deren Schlüsselbund entsperrt ist (DBUS_SESSION_BUS_ADDRESS gesetzt).</translation>
    </message>
    <message>
        <source>Open Mailbox → Edit mailbox… and check where the password comes from: a file must exist and be readable by the user that runs the sync, an environment variable must be set in that process&apos;s environment.</source>
        <translation>Öffnen Sie Postfach → Postfach bearbeiten… und prüfen Sie, woher das Passwort stammt: Eine Datei muss existieren und für den Benutzer lesbar sein, unter dem die Synchronisierung läuft; eine Umgebungsvariable muss in der Umgebung dieses Prozesses gesetzt sein.</translation>
    </message>
    <message>
        <source>For a keychain entry, type the password again in Edit mailbox… with &quot;Keep it in the system keychain&quot; checked, in a session whose keychain is unlocked.</source>
        <translation>Geben Sie bei einem Schlüsselbundeintrag das Passwort unter „Postfach bearbeiten…“ erneut ein und aktivieren Sie dabei „Im Schlüsselbund des Systems aufbewahren“; verwenden Sie dazu eine Sitzung, deren Schlüsselbund entsperrt ist.</translation>
    </message>
    <message>
        <source>Mail server is throttling this client</source>
        <translation>Mailserver drosselt diesen Client</translation>
    </message>
    <message>
        <source>The server asked SyncDesk to slow down. The mailbox waits at least the delay the server suggested (shown in the error) before the next attempt; the failure does not disable it.</source>
        <translation>Der Server hat SyncDesk aufgefordert, langsamer zu werden. Das Postfach wartet vor dem nächsten Versuch mindestens so lange, wie der Server vorgeschlagen hat (im Fehler angegeben); dieser Fehler führt nicht zur Deaktivierung des Postfachs.</translation>
    </message>
    <message>
        <source>Lower max_concurrent_connections of the server profile.</source>
        <translation>Verringern Sie max_concurrent_connections im Serverprofil.</translation>
    </message>
    <message>
        <source>Ask the server&apos;s administrator whether a throttling policy applies to this client.</source>
        <translation>Fragen Sie den Administrator des Servers, ob für diesen Client eine Drosselungsrichtlinie gilt.</translation>
    </message>
    <message>
        <source>Mail server quota or bandwidth limit reached</source>
        <translation>Kontingent oder Bandbreitenlimit des Mailservers erreicht</translation>
    </message>
    <message>
        <source>The server refused the request because a quota or bandwidth limit of the account was reached.</source>
        <translation>Der Server hat die Anfrage abgelehnt, weil ein Kontingent oder Bandbreitenlimit des Kontos erreicht wurde.</translation>
    </message>
    <message>
        <source>Free space in the mailbox or raise its quota on the server.</source>
        <translation>Geben Sie Speicherplatz im Postfach frei oder erhöhen Sie dessen Kontingent auf dem Server.</translation>
    </message>
    <message>
        <source>Lower max_concurrent_connections if the limit is on bandwidth.</source>
        <translation>Verringern Sie max_concurrent_connections, wenn es sich um ein Bandbreitenlimit handelt.</translation>
    </message>
    <message>
        <source>Folder not found on the mail server</source>
        <translation>Ordner auf dem Mailserver nicht gefunden</translation>
    </message>
    <message>
        <source>A folder configured for this mailbox does not exist on the server (renamed or deleted).</source>
        <translation>Ein für dieses Postfach konfigurierter Ordner existiert auf dem Server nicht (umbenannt oder gelöscht).</translation>
    </message>
    <message>
        <source>Check the folder names configured for the mailbox; names are case-sensitive except INBOX.</source>
        <translation>Prüfen Sie die für das Postfach konfigurierten Ordnernamen; außer bei INBOX wird zwischen Groß- und Kleinschreibung unterschieden.</translation>
    </message>
    <message>
        <source>Folder was rebuilt on the server (UIDVALIDITY changed)</source>
        <translation>Ordner auf dem Server neu aufgebaut (UIDVALIDITY geändert)</translation>
    </message>
    <message>
        <source>The server renumbered the folder&apos;s messages. SyncDesk fetched it again and matched messages by Message-ID, so nothing was duplicated.</source>
        <translation>Der Server hat die Nachrichten des Ordners neu nummeriert. SyncDesk hat den Ordner erneut abgerufen und die Nachrichten anhand der Message-ID zugeordnet, sodass keine Duplikate entstanden sind.</translation>
    </message>
    <message>
        <source>Nothing to do. If it happens often, the server&apos;s index is being rebuilt repeatedly; ask its administrator.</source>
        <translation>Kein Handlungsbedarf. Tritt dies häufig auf, wird der Index des Servers wiederholt neu aufgebaut; wenden Sie sich an dessen Administrator.</translation>
    </message>
    <message>
        <source>Mail server refused a command</source>
        <translation>Befehl vom Mailserver abgelehnt</translation>
    </message>
    <message>
        <source>The server answered NO. Its reason is in the detail of the error.</source>
        <translation>Der Server hat mit NO geantwortet. Den Grund finden Sie in den Fehlerdetails.</translation>
    </message>
    <message>
        <source>Read the server&apos;s reason in the error detail.</source>
        <translation>Lesen Sie den vom Server angegebenen Grund in den Fehlerdetails.</translation>
    </message>
    <message>
        <source>If it is temporary (server busy), the next scheduled sync retries.</source>
        <translation>Ist der Fehler vorübergehend (Server ausgelastet), versucht es die nächste geplante Synchronisierung erneut.</translation>
    </message>
    <message>
        <source>Mail server did not understand a command</source>
        <translation>Befehl vom Mailserver nicht verstanden</translation>
    </message>
    <message>
        <source>The server answered BAD to a command SyncDesk sent; the server may not support a required feature.</source>
        <translation>Der Server hat auf einen von SyncDesk gesendeten Befehl mit BAD geantwortet; möglicherweise unterstützt der Server eine erforderliche Funktion nicht.</translation>
    </message>
    <message>
        <source>Check that the server is an IMAP4rev1 (or POP3) server.</source>
        <translation>Prüfen Sie, ob es sich um einen IMAP4rev1-Server (bzw. POP3-Server) handelt.</translation>
    </message>
    <message>
        <source>Export a diagnostic bundle and report it with the server&apos;s name and version.</source>
        <translation>Exportieren Sie ein Diagnosepaket und melden Sie das Problem zusammen mit Name und Version des Servers.</translation>
    </message>
    <message>
        <source>Mail server broke the protocol</source>
        <translation>Protokollverletzung durch den Mailserver</translation>
    </message>
    <message>
        <source>The server sent something that is not valid IMAP or POP3, or closed the session unexpectedly.</source>
        <translation>Der Server hat etwas gesendet, das kein gültiges IMAP oder POP3 ist, oder die Sitzung unerwartet geschlossen.</translation>
    </message>
    <message>
        <source>Check that incoming.port is the IMAP or POP3 port and incoming.protocol matches it.</source>
        <translation>Prüfen Sie, ob incoming.port der IMAP- bzw. POP3-Port ist und incoming.protocol dazu passt.</translation>
    </message>
    <message>
        <source>Check that incoming.security matches the port (a TLS port spoken to in clear text looks like garbage).</source>
        <translation>Prüfen Sie, ob incoming.security zum Port passt (wird ein TLS-Port im Klartext angesprochen, sieht die Antwort wie Datenmüll aus).</translation>
    </message>
    <message>
        <source>The server sent more than a session may hold</source>
        <translation>Server hat mehr gesendet, als eine Sitzung aufnehmen darf</translation>
    </message>
    <message>
        <source>One answer from the server was larger than the response budget of a session (limits.response_budget_bytes, 64 MiB by default), whatever sizes the server had declared. The session was ended before the node&apos;s memory could run out; nothing of that answer was stored.</source>
        <translation>Eine einzelne Antwort des Servers war größer als das Antwortbudget einer Sitzung (limits.response_budget_bytes, standardmäßig 64 MiB), unabhängig von den Größen, die der Server angegeben hatte. Die Sitzung wurde beendet, bevor dem Knoten der Speicher ausgehen konnte; von dieser Antwort wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Look in the log for the folder and command it was answering; a server that sends far more than it declares for a message is misbehaving.</source>
        <translation>Suchen Sie im Protokoll nach dem Ordner und dem Befehl, auf den die Antwort erfolgte; ein Server, der für eine Nachricht weit mehr sendet als angegeben, verhält sich fehlerhaft.</translation>
    </message>
    <message>
        <source>If the mailbox really holds answers this large, raise limits.response_budget_bytes in the configuration (and keep it below the node&apos;s memory).</source>
        <translation>Wenn die Antworten für dieses Postfach tatsächlich so groß sind, erhöhen Sie limits.response_budget_bytes in der Konfiguration (und halten Sie den Wert unterhalb des Arbeitsspeichers des Knotens).</translation>
    </message>
    <message>
        <source>Mail server closed the session</source>
        <translation>Sitzung vom Mailserver beendet</translation>
    </message>
    <message>
        <source>The server sent BYE and ended the session (shutdown, idle limit or overload).</source>
        <translation>Der Server hat BYE gesendet und die Sitzung beendet (Herunterfahren, Leerlauflimit oder Überlastung).</translation>
    </message>
    <message>
        <source>If it repeats, read the server&apos;s message in the error detail and its log for the reason.</source>
        <translation>Wenn sich dies wiederholt, lesen Sie die Mitteilung des Servers in den Fehlerdetails und suchen Sie in seinem Protokoll nach dem Grund.</translation>
    </message>
    <message>
        <source>Protocol not supported by this version</source>
        <translation>Protokoll wird von dieser Version nicht unterstützt</translation>
    </message>
    <message>
        <source>The server profile uses a protocol SyncDesk cannot sync as incoming mail (SMTP only sends).</source>
        <translation>Das Serverprofil verwendet ein Protokoll, über das SyncDesk keine eingehenden E-Mails synchronisieren kann (SMTP dient nur zum Senden).</translation>
    </message>
    <message>
        <source>Use an IMAP or POP3 server profile for this mailbox (incoming.protocol &quot;imap&quot; or &quot;pop3&quot;).</source>
        <translation>Verwenden Sie für dieses Postfach ein IMAP- oder POP3-Serverprofil (incoming.protocol &quot;imap&quot; oder &quot;pop3&quot;).</translation>
    </message>
    <message>
        <source>POP3 server cannot identify messages (no UIDL)</source>
        <translation>POP3-Server kann Nachrichten nicht identifizieren (kein UIDL)</translation>
    </message>
    <message>
        <source>SyncDesk leaves mail on a POP3 server and recognises what it already stored by each message&apos;s unique id (the UIDL command). This server does not support UIDL, so new messages cannot be told from old ones.</source>
        <translation>SyncDesk belässt E-Mails auf einem POP3-Server und erkennt bereits gespeicherte Nachrichten an ihrer eindeutigen ID (Befehl UIDL). Dieser Server unterstützt UIDL nicht, daher lassen sich neue Nachrichten nicht von alten unterscheiden.</translation>
    </message>
    <message>
        <source>Use the server&apos;s IMAP service instead (incoming.protocol &quot;imap&quot;), which every current server offers.</source>
        <translation>Verwenden Sie stattdessen den IMAP-Dienst des Servers (incoming.protocol &quot;imap&quot;), den jeder aktuelle Server anbietet.</translation>
    </message>
    <message>
        <source>Ask the mail server&apos;s administrator to enable UIDL (RFC 1939) for POP3.</source>
        <translation>Bitten Sie den Administrator des Mailservers, UIDL (RFC 1939) für POP3 zu aktivieren.</translation>
    </message>
    <message>
        <source>Configuration is invalid</source>
        <translation>Konfiguration ungültig</translation>
    </message>
    <message>
        <source>The mailbox or its server profile has a setting that cannot be used.</source>
        <translation>Das Postfach oder sein Serverprofil enthält eine Einstellung, die nicht verwendet werden kann.</translation>
    </message>
    <message>
        <source>Fix the setting named in the error and import the configuration again.</source>
        <translation>Korrigieren Sie die im Fehler genannte Einstellung und importieren Sie die Konfiguration erneut.</translation>
    </message>
    <message>
        <source>A message was empty and was not stored</source>
        <translation>Leere Nachricht wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>The server returned an item with nothing in it (no header and no body), so there was no message to store. It was listed among the mailbox&apos;s item failures with its folder and UID (or POP3 UIDL); the rest of the sync went on. (A damaged message that has anything readable is stored with what could be decoded, with the hint message-decoded-partly.)</source>
        <translation>Der Server hat ein Element ohne Inhalt zurückgegeben (weder Kopfzeilen noch Nachrichtentext), daher gab es keine Nachricht zu speichern. Es wurde mit Ordner und UID (bzw. POP3-UIDL) unter den fehlgeschlagenen Elementen des Postfachs aufgeführt; die übrige Synchronisierung wurde fortgesetzt. (Eine beschädigte Nachricht, die irgendetwas Lesbares enthält, wird mit dem dekodierbaren Inhalt gespeichert, zusammen mit dem Hinweis message-decoded-partly.)</translation>
    </message>
    <message>
        <source>List the failures with &apos;syncdesk-node failures --mailbox ADDRESS&apos; (or the console&apos;s Item failures tab) and open the message in a mail client by its folder and UID.</source>
        <translation>Listen Sie die fehlgeschlagenen Elemente mit &apos;syncdesk-node failures --mailbox ADDRESS&apos; auf (oder in der Registerkarte „Fehlgeschlagene Elemente“ der Konsole) und öffnen Sie die Nachricht anhand von Ordner und UID in einem E-Mail-Programm.</translation>
    </message>
    <message>
        <source>After repairing or replacing it on the server, run &apos;syncdesk-node failures retry --mailbox ADDRESS&apos;: the next sync fetches it again.</source>
        <translation>Nachdem Sie die Nachricht auf dem Server repariert oder ersetzt haben, führen Sie &apos;syncdesk-node failures retry --mailbox ADDRESS&apos; aus: Die nächste Synchronisierung ruft sie erneut ab.</translation>
    </message>
    <message>
        <source>Open the Item failures tab (or right-click the mailbox → Show log of mailbox) and open the message in a mail client by its folder and UID.</source>
        <translation>Öffnen Sie die Registerkarte „Fehlgeschlagene Elemente“ (oder klicken Sie mit der rechten Maustaste auf das Postfach → „Protokoll des Postfachs anzeigen“) und öffnen Sie die Nachricht anhand von Ordner und UID in einem E-Mail-Programm.</translation>
    </message>
    <message>
        <source>After repairing or replacing it on the server, select it in Item failures and press Retry: the next sync fetches it again.</source>
        <translation>Nachdem Sie die Nachricht auf dem Server repariert oder ersetzt haben, wählen Sie sie unter „Fehlgeschlagene Elemente“ aus und klicken Sie auf „Erneut versuchen“: Die nächste Synchronisierung ruft sie erneut ab.</translation>
    </message>
    <message>
        <source>A message could not be decoded at all</source>
        <translation>Eine Nachricht konnte überhaupt nicht dekodiert werden</translation>
    </message>
    <message>
        <source>Decoding this one message failed outright (for example the node ran out of memory on it). Nothing was stored for it; it was listed among the mailbox&apos;s item failures with its folder and UID (or POP3 UIDL), and the other messages of the batch were stored as usual. The next sync tries it again by itself.</source>
        <translation>Das Dekodieren dieser einen Nachricht ist vollständig fehlgeschlagen (zum Beispiel, weil dem Knoten dabei der Arbeitsspeicher ausgegangen ist). Für sie wurde nichts gespeichert; sie wurde mit Ordner und UID (bzw. POP3-UIDL) unter den fehlgeschlagenen Elementen des Postfachs aufgeführt, und die übrigen Nachrichten des Stapels wurden normal gespeichert. Die nächste Synchronisierung versucht es automatisch erneut.</translation>
    </message>
    <message>
        <source>Nothing to do if the next sync stores it.</source>
        <translation>Kein Handlungsbedarf, wenn die nächste Synchronisierung sie speichert.</translation>
    </message>
    <message>
        <source>If it keeps failing, look at the node&apos;s memory (a container or service memory limit that is too low) and at the message&apos;s size in &apos;syncdesk-node failures --mailbox ADDRESS&apos;.</source>
        <translation>Schlägt das Dekodieren weiterhin fehl, prüfen Sie den Arbeitsspeicher des Knotens (ein zu niedriges Speicherlimit des Containers oder Dienstes) und die Größe der Nachricht in &apos;syncdesk-node failures --mailbox ADDRESS&apos;.</translation>
    </message>
    <message>
        <source>If it keeps failing, look at the memory of the machine that runs the sync and at the message&apos;s size in the Item failures tab.</source>
        <translation>Schlägt das Dekodieren weiterhin fehl, prüfen Sie den Arbeitsspeicher des Rechners, auf dem die Synchronisierung läuft, und die Größe der Nachricht in der Registerkarte „Fehlgeschlagene Elemente“.</translation>
    </message>
    <message>
        <source>A message was stored with what could be decoded</source>
        <translation>Eine Nachricht wurde mit den dekodierbaren Teilen gespeichert</translation>
    </message>
    <message>
        <source>The message is malformed in part (broken MIME structure, unknown charset, unreadable date). It was stored with what could be decoded, and the activity&apos;s warnings list what could not; the rest of the sync went on.</source>
        <translation>Die Nachricht ist teilweise fehlerhaft aufgebaut (beschädigte MIME-Struktur, unbekannter Zeichensatz, unlesbares Datum). Sie wurde mit den dekodierbaren Teilen gespeichert, und die Warnungen der Aktivität führen auf, was nicht dekodiert werden konnte; die Synchronisierung wurde fortgesetzt.</translation>
    </message>
    <message>
        <source>Nothing to do for the sync. Open the message in a mail client to see what is wrong with it.</source>
        <translation>Für die Synchronisierung ist nichts zu tun. Öffnen Sie die Nachricht in einem E-Mail-Programm, um zu sehen, was mit ihr nicht stimmt.</translation>
    </message>
    <message>
        <source>A message is too large to be synced</source>
        <translation>Eine Nachricht ist zu groß für die Synchronisierung</translation>
    </message>
    <message>
        <source>The message is larger than the limit SyncDesk downloads (the server profile&apos;s max_message_bytes, 50 MB by default), so it was not kept (its bytes were read past as they arrived) and it was listed among the mailbox&apos;s item failures. The rest of the sync went on; a single huge message does not stop the mailbox.</source>
        <translation>Die Nachricht ist größer als die Grenze, bis zu der SyncDesk Nachrichten herunterlädt (max_message_bytes des Serverprofils, standardmäßig 50 MB). Sie wurde daher nicht übernommen (ihre Daten wurden beim Empfang übersprungen) und unter den fehlgeschlagenen Elementen des Postfachs aufgeführt. Die Synchronisierung wurde fortgesetzt; eine einzelne riesige Nachricht blockiert das Postfach nicht.</translation>
    </message>
    <message>
        <source>List it with &apos;syncdesk-node failures --mailbox ADDRESS&apos; and move or shrink it on the server (for example, remove its attachment), or raise max_message_bytes in the server profile.</source>
        <translation>Listen Sie sie mit &apos;syncdesk-node failures --mailbox ADDRESS&apos; auf und verschieben oder verkleinern Sie sie auf dem Server (zum Beispiel durch Entfernen ihres Anhangs), oder erhöhen Sie max_message_bytes im Serverprofil.</translation>
    </message>
    <message>
        <source>Then run &apos;syncdesk-node failures retry --mailbox ADDRESS&apos;.</source>
        <translation>Führen Sie anschließend &apos;syncdesk-node failures retry --mailbox ADDRESS&apos; aus.</translation>
    </message>
    <message>
        <source>Find it in the Item failures tab (its folder, UID, subject and size) and move or shrink it on the server (for example, remove its attachment), or raise the largest message size in the server profile (Mailbox → Edit server profile…).</source>
        <translation>Suchen Sie sie in der Registerkarte „Fehlgeschlagene Elemente“ (mit Ordner, UID, Betreff und Größe) und verschieben oder verkleinern Sie sie auf dem Server (zum Beispiel durch Entfernen ihres Anhangs), oder erhöhen Sie die maximale Nachrichtengröße im Serverprofil (Postfach → Serverprofil bearbeiten…).</translation>
    </message>
    <message>
        <source>Then select it in Item failures and press Retry.</source>
        <translation>Wählen Sie sie anschließend unter „Fehlgeschlagene Elemente“ aus und klicken Sie auf „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>A message was larger than its server declared</source>
        <translation>Eine Nachricht war größer, als der Server angegeben hatte</translation>
    </message>
    <message>
        <source>The server sent a message much larger than the size it had listed, and keeping it would have taken the session past its response budget (limits.response_budget_bytes). It was not kept this time; it is fetched again on its own, with its real size, later in the same sync or the next one.</source>
        <translation>Der Server hat eine Nachricht gesendet, die viel größer war als die von ihm aufgeführte Größe, und ihre Übernahme hätte das Antwortbudget der Sitzung (limits.response_budget_bytes) überschritten. Sie wurde diesmal nicht übernommen; sie wird später in derselben oder der nächsten Synchronisierung einzeln und mit ihrer tatsächlichen Größe erneut abgerufen.</translation>
    </message>
    <message>
        <source>Nothing to do if it is stored by a later sync.</source>
        <translation>Kein Handlungsbedarf, wenn eine spätere Synchronisierung sie speichert.</translation>
    </message>
    <message>
        <source>If it keeps coming back, the server&apos;s sizes are wrong: report it to the mail server&apos;s administrator.</source>
        <translation>Tritt das Problem immer wieder auf, sind die Größenangaben des Servers falsch: Melden Sie es dem Administrator des Mailservers.</translation>
    </message>
    <message>
        <source>Messages on the server are missing from the store</source>
        <translation>Nachrichten auf dem Server fehlen in der Datenbank</translation>
    </message>
    <message>
        <source>The audit compared the messages on the server with the folder&apos;s ledger and found messages below the point the sync has reached that were neither stored nor accounted for otherwise (not tracked, withheld, listed as an item failure), or whose activity no longer exists (deleted by hand, or lost when an older backup of the store was restored).</source>
        <translation>Die Prüfung hat die Nachrichten auf dem Server mit dem Bestandsverzeichnis des Ordners verglichen und Nachrichten unterhalb des bereits synchronisierten Stands gefunden, die weder gespeichert noch anderweitig erfasst sind (nicht nachverfolgt, zurückgehalten, als fehlgeschlagenes Element aufgeführt) oder deren Aktivität nicht mehr existiert (von Hand gelöscht oder beim Wiederherstellen einer älteren Sicherung der Datenbank verloren gegangen).</translation>
    </message>
    <message>
        <source>Run &apos;syncdesk-node verify --repair --mailbox ADDRESS&apos;: it fetches the missing messages again in the same run and audits again.</source>
        <translation>Führen Sie &apos;syncdesk-node verify --repair --mailbox ADDRESS&apos; aus: Der Befehl ruft die fehlenden Nachrichten im selben Lauf erneut ab und prüft danach erneut.</translation>
    </message>
    <message>
        <source>If messages go missing again, look in the log of the mailbox for what happened around its last syncs and report it: SyncDesk should never lose a message.</source>
        <translation>Fehlen erneut Nachrichten, prüfen Sie im Protokoll des Postfachs, was bei den letzten Synchronisierungen geschehen ist, und melden Sie es: SyncDesk sollte nie eine Nachricht verlieren.</translation>
    </message>
    <message>
        <source>If messages go missing again, open Show log of mailbox and look at what happened around its last syncs, then report it: SyncDesk should never lose a message.</source>
        <translation>Fehlen erneut Nachrichten, öffnen Sie „Protokoll des Postfachs anzeigen“, prüfen Sie, was bei den letzten Synchronisierungen geschehen ist, und melden Sie es: SyncDesk sollte nie eine Nachricht verlieren.</translation>
    </message>
    <message>
        <source>The server did not send a message it listed</source>
        <translation>Der Server hat eine aufgeführte Nachricht nicht gesendet</translation>
    </message>
    <message>
        <source>The server named the message when SyncDesk listed the folder, but left it out of its answer when SyncDesk fetched it (or sent an answer that could not be read). SyncDesk asked again: the message is still there, so it was listed among the item failures instead of being taken as deleted. The next sync asks for it again by itself.</source>
        <translation>Der Server hat die Nachricht genannt, als SyncDesk den Ordner aufgelistet hat, sie beim Abrufen aber in seiner Antwort ausgelassen (oder eine unlesbare Antwort gesendet). SyncDesk hat erneut nachgefragt: Die Nachricht ist noch vorhanden, daher wurde sie unter den fehlgeschlagenen Elementen aufgeführt, statt als gelöscht zu gelten. Die nächste Synchronisierung fragt sie automatisch erneut an.</translation>
    </message>
    <message>
        <source>Nothing to do if the next sync stores it. If it keeps failing, open the message in a mail client: the server may be unable to read it (a damaged file in its storage); the server&apos;s own log usually says why.</source>
        <translation>Kein Handlungsbedarf, wenn die nächste Synchronisierung sie speichert. Schlägt der Abruf weiterhin fehl, öffnen Sie die Nachricht in einem E-Mail-Programm: Möglicherweise kann der Server sie nicht lesen (eine beschädigte Datei in seinem Speicher); das Protokoll des Servers nennt meist den Grund.</translation>
    </message>
    <message>
        <source>Once the server can read it, run &apos;syncdesk-node failures retry --mailbox ADDRESS&apos;.</source>
        <translation>Sobald der Server sie lesen kann, führen Sie &apos;syncdesk-node failures retry --mailbox ADDRESS&apos; aus.</translation>
    </message>
    <message>
        <source>Once the server can read it, select it in the Item failures tab and press Retry.</source>
        <translation>Sobald der Server sie lesen kann, wählen Sie sie in der Registerkarte „Fehlgeschlagene Elemente“ aus und klicken Sie auf „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The CRM store refused one message</source>
        <translation>Der CRM-Speicher hat eine Nachricht abgelehnt</translation>
    </message>
    <message>
        <source>Writing one message failed while the store itself works (for example a value the database rejects, or a database trigger or constraint refusing the row). The message was listed among the item failures; the other messages of the batch were stored and the sync went on.</source>
        <translation>Das Schreiben einer Nachricht ist fehlgeschlagen, obwohl der Speicher selbst funktioniert (zum Beispiel ein Wert, den die Datenbank ablehnt, oder ein Trigger oder Constraint der Datenbank, der die Zeile zurückweist). Die Nachricht wurde unter den fehlgeschlagenen Elementen aufgeführt; die übrigen Nachrichten des Stapels wurden gespeichert, und die Synchronisierung wurde fortgesetzt.</translation>
    </message>
    <message>
        <source>Read the database&apos;s reason in the failure&apos;s detail (&apos;syncdesk-node failures --mailbox ADDRESS --json&apos;).</source>
        <translation>Den Grund der Datenbank finden Sie in den Details des fehlgeschlagenen Elements (&apos;syncdesk-node failures --mailbox ADDRESS --json&apos;).</translation>
    </message>
    <message>
        <source>Once the cause is fixed, run &apos;syncdesk-node failures retry --mailbox ADDRESS&apos;: the next sync fetches the message again by folder and UID.</source>
        <translation>Sobald die Ursache behoben ist, führen Sie &apos;syncdesk-node failures retry --mailbox ADDRESS&apos; aus: Die nächste Synchronisierung ruft die Nachricht anhand von Ordner und UID erneut ab.</translation>
    </message>
    <message>
        <source>Read the database&apos;s reason in the failure&apos;s tooltip in the Item failures tab.</source>
        <translation>Den Grund der Datenbank finden Sie im Tooltip des fehlgeschlagenen Elements in der Registerkarte „Fehlgeschlagene Elemente“.</translation>
    </message>
    <message>
        <source>Once the cause is fixed, select the failure and press Retry: the next sync fetches the message again by folder and UID.</source>
        <translation>Sobald die Ursache behoben ist, wählen Sie das fehlgeschlagene Element aus und klicken Sie auf „Erneut versuchen“: Die nächste Synchronisierung ruft die Nachricht anhand von Ordner und UID erneut ab.</translation>
    </message>
    <message>
        <source>The CRM store could not be written</source>
        <translation>In den CRM-Speicher konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>The database refused a read or write. Nothing was half written: the batch was rolled back and is fetched again next time.</source>
        <translation>Die Datenbank hat einen Lese- oder Schreibvorgang abgelehnt. Es wurde nichts nur teilweise geschrieben: Der Stapel wurde zurückgerollt und wird beim nächsten Mal erneut abgerufen.</translation>
    </message>
    <message>
        <source>Read the database error in the detail.</source>
        <translation>Lesen Sie den Datenbankfehler in den Details nach.</translation>
    </message>
    <message>
        <source>Check free disk space and permissions of the database file (--db).</source>
        <translation>Prüfen Sie den freien Speicherplatz und die Berechtigungen der Datenbankdatei (--db).</translation>
    </message>
    <message>
        <source>There is no database at this path</source>
        <translation>Unter diesem Pfad gibt es keine Datenbank</translation>
    </message>
    <message>
        <source>Commands that only read (status, alerts, failures, runs, nodes, scheduler, export, crm list, track list) never create a database or its folders, so that a mistyped --db does not leave an empty database behind and report that there are no mailboxes.</source>
        <translation>Befehle, die nur lesen (status, alerts, failures, runs, nodes, scheduler, export, crm list, track list), legen nie eine Datenbank oder ihre Ordner an, damit ein Tippfehler bei --db keine leere Datenbank zurücklässt und dann gemeldet wird, es gebe keine Postfächer.</translation>
    </message>
    <message>
        <source>Check the path given with --db or in SYNCDESK_DB, and that it is the database the node runs on (syncdesk-node run prints it when it starts).</source>
        <translation>Prüfen Sie den mit --db oder in SYNCDESK_DB angegebenen Pfad und ob es sich um die Datenbank handelt, mit der der Knoten arbeitet (syncdesk-node run gibt sie beim Start aus).</translation>
    </message>
    <message>
        <source>To start a new database, import a configuration into it: &apos;syncdesk-node --db PATH config import FILE.json&apos;.</source>
        <translation>Um eine neue Datenbank anzulegen, importieren Sie eine Konfiguration hinein: &apos;syncdesk-node --db PATH config import FILE.json&apos;.</translation>
    </message>
    <message>
        <source>The database path names a directory or another kind of file</source>
        <translation>Der Datenbankpfad verweist auf ein Verzeichnis oder eine andere Art von Datei</translation>
    </message>
    <message>
        <source>--db (or SYNCDESK_DB) must name an SQLite database file, or a postgresql:// URL. What is there was left as it is.</source>
        <translation>--db (oder SYNCDESK_DB) muss eine SQLite-Datenbankdatei oder eine postgresql://-URL angeben. Der vorhandene Inhalt wurde nicht verändert.</translation>
    </message>
    <message>
        <source>For a directory, give the file inside it, for example --db /var/lib/syncdesk/syncdesk.db.</source>
        <translation>Geben Sie bei einem Verzeichnis die Datei darin an, zum Beispiel --db /var/lib/syncdesk/syncdesk.db.</translation>
    </message>
    <message>
        <source>For another file, give the path of the database instead; a new database is made by &apos;syncdesk-node --db PATH config import FILE.json&apos;.</source>
        <translation>Geben Sie bei einer anderen Datei stattdessen den Pfad der Datenbank an; eine neue Datenbank wird mit &apos;syncdesk-node --db PATH config import FILE.json&apos; angelegt.</translation>
    </message>
    <message>
        <source>The CRM store is locked by another process</source>
        <translation>Der CRM-Speicher ist durch einen anderen Prozess gesperrt</translation>
    </message>
    <message>
        <source>Another process held the database lock for longer than the wait limit.</source>
        <translation>Ein anderer Prozess hat die Datenbanksperre länger als die maximale Wartezeit gehalten.</translation>
    </message>
    <message>
        <source>Check for another program holding a long transaction on the database file (--db), for example an sqlite3 shell left open inside BEGIN.</source>
        <translation>Prüfen Sie, ob ein anderes Programm eine lange Transaktion auf der Datenbankdatei (--db) offen hält, zum Beispiel eine sqlite3-Shell, die innerhalb von BEGIN offen gelassen wurde.</translation>
    </message>
    <message>
        <source>The next sync retries on its own.</source>
        <translation>Die nächste Synchronisierung versucht es automatisch erneut.</translation>
    </message>
    <message>
        <source>The CRM store is read-only</source>
        <translation>Der CRM-Speicher ist schreibgeschützt</translation>
    </message>
    <message>
        <source>The database file or its folder cannot be written by the user that runs the sync.</source>
        <translation>Der Benutzer, unter dem die Synchronisierung läuft, kann nicht in die Datenbankdatei oder ihren Ordner schreiben.</translation>
    </message>
    <message>
        <source>Give the user that runs syncdesk-node (or the console) write permission on the database file and its folder: SQLite also writes -wal and -shm files next to it.</source>
        <translation>Geben Sie dem Benutzer, unter dem syncdesk-node (oder die Konsole) läuft, Schreibrechte für die Datenbankdatei und ihren Ordner: SQLite schreibt daneben auch -wal- und -shm-Dateien.</translation>
    </message>
    <message>
        <source>Check that the file system is not mounted read-only (`findmnt -T DATABASE`).</source>
        <translation>Prüfen Sie, ob das Dateisystem schreibgeschützt eingehängt ist (`findmnt -T DATABASE`).</translation>
    </message>
    <message>
        <source>Give the user that runs the sync (and this console) write permission on the database file and its folder: SQLite also writes -wal and -shm files next to it.</source>
        <translation>Geben Sie dem Benutzer, unter dem die Synchronisierung (und diese Konsole) läuft, Schreibrechte für die Datenbankdatei und ihren Ordner: SQLite schreibt daneben auch -wal- und -shm-Dateien.</translation>
    </message>
    <message>
        <source>Check that the file system is not mounted read-only.</source>
        <translation>Prüfen Sie, ob das Dateisystem schreibgeschützt eingehängt ist.</translation>
    </message>
    <message>
        <source>Another engine took over this mailbox during the run</source>
        <translation>Eine andere Engine hat dieses Postfach während des Laufs übernommen</translation>
    </message>
    <message>
        <source>Engines on one store take a mailbox with a lease that they renew while they sync it. This engine could not renew it in time (it was paused, overloaded, or cut off from the store for longer than two heartbeats), so another engine took the mailbox over under a new lease epoch. Whatever this engine still tried to write for the old epoch was refused: nothing is stored twice and nothing newer is overwritten. The run was abandoned; the other engine&apos;s run counts.</source>
        <translation>Engines an einer gemeinsamen Datenbank übernehmen ein Postfach mit einer Lease, die sie während der Synchronisierung erneuern. Diese Engine konnte sie nicht rechtzeitig erneuern (sie war angehalten, überlastet oder länger als zwei Heartbeats von der Datenbank getrennt), daher hat eine andere Engine das Postfach unter einer neuen Lease-Epoche übernommen. Alles, was diese Engine noch für die alte Epoche zu schreiben versucht hat, wurde abgelehnt: Nichts wird doppelt gespeichert und nichts Neueres überschrieben. Der Lauf wurde abgebrochen; es zählt der Lauf der anderen Engine.</translation>
    </message>
    <message>
        <source>Nothing to do for the mailbox: the engine that holds it now syncs it.</source>
        <translation>Für das Postfach ist nichts zu tun: Die Engine, die es jetzt hält, synchronisiert es.</translation>
    </message>
    <message>
        <source>If it happens often, look at this engine&apos;s host: a process stopped for a while (a debugger, SIGSTOP, a suspended VM), a CPU or disk that is overloaded, or a slow network path to the database. &apos;syncdesk-node nodes&apos; shows each engine&apos;s last heartbeat.</source>
        <translation>Tritt dies häufig auf, prüfen Sie den Host dieser Engine: einen zeitweise angehaltenen Prozess (ein Debugger, SIGSTOP, eine angehaltene VM), eine überlastete CPU oder Festplatte oder eine langsame Netzwerkverbindung zur Datenbank. &apos;syncdesk-node nodes&apos; zeigt den letzten Heartbeat jeder Engine.</translation>
    </message>
    <message>
        <source>If it happens often, look at this engine&apos;s host in the Overview tab&apos;s engines (its last heartbeat): a process stopped for a while, a CPU or disk that is overloaded, or a slow network path to the database.</source>
        <translation>Tritt dies häufig auf, prüfen Sie den Host dieser Engine in der Registerkarte „Übersicht“ unter „Engines“ (ihren letzten Heartbeat): einen zeitweise angehaltenen Prozess, eine überlastete CPU oder Festplatte oder eine langsame Netzwerkverbindung zur Datenbank.</translation>
    </message>
    <message>
        <source>The database cannot be copied there</source>
        <translation>Die Datenbank kann nicht dorthin kopiert werden</translation>
    </message>
    <message>
        <source>&apos;syncdesk-node store copy&apos; copies a SQLite database into an empty database made by the same release: it refuses a target that already holds rows (it never merges two installations), a target at another schema version, and a PostgreSQL source. Nothing was written to the target.</source>
        <translation>&apos;syncdesk-node store copy&apos; kopiert eine SQLite-Datenbank in eine leere Datenbank, die mit demselben Release angelegt wurde: Ein Ziel, das bereits Zeilen enthält (zwei Installationen werden nie zusammengeführt), ein Ziel mit einer anderen Schemaversion und eine PostgreSQL-Quelle werden abgelehnt. In das Ziel wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Create a new, empty database for the copy (createdb -O syncdesk syncdesk) and copy again; the copy creates the tables itself.</source>
        <translation>Legen Sie eine neue, leere Datenbank für die Kopie an (createdb -O syncdesk syncdesk) und kopieren Sie erneut; die Tabellen legt der Kopiervorgang selbst an.</translation>
    </message>
    <message>
        <source>If a copy was started before and failed, nothing of it stayed: the copy writes everything in one transaction. If the target was used by nodes since, it is not a copy any more; drop it only if you are sure.</source>
        <translation>Wenn bereits früher ein Kopiervorgang gestartet wurde und fehlgeschlagen ist, ist davon nichts übrig geblieben: Der Kopiervorgang schreibt alles in einer einzigen Transaktion. Wurde das Ziel seitdem von Knoten verwendet, ist es keine Kopie mehr; löschen Sie es nur, wenn Sie sich sicher sind.</translation>
    </message>
    <message>
        <source>Run the same release of syncdesk-node on both sides, so that both databases are at the same schema version.</source>
        <translation>Verwenden Sie auf beiden Seiten dasselbe Release von syncdesk-node, damit beide Datenbanken dieselbe Schemaversion haben.</translation>
    </message>
    <message>
        <source>To copy a PostgreSQL database, use pg_dump and pg_restore.</source>
        <translation>Verwenden Sie zum Kopieren einer PostgreSQL-Datenbank pg_dump und pg_restore.</translation>
    </message>
    <message>
        <source>The PostgreSQL store cannot be reached</source>
        <translation>Die PostgreSQL-Datenbank ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The PostgreSQL server named by --db (or SYNCDESK_DB) did not accept a connection, the database does not exist, or the session was lost (the server restarted, failed over, or a network device dropped the connection). Nothing was half written: a transaction under way was rolled back and is done again.</source>
        <translation>Der mit --db (oder SYNCDESK_DB) angegebene PostgreSQL-Server hat keine Verbindung angenommen, die Datenbank existiert nicht, oder die Sitzung ist verloren gegangen (der Server wurde neu gestartet oder hat ein Failover durchgeführt, oder ein Netzwerkgerät hat die Verbindung getrennt). Es wurde nichts nur teilweise geschrieben: Eine laufende Transaktion wurde zurückgerollt und wird erneut ausgeführt.</translation>
    </message>
    <message>
        <source>Check that the server runs and listens on the host and port of the URL (`pg_isready -h HOST -p PORT`), and that the database exists.</source>
        <translation>Prüfen Sie, ob der Server läuft und auf Host und Port der URL lauscht (`pg_isready -h HOST -p PORT`) und ob die Datenbank existiert.</translation>
    </message>
    <message>
        <source>Check the firewall between this node and the server, and the server&apos;s log for why it closed the session.</source>
        <translation>Prüfen Sie die Firewall zwischen diesem Knoten und dem Server sowie im Protokoll des Servers, warum er die Sitzung beendet hat.</translation>
    </message>
    <message>
        <source>The node retries by itself; syncs resume when the store answers again.</source>
        <translation>Der Knoten versucht es automatisch erneut; die Synchronisierungen werden fortgesetzt, sobald die Datenbank wieder antwortet.</translation>
    </message>
    <message>
        <source>PostgreSQL refused the role or its password</source>
        <translation>PostgreSQL hat die Rolle oder ihr Passwort abgelehnt</translation>
    </message>
    <message>
        <source>The server answered, but did not accept the role of the database URL: a wrong or missing password, no pg_hba.conf line for this host, or a role that does not exist.</source>
        <translation>Der Server hat geantwortet, aber die Rolle aus der Datenbank-URL nicht akzeptiert: ein falsches oder fehlendes Passwort, keine pg_hba.conf-Zeile für diesen Host oder eine Rolle, die nicht existiert.</translation>
    </message>
    <message>
        <source>Give the password in PGPASSWORD, ~/.pgpass or PGPASSFILE of the user that runs the node, or name a keychain entry with ?password_source=keychain:ENTRY in the URL; never in the URL itself.</source>
        <translation>Hinterlegen Sie das Passwort in PGPASSWORD, ~/.pgpass oder PGPASSFILE des Benutzers, unter dem der Knoten läuft, oder nennen Sie mit ?password_source=keychain:ENTRY in der URL einen Schlüsselbundeintrag; schreiben Sie es nie direkt in die URL.</translation>
    </message>
    <message>
        <source>Check the server&apos;s pg_hba.conf for a line that lets this host connect to the database as this role (the server&apos;s log names the line it used).</source>
        <translation>Prüfen Sie in der pg_hba.conf des Servers, ob eine Zeile diesem Host erlaubt, sich als diese Rolle mit der Datenbank zu verbinden (das Protokoll des Servers nennt die verwendete Zeile).</translation>
    </message>
    <message>
        <source>The database URL cannot be used</source>
        <translation>Die Datenbank-URL ist nicht verwendbar</translation>
    </message>
    <message>
        <source>--db (or SYNCDESK_DB) is a file path for SQLite, or postgresql://USER@HOST:PORT/DBNAME with optional libpq parameters such as ?sslmode=require. The URL given could not be read that way, or carried a password.</source>
        <translation>--db (oder SYNCDESK_DB) ist ein Dateipfad für SQLite oder postgresql://USER@HOST:PORT/DBNAME mit optionalen libpq-Parametern wie ?sslmode=require. Die angegebene URL konnte so nicht gelesen werden oder enthielt ein Passwort.</translation>
    </message>
    <message>
        <source>Write it as postgresql://syncdesk@db.example.com:5432/syncdesk?sslmode=verify-full.</source>
        <translation>Schreiben Sie sie in der Form postgresql://syncdesk@db.example.com:5432/syncdesk?sslmode=verify-full.</translation>
    </message>
    <message>
        <source>Put the password in PGPASSWORD, ~/.pgpass or PGPASSFILE, or name a keychain entry with ?password_source=keychain:ENTRY.</source>
        <translation>Hinterlegen Sie das Passwort in PGPASSWORD, ~/.pgpass oder PGPASSFILE, oder nennen Sie mit ?password_source=keychain:ENTRY einen Schlüsselbundeintrag.</translation>
    </message>
    <message>
        <source>The CRM store&apos;s disk is full</source>
        <translation>Der Datenträger des CRM-Speichers ist voll</translation>
    </message>
    <message>
        <source>The database could not grow.</source>
        <translation>Die Datenbank konnte nicht wachsen.</translation>
    </message>
    <message>
        <source>Free disk space on the volume that holds the database.</source>
        <translation>Geben Sie Speicherplatz auf dem Datenträger frei, auf dem die Datenbank liegt.</translation>
    </message>
    <message>
        <source>Mailbox disabled after repeated failures</source>
        <translation>Postfach nach wiederholten Fehlern deaktiviert</translation>
    </message>
    <message>
        <source>The mailbox failed too many times in a row, or failed in a way retrying cannot fix, and was disabled so that it stops hammering the server.</source>
        <translation>Die Synchronisierung des Postfachs ist zu oft in Folge fehlgeschlagen oder auf eine Weise, die erneute Versuche nicht beheben können; das Postfach wurde deaktiviert, damit es den Server nicht weiter mit Anfragen überhäuft.</translation>
    </message>
    <message>
        <source>Fix the cause shown in the mailbox&apos;s last error and its hint (&apos;syncdesk-node status&apos;, or the console&apos;s details pane).</source>
        <translation>Beheben Sie die Ursache, die im letzten Fehler des Postfachs und dessen Hinweis angezeigt wird (&apos;syncdesk-node status&apos; oder der Detailbereich der Konsole).</translation>
    </message>
    <message>
        <source>Check the fix with &apos;syncdesk-node test-mailbox ADDRESS&apos;, then enable the mailbox with &apos;syncdesk-node test-mailbox ADDRESS --enable&apos; (or &apos;mailbox enable ADDRESS&apos;); enabling resets its failure counters.</source>
        <translation>Prüfen Sie die Behebung mit &apos;syncdesk-node test-mailbox ADDRESS&apos; und aktivieren Sie das Postfach dann mit &apos;syncdesk-node test-mailbox ADDRESS --enable&apos; (oder &apos;mailbox enable ADDRESS&apos;); das Aktivieren setzt seine Fehlerzähler zurück.</translation>
    </message>
    <message>
        <source>Fix the cause shown in the mailbox&apos;s last error and its hint (the details pane).</source>
        <translation>Beheben Sie die Ursache, die im letzten Fehler des Postfachs und dessen Hinweis angezeigt wird (im Detailbereich).</translation>
    </message>
    <message>
        <source>Then Mailbox → Test &amp; Enable… checks the fix step by step and enables the mailbox when every step passes; enabling resets its failure counters.</source>
        <translation>Anschließend prüft Postfach → Testen &amp; aktivieren… die Behebung Schritt für Schritt und aktiviert das Postfach, wenn alle Schritte erfolgreich sind; das Aktivieren setzt seine Fehlerzähler zurück.</translation>
    </message>
    <message>
        <source>Most mailboxes of a server profile are failing</source>
        <translation>Die meisten Postfächer eines Serverprofils sind fehlerhaft</translation>
    </message>
    <message>
        <source>More than half of the profile&apos;s mailboxes failed within an hour (or its server stopped accepting connections): the server, not the individual mailboxes, is the likely cause. One alert groups them instead of one per mailbox.</source>
        <translation>Mehr als die Hälfte der Postfächer des Profils ist innerhalb einer Stunde fehlgeschlagen (oder sein Server nimmt keine Verbindungen mehr an): Die Ursache liegt wahrscheinlich beim Server, nicht bei den einzelnen Postfächern. Eine einzige Meldung fasst sie zusammen, statt einer Meldung pro Postfach.</translation>
    </message>
    <message>
        <source>Check the mail server&apos;s status and the network path to it (&apos;syncdesk-node test-mailbox ADDRESS&apos; for one of its mailboxes shows which step fails).</source>
        <translation>Prüfen Sie den Status des Mailservers und die Netzwerkverbindung dorthin (&apos;syncdesk-node test-mailbox ADDRESS&apos; für eines seiner Postfächer zeigt, welcher Schritt fehlschlägt).</translation>
    </message>
    <message>
        <source>When it is back, re-enable all mailboxes disabled by this incident in one action: &apos;syncdesk-node alerts reenable ID&apos; (or Re-enable mailboxes in the console&apos;s alert list).</source>
        <translation>Sobald er wieder verfügbar ist, aktivieren Sie alle durch diesen Vorfall deaktivierten Postfächer in einem Schritt wieder: &apos;syncdesk-node alerts reenable ID&apos; (oder „Postfächer wieder aktivieren“ in der Meldungsliste der Konsole).</translation>
    </message>
    <message>
        <source>Check the mail server&apos;s status and the network path to it: Test connection… on one of its mailboxes shows which step fails.</source>
        <translation>Prüfen Sie den Status des Mailservers und die Netzwerkverbindung dorthin: „Verbindung testen…“ für eines seiner Postfächer zeigt, welcher Schritt fehlschlägt.</translation>
    </message>
    <message>
        <source>When it is back, select the incident in the Alerts tab and press &quot;Re-enable mailboxes disabled by this incident&quot;.</source>
        <translation>Sobald er wieder verfügbar ist, wählen Sie den Vorfall in der Registerkarte „Meldungen“ aus und klicken Sie auf „Von diesem Vorfall deaktivierte Postfächer wieder aktivieren“.</translation>
    </message>
    <message>
        <source>Items or fields withheld by security permissions</source>
        <translation>Elemente oder Felder durch Sicherheitsberechtigungen zurückgehalten</translation>
    </message>
    <message>
        <source>The mailbox&apos;s owner may not read some records or fields, so they were not synchronized or were stored as withheld.</source>
        <translation>Der Besitzer des Postfachs darf einige Datensätze oder Felder nicht lesen; sie wurden daher nicht synchronisiert oder als zurückgehalten gespeichert.</translation>
    </message>
    <message>
        <source>If the owner should see them, give the owner (crm.system_users[].roles) a role in crm.roles with read access to those record types at a wider scope (own, business-unit, organization), or change the owner&apos;s field_security_profile, then re-import the configuration.</source>
        <translation>Soll der Besitzer sie sehen, weisen Sie ihm (crm.system_users[].roles) eine Rolle in crm.roles mit Lesezugriff auf diese Datensatztypen in einem weiteren Bereich zu (own, business-unit, organization) oder ändern Sie das field_security_profile des Besitzers, und importieren Sie die Konfiguration anschließend erneut.</translation>
    </message>
    <message>
        <source>The change applies from the mailbox&apos;s next sync; messages skipped before are not fetched again, track them one by one with &apos;syncdesk-node track&apos;.</source>
        <translation>Die Änderung gilt ab der nächsten Synchronisierung des Postfachs; zuvor übersprungene Nachrichten werden nicht erneut abgerufen: Verfolgen Sie sie einzeln mit &apos;syncdesk-node track&apos; nach.</translation>
    </message>
    <message>
        <source>If the owner should see them, give the owner a role with read access to those record types at a wider scope, or change the owner&apos;s field security profile, in the configuration&apos;s crm section, then import it again (File → Import configuration…).</source>
        <translation>Soll der Besitzer sie sehen, weisen Sie ihm im Abschnitt crm der Konfiguration eine Rolle mit Lesezugriff auf diese Datensatztypen in einem weiteren Bereich zu oder ändern Sie sein Feldsicherheitsprofil, und importieren Sie die Konfiguration anschließend erneut (Datei → Konfiguration importieren…).</translation>
    </message>
    <message>
        <source>The change applies from the mailbox&apos;s next sync; messages skipped before are not fetched again: track them one by one with Mailbox → Track message….</source>
        <translation>Die Änderung gilt ab der nächsten Synchronisierung des Postfachs; zuvor übersprungene Nachrichten werden nicht erneut abgerufen: Verfolgen Sie sie einzeln nach (Postfach → Nachricht nachverfolgen…).</translation>
    </message>
    <message>
        <source>The server does not keep the tracking keyword</source>
        <translation>Der Server speichert das Schlüsselwort für die Nachverfolgung nicht</translation>
    </message>
    <message>
        <source>Tracked messages are marked on the server with an IMAP keyword (crm.tracked_keyword, default $SyncDeskTracked) so that mail clients can show what is tracked. This server or folder did not accept it: the folder is read-only for this account, its PERMANENTFLAGS do not allow new keywords, or UID STORE was refused. Tracking itself is not affected.</source>
        <translation>Nachverfolgte Nachrichten werden auf dem Server mit einem IMAP-Schlüsselwort markiert (crm.tracked_keyword, standardmäßig $SyncDeskTracked), damit E-Mail-Programme anzeigen können, was nachverfolgt wird. Dieser Server oder Ordner hat es nicht angenommen: Der Ordner ist für dieses Konto schreibgeschützt, seine PERMANENTFLAGS erlauben keine neuen Schlüsselwörter, oder UID STORE wurde abgelehnt. Die Nachverfolgung selbst ist davon nicht betroffen.</translation>
    </message>
    <message>
        <source>Check that the account may write to the folder (its ACL, or a shared folder opened read-only).</source>
        <translation>Prüfen Sie, ob das Konto in den Ordner schreiben darf (seine ACL, oder ein freigegebener Ordner wurde schreibgeschützt geöffnet).</translation>
    </message>
    <message>
        <source>On Dovecot, keywords need a mail storage that keeps them (maildir and sdbox do); on other servers ask the administrator whether custom keywords are allowed.</source>
        <translation>Unter Dovecot benötigen Schlüsselwörter ein Mailspeicherformat, das sie behält (maildir und sdbox tun das); fragen Sie bei anderen Servern den Administrator, ob benutzerdefinierte Schlüsselwörter erlaubt sind.</translation>
    </message>
    <message>
        <source>To stop writing the keyword, set &quot;tracked_keyword&quot;: &quot;&quot; in the crm section and import the configuration again.</source>
        <translation>Um das Schreiben des Schlüsselworts abzuschalten, setzen Sie &quot;tracked_keyword&quot;: &quot;&quot; im Abschnitt crm und importieren Sie die Konfiguration erneut.</translation>
    </message>
    <message>
        <source>Sync was cancelled</source>
        <translation>Synchronisierung wurde abgebrochen</translation>
    </message>
    <message>
        <source>The sync stopped because the engine was shutting down or the run was cancelled. What was stored before is kept.</source>
        <translation>Die Synchronisierung wurde beendet, weil die Engine heruntergefahren oder der Lauf abgebrochen wurde. Bereits Gespeichertes bleibt erhalten.</translation>
    </message>
    <message>
        <source>Nothing to do; the next sync continues where this one stopped.</source>
        <translation>Kein Handlungsbedarf; die nächste Synchronisierung macht dort weiter, wo diese aufgehört hat.</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Interner Fehler</translation>
    </message>
    <message>
        <source>SyncDesk hit a condition it does not expect. This is a bug.</source>
        <translation>SyncDesk ist auf einen unerwarteten Zustand gestoßen. Dies ist ein Programmfehler.</translation>
    </message>
    <message>
        <source>Export a diagnostic bundle and report it.</source>
        <translation>Exportieren Sie ein Diagnosepaket und melden Sie den Fehler.</translation>
    </message>
    <message>
        <source>Select the mailbox and click Audit &amp; repair in its details (Incoming): the engine audits it now, fetches the missing messages again and audits once more. A console that only monitors cannot; there, &apos;syncdesk-node verify --repair --mailbox ADDRESS&apos; on the machine that syncs does the same.</source>
        <translation>Wählen Sie das Postfach aus und klicken Sie in seinen Details (Eingehend) auf „Prüfen &amp; reparieren“: Die Engine prüft es sofort, holt die fehlenden Nachrichten erneut und prüft noch einmal. Eine Konsole, die nur beobachtet, kann das nicht; dort tut &apos;syncdesk-node verify --repair --mailbox ADRESSE&apos; auf dem Rechner, der synchronisiert, dasselbe.</translation>
    </message>
    <message>
        <source>The outgoing server refused a recipient</source>
        <translation>Der Postausgangsserver hat einen Empfänger abgelehnt</translation>
    </message>
    <message>
        <source>The SMTP server answered RCPT with a permanent refusal (5xx): the address does not exist, is not allowed, or the server will not relay to it. When other recipients were accepted the email is Sent without this one and the refused recipients are listed with it; when every recipient was refused it is Failed.</source>
        <translation>Der SMTP-Server hat RCPT mit einer dauerhaften Ablehnung (5xx) beantwortet: Die Adresse existiert nicht, ist nicht zulässig, oder der Server leitet nicht an sie weiter. Wenn andere Empfänger angenommen wurden, erhält die E-Mail ohne diesen Empfänger den Status „Gesendet“, und die abgelehnten Empfänger werden bei ihr aufgeführt; wenn alle Empfänger abgelehnt wurden, erhält sie den Status „Fehlgeschlagen“.</translation>
    </message>
    <message>
        <source>Read the server&apos;s reply in the email&apos;s details (syncdesk-node email show ID).</source>
        <translation>Lesen Sie die Antwort des Servers in den Details der E-Mail (syncdesk-node email show ID).</translation>
    </message>
    <message>
        <source>Correct the address, then send the email again (email retry ID sends it to every recipient again).</source>
        <translation>Korrigieren Sie die Adresse und senden Sie die E-Mail dann erneut (email retry ID sendet sie erneut an alle Empfänger).</translation>
    </message>
    <message>
        <source>The email is larger than the outgoing server accepts</source>
        <translation>Die E-Mail ist größer, als der Postausgangsserver annimmt</translation>
    </message>
    <message>
        <source>The SMTP server refused the message for its size (552 or 5.3.4). Sending it again will not help.</source>
        <translation>Der SMTP-Server hat die Nachricht wegen ihrer Größe abgelehnt (552 oder 5.3.4). Ein erneutes Senden hilft nicht.</translation>
    </message>
    <message>
        <source>Remove or shrink attachments and send a new email.</source>
        <translation>Entfernen oder verkleinern Sie Anhänge und senden Sie eine neue E-Mail.</translation>
    </message>
    <message>
        <source>Ask the mail server&apos;s administrator for the size limit (its EHLO answer names it as SIZE).</source>
        <translation>Fragen Sie den Administrator des Mailservers nach der Größenbeschränkung (seine EHLO-Antwort nennt sie als SIZE).</translation>
    </message>
    <message>
        <source>The outgoing server refused the email</source>
        <translation>Der Postausgangsserver hat die E-Mail abgelehnt</translation>
    </message>
    <message>
        <source>The SMTP server refused the sender or the message with a permanent reply (5xx). Its reason is in the detail.</source>
        <translation>Der SMTP-Server hat den Absender oder die Nachricht mit einer dauerhaften Antwort (5xx) abgelehnt. Der Grund steht in den Details.</translation>
    </message>
    <message>
        <source>Check that the mailbox may send as its own address on this server (some servers refuse another sender address).</source>
        <translation>Prüfen Sie, ob das Postfach auf diesem Server mit seiner eigenen Adresse senden darf (manche Server lehnen eine andere Absenderadresse ab).</translation>
    </message>
    <message>
        <source>Fix the cause, then send it again with email retry ID.</source>
        <translation>Beheben Sie die Ursache und senden Sie die E-Mail dann mit email retry ID erneut.</translation>
    </message>
    <message>
        <source>The email has no recipients</source>
        <translation>Die E-Mail hat keine Empfänger</translation>
    </message>
    <message>
        <source>An email needs at least one To, Cc or Bcc recipient.</source>
        <translation>Eine E-Mail benötigt mindestens einen An-, Cc- oder Bcc-Empfänger.</translation>
    </message>
    <message>
        <source>Give at least one recipient with --to, --cc or --bcc.</source>
        <translation>Geben Sie mit --to, --cc oder --bcc mindestens einen Empfänger an.</translation>
    </message>
    <message>
        <source>The mailbox cannot send: its server profile has no SMTP server</source>
        <translation>Das Postfach kann nicht senden: Sein Serverprofil hat keinen SMTP-Server</translation>
    </message>
    <message>
        <source>Outgoing email leaves through the server profile&apos;s outgoing (SMTP) endpoint. This profile has none, so the email waits in Pending Send.</source>
        <translation>Ausgehende E-Mails werden über den ausgehenden (SMTP-)Endpunkt des Serverprofils gesendet. Dieses Profil hat keinen, daher wartet die E-Mail im Status „Senden ausstehend“.</translation>
    </message>
    <message>
        <source>Add an outgoing endpoint to the server profile: &quot;outgoing&quot;: {&quot;protocol&quot;: &quot;smtp&quot;, &quot;host&quot;: ..., &quot;port&quot;: 587, &quot;security&quot;: &quot;starttls&quot;}, and import the configuration again.</source>
        <translation>Fügen Sie dem Serverprofil einen ausgehenden Endpunkt hinzu: &quot;outgoing&quot;: {&quot;protocol&quot;: &quot;smtp&quot;, &quot;host&quot;: ..., &quot;port&quot;: 587, &quot;security&quot;: &quot;starttls&quot;}, und importieren Sie die Konfiguration erneut.</translation>
    </message>
    <message>
        <source>Test it with syncdesk-node test-mailbox ADDRESS.</source>
        <translation>Testen Sie ihn mit syncdesk-node test-mailbox ADDRESS.</translation>
    </message>
    <message>
        <source>Add an outgoing (SMTP) endpoint to the mailbox&apos;s server profile in the configuration file, and import it again.</source>
        <translation>Fügen Sie dem Serverprofil des Postfachs in der Konfigurationsdatei einen ausgehenden (SMTP-)Endpunkt hinzu und importieren Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>Then run Test connection on the mailbox: its SMTP steps check the new endpoint.</source>
        <translation>Führen Sie dann „Verbindung testen“ für das Postfach aus: Die SMTP-Schritte prüfen den neuen Endpunkt.</translation>
    </message>
    <message>
        <source>Email waits in Pending Send</source>
        <translation>E-Mail wartet im Status „Senden ausstehend“</translation>
    </message>
    <message>
        <source>An email has been waiting to be sent for longer than expected. The alert says why: the mailbox&apos;s outgoing direction is disabled, the mailbox is disabled, its server profile has no SMTP server, the last attempts failed and are being retried, or no engine is running.</source>
        <translation>Eine E-Mail wartet länger als erwartet darauf, gesendet zu werden. Die Warnung nennt den Grund: Die ausgehende Richtung des Postfachs ist deaktiviert, das Postfach ist deaktiviert, sein Serverprofil hat keinen SMTP-Server, die letzten Versuche sind fehlgeschlagen und werden wiederholt, oder es läuft keine Engine.</translation>
    </message>
    <message>
        <source>Read the reason in the alert and in syncdesk-node status ADDRESS.</source>
        <translation>Lesen Sie den Grund in der Warnung und in syncdesk-node status ADDRESS.</translation>
    </message>
    <message>
        <source>Fix what it names (mailbox enable ADDRESS, an outgoing endpoint in the profile, a running engine); the email is sent at the next sync.</source>
        <translation>Beheben Sie, was dort genannt wird (mailbox enable ADDRESS, ein ausgehender Endpunkt im Profil, eine laufende Engine); die E-Mail wird bei der nächsten Synchronisierung gesendet.</translation>
    </message>
    <message>
        <source>To stop it from being sent, cancel it: email cancel ID.</source>
        <translation>Wenn sie nicht gesendet werden soll, brechen Sie sie ab: email cancel ID.</translation>
    </message>
    <message>
        <source>The owner may not send from this mailbox</source>
        <translation>Der Besitzer darf nicht über dieses Postfach senden</translation>
    </message>
    <message>
        <source>An email can leave only through its owner&apos;s own mailbox or through a queue&apos;s mailbox the owner is a member of, as in the CRM&apos;s security model.</source>
        <translation>Eine E-Mail kann nur über das eigene Postfach ihres Besitzers gesendet werden oder über das Postfach einer Warteschlange, deren Mitglied der Besitzer ist – wie im Sicherheitsmodell des CRM.</translation>
    </message>
    <message>
        <source>Send from the owner&apos;s own mailbox, or add the owner to the queue (crm import) and try again.</source>
        <translation>Senden Sie über das eigene Postfach des Besitzers, oder fügen Sie den Besitzer der Warteschlange hinzu (crm import) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Check the mailbox&apos;s owner with syncdesk-node mailbox show ADDRESS.</source>
        <translation>Prüfen Sie den Besitzer des Postfachs mit syncdesk-node mailbox show ADDRESS.</translation>
    </message>
    <message>
        <source>Compose the email from the owner&apos;s own mailbox, or add the owner to the queue&apos;s members in the configuration and import it again.</source>
        <translation>Verfassen Sie die E-Mail über das eigene Postfach des Besitzers, oder fügen Sie den Besitzer in der Konfiguration den Mitgliedern der Warteschlange hinzu und importieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>The owner of a mailbox is shown in its details.</source>
        <translation>Der Besitzer eines Postfachs wird in dessen Details angezeigt.</translation>
    </message>
    <message>
        <source>A send was interrupted and its outcome is unknown</source>
        <translation>Ein Sendevorgang wurde unterbrochen, sein Ergebnis ist unbekannt</translation>
    </message>
    <message>
        <source>The node stopped while the server was receiving this email, and its copy was not found in the Sent folder. By SyncDesk&apos;s rule the email is sent again: a recipient may receive it twice, but no email is lost. The event is recorded with the email.</source>
        <translation>Der Knoten wurde beendet, während der Server diese E-Mail empfing, und ihre Kopie wurde nicht im Gesendet-Ordner gefunden. Nach der Regel von SyncDesk wird die E-Mail erneut gesendet: Ein Empfänger erhält sie möglicherweise doppelt, aber keine E-Mail geht verloren. Das Ereignis wird bei der E-Mail protokolliert.</translation>
    </message>
    <message>
        <source>Nothing to do for this email. If it happens often, look at why the node stops (journalctl, dmesg for the out-of-memory killer).</source>
        <translation>Für diese E-Mail ist nichts zu tun. Wenn dies häufig vorkommt, untersuchen Sie, warum der Knoten beendet wird (journalctl, dmesg für den Out-of-Memory-Killer).</translation>
    </message>
    <message>
        <source>Open the email in the Outbox tab: the refused recipients are listed with the server&apos;s reply.</source>
        <translation>Öffnen Sie die E-Mail im Reiter Postausgang: Die abgelehnten Empfänger stehen dort mit der Antwort des Servers.</translation>
    </message>
    <message>
        <source>Correct the address and compose the email again, or Retry it to send it to every recipient again.</source>
        <translation>Korrigieren Sie die Adresse und verfassen Sie die E-Mail neu, oder senden Sie sie mit „Erneut versuchen“ noch einmal an alle Empfänger.</translation>
    </message>
    <message>
        <source>Compose the email again with fewer or smaller attachments.</source>
        <translation>Verfassen Sie die E-Mail neu, mit weniger oder kleineren Anhängen.</translation>
    </message>
    <message>
        <source>Ask the mail server&apos;s administrator for the size limit.</source>
        <translation>Fragen Sie die Administration des Mailservers nach der Größengrenze.</translation>
    </message>
    <message>
        <source>Open the email in the Outbox tab: its Last error has the server&apos;s reply.</source>
        <translation>Öffnen Sie die E-Mail im Reiter Postausgang: Unter „Letzter Fehler“ steht die Antwort des Servers.</translation>
    </message>
    <message>
        <source>Fix the cause, then select the email in the Outbox tab (Failed) and press Retry.</source>
        <translation>Beheben Sie die Ursache, wählen Sie dann die E-Mail im Reiter Postausgang (Fehlgeschlagen) und klicken Sie auf „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>Enter at least one recipient in To, Cc or Bcc.</source>
        <translation>Geben Sie mindestens einen Empfänger unter An, Cc oder Bcc an.</translation>
    </message>
    <message>
        <source>Read the reason in the alert and in the mailbox&apos;s Outgoing box.</source>
        <translation>Lesen Sie den Grund in der Warnung und im Bereich „Ausgehend“ des Postfachs.</translation>
    </message>
    <message>
        <source>Fix what it names (Enable the mailbox, turn on &quot;Send CRM email through this mailbox&quot; in Edit mailbox…, an SMTP server in Edit server profile…, a running engine); the email is sent at the next sync.</source>
        <translation>Beheben Sie, was dort genannt ist (Postfach aktivieren, „CRM-E-Mails über dieses Postfach senden“ unter „Postfach bearbeiten…“ einschalten, einen SMTP-Server unter „Serverprofil bearbeiten…“ eintragen, eine laufende Engine); die E-Mail wird bei der nächsten Synchronisierung gesendet.</translation>
    </message>
    <message>
        <source>To stop it from being sent, select it in the Outbox tab and press Cancel email.</source>
        <translation>Damit sie nicht gesendet wird, wählen Sie sie im Reiter Postausgang und klicken Sie auf „E-Mail abbrechen“.</translation>
    </message>
    <message>
        <source>Calendar server refused the login</source>
        <translation>Anmeldung vom Kalenderserver abgelehnt</translation>
    </message>
    <message>
        <source>The CalDAV/CardDAV server answered 401 to the mailbox&apos;s credentials (or its dav_username and DAV password).</source>
        <translation>Der CalDAV/CardDAV-Server hat auf die Zugangsdaten des Postfachs (bzw. dessen dav_username und DAV-Passwort) mit 401 geantwortet.</translation>
    </message>
    <message>
        <source>Check the password the mailbox&apos;s act settings point to (dav_password_file, dav_password_env or dav_password_keychain), else the mailbox&apos;s own.</source>
        <translation>Prüfen Sie das Passwort, auf das die act-Einstellungen des Postfachs verweisen (dav_password_file, dav_password_env oder dav_password_keychain), andernfalls das Passwort des Postfachs selbst.</translation>
    </message>
    <message>
        <source>Some servers need an app password for CalDAV; create one and store it where the password source points.</source>
        <translation>Manche Server verlangen für CalDAV ein App-Passwort; erstellen Sie eines und speichern Sie es dort, worauf die Passwortquelle verweist.</translation>
    </message>
    <message>
        <source>Select the mailbox and use Test connection to see the discovery step that fails.</source>
        <translation>Wählen Sie das Postfach aus und verwenden Sie „Verbindung testen“, um zu sehen, welcher Schritt der Erkennung fehlschlägt.</translation>
    </message>
    <message>
        <source>Calendar server forbids the request</source>
        <translation>Anfrage vom Kalenderserver verweigert</translation>
    </message>
    <message>
        <source>The server answered 403: the login may read or write this calendar or address book only partly, or not at all.</source>
        <translation>Der Server hat mit 403 geantwortet: Mit dieser Anmeldung darf dieser Kalender bzw. dieses Adressbuch nur teilweise oder gar nicht gelesen oder geschrieben werden.</translation>
    </message>
    <message>
        <source>Check the account&apos;s permissions on its calendar and address book on the server.</source>
        <translation>Prüfen Sie auf dem Server die Berechtigungen des Kontos für seinen Kalender und sein Adressbuch.</translation>
    </message>
    <message>
        <source>If the act url points into someone else&apos;s account, point it at the server&apos;s root so that discovery finds the account&apos;s own collections.</source>
        <translation>Wenn die act-URL in das Konto einer anderen Person verweist, lassen Sie sie auf das Stammverzeichnis des Servers verweisen, damit die Erkennung die eigenen Sammlungen des Kontos findet.</translation>
    </message>
    <message>
        <source>Calendar or address book is gone</source>
        <translation>Kalender oder Adressbuch nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>The calendar, task list or address book SyncDesk synced with answered 404: it was deleted or moved. SyncDesk looks for the account&apos;s collections again once and makes new ones when none is left.</source>
        <translation>Der Kalender, die Aufgabenliste oder das Adressbuch, mit dem SyncDesk synchronisiert hat, hat mit 404 geantwortet: Die Sammlung wurde gelöscht oder verschoben. SyncDesk sucht einmal erneut nach den Sammlungen des Kontos und legt neue an, wenn keine mehr vorhanden ist.</translation>
    </message>
    <message>
        <source>If the user deleted the calendar on purpose, nothing is needed: the next sync uses the one found or made.</source>
        <translation>Wenn der Benutzer den Kalender absichtlich gelöscht hat, ist nichts zu tun: Die nächste Synchronisierung verwendet den gefundenen oder neu angelegten.</translation>
    </message>
    <message>
        <source>If it moved, check the act url of the server profile.</source>
        <translation>Wurde die Sammlung verschoben, prüfen Sie die act-URL des Serverprofils.</translation>
    </message>
    <message>
        <source>Calendar item kept changing while it was written</source>
        <translation>Kalenderelement beim Schreiben wiederholt geändert</translation>
    </message>
    <message>
        <source>Every write SyncDesk made to one item was refused with 412 because another client changed it in between, even after reading and merging again each time.</source>
        <translation>Jeder Schreibversuch von SyncDesk für ein Element wurde mit 412 abgelehnt, weil ein anderer Client es zwischenzeitlich geändert hatte – auch nachdem SyncDesk es jedes Mal erneut gelesen und zusammengeführt hatte.</translation>
    </message>
    <message>
        <source>Usually another client is rewriting the item in a loop; check the user&apos;s devices.</source>
        <translation>Meist schreibt ein anderer Client das Element in einer Schleife neu; prüfen Sie die Geräte des Benutzers.</translation>
    </message>
    <message>
        <source>The next scheduled sync tries again; nothing is lost.</source>
        <translation>Die nächste geplante Synchronisierung versucht es erneut; es geht nichts verloren.</translation>
    </message>
    <message>
        <source>Calendar server is out of space</source>
        <translation>Kein Speicherplatz mehr auf dem Kalenderserver</translation>
    </message>
    <message>
        <source>The server answered 507 Insufficient Storage: the account&apos;s quota for calendars or contacts is used up.</source>
        <translation>Der Server hat mit 507 Insufficient Storage geantwortet: Das Kontingent des Kontos für Kalender oder Kontakte ist ausgeschöpft.</translation>
    </message>
    <message>
        <source>Free space in the account or raise its quota on the server.</source>
        <translation>Geben Sie Speicherplatz im Konto frei oder erhöhen Sie dessen Kontingent auf dem Server.</translation>
    </message>
    <message>
        <source>Choose to sync fewer kinds of records (act.contacts or act.tasks: none).</source>
        <translation>Synchronisieren Sie weniger Arten von Datensätzen (act.contacts oder act.tasks: none).</translation>
    </message>
    <message>
        <source>Calendar server failed</source>
        <translation>Fehler des Kalenderservers</translation>
    </message>
    <message>
        <source>The server answered with a 5xx error. This is usually temporary.</source>
        <translation>Der Server hat mit einem 5xx-Fehler geantwortet. Das ist meist vorübergehend.</translation>
    </message>
    <message>
        <source>Nothing is needed if the next sync succeeds.</source>
        <translation>Wenn die nächste Synchronisierung erfolgreich ist, ist nichts zu tun.</translation>
    </message>
    <message>
        <source>If it persists, look at the CalDAV server&apos;s own log.</source>
        <translation>Besteht der Fehler weiterhin, sehen Sie im Protokoll des CalDAV-Servers selbst nach.</translation>
    </message>
    <message>
        <source>Calendar server refused the request</source>
        <translation>Anfrage vom Kalenderserver abgelehnt</translation>
    </message>
    <message>
        <source>The server refused a request SyncDesk sent (a 4xx answer other than 401, 403, 404, 412 and 507), for example an item it would not accept.</source>
        <translation>Der Server hat eine Anfrage von SyncDesk abgelehnt (eine 4xx-Antwort außer 401, 403, 404, 412 und 507), zum Beispiel ein Element, das er nicht annehmen wollte.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is in the error&apos;s detail; look at the server&apos;s log for the reason.</source>
        <translation>Die Antwort des Servers steht in den Fehlerdetails; den Grund finden Sie im Protokoll des Servers.</translation>
    </message>
    <message>
        <source>Select the mailbox and use Test connection to check discovery.</source>
        <translation>Wählen Sie das Postfach aus und prüfen Sie die Erkennung mit „Verbindung testen“.</translation>
    </message>
    <message>
        <source>Calendar server sent an answer SyncDesk cannot read</source>
        <translation>Kalenderserver hat eine für SyncDesk unlesbare Antwort gesendet</translation>
    </message>
    <message>
        <source>A WebDAV answer was not well-formed XML, not a multistatus, or larger than 64 MiB.</source>
        <translation>Eine WebDAV-Antwort war kein wohlgeformtes XML, kein multistatus oder größer als 64 MiB.</translation>
    </message>
    <message>
        <source>Check that the act url points at a CalDAV/CardDAV server and not at a web page or proxy login.</source>
        <translation>Prüfen Sie, ob die act-URL auf einen CalDAV/CardDAV-Server verweist und nicht auf eine Webseite oder eine Proxy-Anmeldung.</translation>
    </message>
    <message>
        <source>Send a diagnostic bundle to support if it persists.</source>
        <translation>Besteht das Problem weiterhin, senden Sie ein Diagnosepaket an den Support.</translation>
    </message>
    <message>
        <source>A calendar item or contact could not be read</source>
        <translation>Kalenderelement oder Kontakt konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>One iCalendar object or vCard on the server is malformed (no UID, no start, an unreadable rule, mixed UIDs, or too large). It is skipped; the rest syncs.</source>
        <translation>Ein iCalendar-Objekt oder eine vCard auf dem Server ist fehlerhaft (keine UID, kein Beginn, eine unlesbare Regel, gemischte UIDs oder zu groß). Das Element wird übersprungen; der Rest wird synchronisiert.</translation>
    </message>
    <message>
        <source>Open the item in the user&apos;s calendar application and save it again, or delete it.</source>
        <translation>Öffnen Sie das Element in der Kalenderanwendung des Benutzers und speichern Sie es erneut, oder löschen Sie es.</translation>
    </message>
    <message>
        <source>The item&apos;s address is in the sync&apos;s notices and the log.</source>
        <translation>Die Adresse des Elements steht in den Anmerkungen der Synchronisierung und im Protokoll.</translation>
    </message>
    <message>
        <source>Calendar server is plain http</source>
        <translation>Kalenderserver verwendet unverschlüsseltes http</translation>
    </message>
    <message>
        <source>The act url uses http to a host that is not this machine: the password would cross the network unencrypted, so SyncDesk refuses to send it.</source>
        <translation>Die act-URL verwendet http zu einem Host, der nicht dieser Rechner ist: Das Passwort würde unverschlüsselt über das Netzwerk übertragen, daher verweigert SyncDesk das Senden.</translation>
    </message>
    <message>
        <source>Use the server&apos;s https URL in the profile&apos;s act url.</source>
        <translation>Tragen Sie die https-URL des Servers als act-URL des Profils ein.</translation>
    </message>
    <message>
        <source>Calendar server names no principal for the login</source>
        <translation>Kalenderserver nennt keinen Principal für die Anmeldung</translation>
    </message>
    <message>
        <source>Neither /.well-known/caldav nor the act url answered current-user-principal for this login, so SyncDesk cannot find the account&apos;s calendars.</source>
        <translation>Weder /.well-known/caldav noch die act-URL hat für diese Anmeldung current-user-principal geliefert, daher kann SyncDesk die Kalender des Kontos nicht finden.</translation>
    </message>
    <message>
        <source>Set the act url to the server&apos;s CalDAV root (for example https://dav.example.com/ or https://cloud.example.com/remote.php/dav/).</source>
        <translation>Setzen Sie die act-URL auf das CalDAV-Stammverzeichnis des Servers (zum Beispiel https://dav.example.com/ oder https://cloud.example.com/remote.php/dav/).</translation>
    </message>
    <message>
        <source>Check that the login is right: some servers answer without a principal instead of 401.</source>
        <translation>Prüfen Sie, ob die Anmeldedaten stimmen: Manche Server antworten ohne Principal statt mit 401.</translation>
    </message>
    <message>
        <source>No calendar or address book for the login</source>
        <translation>Kein Kalender oder Adressbuch für die Anmeldung</translation>
    </message>
    <message>
        <source>The server offers no calendar home (or address book home) for this account, and none could be found or made.</source>
        <translation>Der Server bietet für dieses Konto kein Kalender-Basisverzeichnis (bzw. Adressbuch-Basisverzeichnis) an, und es konnte keines gefunden oder angelegt werden.</translation>
    </message>
    <message>
        <source>Check that the account has CalDAV and CardDAV enabled on the server.</source>
        <translation>Prüfen Sie, ob CalDAV und CardDAV für das Konto auf dem Server aktiviert sind.</translation>
    </message>
    <message>
        <source>Set the kinds the server cannot hold to none in the mailbox&apos;s act settings.</source>
        <translation>Setzen Sie in den act-Einstellungen des Postfachs die Arten, die der Server nicht aufnehmen kann, auf none.</translation>
    </message>
    <message>
        <source>No address book for the login</source>
        <translation>Kein Adressbuch für die Anmeldung</translation>
    </message>
    <message>
        <source>The server offers no address book home (addressbook-home-set) for this account.</source>
        <translation>Der Server bietet für dieses Konto kein Adressbuch-Basisverzeichnis (addressbook-home-set) an.</translation>
    </message>
    <message>
        <source>Enable CardDAV for the account on the server, or set act.contacts to none for the mailbox.</source>
        <translation>Aktivieren Sie CardDAV für das Konto auf dem Server, oder setzen Sie act.contacts für das Postfach auf none.</translation>
    </message>
    <message>
        <source>No calendar takes tasks</source>
        <translation>Kein Kalender nimmt Aufgaben auf</translation>
    </message>
    <message>
        <source>None of the account&apos;s calendars supports tasks (VTODO), and the server would not make one.</source>
        <translation>Keiner der Kalender des Kontos unterstützt Aufgaben (VTODO), und der Server hat keinen solchen Kalender angelegt.</translation>
    </message>
    <message>
        <source>Create a task list for the account on the server, or set act.tasks to none for the mailbox.</source>
        <translation>Legen Sie auf dem Server eine Aufgabenliste für das Konto an, oder setzen Sie act.tasks für das Postfach auf none.</translation>
    </message>
    <message>
        <source>Server profile has no calendar server</source>
        <translation>Serverprofil hat keinen Kalenderserver</translation>
    </message>
    <message>
        <source>The mailbox has act settings but its server profile has no act endpoint, so there is nowhere to sync appointments, contacts and tasks with.</source>
        <translation>Das Postfach hat act-Einstellungen, aber sein Serverprofil hat keinen act-Endpunkt; es gibt also keinen Server, mit dem Termine, Kontakte und Aufgaben synchronisiert werden könnten.</translation>
    </message>
    <message>
        <source>Add &quot;act&quot;: {&quot;url&quot;: &quot;https://dav.example.com/&quot;} to the server profile, or remove act from the mailbox.</source>
        <translation>Fügen Sie dem Serverprofil &quot;act&quot;: {&quot;url&quot;: &quot;https://dav.example.com/&quot;} hinzu, oder entfernen Sie act aus dem Postfach.</translation>
    </message>
    <message>
        <source>No such appointment or task</source>
        <translation>Termin oder Aufgabe nicht vorhanden</translation>
    </message>
    <message>
        <source>The appointment or task named does not exist in the CRM store.</source>
        <translation>Der angegebene Termin bzw. die angegebene Aufgabe existiert nicht im CRM-Speicher.</translation>
    </message>
    <message>
        <source>List them with syncdesk-node appointments list or syncdesk-node tasks list.</source>
        <translation>Listen Sie sie mit syncdesk-node appointments list oder syncdesk-node tasks list auf.</translation>
    </message>
    <message>
        <source>Run syncdesk-node test-mailbox ADDRESS to see the discovery step that fails.</source>
        <translation>Führen Sie syncdesk-node test-mailbox ADRESSE aus, um den fehlschlagenden Erkennungsschritt zu sehen.</translation>
    </message>
    <message>
        <source>Run syncdesk-node test-mailbox ADDRESS to check discovery.</source>
        <translation>Führen Sie syncdesk-node test-mailbox ADRESSE aus, um die Erkennung zu prüfen.</translation>
    </message>
    <message>
        <source>The record was deleted, or the id is mistyped; the CRM&apos;s lists show the ones that exist.</source>
        <translation>Der Datensatz wurde gelöscht oder die ID ist falsch geschrieben; die Listen des CRM zeigen die vorhandenen.</translation>
    </message>
    <message>
        <source>The mailbox needs to sign in again</source>
        <translation>Das Postfach muss sich neu anmelden</translation>
    </message>
    <message>
        <source>The mailbox signs in with OAuth 2.0 and the identity provider no longer accepts its refresh token: an administrator or the user revoked the app&apos;s access, the password changed, the token was unused for too long, or it has never signed in on this node. Only a new sign-in helps; the other mailboxes are not affected.</source>
        <translation>Das Postfach meldet sich mit OAuth 2.0 an, und der Identitätsanbieter akzeptiert sein Erneuerungstoken nicht mehr: ein Administrator oder der Benutzer hat die App widerrufen, das Passwort wurde geändert, das Token blieb zu lange ungenutzt, oder es hat sich auf diesem Knoten nie angemeldet. Nur eine neue Anmeldung hilft; die anderen Postfächer sind nicht betroffen.</translation>
    </message>
    <message>
        <source>Run `syncdesk-node oauth login ADDRESS` and approve the code it prints, signing in as the mailbox&apos;s user; the mailbox is enabled again and syncs at once.</source>
        <translation>Führen Sie `syncdesk-node oauth login ADDRESS` aus und bestätigen Sie den angezeigten Code als Benutzer des Postfachs; das Postfach wird wieder aktiviert und synchronisiert sofort.</translation>
    </message>
    <message>
        <source>Run `syncdesk-node oauth status ADDRESS` to see when it last signed in and what the provider said.</source>
        <translation>Mit `syncdesk-node oauth status ADDRESS` sehen Sie, wann es sich zuletzt angemeldet hat und was der Anbieter sagte.</translation>
    </message>
    <message>
        <source>If it happens again soon, check the app&apos;s consent and conditional-access policies at the identity provider (Microsoft Entra ID, Google Workspace admin console).</source>
        <translation>Geschieht es bald wieder, prüfen Sie Zustimmung und Richtlinien für bedingten Zugriff der App beim Identitätsanbieter (Microsoft Entra ID, Google-Workspace-Admin-Konsole).</translation>
    </message>
    <message>
        <source>The mail server refused the access token</source>
        <translation>Der Mailserver hat das Zugriffstoken abgelehnt</translation>
    </message>
    <message>
        <source>SyncDesk obtained an access token from the identity provider, but the mail server did not accept it for this user. Usually the token lacks the mail scope (IMAP, POP or SMTP), the protocol is turned off for the user, or the token was issued for another user.</source>
        <translation>SyncDesk hat vom Identitätsanbieter ein Zugriffstoken erhalten, aber der Mailserver hat es für diesen Benutzer nicht angenommen. Meist fehlt dem Token der Mail-Scope (IMAP, POP oder SMTP), das Protokoll ist für den Benutzer ausgeschaltet, oder das Token wurde für einen anderen Benutzer ausgestellt.</translation>
    </message>
    <message>
        <source>Check the profile&apos;s auth.scopes: Microsoft 365 needs https://outlook.office.com/IMAP.AccessAsUser.All (POP.AccessAsUser.All, SMTP.Send), Google needs https://mail.google.com/.</source>
        <translation>Prüfen Sie auth.scopes des Profils: Microsoft 365 braucht https://outlook.office.com/IMAP.AccessAsUser.All (POP.AccessAsUser.All, SMTP.Send), Google braucht https://mail.google.com/.</translation>
    </message>
    <message>
        <source>Check that IMAP (POP, authenticated SMTP) is enabled for the user at the mail host.</source>
        <translation>Prüfen Sie, ob IMAP (POP, authentifiziertes SMTP) für den Benutzer beim Mail-Anbieter eingeschaltet ist.</translation>
    </message>
    <message>
        <source>Check that the mailbox&apos;s username is the account that signed in; then run `syncdesk-node test-mailbox ADDRESS`.</source>
        <translation>Prüfen Sie, ob der Benutzername des Postfachs das angemeldete Konto ist; dann `syncdesk-node test-mailbox ADDRESS` ausführen.</translation>
    </message>
    <message>
        <source>The server does not offer OAuth sign-in</source>
        <translation>Der Server bietet keine OAuth-Anmeldung an</translation>
    </message>
    <message>
        <source>The profile signs in with OAuth 2.0, but the server announces neither the OAUTHBEARER nor the XOAUTH2 mechanism on this connection.</source>
        <translation>Das Profil meldet sich mit OAuth 2.0 an, aber der Server bietet auf dieser Verbindung weder den Mechanismus OAUTHBEARER noch XOAUTH2 an.</translation>
    </message>
    <message>
        <source>Check incoming.host and outgoing.host: they must be the host&apos;s OAuth-enabled endpoints (outlook.office365.com, smtp.office365.com, imap.gmail.com, smtp.gmail.com).</source>
        <translation>Prüfen Sie incoming.host und outgoing.host: es müssen die OAuth-fähigen Endpunkte des Anbieters sein (outlook.office365.com, smtp.office365.com, imap.gmail.com, smtp.gmail.com).</translation>
    </message>
    <message>
        <source>Check the security setting: some servers offer OAuth only after STARTTLS or on the TLS port.</source>
        <translation>Prüfen Sie die Einstellung security: manche Server bieten OAuth erst nach STARTTLS oder nur auf dem TLS-Port an.</translation>
    </message>
    <message>
        <source>If the server only takes passwords, remove auth from the profile and give the mailboxes a password source.</source>
        <translation>Nimmt der Server nur Passwörter an, entfernen Sie auth aus dem Profil und geben Sie den Postfächern eine Passwortquelle.</translation>
    </message>
    <message>
        <source>The identity provider could not be reached</source>
        <translation>Der Identitätsanbieter war nicht erreichbar</translation>
    </message>
    <message>
        <source>Refreshing the mailbox&apos;s access token failed for a reason that may pass: the token endpoint did not answer, answered with a server error, or the network failed. The mailbox keeps its sign-in and is retried on its schedule; other mailboxes are not held up.</source>
        <translation>Das Erneuern des Zugriffstokens ist aus einem vorübergehenden Grund fehlgeschlagen: der Token-Endpunkt antwortete nicht, antwortete mit einem Serverfehler, oder das Netz fiel aus. Das Postfach behält seine Anmeldung und wird nach Plan erneut versucht; andere Postfächer werden nicht aufgehalten.</translation>
    </message>
    <message>
        <source>Check that this machine reaches the token endpoint (auth.token_endpoint, or the provider&apos;s): `curl -sI URL`.</source>
        <translation>Prüfen Sie, ob dieser Rechner den Token-Endpunkt erreicht (auth.token_endpoint oder der des Anbieters): `curl -sI URL`.</translation>
    </message>
    <message>
        <source>Check proxies and firewalls between the node and the identity provider.</source>
        <translation>Prüfen Sie Proxys und Firewalls zwischen dem Knoten und dem Identitätsanbieter.</translation>
    </message>
    <message>
        <source>If it persists, look at the provider&apos;s service health page.</source>
        <translation>Hält es an, sehen Sie auf der Statusseite des Anbieters nach.</translation>
    </message>
    <message>
        <source>The OAuth client settings are refused</source>
        <translation>Die OAuth-Client-Einstellungen werden abgelehnt</translation>
    </message>
    <message>
        <source>The identity provider refused the profile&apos;s client settings: the client id is unknown, the client secret is wrong or missing, the requested scopes are not granted to the app, or the grant type is not allowed for it.</source>
        <translation>Der Identitätsanbieter hat die Client-Einstellungen des Profils abgelehnt: die Client-ID ist unbekannt, das Client-Geheimnis falsch oder fehlt, die angefragten Scopes sind der App nicht gewährt, oder der Grant-Typ ist für sie nicht erlaubt.</translation>
    </message>
    <message>
        <source>Check auth.client_id (and auth.tenant for Microsoft) against the app registration.</source>
        <translation>Vergleichen Sie auth.client_id (und für Microsoft auth.tenant) mit der App-Registrierung.</translation>
    </message>
    <message>
        <source>For a confidential client, check auth.client_secret_file; for the device login, allow public client flows in the app registration.</source>
        <translation>Für einen vertraulichen Client prüfen Sie auth.client_secret_file; für die Geräteanmeldung erlauben Sie in der App-Registrierung öffentliche Clientflows.</translation>
    </message>
    <message>
        <source>Check that the app registration grants the scopes in auth.scopes and that an administrator consented to them.</source>
        <translation>Prüfen Sie, ob die App-Registrierung die Scopes aus auth.scopes gewährt und ein Administrator zugestimmt hat.</translation>
    </message>
    <message>
        <source>The sign-in was declined or expired</source>
        <translation>Die Anmeldung wurde abgelehnt oder ist abgelaufen</translation>
    </message>
    <message>
        <source>The user declined the sign-in in the browser, or did not approve the code before it expired.</source>
        <translation>Der Benutzer hat die Anmeldung im Browser abgelehnt oder den Code nicht rechtzeitig bestätigt.</translation>
    </message>
    <message>
        <source>Run `syncdesk-node oauth login ADDRESS` again and approve the code within its time (usually 15 minutes).</source>
        <translation>Führen Sie `syncdesk-node oauth login ADDRESS` erneut aus und bestätigen Sie den Code rechtzeitig (meist 15 Minuten).</translation>
    </message>
    <message>
        <source>Sign in as the mailbox&apos;s user, and accept the permissions the app asks for.</source>
        <translation>Melden Sie sich als Benutzer des Postfachs an und stimmen Sie den Berechtigungen zu, die die App erfragt.</translation>
    </message>
    <message>
        <source>The OAuth tokens cannot be kept</source>
        <translation>Die OAuth-Tokens können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>SyncDesk could not read or write the file (or keychain entry) that keeps the mailbox&apos;s refresh token. When the provider rotates the token and the new one cannot be written, SyncDesk does not use it, so that the sign-in is not lost.</source>
        <translation>SyncDesk konnte die Datei (oder den Schlüsselbund-Eintrag) mit dem Erneuerungstoken des Postfachs nicht lesen oder schreiben. Wenn der Anbieter das Token erneuert und das neue nicht geschrieben werden kann, verwendet SyncDesk es nicht, damit die Anmeldung nicht verloren geht.</translation>
    </message>
    <message>
        <source>Check that the node&apos;s state directory (the oauth folder beside the database, or $SYNCDESK_STATE_DIR/oauth) exists, is writable by the node&apos;s user and the disk is not full.</source>
        <translation>Prüfen Sie, ob das Zustandsverzeichnis des Knotens (der Ordner oauth neben der Datenbank oder $SYNCDESK_STATE_DIR/oauth) existiert, für den Benutzer des Knotens beschreibbar ist und die Platte nicht voll ist.</translation>
    </message>
    <message>
        <source>A damaged file: run `syncdesk-node oauth login ADDRESS` to sign in again.</source>
        <translation>Eine beschädigte Datei: `syncdesk-node oauth login ADDRESS` ausführen, um sich neu anzumelden.</translation>
    </message>
    <message>
        <source>With SYNCDESK_OAUTH_TOKENS=keychain, check that the session&apos;s keychain is unlocked.</source>
        <translation>Mit SYNCDESK_OAUTH_TOKENS=keychain prüfen, ob der Schlüsselbund der Sitzung entsperrt ist.</translation>
    </message>
    <message>
        <source>Select the mailbox and choose Sign in… (Mailbox menu); sign in as the mailbox&apos;s user in the browser that opens.</source>
        <translation>Wählen Sie das Postfach und Anmelden… (Menü Postfach); melden Sie sich im sich öffnenden Browser als Benutzer des Postfachs an.</translation>
    </message>
    <message>
        <source>The details pane shows when it last signed in and what the provider said.</source>
        <translation>Der Detailbereich zeigt, wann es sich zuletzt angemeldet hat und was der Anbieter sagte.</translation>
    </message>
    <message>
        <source>If it happens again soon, check the app&apos;s consent and conditional-access policies at the identity provider.</source>
        <translation>Geschieht es bald wieder, prüfen Sie Zustimmung und Richtlinien für bedingten Zugriff der App beim Identitätsanbieter.</translation>
    </message>
    <message>
        <source>Check that the mailbox&apos;s user name is the account that signed in; then choose Test connection….</source>
        <translation>Prüfen Sie, ob der Benutzername des Postfachs das angemeldete Konto ist; dann Verbindung testen… wählen.</translation>
    </message>
    <message>
        <source>Choose Sign in… again and complete the sign-in in the browser.</source>
        <translation>Wählen Sie erneut Anmelden… und schließen Sie die Anmeldung im Browser ab.</translation>
    </message>
    <message>
        <source>A damaged file: choose Sign in… to sign in again.</source>
        <translation>Eine beschädigte Datei: Anmelden… wählen, um sich neu anzumelden.</translation>
    </message>
    <message>
        <source>The server does not offer push</source>
        <translation>Der Server bietet kein Push an</translation>
    </message>
    <message>
        <source>The mailbox is set to push (or was chosen for it), but its IMAP server does not announce IDLE. It is polled on its schedule as before; SyncDesk asks again after an hour.</source>
        <translation>Das Postfach ist auf Push gestellt (oder dafür ausgewählt), aber sein IMAP-Server bietet kein IDLE an. Es wird wie bisher nach Plan abgefragt; SyncDesk fragt nach einer Stunde erneut.</translation>
    </message>
    <message>
        <source>Nothing is lost: the mailbox syncs on its schedule.</source>
        <translation>Nichts geht verloren: das Postfach synchronisiert nach Plan.</translation>
    </message>
    <message>
        <source>To stop asking, remove push from the mailbox (or lower the profile&apos;s max_push_connections).</source>
        <translation>Damit nicht mehr gefragt wird, entfernen Sie push aus dem Postfach (oder senken Sie max_push_connections des Profils).</translation>
    </message>
    <message>
        <source>A part of this installation is missing</source>
        <translation>Ein Teil dieser Installation fehlt</translation>
    </message>
    <message>
        <source>SyncDesk opens its modules for MIME (GMime, libsyncdesk-mime.so) and iCalendar (libical, libsyncdesk-ical.so) the first time it needs them, from /usr/lib/syncdesk/ for the package. The one named is missing, cannot be loaded (a library it needs is missing), or is of another build than the program. Nothing is lost: what could not be read or written was neither stored nor marked as done (a folder&apos;s position does not move), the mailbox is not disabled for it, and the next sync after the repair does it. The error says where the module was looked for and what the loader reported. (A missing keychain module is reported with the hint password-unavailable.)</source>
        <translation>SyncDesk öffnet seine Module für MIME (GMime, libsyncdesk-mime.so) und iCalendar (libical, libsyncdesk-ical.so) erst, wenn es sie braucht, beim Paket aus /usr/lib/syncdesk/. Das genannte Modul fehlt, lässt sich nicht laden (eine Bibliothek, die es braucht, fehlt) oder stammt aus einem anderen Build als das Programm. Nichts geht verloren: Was nicht gelesen oder geschrieben werden konnte, wurde weder gespeichert noch als erledigt vermerkt (die Position eines Ordners bleibt stehen), das Postfach wird deswegen nicht deaktiviert, und die nächste Synchronisierung nach der Reparatur holt es nach. Der Fehler nennt, wo das Modul gesucht wurde und was der Lader meldete. (Ein fehlendes Schlüsselbund-Modul wird mit dem Hinweis password-unavailable gemeldet.)</translation>
    </message>
    <message>
        <source>Reinstall the package: &apos;apt install --reinstall syncdesk-node&apos; (it depends on the libraries the modules need).</source>
        <translation>Installieren Sie das Paket neu: &apos;apt install --reinstall syncdesk-node&apos; (es hängt von den Bibliotheken ab, die die Module brauchen).</translation>
    </message>
    <message>
        <source>After an upgrade, restart the node (&apos;systemctl restart syncdesk-node&apos;): a running node refuses modules of another build.</source>
        <translation>Starten Sie den Knoten nach einem Upgrade neu (&apos;systemctl restart syncdesk-node&apos;): Ein laufender Knoten lehnt Module eines anderen Builds ab.</translation>
    </message>
    <message>
        <source>If SYNCDESK_MODULE_DIR is set, it must name a directory that holds the modules of this same version; unset it for an installed package.</source>
        <translation>Ist SYNCDESK_MODULE_DIR gesetzt, muss es ein Verzeichnis mit den Modulen genau dieser Version nennen; bei einem installierten Paket entfernen Sie die Variable.</translation>
    </message>
</context>
<context>
    <name>ICalCodec</name>
    <message>
        <source>the calendar object is empty</source>
        <translation>das Kalenderobjekt ist leer</translation>
    </message>
    <message>
        <source>the calendar object is larger than 4 MiB</source>
        <translation>das Kalenderobjekt ist größer als 4 MiB</translation>
    </message>
    <message>
        <source>the calendar object contains binary data (a NUL byte)</source>
        <translation>das Kalenderobjekt enthält Binärdaten (ein NUL-Byte)</translation>
    </message>
    <message>
        <source>the calendar object has more than 1000 components</source>
        <translation>das Kalenderobjekt hat mehr als 1000 Komponenten</translation>
    </message>
    <message>
        <source>this is not iCalendar data (no BEGIN line)</source>
        <translation>das sind keine iCalendar-Daten (keine BEGIN-Zeile)</translation>
    </message>
    <message>
        <source>libical could not parse the calendar object (an END line is missing or misplaced)</source>
        <translation>libical konnte das Kalenderobjekt nicht lesen (eine END-Zeile fehlt oder steht an der falschen Stelle)</translation>
    </message>
    <message>
        <source>the data holds no VCALENDAR or several</source>
        <translation>die Daten enthalten keinen VCALENDAR oder mehrere</translation>
    </message>
    <message>
        <source>the calendar object has no VEVENT or VTODO</source>
        <translation>das Kalenderobjekt hat kein VEVENT und kein VTODO</translation>
    </message>
    <message>
        <source>the calendar object mixes VEVENT and VTODO</source>
        <translation>das Kalenderobjekt mischt VEVENT und VTODO</translation>
    </message>
    <message>
        <source>a component of the calendar object has no UID</source>
        <translation>eine Komponente des Kalenderobjekts hat keine UID</translation>
    </message>
    <message>
        <source>the calendar object has components with different UIDs (one object is one UID)</source>
        <translation>das Kalenderobjekt hat Komponenten mit verschiedenen UIDs (ein Objekt ist eine UID)</translation>
    </message>
    <message>
        <source>libical could not read a property of the calendar object</source>
        <translation>libical konnte eine Eigenschaft des Kalenderobjekts nicht lesen</translation>
    </message>
    <message>
        <source>the calendar object needs exactly one component without RECURRENCE-ID</source>
        <translation>das Kalenderobjekt braucht genau eine Komponente ohne RECURRENCE-ID</translation>
    </message>
    <message>
        <source>the appointment has more than one RRULE</source>
        <translation>der Termin hat mehr als eine RRULE</translation>
    </message>
    <message>
        <source>libical cannot expand the appointment&apos;s RRULE in bounded time</source>
        <translation>libical kann die RRULE des Termins nicht in begrenzter Zeit auflösen</translation>
    </message>
    <message>
        <source>an override has an invalid RECURRENCE-ID</source>
        <translation>eine Ausnahme hat eine ungültige RECURRENCE-ID</translation>
    </message>
    <message>
        <source>the task has an invalid DTSTART or DUE</source>
        <translation>die Aufgabe hat ein ungültiges DTSTART oder DUE</translation>
    </message>
</context>
<context>
    <name>ImapErrors</name>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is what went wrong, %2 the text the server sent (not translated)</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 answered %2</source>
        <extracomment>%1 is an IMAP command (SELECT), %2 the server&apos;s answer (NO, BAD)</extracomment>
        <translation>Antwort auf %1: %2</translation>
    </message>
    <message>
        <source>the server is throttling this client</source>
        <translation>der Server drosselt diesen Client</translation>
    </message>
    <message>
        <source>%1 (it asks to wait %2 s)</source>
        <extracomment>%1 is the message about throttling, %2 a number of seconds</extracomment>
        <translation>%1 (angeforderte Wartezeit: %2 s)</translation>
    </message>
    <message>
        <source>a bandwidth limit of the account was reached</source>
        <translation>ein Bandbreitenlimit des Kontos wurde erreicht</translation>
    </message>
    <message>
        <source>a quota or limit of the account was reached</source>
        <translation>ein Kontingent oder Limit des Kontos wurde erreicht</translation>
    </message>
    <message>
        <source>the server rejected the credentials</source>
        <translation>der Server hat die Anmeldedaten abgelehnt</translation>
    </message>
    <message>
        <source>the server requires an encrypted connection to log in</source>
        <translation>der Server verlangt für die Anmeldung eine verschlüsselte Verbindung</translation>
    </message>
    <message>
        <source>the account cannot be used</source>
        <translation>das Konto kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>the server is temporarily unable to answer</source>
        <translation>der Server kann vorübergehend nicht antworten</translation>
    </message>
    <message>
        <source>the server closed the session</source>
        <translation>der Server hat die Sitzung beendet</translation>
    </message>
</context>
<context>
    <name>ImapResponseParser</name>
    <message>
        <source>response ends too early</source>
        <translation>Antwort endet vorzeitig</translation>
    </message>
    <message>
        <source>expected a space</source>
        <translation>Leerzeichen erwartet</translation>
    </message>
    <message>
        <source>response ends where a value was expected</source>
        <translation>Antwort endet, wo ein Wert erwartet wurde</translation>
    </message>
    <message numerus="yes">
        <source>lists nested deeper than %n level(s)</source>
        <translation>
            <numerusform>Listen tiefer als %n Ebene verschachtelt</numerusform>
            <numerusform>Listen tiefer als %n Ebenen verschachtelt</numerusform>
        </translation>
    </message>
    <message>
        <source>unterminated list</source>
        <translation>nicht abgeschlossene Liste</translation>
    </message>
    <message>
        <source>unexpected &apos;)&apos;</source>
        <translation>unerwartetes &apos;)&apos;</translation>
    </message>
    <message>
        <source>unexpected character 0x%1</source>
        <translation>unerwartetes Zeichen 0x%1</translation>
    </message>
    <message>
        <source>line break inside a quoted string</source>
        <translation>Zeilenumbruch innerhalb einer Zeichenfolge in Anführungszeichen</translation>
    </message>
    <message>
        <source>unterminated quoted string</source>
        <translation>nicht abgeschlossene Zeichenfolge in Anführungszeichen</translation>
    </message>
    <message>
        <source>malformed literal</source>
        <translation>fehlerhaftes Literal</translation>
    </message>
    <message>
        <source>malformed literal size</source>
        <translation>fehlerhafte Literalgröße</translation>
    </message>
    <message>
        <source>literal size not followed by a line break</source>
        <translation>auf die Literalgröße folgt kein Zeilenumbruch</translation>
    </message>
    <message>
        <source>literal shorter than announced</source>
        <translation>Literal kürzer als angekündigt</translation>
    </message>
    <message>
        <source>unterminated &apos;[&apos;</source>
        <translation>nicht abgeschlossenes &apos;[&apos;</translation>
    </message>
    <message>
        <source>malformed IMAP response: %1</source>
        <extracomment>%1 says what is wrong with the response</extracomment>
        <translation>fehlerhafte IMAP-Antwort: %1</translation>
    </message>
    <message numerus="yes">
        <source>the server sent a response of at least %n byte(s), more than the %1 bytes a session may hold at once (response budget)</source>
        <extracomment>%1 is the limit, a large number of bytes (512 MiB by default)</extracomment>
        <translation>
            <numerusform>der Server hat eine Antwort von mindestens %n Byte gesendet, mehr als die %1 Bytes, die eine Sitzung gleichzeitig halten darf (Antwortbudget)</numerusform>
            <numerusform>der Server hat eine Antwort von mindestens %n Bytes gesendet, mehr als die %1 Bytes, die eine Sitzung gleichzeitig halten darf (Antwortbudget)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>line longer than %n byte(s)</source>
        <translation>
            <numerusform>Zeile länger als %n Byte</numerusform>
            <numerusform>Zeile länger als %n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>response does not start with a tag</source>
        <translation>Antwort beginnt nicht mit einem Tag</translation>
    </message>
    <message>
        <source>number out of range</source>
        <translation>Zahl außerhalb des zulässigen Bereichs</translation>
    </message>
    <message>
        <source>response without a name</source>
        <translation>Antwort ohne Namen</translation>
    </message>
    <message>
        <source>tagged response is not OK, NO or BAD</source>
        <translation>Antwort mit Tag ist nicht OK, NO oder BAD</translation>
    </message>
    <message>
        <source>status response with a number</source>
        <translation>Statusantwort mit einer Zahl</translation>
    </message>
    <message>
        <source>expected one response, got %1</source>
        <translation>eine Antwort erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>incomplete response</source>
        <translation>unvollständige Antwort</translation>
    </message>
</context>
<context>
    <name>ItemFailures</name>
    <message>
        <source>the server returned an empty message (no header and no body); there was nothing to store</source>
        <translation>der Server hat eine leere Nachricht zurückgegeben (weder Header noch Nachrichtentext); es gab nichts zu speichern</translation>
    </message>
    <message>
        <source>%1; nothing was stored, and the next sync tries it again</source>
        <translation>%1; es wurde nichts gespeichert, die nächste Synchronisierung versucht es erneut</translation>
    </message>
    <message>
        <source>the message is %1, more than the %2 a message may have (max_message_bytes); it was not kept</source>
        <translation>die Nachricht ist %1 groß, mehr als die für eine Nachricht zulässigen %2 (max_message_bytes); sie wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>the server sent %1 for this message, more than it declared, and keeping it with the messages before it would have passed the session&apos;s budget of %2; it is fetched again on its own</source>
        <translation>der Server hat für diese Nachricht %1 gesendet, mehr als angekündigt, und zusammen mit den vorherigen Nachrichten hätte sie das Budget der Sitzung von %2 überschritten; sie wird einzeln erneut abgerufen</translation>
    </message>
    <message>
        <source>the server listed the message but did not send it when asked (or sent an answer that could not be read); it is still on the server and the next sync asks for it again</source>
        <translation>der Server hat die Nachricht aufgelistet, sie auf Anforderung aber nicht gesendet (oder eine unlesbare Antwort gesendet); sie liegt weiterhin auf dem Server, und die nächste Synchronisierung fordert sie erneut an</translation>
    </message>
    <message>
        <source>the CRM store refused the message: %1</source>
        <translation>der CRM-Speicher hat die Nachricht abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>the system keychain did not answer within %1 s while read the entry &quot;%2&quot;</source>
        <extracomment>%1 is a number of seconds; the keychain was being asked to read the entry</extracomment>
        <translation>der Systemschlüsselbund hat beim Lesen des Eintrags „%2“ nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>the system keychain did not answer within %1 s while write the entry &quot;%2&quot;</source>
        <extracomment>%1 is a number of seconds; the keychain was being asked to write the entry</extracomment>
        <translation>der Systemschlüsselbund hat beim Schreiben des Eintrags „%2“ nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>the system keychain did not answer within %1 s while delete the entry &quot;%2&quot;</source>
        <extracomment>%1 is a number of seconds; the keychain was being asked to delete the entry</extracomment>
        <translation>der Systemschlüsselbund hat beim Löschen des Eintrags „%2“ nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>the system keychain could not read the entry &quot;%1&quot; (service %2)</source>
        <translation>der Systemschlüsselbund konnte den Eintrag „%1“ nicht lesen (Dienst %2)</translation>
    </message>
    <message>
        <source>the system keychain could not write the entry &quot;%1&quot; (service %2)</source>
        <translation>der Systemschlüsselbund konnte den Eintrag „%1“ nicht schreiben (Dienst %2)</translation>
    </message>
    <message>
        <source>the system keychain could not delete the entry &quot;%1&quot; (service %2)</source>
        <translation>der Systemschlüsselbund konnte den Eintrag „%1“ nicht löschen (Dienst %2)</translation>
    </message>
    <message>
        <source>is a Secret Service (GNOME Keyring, KeePassXC) or KWallet running and unlocked in this session (DBUS_SESSION_BUS_ADDRESS)?</source>
        <translation>läuft in dieser Sitzung ein Secret Service (GNOME Keyring, KeePassXC) oder KWallet und ist entsperrt (DBUS_SESSION_BUS_ADDRESS)?</translation>
    </message>
    <message>
        <source>the system keychain has no entry &quot;%1&quot; (service %2): store it with &apos;syncdesk-node password set %1&apos;</source>
        <translation>der Systemschlüsselbund hat keinen Eintrag „%1“ (Dienst %2): Speichern Sie ihn mit &apos;syncdesk-node password set %1&apos;</translation>
    </message>
    <message>
        <source>no system keychain is available in this session (no Secret Service or KWallet on D-Bus)</source>
        <translation>in dieser Sitzung ist kein Systemschlüsselbund verfügbar (kein Secret Service oder KWallet über D-Bus)</translation>
    </message>
    <message>
        <source>the system keychain refused access to the entry &quot;%1&quot; (locked?)</source>
        <translation>der Systemschlüsselbund hat den Zugriff auf den Eintrag „%1“ verweigert (gesperrt?)</translation>
    </message>
    <message>
        <source>the keychain module %1 of this installation is missing or cannot be loaded; reinstall the syncdesk-node package</source>
        <extracomment>%1 is a file name (libsyncdesk-keychain.so), part of the syncdesk-node package</extracomment>
        <translation>das Schlüsselbund-Modul %1 dieser Installation fehlt oder lässt sich nicht laden; installieren Sie das Paket syncdesk-node neu</translation>
    </message>
</context>
<context>
    <name>ListenAddress</name>
    <message>
        <source>&quot;%1&quot; is not an address to listen on: expected ADDRESS:PORT with an IP address, such as 127.0.0.1:9464 or [::1]:9464</source>
        <translation>„%1“ ist keine Adresse zum Lauschen: erwartet wird ADRESSE:PORT mit einer IP-Adresse, etwa 127.0.0.1:9464 oder [::1]:9464</translation>
    </message>
</context>
<context>
    <name>LogFilter</name>
    <message>
        <source>%1 at position %2</source>
        <extracomment>%1 says what is wrong with the regular expression, %2 is where (a number of characters)</extracomment>
        <translation>%1 an Position %2</translation>
    </message>
</context>
<context>
    <name>MetricsServer</name>
    <message>
        <source>cannot listen on %1 for /metrics: %2</source>
        <translation>kann für /metrics nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>is another process (or another node) on that port? Choose another with --http or the configuration&apos;s metrics.listen</source>
        <translation>Belegt ein anderer Prozess (oder ein anderer Knoten) diesen Port? Wählen Sie einen anderen mit --http oder metrics.listen in der Konfiguration</translation>
    </message>
</context>
<context>
    <name>OutboxActions</name>
    <message>
        <source>there is no outgoing email %1</source>
        <extracomment>%1: an email&apos;s id</extracomment>
        <translation>es gibt keine ausgehende E-Mail %1</translation>
    </message>
    <message>
        <source>email %1 is %2: &apos;%3&apos; does not apply to it</source>
        <extracomment>%1: an email&apos;s id, %2: its status (Sent, Sending, ...), %3: the action (cancel, retry, send-draft)</extracomment>
        <translation>E-Mail %1 ist %2: „%3“ ist darauf nicht anwendbar</translation>
    </message>
    <message>
        <source>it is being sent right now and cannot be stopped</source>
        <translation>sie wird gerade gesendet und kann nicht mehr angehalten werden</translation>
    </message>
    <message>
        <source>Email %1 is now %2.</source>
        <extracomment>%1: an email&apos;s id, %2: its new status (Pending Send, Cancelled)</extracomment>
        <translation>E-Mail %1 ist jetzt %2.</translation>
    </message>
</context>
<context>
    <name>OutboxComposer</name>
    <message>
        <source>%1 is not a mailbox of this store; --from names the mailbox the email leaves through</source>
        <extracomment>%1 is an email address</extracomment>
        <translation>%1 ist kein Postfach dieser Datenbank; --from gibt das Postfach an, über das die E-Mail gesendet wird</translation>
    </message>
    <message>
        <source>%1 is not a system user of the CRM; the owner is given as systemuser:ID</source>
        <extracomment>%1 is what was given, such as systemuser:ana</extracomment>
        <translation>%1 ist kein Systembenutzer des CRM; der Besitzer wird als systemuser:ID angegeben</translation>
    </message>
    <message>
        <source>%1 may not send from %2: it belongs to %3, and only its owner (or a member of its queue) may send from it</source>
        <extracomment>%1 is who sends (systemuser:ana), %2 the mailbox, %3 its owner (queue:support)</extracomment>
        <translation>%1 darf nicht über %2 senden: Das Postfach gehört %3, und nur sein Besitzer (oder ein Mitglied seiner Warteschlange) darf darüber senden</translation>
    </message>
    <message>
        <source>the email has no recipients: give at least one with --to, --cc or --bcc</source>
        <translation>die E-Mail hat keine Empfänger: Geben Sie mit --to, --cc oder --bcc mindestens einen an</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address</source>
        <extracomment>%1 is what was given as a recipient</extracomment>
        <translation>„%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>the subject cannot contain line breaks</source>
        <translation>der Betreff darf keine Zeilenumbrüche enthalten</translation>
    </message>
    <message>
        <source>activity %1 does not exist or has no Message-ID to answer</source>
        <extracomment>%1 is an activity id</extracomment>
        <translation>Aktivität %1 existiert nicht oder hat keine Message-ID, auf die geantwortet werden kann</translation>
    </message>
    <message>
        <source>%1 is not a record of the CRM</source>
        <extracomment>%1 is a record reference such as account:contoso</extracomment>
        <translation>%1 ist kein Datensatz des CRM</translation>
    </message>
    <message>
        <source>%1 may not read %2, so the email cannot be regarding it</source>
        <extracomment>%1 is who sends, %2 a record reference</extracomment>
        <translation>%1 darf %2 nicht lesen, daher kann die E-Mail keinen Bezug darauf haben</translation>
    </message>
</context>
<context>
    <name>OutgoingDirection</name>
    <message>
        <source>the mailbox&apos;s outgoing direction is off</source>
        <translation>die ausgehende Richtung des Postfachs ist ausgeschaltet</translation>
    </message>
    <message>
        <source>the mailbox is disabled</source>
        <translation>das Postfach ist deaktiviert</translation>
    </message>
    <message>
        <source>its server profile has no SMTP server</source>
        <translation>sein Serverprofil hat keinen SMTP-Server</translation>
    </message>
    <message>
        <source>the last attempts failed and are retried</source>
        <translation>die letzten Versuche sind fehlgeschlagen und werden wiederholt</translation>
    </message>
    <message>
        <source>nothing has tried to send it: is an engine running?</source>
        <translation>es gab noch keinen Sendeversuch: Läuft eine Engine?</translation>
    </message>
    <message>
        <source>it is waiting for its next attempt</source>
        <translation>sie wartet auf ihren nächsten Versuch</translation>
    </message>
    <message>
        <source>an email failed for good; retry it once the cause is fixed</source>
        <translation>eine E-Mail ist endgültig fehlgeschlagen; senden Sie sie erneut, sobald die Ursache behoben ist</translation>
    </message>
</context>
<context>
    <name>OutgoingSweep</name>
    <message numerus="yes">
        <source>%n email(s) from %1 have waited in Pending Send for %2 min: %3</source>
        <extracomment>%n emails, %1 the mailbox, %2 minutes, %3 why nothing sends them</extracomment>
        <translation>
            <numerusform>%n E-Mail von %1 wartet seit %2 min in „Senden ausstehend“: %3</numerusform>
            <numerusform>%n E-Mails von %1 warten seit %2 min in „Senden ausstehend“: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordProblems</name>
    <message>
        <source>engine %1 cannot read the password of %2 (%3); other engines sync it</source>
        <translation>Engine %1 kann das Passwort von %2 nicht lesen (%3); andere Engines synchronisieren das Postfach</translation>
    </message>
</context>
<context>
    <name>PasswordSource</name>
    <message>
        <source>password file %1</source>
        <translation>Passwortdatei %1</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>system keychain entry %1</source>
        <translation>Eintrag %1 im Systemschlüsselbund</translation>
    </message>
    <message>
        <source>no password source</source>
        <translation>keine Passwortquelle</translation>
    </message>
    <message>
        <source>cannot read the password file %1</source>
        <translation>die Passwortdatei %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the password file %1 is empty</source>
        <translation>die Passwortdatei %1 ist leer</translation>
    </message>
    <message>
        <source>the environment variable %1 is not set</source>
        <translation>die Umgebungsvariable %1 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>the mailbox has no password source</source>
        <translation>das Postfach hat keine Passwortquelle</translation>
    </message>
</context>
<context>
    <name>Pop3Errors</name>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is what went wrong, %2 the text the server sent (not translated)</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the server is throttling this client</source>
        <translation>der Server drosselt diesen Client</translation>
    </message>
    <message>
        <source>%1 (it asks to wait %2 s)</source>
        <extracomment>%1 is the message about throttling, %2 a number of seconds</extracomment>
        <translation>%1 (angeforderte Wartezeit: %2 s)</translation>
    </message>
    <message>
        <source>another client holds the POP3 maildrop</source>
        <translation>ein anderer Client belegt den POP3-Maildrop</translation>
    </message>
    <message>
        <source>the server is temporarily unable to answer</source>
        <translation>der Server kann vorübergehend nicht antworten</translation>
    </message>
    <message>
        <source>the server does not allow a password login on an unencrypted connection</source>
        <translation>der Server erlaubt keine Passwortanmeldung über eine unverschlüsselte Verbindung</translation>
    </message>
    <message>
        <source>the account cannot be used</source>
        <translation>das Konto kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>the server rejected the credentials</source>
        <translation>der Server hat die Anmeldedaten abgelehnt</translation>
    </message>
    <message>
        <source>the server refused the mailbox</source>
        <translation>der Server hat das Postfach abgelehnt</translation>
    </message>
    <message>
        <source>%1 answered -ERR</source>
        <extracomment>%1 is a POP3 command (RETR); -ERR is the server&apos;s error reply, kept as it is</extracomment>
        <translation>%1 wurde mit -ERR beantwortet</translation>
    </message>
</context>
<context>
    <name>Pop3ResponseParser</name>
    <message>
        <source>malformed POP3 response: %1</source>
        <extracomment>%1 says what is wrong with the response</extracomment>
        <translation>fehlerhafte POP3-Antwort: %1</translation>
    </message>
    <message numerus="yes">
        <source>status line longer than %n byte(s)</source>
        <translation>
            <numerusform>Statuszeile länger als %n Byte</numerusform>
            <numerusform>Statuszeile länger als %n Byte</numerusform>
        </translation>
    </message>
    <message>
        <source>not a POP3 status line (+OK or -ERR)</source>
        <translation>keine POP3-Statuszeile (+OK oder -ERR)</translation>
    </message>
    <message numerus="yes">
        <source>line longer than %n byte(s)</source>
        <translation>
            <numerusform>Zeile länger als %n Byte</numerusform>
            <numerusform>Zeile länger als %n Byte</numerusform>
        </translation>
    </message>
    <message>
        <source>bytes after the response</source>
        <translation>überzählige Bytes nach der Antwort</translation>
    </message>
    <message>
        <source>incomplete response</source>
        <translation>unvollständige Antwort</translation>
    </message>
</context>
<context>
    <name>PrivateFiles</name>
    <message>
        <source>cannot create the folder %1: %2</source>
        <translation>der Ordner %1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>cannot create the file %1: %2</source>
        <translation>die Datei %1 kann nicht erstellt werden: %2</translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <source>Password: choose where it comes from — type it, a file, or an environment variable.</source>
        <extracomment>Starts with the label of the Password field, as the other problems do</extracomment>
        <translation>Passwort: Wählen Sie, woher es stammt — Eingabe, Datei oder Umgebungsvariable.</translation>
    </message>
</context>
<context>
    <name>RetentionStore</name>
    <message>
        <source>debug log records</source>
        <translation>Debug-Protokolleinträge</translation>
    </message>
    <message>
        <source>other log records</source>
        <translation>sonstige Protokolleinträge</translation>
    </message>
    <message>
        <source>sync runs</source>
        <translation>Synchronisierungsläufe</translation>
    </message>
    <message>
        <source>closed alerts</source>
        <translation>geschlossene Meldungen</translation>
    </message>
    <message>
        <source>completed track requests</source>
        <translation>abgeschlossene Nachverfolgungsanfragen</translation>
    </message>
    <message>
        <source>dead nodes</source>
        <extracomment>engines (sync nodes) that stopped reporting</extracomment>
        <translation>ausgefallene Knoten</translation>
    </message>
</context>
<context>
    <name>SecurityContext</name>
    <message>
        <source>the mailbox&apos;s owner %1 is not a CRM record; import it or fix the mailbox&apos;s owner</source>
        <translation>der Besitzer %1 des Postfachs ist kein CRM-Datensatz; importieren Sie ihn oder korrigieren Sie den Besitzer des Postfachs</translation>
    </message>
</context>
<context>
    <name>SessionFailure</name>
    <message>
        <source>the %1 session ended before the server answered</source>
        <extracomment>%1 is the protocol: IMAP or POP3</extracomment>
        <translation>die %1-Sitzung wurde beendet, bevor der Server geantwortet hat</translation>
    </message>
</context>
<context>
    <name>SmtpErrors</name>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is what went wrong, %2 the text the server sent (not translated)</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 answered %2</source>
        <extracomment>%1 is an SMTP command (MAIL), %2 the server&apos;s reply code (550)</extracomment>
        <translation>%1 wurde mit %2 beantwortet</translation>
    </message>
    <message>
        <source>the SMTP server is throttling this client</source>
        <translation>der SMTP-Server drosselt diesen Client</translation>
    </message>
    <message>
        <source>the SMTP server closed the session</source>
        <translation>der SMTP-Server hat die Sitzung beendet</translation>
    </message>
    <message>
        <source>the SMTP server rejected the credentials</source>
        <translation>der SMTP-Server hat die Anmeldedaten abgelehnt</translation>
    </message>
    <message>
        <source>the SMTP server requires an encrypted connection or another login</source>
        <translation>der SMTP-Server verlangt eine verschlüsselte Verbindung oder eine andere Anmeldung</translation>
    </message>
    <message>
        <source>the account cannot be used</source>
        <translation>das Konto kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>the SMTP server refused STARTTLS</source>
        <translation>der SMTP-Server hat STARTTLS abgelehnt</translation>
    </message>
    <message>
        <source>the email is larger than the SMTP server accepts</source>
        <translation>die E-Mail ist größer, als der SMTP-Server annimmt</translation>
    </message>
    <message>
        <source>the SMTP server refused the recipient</source>
        <translation>der SMTP-Server hat den Empfänger abgelehnt</translation>
    </message>
</context>
<context>
    <name>SmtpReplyParser</name>
    <message numerus="yes">
        <source>the SMTP server sent a line longer than %n byte(s)</source>
        <translation>
            <numerusform>der SMTP-Server hat eine Zeile gesendet, die länger als %n Byte ist</numerusform>
            <numerusform>der SMTP-Server hat eine Zeile gesendet, die länger als %n Byte ist</numerusform>
        </translation>
    </message>
    <message>
        <source>the SMTP server sent a line that is not an SMTP reply</source>
        <translation>der SMTP-Server hat eine Zeile gesendet, die keine SMTP-Antwort ist</translation>
    </message>
    <message>
        <source>the SMTP server sent a multi-line reply whose lines have different codes</source>
        <translation>der SMTP-Server hat eine mehrzeilige Antwort gesendet, deren Zeilen unterschiedliche Codes haben</translation>
    </message>
    <message numerus="yes">
        <source>the SMTP server sent a reply of more than %n line(s)</source>
        <translation>
            <numerusform>der SMTP-Server hat eine Antwort mit mehr als %n Zeile gesendet</numerusform>
            <numerusform>der SMTP-Server hat eine Antwort mit mehr als %n Zeilen gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>the SMTP server&apos;s reply is incomplete</source>
        <translation>die Antwort des SMTP-Servers ist unvollständig</translation>
    </message>
</context>
<context>
    <name>SqlDialect</name>
    <message>
        <source>the database is locked by another process</source>
        <translation>die Datenbank ist durch einen anderen Prozess gesperrt</translation>
    </message>
    <message>
        <source>the database is read-only</source>
        <translation>die Datenbank ist schreibgeschützt</translation>
    </message>
    <message>
        <source>the database&apos;s disk is full</source>
        <translation>der Datenträger der Datenbank ist voll</translation>
    </message>
    <message>
        <source>the database file cannot be opened</source>
        <translation>die Datenbankdatei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>the database refused access</source>
        <translation>die Datenbank hat den Zugriff verweigert</translation>
    </message>
    <message>
        <source>the database file is damaged or is not a SyncDesk database</source>
        <translation>die Datenbankdatei ist beschädigt oder keine SyncDesk-Datenbank</translation>
    </message>
    <message>
        <source>the disk holding the database reported an I/O error</source>
        <translation>der Datenträger mit der Datenbank hat einen E/A-Fehler gemeldet</translation>
    </message>
    <message>
        <source>a value is too large for the database</source>
        <translation>ein Wert ist zu groß für die Datenbank</translation>
    </message>
    <message>
        <source>the database refused a row (a constraint or a trigger)</source>
        <translation>die Datenbank hat eine Zeile abgelehnt (Integritätsbedingung oder Trigger)</translation>
    </message>
    <message>
        <source>database error</source>
        <translation>Datenbankfehler</translation>
    </message>
    <message>
        <source>PostgreSQL refused the role or its password</source>
        <translation>PostgreSQL hat die Rolle oder ihr Passwort abgelehnt</translation>
    </message>
    <message>
        <source>the PostgreSQL database does not exist</source>
        <translation>die PostgreSQL-Datenbank existiert nicht</translation>
    </message>
    <message>
        <source>the PostgreSQL server cannot be reached</source>
        <translation>der PostgreSQL-Server ist nicht erreichbar</translation>
    </message>
    <message>
        <source>the PostgreSQL server&apos;s disk is full</source>
        <translation>der Datenträger des PostgreSQL-Servers ist voll</translation>
    </message>
    <message>
        <source>the PostgreSQL server has no free connection (max_connections)</source>
        <translation>der PostgreSQL-Server hat keine freie Verbindung (max_connections)</translation>
    </message>
    <message>
        <source>the PostgreSQL server ran out of resources</source>
        <translation>dem PostgreSQL-Server sind die Ressourcen ausgegangen</translation>
    </message>
    <message>
        <source>the connection to the PostgreSQL server was lost</source>
        <translation>die Verbindung zum PostgreSQL-Server wurde unterbrochen</translation>
    </message>
    <message>
        <source>PostgreSQL refused the write (a standby server, or missing privileges)</source>
        <translation>PostgreSQL hat den Schreibzugriff verweigert (Standby-Server oder fehlende Berechtigungen)</translation>
    </message>
    <message>
        <source>the database is locked by another session</source>
        <translation>die Datenbank ist durch eine andere Sitzung gesperrt</translation>
    </message>
    <message>
        <source>the database refused a row (a constraint, a trigger or a value)</source>
        <translation>die Datenbank hat eine Zeile abgelehnt (Integritätsbedingung, Trigger oder Wert)</translation>
    </message>
    <message>
        <source>the PostgreSQL server reported internal damage</source>
        <translation>der PostgreSQL-Server hat eine interne Beschädigung gemeldet</translation>
    </message>
</context>
<context>
    <name>StatusExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>no database path given</source>
        <translation>kein Datenbankpfad angegeben</translation>
    </message>
    <message>
        <source>%1 is a directory, not a database file</source>
        <translation>%1 ist ein Verzeichnis, keine Datenbankdatei</translation>
    </message>
    <message>
        <source>there is no database at %1</source>
        <translation>unter %1 gibt es keine Datenbank</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert</translation>
    </message>
    <message>
        <source>open database %1</source>
        <extracomment>the start of an error&apos;s detail, followed by the driver&apos;s own text</extracomment>
        <translation>Öffnen der Datenbank %1</translation>
    </message>
    <message>
        <source>%1 is not an SQLite database (another kind of file)</source>
        <translation>%1 ist keine SQLite-Datenbank (sondern eine andere Dateiart)</translation>
    </message>
    <message>
        <source>the Qt PostgreSQL driver (QPSQL) is not installed</source>
        <translation>der Qt-PostgreSQL-Treiber (QPSQL) ist nicht installiert</translation>
    </message>
    <message>
        <source>install Debian&apos;s libqt6sql6-psql</source>
        <extracomment>libqt6sql6-psql is the name of a Debian package</extracomment>
        <translation>installieren Sie das Debian-Paket libqt6sql6-psql</translation>
    </message>
    <message>
        <source>connect to %1</source>
        <extracomment>the start of an error&apos;s detail, followed by the driver&apos;s own text</extracomment>
        <translation>Verbindungsaufbau zu %1</translation>
    </message>
    <message>
        <source>schema migration to version %1 failed: %2</source>
        <extracomment>%1 is a schema version number, %2 the error</extracomment>
        <translation>Schemamigration auf Version %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>the database %1 has schema version %2, newer than this SyncDesk knows (%3); use a newer SyncDesk</source>
        <translation>die Datenbank %1 hat die Schemaversion %2 und ist damit neuer, als diese SyncDesk-Version unterstützt (%3); verwenden Sie eine neuere SyncDesk-Version</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 says what went wrong, %2 is the database (a file or a PostgreSQL URL)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>mailbox vanished after insert</source>
        <translation>Postfach nach dem Einfügen verschwunden</translation>
    </message>
    <message>
        <source>no mailbox %1 or no server profile %2 to move it to</source>
        <extracomment>%1 and %2 are ids</extracomment>
        <translation>Postfach %1 oder Ziel-Serverprofil %2 existiert nicht</translation>
    </message>
    <message>
        <source>the mailbox&apos;s state row is gone</source>
        <translation>der Statusdatensatz des Postfachs ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>mailbox %1 does not exist (deleted meanwhile?)</source>
        <extracomment>%1 is a mailbox id</extracomment>
        <translation>Postfach %1 existiert nicht (inzwischen gelöscht?)</translation>
    </message>
    <message>
        <source>this engine&apos;s lease on the mailbox ended (epoch %1); no engine holds it now (epoch %2): the run&apos;s writes are refused</source>
        <extracomment>%1 and %2 are lease epochs (numbers)</extracomment>
        <translation>die Lease dieser Engine auf das Postfach ist abgelaufen (Epoche %1); derzeit hält keine Engine sie (Epoche %2): die Schreibvorgänge des Laufs werden abgelehnt</translation>
    </message>
    <message>
        <source>this engine&apos;s lease on the mailbox ended (epoch %1); %2 holds it now (epoch %3): the run&apos;s writes are refused</source>
        <extracomment>%1 and %3 are lease epochs (numbers), %2 the engine that holds it</extracomment>
        <translation>die Lease dieser Engine auf das Postfach ist abgelaufen (Epoche %1); jetzt hält %2 sie (Epoche %3): die Schreibvorgänge des Laufs werden abgelehnt</translation>
    </message>
    <message>
        <source>the SQLite connection is not open</source>
        <translation>die SQLite-Verbindung ist nicht geöffnet</translation>
    </message>
</context>
<context>
    <name>StoreConfig</name>
    <message>
        <source>expected postgresql://USER@HOST:PORT/DBNAME, optionally with ?sslmode=require</source>
        <extracomment>USER, HOST, PORT and DBNAME stand for the parts of the URL; keep the rest as it is</extracomment>
        <translation>erwartet: postgresql://USER@HOST:PORT/DBNAME, optional mit ?sslmode=require</translation>
    </message>
    <message>
        <source>the database URL %1 is not usable: %2</source>
        <extracomment>%1 is the URL, %2 says what is wrong with it</extracomment>
        <translation>die Datenbank-URL %1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>no database given</source>
        <translation>keine Datenbank angegeben</translation>
    </message>
    <message>
        <source>give a file path or a postgresql:// URL</source>
        <translation>geben Sie einen Dateipfad oder eine postgresql://-URL an</translation>
    </message>
    <message>
        <source>the database URL given is not usable: %1</source>
        <extracomment>%1 says what is wrong with the URL</extracomment>
        <translation>die angegebene Datenbank-URL ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>the scheme %1 is not supported (only postgresql://)</source>
        <translation>das URL-Schema %1 wird nicht unterstützt (nur postgresql://)</translation>
    </message>
    <message>
        <source>the database URL %1 contains a password</source>
        <translation>die Datenbank-URL %1 enthält ein Passwort</translation>
    </message>
    <message>
        <source>a password on the command line shows in the process list; put it in PGPASSWORD, ~/.pgpass or PGPASSFILE, or name a keychain entry with ?password_source=keychain:ENTRY</source>
        <extracomment>PGPASSWORD, ~/.pgpass, PGPASSFILE and ?password_source=keychain:ENTRY are names to keep as they are</extracomment>
        <translation>ein Passwort in der Befehlszeile ist in der Prozessliste sichtbar; hinterlegen Sie es in PGPASSWORD, ~/.pgpass oder PGPASSFILE oder geben Sie mit ?password_source=keychain:ENTRY einen Schlüsselbundeintrag an</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>kein Host</translation>
    </message>
    <message>
        <source>the path must be the database&apos;s name</source>
        <translation>der Pfad muss der Name der Datenbank sein</translation>
    </message>
    <message>
        <source>password_source must be keychain:ENTRY, file:PATH or env:NAME</source>
        <extracomment>password_source, keychain:, file: and env: are fixed words; ENTRY, PATH and NAME stand for values</extracomment>
        <translation>password_source muss keychain:ENTRY, file:PATH oder env:NAME sein</translation>
    </message>
    <message>
        <source>the database URL contains a password</source>
        <translation>die Datenbank-URL enthält ein Passwort</translation>
    </message>
    <message>
        <source>put it in PGPASSWORD, ~/.pgpass or PGPASSFILE, or name a keychain entry with ?password_source=keychain:ENTRY</source>
        <extracomment>PGPASSWORD, ~/.pgpass, PGPASSFILE and ?password_source=keychain:ENTRY are names to keep as they are</extracomment>
        <translation>hinterlegen Sie es in PGPASSWORD, ~/.pgpass oder PGPASSFILE oder geben Sie mit ?password_source=keychain:ENTRY einen Schlüsselbundeintrag an</translation>
    </message>
    <message>
        <source>the value of %1 contains a character that is not allowed</source>
        <extracomment>%1 is the name of a URL parameter</extracomment>
        <translation>der Wert von %1 enthält ein unzulässiges Zeichen</translation>
    </message>
    <message>
        <source>unknown parameter %1 (known: %2, password_source)</source>
        <extracomment>%1 is the parameter given, %2 the list of known ones</extracomment>
        <translation>unbekannter Parameter %1 (bekannt: %2, password_source)</translation>
    </message>
</context>
<context>
    <name>StoreCopy</name>
    <message>
        <source>the tables&apos; foreign keys form a cycle: %1</source>
        <translation>die Fremdschlüssel der Tabellen bilden einen Zyklus: %1</translation>
    </message>
    <message>
        <source>store copy reads a SQLite database; this one is PostgreSQL</source>
        <extracomment>&quot;store copy&quot; is a command of the node&apos;s command line</extracomment>
        <translation>store copy liest eine SQLite-Datenbank; diese ist eine PostgreSQL-Datenbank</translation>
    </message>
    <message>
        <source>to copy a PostgreSQL database use pg_dump and pg_restore</source>
        <extracomment>pg_dump and pg_restore are PostgreSQL&apos;s programs</extracomment>
        <translation>verwenden Sie zum Kopieren einer PostgreSQL-Datenbank pg_dump und pg_restore</translation>
    </message>
    <message>
        <source>the target is the source database itself</source>
        <translation>das Ziel ist die Quelldatenbank selbst</translation>
    </message>
    <message>
        <source>the schema versions differ: the source is at %1, the target at %2</source>
        <extracomment>%1 and %2 are schema version numbers</extracomment>
        <translation>die Schemaversionen unterscheiden sich: die Quelle hat Version %1, das Ziel Version %2</translation>
    </message>
    <message>
        <source>the target has no table %1</source>
        <translation>im Ziel fehlt die Tabelle %1</translation>
    </message>
    <message>
        <source>the target&apos;s table %1 has no column %2</source>
        <translation>in der Tabelle %1 im Ziel fehlt die Spalte %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n row(s))</source>
        <extracomment>%1 is the name of a table</extracomment>
        <translation>
            <numerusform>%1 (%n Zeile)</numerusform>
            <numerusform>%1 (%n Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <source>the target database is not empty</source>
        <translation>die Zieldatenbank ist nicht leer</translation>
    </message>
    <message>
        <source>rows in %1</source>
        <extracomment>%1 lists tables with their numbers of rows: &quot;alerts (3 rows), log_records (120 rows)&quot;</extracomment>
        <translation>Zeilen in %1</translation>
    </message>
    <message>
        <source>%1: %2 in the source, %3 in the target</source>
        <extracomment>%1 is the name of a table, %2 and %3 numbers of rows</extracomment>
        <translation>%1: %2 in der Quelle, %3 im Ziel</translation>
    </message>
    <message>
        <source>the copy&apos;s row counts differ from the source&apos;s</source>
        <translation>die Zeilenzahlen der Kopie weichen von denen der Quelle ab</translation>
    </message>
</context>
<context>
    <name>StoreHealth</name>
    <message>
        <source>node %1 cannot write its store (%2): syncs are paused and resume by themselves when it works again; no mailbox is counted as failing</source>
        <translation>Knoten %1 kann nicht in seine Datenbank schreiben (%2): Synchronisierungen sind angehalten und werden automatisch fortgesetzt, sobald das Schreiben wieder möglich ist; kein Postfach wird als fehlerhaft gezählt</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ActRecordDialog</name>
    <message>
        <source>Edit appointment</source>
        <translation>Termin bearbeiten</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Neuer Termin</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>Aufgabe bearbeiten</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>All da&amp;y</source>
        <translation>&amp;Ganztägig</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>UTC</source>
        <extracomment>no time zone: times are UTC</extracomment>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>Be&amp;treff:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wann:</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Recurrence</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>none, or a rule such as FREQ=WEEKLY;BYDAY=MO;COUNT=10</source>
        <extracomment>an example of an iCalendar rule; keep it as it is</extracomment>
        <translation>keine, oder eine Regel wie FREQ=WEEKLY;BYDAY=MO;COUNT=10</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>&amp;Attendees:</source>
        <translation>Teil&amp;nehmer:</translation>
    </message>
    <message>
        <source>Re&amp;currence:</source>
        <translation>Wiederho&amp;lung:</translation>
    </message>
    <message>
        <source>S&amp;tart:</source>
        <translation>Begi&amp;nn:</translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation>&amp;Fällig:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Percent complete</source>
        <translation>Prozent erledigt</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>priority 0: none given (iCalendar: 1 is the highest, 9 the lowest)</extracomment>
        <translation>keine</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <source>&amp;Priority (1 highest):</source>
        <translation>&amp;Priorität (1 höchste):</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>Bes&amp;itzer:</translation>
    </message>
    <message>
        <source>&amp;Regarding:</source>
        <translation>Bezieht sich a&amp;uf:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>Beschrei&amp;bung:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>The mailboxes that hold it, and those of its owner, sync their calendars at once after Save.</source>
        <translation>Die Postfächer, die ihn enthalten, und die seines Besitzers synchronisieren ihre Kalender nach dem Speichern sofort.</translation>
    </message>
    <message>
        <source>Enter a subject.</source>
        <translation>Geben Sie einen Betreff ein.</translation>
    </message>
    <message>
        <source>The CRM has no system users to own it; import them first (syncdesk-node crm import).</source>
        <translation>Das CRM hat keine Systembenutzer, denen er gehören kann; importieren Sie sie zuerst (syncdesk-node crm import).</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>Das Ende muss nach dem Beginn liegen.</translation>
    </message>
    <message>
        <source>Choose a time zone from the list, such as Europe/Berlin.</source>
        <extracomment>keep the example zone as it is</extracomment>
        <translation>Wählen Sie eine Zeitzone aus der Liste, etwa Europe/Berlin.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ActRecordModel</name>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>UID %1</source>
        <extracomment>%1: the record&apos;s iCalendar UID</extracomment>
        <translation>UID %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Regarding</source>
        <translation>Bezieht sich auf</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ActRecordService</name>
    <message>
        <source>contacts are CRM records: change them with crm import</source>
        <translation>Kontakte sind CRM-Datensätze: Ändern Sie sie mit crm import</translation>
    </message>
    <message>
        <source>no %1 with id %2</source>
        <translation>kein Datensatz vom Typ %1 mit der ID %2</translation>
    </message>
    <message>
        <source>owner: %1 is not a system user of the CRM (syncdesk-node crm list --type systemuser)</source>
        <translation>owner: %1 ist kein Systembenutzer des CRM (syncdesk-node crm list --type systemuser)</translation>
    </message>
    <message>
        <source>a new %1 needs owner=ID, the system user who owns it</source>
        <translation>ein neuer Datensatz vom Typ %1 braucht owner=ID, den Systembenutzer, dem er gehört</translation>
    </message>
    <message>
        <source>a new %1 needs subject=TEXT</source>
        <translation>ein neuer Datensatz vom Typ %1 braucht subject=TEXT</translation>
    </message>
    <message>
        <source>a new appointment needs start=… and end=…</source>
        <translation>ein neuer Termin braucht start=… und end=…</translation>
    </message>
    <message>
        <source>no appointment with UID %1 (syncdesk-node appointments list --json shows them)</source>
        <translation>kein Termin mit der UID %1 (syncdesk-node appointments list --json zeigt sie)</translation>
    </message>
    <message>
        <source>%1:%2 is not a CRM record; import it first (syncdesk-node crm list shows what there is)</source>
        <translation>%1:%2 ist kein CRM-Datensatz; importieren Sie ihn zuerst (syncdesk-node crm list zeigt, was es gibt)</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ActRecordsPane</name>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Filter appointments</source>
        <translation>Termine filtern</translation>
    </message>
    <message>
        <source>Filter tasks</source>
        <translation>Aufgaben filtern</translation>
    </message>
    <message>
        <source>Filter by subject, owner, regarding…</source>
        <translation>Nach Betreff, Besitzer, Bezug filtern …</translation>
    </message>
    <message>
        <source>&amp;New appointment…</source>
        <translation>Neuer &amp;Termin …</translation>
    </message>
    <message>
        <source>&amp;New task…</source>
        <translation>Neue Auf&amp;gabe …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>B&amp;earbeiten …</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Lö&amp;schen</translation>
    </message>
    <message>
        <source>&amp;Track…</source>
        <extracomment>Tracks the appointment: its mailboxes sync their calendars at once</extracomment>
        <translation>&amp;Verfolgen …</translation>
    </message>
    <message>
        <source>Track the appointment, optionally setting what it is regarding; the mailboxes that hold it sync their calendars at once</source>
        <translation>Den Termin verfolgen und optional festlegen, worauf er sich bezieht; die Postfächer, die ihn enthalten, synchronisieren ihre Kalender sofort</translation>
    </message>
    <message>
        <source>No appointments yet — New appointment… adds one, the mailboxes&apos; calendars bring theirs, or run
syncdesk-node appointments add owner=ID subject=… start=… end=…</source>
        <extracomment>keep the command line as it is</extracomment>
        <translation>Noch keine Termine — Neuer Termin … legt einen an, die Kalender der Postfächer bringen ihre mit, oder führen Sie aus:
syncdesk-node appointments add owner=ID subject=… start=… end=…</translation>
    </message>
    <message>
        <source>No tasks yet — New task… adds one, or run
syncdesk-node tasks add owner=ID subject=…</source>
        <translation>Noch keine Aufgaben — Neue Aufgabe … legt eine an, oder führen Sie aus:
syncdesk-node tasks add owner=ID subject=…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>records shown of all records, e.g. &quot;12 of 40&quot;</extracomment>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ActText</name>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <extracomment>the ACT direction has not synced yet</extracomment>
        <translation>noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>sync requested</source>
        <extracomment>an immediate sync of the calendar was asked for (tracking an appointment) and waits</extracomment>
        <translation>Synchronisierung angefordert</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>not synced</source>
        <extracomment>a kind of record does not sync</extracomment>
        <translation>nicht synchronisiert</translation>
    </message>
    <message>
        <source>CRM → server</source>
        <translation>CRM → Server</translation>
    </message>
    <message>
        <source>server → CRM</source>
        <translation>Server → CRM</translation>
    </message>
    <message>
        <source>both ways</source>
        <translation>in beide Richtungen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Appointments, contacts and tasks do not sync for this mailbox; an &quot;act&quot; section in its configuration turns them on.</source>
        <translation>Termine, Kontakte und Aufgaben werden für dieses Postfach nicht synchronisiert; ein Abschnitt &quot;act&quot; in seiner Konfiguration schaltet sie ein.</translation>
    </message>
    <message>
        <source>No calendar server (CalDAV/CardDAV) is configured for %1.</source>
        <translation>Für %1 ist kein Kalenderserver (CalDAV/CardDAV) eingerichtet.</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Richtungen</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>the CRM wins</source>
        <translation>das CRM gewinnt</translation>
    </message>
    <message>
        <source>the server wins</source>
        <translation>der Server gewinnt</translation>
    </message>
    <message>
        <source>(compared by ETag)</source>
        <extracomment>the server does not offer sync-collection on this calendar, so SyncDesk compares ETags</extracomment>
        <translation>(per ETag verglichen)</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Letzter Erfolg</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Letzter Versuch</translation>
    </message>
    <message>
        <source>Last run</source>
        <extracomment>records written to the calendar/address book and taken from it by the last run</extracomment>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>%1 to the server, %2 from the server</source>
        <translation>%1 zum Server, %2 vom Server</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Failures in a row</source>
        <translation>Fehler in Folge</translation>
    </message>
    <message>
        <source>Conflicts recorded</source>
        <translation>Erfasste Konflikte</translation>
    </message>
    <message>
        <source>%1 — %2: CRM &quot;%3&quot;, server &quot;%4&quot; (%5 kept)</source>
        <extracomment>a recorded conflict: %1 the record&apos;s subject, %2 the field, %3 the CRM&apos;s value, %4 the server&apos;s, %5 who won</extracomment>
        <translation>%1 — %2: CRM „%3“, Server „%4“ (%5 behalten)</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Latest conflicts</source>
        <translation>Letzte Konflikte</translation>
    </message>
    <message>
        <source>hint id: %1</source>
        <translation>Hinweis-ID: %1</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>SyncDesk::AlertsPane</name>
    <message>
        <source>Failing</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Profile incident</source>
        <translation>Profilvorfall</translation>
    </message>
    <message>
        <source>Profile recovered</source>
        <translation>Profil wiederhergestellt</translation>
    </message>
    <message>
        <source>Folder renumbered</source>
        <translation>Ordner neu nummeriert</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>Bes&amp;tätigen</translation>
    </message>
    <message>
        <source>Mark the selected alert as seen; an information alert closes, the others stay until their cause is resolved</source>
        <translation>Ausgewählte Meldung als gesehen markieren; eine Informationsmeldung wird geschlossen, die anderen bleiben offen, bis ihre Ursache behoben ist</translation>
    </message>
    <message>
        <source>&amp;Re-enable mailboxes disabled by this incident</source>
        <translation>Durch diesen Vorfall deaktivierte Postfächer &amp;wieder aktivieren</translation>
    </message>
    <message>
        <source>Enable, in one action, every mailbox this server profile incident disabled</source>
        <translation>Alle Postfächer, die durch diesen Vorfall im Serverprofil deaktiviert wurden, in einem Schritt aktivieren</translation>
    </message>
    <message>
        <source>Show &amp;closed</source>
        <translation>&amp;Geschlossene anzeigen</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>About</source>
        <extracomment>column: what the alert is about (a mailbox or a server profile)</extracomment>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Times</source>
        <extracomment>column: how many times the alert was raised</extracomment>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>State</source>
        <extracomment>column: the alert&apos;s state (open, acknowledged, closed)</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Double-click or Enter opens the alert&apos;s mailbox, or an incident&apos;s mailboxes</source>
        <translation>Doppelklick oder Eingabetaste öffnet das Postfach der Meldung bzw. die Postfächer eines Vorfalls</translation>
    </message>
    <message>
        <source>No open alerts. Alerts are raised when a mailbox starts failing, is disabled or recovers, and when most mailboxes of a server profile fail.</source>
        <translation>Keine offenen Meldungen. Meldungen werden ausgelöst, wenn bei einem Postfach Fehler auftreten, es deaktiviert oder wiederhergestellt wird und wenn bei den meisten Postfächern eines Serverprofils Fehler auftreten.</translation>
    </message>
    <message>
        <source>What to do about the selected alert</source>
        <translation>Was bei der ausgewählten Meldung zu tun ist</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>raised %1, last %2</source>
        <translation>ausgelöst %1, zuletzt %2</translation>
    </message>
    <message>
        <source>%1 [hint: %2] — disabled by this incident</source>
        <extracomment>an incident&apos;s member mailbox: %1 is its error class, %2 the id of the troubleshooting hint</extracomment>
        <translation>%1 [Hinweis: %2] — durch diesen Vorfall deaktiviert</translation>
    </message>
    <message>
        <source>%1 [hint: %2]</source>
        <translation>%1 [Hinweis: %2]</translation>
    </message>
    <message>
        <source>incident #%1 of profile %2</source>
        <translation>Vorfall #%1 im Profil %2</translation>
    </message>
    <message>
        <source>Select an alert to see what to do about it.</source>
        <translation>Wählen Sie eine Meldung aus, um zu sehen, was zu tun ist.</translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) in this incident.</source>
        <translation>
            <numerusform>%n Postfach ist von diesem Vorfall betroffen.</numerusform>
            <numerusform>%n Postfächer sind von diesem Vorfall betroffen.</numerusform>
        </translation>
    </message>
    <message>
        <source>error</source>
        <extracomment>An alert&apos;s severity</extracomment>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <extracomment>An alert&apos;s severity</extracomment>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>information</source>
        <extracomment>An alert&apos;s severity</extracomment>
        <translation>Information</translation>
    </message>
    <message>
        <source>open</source>
        <extracomment>An alert&apos;s state: not yet acknowledged nor closed</extracomment>
        <translation>offen</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <extracomment>An alert&apos;s state</extracomment>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>closed</source>
        <extracomment>An alert&apos;s state</extracomment>
        <translation>geschlossen</translation>
    </message>
</context>
<context>
    <name>SyncDesk::BulkActions</name>
    <message>
        <source>Enable</source>
        <extracomment>button: enable the mailboxes</extracomment>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Disable</source>
        <extracomment>button: disable the mailboxes</extracomment>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Resync</source>
        <extracomment>button: sync the mailboxes now</extracomment>
        <translation>Neu synchronisieren</translation>
    </message>
    <message>
        <source>Move</source>
        <extracomment>button: move the mailboxes to another server profile</extracomment>
        <translation>Verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Enable %n mailbox(es)?</source>
        <translation>
            <numerusform>%n Postfach aktivieren?</numerusform>
            <numerusform>%n Postfächer aktivieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %n mailbox(es)?</source>
        <translation>
            <numerusform>%n Postfach deaktivieren?</numerusform>
            <numerusform>%n Postfächer deaktivieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resync %n mailbox(es)?</source>
        <translation>
            <numerusform>%n Postfach neu synchronisieren?</numerusform>
            <numerusform>%n Postfächer neu synchronisieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n mailbox(es) to the server profile %1?</source>
        <translation>
            <numerusform>%n Postfach in das Serverprofil %1 verschieben?</numerusform>
            <numerusform>%n Postfächer in das Serverprofil %1 verschieben?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n mailbox(es)…</source>
        <translation>
            <numerusform>%n Postfach wird aktiviert…</numerusform>
            <numerusform>%n Postfächer werden aktiviert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %n mailbox(es)…</source>
        <translation>
            <numerusform>%n Postfach wird deaktiviert…</numerusform>
            <numerusform>%n Postfächer werden deaktiviert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resync %n mailbox(es)…</source>
        <translation>
            <numerusform>%n Postfach wird neu synchronisiert…</numerusform>
            <numerusform>%n Postfächer werden neu synchronisiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n mailbox(es)…</source>
        <translation>
            <numerusform>%n Postfach wird verschoben…</numerusform>
            <numerusform>%n Postfächer werden verschoben…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %1 of %n mailbox(es)…</source>
        <translation>
            <numerusform>Aktivieren: %1 von %n Postfach…</numerusform>
            <numerusform>Aktivieren: %1 von %n Postfächern…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %1 of %n mailbox(es)…</source>
        <translation>
            <numerusform>Deaktivieren: %1 von %n Postfach…</numerusform>
            <numerusform>Deaktivieren: %1 von %n Postfächern…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resync %1 of %n mailbox(es)…</source>
        <translation>
            <numerusform>Neu synchronisieren: %1 von %n Postfach…</numerusform>
            <numerusform>Neu synchronisieren: %1 von %n Postfächern…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %1 of %n mailbox(es)…</source>
        <translation>
            <numerusform>Verschieben: %1 von %n Postfach…</numerusform>
            <numerusform>Verschieben: %1 von %n Postfächern…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enabled %1 of %n mailbox(es)</source>
        <translation>
            <numerusform>%1 von %n Postfach aktiviert</numerusform>
            <numerusform>%1 von %n Postfächern aktiviert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %1 of %n mailbox(es)</source>
        <translation>
            <numerusform>%1 von %n Postfach deaktiviert</numerusform>
            <numerusform>%1 von %n Postfächern deaktiviert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asked a sync of %1 of %n mailbox(es)</source>
        <translation>
            <numerusform>Synchronisierung für %1 von %n Postfach angefordert</numerusform>
            <numerusform>Synchronisierung für %1 von %n Postfächern angefordert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %1 of %n mailbox(es)</source>
        <translation>
            <numerusform>%1 von %n Postfach verschoben</numerusform>
            <numerusform>%1 von %n Postfächern verschoben</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>They are not synced until they are enabled again.</source>
        <translation>Sie werden erst wieder synchronisiert, wenn sie erneut aktiviert werden.</translation>
    </message>
    <message>
        <source>Their failure counters start again from zero and they sync now.</source>
        <translation>Ihre Fehlerzähler beginnen wieder bei null, und sie werden sofort synchronisiert.</translation>
    </message>
    <message>
        <source>Move to server profile</source>
        <translation>In Serverprofil verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Server profile for the %n selected mailbox(es):</source>
        <translation>
            <numerusform>Serverprofil für %n ausgewähltes Postfach:</numerusform>
            <numerusform>Serverprofil für %n ausgewählte Postfächer:</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling: finishing the batch under way…</source>
        <translation>Abbruch: Der laufende Stapel wird noch abgeschlossen…</translation>
    </message>
    <message numerus="yes">
        <source>%1; cancelled, the other %n are unchanged</source>
        <extracomment>plural: %1; cancelled, the other %n is unchanged</extracomment>
        <translation>
            <numerusform>%1; abgebrochen, %n weiteres Postfach bleibt unverändert</numerusform>
            <numerusform>%1; abgebrochen, die übrigen %n Postfächer bleiben unverändert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; then it failed.</source>
        <translation>%1; danach ist ein Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>Test &amp;&amp; Enable</source>
        <translation>Testen &amp;&amp; aktivieren</translation>
    </message>
    <message numerus="yes">
        <source>Testing %n mailbox(es)…</source>
        <translation>
            <numerusform>%n Postfach wird getestet…</numerusform>
            <numerusform>%n Postfächer werden getestet…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: its server profile is not loaded</source>
        <translation>%1: Das Serverprofil ist nicht geladen</translation>
    </message>
    <message>
        <source>Testing %1 (%2 of %3); %4 passed…</source>
        <translation>%1 wird getestet (%2 von %3); %4 bestanden…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n tested mailbox(es) passed and are enabled.</source>
        <translation>
            <numerusform>Bestanden und aktiviert: %1 von %n getestetem Postfach.</numerusform>
            <numerusform>Bestanden und aktiviert: %1 von %n getesteten Postfächern.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Cancelled: %2 not tested.</source>
        <translation>%1 Abgebrochen: %2 nicht getestet.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed and stay disabled:
%1</source>
        <extracomment>plural: %n failed and stays disabled:
%1</extracomment>
        <translation>
            <numerusform>%n Postfach hat den Test nicht bestanden und bleibt deaktiviert:
%1</numerusform>
            <numerusform>%n Postfächer haben den Test nicht bestanden und bleiben deaktiviert:
%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Test &amp; Enable</source>
        <translation>Testen &amp; aktivieren</translation>
    </message>
    <message>
        <source>Each is tested step by step in turn and enabled if it passes; one that fails stays disabled.</source>
        <translation>Jedes wird der Reihe nach Schritt für Schritt getestet und aktiviert, wenn es besteht; eines, das scheitert, bleibt deaktiviert.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected mailbox(es) already enabled are left as they are.</source>
        <translation>
            <numerusform>%n ausgewähltes Postfach ist bereits aktiviert und bleibt, wie es ist.</numerusform>
            <numerusform>%n ausgewählte Postfächer sind bereits aktiviert und bleiben, wie sie sind.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Test %n disabled mailbox(es)?</source>
        <translation>
            <numerusform>%n deaktiviertes Postfach testen?</numerusform>
            <numerusform>%n deaktivierte Postfächer testen?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::ComposeDialog</name>
    <message>
        <source>Compose email</source>
        <extracomment>Window title: write an email to send</extracomment>
        <translation>E-Mail verfassen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>name@example.com, Name &lt;name@example.com&gt;</source>
        <translation>name@example.com, Name &lt;name@example.com&gt;</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>not written into the message</source>
        <translation>wird nicht in die Nachricht geschrieben</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc:</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>&amp;Bcc:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>Be&amp;treff:</translation>
    </message>
    <message>
        <source>&amp;Regarding:</source>
        <translation>Be&amp;zug:</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Anhänge:</translation>
    </message>
    <message>
        <source>The email leaves through the mailbox&apos;s SMTP server at its next sync, which starts at once; a copy goes to its Sent folder and replies are tracked back to it. The Outbox tab follows it.</source>
        <translation>Die E-Mail geht bei der nächsten Synchronisierung des Postfachs, die sofort beginnt, über dessen SMTP-Server hinaus; eine Kopie kommt in den Ordner „Gesendet“, und Antworten werden ihr zugeordnet. Der Reiter Postausgang verfolgt sie.</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <extracomment>Button: queue the email to be sent now</extracomment>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Save as dr&amp;aft</source>
        <translation>Als &amp;Entwurf speichern</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>This mailbox does not send now: %1. The email waits in Pending Send until that is fixed.</source>
        <extracomment>%1: why the mailbox does not send now (its outgoing direction is off, ...)</extracomment>
        <translation>Dieses Postfach sendet zurzeit nicht: %1. Die E-Mail wartet in „Senden ausstehend“, bis das behoben ist.</translation>
    </message>
    <message>
        <source>This mailbox&apos;s sending has a problem: %1.</source>
        <extracomment>%1: what went wrong with the mailbox&apos;s last sends</extracomment>
        <translation>Beim Senden über dieses Postfach gibt es ein Problem: %1.</translation>
    </message>
    <message>
        <source>There are no mailboxes to send from.</source>
        <translation>Es gibt keine Postfächer, über die gesendet werden kann.</translation>
    </message>
    <message>
        <source>Enter at least one recipient in To, Cc or Bcc.</source>
        <translation>Geben Sie mindestens einen Empfänger unter An, Cc oder Bcc an.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an email address.</source>
        <extracomment>%1: what was typed as an address</extracomment>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Enter a subject.</source>
        <translation>Geben Sie einen Betreff ein.</translation>
    </message>
    <message>
        <source>Cannot attach %1: the file cannot be read.</source>
        <extracomment>%1: a file name</extracomment>
        <translation>%1 kann nicht angehängt werden: Die Datei ist nicht lesbar.</translation>
    </message>
    <message>
        <source>The attachments come to more than 50 MiB; most servers refuse far less.</source>
        <translation>Die Anhänge sind zusammen größer als 50 MiB; die meisten Server lehnen schon viel weniger ab.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <extracomment>%1: a file name, %2: why it cannot be read</extracomment>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Saving the draft…</source>
        <translation>Entwurf wird gespeichert…</translation>
    </message>
    <message>
        <source>Queueing the email…</source>
        <translation>E-Mail wird eingereiht…</translation>
    </message>
    <message>
        <source>Attac&amp;h…</source>
        <translation>An&amp;hängen…</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ConfigEditDialog</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A problem shown under a form field. %1: the field&apos;s label (without its colon), %2: the problem</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Please correct the fields marked above.</source>
        <translation>Bitte korrigieren Sie die oben markierten Felder.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ConnectionTest</name>
    <message>
        <source>%1; the server allows a login every %2 s at most (LOGIN-DELAY): this mailbox syncs no more often</source>
        <translation>%1; der Server erlaubt höchstens alle %2 s eine Anmeldung (LOGIN-DELAY): dieses Postfach wird nicht häufiger synchronisiert</translation>
    </message>
    <message>
        <source>cancelled</source>
        <extracomment>The detail of a connection-test step stopped by the user</extracomment>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the connection test was cancelled</source>
        <translation>der Verbindungstest wurde abgebrochen</translation>
    </message>
    <message>
        <source>Internal</source>
        <extracomment>The title of a connection-test step for a failure outside the steps (a bug)</extracomment>
        <translation>Intern</translation>
    </message>
    <message>
        <source>Read the password (%1)</source>
        <extracomment>%1 is where the password comes from, such as &quot;password file /etc/syncdesk/alice.pass&quot;</extracomment>
        <translation>Passwort lesen (%1)</translation>
    </message>
    <message>
        <source>read from the %1</source>
        <extracomment>%1 is where the password comes from, such as &quot;password file /etc/syncdesk/alice.pass&quot;</extracomment>
        <translation>aus %1 gelesen</translation>
    </message>
    <message>
        <source>Connect</source>
        <extracomment>The title of a connection-test step</extracomment>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>%1 cannot be synced as incoming mail</source>
        <translation>%1 kann nicht als eingehende E-Mail synchronisiert werden</translation>
    </message>
    <message>
        <source>Resolve %1</source>
        <translation>%1 auflösen</translation>
    </message>
    <message>
        <source>%1 is an IP address: no lookup needed</source>
        <translation>%1 ist eine IP-Adresse: keine Namensauflösung nötig</translation>
    </message>
    <message>
        <source>looking up %1 took longer than %2 s</source>
        <translation>die Namensauflösung von %1 dauerte länger als %2 s</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>Host %1 nicht gefunden</translation>
    </message>
    <message>
        <source>looking up %1 failed</source>
        <translation>Namensauflösung von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Upgrade to TLS with STARTTLS and check the certificate of %1</source>
        <translation>Mit STARTTLS auf TLS umstellen und das Zertifikat von %1 prüfen</translation>
    </message>
    <message>
        <source>TLS handshake and certificate of %1</source>
        <translation>TLS-Handshake und Zertifikat von %1</translation>
    </message>
    <message>
        <source>Greeting and capabilities</source>
        <translation>Begrüßung und Fähigkeiten</translation>
    </message>
    <message>
        <source>EHLO and capabilities</source>
        <translation>EHLO und Fähigkeiten</translation>
    </message>
    <message>
        <source>%1; certificate for %2 issued by %3, valid until %4</source>
        <translation>%1; Zertifikat für %2, ausgestellt von %3, gültig bis %4</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>verbunden mit %1</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Mit %1 verbinden</translation>
    </message>
    <message>
        <source>Log in as %1</source>
        <translation>Als %1 anmelden</translation>
    </message>
    <message>
        <source>logged in with %1</source>
        <translation>angemeldet mit %1</translation>
    </message>
    <message>
        <source>Open INBOX (read-only)</source>
        <translation>INBOX öffnen (schreibgeschützt)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s), UIDVALIDITY %1, UIDNEXT %2</source>
        <translation>
            <numerusform>%n Nachricht, UIDVALIDITY %1, UIDNEXT %2</numerusform>
            <numerusform>%n Nachrichten, UIDVALIDITY %1, UIDNEXT %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the configured folders (%1)</source>
        <translation>Konfigurierte Ordner prüfen (%1)</translation>
    </message>
    <message>
        <source>folder &quot;%1&quot;: %2</source>
        <translation>Ordner „%1“: %2</translation>
    </message>
    <message>
        <source>folder &quot;%1&quot; does not exist on the server</source>
        <translation>Ordner „%1“ existiert nicht auf dem Server</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n Nachricht</numerusform>
            <numerusform>%1: %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>the server did not answer CAPA</source>
        <translation>der Server hat nicht auf CAPA geantwortet</translation>
    </message>
    <message>
        <source>logged in with USER/PASS, UTF-8 enabled</source>
        <translation>angemeldet mit USER/PASS, UTF-8 aktiviert</translation>
    </message>
    <message>
        <source>logged in with USER/PASS</source>
        <translation>angemeldet mit USER/PASS</translation>
    </message>
    <message>
        <source>Open the maildrop (STAT, UIDL)</source>
        <translation>Maildrop öffnen (STAT, UIDL)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s), %1 bytes; UIDL supported</source>
        <translation>
            <numerusform>%n Nachricht, %1 Byte; UIDL wird unterstützt</numerusform>
            <numerusform>%n Nachrichten, %1 Byte; UIDL wird unterstützt</numerusform>
        </translation>
    </message>
    <message>
        <source>the POP3 server does not support UIDL: %1</source>
        <translation>der POP3-Server unterstützt UIDL nicht: %1</translation>
    </message>
    <message>
        <source>Connect to the SMTP server %1</source>
        <translation>Mit dem SMTP-Server %1 verbinden</translation>
    </message>
    <message>
        <source>Authenticate to the SMTP server as %1</source>
        <translation>Am SMTP-Server als %1 authentifizieren</translation>
    </message>
    <message>
        <source>authenticated with %1</source>
        <translation>authentifiziert mit %1</translation>
    </message>
    <message>
        <source>List the server&apos;s folders</source>
        <translation>Die Ordner des Servers auflisten</translation>
    </message>
    <message numerus="yes">
        <source>the first %n folder(s); the server lists more</source>
        <translation>
            <numerusform>der erste Ordner; der Server listet weitere</numerusform>
            <numerusform>die ersten %n Ordner; der Server listet weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n Ordner</numerusform>
            <numerusform>%n Ordner</numerusform>
        </translation>
    </message>
    <message>
        <source>POP3 has one folder: INBOX</source>
        <translation>POP3 hat einen Ordner: INBOX</translation>
    </message>
    <message>
        <source>Find the calendar and address book at %1</source>
        <extracomment>%1: the URL of the CalDAV/CardDAV server</extracomment>
        <translation>Kalender und Adressbuch unter %1 suchen</translation>
    </message>
    <message>
        <source>Get an access token (OAuth 2.0, %1)</source>
        <extracomment>%1 is an identity provider: microsoft, google or generic</extracomment>
        <translation>Zugriffstoken holen (OAuth 2.0, %1)</translation>
    </message>
    <message>
        <source>a new access token from the identity provider</source>
        <translation>ein neues Zugriffstoken vom Identitätsanbieter</translation>
    </message>
    <message>
        <source>an access token still valid from an earlier refresh</source>
        <translation>ein noch gültiges Zugriffstoken aus einer früheren Erneuerung</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ConsoleBackend</name>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: Datei kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>SyncDesk::CrmPane</name>
    <message>
        <source>Record type</source>
        <translation>Datensatztyp</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Alle Datensätze</translation>
    </message>
    <message>
        <source>Filter records</source>
        <translation>Datensätze filtern</translation>
    </message>
    <message>
        <source>Filter by name, email, id, owner…</source>
        <translation>Nach Name, E-Mail, ID, Besitzer filtern…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the CRM records</source>
        <translation>CRM-Datensätze aktualisieren</translation>
    </message>
    <message>
        <source>CRM records</source>
        <translation>CRM-Datensätze</translation>
    </message>
    <message>
        <source>No CRM records yet — add a &quot;crm&quot; section to the configuration and import it, or run
syncdesk-node crm import FILE.csv --type contact|account|lead</source>
        <extracomment>keep the command line (syncdesk-node ... lead) as it is</extracomment>
        <translation>Noch keine CRM-Datensätze — fügen Sie der Konfiguration einen Abschnitt &quot;crm&quot; hinzu und importieren Sie sie, oder führen Sie Folgendes aus:
syncdesk-node crm import FILE.csv --type contact|account|lead</translation>
    </message>
    <message>
        <source>Track requests</source>
        <translation>Nachverfolgungsanfragen</translation>
    </message>
    <message>
        <source>Track message…</source>
        <translation>Nachricht nachverfolgen…</translation>
    </message>
    <message>
        <source>Track a message</source>
        <translation>Nachricht nachverfolgen</translation>
    </message>
    <message>
        <source>A request makes the mailbox sync at once and tracks the message whatever its tracking rules say.</source>
        <translation>Eine Anfrage synchronisiert das Postfach sofort und verfolgt die Nachricht unabhängig von den Nachverfolgungsregeln nach.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>records shown of all records, e.g. &quot;12 of 40&quot;</extracomment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>CRM records, appointments, tasks and track requests</source>
        <translation>CRM-Datensätze, Termine, Aufgaben und Verfolgungsanfragen</translation>
    </message>
    <message>
        <source>CRM pages</source>
        <translation>CRM-Seiten</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Appointments (%1)</source>
        <extracomment>a tab of the CRM tab, with the number of appointments</extracomment>
        <translation>Termine (%1)</translation>
    </message>
    <message>
        <source>Tasks (%1)</source>
        <translation>Aufgaben (%1)</translation>
    </message>
</context>
<context>
    <name>SyncDesk::CrmRecordModel</name>
    <message>
        <source>Account</source>
        <extracomment>CRM record type</extracomment>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Contact</source>
        <extracomment>CRM record type</extracomment>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Lead</source>
        <extracomment>CRM record type: a prospective customer</extracomment>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <extracomment>CRM record type: a potential sale</extracomment>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Case</source>
        <extracomment>CRM record type: a support case</extracomment>
        <translation>Fall</translation>
    </message>
    <message>
        <source>System user</source>
        <extracomment>CRM record type: a user of the CRM</extracomment>
        <translation>Systembenutzer</translation>
    </message>
    <message>
        <source>Queue</source>
        <extracomment>CRM record type: a shared work queue</extracomment>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Business unit</source>
        <extracomment>CRM record type: a department</extracomment>
        <translation>Unternehmenseinheit</translation>
    </message>
    <message>
        <source>Type</source>
        <extracomment>column: the record&apos;s type</extracomment>
        <translation>Typ</translation>
    </message>
    <message>
        <source>ID</source>
        <extracomment>column: the record&apos;s key in the CRM</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Parent</source>
        <extracomment>column: the record&apos;s parent record (type:id)</extracomment>
        <translation>Übergeordnet</translation>
    </message>
    <message>
        <source>Roles: %1</source>
        <translation>Rollen: %1</translation>
    </message>
    <message>
        <source>Field security profile: %1</source>
        <translation>Feldsicherheitsprofil: %1</translation>
    </message>
    <message>
        <source>Company: %1</source>
        <translation>Unternehmen: %1</translation>
    </message>
</context>
<context>
    <name>SyncDesk::DemoEnvironment</name>
    <message>
        <source>Demo. Passwords — %1. erin.wrongpass@contoso.demo was set up with a wrong one; its right password is the-right-password: Edit mailbox… to type it, then Test &amp; Enable. frank.legacy@contoso.demo&apos;s server is offline on purpose. Nothing the demo writes (database, passwords typed here) outlives it.</source>
        <extracomment>%1: &quot;address: password&quot; of each demo mailbox. Keep the addresses and the-right-password as they are; &quot;Edit mailbox…&quot; and &quot;Test &amp; Enable&quot; name the console&apos;s actions (use their translations)</extracomment>
        <translation>Demo. Passwörter — %1. erin.wrongpass@contoso.demo wurde mit einem falschen Passwort eingerichtet; das richtige lautet the-right-password: Über „Postfach bearbeiten…“ eingeben, dann „Testen &amp; aktivieren“. Der Server von frank.legacy@contoso.demo ist absichtlich offline. Nichts, was die Demo schreibt (Datenbank, hier eingegebene Passwörter), bleibt nach ihrem Ende erhalten.</translation>
    </message>
    <message>
        <source>cannot create a temporary directory: %1</source>
        <extracomment>%1: the system&apos;s reason</extracomment>
        <translation>temporäres Verzeichnis kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>The demo mail server (Dovecot) did not start: %1</source>
        <extracomment>%1: the reason</extracomment>
        <translation>Der Demo-Mailserver (Dovecot) konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The demo configuration could not be imported: %1</source>
        <extracomment>%1: the problems found</extracomment>
        <translation>Die Demo-Konfiguration konnte nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>Hello,

this email was written in the SyncDesk demo.
</source>
        <translation>Hallo,

diese E-Mail wurde in der SyncDesk-Demo geschrieben.
</translation>
    </message>
</context>
<context>
    <name>SyncDesk::FolderPickerDialog</name>
    <message>
        <source>Sent mail</source>
        <translation>Gesendete Nachrichten</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Deleted items</source>
        <translation>Gelöschte Elemente</translation>
    </message>
    <message>
        <source>Junk</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>All mail</source>
        <translation>Alle Nachrichten</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Folders of %1</source>
        <extracomment>%1: the mailbox address</extracomment>
        <translation>Ordner von %1</translation>
    </message>
    <message>
        <source>Listing the folders on %1…</source>
        <extracomment>%1: the server&apos;s host name</extracomment>
        <translation>Die Ordner auf %1 werden aufgelistet …</translation>
    </message>
    <message>
        <source>Listing the folders</source>
        <translation>Ordner werden aufgelistet</translation>
    </message>
    <message>
        <source>Filter folders</source>
        <translation>Ordner filtern</translation>
    </message>
    <message>
        <source>Folders on the server</source>
        <translation>Ordner auf dem Server</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verwendung</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The folders could not be listed. Failed at “%1”: %2: %3</source>
        <extracomment>%1: the step that failed, %2: the kind of error, %3: the error message (from the server)</extracomment>
        <translation>Die Ordner konnten nicht aufgelistet werden. Fehlgeschlagen bei „%1“: %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>The server lists more folders than the first %n shown here; type the others in the Folders field.</source>
        <translation>
            <numerusform>Der Server listet mehr Ordner als den einen hier gezeigten; tragen Sie die anderen im Feld „Ordner“ ein.</numerusform>
            <numerusform>Der Server listet mehr Ordner als die ersten %n hier gezeigten; tragen Sie die anderen im Feld „Ordner“ ein.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) on the server. Check the ones to sync.</source>
        <translation>
            <numerusform>%n Ordner auf dem Server. Haken Sie die an, die synchronisiert werden sollen.</numerusform>
            <numerusform>%n Ordner auf dem Server. Haken Sie die an, die synchronisiert werden sollen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: holds no messages, only other folders</source>
        <translation>%1: enthält keine Nachrichten, nur andere Ordner</translation>
    </message>
    <message>
        <source>%1 (not on the server)</source>
        <extracomment>%1: a folder the mailbox is set to sync that the server did not list</extracomment>
        <translation>%1 (nicht auf dem Server)</translation>
    </message>
    <message>
        <source>The mailbox is set to sync this folder, but the server does not list it; a sync fails on it until it exists. Uncheck it to leave it out.</source>
        <translation>Das Postfach soll diesen Ordner synchronisieren, aber der Server listet ihn nicht; eine Synchronisierung scheitert an ihm, bis es ihn gibt. Entfernen Sie den Haken, um ihn auszulassen.</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ICalCodec</name>
    <message>
        <source>the iCalendar module %1 of this installation is missing or cannot be loaded; reinstall the syncdesk-node package</source>
        <extracomment>%1 is a file name (libsyncdesk-ical.so), part of the syncdesk-node package</extracomment>
        <translation>das iCalendar-Modul %1 dieser Installation fehlt oder lässt sich nicht laden; installieren Sie das Paket syncdesk-node neu</translation>
    </message>
    <message>
        <source>out of memory reading or writing a calendar object</source>
        <translation>kein Speicher mehr beim Lesen oder Schreiben eines Kalenderobjekts</translation>
    </message>
    <message>
        <source>the iCalendar module failed: %1</source>
        <translation>das iCalendar-Modul ist gescheitert: %1</translation>
    </message>
</context>
<context>
    <name>SyncDesk::Imap::Session</name>
    <message>
        <source>the server closed the connection while %1</source>
        <extracomment>%1 says what the session was doing (&quot;waiting for the greeting&quot;)</extracomment>
        <translation>der Server hat die Verbindung %1 geschlossen</translation>
    </message>
    <message>
        <source>connecting to %1:%2</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Verbindungsaufbau zu %1:%2</translation>
    </message>
    <message>
        <source>waiting for the greeting</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Warten auf die Begrüßung</translation>
    </message>
    <message>
        <source>the server did not greet with an IMAP greeting; is this an IMAP port?</source>
        <translation>der Server hat sich nicht mit einer IMAP-Begrüßung gemeldet; ist dies ein IMAP-Port?</translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS; refusing to continue unencrypted</source>
        <translation>der Server bietet kein STARTTLS an; unverschlüsselt wird nicht fortgefahren</translation>
    </message>
    <message>
        <source>the server sent unencrypted data after agreeing to STARTTLS</source>
        <translation>der Server hat nach der Zustimmung zu STARTTLS unverschlüsselte Daten gesendet</translation>
    </message>
    <message>
        <source>negotiating TLS</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Aushandeln von TLS</translation>
    </message>
    <message>
        <source>the server does not allow logging in with a password</source>
        <translation>der Server erlaubt keine Anmeldung mit Passwort</translation>
    </message>
    <message>
        <source>the server does not allow a password login on an unencrypted connection</source>
        <translation>der Server erlaubt keine Passwortanmeldung über eine unverschlüsselte Verbindung</translation>
    </message>
    <message>
        <source>the IMAP session is closed; cannot send %1</source>
        <translation>die IMAP-Sitzung ist geschlossen; %1 kann nicht gesendet werden</translation>
    </message>
    <message>
        <source>waiting for the answer to %1</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Warten auf die Antwort auf %1</translation>
    </message>
    <message>
        <source>the server</source>
        <extracomment>stands for the server&apos;s host name when it is not known</extracomment>
        <translation>der Server</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not complete %2 in time (%3 s allowed from sending it, plus the time for %n byte(s) at %4 KiB/s)</source>
        <extracomment>%1 is the server, %2 an IMAP command (UID FETCH), %3 a number of seconds, %4 a rate in KiB per second</extracomment>
        <translation>
            <numerusform>%1 hat %2 nicht rechtzeitig abgeschlossen (%3 s ab dem Senden erlaubt, zuzüglich der Zeit für %n Byte bei %4 KiB/s)</numerusform>
            <numerusform>%1 hat %2 nicht rechtzeitig abgeschlossen (%3 s ab dem Senden erlaubt, zuzüglich der Zeit für %n Byte bei %4 KiB/s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 did not complete %2 in time (%3 s allowed from sending it)</source>
        <extracomment>%1 is the server, %2 an IMAP command (UID FETCH), %3 a number of seconds</extracomment>
        <translation>%1 hat %2 nicht rechtzeitig abgeschlossen (%3 s ab dem Senden erlaubt)</translation>
    </message>
    <message>
        <source>no answer from %1 while %2</source>
        <extracomment>%1 is the server, %2 says what the session was doing (&quot;waiting for the greeting&quot;)</extracomment>
        <translation>%1 hat %2 nicht geantwortet</translation>
    </message>
    <message>
        <source>the server sent a continuation request nobody asked for</source>
        <translation>der Server hat eine nicht angeforderte Fortsetzungsanfrage gesendet</translation>
    </message>
    <message>
        <source>the server answered a command that was never sent</source>
        <translation>der Server hat auf einen Befehl geantwortet, der nie gesendet wurde</translation>
    </message>
    <message>
        <source>%1 was not sent: the session is logging out</source>
        <translation>%1 wurde nicht gesendet: die Sitzung meldet sich gerade ab</translation>
    </message>
    <message>
        <source>logging out</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Abmelden</translation>
    </message>
    <message>
        <source>idle</source>
        <extracomment>completes &quot;the server closed the connection while …&quot; when no command was waiting for an answer</extracomment>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>the IMAP server offers neither AUTHENTICATE OAUTHBEARER nor XOAUTH2</source>
        <translation>der IMAP-Server bietet weder AUTHENTICATE OAUTHBEARER noch XOAUTH2 an</translation>
    </message>
    <message>
        <source>the IMAP server refused the access token</source>
        <translation>der IMAP-Server hat das Zugriffstoken abgelehnt</translation>
    </message>
    <message>
        <source>the server does not offer IDLE</source>
        <translation>der Server bietet kein IDLE an</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ImapMailboxAudit</name>
    <message>
        <source>the server listed far more messages than the %1 the folder holds; not compared</source>
        <translation>der Server hat weit mehr Nachrichten aufgelistet als die %1, die der Ordner enthält; kein Vergleich durchgeführt</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ImapMailboxSync</name>
    <message>
        <source>the sync was cancelled</source>
        <translation>die Synchronisierung wurde abgebrochen</translation>
    </message>
    <message>
        <source>folder &quot;%1&quot;: %2</source>
        <translation>Ordner „%1“: %2</translation>
    </message>
    <message>
        <source>the server did not report UIDVALIDITY; UIDs cannot be trusted</source>
        <translation>der Server hat keine UIDVALIDITY gemeldet; den UIDs kann nicht vertraut werden</translation>
    </message>
</context>
<context>
    <name>SyncDesk::IntervalReason</name>
    <message>
        <source>normal</source>
        <extracomment>Why a mailbox syncs as often as it does: the normal interval</extracomment>
        <translation>normal</translation>
    </message>
    <message>
        <source>busy</source>
        <extracomment>Why a mailbox syncs as often as it does: much new mail, so more often</extracomment>
        <translation>viel Post</translation>
    </message>
    <message>
        <source>quiet</source>
        <extracomment>Why a mailbox syncs as often as it does: little new mail, so less often</extracomment>
        <translation>wenig Post</translation>
    </message>
    <message>
        <source>requested now</source>
        <extracomment>Why a mailbox syncs as often as it does: asked to sync now</extracomment>
        <translation>jetzt angefordert</translation>
    </message>
    <message>
        <source>the server&apos;s minimum</source>
        <extracomment>Why a mailbox syncs as often as it does: the server allows a login only this often</extracomment>
        <translation>Minimum des Servers</translation>
    </message>
    <message>
        <source>backing off</source>
        <extracomment>Why a mailbox syncs as often as it does: waiting longer after failures</extracomment>
        <translation>nach Fehlern verlängert</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ItemFailuresPane</name>
    <message>
        <source>All mailbo&amp;xes</source>
        <translation>Alle Postfä&amp;cher</translation>
    </message>
    <message>
        <source>Sele&amp;cted mailbox</source>
        <translation>A&amp;usgewähltes Postfach</translation>
    </message>
    <message>
        <source>Only the failures of the mailbox selected in the Mailboxes tab</source>
        <translation>Nur die fehlgeschlagenen Elemente des in der Registerkarte „Postfächer“ ausgewählten Postfachs</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Item failures</source>
        <translation>Fehlgeschlagene Elemente</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>UID / UIDL</source>
        <translation>UID / UIDL</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Class</source>
        <extracomment>column: the error class of the failure (Auth, Timeout, ...)</extracomment>
        <translation>Fehlerklasse</translation>
    </message>
    <message>
        <source>Why</source>
        <extracomment>column: why the message failed</extracomment>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Tries</source>
        <extracomment>column: how many times the message was tried</extracomment>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last failed</source>
        <translation>Zuletzt fehlgeschlagen</translation>
    </message>
    <message>
        <source>State</source>
        <extracomment>column: the failure&apos;s state</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sele&amp;cted mailbox: %1</source>
        <translation>A&amp;usgewähltes Postfach: %1</translation>
    </message>
    <message>
        <source>Retr&amp;y the selected failure</source>
        <translation>Ausgewähltes Element erneut &amp;versuchen</translation>
    </message>
    <message numerus="yes">
        <source>Retr&amp;y the %n selected failure(s)</source>
        <translation>
            <numerusform>%n ausgewähltes Element erneut &amp;versuchen</numerusform>
            <numerusform>%n ausgewählte Elemente erneut &amp;versuchen</numerusform>
        </translation>
    </message>
    <message>
        <source>Retr&amp;y failed items of %1</source>
        <translation>Fehlgeschlagene Elemente von %1 erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Retr&amp;y all failed items</source>
        <translation>Alle fehlgeschlagenen Elemente erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Fetch these messages again on the next sync of their mailbox</source>
        <translation>Diese Nachrichten bei der nächsten Synchronisierung ihres Postfachs erneut abrufen</translation>
    </message>
    <message>
        <source>tried again next sync</source>
        <translation>wird bei nächster Synchronisierung erneut versucht</translation>
    </message>
    <message>
        <source>%1

%2

hint: %3</source>
        <extracomment>tooltip of the Why column: %1 the reason, %2 its detail, %3 the troubleshooting hint</extracomment>
        <translation>%1

%2

Hinweis: %3</translation>
    </message>
    <message>
        <source>Select a mailbox in the Mailboxes tab to see its failures here.</source>
        <translation>Wählen Sie in der Registerkarte „Postfächer“ ein Postfach aus, um hier seine fehlgeschlagenen Elemente zu sehen.</translation>
    </message>
    <message>
        <source>No message failed to decode or store in %1.</source>
        <translation>In %1 ist keine Nachricht beim Dekodieren oder Speichern fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be decoded or stored in %1; the syncs went on without them.</source>
        <translation>
            <numerusform>%n Nachricht in %1 konnte nicht dekodiert oder gespeichert werden; die Synchronisierungen liefen ohne sie weiter.</numerusform>
            <numerusform>%n Nachrichten in %1 konnten nicht dekodiert oder gespeichert werden; die Synchronisierungen liefen ohne sie weiter.</numerusform>
        </translation>
    </message>
    <message>
        <source>No message failed to decode or store.</source>
        <translation>Keine Nachricht ist beim Dekodieren oder Speichern fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be decoded or stored; the syncs went on without them.</source>
        <translation>
            <numerusform>%n Nachricht konnte nicht dekodiert oder gespeichert werden; die Synchronisierungen liefen ohne sie weiter.</numerusform>
            <numerusform>%n Nachrichten konnten nicht dekodiert oder gespeichert werden; die Synchronisierungen liefen ohne sie weiter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sender</source>
        <extracomment>column: who sent the message (its From header)</extracomment>
        <translation>Absender</translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>column: the message&apos;s own date (its Date header)</extracomment>
        <translation>Datum</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>SyncDesk::LogRecordModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>SyncDesk::LogStoreReader</name>
    <message>
        <source>the database cannot be read</source>
        <translation>die Datenbank kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cancelled</source>
        <extracomment>why an export failed: the user cancelled it</extracomment>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>SyncDesk::LogViewer</name>
    <message numerus="yes">
        <source>Exporting… %Ln record(s) written</source>
        <translation>
            <numerusform>Export läuft… %Ln Eintrag geschrieben</numerusform>
            <numerusform>Export läuft… %Ln Einträge geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Minimum log level</source>
        <translation>Minimale Protokollstufe</translation>
    </message>
    <message>
        <source>Show records of this level and above</source>
        <translation>Einträge dieser Stufe und höher anzeigen</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Mailbox filter</source>
        <translation>Postfachfilter</translation>
    </message>
    <message>
        <source>Show the records of one mailbox: pick or type its address, then Enter</source>
        <translation>Einträge eines Postfachs anzeigen: Adresse auswählen oder eingeben, dann Eingabetaste</translation>
    </message>
    <message>
        <source>All mailboxes</source>
        <translation>Alle Postfächer</translation>
    </message>
    <message>
        <source>Log text filter</source>
        <translation>Textfilter für das Protokoll</translation>
    </message>
    <message>
        <source>Filter text in messages, mailboxes and categories</source>
        <translation>Text in Nachrichten, Postfächern und Kategorien filtern</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Filter text is a regular expression</source>
        <translation>Filtertext ist ein regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Match the filter text as a Perl-compatible regular expression (case-insensitive)</source>
        <translation>Filtertext als Perl-kompatiblen regulären Ausdruck auswerten (ohne Beachtung der Groß-/Kleinschreibung)</translation>
    </message>
    <message>
        <source>Search database</source>
        <translation>Datenbank durchsuchen</translation>
    </message>
    <message>
        <source>Search the database</source>
        <translation>Datenbank durchsuchen</translation>
    </message>
    <message>
        <source>Search every record in the database with these filters, not only those in memory</source>
        <translation>Alle Einträge in der Datenbank mit diesen Filtern durchsuchen, nicht nur die im Speicher</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Pause the live log</source>
        <translation>Live-Protokoll anhalten</translation>
    </message>
    <message>
        <source>Stop the view from moving; new records are counted and shown on Resume</source>
        <translation>Ansicht anhalten; neue Einträge werden gezählt und bei „Fortsetzen“ angezeigt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Export &amp;selection…</source>
        <translation>&amp;Auswahl exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;all…</source>
        <translation>Alles e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Every record that passes the filters — all of them without filters — including those only in the database</source>
        <translation>Alle Einträge, die den Filtern entsprechen (ohne Filter alle), auch solche, die nur in der Datenbank liegen</translation>
    </message>
    <message>
        <source>Load &amp;older records</source>
        <translation>Ältere Einträge &amp;laden</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>More log actions</source>
        <translation>Weitere Protokollaktionen</translation>
    </message>
    <message>
        <source>Load older records, copy, export</source>
        <translation>Ältere Einträge laden, kopieren, exportieren</translation>
    </message>
    <message>
        <source>Filter error</source>
        <translation>Filterfehler</translation>
    </message>
    <message>
        <source>Search further</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Search older records</source>
        <translation>Ältere Einträge durchsuchen</translation>
    </message>
    <message>
        <source>Continue the search with records older than those found</source>
        <translation>Suche mit Einträgen fortsetzen, die älter als die gefundenen sind</translation>
    </message>
    <message>
        <source>Back to the live log</source>
        <translation>Zurück zum Live-Protokoll</translation>
    </message>
    <message>
        <source>Show the records in memory again, newest at the bottom</source>
        <translation>Wieder die Einträge im Speicher anzeigen, neueste unten</translation>
    </message>
    <message>
        <source>Log records</source>
        <translation>Protokolleinträge</translation>
    </message>
    <message>
        <source>Log status</source>
        <translation>Protokollstatus</translation>
    </message>
    <message>
        <source>Log viewer status</source>
        <translation>Status der Protokollanzeige</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the search or export</source>
        <translation>Suche oder Export abbrechen</translation>
    </message>
    <message>
        <source>Stop the database search or export that is running</source>
        <translation>Laufende Datenbanksuche bzw. laufenden Export beenden</translation>
    </message>
    <message>
        <source>Log viewer</source>
        <translation>Protokollanzeige</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>Ungültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>Reading the newest records…</source>
        <translation>Neueste Einträge werden gelesen…</translation>
    </message>
    <message>
        <source>Loading older records…</source>
        <translation>Ältere Einträge werden geladen…</translation>
    </message>
    <message>
        <source>No older records in the database</source>
        <translation>Keine älteren Einträge in der Datenbank</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln older record(s)</source>
        <translation>
            <numerusform>%Ln älterer Eintrag geladen</numerusform>
            <numerusform>%Ln ältere Einträge geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>Search cancelled</source>
        <translation>Suche abgebrochen</translation>
    </message>
    <message>
        <source>The database cannot be read: %1</source>
        <translation>Die Datenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln record(s)</source>
        <translation>
            <numerusform>%Ln Eintrag kopiert</numerusform>
            <numerusform>%Ln Einträge kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>no record is selected</source>
        <translation>kein Eintrag ausgewählt</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln record(s)…</source>
        <translation>
            <numerusform>%Ln Eintrag wird exportiert…</numerusform>
            <numerusform>%Ln Einträge werden exportiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export läuft…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln record(s) to %1</source>
        <translation>
            <numerusform>%Ln Eintrag nach %1 exportiert</numerusform>
            <numerusform>%Ln Einträge nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation>Export nach %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>Export the selected records</source>
        <translation>Ausgewählte Einträge exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <extracomment>file type filters of the export dialog: keep the patterns in parentheses</extracomment>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Text (*.log *.txt)</source>
        <translation>Text (*.log *.txt)</translation>
    </message>
    <message>
        <source>Show only %1</source>
        <translation>Nur %1 anzeigen</translation>
    </message>
    <message>
        <source>No records in memory</source>
        <translation>Keine Einträge im Speicher</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) in memory</source>
        <translation>
            <numerusform>%Ln Eintrag im Speicher</numerusform>
            <numerusform>%Ln Einträge im Speicher</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln record(s) in memory match</source>
        <translation>
            <numerusform>Treffer: %L1 von %Ln Eintrag im Speicher</numerusform>
            <numerusform>Treffer: %L1 von %Ln Einträgen im Speicher</numerusform>
        </translation>
    </message>
    <message>
        <source>older ones are in the database</source>
        <translation>ältere liegen in der Datenbank</translation>
    </message>
    <message>
        <source>showing older records; %L1 newer not shown</source>
        <translation>ältere Einträge werden angezeigt; %L1 neuere nicht angezeigt</translation>
    </message>
    <message>
        <source>paused; %L1 new</source>
        <translation>angehalten; %L1 neu</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>live</source>
        <extracomment>the log follows new records as they are written</extracomment>
        <translation>live</translation>
    </message>
    <message numerus="yes">
        <source>Searching the database… %1 % — %Ln matching record(s) so far</source>
        <translation>
            <numerusform>Datenbank wird durchsucht… %1 % — bisher %Ln passender Eintrag</numerusform>
            <numerusform>Datenbank wird durchsucht… %1 % — bisher %Ln passende Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln matching record(s) from the database</source>
        <translation>
            <numerusform>%Ln passender Eintrag aus der Datenbank</numerusform>
            <numerusform>%Ln passende Einträge aus der Datenbank</numerusform>
        </translation>
    </message>
    <message>
        <source>the newest; older ones: Search further</source>
        <translation>die neuesten; ältere: Weitersuchen</translation>
    </message>
    <message>
        <source>the whole log was searched</source>
        <translation>das gesamte Protokoll wurde durchsucht</translation>
    </message>
    <message>
        <source>filtering…</source>
        <translation>wird gefiltert…</translation>
    </message>
    <message>
        <source>Database search results for the filters above, oldest at the top.</source>
        <translation>Ergebnisse der Datenbanksuche für die obigen Filter, älteste oben.</translation>
    </message>
    <message numerus="yes">
        <source>Showing older records read from the database; %Ln newer record(s) are not shown.</source>
        <translation>
            <numerusform>Ältere Einträge aus der Datenbank werden angezeigt; %Ln neuerer Eintrag wird nicht angezeigt.</numerusform>
            <numerusform>Ältere Einträge aus der Datenbank werden angezeigt; %Ln neuere Einträge werden nicht angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Go to the newest</source>
        <translation>Zu den neuesten</translation>
    </message>
    <message>
        <source>Resume (%L1 new)</source>
        <translation>Fortsetzen (%L1 neu)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume the live log</source>
        <translation>Live-Protokoll fortsetzen</translation>
    </message>
    <message>
        <source>Searching the database for matching records…</source>
        <translation>Datenbank wird nach passenden Einträgen durchsucht…</translation>
    </message>
    <message>
        <source>No record in the database matches these filters.</source>
        <translation>Kein Eintrag in der Datenbank entspricht diesen Filtern.</translation>
    </message>
    <message>
        <source>Reading the log from the database…</source>
        <translation>Protokoll wird aus der Datenbank gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>Paused: %Ln new record(s) are waiting. Resume to show them.</source>
        <translation>
            <numerusform>Angehalten: %Ln neuer Eintrag wartet. „Fortsetzen“ zeigt ihn an.</numerusform>
            <numerusform>Angehalten: %Ln neue Einträge warten. „Fortsetzen“ zeigt sie an.</numerusform>
        </translation>
    </message>
    <message>
        <source>No log records yet. The engine&apos;s log appears here as it is written; older records are read from the database with Load older.</source>
        <translation>Noch keine Protokolleinträge. Das Protokoll der Engine erscheint hier, sobald es geschrieben wird; ältere Einträge werden mit „Ältere Einträge laden“ aus der Datenbank gelesen.</translation>
    </message>
    <message>
        <source>No log records yet. They appear here as the engine writes them.</source>
        <translation>Noch keine Protokolleinträge. Sie erscheinen hier, sobald die Engine sie schreibt.</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>Wird gefiltert…</translation>
    </message>
    <message>
        <source>No record of %1 in memory. Search the database to look through older records.</source>
        <translation>Keine Einträge für %1 im Speicher. Mit „Datenbank durchsuchen“ auch ältere Einträge durchsuchen.</translation>
    </message>
    <message>
        <source>No record of %1 in memory.</source>
        <translation>Keine Einträge für %1 im Speicher.</translation>
    </message>
    <message>
        <source>No record in memory matches these filters. Search the database to look through older records too.</source>
        <translation>Kein Eintrag im Speicher entspricht diesen Filtern. Mit „Datenbank durchsuchen“ auch ältere Einträge durchsuchen.</translation>
    </message>
    <message>
        <source>No record in memory matches these filters.</source>
        <translation>Kein Eintrag im Speicher entspricht diesen Filtern.</translation>
    </message>
</context>
<context>
    <name>SyncDesk::MailboxAudit</name>
    <message>
        <source>the audit was cancelled</source>
        <translation>das Audit wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>SyncDesk::MailboxDetailsPane</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Mailbox details</source>
        <translation>Postfachdetails</translation>
    </message>
    <message>
        <source>Resync now</source>
        <translation>Jetzt neu synchronisieren</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Show log</source>
        <translation>Protokoll anzeigen</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Troubleshooting hint</source>
        <translation>Hinweis zur Fehlerbehebung</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Incoming state</source>
        <translation>Status eingehend</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Outgoing state</source>
        <translation>Status ausgehend</translation>
    </message>
    <message>
        <source>Interval and new items per run, last 24 hours</source>
        <translation>Intervall und neue Elemente pro Lauf, letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Interval and items chart</source>
        <translation>Diagramm für Intervall und Elemente</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>Letzte Läufe</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>New items</source>
        <translation>Neue Elemente</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Nachverfolgung</translation>
    </message>
    <message>
        <source>Track message…</source>
        <translation>Nachricht nachverfolgen…</translation>
    </message>
    <message>
        <source>Track a message of this mailbox</source>
        <translation>Eine Nachricht dieses Postfachs nachverfolgen</translation>
    </message>
    <message>
        <source>Latest activities</source>
        <translation>Neueste Aktivitäten</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Regarding</source>
        <translation>Bezug</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Alerts of this mailbox</source>
        <translation>Meldungen dieses Postfachs</translation>
    </message>
    <message>
        <source>Select a mailbox to see its details.</source>
        <translation>Wählen Sie ein Postfach aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Sync this mailbox now</source>
        <translation>Dieses Postfach jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Disabled mailboxes are not synced; enable it first</source>
        <translation>Deaktivierte Postfächer werden nicht synchronisiert; aktivieren Sie es zuerst</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>%1 · %2 · user %3</source>
        <translation>%1 · %2 · Benutzer %3</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>State</source>
        <extracomment>the mailbox&apos;s state (OK, failing, ...)</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>admin</source>
        <extracomment>why the mailbox is disabled when no reason was recorded: an administrator disabled it</extracomment>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>jetzt fällig</translation>
    </message>
    <message>
        <source>%1 — overdue: %2</source>
        <translation>%1 — überfällig: %2</translation>
    </message>
    <message>
        <source>Next sync</source>
        <translation>Nächste Synchronisierung</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Letzter Erfolg</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Letzter Versuch</translation>
    </message>
    <message>
        <source>New items, last sync</source>
        <translation>Neue Elemente, letzte Synchronisierung</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>%1 new items a minute</source>
        <translation>%1 neue Elemente pro Minute</translation>
    </message>
    <message>
        <source>Failures in a row</source>
        <translation>Fehler in Folge</translation>
    </message>
    <message>
        <source>Process email from</source>
        <translation>E-Mails verarbeiten ab</translation>
    </message>
    <message>
        <source>not yet (the engine audits each mailbox about once a day)</source>
        <translation>noch nicht (die Engine prüft jedes Postfach etwa einmal täglich)</translation>
    </message>
    <message>
        <source>nothing missing — %1</source>
        <translation>nichts fehlt — %1</translation>
    </message>
    <message>
        <source>Last audit</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <source>No outgoing (SMTP) server is configured for %1.</source>
        <translation>Für %1 ist kein Postausgangsserver (SMTP) konfiguriert.</translation>
    </message>
    <message>
        <source>hint id: %1</source>
        <translation>Hinweis-ID: %1</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>Nichts zu tun.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1, lease epoch %2</source>
        <translation>%1, Lease-Epoche %2</translation>
    </message>
    <message>
        <source>No open alerts.</source>
        <translation>Keine offenen Meldungen.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>none (nothing is restricted)</source>
        <translation>keiner (keine Einschränkungen)</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Nachverfolgt</translation>
    </message>
    <message>
        <source>Tracked folders</source>
        <translation>Nachverfolgte Ordner</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <extracomment>withheld items, e.g. &quot;3 items&quot; in &quot;3 items, 2 fields&quot;</extracomment>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <extracomment>withheld fields, e.g. &quot;2 fields&quot; in &quot;3 items, 2 fields&quot;</extracomment>
        <translation>
            <numerusform>%n Feld</numerusform>
            <numerusform>%n Felder</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>what permissions withheld: %1 is &quot;N item(s)&quot;, %2 is &quot;N field(s)&quot;</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Track requests</source>
        <translation>Nachverfolgungsanfragen</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>Correlation column: the activity was not correlated</extracomment>
        <translation>keine</translation>
    </message>
    <message>
        <source>Party list:
%1</source>
        <translation>Teilnehmerliste:
%1</translation>
    </message>
    <message>
        <source>Withheld: the owner may not sync these fields, so they were not stored</source>
        <translation>Zurückgehalten: Der Besitzer darf diese Felder nicht synchronisieren, daher wurden sie nicht gespeichert</translation>
    </message>
    <message>
        <source>interval (seconds)</source>
        <translation>Intervall (Sekunden)</translation>
    </message>
    <message>
        <source>interval (minutes)</source>
        <translation>Intervall (Minuten)</translation>
    </message>
    <message>
        <source>new items</source>
        <translation>neue Elemente</translation>
    </message>
    <message>
        <source>Interval and new items per run, since %1</source>
        <translation>Intervall und neue Elemente pro Lauf seit %1</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Audit &amp;&amp; repair</source>
        <extracomment>Audits the mailbox now and fetches the messages the audit finds missing</extracomment>
        <translation>Prüfen &amp;&amp; reparieren</translation>
    </message>
    <message>
        <source>Audit and repair</source>
        <translation>Prüfen und reparieren</translation>
    </message>
    <message>
        <source>This console only monitors: on the machine that syncs, &apos;syncdesk-node verify --repair&apos; audits and repairs</source>
        <translation>Diese Konsole beobachtet nur: Auf dem Rechner, der synchronisiert, prüft und repariert &apos;syncdesk-node verify --repair&apos;</translation>
    </message>
    <message>
        <source>Compares the server&apos;s messages with the store now, fetches any that are missing, and audits again</source>
        <translation>Vergleicht jetzt die Nachrichten des Servers mit der Datenbank, holt fehlende erneut und prüft noch einmal</translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;%n message(s) missing&lt;/b&gt;&lt;/span&gt; — %2; Audit &amp;amp; repair fetches them again</source>
        <extracomment>rich text: keep the markup; %1 is a colour, %2 when the audit ran; &quot;Audit &amp; repair&quot; is the button under it</extracomment>
        <translation>
            <numerusform>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;%n Nachricht fehlt&lt;/b&gt;&lt;/span&gt; — %2; „Prüfen &amp;amp; reparieren“ holt sie erneut</numerusform>
            <numerusform>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;%n Nachrichten fehlen&lt;/b&gt;&lt;/span&gt; — %2; „Prüfen &amp;amp; reparieren“ holt sie erneut</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending through this mailbox is off; Edit mailbox turns it on.</source>
        <translation>Das Senden über dieses Postfach ist ausgeschaltet; „Postfach bearbeiten“ schaltet es ein.</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>Zuletzt gesendet</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message numerus="yes">
        <source>%n email(s), the oldest %1</source>
        <translation>
            <numerusform>%n E-Mail, %1</numerusform>
            <numerusform>%n E-Mails, die älteste %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n email(s); Retry in the Outbox sends them again</source>
        <translation>
            <numerusform>%n E-Mail; „Erneut versuchen“ im Postausgang sendet sie noch einmal</numerusform>
            <numerusform>%n E-Mails; „Erneut versuchen“ im Postausgang sendet sie noch einmal</numerusform>
        </translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Latest emails</source>
        <extracomment>the mailbox&apos;s latest outgoing emails, with their status</extracomment>
        <translation>Letzte E-Mails</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <source>idle</source>
        <extracomment>the outgoing direction: nothing sent yet, nothing waiting</extracomment>
        <translation>untätig</translation>
    </message>
    <message>
        <source>sending</source>
        <extracomment>the outgoing direction: email waits to be sent</extracomment>
        <translation>sendet</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>stuck</source>
        <extracomment>the outgoing direction: email has waited too long</extracomment>
        <translation>hängt</translation>
    </message>
    <message>
        <source>%1 (outgoing: %2)</source>
        <extracomment>the mailbox&apos;s overall state when its outgoing direction is what fails: %1 &quot;Failing&quot;, %2 the outgoing direction&apos;s state (failing, stuck)</extracomment>
        <translation>%1 (ausgehend: %2)</translation>
    </message>
    <message>
        <source>Calendar, contacts and tasks</source>
        <extracomment>the ACT direction: appointments, contacts and tasks with the mailbox&apos;s calendar and address book</extracomment>
        <translation>Kalender, Kontakte und Aufgaben</translation>
    </message>
    <message>
        <source>Calendar, contacts and tasks state</source>
        <translation>Zustand von Kalender, Kontakten und Aufgaben</translation>
    </message>
    <message>
        <source>%1 (calendar: %2)</source>
        <extracomment>the mailbox&apos;s overall state when its calendar direction (appointments, contacts, tasks) is what fails: %1 &quot;Failing&quot;, %2 that direction&apos;s state (failing, not configured)</extracomment>
        <translation>%1 (Kalender: %2)</translation>
    </message>
    <message numerus="yes">
        <source>on push since %1 (%n event(s))</source>
        <extracomment>%1: since when (a time), %n: new-mail events the server reported</extracomment>
        <translation>
            <numerusform>per Push seit %1 (%n Ereignis)</numerusform>
            <numerusform>per Push seit %1 (%n Ereignisse)</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>reconnecting after: %1</source>
        <extracomment>%1: why the connection was lost (server text, escaped)</extracomment>
        <translation>verbindet neu nach: %1</translation>
    </message>
    <message>
        <source>off: the server does not offer IDLE, so it is polled</source>
        <translation>aus: der Server bietet kein IDLE an, daher wird abgefragt</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>off: no running engine holds its connection (the profile&apos;s max_push_connections may be reached); it is polled</source>
        <translation>aus: keine laufende Engine hält seine Verbindung (max_push_connections des Profils ist vielleicht erreicht); es wird abgefragt</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <extracomment>rich text: keep the markup; %1 is a colour; &quot;Sign in…&quot; is the Mailbox menu&apos;s action
----------
rich text: keep the markup; %1 is a colour, %2 what the identity provider said (escaped)
----------
%1: when the mailbox signed in, %2: when its access token expires</extracomment>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;needs sign-in&lt;/b&gt;&lt;/span&gt; — never signed in on this computer; choose Sign in…</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;Anmeldung nötig&lt;/b&gt;&lt;/span&gt; — auf diesem Computer nie angemeldet; Anmelden… wählen</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;needs sign-in&lt;/b&gt;&lt;/span&gt; — %2; choose Sign in…</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;Anmeldung nötig&lt;/b&gt;&lt;/span&gt; — %2; Anmelden… wählen</translation>
    </message>
    <message>
        <source>signed in %1; access token until %2</source>
        <translation>angemeldet %1; Zugriffstoken bis %2</translation>
    </message>
</context>
<context>
    <name>SyncDesk::MailboxDialog</name>
    <message>
        <source>Edit mailbox %1</source>
        <translation>Postfach %1 bearbeiten</translation>
    </message>
    <message>
        <source>Add mailbox</source>
        <translation>Postfach hinzufügen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Server profile</source>
        <translation>Serverprofil</translation>
    </message>
    <message>
        <source>the address, if empty</source>
        <translation>die Adresse, falls leer</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Server &amp;profile:</source>
        <translation>Server&amp;profil:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Ben&amp;utzername:</translation>
    </message>
    <message>
        <source>Keep the current password source</source>
        <translation>Aktuelle Passwortquelle beibehalten</translation>
    </message>
    <message>
        <source>Type it:</source>
        <extracomment>The password: type it in</extracomment>
        <translation>Eingeben:</translation>
    </message>
    <message>
        <source>Read it from a file:</source>
        <translation>Aus einer Datei lesen:</translation>
    </message>
    <message>
        <source>Read it from an environment variable:</source>
        <translation>Aus einer Umgebungsvariable lesen:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Kept in a file only you can read, or in the system keychain; never in the database</source>
        <translation>Gespeichert in einer Datei, die nur Sie lesen können, oder im Schlüsselbund des Systems; nie in der Datenbank</translation>
    </message>
    <message>
        <source>Keep it in the system keychain instead of a private file</source>
        <translation>Im Schlüsselbund des Systems statt in einer privaten Datei speichern</translation>
    </message>
    <message>
        <source>QtKeychain: the desktop&apos;s Secret Service or KWallet, entry named after the address. The engine must run in this session to read it.</source>
        <translation>QtKeychain: Secret Service oder KWallet des Desktops, Eintrag nach der Adresse benannt. Die Engine muss in dieser Sitzung laufen, um ihn zu lesen.</translation>
    </message>
    <message>
        <source>Password file</source>
        <translation>Passwortdatei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Password environment variable</source>
        <translation>Umgebungsvariable für das Passwort</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Folders to sync, separated by commas</source>
        <translation>Zu synchronisierende Ordner, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Sync this mailbox</source>
        <translation>Dieses Postfach synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Folders:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>The system user or queue that owns the mailbox in the CRM: their roles and field security profile decide what is synchronized</source>
        <translation>Der Systembenutzer oder die Warteschlange, dem bzw. der das Postfach im CRM gehört: Dessen bzw. deren Rollen und Feldsicherheitsprofil bestimmen, was synchronisiert wird</translation>
    </message>
    <message>
        <source>(none)</source>
        <extracomment>No owner</extracomment>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Nachverfolgung</translation>
    </message>
    <message>
        <source>Process email from</source>
        <translation>E-Mails verarbeiten ab</translation>
    </message>
    <message>
        <source>everything (or a date: 2024-01-31)</source>
        <extracomment>Keep the date format (YYYY-MM-DD): it is what the field accepts</extracomment>
        <translation>alles (oder ein Datum: 2024-01-31)</translation>
    </message>
    <message>
        <source>Mail received before this date is not imported: a mailbox with years of history can be added without importing it. Leave empty to import everything.</source>
        <translation>Vor diesem Datum empfangene E-Mails werden nicht importiert: So lässt sich ein Postfach mit jahrelanger Historie hinzufügen, ohne diese zu importieren. Leer lassen, um alles zu importieren.</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Besitzer:</translation>
    </message>
    <message>
        <source>&amp;Track:</source>
        <extracomment>Which mail is tracked in the CRM</extracomment>
        <translation>&amp;Nachverfolgen:</translation>
    </message>
    <message>
        <source>Process email &amp;from:</source>
        <translation>E-Mails &amp;verarbeiten ab:</translation>
    </message>
    <message>
        <source>Kept as they are; change them in the configuration file (tracked_folders)</source>
        <translation>Bleiben unverändert; ändern Sie sie in der Konfigurationsdatei (tracked_folders)</translation>
    </message>
    <message>
        <source>Tracked folders:</source>
        <translation>Nachverfolgte Ordner:</translation>
    </message>
    <message>
        <source>The address identifies the mailbox; add a new one to change it</source>
        <translation>Die Adresse identifiziert das Postfach; um sie zu ändern, fügen Sie ein neues Postfach hinzu</translation>
    </message>
    <message>
        <source>Keep the current one (%1)</source>
        <extracomment>%1: where the password comes from now</extracomment>
        <translation>Aktuelle beibehalten (%1)</translation>
    </message>
    <message>
        <source>Password: type the mailbox&apos;s password.</source>
        <extracomment>Starts with the label of the Password field, as the other problems do</extracomment>
        <translation>Passwort: Geben Sie das Passwort des Postfachs ein.</translation>
    </message>
    <message>
        <source>password file</source>
        <extracomment>Replaces the configuration key password_file in a problem&apos;s text</extracomment>
        <translation>Passwortdatei</translation>
    </message>
    <message>
        <source>environment variable</source>
        <extracomment>Replaces the configuration key password_env in a problem&apos;s text</extracomment>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>keychain entry</source>
        <extracomment>Replaces the configuration key password_keychain in a problem&apos;s text</extracomment>
        <translation>Schlüsselbundeintrag</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <extracomment>Tests what the form says, before it is saved</extracomment>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Runs the connection test with what is typed here, without saving it</source>
        <translation>Führt den Verbindungstest mit den hier eingegebenen Angaben aus, ohne sie zu speichern</translation>
    </message>
    <message>
        <source>the password could not be kept for the test</source>
        <translation>das Passwort konnte für den Test nicht abgelegt werden</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <extracomment>Opens the list of the server&apos;s folders to check</extracomment>
        <translation>Aus&amp;wählen …</translation>
    </message>
    <message>
        <source>Logs in with what is typed here and lists the server&apos;s folders to choose from</source>
        <translation>Meldet sich mit den hier eingegebenen Angaben an und listet die Ordner des Servers zur Auswahl auf</translation>
    </message>
    <message>
        <source>Send CRM email through this mailbox</source>
        <extracomment>The mailbox&apos;s outgoing direction: CRM email leaves through it</extracomment>
        <translation>CRM-E-Mails über dieses Postfach senden</translation>
    </message>
</context>
<context>
    <name>SyncDesk::MailboxSync</name>
    <message>
        <source>%1 mailboxes cannot be synced by this version</source>
        <extracomment>%1 is a protocol name such as SMTP</extracomment>
        <translation>%1-Postfächer können von dieser Version nicht synchronisiert werden</translation>
    </message>
</context>
<context>
    <name>SyncDesk::MailboxTableModel</name>
    <message>
        <source>%1 s</source>
        <extracomment>a duration in seconds</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <extracomment>a duration in minutes</extracomment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <extracomment>a duration in hours</extracomment>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>a duration in hours and minutes</extracomment>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <extracomment>a duration in days</extracomment>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <extracomment>%1 is a duration: &quot;5 min ago&quot;</extracomment>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <extracomment>%1 is a duration: &quot;in 5 min&quot;</extracomment>
        <translation>in %1</translation>
    </message>
    <message>
        <source>workers busy</source>
        <extracomment>why a mailbox&apos;s sync is late</extracomment>
        <translation>Worker ausgelastet</translation>
    </message>
    <message>
        <source>connection cap reached</source>
        <extracomment>why a mailbox&apos;s sync is late: its server profile&apos;s connection limit is reached</extracomment>
        <translation>Verbindungslimit erreicht</translation>
    </message>
    <message>
        <source>server failing</source>
        <extracomment>why a mailbox&apos;s sync is late</extracomment>
        <translation>Server fehlerhaft</translation>
    </message>
    <message>
        <source>held by another engine</source>
        <extracomment>why a mailbox&apos;s sync is late: another sync engine holds it</extracomment>
        <translation>von anderer Engine belegt</translation>
    </message>
    <message>
        <source>no engine running</source>
        <extracomment>why a mailbox&apos;s sync is late</extracomment>
        <translation>keine Engine aktiv</translation>
    </message>
    <message>
        <source>Never synced</source>
        <extracomment>state of a mailbox</extracomment>
        <translation>Nie synchronisiert</translation>
    </message>
    <message>
        <source>OK</source>
        <extracomment>state of a mailbox: its last sync succeeded</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Syncing</source>
        <extracomment>state of a mailbox</extracomment>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <source>Failing</source>
        <extracomment>state of a mailbox: its syncs fail</extracomment>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Disabled</source>
        <extracomment>state of a mailbox</extracomment>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>never</source>
        <extracomment>no such time: never synced, never succeeded, ...</extracomment>
        <translation>nie</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Server profile</source>
        <translation>Serverprofil</translation>
    </message>
    <message>
        <source>State</source>
        <extracomment>column: the mailbox&apos;s state (OK, failing, ...)</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Interval</source>
        <extracomment>column: how often the mailbox syncs</extracomment>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Letzter Erfolg</translation>
    </message>
    <message>
        <source>Next sync</source>
        <translation>Nächster Sync</translation>
    </message>
    <message>
        <source>Items</source>
        <extracomment>column: new items stored by the last sync</extracomment>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Failures</source>
        <extracomment>column: failures in a row</extracomment>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Error</source>
        <extracomment>column: the class of the last error</extracomment>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>What to do</source>
        <extracomment>column: the troubleshooting hint for the last error</extracomment>
        <translation>Abhilfe</translation>
    </message>
    <message>
        <source>The mailbox&apos;s address</source>
        <translation>Die Adresse des Postfachs</translation>
    </message>
    <message>
        <source>Who owns it in the CRM (a system user or a queue): their permissions decide what is synced</source>
        <translation>Besitzer im CRM (ein Systembenutzer oder eine Warteschlange): Dessen Berechtigungen bestimmen, was synchronisiert wird</translation>
    </message>
    <message>
        <source>The server profile it is synced from</source>
        <translation>Das Serverprofil, über das das Postfach synchronisiert wird</translation>
    </message>
    <message>
        <source>Never synced, OK, syncing, failing or disabled</source>
        <translation>Nie synchronisiert, OK, wird synchronisiert, fehlerhaft oder deaktiviert</translation>
    </message>
    <message>
        <source>How often it syncs, and why: normal, busy, quiet, backoff after failures, or server-minimum (the server allows no more frequent logins)</source>
        <extracomment>the interval reasons (normal, busy, quiet, backoff, server-minimum) are shown as they are here</extracomment>
        <translation>Wie oft das Postfach synchronisiert wird und warum: normal, busy, quiet, backoff (nach Fehlschlägen) oder server-minimum (der Server erlaubt keine häufigeren Anmeldungen)</translation>
    </message>
    <message>
        <source>When it last synced successfully</source>
        <translation>Zeitpunkt der letzten erfolgreichen Synchronisierung</translation>
    </message>
    <message>
        <source>When it syncs next; overdue mailboxes say why</source>
        <translation>Zeitpunkt der nächsten Synchronisierung; bei überfälligen Postfächern mit Grund</translation>
    </message>
    <message>
        <source>New items stored by the last sync</source>
        <translation>Neue Elemente, die bei der letzten Synchronisierung gespeichert wurden</translation>
    </message>
    <message>
        <source>Failures in a row</source>
        <translation>Fehlschläge in Folge</translation>
    </message>
    <message>
        <source>The class of the last error</source>
        <translation>Die Fehlerklasse des letzten Fehlers</translation>
    </message>
    <message>
        <source>The troubleshooting hint for the last error</source>
        <translation>Der Hinweis zur Fehlerbehebung für den letzten Fehler</translation>
    </message>
    <message>
        <source>— (after failures)</source>
        <extracomment>next sync of a mailbox disabled after failures: none</extracomment>
        <translation>— (nach Fehlschlägen)</translation>
    </message>
    <message>
        <source>running</source>
        <extracomment>next sync: it is running now</extracomment>
        <translation>läuft</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>jetzt fällig</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <extracomment>%1 is how late the sync is: &quot;overdue 5 min&quot;</extracomment>
        <translation>seit %1 überfällig</translation>
    </message>
    <message>
        <source>overdue %1 (%2)</source>
        <extracomment>%1 is how late the sync is, %2 why: &quot;overdue 5 min (workers busy)&quot;</extracomment>
        <translation>seit %1 überfällig (%2)</translation>
    </message>
    <message>
        <source>%1
Server profile: %2
User name: %3
Folders: %4</source>
        <translation>%1
Serverprofil: %2
Benutzername: %3
Ordner: %4</translation>
    </message>
    <message>
        <source>No CRM owner: nothing is restricted by security permissions</source>
        <translation>Kein CRM-Besitzer: Sicherheitsberechtigungen schränken nichts ein</translation>
    </message>
    <message>
        <source>Owner in the CRM: %1
Tracking: %2
Withheld by permissions so far: %3, %4</source>
        <extracomment>%3 is &quot;%n item(s)&quot;, %4 is &quot;%n field(s)&quot;</extracomment>
        <translation>Besitzer im CRM: %1
Nachverfolgung: %2
Bisher wegen Berechtigungen zurückgehalten: %3, %4</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <extracomment>withheld by security permissions</extracomment>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <extracomment>withheld by security permissions</extracomment>
        <translation>
            <numerusform>%n Feld</numerusform>
            <numerusform>%n Felder</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced every %1 (%2); %3 new items per minute on average</source>
        <extracomment>%1 is the interval, %2 why (normal, busy, ...), %3 a rate such as 0.25</extracomment>
        <translation>Synchronisierung alle %1 (%2); durchschnittlich %3 neue Elemente pro Minute</translation>
    </message>
    <message>
        <source>Last success: %1
Last attempt: %2</source>
        <translation>Letzter Erfolg: %1
Letzter Versuch: %2</translation>
    </message>
    <message>
        <source>Disabled (%1) since %2</source>
        <extracomment>%1 is why it was disabled (admin, repeated-failures, ...), %2 when</extracomment>
        <translation>Deaktiviert (%1) seit %2</translation>
    </message>
    <message>
        <source>Next sync: %1</source>
        <translation>Nächste Synchronisierung: %1</translation>
    </message>
    <message>
        <source>%1

Detail: %2</source>
        <extracomment>%1 is the error, %2 its detail</extracomment>
        <translation>%1

Details: %2</translation>
    </message>
    <message>
        <source>hint id: %1</source>
        <translation>Hinweis-ID: %1</translation>
    </message>
</context>
<context>
    <name>SyncDesk::MainWindow</name>
    <message>
        <source>All</source>
        <extracomment>quick filter: every mailbox</extracomment>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Failing</source>
        <extracomment>quick filter: mailboxes whose syncs fail</extracomment>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Disabled</source>
        <extracomment>quick filter: disabled mailboxes</extracomment>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Overdue</source>
        <extracomment>quick filter: mailboxes whose sync is late</extracomment>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Syncing</source>
        <extracomment>quick filter: mailboxes syncing now</extracomment>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <source>OK</source>
        <extracomment>quick filter: mailboxes whose last sync succeeded</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Never synced</source>
        <extracomment>quick filter: mailboxes not synced yet</extracomment>
        <translation>Nie synchronisiert</translation>
    </message>
    <message>
        <source>Mail&amp;boxes</source>
        <translation>&amp;Postfächer</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Meldungen</translation>
    </message>
    <message>
        <source>Item fai&amp;lures</source>
        <translation>Fehlgeschlagene E&amp;lemente</translation>
    </message>
    <message>
        <source>&amp;Alerts (%1)</source>
        <extracomment>tab title with the number of open alerts</extracomment>
        <translation>&amp;Meldungen (%1)</translation>
    </message>
    <message>
        <source>Item fai&amp;lures (%1)</source>
        <extracomment>tab title with the number of item failures</extracomment>
        <translation>Fehlgeschlagene E&amp;lemente (%1)</translation>
    </message>
    <message>
        <source>C&amp;RM</source>
        <translation>C&amp;RM</translation>
    </message>
    <message>
        <source>Log</source>
        <extracomment>title of the dock that shows the log records (a noun)</extracomment>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Filter by address, profile, error or hint (Ctrl+F)</source>
        <translation>Nach Adresse, Profil, Fehler oder Hinweis filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter mailboxes</source>
        <translation>Postfächer filtern</translation>
    </message>
    <message>
        <source>Show %1</source>
        <extracomment>accessible name of a quick filter button; %1 is its label (&quot;Failing&quot;, &quot;Never synced&quot;, ...)</extracomment>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Show all mailboxes</source>
        <translation>Alle Postfächer anzeigen</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>Reading the database…</source>
        <translation>Datenbank wird gelesen…</translation>
    </message>
    <message>
        <source>Track message</source>
        <translation>Nachricht nachverfolgen</translation>
    </message>
    <message>
        <source>The request was not recorded: %1</source>
        <translation>Die Anfrage wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Track request #%1 recorded; %2 syncs now</source>
        <translation>Nachverfolgungsanfrage #%1 gespeichert; %2 wird jetzt synchronisiert</translation>
    </message>
    <message>
        <source>Engine running in this console</source>
        <translation>Engine läuft in dieser Konsole</translation>
    </message>
    <message>
        <source>Monitoring only: syncs run in syncdesk-node</source>
        <translation>Nur Überwachung: Synchronisierungen laufen in syncdesk-node</translation>
    </message>
    <message>
        <source>No mailboxes yet — add a mailbox or import a configuration.

From a shell: syncdesk-node --db %1 config import FILE.json</source>
        <extracomment>the command after &quot;From a shell:&quot; is typed as is: keep it untranslated</extracomment>
        <translation>Noch keine Postfächer – fügen Sie ein Postfach hinzu oder importieren Sie eine Konfiguration.

In einer Shell: syncdesk-node --db %1 config import FILE.json</translation>
    </message>
    <message>
        <source>The database cannot be read:
%1</source>
        <translation>Die Datenbank kann nicht gelesen werden:
%1</translation>
    </message>
    <message>
        <source>No engine running</source>
        <translation>Keine Engine aktiv</translation>
    </message>
    <message>
        <source>Nothing syncs these mailboxes: start &apos;syncdesk-node run&apos; on this database, or open the console without --monitor-only.</source>
        <translation>Diese Postfächer werden von keiner Engine synchronisiert: Starten Sie &apos;syncdesk-node run&apos; für diese Datenbank, oder öffnen Sie die Konsole ohne --monitor-only.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n connection(s) in use</source>
        <extracomment>%1 is a server profile&apos;s name</extracomment>
        <translation>
            <numerusform>%1: %2 von %n Verbindung belegt</numerusform>
            <numerusform>%1: %2 von %n Verbindungen belegt</numerusform>
        </translation>
    </message>
    <message>
        <source>Workers %1/%2 busy · queue %3</source>
        <translation>Worker %1/%2 belegt · Warteschlange %3</translation>
    </message>
    <message>
        <source>Select a mailbox to see its details.</source>
        <translation>Wählen Sie ein Postfach aus, um seine Details anzuzeigen.</translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) selected.</source>
        <translation>
            <numerusform>%n Postfach ausgewählt.</numerusform>
            <numerusform>%n Postfächer ausgewählt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resync requested for %n mailbox(es)</source>
        <translation>
            <numerusform>Neusynchronisierung für %n Postfach angefordert</numerusform>
            <numerusform>Neusynchronisierung für %n Postfächer angefordert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enabled %n mailboxes; they sync now</source>
        <extracomment>plural: Enabled %n mailbox; it syncs now</extracomment>
        <translation>
            <numerusform>%n Postfach aktiviert; es wird jetzt synchronisiert</numerusform>
            <numerusform>%n Postfächer aktiviert; sie werden jetzt synchronisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %n mailbox(es)</source>
        <translation>
            <numerusform>%n Postfach deaktiviert</numerusform>
            <numerusform>%n Postfächer deaktiviert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) — %1 OK, %2 failing, %3 syncing, %4 disabled, %5 never synced, %6 overdue</source>
        <translation>
            <numerusform>%n Postfach – %1 OK, %2 fehlerhaft, %3 in Synchronisierung, %4 deaktiviert, %5 nie synchronisiert, %6 überfällig</numerusform>
            <numerusform>%n Postfächer – %1 OK, %2 fehlerhaft, %3 in Synchronisierung, %4 deaktiviert, %5 nie synchronisiert, %6 überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping: letting running syncs finish…</source>
        <translation>Wird beendet: Laufende Synchronisierungen werden abgeschlossen…</translation>
    </message>
    <message>
        <source>A mailbox is synced from a server profile: add a server profile first.</source>
        <translation>Ein Postfach wird über ein Serverprofil synchronisiert: Fügen Sie zuerst ein Serverprofil hinzu.</translation>
    </message>
    <message>
        <source>Mailbox added</source>
        <translation>Postfach hinzugefügt</translation>
    </message>
    <message>
        <source>Mailbox saved</source>
        <translation>Postfach gespeichert</translation>
    </message>
    <message>
        <source>Server profile added</source>
        <translation>Serverprofil hinzugefügt</translation>
    </message>
    <message>
        <source>Server profile saved</source>
        <translation>Serverprofil gespeichert</translation>
    </message>
    <message>
        <source>Configuration (*.json);;All files (*)</source>
        <extracomment>file dialog filters: keep the patterns in parentheses and the &quot;;;&quot; between them as they are</extracomment>
        <translation>Konfiguration (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import configuration</source>
        <translation>Konfiguration importieren</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>%1 was not imported; nothing was changed.</source>
        <translation>%1 wurde nicht importiert; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>%1 importiert.</translation>
    </message>
    <message>
        <source>%1

Warnings:
%2</source>
        <translation>%1

Warnungen:
%2</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Status exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n mailbox(es)…</source>
        <translation>
            <numerusform>%n Postfach wird exportiert…</numerusform>
            <numerusform>%n Postfächer werden exportiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n mailbox(es) to %1</source>
        <translation>
            <numerusform>%n Postfach nach %1 exportiert</numerusform>
            <numerusform>%n Postfächer nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Any server profile</source>
        <translation>Alle Serverprofile</translation>
    </message>
    <message>
        <source>Filter by server profile</source>
        <translation>Nach Serverprofil filtern</translation>
    </message>
    <message>
        <source>Any error</source>
        <translation>Alle Fehlerklassen</translation>
    </message>
    <message>
        <source>Filter by error class</source>
        <translation>Nach Fehlerklasse filtern</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Alle Besitzer</translation>
    </message>
    <message>
        <source>Filter by owner</source>
        <translation>Nach Besitzer filtern</translation>
    </message>
    <message>
        <source>Saved vie&amp;ws</source>
        <translation>&amp;Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>View “%1” saved</source>
        <translation>Ansicht „%1“ gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>View “%1”: %2 of %n mailbox(es)</source>
        <translation>
            <numerusform>Ansicht „%1“: %2 von %n Postfach</numerusform>
            <numerusform>Ansicht „%1“: %2 von %n Postfächern</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Save current view…</source>
        <translation>Aktuelle Ansicht &amp;speichern…</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>Name of this combination of filters:</source>
        <translation>Name für diese Filterkombination:</translation>
    </message>
    <message>
        <source>&amp;Delete view</source>
        <translation>Ansicht &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Resync now</source>
        <translation>Jetzt &amp;neu synchronisieren</translation>
    </message>
    <message>
        <source>Sync the selected mailboxes now</source>
        <translation>Ausgewählte Postfächer jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Resync all &amp;failing</source>
        <translation>Alle &amp;fehlerhaften neu synchronisieren</translation>
    </message>
    <message>
        <source>Sync every failing mailbox now</source>
        <translation>Alle fehlerhaften Postfächer jetzt synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Enable the selected mailboxes; their failure counters start again from zero</source>
        <translation>Ausgewählte Postfächer aktivieren; ihre Fehlerzähler beginnen wieder bei null</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Stop syncing the selected mailboxes until they are enabled again</source>
        <translation>Ausgewählte Postfächer nicht mehr synchronisieren, bis sie wieder aktiviert werden</translation>
    </message>
    <message>
        <source>&amp;Add mailbox…</source>
        <translation>Postfach &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add a mailbox</source>
        <translation>Postfach hinzufügen</translation>
    </message>
    <message>
        <source>Ed&amp;it mailbox…</source>
        <translation>Postfach &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected mailbox</source>
        <translation>Ausgewähltes Postfach ändern</translation>
    </message>
    <message>
        <source>Add server &amp;profile…</source>
        <translation>Server&amp;profil hinzufügen…</translation>
    </message>
    <message>
        <source>Add a server profile</source>
        <translation>Serverprofil hinzufügen</translation>
    </message>
    <message>
        <source>Edit server profi&amp;le…</source>
        <translation>Serverprofi&amp;l bearbeiten…</translation>
    </message>
    <message>
        <source>Change the server profile of the selected mailbox</source>
        <translation>Serverprofil des ausgewählten Postfachs ändern</translation>
    </message>
    <message>
        <source>&amp;Import configuration…</source>
        <translation>Konfiguration &amp;importieren…</translation>
    </message>
    <message>
        <source>Import server profiles and mailboxes from a configuration file</source>
        <translation>Serverprofile und Postfächer aus einer Konfigurationsdatei importieren</translation>
    </message>
    <message>
        <source>E&amp;xport status…</source>
        <translation>Status e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save every mailbox&apos;s status as CSV or JSON</source>
        <translation>Status aller Postfächer als CSV oder JSON speichern</translation>
    </message>
    <message>
        <source>&amp;Filter mailboxes</source>
        <translation>Postfächer &amp;filtern</translation>
    </message>
    <message>
        <source>Type to filter the mailboxes</source>
        <translation>Text eingeben, um die Postfächer zu filtern</translation>
    </message>
    <message>
        <source>Trac&amp;k message…</source>
        <translation>Nachricht nach&amp;verfolgen…</translation>
    </message>
    <message>
        <source>Track a message of the selected mailbox by its Message-ID, and set what it is regarding</source>
        <translation>Eine Nachricht des ausgewählten Postfachs anhand ihrer Message-ID nachverfolgen und ihren Bezug festlegen</translation>
    </message>
    <message>
        <source>Show &amp;log</source>
        <translation>&amp;Protokoll anzeigen</translation>
    </message>
    <message>
        <source>Show the log</source>
        <translation>Protokoll anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close the console</source>
        <translation>Konsole schließen</translation>
    </message>
    <message>
        <source>&amp;Open mailbox</source>
        <translation>Postfach ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show the selected row&apos;s mailbox in the Mailboxes tab</source>
        <translation>Postfach der ausgewählten Zeile auf der Registerkarte „Postfächer“ anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n selected mailbox(es)</source>
        <extracomment>completes &quot;Showing the %n mailbox(es) of %1.&quot;</extracomment>
        <translation>
            <numerusform>%n ausgewähltes Postfach</numerusform>
            <numerusform>%n ausgewählte Postfächer</numerusform>
        </translation>
    </message>
    <message>
        <source>Show log of &amp;mailbox</source>
        <translation>Protokoll des &amp;Postfachs anzeigen</translation>
    </message>
    <message>
        <source>Show the log filtered to the selected mailbox</source>
        <translation>Protokoll gefiltert auf das ausgewählte Postfach anzeigen</translation>
    </message>
    <message>
        <source>M&amp;ove to profile…</source>
        <translation>Serverprofil &amp;wechseln…</translation>
    </message>
    <message>
        <source>Sync the selected mailboxes from another server profile</source>
        <translation>Ausgewählte Postfächer über ein anderes Serverprofil synchronisieren</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>Bes&amp;tätigen</translation>
    </message>
    <message>
        <source>Mark the selected alerts as seen</source>
        <translation>Ausgewählte Meldungen als gesehen markieren</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Fetch the selected failed messages again on the next sync of their mailbox</source>
        <translation>Ausgewählte fehlgeschlagene Nachrichten bei der nächsten Synchronisierung ihres Postfachs erneut abrufen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Mailbox</source>
        <translation>P&amp;ostfach</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Sync the selected mailboxes now (F5)</source>
        <translation>Ausgewählte Postfächer jetzt synchronisieren (F5)</translation>
    </message>
    <message>
        <source>Disabled mailboxes are not synced; enable them first</source>
        <translation>Deaktivierte Postfächer werden nicht synchronisiert; aktivieren Sie sie zuerst</translation>
    </message>
    <message>
        <source>That mailbox is no longer in the store</source>
        <translation>Dieses Postfach ist nicht mehr in der Datenbank vorhanden</translation>
    </message>
    <message>
        <source>Filters cleared to show %1</source>
        <translation>Filter zurückgesetzt, um %1 anzuzeigen</translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n mailbox(es) of %1.</source>
        <extracomment>%1 says whose mailboxes they are: &quot;3 selected mailboxes&quot;, an incident, ...</extracomment>
        <translation>
            <numerusform>Angezeigt wird %n Postfach: %1.</numerusform>
            <numerusform>Angezeigt werden %n Postfächer: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Log of %1</source>
        <translation>Protokoll von %1</translation>
    </message>
    <message>
        <source>Auditing the mailbox now; missing messages are fetched again, then it is audited once more (see its log)</source>
        <translation>Das Postfach wird jetzt geprüft; fehlende Nachrichten werden erneut geholt, dann wird es noch einmal geprüft (siehe sein Protokoll)</translation>
    </message>
    <message>
        <source>&amp;Compose email…</source>
        <translation>E-&amp;Mail verfassen…</translation>
    </message>
    <message>
        <source>Write an email that leaves through the selected mailbox</source>
        <translation>Eine E-Mail schreiben, die über das ausgewählte Postfach hinausgeht</translation>
    </message>
    <message>
        <source>O&amp;utbox</source>
        <extracomment>tab: outgoing email (waiting, failed, drafts, sent)</extracomment>
        <translation>Postausga&amp;ng</translation>
    </message>
    <message>
        <source>O&amp;utbox (%1 waiting, %2 failed)</source>
        <extracomment>tab title: %1 emails waiting to be sent, %2 emails failed</extracomment>
        <translation>Postausga&amp;ng (%1 wartend, %2 fehlgeschlagen)</translation>
    </message>
    <message>
        <source>O&amp;utbox (%1 waiting)</source>
        <translation>Postausga&amp;ng (%1 wartend)</translation>
    </message>
    <message>
        <source>Email %1 saved; the Outbox tab follows it.</source>
        <extracomment>%1: the new email&apos;s id</extracomment>
        <translation>E-Mail %1 gespeichert; der Reiter Postausgang verfolgt sie.</translation>
    </message>
    <message>
        <source>Saved %1 %2; its mailboxes sync it now</source>
        <extracomment>%1: &quot;appointment&quot; or &quot;task&quot;, %2 its number</extracomment>
        <translation>%1 %2 gespeichert; seine Postfächer synchronisieren ihn jetzt</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n appointment(s)?</source>
        <translation>
            <numerusform>%n Termin löschen?</numerusform>
            <numerusform>%n Termine löschen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n task(s)?</source>
        <translation>
            <numerusform>%n Aufgabe löschen?</numerusform>
            <numerusform>%n Aufgaben löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>They are deleted from the CRM, and from the calendars of the mailboxes that sync them both ways or to the server.</source>
        <translation>Sie werden aus dem CRM gelöscht und aus den Kalendern der Postfächer, die sie in beide Richtungen oder zum Server synchronisieren.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>SyncDesk::MessageBuilder</name>
    <message>
        <source>the message could not be built</source>
        <translation>die Nachricht konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>the MIME module %1 of this installation is missing or cannot be loaded; reinstall the syncdesk-node package</source>
        <extracomment>%1 is a file name (libsyncdesk-mime.so), part of the syncdesk-node package</extracomment>
        <translation>das MIME-Modul %1 dieser Installation fehlt oder lässt sich nicht laden; installieren Sie das Paket syncdesk-node neu</translation>
    </message>
</context>
<context>
    <name>SyncDesk::MimeDecoder</name>
    <message>
        <source>the MIME module %1 of this installation is missing or cannot be loaded (looked for %2); reinstall the syncdesk-node package</source>
        <extracomment>%1 is a file name (libsyncdesk-mime.so), part of the syncdesk-node package; %2 where it was looked for</extracomment>
        <translation>das MIME-Modul %1 dieser Installation fehlt oder lässt sich nicht laden (gesucht: %2); installieren Sie das Paket syncdesk-node neu</translation>
    </message>
</context>
<context>
    <name>SyncDesk::NodeCli</name>
    <message>
        <source>Run &apos;syncdesk-node --help&apos; for the commands.</source>
        <translation>Rufen Sie &apos;syncdesk-node --help&apos; auf, um die Befehle anzuzeigen.</translation>
    </message>
    <message>
        <source>hint [%1]: %2</source>
        <extracomment>%1: the hint&apos;s id (not translated), %2: its title</extracomment>
        <translation>Hinweis [%1]: %2</translation>
    </message>
    <message>
        <source>usage: syncdesk-node password set|delete ENTRY</source>
        <translation>Aufruf: syncdesk-node password set|delete ENTRY</translation>
    </message>
    <message>
        <source>detail: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Removed the keychain entry %1.</source>
        <translation>Der Schlüsselbundeintrag %1 wurde entfernt.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Passwort für %1: </translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>kein Passwort über die Standardeingabe erhalten</translation>
    </message>
    <message>
        <source>Stored the password in the system keychain as %1 (service %2); a mailbox uses it with &quot;password_keychain&quot;: &quot;%1&quot;.</source>
        <extracomment>%1: the keychain entry, %2: the keychain service. Keep &quot;password_keychain&quot;: it is a configuration key.</extracomment>
        <translation>Das Passwort wurde im Schlüsselbund des Systems als %1 gespeichert (Dienst %2); ein Postfach verwendet es mit &quot;password_keychain&quot;: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>SyncDesk headless node: imports configuration, syncs mailboxes on their schedule and reports status.</source>
        <translation>SyncDesk-Knoten ohne Benutzeroberfläche: importiert die Konfiguration, synchronisiert Postfächer nach ihrem Zeitplan und meldet den Status.</translation>
    </message>
    <message>
        <source>The database: a SQLite file, or postgresql://USER@HOST:PORT/DBNAME[?sslmode=…] shared by several nodes (default: $SYNCDESK_DB or %1).</source>
        <extracomment>Keep postgresql://USER@HOST:PORT/DBNAME[?sslmode=…] and $SYNCDESK_DB as they are. %1: the default database file</extracomment>
        <translation>Die Datenbank: eine SQLite-Datei oder postgresql://USER@HOST:PORT/DBNAME[?sslmode=…] zur gemeinsamen Nutzung durch mehrere Knoten (Standard: $SYNCDESK_DB oder %1).</translation>
    </message>
    <message>
        <source>PATH|URL</source>
        <comment>value name</comment>
        <extracomment>Value name of --db in the help</extracomment>
        <translation>PATH|URL</translation>
    </message>
    <message>
        <source>sync: sync now in this process and exit.</source>
        <extracomment>The text before the colon names the commands the option belongs to: keep the command names.</extracomment>
        <translation>sync: jetzt in diesem Prozess synchronisieren und beenden.</translation>
    </message>
    <message>
        <source>sync, export, track, failures, verify: only this mailbox (sync, export, verify: may be repeated).</source>
        <extracomment>Keep the command names (sync, export, track, failures, verify).</extracomment>
        <translation>sync, export, track, failures, verify: nur dieses Postfach (sync, export, verify: mehrfach möglich).</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <comment>value name</comment>
        <extracomment>Value name of --mailbox in the help (a mailbox address)</extracomment>
        <translation>ADDRESS</translation>
    </message>
    <message>
        <source>status, scheduler, nodes, runs, store copy, crm list, track list, test-mailbox, alerts, failures, verify, maintenance: print JSON.</source>
        <extracomment>Keep the command names.</extracomment>
        <translation>status, scheduler, nodes, runs, store copy, crm list, track list, test-mailbox, alerts, failures, verify, maintenance: JSON ausgeben.</translation>
    </message>
    <message>
        <source>export: print one JSON object per line.</source>
        <translation>export: ein JSON-Objekt pro Zeile ausgeben.</translation>
    </message>
    <message>
        <source>export, diagnostics: write to FILE instead of standard output.</source>
        <extracomment>FILE: the value name of --output</extracomment>
        <translation>export, diagnostics: in FILE statt in die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>FILE</source>
        <comment>value name</comment>
        <extracomment>Value name of --output in the help (a file name)</extracomment>
        <translation>FILE</translation>
    </message>
    <message>
        <source>run: worker threads (default: one per core, at least 2).</source>
        <translation>run: Worker-Threads (Standard: einer pro Kern, mindestens 2).</translation>
    </message>
    <message>
        <source>N</source>
        <comment>value name</comment>
        <extracomment>Value name of --workers in the help (a number)</extracomment>
        <translation>N</translation>
    </message>
    <message>
        <source>crm: the record type (account, contact, lead, ...).</source>
        <extracomment>Keep the record types (account, contact, lead): they are the values --type takes</extracomment>
        <translation>crm: der Datensatztyp (account, contact, lead, ...).</translation>
    </message>
    <message>
        <source>TYPE</source>
        <comment>value name</comment>
        <extracomment>Value name of --type in the help (a CRM record type)</extracomment>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>crm import: import the valid rows, list the invalid ones.</source>
        <translation>crm import: die gültigen Zeilen importieren, die ungültigen auflisten.</translation>
    </message>
    <message>
        <source>track: the Message-ID of the message to track.</source>
        <translation>track: die Message-ID der nachzuverfolgenden Nachricht.</translation>
    </message>
    <message>
        <source>ID</source>
        <comment>value name</comment>
        <extracomment>Value name of --message-id in the help (a Message-ID)</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <source>track: the record it is regarding, TYPE:ID (account:contoso).</source>
        <extracomment>TYPE:ID: the value name of --regarding; keep account:contoso (an example value)</extracomment>
        <translation>track: der Datensatz, auf den sich die Nachricht bezieht, TYPE:ID (account:contoso).</translation>
    </message>
    <message>
        <source>TYPE:ID</source>
        <comment>value name</comment>
        <extracomment>Value name of --regarding in the help (a record type and id)</extracomment>
        <translation>TYPE:ID</translation>
    </message>
    <message>
        <source>track: record the request only; the next sync completes it.</source>
        <translation>track: nur die Anfrage erfassen; die nächste Synchronisierung schließt sie ab.</translation>
    </message>
    <message>
        <source>test-mailbox: enable the mailbox when every step passes.</source>
        <translation>test-mailbox: das Postfach aktivieren, wenn alle Schritte erfolgreich sind.</translation>
    </message>
    <message>
        <source>alerts: closed alerts too.</source>
        <translation>alerts: auch geschlossene Meldungen.</translation>
    </message>
    <message>
        <source>verify: fetch the missing messages again, then audit again.</source>
        <translation>verify: die fehlenden Nachrichten erneut abrufen, dann erneut prüfen.</translation>
    </message>
    <message>
        <source>maintenance: count what would be pruned, delete nothing.</source>
        <translation>maintenance: zählen, was bereinigt würde, nichts löschen.</translation>
    </message>
    <message>
        <source>runs: only runs started at or after this time (2026-12-05T09:00:00Z).</source>
        <translation>runs: nur Läufe, die ab diesem Zeitpunkt gestartet wurden (2026-12-05T09:00:00Z).</translation>
    </message>
    <message>
        <source>runs: at most N runs (default 100).</source>
        <translation>runs: höchstens N Läufe (Standard 100).</translation>
    </message>
    <message>
        <source>URL|PATH</source>
        <comment>value name</comment>
        <extracomment>Value name of --to in the help</extracomment>
        <translation>URL|PATH</translation>
    </message>
    <message>
        <source>status: only mailboxes in this state: ok, failing, disabled, overdue, syncing, never (may be repeated).</source>
        <extracomment>Keep the states (ok, failing, disabled, overdue, syncing, never): they are the values --state takes</extracomment>
        <translation>status: nur Postfächer in diesem Status: ok, failing, disabled, overdue, syncing, never (mehrfach möglich).</translation>
    </message>
    <message>
        <source>STATE</source>
        <comment>value name</comment>
        <extracomment>Value name of --state in the help</extracomment>
        <translation>STATE</translation>
    </message>
    <message>
        <source>status: only the mailboxes of this server profile.</source>
        <translation>status: nur die Postfächer dieses Serverprofils.</translation>
    </message>
    <message>
        <source>NAME</source>
        <comment>value name</comment>
        <extracomment>Value name of --profile in the help (a server profile&apos;s name)</extracomment>
        <translation>NAME</translation>
    </message>
    <message>
        <source>status: only the mailboxes of this owner (systemuser:ID, queue:ID or ID).</source>
        <extracomment>Keep systemuser:ID and queue:ID as they are</extracomment>
        <translation>status: nur die Postfächer dieses Besitzers (systemuser:ID, queue:ID oder ID).</translation>
    </message>
    <message>
        <source>OWNER</source>
        <comment>value name</comment>
        <extracomment>Value name of --owner in the help</extracomment>
        <translation>OWNER</translation>
    </message>
    <message>
        <source>Print the log, including debug records, on standard error.</source>
        <translation>Das Protokoll einschließlich Debug-Einträgen auf der Standardfehlerausgabe ausgeben.</translation>
    </message>
    <message>
        <source>One of the commands below.</source>
        <translation>Einer der folgenden Befehle.</translation>
    </message>
    <message>
        <source>COMMAND [ARGS]</source>
        <extracomment>The syntax of the command argument in the help&apos;s usage line</extracomment>
        <translation>COMMAND [ARGS]</translation>
    </message>
    <message>
        <source>usage: syncdesk-node help [COMMAND]</source>
        <translation>Aufruf: syncdesk-node help [COMMAND]</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>--%1 is not an option of &apos;%2&apos;</source>
        <extracomment>%1: an option name, %2: a command name (neither is translated)</extracomment>
        <translation>--%1 ist keine Option von &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;sync&apos; takes no arguments; name mailboxes with --mailbox</source>
        <translation>&apos;sync&apos; erwartet keine Argumente; Postfächer mit --mailbox angeben</translation>
    </message>
    <message>
        <source>&apos;status&apos; takes no arguments</source>
        <translation>&apos;status&apos; erwartet keine Argumente</translation>
    </message>
    <message>
        <source>&apos;run&apos; takes no arguments</source>
        <translation>&apos;run&apos; erwartet keine Argumente</translation>
    </message>
    <message>
        <source>&apos;scheduler&apos; takes no arguments</source>
        <translation>&apos;scheduler&apos; erwartet keine Argumente</translation>
    </message>
    <message>
        <source>nodes takes no arguments</source>
        <translation>nodes erwartet keine Argumente</translation>
    </message>
    <message>
        <source>runs takes no arguments (use --mailbox, --since)</source>
        <translation>runs erwartet keine Argumente (--mailbox, --since verwenden)</translation>
    </message>
    <message>
        <source>usage: syncdesk-node config import FILE.json</source>
        <translation>Aufruf: syncdesk-node config import FILE.json</translation>
    </message>
    <message>
        <source>%1 was not imported; nothing was changed:</source>
        <translation>%1 wurde nicht importiert; es wurde nichts geändert:</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Imported %1 into %2:</source>
        <extracomment>%1: the imported file, %2: the database</extracomment>
        <translation>%1 wurde in %2 importiert:</translation>
    </message>
    <message>
        <source>server profiles: %1 new, %2 updated, %3 unchanged</source>
        <translation>Serverprofile: %1 neu, %2 aktualisiert, %3 unverändert</translation>
    </message>
    <message>
        <source>mailboxes:       %1 new, %2 updated, %3 unchanged</source>
        <extracomment>The spaces align the numbers with those of &quot;server profiles: %1 new, ...&quot; on the line above</extracomment>
        <translation>Postfächer:    %1 neu, %2 aktualisiert, %3 unverändert</translation>
    </message>
    <message>
        <source>scheduler settings updated; running engines use them within a second</source>
        <translation>Scheduler-Einstellungen aktualisiert; laufende Engines übernehmen sie innerhalb einer Sekunde</translation>
    </message>
    <message>
        <source>retention settings updated; running engines use them from their next pass</source>
        <translation>Aufbewahrungseinstellungen aktualisiert; laufende Engines übernehmen sie ab ihrem nächsten Durchlauf</translation>
    </message>
    <message>
        <source>no mailbox %1 in %2</source>
        <extracomment>%1: a mailbox address, %2: the database</extracomment>
        <translation>Postfach %1 in %2 nicht gefunden</translation>
    </message>
    <message>
        <source>the mailbox %1 is disabled; enable it before syncing it</source>
        <translation>das Postfach %1 ist deaktiviert; aktivieren Sie es vor der Synchronisierung</translation>
    </message>
    <message>
        <source>use &apos;sync --once&apos; to sync here and now, or &apos;sync --mailbox ADDRESS&apos; to ask the running engine</source>
        <translation>verwenden Sie &apos;sync --once&apos;, um hier und jetzt zu synchronisieren, oder &apos;sync --mailbox ADDRESS&apos;, um die laufende Engine damit zu beauftragen</translation>
    </message>
    <message numerus="yes">
        <source>Requested an immediate sync of %n mailbox(es); the running syncdesk-node or console picks it up within a second.</source>
        <translation>
            <numerusform>Sofortige Synchronisierung von %n Postfach angefordert; der laufende syncdesk-node oder die Konsole übernimmt sie innerhalb einer Sekunde.</numerusform>
            <numerusform>Sofortige Synchronisierung von %n Postfächern angefordert; der laufende syncdesk-node oder die Konsole übernimmt sie innerhalb einer Sekunde.</numerusform>
        </translation>
    </message>
    <message>
        <source>No enabled mailboxes to sync in %1.</source>
        <translation>Keine aktivierten Postfächer zum Synchronisieren in %1.</translation>
    </message>
    <message>
        <source>%1: disabled by this run (%2); fix the cause, then &apos;syncdesk-node test-mailbox %1 --enable&apos; or &apos;syncdesk-node mailbox enable %1&apos;</source>
        <extracomment>%1: the mailbox address, %2: why it was disabled (an id such as permanent-failure)</extracomment>
        <translation>%1: durch diesen Lauf deaktiviert (%2); Ursache beheben, dann &apos;syncdesk-node test-mailbox %1 --enable&apos; oder &apos;syncdesk-node mailbox enable %1&apos; ausführen</translation>
    </message>
    <message>
        <source>%1 messages/s</source>
        <extracomment>A rate: messages per second</extracomment>
        <translation>%1 Nachrichten/s</translation>
    </message>
    <message numerus="yes">
        <source>%1/%n mailbox(es)</source>
        <extracomment>Progress of &apos;sync --once&apos;: %1 of %n mailboxes done</extracomment>
        <translation>
            <numerusform>%1/%n Postfach</numerusform>
            <numerusform>%1/%n Postfächer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) stored</source>
        <translation>
            <numerusform>%Ln Nachricht gespeichert</numerusform>
            <numerusform>%Ln Nachrichten gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: ok, %2 new, %3 fetched, %n item(s) failed (syncdesk-node failures --mailbox %1)</source>
        <extracomment>%1: the mailbox address, %2: new activities, %3: messages fetched</extracomment>
        <translation>
            <numerusform>%1: ok, %2 neu, %3 abgerufen, %n Element fehlgeschlagen (syncdesk-node failures --mailbox %1)</numerusform>
            <numerusform>%1: ok, %2 neu, %3 abgerufen, %n Elemente fehlgeschlagen (syncdesk-node failures --mailbox %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: ok, %2 new, %3 fetched</source>
        <extracomment>%1: the mailbox address, %2: new activities, %3: messages fetched</extracomment>
        <translation>%1: ok, %2 neu, %3 abgerufen</translation>
    </message>
    <message>
        <source>usage: syncdesk-node mailbox enable|disable ADDRESS
       syncdesk-node mailbox verbose ADDRESS on|off</source>
        <translation>Aufruf: syncdesk-node mailbox enable|disable ADDRESS
        syncdesk-node mailbox verbose ADDRESS on|off</translation>
    </message>
    <message>
        <source>%1 is already enabled.</source>
        <translation>%1 ist bereits aktiviert.</translation>
    </message>
    <message>
        <source>%1 is already disabled.</source>
        <translation>%1 ist bereits deaktiviert.</translation>
    </message>
    <message>
        <source>%1 enabled; its failure counters are reset and it is due now.</source>
        <translation>%1 aktiviert; die Fehlerzähler sind zurückgesetzt und die Synchronisierung ist jetzt fällig.</translation>
    </message>
    <message>
        <source>%1 enabled; its failure counters are reset and it is due now (it was disabled: %2).</source>
        <extracomment>%1: the mailbox address, %2: why it was disabled (an id such as permanent-failure)</extracomment>
        <translation>%1 aktiviert; die Fehlerzähler sind zurückgesetzt und die Synchronisierung ist jetzt fällig (zuvor deaktiviert: %2).</translation>
    </message>
    <message>
        <source>%1 disabled; it is not synced until enabled again.</source>
        <translation>%1 deaktiviert; das Postfach wird erst nach erneuter Aktivierung wieder synchronisiert.</translation>
    </message>
    <message>
        <source>cannot install signal handlers</source>
        <translation>Signalhandler können nicht installiert werden</translation>
    </message>
    <message>
        <source>--workers expects a number from 1 to 64</source>
        <translation>--workers erwartet eine Zahl von 1 bis 64</translation>
    </message>
    <message>
        <source>accounts</source>
        <extracomment>What crm import imported: records of the type account</extracomment>
        <translation>Firmen</translation>
    </message>
    <message>
        <source>contacts</source>
        <extracomment>What crm import imported: records of the type contact</extracomment>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>leads</source>
        <extracomment>What crm import imported: records of the type lead</extracomment>
        <translation>Leads</translation>
    </message>
    <message>
        <source>usage: syncdesk-node crm import FILE.csv --type account|contact|lead [--skip-invalid]
       syncdesk-node crm list [--type TYPE] [--json]</source>
        <translation>Aufruf: syncdesk-node crm import FILE.csv --type account|contact|lead [--skip-invalid]
        syncdesk-node crm list [--type TYPE] [--json]</translation>
    </message>
    <message>
        <source>&apos;crm import&apos; needs --type account, contact or lead</source>
        <extracomment>Keep account, contact and lead: they are the values --type takes</extracomment>
        <translation>&apos;crm import&apos; benötigt --type account, contact oder lead</translation>
    </message>
    <message>
        <source>--type must be one of %1, not &quot;%2&quot;</source>
        <extracomment>%1: the types --type takes (not translated), %2: what was given</extracomment>
        <translation>--type muss einer der Werte %1 sein, nicht &quot;%2&quot;</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <extracomment>%1: a file, %2: why not
----------
%1: a file name, %2: why it could not be read</extracomment>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 256 MiB; split it</source>
        <translation>%1 ist größer als 256 MiB; teilen Sie die Datei auf</translation>
    </message>
    <message>
        <source>Fix these lines, or import the valid ones with --skip-invalid.</source>
        <translation>Korrigieren Sie diese Zeilen oder importieren Sie die gültigen mit --skip-invalid.</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <extracomment>%1: a row that was not imported, and why</extracomment>
        <translation>übersprungen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 (%2) into %3: %4 new, %5 updated, %6 unchanged, %n invalid row(s) skipped</source>
        <extracomment>%1: the file, %2: the records (&quot;accounts&quot;), %3: the database, %4-%6: how many records</extracomment>
        <translation>
            <numerusform>%1 (%2) in %3 importiert: %4 neu, %5 aktualisiert, %6 unverändert, %n ungültige Zeile übersprungen</numerusform>
            <numerusform>%1 (%2) in %3 importiert: %4 neu, %5 aktualisiert, %6 unverändert, %n ungültige Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1 (%2) into %3: %4 new, %5 updated, %6 unchanged</source>
        <extracomment>%1: the file, %2: the records (&quot;accounts&quot;), %3: the database, %4-%6: how many records</extracomment>
        <translation>%1 (%2) in %3 importiert: %4 neu, %5 aktualisiert, %6 unverändert</translation>
    </message>
    <message>
        <source>--type must be one of %1</source>
        <extracomment>%1: the record types (not translated)</extracomment>
        <translation>--type muss einer der Werte %1 sein</translation>
    </message>
    <message>
        <source>No CRM records. Add them in the configuration&apos;s &quot;crm&quot; section or with &apos;syncdesk-node crm import&apos;.</source>
        <extracomment>Keep &quot;crm&quot;: it is the name of the configuration&apos;s section</extracomment>
        <translation>Keine CRM-Datensätze. Fügen Sie sie im Abschnitt &quot;crm&quot; der Konfiguration oder mit &apos;syncdesk-node crm import&apos; hinzu.</translation>
    </message>
    <message>
        <source>No CRM records of type %1. Add them in the configuration&apos;s &quot;crm&quot; section or with &apos;syncdesk-node crm import&apos;.</source>
        <extracomment>%1: a record type (account, contact, ...; not translated). Keep &quot;crm&quot;: it is the name of the configuration&apos;s section</extracomment>
        <translation>Keine CRM-Datensätze vom Typ %1. Fügen Sie sie im Abschnitt &quot;crm&quot; der Konfiguration oder mit &apos;syncdesk-node crm import&apos; hinzu.</translation>
    </message>
    <message>
        <source>TYPE</source>
        <extracomment>Column header of &apos;crm list&apos;: the record type</extracomment>
        <translation>TYP</translation>
    </message>
    <message>
        <source>ID</source>
        <extracomment>Column header of &apos;crm list&apos;: the record&apos;s id
----------
Column header of &apos;track list&apos;: the request&apos;s number</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <extracomment>Column header of &apos;crm list&apos;: the record&apos;s name</extracomment>
        <translation>NAME</translation>
    </message>
    <message>
        <source>EMAIL</source>
        <extracomment>Column header of &apos;crm list&apos;: the record&apos;s email address</extracomment>
        <translation>E-MAIL</translation>
    </message>
    <message>
        <source>OWNER</source>
        <extracomment>Column header of &apos;crm list&apos;: the record&apos;s owner</extracomment>
        <translation>BESITZER</translation>
    </message>
    <message>
        <source>BUSINESS UNIT</source>
        <extracomment>Column header of &apos;crm list&apos;</extracomment>
        <translation>UNTERNEHMENSEINHEIT</translation>
    </message>
    <message>
        <source>usage: syncdesk-node track --mailbox ADDRESS --message-id ID [--regarding TYPE:ID] [--no-sync]
       syncdesk-node track list [--mailbox ADDRESS] [--json]</source>
        <translation>Aufruf: syncdesk-node track --mailbox ADDRESS --message-id ID [--regarding TYPE:ID] [--no-sync]
        syncdesk-node track list [--mailbox ADDRESS] [--json]</translation>
    </message>
    <message>
        <source>&apos;track&apos; needs one --mailbox ADDRESS and --message-id ID</source>
        <translation>&apos;track&apos; benötigt genau ein --mailbox ADDRESS und --message-id ID</translation>
    </message>
    <message>
        <source>--message-id &quot;%1&quot; is not a Message-ID (such as &lt;1234@example.com&gt;)</source>
        <translation>--message-id &quot;%1&quot; ist keine Message-ID (z. B. &lt;1234@example.com&gt;)</translation>
    </message>
    <message>
        <source>%1:%2 is not a CRM record; import it first (syncdesk-node crm list shows what there is)</source>
        <extracomment>%1:%2: a record&apos;s type and id</extracomment>
        <translation>%1:%2 ist kein CRM-Datensatz; importieren Sie ihn zuerst (syncdesk-node crm list zeigt die vorhandenen)</translation>
    </message>
    <message>
        <source>Recorded track request #%1 for &lt;%2&gt; in %3.</source>
        <extracomment>%1: the request&apos;s number, %2: the Message-ID, %3: the mailbox address</extracomment>
        <translation>Nachverfolgungsanfrage #%1 für &lt;%2&gt; in %3 erfasst.</translation>
    </message>
    <message>
        <source>The next sync of %1 completes it.</source>
        <translation>Die nächste Synchronisierung von %1 schließt sie ab.</translation>
    </message>
    <message>
        <source>%1 is disabled (%2); the request completes once it is enabled and synced.</source>
        <extracomment>%1: the mailbox address, %2: why it was disabled (an id such as admin)</extracomment>
        <translation>%1 ist deaktiviert (%2); die Anfrage wird abgeschlossen, sobald das Postfach aktiviert und synchronisiert ist.</translation>
    </message>
    <message>
        <source>The running engine syncs %1 now; &apos;syncdesk-node track list --mailbox %1&apos; shows the request&apos;s state.</source>
        <translation>Die laufende Engine synchronisiert %1 jetzt; &apos;syncdesk-node track list --mailbox %1&apos; zeigt den Status der Anfrage.</translation>
    </message>
    <message>
        <source>No engine runs on this database: syncing %1 here.</source>
        <translation>Auf dieser Datenbank läuft keine Engine: %1 wird hier synchronisiert.</translation>
    </message>
    <message>
        <source>Request #%1 is still pending: the sync did not complete; the next scheduled sync completes it.</source>
        <translation>Anfrage #%1 ist noch ausstehend: Die Synchronisierung wurde nicht abgeschlossen; die nächste geplante Synchronisierung schließt sie ab.</translation>
    </message>
    <message>
        <source>Request #%1: %2 (%3).</source>
        <extracomment>%1: the request&apos;s number, %2: its state (done or failed; not translated), %3: the reason</extracomment>
        <translation>Anfrage #%1: %2 (%3).</translation>
    </message>
    <message>
        <source>&apos;track list&apos; takes one --mailbox</source>
        <translation>&apos;track list&apos; erwartet genau ein --mailbox</translation>
    </message>
    <message>
        <source>No track requests.</source>
        <translation>Keine Nachverfolgungsanfragen.</translation>
    </message>
    <message>
        <source>MAILBOX</source>
        <extracomment>Column header of &apos;track list&apos;: the mailbox address
----------
Column header of &apos;runs&apos;: the mailbox address</extracomment>
        <translation>POSTFACH</translation>
    </message>
    <message>
        <source>MESSAGE-ID</source>
        <extracomment>Column header of &apos;track list&apos;: the message&apos;s Message-ID</extracomment>
        <translation>MESSAGE-ID</translation>
    </message>
    <message>
        <source>REGARDING</source>
        <extracomment>Column header of &apos;track list&apos;: the record the message is regarding</extracomment>
        <translation>BEZUG</translation>
    </message>
    <message>
        <source>STATE</source>
        <extracomment>Column header of &apos;track list&apos;: the request&apos;s state (pending, done, failed)
----------
Column header of &apos;nodes&apos;: the engine&apos;s state (alive, stopped, dead)
----------
Column header of &apos;status&apos;: the mailbox&apos;s state (ok, failing, ...)</extracomment>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>REASON</source>
        <extracomment>Column header of &apos;track list&apos;: why it failed</extracomment>
        <translation>GRUND</translation>
    </message>
    <message>
        <source>[ ok ]</source>
        <extracomment>The mark of a passed step of test-mailbox; the marks are 6 characters wide</extracomment>
        <translation>[ ok ]</translation>
    </message>
    <message>
        <source>[FAIL]</source>
        <extracomment>The mark of a failed step of test-mailbox; the marks are 6 characters wide</extracomment>
        <translation>[FEHL]</translation>
    </message>
    <message>
        <source>[skip]</source>
        <extracomment>The mark of a skipped step of test-mailbox; the marks are 6 characters wide</extracomment>
        <translation>[ -- ]</translation>
    </message>
    <message>
        <source>the server profile of %1 is missing</source>
        <translation>das Serverprofil von %1 fehlt</translation>
    </message>
    <message>
        <source>Testing %1 (%2)</source>
        <extracomment>%1: the mailbox address, %2: its servers (&quot;IMAP mail.example.com:993, tls&quot;)</extracomment>
        <translation>%1 wird getestet (%2)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <extracomment>A duration in milliseconds</extracomment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>not enabled: the test did not pass</source>
        <translation>nicht aktiviert: Der Test war nicht erfolgreich</translation>
    </message>
    <message>
        <source>already enabled</source>
        <translation>bereits aktiviert</translation>
    </message>
    <message>
        <source>Result: cancelled after %1 ms</source>
        <translation>Ergebnis: nach %1 ms abgebrochen</translation>
    </message>
    <message>
        <source>Result: every step passed in %1 ms</source>
        <translation>Ergebnis: alle Schritte in %1 ms erfolgreich</translation>
    </message>
    <message>
        <source>Result: FAILED at %1 (%2, hint %3) after %4 ms</source>
        <extracomment>%1: the step&apos;s id (connect, login, ...), %2: the error class, %3: the hint&apos;s id, %4: milliseconds</extracomment>
        <translation>Ergebnis: FEHLGESCHLAGEN bei %1 (%2, Hinweis %3) nach %4 ms</translation>
    </message>
    <message>
        <source>%1 enabled; it syncs now.</source>
        <translation>%1 aktiviert; wird jetzt synchronisiert.</translation>
    </message>
    <message>
        <source>usage: syncdesk-node alerts [--all] [--json]
       syncdesk-node alerts ack ID
       syncdesk-node alerts reenable ID</source>
        <translation>Aufruf: syncdesk-node alerts [--all] [--json]
        syncdesk-node alerts ack ID
        syncdesk-node alerts reenable ID</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>Keine Meldungen.</translation>
    </message>
    <message>
        <source>No open alerts.</source>
        <translation>Keine offenen Meldungen.</translation>
    </message>
    <message>
        <source>profile %1</source>
        <extracomment>What an alert is about: a server profile (%1: its name)</extracomment>
        <translation>Profil %1</translation>
    </message>
    <message numerus="yes">
        <source>raised %1, last %2, %n occurrence(s)</source>
        <extracomment>%1: when the alert was raised, %2: when it last occurred (times in ISO 8601)</extracomment>
        <translation>
            <numerusform>ausgelöst %1, zuletzt %2, %n-mal aufgetreten</numerusform>
            <numerusform>ausgelöst %1, zuletzt %2, %n-mal aufgetreten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 disabled by this incident</source>
        <extracomment>%1: a mailbox of a server profile incident, with its error class and hint</extracomment>
        <translation>%1 durch diesen Vorfall deaktiviert</translation>
    </message>
    <message>
        <source>re-enable them: syncdesk-node alerts reenable %1</source>
        <translation>wieder aktivieren: syncdesk-node alerts reenable %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an alert id (see &apos;syncdesk-node alerts&apos;)</source>
        <translation>&apos;%1&apos; ist keine Meldungs-ID (siehe &apos;syncdesk-node alerts&apos;)</translation>
    </message>
    <message>
        <source>Alert %1 acknowledged and closed (information).</source>
        <translation>Meldung %1 bestätigt und geschlossen (Information).</translation>
    </message>
    <message>
        <source>Alert %1 acknowledged; it stays listed until its cause is resolved.</source>
        <translation>Meldung %1 bestätigt; sie bleibt aufgeführt, bis ihre Ursache behoben ist.</translation>
    </message>
    <message>
        <source>alert %1 is not a server profile incident (kind profile-outage)</source>
        <extracomment>Keep profile-outage: it is the alert&apos;s kind</extracomment>
        <translation>Meldung %1 ist kein Serverprofil-Vorfall (Art profile-outage)</translation>
    </message>
    <message>
        <source>No mailbox of incident %1 is still disabled by it.</source>
        <translation>Kein Postfach des Vorfalls %1 ist noch durch ihn deaktiviert.</translation>
    </message>
    <message numerus="yes">
        <source>Re-enabled %n mailboxes disabled by incident %1: %2. They sync now.</source>
        <extracomment>plural: Re-enabled %n mailbox disabled by incident %1: %2. It syncs now.</extracomment>
        <translation>
            <numerusform>%n durch Vorfall %1 deaktiviertes Postfach wieder aktiviert: %2. Es wird jetzt synchronisiert.</numerusform>
            <numerusform>%n durch Vorfall %1 deaktivierte Postfächer wieder aktiviert: %2. Sie werden jetzt synchronisiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>usage: syncdesk-node failures [--mailbox ADDRESS] [--json]
       syncdesk-node failures retry [--mailbox ADDRESS]</source>
        <translation>Aufruf: syncdesk-node failures [--mailbox ADDRESS] [--json]
        syncdesk-node failures retry [--mailbox ADDRESS]</translation>
    </message>
    <message numerus="yes">
        <source>%n failed item(s) will be fetched again by the next sync of their mailbox.</source>
        <translation>
            <numerusform>%n fehlgeschlagenes Element wird bei der nächsten Synchronisierung seines Postfachs erneut abgerufen.</numerusform>
            <numerusform>%n fehlgeschlagene Elemente werden bei der nächsten Synchronisierung ihres Postfachs erneut abgerufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed item(s) will be fetched again by the next sync of their mailbox (requested now for %1).</source>
        <extracomment>%1: how many mailboxes (&quot;3 mailboxes&quot;)</extracomment>
        <translation>
            <numerusform>%n fehlgeschlagenes Element wird bei der nächsten Synchronisierung seines Postfachs erneut abgerufen (jetzt angefordert für %1).</numerusform>
            <numerusform>%n fehlgeschlagene Elemente werden bei der nächsten Synchronisierung ihres Postfachs erneut abgerufen (jetzt angefordert für %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es)</source>
        <comment>requested now for %1</comment>
        <extracomment>Inserted in &quot;... (requested now for %1).&quot;</extracomment>
        <translation>
            <numerusform>%n Postfach</numerusform>
            <numerusform>%n Postfächer</numerusform>
        </translation>
    </message>
    <message>
        <source>No failed items.</source>
        <translation>Keine fehlgeschlagenen Elemente.</translation>
    </message>
    <message>
        <source>No failed items in %1.</source>
        <translation>Keine fehlgeschlagenen Elemente in %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s), last %1</source>
        <extracomment>%1: when it last failed (ISO 8601)</extracomment>
        <translation>
            <numerusform>%n Versuch, zuletzt %1</numerusform>
            <numerusform>%n Versuche, zuletzt %1</numerusform>
        </translation>
    </message>
    <message>
        <source>subject: %1</source>
        <extracomment>%1: the message&apos;s subject</extracomment>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>usage: syncdesk-node mailbox verbose ADDRESS on|off</source>
        <translation>Aufruf: syncdesk-node mailbox verbose ADDRESS on|off</translation>
    </message>
    <message>
        <source>%1: verbose log on; running engines follow within a second.</source>
        <translation>%1: ausführliches Protokoll ein; laufende Engines übernehmen dies innerhalb einer Sekunde.</translation>
    </message>
    <message>
        <source>%1: verbose log off; running engines follow within a second.</source>
        <translation>%1: ausführliches Protokoll aus; laufende Engines übernehmen dies innerhalb einer Sekunde.</translation>
    </message>
    <message>
        <source>usage: syncdesk-node diagnostics ADDRESS [--output FILE]</source>
        <translation>Aufruf: syncdesk-node diagnostics ADDRESS [--output FILE]</translation>
    </message>
    <message>
        <source>Wrote the diagnostic bundle of %1 to %2 (passwords, credentials and message contents removed).</source>
        <extracomment>%1: the mailbox address, %2: the file</extracomment>
        <translation>Diagnosepaket von %1 nach %2 geschrieben (Passwörter, Anmeldedaten und Nachrichteninhalte entfernt).</translation>
    </message>
    <message>
        <source>alive</source>
        <extracomment>The state of an engine in &apos;nodes&apos;: its heartbeat is recent</extracomment>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>stopped</source>
        <extracomment>The state of an engine in &apos;nodes&apos;: it stopped cleanly</extracomment>
        <translation>beendet</translation>
    </message>
    <message>
        <source>dead</source>
        <extracomment>The state of an engine in &apos;nodes&apos;: silent for two heartbeats</extracomment>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>No engine has run on %1.</source>
        <translation>Auf %1 ist noch keine Engine gelaufen.</translation>
    </message>
    <message>
        <source>ENGINE</source>
        <extracomment>Column header of &apos;nodes&apos;: the engine&apos;s id
----------
Column header of &apos;runs&apos;: the engine&apos;s id</extracomment>
        <translation>ENGINE</translation>
    </message>
    <message>
        <source>HOST</source>
        <extracomment>Column header of &apos;nodes&apos;: the engine&apos;s host</extracomment>
        <translation>HOST</translation>
    </message>
    <message>
        <source>PID</source>
        <extracomment>Column header of &apos;nodes&apos;: the engine&apos;s process id</extracomment>
        <translation>PID</translation>
    </message>
    <message>
        <source>VERSION</source>
        <extracomment>Column header of &apos;nodes&apos;: the engine&apos;s version</extracomment>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>STARTED</source>
        <extracomment>Column header of &apos;nodes&apos; and &apos;runs&apos;: when it started</extracomment>
        <translation>GESTARTET</translation>
    </message>
    <message>
        <source>HEARTBEAT</source>
        <extracomment>Column header of &apos;nodes&apos;: the engine&apos;s last heartbeat</extracomment>
        <translation>HEARTBEAT</translation>
    </message>
    <message>
        <source>WORKERS</source>
        <extracomment>Column header of &apos;nodes&apos;: busy/all workers</extracomment>
        <translation>WORKER</translation>
    </message>
    <message>
        <source>MAILBOXES</source>
        <extracomment>Column header of &apos;nodes&apos;: how many mailboxes the engine holds</extracomment>
        <translation>POSTFÄCHER</translation>
    </message>
    <message>
        <source>--since %1 is not an ISO-8601 time (for example 2026-12-05T09:00:00Z)</source>
        <translation>--since %1 ist keine ISO-8601-Zeitangabe (zum Beispiel 2026-12-05T09:00:00Z)</translation>
    </message>
    <message>
        <source>--limit takes a number from 1 to 1000000</source>
        <translation>--limit erwartet eine Zahl von 1 bis 1000000</translation>
    </message>
    <message>
        <source>No sync runs since %1.</source>
        <extracomment>%1: a time (ISO 8601)</extracomment>
        <translation>Keine Synchronisierungsläufe seit %1.</translation>
    </message>
    <message>
        <source>No sync runs.</source>
        <translation>Keine Synchronisierungsläufe.</translation>
    </message>
    <message>
        <source>EPOCH</source>
        <extracomment>Column header of &apos;runs&apos;: the lease epoch</extracomment>
        <translation>EPOCHE</translation>
    </message>
    <message>
        <source>RESULT</source>
        <extracomment>Column header of &apos;runs&apos;: ok or failed</extracomment>
        <translation>ERGEBNIS</translation>
    </message>
    <message>
        <source>NEW</source>
        <extracomment>Column header of &apos;runs&apos; and &apos;verify&apos;: new activities</extracomment>
        <translation>NEU</translation>
    </message>
    <message>
        <source>SEEN</source>
        <extracomment>Column header of &apos;runs&apos;: messages fetched</extracomment>
        <translation>ABGERUFEN</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <extracomment>Column header of &apos;runs&apos;: how long the run took</extracomment>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>ok</source>
        <extracomment>The result of a run in &apos;runs&apos; (at most 7 characters)</extracomment>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <extracomment>The result of a run in &apos;runs&apos; (at most 7 characters)</extracomment>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>print JSON instead of a table</source>
        <translation>JSON statt einer Tabelle ausgeben</translation>
    </message>
    <message>
        <source>config import FILE.json</source>
        <translation>config import FILE.json</translation>
    </message>
    <message>
        <source>Import server profiles, mailboxes, the CRM section and settings; re-importing updates what changed and never duplicates. Nothing is written unless the whole file is valid.</source>
        <translation>Serverprofile, Postfächer, den CRM-Abschnitt und Einstellungen importieren; ein erneuter Import aktualisiert Geändertes und legt nie Duplikate an. Es wird nur geschrieben, wenn die gesamte Datei gültig ist.</translation>
    </message>
    <message>
        <source>sync --once [--mailbox ADDRESS]...</source>
        <translation>sync --once [--mailbox ADDRESS]...</translation>
    </message>
    <message>
        <source>sync here and now, then exit</source>
        <translation>hier und jetzt synchronisieren, dann beenden</translation>
    </message>
    <message>
        <source>--mailbox ADDRESS</source>
        <translation>--mailbox ADDRESS</translation>
    </message>
    <message>
        <source>only this mailbox (may be repeated)</source>
        <translation>nur dieses Postfach (mehrfach möglich)</translation>
    </message>
    <message>
        <source>sync --mailbox ADDRESS...</source>
        <translation>sync --mailbox ADDRESS...</translation>
    </message>
    <message>
        <source>Ask the running engine (a node or the console) to sync these mailboxes now.</source>
        <translation>Die laufende Engine (einen Knoten oder die Konsole) anweisen, diese Postfächer jetzt zu synchronisieren.</translation>
    </message>
    <message>
        <source>status [--state STATE] [--profile NAME] [--mailbox ADDRESS]... [--owner OWNER] [--json]</source>
        <translation>status [--state STATE] [--profile NAME] [--mailbox ADDRESS]... [--owner OWNER] [--json]</translation>
    </message>
    <message>
        <source>Every mailbox&apos;s state, interval, last success, next sync, consecutive failures and last error with its hint. The filters combine; the table says how many of all mailboxes it shows.</source>
        <translation>Für jedes Postfach: Status, Intervall, letzte erfolgreiche Synchronisierung, nächste Synchronisierung, aufeinanderfolgende Fehler und letzter Fehler mit Hinweis. Die Filter lassen sich kombinieren; die Tabelle gibt an, wie viele aller Postfächer sie anzeigt.</translation>
    </message>
    <message>
        <source>--state STATE</source>
        <translation>--state STATE</translation>
    </message>
    <message>
        <source>ok, failing, disabled, overdue, syncing or never (may be repeated)</source>
        <translation>ok, failing, disabled, overdue, syncing oder never (mehrfach möglich)</translation>
    </message>
    <message>
        <source>--profile NAME</source>
        <translation>--profile NAME</translation>
    </message>
    <message>
        <source>only the mailboxes of this server profile</source>
        <translation>nur die Postfächer dieses Serverprofils</translation>
    </message>
    <message>
        <source>--owner OWNER</source>
        <translation>--owner OWNER</translation>
    </message>
    <message>
        <source>only the mailboxes of this owner: systemuser:ID, queue:ID or just the ID</source>
        <translation>nur die Postfächer dieses Besitzers: systemuser:ID, queue:ID oder nur die ID</translation>
    </message>
    <message>
        <source>export activities --jsonl [--mailbox ADDRESS]... [--output FILE]</source>
        <translation>export activities --jsonl [--mailbox ADDRESS]... [--output FILE]</translation>
    </message>
    <message>
        <source>The stored email activities, one JSON object per line.</source>
        <translation>Die gespeicherten E-Mail-Aktivitäten, ein JSON-Objekt pro Zeile.</translation>
    </message>
    <message>
        <source>one JSON object per line (required)</source>
        <translation>ein JSON-Objekt pro Zeile (erforderlich)</translation>
    </message>
    <message>
        <source>only this mailbox&apos;s (may be repeated)</source>
        <translation>nur die Aktivitäten dieses Postfachs (mehrfach möglich)</translation>
    </message>
    <message>
        <source>--output FILE</source>
        <translation>--output FILE</translation>
    </message>
    <message>
        <source>write to FILE (created readable by you only) instead of standard output</source>
        <translation>in FILE (nur für Sie lesbar angelegt) statt in die Standardausgabe schreiben</translation>
    </message>
    <message>
        <source>mailbox enable|disable ADDRESS</source>
        <translation>mailbox enable|disable ADDRESS</translation>
    </message>
    <message>
        <source>Enable a mailbox (resetting its failure counters; it is due at once) or disable it.</source>
        <translation>Ein Postfach aktivieren (setzt seine Fehlerzähler zurück; es ist sofort fällig) oder deaktivieren.</translation>
    </message>
    <message>
        <source>mailbox verbose ADDRESS on|off</source>
        <translation>mailbox verbose ADDRESS on|off</translation>
    </message>
    <message>
        <source>Log the protocol traffic of one mailbox (credentials hidden), switched at run time.</source>
        <translation>Den Datenverkehr mit dem Mailserver für ein Postfach protokollieren (Anmeldedaten verborgen), zur Laufzeit umschaltbar.</translation>
    </message>
    <message>
        <source>Test DNS, TCP, TLS, login and INBOX (and SMTP) step by step, each with its result, time and detail, then the failure&apos;s hint.</source>
        <translation>DNS, TCP, TLS, Anmeldung und INBOX (und SMTP) Schritt für Schritt testen, jeweils mit Ergebnis, Dauer und Details, danach den Hinweis zum Fehler.</translation>
    </message>
    <message>
        <source>enable the mailbox when every step passes</source>
        <translation>das Postfach aktivieren, wenn alle Schritte erfolgreich sind</translation>
    </message>
    <message>
        <source>alerts [--all] [--json]</source>
        <translation>alerts [--all] [--json]</translation>
    </message>
    <message>
        <source>The open alerts, newest first (with --all, closed ones too).</source>
        <translation>Die offenen Meldungen, neueste zuerst (mit --all auch geschlossene).</translation>
    </message>
    <message>
        <source>closed alerts too</source>
        <translation>auch geschlossene Meldungen</translation>
    </message>
    <message>
        <source>alerts ack ID</source>
        <translation>alerts ack ID</translation>
    </message>
    <message>
        <source>Acknowledge an alert.</source>
        <translation>Eine Meldung bestätigen.</translation>
    </message>
    <message>
        <source>alerts reenable ID</source>
        <translation>alerts reenable ID</translation>
    </message>
    <message>
        <source>Re-enable the mailboxes a server profile incident disabled.</source>
        <translation>Die Postfächer wieder aktivieren, die ein Serverprofil-Vorfall deaktiviert hat.</translation>
    </message>
    <message>
        <source>failures [--mailbox ADDRESS] [--json]</source>
        <translation>failures [--mailbox ADDRESS] [--json]</translation>
    </message>
    <message>
        <source>Messages that could not be decoded or stored.</source>
        <translation>Nachrichten, die nicht dekodiert oder gespeichert werden konnten.</translation>
    </message>
    <message>
        <source>only this mailbox&apos;s</source>
        <translation>nur die Elemente dieses Postfachs</translation>
    </message>
    <message>
        <source>failures retry [--mailbox ADDRESS]</source>
        <translation>failures retry [--mailbox ADDRESS]</translation>
    </message>
    <message>
        <source>Fetch those messages again on the next sync.</source>
        <translation>Diese Nachrichten bei der nächsten Synchronisierung erneut abrufen.</translation>
    </message>
    <message>
        <source>verify [--mailbox ADDRESS]... [--repair] [--json]</source>
        <translation>verify [--mailbox ADDRESS]... [--repair] [--json]</translation>
    </message>
    <message>
        <source>Audit: compare the server&apos;s messages with what the store accounts for. Exit code 1 when something is missing.</source>
        <translation>Prüfung: die Nachrichten auf dem Server mit dem vergleichen, was die Datenbank erfasst hat. Exit-Code 1, wenn etwas fehlt.</translation>
    </message>
    <message>
        <source>fetch the missing messages again, then audit again</source>
        <translation>die fehlenden Nachrichten erneut abrufen, dann erneut prüfen</translation>
    </message>
    <message>
        <source>diagnostics ADDRESS [--output FILE]</source>
        <translation>diagnostics ADDRESS [--output FILE]</translation>
    </message>
    <message>
        <source>A diagnostic bundle of one mailbox: status, runs, alerts, failures and log, without passwords or message contents.</source>
        <translation>Ein Diagnosepaket zu einem Postfach: Status, Läufe, Meldungen, fehlgeschlagene Elemente und Protokoll, ohne Passwörter oder Nachrichteninhalte.</translation>
    </message>
    <message>
        <source>write to FILE instead of standard output</source>
        <translation>in FILE statt in die Standardausgabe schreiben</translation>
    </message>
    <message>
        <source>password set ENTRY</source>
        <translation>password set ENTRY</translation>
    </message>
    <message>
        <source>Store a password in the system keychain, read from standard input, for mailboxes configured with &quot;password_keychain&quot;: &quot;ENTRY&quot;.</source>
        <translation>Ein Passwort aus der Standardeingabe lesen und im Schlüsselbund des Systems speichern, für Postfächer, die mit &quot;password_keychain&quot;: &quot;ENTRY&quot; konfiguriert sind.</translation>
    </message>
    <message>
        <source>password delete ENTRY</source>
        <translation>password delete ENTRY</translation>
    </message>
    <message>
        <source>Remove it from the keychain.</source>
        <translation>Es aus dem Schlüsselbund entfernen.</translation>
    </message>
    <message>
        <source>scheduler [--json]</source>
        <translation>scheduler [--json]</translation>
    </message>
    <message>
        <source>The running engines: workers, queue, connections per profile, overdue mailboxes.</source>
        <translation>Die laufenden Engines: Worker, Warteschlange, Verbindungen pro Profil, überfällige Postfächer.</translation>
    </message>
    <message>
        <source>nodes [--json]</source>
        <translation>nodes [--json]</translation>
    </message>
    <message>
        <source>Every engine on the store: id, host, pid, version, started, heartbeat, alive, stopped or dead, workers, mailboxes it holds.</source>
        <translation>Jede Engine der Datenbank: ID, Host, PID, Version, Start, Heartbeat, aktiv, beendet oder ausgefallen, Worker, gehaltene Postfächer.</translation>
    </message>
    <message>
        <source>runs [--mailbox ADDRESS] [--since ISO-8601] [--limit N] [--json]</source>
        <translation>runs [--mailbox ADDRESS] [--since ISO-8601] [--limit N] [--json]</translation>
    </message>
    <message>
        <source>Sync runs, newest first: engine, lease epoch, start, end, result, items.</source>
        <translation>Synchronisierungsläufe, neueste zuerst: Engine, Lease-Epoche, Start, Ende, Ergebnis, Elemente.</translation>
    </message>
    <message>
        <source>only runs started at or after this time (2026-12-05T09:00:00Z)</source>
        <translation>nur Läufe, die ab diesem Zeitpunkt gestartet wurden (2026-12-05T09:00:00Z)</translation>
    </message>
    <message>
        <source>--limit N</source>
        <translation>--limit N</translation>
    </message>
    <message>
        <source>at most N runs (default 100)</source>
        <translation>höchstens N Läufe (Standard 100)</translation>
    </message>
    <message>
        <source>store copy --to postgresql://USER@HOST:PORT/DBNAME [--json]</source>
        <translation>store copy --to postgresql://USER@HOST:PORT/DBNAME [--json]</translation>
    </message>
    <message>
        <source>Copy this SQLite database (everything) into an empty PostgreSQL database and verify every table&apos;s row count; stop the nodes first.</source>
        <translation>Diese SQLite-Datenbank vollständig in eine leere PostgreSQL-Datenbank kopieren und die Zeilenzahl jeder Tabelle prüfen; vorher die Knoten stoppen.</translation>
    </message>
    <message>
        <source>--to URL|PATH</source>
        <translation>--to URL|PATH</translation>
    </message>
    <message>
        <source>the empty database to copy into</source>
        <translation>die leere Zieldatenbank</translation>
    </message>
    <message>
        <source>run [--workers N]</source>
        <translation>run [--workers N]</translation>
    </message>
    <message>
        <source>The scheduler, until SIGINT or SIGTERM.</source>
        <translation>Den Scheduler ausführen, bis SIGINT oder SIGTERM eintrifft.</translation>
    </message>
    <message>
        <source>--workers N</source>
        <translation>--workers N</translation>
    </message>
    <message>
        <source>worker threads (default: one per core, at least 2)</source>
        <translation>Worker-Threads (Standard: einer pro Kern, mindestens 2)</translation>
    </message>
    <message>
        <source>maintenance [--dry-run] [--json]</source>
        <translation>maintenance [--dry-run] [--json]</translation>
    </message>
    <message>
        <source>Prune the log, runs, closed alerts, completed track requests and dead nodes older than their retention window now (a running engine does it hourly).</source>
        <translation>Protokoll, Läufe, geschlossene Meldungen, abgeschlossene Nachverfolgungsanfragen und ausgefallene Knoten, die älter als ihre Aufbewahrungsfrist sind, jetzt bereinigen (eine laufende Engine tut dies stündlich).</translation>
    </message>
    <message>
        <source>count what would be pruned, delete nothing</source>
        <translation>zählen, was bereinigt würde, nichts löschen</translation>
    </message>
    <message>
        <source>crm import FILE.csv --type account|contact|lead [--skip-invalid]</source>
        <translation>crm import FILE.csv --type account|contact|lead [--skip-invalid]</translation>
    </message>
    <message>
        <source>Add or update CRM records from a CSV file with a header row.</source>
        <translation>CRM-Datensätze aus einer CSV-Datei mit Kopfzeile hinzufügen oder aktualisieren.</translation>
    </message>
    <message>
        <source>--type TYPE</source>
        <translation>--type TYPE</translation>
    </message>
    <message>
        <source>the record type</source>
        <translation>der Datensatztyp</translation>
    </message>
    <message>
        <source>import the valid rows, list the invalid ones</source>
        <translation>die gültigen Zeilen importieren, die ungültigen auflisten</translation>
    </message>
    <message>
        <source>crm list [--type TYPE] [--json]</source>
        <translation>crm list [--type TYPE] [--json]</translation>
    </message>
    <message>
        <source>The CRM records mail is matched against.</source>
        <translation>Die CRM-Datensätze, denen E-Mails zugeordnet werden.</translation>
    </message>
    <message>
        <source>only records of this type</source>
        <translation>nur Datensätze dieses Typs</translation>
    </message>
    <message>
        <source>track --mailbox ADDRESS --message-id ID [--regarding TYPE:ID] [--no-sync]</source>
        <translation>track --mailbox ADDRESS --message-id ID [--regarding TYPE:ID] [--no-sync]</translation>
    </message>
    <message>
        <source>Track a message (and set what it is regarding), syncing its mailbox now.</source>
        <translation>Eine Nachricht nachverfolgen (und ihren Bezug festlegen) und ihr Postfach sofort synchronisieren.</translation>
    </message>
    <message>
        <source>the mailbox the message is in</source>
        <translation>das Postfach, in dem die Nachricht liegt</translation>
    </message>
    <message>
        <source>--message-id ID</source>
        <translation>--message-id ID</translation>
    </message>
    <message>
        <source>its Message-ID</source>
        <translation>ihre Message-ID</translation>
    </message>
    <message>
        <source>--regarding TYPE:ID</source>
        <translation>--regarding TYPE:ID</translation>
    </message>
    <message>
        <source>the record it is regarding (account:contoso)</source>
        <translation>der Datensatz, auf den sie sich bezieht (account:contoso)</translation>
    </message>
    <message>
        <source>record the request only; the next sync completes it</source>
        <translation>nur die Anfrage erfassen; die nächste Synchronisierung schließt sie ab</translation>
    </message>
    <message>
        <source>track list [--mailbox ADDRESS] [--json]</source>
        <translation>track list [--mailbox ADDRESS] [--json]</translation>
    </message>
    <message>
        <source>Track requests: pending, done, or failed with the reason.</source>
        <translation>Nachverfolgungsanfragen: ausstehend, erledigt oder fehlgeschlagen mit Grund.</translation>
    </message>
    <message>
        <source>help [COMMAND]</source>
        <translation>help [COMMAND]</translation>
    </message>
    <message>
        <source>This list, or one command&apos;s usage and options (also: COMMAND --help).</source>
        <translation>Diese Liste oder Aufruf und Optionen eines Befehls (auch: COMMAND --help).</translation>
    </message>
    <message>
        <source>Commands (syncdesk-node help COMMAND for one command&apos;s options):</source>
        <translation>Befehle (syncdesk-node help COMMAND zeigt die Optionen eines Befehls):</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Aufruf:</translation>
    </message>
    <message>
        <source>--db PATH|URL</source>
        <translation>--db PATH|URL</translation>
    </message>
    <message>
        <source>the database: a SQLite file, or postgresql://USER@HOST:PORT/DBNAME (default: $SYNCDESK_DB, or syncdesk.db in the application data folder)</source>
        <translation>die Datenbank: eine SQLite-Datei oder postgresql://USER@HOST:PORT/DBNAME (Standard: $SYNCDESK_DB oder syncdesk.db im Anwendungsdatenordner)</translation>
    </message>
    <message>
        <source>print the log, debug records too, on standard error</source>
        <translation>das Protokoll, auch Debug-Einträge, auf der Standardfehlerausgabe ausgeben</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>usage: syncdesk-node maintenance [--dry-run] [--json]</source>
        <translation>Aufruf: syncdesk-node maintenance [--dry-run] [--json]</translation>
    </message>
    <message>
        <source>Retention (dry run: nothing deleted) on %1</source>
        <extracomment>%1: the database</extracomment>
        <translation>Bereinigung nach Aufbewahrungsfristen (Probelauf: nichts gelöscht) in %1</translation>
    </message>
    <message>
        <source>Retention on %1</source>
        <translation>Bereinigung nach Aufbewahrungsfristen in %1</translation>
    </message>
    <message>
        <source>pruned</source>
        <extracomment>Column header of &apos;maintenance&apos;: how many rows were pruned</extracomment>
        <translation>Bereinigt</translation>
    </message>
    <message>
        <source>would prune</source>
        <extracomment>Column header of &apos;maintenance --dry-run&apos;: how many rows would be pruned</extracomment>
        <translation>Zu bereinigen</translation>
    </message>
    <message>
        <source>kind</source>
        <extracomment>Column header of &apos;maintenance&apos;: what is pruned (log records, runs, ...)</extracomment>
        <translation>Art</translation>
    </message>
    <message>
        <source>window</source>
        <extracomment>Column header of &apos;maintenance&apos;: the retention window (&quot;30 days&quot;)</extracomment>
        <translation>Frist</translation>
    </message>
    <message>
        <source>remaining</source>
        <extracomment>Column header of &apos;maintenance&apos;: how many rows are left</extracomment>
        <translation>Verbleibend</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <extracomment>A retention window</extracomment>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Database: %1 bytes before, %2 after (%3 bytes free, reused by later writes; the file does not shrink)</source>
        <extracomment>%1: the database&apos;s size before, %2: after, %3: the free space in it (all in bytes)</extracomment>
        <translation>Datenbank: vorher %1 Byte, nachher %2 (%3 Byte frei, werden von späteren Schreibvorgängen wiederverwendet; die Datei wird nicht kleiner)</translation>
    </message>
    <message>
        <source>Never pruned: open alerts, pending track requests, the latest run of each mailbox, live nodes and nodes holding a lease; windows are set in the configuration&apos;s &quot;retention&quot; section.</source>
        <extracomment>Keep &quot;retention&quot;: it is the name of the configuration&apos;s section</extracomment>
        <translation>Nie bereinigt werden: offene Meldungen, ausstehende Nachverfolgungsanfragen, der letzte Lauf jedes Postfachs, aktive Knoten und Knoten, die eine Lease halten; die Fristen werden im Abschnitt &quot;retention&quot; der Konfiguration festgelegt.</translation>
    </message>
    <message>
        <source>--state &apos;%1&apos; is not a state; use one of %2</source>
        <extracomment>%1: what was given, %2: the states --state takes (not translated)</extracomment>
        <translation>--state &apos;%1&apos; ist kein Status; verwenden Sie einen von %2</translation>
    </message>
    <message>
        <source>no server profile %1 in %2 (there are: %3)</source>
        <extracomment>%1: the profile given, %2: the database, %3: the profiles there are</extracomment>
        <translation>Serverprofil %1 in %2 nicht gefunden (vorhanden: %3)</translation>
    </message>
    <message>
        <source>never</source>
        <extracomment>A time that has not been: no sync yet, no heartbeat</extracomment>
        <translation>nie</translation>
    </message>
    <message>
        <source>in %1 s</source>
        <extracomment>A time %1 seconds from now</extracomment>
        <translation>in %1 s</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <extracomment>A time %1 minutes from now</extracomment>
        <translation>in %1 min</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <extracomment>A time %1 seconds ago</extracomment>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>A span of %1 seconds, as in &quot;overdue %1 s&quot;</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <extracomment>A time %1 minutes ago</extracomment>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <extracomment>A span of %1 minutes, as in &quot;overdue %1 min&quot;</extracomment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <extracomment>A time %1 hours ago</extracomment>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 h</source>
        <extracomment>A span of %1 hours, as in &quot;overdue %1 h&quot;</extracomment>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>No mailboxes in %1. Import a configuration with &apos;syncdesk-node config import FILE.json&apos;.</source>
        <extracomment>%1: the database</extracomment>
        <translation>Keine Postfächer in %1. Importieren Sie eine Konfiguration mit &apos;syncdesk-node config import FILE.json&apos;.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n mailbox(es) shown.</source>
        <extracomment>%1 of all %n mailboxes are shown (the filters leave %1)</extracomment>
        <translation>
            <numerusform>%1 von %n Postfach angezeigt.</numerusform>
            <numerusform>%1 von %n Postfächern angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <extracomment>Column header of &apos;status&apos;: the mailbox address</extracomment>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <source>INTERVAL</source>
        <extracomment>Column header of &apos;status&apos;: the sync interval</extracomment>
        <translation>INTERVALL</translation>
    </message>
    <message>
        <source>LAST OK</source>
        <extracomment>Column header of &apos;status&apos;: the last successful sync</extracomment>
        <translation>ZULETZT OK</translation>
    </message>
    <message>
        <source>NEXT</source>
        <extracomment>Column header of &apos;status&apos;: the next sync</extracomment>
        <translation>NÄCHSTE</translation>
    </message>
    <message>
        <source>FAIL</source>
        <extracomment>Column header of &apos;status&apos;: consecutive failures (the column is 6 characters wide)</extracomment>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>LAST ERROR</source>
        <extracomment>Column header of &apos;status&apos;</extracomment>
        <translation>LETZTER FEHLER</translation>
    </message>
    <message>
        <source>note: no engine runs on this database (start &apos;syncdesk-node run&apos; or the console)</source>
        <translation>Anmerkung: Auf dieser Datenbank läuft keine Engine (&apos;syncdesk-node run&apos; oder die Konsole starten)</translation>
    </message>
    <message>
        <source>note: %1 [hint: %2]</source>
        <extracomment>%1: an engine&apos;s problem, %2: its hint&apos;s id (not translated)</extracomment>
        <translation>Anmerkung: %1 [Hinweis: %2]</translation>
    </message>
    <message>
        <source>now</source>
        <extracomment>The next sync: due now</extracomment>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>overdue %1 (%2)</source>
        <extracomment>%1: for how long (&quot;10 min&quot;), %2: the cause (an id such as no-engine, not translated)</extracomment>
        <translation>überfällig seit %1 (%2)</translation>
    </message>
    <message>
        <source>%1 min %2</source>
        <extracomment>The sync interval: %1 minutes, %2: why (an id such as normal or backoff, not translated)</extracomment>
        <translation>%1 min %2</translation>
    </message>
    <message>
        <source>usage: syncdesk-node export activities --jsonl [--mailbox ADDRESS] [--output FILE]</source>
        <translation>Aufruf: syncdesk-node export activities --jsonl [--mailbox ADDRESS] [--output FILE]</translation>
    </message>
    <message>
        <source>&apos;export activities&apos; needs --jsonl (one JSON object per line)</source>
        <translation>&apos;export activities&apos; benötigt --jsonl (ein JSON-Objekt pro Zeile)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <extracomment>%1: a file, %2: why not</extracomment>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write to standard output</source>
        <translation>in die Standardausgabe kann nicht geschrieben werden</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n activities to %1.</source>
        <extracomment>plural: Exported %n activity to %1.</extracomment>
        <translation>
            <numerusform>%n Aktivität nach %1 exportiert.</numerusform>
            <numerusform>%n Aktivitäten nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>No engine runs on %1 (start &apos;syncdesk-node run&apos; or the console).</source>
        <extracomment>%1: the database</extracomment>
        <translation>Auf %1 läuft keine Engine (&apos;syncdesk-node run&apos; oder die Konsole starten).</translation>
    </message>
    <message numerus="yes">
        <source>engine %1: workers %2/%3 busy, %n sync(s) running, queue %4</source>
        <extracomment>%1: the engine&apos;s id, %2/%3: busy/all workers, %n: syncs running, %4: mailboxes waiting in its queue</extracomment>
        <translation>
            <numerusform>Engine %1: %2/%3 Worker belegt, %n Synchronisierung läuft, Warteschlange %4</numerusform>
            <numerusform>Engine %1: %2/%3 Worker belegt, %n Synchronisierungen laufen, Warteschlange %4</numerusform>
        </translation>
    </message>
    <message>
        <source>overdue mailboxes: %1</source>
        <translation>überfällige Postfächer: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2/%n connection(s), %3 overdue</source>
        <extracomment>%1: a server profile, %2 of its %n connections are in use, %3: its overdue mailboxes</extracomment>
        <translation>
            <numerusform>%1: %2/%n Verbindung, %3 überfällig</numerusform>
            <numerusform>%1: %2/%n Verbindungen, %3 überfällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>needs about %n connection(s) to keep every interval</source>
        <extracomment>Follows &quot;PROFILE: 2/4 connections, 3 overdue&quot; after a dash</extracomment>
        <translation>
            <numerusform>benötigt etwa %n Verbindung, um alle Intervalle einzuhalten</numerusform>
            <numerusform>benötigt etwa %n Verbindungen, um alle Intervalle einzuhalten</numerusform>
        </translation>
    </message>
    <message>
        <source>usage: syncdesk-node [--db SOURCE.db] store copy --to postgresql://USER@HOST:PORT/DBNAME [--json]</source>
        <translation>Aufruf: syncdesk-node [--db SOURCE.db] store copy --to postgresql://USER@HOST:PORT/DBNAME [--json]</translation>
    </message>
    <message>
        <source>store copy reads a SQLite database (--db PATH); to copy a PostgreSQL database use pg_dump and pg_restore</source>
        <translation>store copy liest eine SQLite-Datenbank (--db PATH); verwenden Sie zum Kopieren einer PostgreSQL-Datenbank pg_dump und pg_restore</translation>
    </message>
    <message>
        <source>there is no database at %1 (--db or SYNCDESK_DB names the SQLite file to copy)</source>
        <extracomment>Keep SYNCDESK_DB: it is an environment variable</extracomment>
        <translation>unter %1 ist keine Datenbank vorhanden (--db oder SYNCDESK_DB gibt die zu kopierende SQLite-Datei an)</translation>
    </message>
    <message>
        <source>--to names the source database itself</source>
        <translation>--to bezeichnet die Quelldatenbank selbst</translation>
    </message>
    <message>
        <source>an engine is running on %1; stop every node and the console&apos;s engine before copying (syncdesk-node nodes lists them), so that nothing changes during and after the copy.</source>
        <translation>auf %1 läuft eine Engine; stoppen Sie vor dem Kopieren alle Knoten und die Engine der Konsole (syncdesk-node nodes listet sie auf), damit sich während und nach dem Kopieren nichts ändert.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %3 row(s)</source>
        <extracomment>%1: a table, %2 of its %3 rows are copied</extracomment>
        <translation>
            <numerusform>%1: %2 von %3 Zeile</numerusform>
            <numerusform>%1: %2 von %3 Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Copying %1 into %2 (one transaction)</source>
        <extracomment>%1: the source database, %2: the target database</extracomment>
        <translation>%1 wird nach %2 kopiert (eine Transaktion)</translation>
    </message>
    <message>
        <source>table</source>
        <extracomment>Column header of &apos;store copy&apos;: the table</extracomment>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>source</source>
        <extracomment>Column header of &apos;store copy&apos;: the rows in the source database</extracomment>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>copied</source>
        <extracomment>Column header of &apos;store copy&apos;: the rows copied</extracomment>
        <translation>Kopiert</translation>
    </message>
    <message numerus="yes">
        <source>Copied %1 row(s) in %2 s; every table&apos;s count verified. Start the nodes with --db %3; the SQLite file was not changed.</source>
        <extracomment>%1: how many rows, %2: seconds, %3: the target database</extracomment>
        <translation>
            <numerusform>%1 Zeile in %2 s kopiert; Zeilenzahl jeder Tabelle geprüft. Starten Sie die Knoten mit --db %3; die SQLite-Datei wurde nicht verändert.</numerusform>
            <numerusform>%1 Zeilen in %2 s kopiert; Zeilenzahl jeder Tabelle geprüft. Starten Sie die Knoten mit --db %3; die SQLite-Datei wurde nicht verändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>… (%1 more; --json lists all)</source>
        <extracomment>After the first 20 UIDs of a list: %1 more are not shown</extracomment>
        <translation>… (%1 weitere; --json listet alle auf)</translation>
    </message>
    <message>
        <source>mailbox or profile not found</source>
        <translation>Postfach oder Profil nicht gefunden</translation>
    </message>
    <message>
        <source>&apos;verify&apos; takes no arguments; name mailboxes with --mailbox</source>
        <translation>&apos;verify&apos; erwartet keine Argumente; Postfächer mit --mailbox angeben</translation>
    </message>
    <message numerus="yes">
        <source>Repairing: fetching %n missing message(s) of %1 again…</source>
        <extracomment>%1: how many mailboxes (&quot;2 mailboxes&quot;)</extracomment>
        <translation>
            <numerusform>Reparatur: %n fehlende Nachricht von %1 wird erneut abgerufen…</numerusform>
            <numerusform>Reparatur: %n fehlende Nachrichten von %1 werden erneut abgerufen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es)</source>
        <comment>Repairing: fetching … of %1</comment>
        <extracomment>Inserted in &quot;Repairing: fetching 3 missing messages of %1 again…&quot;</extracomment>
        <translation>
            <numerusform>%n Postfach</numerusform>
            <numerusform>%n Postfächern</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not checked: %2</source>
        <extracomment>%1: the mailbox address, %2: why it was not checked</extracomment>
        <translation>%1: nicht geprüft: %2</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>kein Ergebnis</translation>
    </message>
    <message>
        <source>nothing missing</source>
        <translation>nichts fehlt</translation>
    </message>
    <message>
        <source>%1 MISSING</source>
        <extracomment>%1 messages are missing from the store</extracomment>
        <translation>%1 FEHLEN</translation>
    </message>
    <message>
        <source>%1 (%2 repaired)</source>
        <extracomment>%1: &quot;nothing missing&quot; or &quot;3 MISSING&quot;, %2: how many messages were repaired</extracomment>
        <translation>%1 (%2 repariert)</translation>
    </message>
    <message>
        <source>%1: %2 (%3 s)</source>
        <extracomment>%1: the mailbox address, %2: what is missing, %3: seconds the audit took</extracomment>
        <translation>%1: %2 (%3 s)</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <extracomment>Column header of &apos;verify&apos;: the folder</extracomment>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>ON SERVER</source>
        <extracomment>Column header of &apos;verify&apos;: messages on the server (10 characters at most)</extracomment>
        <translation>AUF SERVER</translation>
    </message>
    <message>
        <source>ACCOUNTED</source>
        <extracomment>Column header of &apos;verify&apos;: messages the store accounts for (10 characters at most)</extracomment>
        <translation>ERFASST</translation>
    </message>
    <message>
        <source>MISSING</source>
        <extracomment>Column header of &apos;verify&apos;: messages missing from the store (8 characters at most)</extracomment>
        <translation>FEHLEND</translation>
    </message>
    <message>
        <source>renumbered by the server (UIDVALIDITY): the next sync fetches it again</source>
        <extracomment>Keep UIDVALIDITY: it is an IMAP term</extracomment>
        <translation>vom Server neu nummeriert (UIDVALIDITY): Die nächste Synchronisierung ruft ihn erneut ab</translation>
    </message>
    <message>
        <source>not checked: %1</source>
        <extracomment>%1: why the folder was not checked</extracomment>
        <translation>nicht geprüft: %1</translation>
    </message>
    <message>
        <source>(%1 passed before the ledger, without an activity)</source>
        <extracomment>%1 messages were stored before the ledger (the record of what was fetched) existed</extracomment>
        <translation>(%1 vor Einführung des Abrufverzeichnisses verarbeitet, ohne Aktivität)</translation>
    </message>
    <message>
        <source>missing UIDs: %1</source>
        <extracomment>%1: the IMAP UIDs of the missing messages</extracomment>
        <translation>fehlende UIDs: %1</translation>
    </message>
    <message>
        <source>missing UIDLs: %1</source>
        <extracomment>%1: the POP3 UIDLs of the missing messages</extracomment>
        <translation>fehlende UIDLs: %1</translation>
    </message>
    <message>
        <source>%1. Run &apos;syncdesk-node verify --repair%2&apos; to fetch the missing messages again.</source>
        <extracomment>%1: what a gap is (a sentence), %2: &quot; --mailbox ADDRESS&quot; or nothing</extracomment>
        <translation>%1. Führen Sie &apos;syncdesk-node verify --repair%2&apos; aus, um die fehlenden Nachrichten erneut abzurufen.</translation>
    </message>
    <message>
        <source>from: %1, date: %2</source>
        <extracomment>%1: who sent the message (its From header), %2: the message&apos;s date (its Date header)</extracomment>
        <translation>von: %1, Datum: %2</translation>
    </message>
    <message>
        <source>test-mailbox: log in and list the server&apos;s folders (to choose what to sync).</source>
        <translation>test-mailbox: anmelden und die Ordner des Servers auflisten (um zu wählen, was synchronisiert wird).</translation>
    </message>
    <message>
        <source>usage: syncdesk-node test-mailbox ADDRESS [--enable | --list-folders] [--json]</source>
        <translation>Aufruf: syncdesk-node test-mailbox ADRESSE [--enable | --list-folders] [--json]</translation>
    </message>
    <message>
        <source>--enable needs the whole test; it cannot go with --list-folders</source>
        <extracomment>Neither option name is translated</extracomment>
        <translation>--enable braucht den ganzen Test; es geht nicht zusammen mit --list-folders</translation>
    </message>
    <message>
        <source>Folders on the server:</source>
        <extracomment>Heading of test-mailbox --list-folders; the folders follow, one per line</extracomment>
        <translation>Ordner auf dem Server:</translation>
    </message>
    <message>
        <source>[holds no messages]</source>
        <extracomment>After a folder name: a step of the hierarchy that holds no messages</extracomment>
        <translation>[enthält keine Nachrichten]</translation>
    </message>
    <message numerus="yes">
        <source>The server lists more folders than these %n; name the others in the configuration.</source>
        <translation>
            <numerusform>Der Server listet mehr Ordner als diesen einen; tragen Sie die anderen in der Konfiguration ein.</numerusform>
            <numerusform>Der Server listet mehr Ordner als diese %n; tragen Sie die anderen in der Konfiguration ein.</numerusform>
        </translation>
    </message>
    <message>
        <source>test-mailbox ADDRESS [--enable | --list-folders] [--json]</source>
        <translation>test-mailbox ADRESSE [--enable | --list-folders] [--json]</translation>
    </message>
    <message>
        <source>after the login, list the server&apos;s folders instead of checking INBOX and SMTP</source>
        <translation>nach der Anmeldung die Ordner des Servers auflisten, statt INBOX und SMTP zu prüfen</translation>
    </message>
    <message>
        <source>email send: the mailbox the email leaves through.</source>
        <translation>email send: das Postfach, über das die E-Mail gesendet wird.</translation>
    </message>
    <message>
        <source>email send: Cc recipients, separated by commas (may be repeated).</source>
        <translation>email send: Cc-Empfänger, durch Kommas getrennt (mehrfach möglich).</translation>
    </message>
    <message>
        <source>ADDR</source>
        <comment>value name</comment>
        <translation>ADDR</translation>
    </message>
    <message>
        <source>email send: Bcc recipients, separated by commas (may be repeated).</source>
        <translation>email send: Bcc-Empfänger, durch Kommas getrennt (mehrfach möglich).</translation>
    </message>
    <message>
        <source>email send: the subject.</source>
        <translation>email send: der Betreff.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <comment>value name</comment>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>email send: the text of the email.</source>
        <translation>email send: der Text der E-Mail.</translation>
    </message>
    <message>
        <source>email send: read the text from FILE (- for standard input).</source>
        <translation>email send: den Text aus FILE lesen (- für die Standardeingabe).</translation>
    </message>
    <message>
        <source>email send: an HTML version of the text, from FILE.</source>
        <translation>email send: eine HTML-Version des Textes, aus FILE.</translation>
    </message>
    <message>
        <source>email send: attach FILE (may be repeated).</source>
        <translation>email send: FILE anhängen (mehrfach möglich).</translation>
    </message>
    <message>
        <source>email send: the activity this email answers (In-Reply-To, References, regarding).</source>
        <translation>email send: die Aktivität, auf die diese E-Mail antwortet (In-Reply-To, References, Bezug).</translation>
    </message>
    <message>
        <source>email send: save as a draft, do not send.</source>
        <translation>email send: als Entwurf speichern, nicht senden.</translation>
    </message>
    <message>
        <source>email list: only email in this status: draft, pending-send, sending, sent, failed, cancelled.</source>
        <extracomment>Keep the status names: they are the values --status takes</extracomment>
        <translation>email list: nur E-Mails in diesem Status: draft, pending-send, sending, sent, failed, cancelled.</translation>
    </message>
    <message>
        <source>STATUS</source>
        <comment>value name</comment>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>store copy: the empty database to copy into (postgresql://… or a new SQLite file). email send: the recipients, separated by commas (may be repeated).</source>
        <translation>store copy: die leere Datenbank, in die kopiert wird (postgresql://… oder eine neue SQLite-Datei). email send: die Empfänger, durch Kommas getrennt (mehrfach möglich).</translation>
    </message>
    <message>
        <source>usage: syncdesk-node email send --from ADDRESS --to ADDR[,ADDR...] [--cc ...] [--bcc ...] --subject TEXT (--body TEXT | --body-file FILE) [--html-file FILE] [--attach FILE]... [--regarding TYPE:ID] [--reply-to ACTIVITY] [--owner systemuser:ID] [--draft] [--json]
       syncdesk-node email list [--mailbox ADDRESS] [--status STATUS] [--json]
       syncdesk-node email show ID [--json]
       syncdesk-node email send-draft|cancel|retry ID</source>
        <translation>Aufruf: syncdesk-node email send --from ADDRESS --to ADDR[,ADDR...] [--cc ...] [--bcc ...] --subject TEXT (--body TEXT | --body-file FILE) [--html-file FILE] [--attach FILE]... [--regarding TYPE:ID] [--reply-to ACTIVITY] [--owner systemuser:ID] [--draft] [--json]
        syncdesk-node email list [--mailbox ADDRESS] [--status STATUS] [--json]
        syncdesk-node email show ID [--json]
        syncdesk-node email send-draft|cancel|retry ID</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an email id (a number, as email list shows)</source>
        <extracomment>%1: what was given as an email&apos;s id</extracomment>
        <translation>&apos;%1&apos; ist keine E-Mail-ID (eine Zahl, wie email list sie anzeigt)</translation>
    </message>
    <message>
        <source>&apos;email send&apos; needs --from, the mailbox the email leaves through</source>
        <translation>&apos;email send&apos; benötigt --from, das Postfach, über das die E-Mail gesendet wird</translation>
    </message>
    <message>
        <source>&apos;email send&apos; needs --subject</source>
        <translation>&apos;email send&apos; benötigt --subject</translation>
    </message>
    <message>
        <source>&apos;email send&apos; needs either --body TEXT or --body-file FILE</source>
        <translation>&apos;email send&apos; benötigt entweder --body TEXT oder --body-file FILE</translation>
    </message>
    <message>
        <source>cannot attach %1: no such file</source>
        <extracomment>%1: a file name</extracomment>
        <translation>%1 kann nicht angehängt werden: Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>the attachments come to more than 50 MiB; most servers refuse far less</source>
        <translation>die Anhänge sind zusammen größer als 50 MiB; die meisten Server lehnen schon weit weniger ab</translation>
    </message>
    <message>
        <source>--reply-to takes the id of the activity answered, a number</source>
        <translation>--reply-to erwartet die ID der beantworteten Aktivität, eine Zahl</translation>
    </message>
    <message>
        <source>Draft %1 saved; send it with: syncdesk-node email send-draft %1</source>
        <extracomment>%1: the email&apos;s id</extracomment>
        <translation>Entwurf %1 gespeichert; senden Sie ihn mit: syncdesk-node email send-draft %1</translation>
    </message>
    <message>
        <source>Email %1 is Pending Send through %2; follow it with: syncdesk-node email show %1</source>
        <extracomment>%1: the email&apos;s id, %2: the mailbox it leaves through</extracomment>
        <translation>E-Mail %1 hat den Status „Senden ausstehend“ (über %2); verfolgen Sie sie mit: syncdesk-node email show %1</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;; expected draft, pending-send, sending, sent, failed or cancelled</source>
        <extracomment>%1: what was given; keep the status names, they are the values --status takes</extracomment>
        <translation>unbekannter Status &apos;%1&apos;; erwartet: draft, pending-send, sending, sent, failed oder cancelled</translation>
    </message>
    <message>
        <source>No outgoing email.</source>
        <translation>Keine ausgehenden E-Mails.</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>FROM</source>
        <translation>VON</translation>
    </message>
    <message>
        <source>TO</source>
        <translation>AN</translation>
    </message>
    <message>
        <source>TRIES</source>
        <translation>VERSUCHE</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <translation>BETREFF</translation>
    </message>
    <message>
        <source>there is no outgoing email %1 (email list shows them)</source>
        <extracomment>%1: an email&apos;s id</extracomment>
        <translation>es gibt keine ausgehende E-Mail %1 (email list zeigt sie an)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Message-ID</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <source>In-Reply-To</source>
        <translation>In-Reply-To</translation>
    </message>
    <message>
        <source>Regarding</source>
        <translation>Bezug</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Letzter Vers.</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächst. Vers.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <extracomment>How often a stopped run left the email unfinished and it was sent again</extracomment>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Server reply</source>
        <translation>Serverantwort</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzt. Fehler</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Sent copy</source>
        <translation>Kopie in Sent</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Anhang</translation>
    </message>
    <message>
        <source>email send --from ADDRESS --to ADDR[,ADDR...] [--cc ...] [--bcc ...] --subject TEXT (--body TEXT | --body-file FILE) [--html-file FILE] [--attach FILE]... [--regarding TYPE:ID] [--reply-to ACTIVITY] [--owner systemuser:ID] [--draft] [--json]</source>
        <translation>email send --from ADDRESS --to ADDR[,ADDR...] [--cc ...] [--bcc ...] --subject TEXT (--body TEXT | --body-file FILE) [--html-file FILE] [--attach FILE]... [--regarding TYPE:ID] [--reply-to ACTIVITY] [--owner systemuser:ID] [--draft] [--json]</translation>
    </message>
    <message>
        <source>Create an outgoing email activity and print its id. It is Pending Send and its mailbox sends it at once (or at its next sync), through the profile&apos;s SMTP server, with a copy in Sent; with --draft it waits as a Draft. The owner (the mailbox&apos;s own, or --owner) must be allowed to send from the mailbox: their own, or a queue they are a member of.</source>
        <translation>Erstellt eine ausgehende E-Mail-Aktivität und gibt ihre ID aus. Sie erhält den Status „Senden ausstehend“, und ihr Postfach sendet sie sofort (oder bei seiner nächsten Synchronisierung) über den SMTP-Server des Profils, mit einer Kopie im Gesendet-Ordner; mit --draft wartet sie als Entwurf. Der Besitzer (der des Postfachs oder --owner) muss über das Postfach senden dürfen: sein eigenes oder das einer Warteschlange, deren Mitglied er ist.</translation>
    </message>
    <message>
        <source>--from ADDRESS</source>
        <translation>--from ADDRESS</translation>
    </message>
    <message>
        <source>the mailbox the email leaves through</source>
        <translation>das Postfach, über das die E-Mail gesendet wird</translation>
    </message>
    <message>
        <source>--to, --cc, --bcc ADDR</source>
        <translation>--to, --cc, --bcc ADDR</translation>
    </message>
    <message>
        <source>recipients, separated by commas, &quot;Name &lt;addr&gt;&quot; allowed</source>
        <translation>Empfänger, durch Kommas getrennt, &quot;Name &lt;addr&gt;&quot; erlaubt</translation>
    </message>
    <message>
        <source>--attach FILE</source>
        <translation>--attach FILE</translation>
    </message>
    <message>
        <source>attach a file (may be repeated; its type from its name and bytes)</source>
        <translation>eine Datei anhängen (mehrfach möglich; ihr Typ ergibt sich aus Name und Inhalt)</translation>
    </message>
    <message>
        <source>--reply-to ACTIVITY</source>
        <translation>--reply-to ACTIVITY</translation>
    </message>
    <message>
        <source>answer a tracked email: In-Reply-To, References and its regarding</source>
        <translation>auf eine nachverfolgte E-Mail antworten: In-Reply-To, References und ihr Bezug</translation>
    </message>
    <message>
        <source>save as a draft; email send-draft ID sends it</source>
        <translation>als Entwurf speichern; email send-draft ID sendet ihn</translation>
    </message>
    <message>
        <source>email list [--mailbox ADDRESS] [--status STATUS] [--json]</source>
        <translation>email list [--mailbox ADDRESS] [--status STATUS] [--json]</translation>
    </message>
    <message>
        <source>Outgoing email, newest first, with its status: draft, pending-send, sending, sent, failed, cancelled.</source>
        <translation>Ausgehende E-Mails, neueste zuerst, mit ihrem Status: draft, pending-send, sending, sent, failed, cancelled.</translation>
    </message>
    <message>
        <source>--status STATUS</source>
        <translation>--status STATUS</translation>
    </message>
    <message>
        <source>only email in this status</source>
        <translation>nur E-Mails in diesem Status</translation>
    </message>
    <message>
        <source>email show ID [--json]</source>
        <translation>email show ID [--json]</translation>
    </message>
    <message>
        <source>One outgoing email: its status, attempts, the server&apos;s reply, refused recipients, the last error with its hint, and its copy in Sent.</source>
        <translation>Eine ausgehende E-Mail: ihr Status, die Versuche, die Antwort des Servers, abgelehnte Empfänger, der letzte Fehler mit seinem Hinweis und ihre Kopie im Gesendet-Ordner.</translation>
    </message>
    <message>
        <source>email send-draft ID | email cancel ID | email retry ID</source>
        <translation>email send-draft ID | email cancel ID | email retry ID</translation>
    </message>
    <message>
        <source>Send a draft; cancel a draft, pending or failed email; send a failed or cancelled email again (its attempts start again). An email being sent cannot be cancelled.</source>
        <translation>Sendet einen Entwurf; bricht einen Entwurf oder eine ausstehende oder fehlgeschlagene E-Mail ab; sendet eine fehlgeschlagene oder abgebrochene E-Mail erneut (ihre Versuche beginnen von vorn). Eine E-Mail, die gerade gesendet wird, kann nicht abgebrochen werden.</translation>
    </message>
    <message>
        <source>OUTGOING</source>
        <extracomment>Column header of &apos;status&apos;: the outgoing direction&apos;s state and how many emails wait</extracomment>
        <translation>AUSGEHEND</translation>
    </message>
    <message>
        <source>track: the UID of an appointment to track; its mailboxes sync their calendars at once.</source>
        <translation>track: die UID eines nachzuverfolgenden Termins; seine Postfächer synchronisieren ihre Kalender sofort.</translation>
    </message>
    <message>
        <source>UID</source>
        <comment>value name</comment>
        <extracomment>Value name of --appointment in the help (an iCalendar UID)</extracomment>
        <translation>UID</translation>
    </message>
    <message>
        <source>usage: syncdesk-node track --appointment UID [--regarding TYPE:ID]</source>
        <translation>Aufruf: syncdesk-node track --appointment UID [--regarding TYPE:ID]</translation>
    </message>
    <message>
        <source>No appointments.</source>
        <translation>Keine Termine.</translation>
    </message>
    <message>
        <source>No tasks.</source>
        <translation>Keine Aufgaben.</translation>
    </message>
    <message>
        <source>no %1 with id %2</source>
        <translation>kein Datensatz vom Typ %1 mit der ID %2</translation>
    </message>
    <message>
        <source>%1 %2 changed; its mailboxes sync it next</source>
        <extracomment>%1: &quot;appointment&quot; or &quot;task&quot;, %2: its id</extracomment>
        <translation>%1 %2 geändert; die zugehörigen Postfächer synchronisieren die Änderung als Nächstes</translation>
    </message>
    <message>
        <source>%1 %2 deleted; its mailboxes delete it from their calendars next</source>
        <translation>%1 %2 gelöscht; die zugehörigen Postfächer löschen den Eintrag als Nächstes aus ihren Kalendern</translation>
    </message>
    <message>
        <source>--appointment needs the appointment&apos;s UID (appointments show ID lists it)</source>
        <translation>--appointment benötigt die UID des Termins (appointments show ID zeigt sie an)</translation>
    </message>
    <message>
        <source>Appointment %1 tracked; syncing it now in %2 (the schedule completes it if that fails).</source>
        <extracomment>%1: the appointment&apos;s UID, %2: mailbox addresses</extracomment>
        <translation>Termin %1 wird nachverfolgt und jetzt in %2 synchronisiert (schlägt das fehl, schließt der Zeitplan die Nachverfolgung ab).</translation>
    </message>
    <message>
        <source>appointments list [--owner ID] [--json] | appointments show ID [--json]</source>
        <translation>appointments list [--owner ID] [--json] | appointments show ID [--json]</translation>
    </message>
    <message>
        <source>The CRM&apos;s appointments (soonest first), or one with every field and the calendars it is in.</source>
        <translation>Die Termine des CRM (die nächsten zuerst) oder ein einzelner Termin mit allen Feldern und den Kalendern, in denen er enthalten ist.</translation>
    </message>
    <message>
        <source>appointments add FIELD=VALUE... | appointments set ID FIELD=VALUE... | appointments delete ID</source>
        <translation>appointments add FIELD=VALUE... | appointments set ID FIELD=VALUE... | appointments delete ID</translation>
    </message>
    <message>
        <source>Create (owner=, subject=, start= and end= at least), change or delete an appointment; the calendars of the mailboxes that hold it sync at once. Fields: subject, start, end, all_day, time_zone, location, organizer, attendees, description, recurrence, regarding, owner. Times: 2026-03-10T09:00 in time_zone, or with Z or an offset, or a date.</source>
        <translation>Einen Termin anlegen (mindestens owner=, subject=, start= und end=), ändern oder löschen; die Kalender der Postfächer, die ihn enthalten, werden sofort synchronisiert. Felder: subject, start, end, all_day, time_zone, location, organizer, attendees, description, recurrence, regarding, owner. Zeiten: 2026-03-10T09:00 in time_zone oder mit Z bzw. einem Offset, oder ein Datum.</translation>
    </message>
    <message>
        <source>tasks list|show|add|set|delete (as appointments)</source>
        <translation>tasks list|show|add|set|delete (wie appointments)</translation>
    </message>
    <message>
        <source>The CRM&apos;s tasks. Fields: subject, start, due, all_day, time_zone, status (not-started, in-progress, completed, cancelled), percent_complete, priority (0-9), description, regarding, owner.</source>
        <translation>Die Aufgaben des CRM. Felder: subject, start, due, all_day, time_zone, status (not-started, in-progress, completed, cancelled), percent_complete, priority (0-9), description, regarding, owner.</translation>
    </message>
    <message>
        <source>track --appointment UID [--regarding TYPE:ID]</source>
        <translation>track --appointment UID [--regarding TYPE:ID]</translation>
    </message>
    <message>
        <source>Track an appointment (and set what it is regarding): the mailboxes that hold it or whose owner owns it sync their calendars at once; if that fails, the schedule completes it.</source>
        <translation>Einen Termin nachverfolgen (und seinen Bezug festlegen): Die Postfächer, die ihn enthalten oder deren Besitzer auch Besitzer des Termins ist, synchronisieren ihre Kalender sofort; schlägt das fehl, schließt der Zeitplan die Nachverfolgung ab.</translation>
    </message>
    <message>
        <source>usage: syncdesk-node %1 list [--owner ID] [--json]
       syncdesk-node %1 show ID [--json]
       syncdesk-node %1 add FIELD=VALUE... (owner= and subject=; start= and end= for appointments)
       syncdesk-node %1 set ID FIELD=VALUE...
       syncdesk-node %1 delete ID
fields: %2</source>
        <translation>Aufruf: syncdesk-node %1 list [--owner ID] [--json]
       syncdesk-node %1 show ID [--json]
       syncdesk-node %1 add FELD=WERT... (owner= und subject=; start= und end= bei Terminen)
       syncdesk-node %1 set ID FELD=WERT...
       syncdesk-node %1 delete ID
Felder: %2</translation>
    </message>
    <message>
        <source>Appointment %1 tracked; no mailbox holds it or syncs its owner&apos;s appointments, so it stays in the CRM.</source>
        <translation>Termin %1 wird nachverfolgt; kein Postfach enthält ihn oder synchronisiert die Termine seines Besitzers, daher bleibt er im CRM.</translation>
    </message>
    <message>
        <source>usage: syncdesk-node conflicts [--mailbox ADDRESS] [--json]</source>
        <translation>Aufruf: syncdesk-node conflicts [--mailbox ADDRESS] [--json]</translation>
    </message>
    <message>
        <source>No conflicts recorded.</source>
        <translation>Keine Konflikte erfasst.</translation>
    </message>
    <message>
        <source>%1  %2  %3 %4 &quot;%5&quot;  %6: CRM &quot;%7&quot;, server &quot;%8&quot;, kept: %9</source>
        <extracomment>one conflict: when, mailbox, kind and record, field, the CRM&apos;s value, the server&apos;s, which was kept</extracomment>
        <translation>%1  %2  %3 %4 „%5“  %6: CRM „%7“, Server „%8“, behalten: %9</translation>
    </message>
    <message>
        <source>conflicts [--mailbox ADDRESS] [--json]</source>
        <translation>conflicts [--mailbox ADDRESS] [--json]</translation>
    </message>
    <message>
        <source>Fields of appointments, contacts and tasks that both the CRM and a calendar or address book changed, newest first: both values and which one the mailbox&apos;s conflict rule kept.</source>
        <translation>Felder von Terminen, Kontakten und Aufgaben, die sowohl das CRM als auch ein Kalender oder Adressbuch geändert hat, die neuesten zuerst: beide Werte und welchen die Konfliktregel des Postfachs behalten hat.</translation>
    </message>
    <message>
        <source>oauth login ADDRESS</source>
        <translation>oauth login ADRESSE</translation>
    </message>
    <message>
        <source>Sign a mailbox of an OAuth 2.0 profile in (the device authorization grant): prints a URL and a code to enter there on any device, waits for the approval, keeps the refresh token on this node and enables the mailbox again if a refused sign-in had disabled it.</source>
        <translation>Ein Postfach eines OAuth-2.0-Profils anmelden (Geräteautorisierung): gibt eine URL und einen Code aus, der dort auf einem beliebigen Gerät einzugeben ist, wartet auf die Bestätigung, behält das Erneuerungstoken auf diesem Knoten und aktiviert das Postfach wieder, falls eine abgelehnte Anmeldung es deaktiviert hatte.</translation>
    </message>
    <message>
        <source>oauth status [ADDRESS] [--json]</source>
        <translation>oauth status [ADRESSE] [--json]</translation>
    </message>
    <message>
        <source>Each OAuth mailbox&apos;s sign-in: signed-in or needs-sign-in, when it signed in, the last refresh and when the access token expires.</source>
        <translation>Die Anmeldung jedes OAuth-Postfachs: signed-in oder needs-sign-in, wann es sich angemeldet hat, die letzte Erneuerung und wann das Zugriffstoken abläuft.</translation>
    </message>
    <message>
        <source>oauth logout ADDRESS</source>
        <translation>oauth logout ADRESSE</translation>
    </message>
    <message>
        <source>Forget a mailbox&apos;s tokens on this node.</source>
        <translation>Die Tokens eines Postfachs auf diesem Knoten vergessen.</translation>
    </message>
    <message>
        <source>usage: syncdesk-node oauth login ADDRESS
       syncdesk-node oauth status [ADDRESS] [--json]
       syncdesk-node oauth logout ADDRESS</source>
        <translation>Aufruf: syncdesk-node oauth login ADRESSE
       syncdesk-node oauth status [ADRESSE] [--json]
       syncdesk-node oauth logout ADRESSE</translation>
    </message>
    <message>
        <source>%1 signs in with a password: its profile %2 has no &quot;auth&quot;: {&quot;method&quot;: &quot;oauth2&quot;}</source>
        <extracomment>%1: a mailbox address, %2: a server profile&apos;s name; keep &quot;auth&quot; and &quot;oauth2&quot;</extracomment>
        <translation>%1 meldet sich mit einem Passwort an: sein Profil %2 hat kein &quot;auth&quot;: {&quot;method&quot;: &quot;oauth2&quot;}</translation>
    </message>
    <message>
        <source>To sign in %1:</source>
        <extracomment>%1: a mailbox address</extracomment>
        <translation>So melden Sie %1 an:</translation>
    </message>
    <message>
        <source>1. Open %1 in a browser (on any device).</source>
        <extracomment>%1: a URL</extracomment>
        <translation>1. Öffnen Sie %1 in einem Browser (auf einem beliebigen Gerät).</translation>
    </message>
    <message>
        <source>2. Enter the code %1 and sign in as the mailbox&apos;s user.</source>
        <extracomment>%1: a short code the user types in the browser</extracomment>
        <translation>2. Geben Sie den Code %1 ein und melden Sie sich als Benutzer des Postfachs an.</translation>
    </message>
    <message>
        <source>(or open %1, which carries the code)</source>
        <translation>(oder öffnen Sie %1, das den Code enthält)</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the approval (the code expires in %n minute(s))...</source>
        <extracomment>%1: minutes</extracomment>
        <translation>
            <numerusform>Warte auf die Bestätigung (der Code läuft in %n Minute ab)...</numerusform>
            <numerusform>Warte auf die Bestätigung (der Code läuft in %n Minuten ab)...</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is signed in; the refresh token is kept in %2.</source>
        <extracomment>%1: a mailbox address, %2: a file or folder</extracomment>
        <translation>%1 ist angemeldet; das Erneuerungstoken liegt in %2.</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>%1 had been disabled by its failures; it is enabled again and due now.</source>
        <translation>%1 war wegen seiner Fehler deaktiviert; es ist wieder aktiviert und jetzt fällig.</translation>
    </message>
    <message>
        <source>%1 is signed out: its tokens are forgotten on this node; it needs &apos;oauth login&apos; to sync again.</source>
        <translation>%1 ist abgemeldet: seine Tokens sind auf diesem Knoten vergessen; zum Synchronisieren braucht es wieder &apos;oauth login&apos;.</translation>
    </message>
    <message>
        <source>No mailbox signs in with OAuth 2.0.</source>
        <translation>Kein Postfach meldet sich mit OAuth 2.0 an.</translation>
    </message>
    <message>
        <source>signed in %1, last refresh %2, access token until %3</source>
        <extracomment>%1, %2: times (ISO 8601, UTC)</extracomment>
        <translation>angemeldet %1, letzte Erneuerung %2, Zugriffstoken bis %3</translation>
    </message>
    <message>
        <source>run: serve /metrics, /healthz and /readyz on this address (127.0.0.1:9464); default: the configuration&apos;s metrics.listen, or none.</source>
        <extracomment>Keep /metrics, /healthz, /readyz and the example address as they are</extracomment>
        <translation>run: /metrics, /healthz und /readyz unter dieser Adresse anbieten (127.0.0.1:9464); Standard: metrics.listen aus der Konfiguration, sonst keine.</translation>
    </message>
    <message>
        <source>ADDRESS:PORT</source>
        <comment>value name</comment>
        <extracomment>Value name of --http in the help</extracomment>
        <translation>ADRESSE:PORT</translation>
    </message>
    <message>
        <source>SyncDesk headless node: syncs mailboxes with the CRM store on their schedule</source>
        <translation>SyncDesk-Knoten ohne Oberfläche: synchronisiert Postfächer nach ihrem Zeitplan mit dem CRM-Speicher</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>Exit status</source>
        <translation>Rückgabewert</translation>
    </message>
    <message>
        <source>success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>bad usage or configuration</source>
        <translation>falscher Aufruf oder fehlerhafte Konfiguration</translation>
    </message>
    <message>
        <source>the database could not be used</source>
        <translation>die Datenbank war nicht nutzbar</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>the database when --db is not given</source>
        <translation>die Datenbank, wenn --db fehlt</translation>
    </message>
    <message>
        <source>where OAuth tokens are kept (default: beside the database)</source>
        <translation>wo OAuth-Tokens liegen (Standard: neben der Datenbank)</translation>
    </message>
    <message>
        <source>the language of messages (en, de; default: the system&apos;s)</source>
        <translation>die Sprache der Meldungen (en, de; Standard: die des Systems)</translation>
    </message>
    <message>
        <source>set by systemd: run reports readiness and pings the watchdog</source>
        <translation>von systemd gesetzt: run meldet Bereitschaft und bedient den Watchdog</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>Siehe auch</translation>
    </message>
    <message>
        <source>hint:</source>
        <translation>Hinweis:</translation>
    </message>
    <message numerus="yes">
        <source>%n sync(s) running</source>
        <extracomment>The one-line status systemctl status shows: workers running a sync</extracomment>
        <translation>
            <numerusform>%n Synchronisierung läuft</numerusform>
            <numerusform>%n Synchronisierungen laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, outgoing email</source>
        <extracomment>%1 is the mailbox address</extracomment>
        <translation>%1, ausgehende E-Mail</translation>
    </message>
    <message>
        <source>%1, appointments, contacts and tasks</source>
        <extracomment>%1 is the mailbox address</extracomment>
        <translation>%1, Termine, Kontakte und Aufgaben</translation>
    </message>
    <message>
        <source>Sync every enabled mailbox (or the ones named) now in this process, then exit. On a terminal it shows its progress. Exit code 1 when a mailbox, or its outgoing or appointments, contacts and tasks direction, failed.</source>
        <translation>Alle aktivierten Postfächer (oder die angegebenen) jetzt in diesem Prozess synchronisieren, dann beenden. In einem Terminal wird der Fortschritt angezeigt. Exit-Code 1, wenn bei einem Postfach oder bei seiner Richtung für ausgehende E-Mail oder für Termine, Kontakte und Aufgaben ein Fehler aufgetreten ist.</translation>
    </message>
    <message>
        <source>a mailbox, or one of its directions, failed to sync</source>
        <translation>ein Postfach oder eine seiner Richtungen ließ sich nicht synchronisieren</translation>
    </message>
</context>
<context>
    <name>SyncDesk::OAuthDeviceLogin</name>
    <message>
        <source>the sign-in code expired before it was approved</source>
        <translation>der Anmeldecode ist abgelaufen, bevor er bestätigt wurde</translation>
    </message>
</context>
<context>
    <name>SyncDesk::OAuthHttp</name>
    <message>
        <source>ca_file %1 holds no PEM certificate</source>
        <translation>ca_file %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>the identity provider no longer accepts this mailbox&apos;s sign-in (revoked, expired or replaced); sign in again</source>
        <translation>der Identitätsanbieter akzeptiert die Anmeldung dieses Postfachs nicht mehr (widerrufen, abgelaufen oder ersetzt); neu anmelden</translation>
    </message>
    <message>
        <source>waiting for the user to approve the sign-in</source>
        <translation>wartet darauf, dass der Benutzer die Anmeldung bestätigt</translation>
    </message>
    <message>
        <source>the sign-in was declined</source>
        <translation>die Anmeldung wurde abgelehnt</translation>
    </message>
    <message>
        <source>the sign-in code expired before it was approved</source>
        <translation>der Anmeldecode ist abgelaufen, bevor er bestätigt wurde</translation>
    </message>
    <message>
        <source>the identity provider refused the client settings of the profile (%1)</source>
        <translation>der Identitätsanbieter hat die Client-Einstellungen des Profils abgelehnt (%1)</translation>
    </message>
    <message>
        <source>the identity provider asks to slow down</source>
        <translation>der Identitätsanbieter bittet, langsamer zu werden</translation>
    </message>
    <message>
        <source>the token endpoint answered HTTP %1 (%2)</source>
        <extracomment>%1 is an HTTP status code, %2 a URL</extracomment>
        <translation>der Token-Endpunkt antwortete mit HTTP %1 (%2)</translation>
    </message>
    <message>
        <source>the profile&apos;s OAuth settings name no endpoint for this step</source>
        <translation>die OAuth-Einstellungen des Profils nennen für diesen Schritt keinen Endpunkt</translation>
    </message>
    <message>
        <source>the OAuth endpoint %1 is not https: tokens would cross the network unencrypted</source>
        <translation>der OAuth-Endpunkt %1 ist kein https: Tokens gingen unverschlüsselt über das Netz</translation>
    </message>
    <message>
        <source>the answer of %1 is larger than 1 MiB</source>
        <translation>die Antwort von %1 ist größer als 1 MiB</translation>
    </message>
    <message>
        <source>the request was cancelled</source>
        <translation>die Anfrage wurde abgebrochen</translation>
    </message>
    <message>
        <source>the identity provider %1 did not answer in time</source>
        <translation>der Identitätsanbieter %1 hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the TLS handshake with the identity provider %1 failed</source>
        <translation>der TLS-Handshake mit dem Identitätsanbieter %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the identity provider %1 could not be reached</source>
        <translation>der Identitätsanbieter %1 war nicht erreichbar</translation>
    </message>
    <message>
        <source>the identity provider %1 answered something that is not JSON</source>
        <translation>der Identitätsanbieter %1 hat etwas geantwortet, das kein JSON ist</translation>
    </message>
    <message>
        <source>the identity provider&apos;s answer holds no usable access token</source>
        <translation>die Antwort des Identitätsanbieters enthält kein brauchbares Zugriffstoken</translation>
    </message>
    <message>
        <source>the device authorization answer lacks the code or the verification URL</source>
        <translation>der Antwort zur Geräteautorisierung fehlen der Code oder die Bestätigungs-URL</translation>
    </message>
</context>
<context>
    <name>SyncDesk::OAuthSignIn</name>
    <message>
        <source>the identity provider issued no refresh token: add the scope that allows offline access (offline_access for Microsoft and most providers) to the profile&apos;s scopes</source>
        <translation>der Identitätsanbieter hat kein Erneuerungstoken ausgestellt: fügen Sie den Scope für Offline-Zugriff (offline_access bei Microsoft und den meisten Anbietern) zu den Scopes des Profils hinzu</translation>
    </message>
</context>
<context>
    <name>SyncDesk::OAuthTokenBroker</name>
    <message>
        <source>%1 needs to sign in again: %2</source>
        <translation>%1 muss sich neu anmelden: %2</translation>
    </message>
    <message>
        <source>it has not signed in on this node yet</source>
        <translation>es hat sich auf diesem Knoten noch nicht angemeldet</translation>
    </message>
</context>
<context>
    <name>SyncDesk::OAuthTokenStore</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot flush %1 to disk</source>
        <translation>%1 kann nicht auf die Platte geschrieben werden</translation>
    </message>
    <message>
        <source>cannot replace %1: %2</source>
        <translation>%1 kann nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged: %2; sign in again</source>
        <translation>%1 ist beschädigt: %2; neu anmelden</translation>
    </message>
    <message>
        <source>cannot remove %1: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>SyncDesk::OutboxPane</name>
    <message>
        <source>Sho&amp;w:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <source>Outgoing emails to show</source>
        <translation>Anzuzeigende ausgehende E-Mails</translation>
    </message>
    <message>
        <source>Waiting (Pending Send and Sending)</source>
        <translation>Wartend (Senden ausstehend und Wird gesendet)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Recently sent</source>
        <translation>Kürzlich gesendet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Compos&amp;e…</source>
        <translation>Verfass&amp;en…</translation>
    </message>
    <message>
        <source>Write an email that leaves through a mailbox</source>
        <translation>Eine E-Mail schreiben, die über ein Postfach hinausgeht</translation>
    </message>
    <message>
        <source>Send &amp;draft</source>
        <translation>Entwurf &amp;senden</translation>
    </message>
    <message>
        <source>Send the selected drafts</source>
        <translation>Die ausgewählten Entwürfe senden</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Send the selected failed or cancelled emails again, from a fresh set of attempts</source>
        <translation>Die ausgewählten fehlgeschlagenen oder abgebrochenen E-Mails noch einmal senden, mit neuen Versuchen</translation>
    </message>
    <message>
        <source>Ca&amp;ncel email</source>
        <translation>E-Mail abbre&amp;chen</translation>
    </message>
    <message>
        <source>Stop the selected drafts, pending or failed emails from being sent; an email being sent cannot be stopped</source>
        <translation>Die ausgewählten Entwürfe, wartenden oder fehlgeschlagenen E-Mails nicht senden; eine E-Mail, die gerade gesendet wird, lässt sich nicht mehr anhalten</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show the email, its recipients and what happened to it</source>
        <translation>Die E-Mail, ihre Empfänger und was mit ihr geschah anzeigen</translation>
    </message>
    <message>
        <source>Outgoing emails</source>
        <translation>Ausgehende E-Mails</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>column: the outgoing email&apos;s status (Pending Send, Sent, ...)</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>From</source>
        <extracomment>column: the mailbox the email leaves through</extracomment>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Attempts</source>
        <extracomment>column: how many times sending was tried</extracomment>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Sent / next attempt</source>
        <extracomment>column: when it was sent, or when it is tried next</extracomment>
        <translation>Gesendet / nächster Versuch</translation>
    </message>
    <message>
        <source>Outcome</source>
        <extracomment>column: the server&apos;s reply, or the last error</extracomment>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>next sync</source>
        <extracomment>the next attempt: at the next sync</extracomment>
        <translation>nächste Synchronisierung</translation>
    </message>
    <message>
        <source>%1

hint: %2</source>
        <extracomment>tooltip of the Outcome column: %1 the error, %2 the troubleshooting hint</extracomment>
        <translation>%1

Hinweis: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) refused</source>
        <extracomment>%n: recipients the server refused while it accepted the others</extracomment>
        <translation>
            <numerusform>%n Empfänger abgelehnt</numerusform>
            <numerusform>%n Empfänger abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waits to be sent.</source>
        <translation>Nichts wartet auf das Senden.</translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) wait to be sent.</source>
        <translation>
            <numerusform>%n E-Mail wartet auf das Senden.</numerusform>
            <numerusform>%n E-Mails warten auf das Senden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No email failed.</source>
        <translation>Keine E-Mail ist fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) failed; Retry sends them again.</source>
        <translation>
            <numerusform>%n E-Mail ist fehlgeschlagen; „Erneut versuchen“ sendet sie noch einmal.</numerusform>
            <numerusform>%n E-Mails sind fehlgeschlagen; „Erneut versuchen“ sendet sie noch einmal.</numerusform>
        </translation>
    </message>
    <message>
        <source>No drafts.</source>
        <translation>Keine Entwürfe.</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s).</source>
        <translation>
            <numerusform>%n Entwurf.</numerusform>
            <numerusform>%n Entwürfe.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>Noch nichts gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>The latest %n email(s) sent.</source>
        <translation>
            <numerusform>Die zuletzt gesendete E-Mail.</numerusform>
            <numerusform>Die letzten %n gesendeten E-Mails.</numerusform>
        </translation>
    </message>
    <message>
        <source>No email was cancelled.</source>
        <translation>Keine E-Mail wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled email(s).</source>
        <translation>
            <numerusform>%n abgebrochene E-Mail.</numerusform>
            <numerusform>%n abgebrochene E-Mails.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The latest %n outgoing email(s).</source>
        <translation>
            <numerusform>Die letzte ausgehende E-Mail.</numerusform>
            <numerusform>Die letzten %n ausgehenden E-Mails.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::OutboxRun</name>
    <message>
        <source>the outgoing run was cancelled</source>
        <translation>der ausgehende Lauf wurde abgebrochen</translation>
    </message>
    <message>
        <source>found in %1 after an interrupted send</source>
        <translation>nach einem unterbrochenen Sendevorgang in %1 gefunden</translation>
    </message>
    <message>
        <source>the copy of email %1 could not be added to %2: %3</source>
        <translation>die Kopie von E-Mail %1 konnte nicht zu %2 hinzugefügt werden: %3</translation>
    </message>
    <message>
        <source>the Sent folder could not be reached: %1</source>
        <translation>der Gesendet-Ordner war nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>the outgoing run ended</source>
        <translation>der ausgehende Lauf wurde beendet</translation>
    </message>
    <message>
        <source>email %1 was being sent when its run stopped; %2 could not be searched for it (%3), so it waits for the next run</source>
        <translation>E-Mail %1 wurde gerade gesendet, als ihr Lauf anhielt; %2 konnte nicht nach ihr durchsucht werden (%3), daher wartet sie auf den nächsten Lauf</translation>
    </message>
    <message>
        <source>the copy of email %1 could not be added to %2 (%3); the next run adds it</source>
        <translation>die Kopie der E-Mail %1 konnte nicht in %2 abgelegt werden (%3); der nächste Lauf legt sie ab</translation>
    </message>
</context>
<context>
    <name>SyncDesk::OutgoingEmailDialog</name>
    <message>
        <source>Email %1 — %2</source>
        <extracomment>Window title: %1 the email&apos;s id, %2 its subject</extracomment>
        <translation>E-Mail %1 — %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Owner</source>
        <extracomment>who sends: the CRM user or queue that owns the email</extracomment>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Regarding</source>
        <translation>Bezug</translation>
    </message>
    <message>
        <source>Message-ID</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Server reply</source>
        <translation>Antwort des Servers</translation>
    </message>
    <message>
        <source>Refused recipients</source>
        <translation>Abgelehnte Empfänger</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Copy in Sent</source>
        <translation>Kopie in „Gesendet“</translation>
    </message>
    <message>
        <source>Interrupted sends</source>
        <extracomment>how many times a send was interrupted by a stopped engine and sent again</extracomment>
        <translation>Unterbrochene Sendungen</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
</context>
<context>
    <name>SyncDesk::OutgoingStatus</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Pending Send</source>
        <translation>Senden ausstehend</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>SyncDesk::OverviewPane</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nie synchronisiert</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Syncs a minute (5 min)</source>
        <translation>Synchronisierungen pro Minute (5 min)</translation>
    </message>
    <message>
        <source>Failed runs (1 h)</source>
        <translation>Fehlgeschlagene Läufe (1 h)</translation>
    </message>
    <message>
        <source>Show these mailboxes</source>
        <translation>Diese Postfächer anzeigen</translation>
    </message>
    <message>
        <source>Opens the mailbox table filtered to these mailboxes</source>
        <translation>Öffnet die Postfachtabelle, gefiltert auf diese Postfächer</translation>
    </message>
    <message>
        <source>Failed runs by error class, last hour</source>
        <translation>Fehlgeschlagene Läufe nach Fehlerklasse, letzte Stunde</translation>
    </message>
    <message>
        <source>Failures by error class</source>
        <translation>Fehlschläge nach Fehlerklasse</translation>
    </message>
    <message>
        <source>Worker pool</source>
        <translation>Worker-Pool</translation>
    </message>
    <message>
        <source>No engine runs on this database: start &apos;syncdesk-node run&apos;, or open the console without --monitor-only.</source>
        <translation>Für diese Datenbank läuft keine Engine: Starten Sie &apos;syncdesk-node run&apos;, oder öffnen Sie die Konsole ohne --monitor-only.</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>State</source>
        <extracomment>column: the engine&apos;s state (alive, stopped, dead)</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Workers busy</source>
        <translation>Belegte Worker</translation>
    </message>
    <message>
        <source>Syncs running</source>
        <translation>Laufende Synchronisierungen</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Letzter Heartbeat</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Engines</translation>
    </message>
    <message>
        <source>Server profile</source>
        <translation>Serverprofil</translation>
    </message>
    <message>
        <source>Connections in use</source>
        <translation>Belegte Verbindungen</translation>
    </message>
    <message>
        <source>Cap</source>
        <extracomment>column: the most connections the profile allows</extracomment>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Connections needed</source>
        <translation>Benötigte Verbindungen</translation>
    </message>
    <message>
        <source>Connections per profile</source>
        <translation>Verbindungen pro Profil</translation>
    </message>
    <message>
        <source>alive</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>dead (silent)</source>
        <translation>ausgefallen (keine Rückmeldung)</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <source>%1 (of %2 at once)</source>
        <translation>%1 (von max. %2 gleichzeitig)</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>failed runs</source>
        <translation>fehlgeschlagene Läufe</translation>
    </message>
    <message>
        <source>No failed runs in the last hour</source>
        <translation>Keine fehlgeschlagenen Läufe in der letzten Stunde</translation>
    </message>
</context>
<context>
    <name>SyncDesk::Pop3::Session</name>
    <message>
        <source>waiting for the greeting</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Warten auf die Begrüßung</translation>
    </message>
    <message>
        <source>connecting to %1:%2</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Verbindungsaufbau zu %1:%2</translation>
    </message>
    <message>
        <source>the server did not greet with a POP3 greeting; is this a POP3 port?</source>
        <translation>der Server hat sich nicht mit einer POP3-Begrüßung gemeldet; ist dies ein POP3-Port?</translation>
    </message>
    <message>
        <source>the server does not offer STLS; refusing to continue unencrypted</source>
        <translation>der Server bietet kein STLS an; unverschlüsselt wird nicht fortgefahren</translation>
    </message>
    <message>
        <source>the server sent unencrypted data after agreeing to STLS</source>
        <translation>der Server hat nach der Zustimmung zu STLS unverschlüsselte Daten gesendet</translation>
    </message>
    <message>
        <source>negotiating TLS</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Aushandeln von TLS</translation>
    </message>
    <message>
        <source>the server does not allow USER/PASS login</source>
        <translation>der Server erlaubt keine Anmeldung mit USER/PASS</translation>
    </message>
    <message>
        <source>the server does not allow a password login on an unencrypted connection</source>
        <translation>der Server erlaubt keine Passwortanmeldung über eine unverschlüsselte Verbindung</translation>
    </message>
    <message>
        <source>the user name or password contains a line break</source>
        <translation>Benutzername oder Passwort enthält einen Zeilenumbruch</translation>
    </message>
    <message>
        <source>the POP3 session is closed; cannot send %1</source>
        <translation>die POP3-Sitzung ist geschlossen; %1 kann nicht gesendet werden</translation>
    </message>
    <message>
        <source>quitting</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Beenden der Sitzung</translation>
    </message>
    <message>
        <source>waiting for the answer to %1</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Warten auf die Antwort auf %1</translation>
    </message>
    <message>
        <source>the server</source>
        <extracomment>stands for the server&apos;s host name when it is not known</extracomment>
        <translation>der Server</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not complete %2 in time (%3 s allowed from sending it, plus the time for %n byte(s) at %4 KiB/s)</source>
        <extracomment>%1 is the server, %2 a POP3 command (RETR), %3 a number of seconds, %4 a rate in KiB per second</extracomment>
        <translation>
            <numerusform>%1 hat %2 nicht rechtzeitig abgeschlossen (%3 s ab dem Senden erlaubt, zuzüglich der Zeit für %n Byte bei %4 KiB/s)</numerusform>
            <numerusform>%1 hat %2 nicht rechtzeitig abgeschlossen (%3 s ab dem Senden erlaubt, zuzüglich der Zeit für %n Byte bei %4 KiB/s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 did not complete %2 in time (%3 s allowed from sending it)</source>
        <extracomment>%1 is the server, %2 a POP3 command (RETR), %3 a number of seconds</extracomment>
        <translation>%1 hat %2 nicht rechtzeitig abgeschlossen (%3 s ab dem Senden erlaubt)</translation>
    </message>
    <message>
        <source>no answer from %1 while %2</source>
        <extracomment>%1 is the server, %2 says what the session was doing (&quot;waiting for the greeting&quot;)</extracomment>
        <translation>%1 hat %2 nicht geantwortet</translation>
    </message>
    <message>
        <source>the server sent data nobody asked for</source>
        <translation>der Server hat nicht angeforderte Daten gesendet</translation>
    </message>
    <message>
        <source>the server sent a continuation request nobody asked for</source>
        <translation>der Server hat eine nicht angeforderte Fortsetzungsanfrage gesendet</translation>
    </message>
    <message>
        <source>%1 was not sent: the session is ending</source>
        <translation>%1 wurde nicht gesendet: die Sitzung wird gerade beendet</translation>
    </message>
    <message>
        <source>idle</source>
        <extracomment>completes &quot;the server closed the connection while …&quot; when no command was waiting for an answer</extracomment>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>the server closed the connection while %1</source>
        <extracomment>%1 says what the session was doing (&quot;waiting for the greeting&quot;)</extracomment>
        <translation>der Server hat die Verbindung %1 geschlossen</translation>
    </message>
    <message>
        <source>the POP3 server offers neither AUTH OAUTHBEARER nor XOAUTH2</source>
        <translation>der POP3-Server bietet weder AUTH OAUTHBEARER noch XOAUTH2 an</translation>
    </message>
    <message>
        <source>the POP3 server refused the access token</source>
        <translation>der POP3-Server hat das Zugriffstoken abgelehnt</translation>
    </message>
</context>
<context>
    <name>SyncDesk::Pop3MailboxAudit</name>
    <message>
        <source>malformed UIDL line from the POP3 server</source>
        <translation>fehlerhafte UIDL-Zeile vom POP3-Server</translation>
    </message>
</context>
<context>
    <name>SyncDesk::Pop3MailboxSync</name>
    <message>
        <source>the sync was cancelled</source>
        <translation>die Synchronisierung wurde abgebrochen</translation>
    </message>
    <message>
        <source>the POP3 server does not support UIDL, so new messages cannot be told from old ones: %1</source>
        <translation>der POP3-Server unterstützt UIDL nicht, daher lassen sich neue Nachrichten nicht von alten unterscheiden: %1</translation>
    </message>
    <message>
        <source>malformed UIDL line from the POP3 server</source>
        <translation>fehlerhafte UIDL-Zeile vom POP3-Server</translation>
    </message>
    <message>
        <source>malformed LIST line from the POP3 server</source>
        <translation>fehlerhafte LIST-Zeile vom POP3-Server</translation>
    </message>
    <message>
        <source>the POP3 maildrop (messages downloaded before cannot be looked up again)</source>
        <translation>POP3-Maildrop (bereits abgerufene Nachrichten lassen sich nicht erneut nachschlagen)</translation>
    </message>
</context>
<context>
    <name>SyncDesk::ProfileDialog</name>
    <message>
        <source>TLS from the first byte</source>
        <translation>TLS ab dem ersten Byte</translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <extracomment>Connection security: none</extracomment>
        <translation>Keine (unverschlüsselt)</translation>
    </message>
    <message>
        <source>Edit server profile %1</source>
        <translation>Serverprofil %1 bearbeiten</translation>
    </message>
    <message>
        <source>Add server profile</source>
        <translation>Serverprofil hinzufügen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>only for a private certificate authority</source>
        <translation>nur für eine private Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Maximum concurrent connections</source>
        <translation>Maximale Anzahl gleichzeitiger Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protokoll:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>&amp;Sicherheit:</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA-&amp;Datei:</translation>
    </message>
    <message>
        <source>Connections at most:</source>
        <translation>Max. Verbindungen:</translation>
    </message>
    <message>
        <source>Certificate authority (PEM)</source>
        <translation>Zertifizierungsstelle (PEM)</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP)</source>
        <translation>Ausgehende E-Mail (SMTP)</translation>
    </message>
    <message>
        <source>SMTP host</source>
        <translation>SMTP-Host</translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation>SMTP-Port</translation>
    </message>
    <message>
        <source>SMTP security</source>
        <translation>SMTP-Sicherheit</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sicherheit:</translation>
    </message>
    <message>
        <source>Polling bounds of this server (otherwise the global ones)</source>
        <translation>Abrufgrenzen dieses Servers (sonst die globalen)</translation>
    </message>
    <message>
        <source>Minimum interval in seconds</source>
        <translation>Minimales Intervall in Sekunden</translation>
    </message>
    <message>
        <source>Normal interval in seconds</source>
        <translation>Normales Intervall in Sekunden</translation>
    </message>
    <message>
        <source>Maximum interval in seconds</source>
        <translation>Maximales Intervall in Sekunden</translation>
    </message>
    <message>
        <source>Busy mailboxes, at least every (s):</source>
        <extracomment>(s): in seconds, not a plural</extracomment>
        <translation>Ausgelastete Postfächer, mindestens alle (s):</translation>
    </message>
    <message>
        <source>Normal interval (s):</source>
        <extracomment>(s): in seconds</extracomment>
        <translation>Normales Intervall (s):</translation>
    </message>
    <message>
        <source>Quiet mailboxes, at most every (s):</source>
        <extracomment>(s): in seconds</extracomment>
        <translation>Ruhige Postfächer, höchstens alle (s):</translation>
    </message>
    <message>
        <source>&amp;Test server</source>
        <extracomment>Tests the servers as typed here, before they are saved</extracomment>
        <translation>Server &amp;testen</translation>
    </message>
    <message>
        <source>Connects to the servers as typed here (no login: that needs a mailbox), without saving</source>
        <translation>Verbindet sich mit den hier eingegebenen Servern (ohne Anmeldung: dafür braucht es ein Postfach), ohne zu speichern</translation>
    </message>
    <message>
        <source>Sent folder</source>
        <translation>Gesendet-Ordner</translation>
    </message>
    <message>
        <source>the folder the server marks as Sent</source>
        <extracomment>Placeholder of the Sent folder field: what an empty field means</extracomment>
        <translation>der Ordner, den der Server als „Gesendet“ kennzeichnet</translation>
    </message>
    <message>
        <source>Se&amp;nt folder:</source>
        <extracomment>The folder where copies of sent email go</extracomment>
        <translation>Ordner für Gese&amp;ndete:</translation>
    </message>
</context>
<context>
    <name>SyncDesk::PushConnection</name>
    <message>
        <source>the server does not offer IDLE: the mailbox is polled</source>
        <translation>der Server bietet kein IDLE an: das Postfach wird abgefragt</translation>
    </message>
    <message>
        <source>the server ended IDLE before accepting it</source>
        <translation>der Server hat IDLE beendet, bevor er es angenommen hat</translation>
    </message>
</context>
<context>
    <name>SyncDesk::RegardingCombo</name>
    <message>
        <source>Regarding</source>
        <extracomment>The CRM record the message is regarding</extracomment>
        <translation>Bezug</translation>
    </message>
    <message>
        <source>(none)</source>
        <extracomment>No regarding record</extracomment>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Regarding must be a record such as account:contoso (account, contact, lead, opportunity or case).</source>
        <extracomment>Keep account:contoso and the record types (account, contact, lead, opportunity, case) as they are: they are what is typed in</extracomment>
        <translation>Als Bezug muss ein Datensatz wie account:contoso angegeben werden (account, contact, lead, opportunity oder case).</translation>
    </message>
</context>
<context>
    <name>SyncDesk::SignInDialog</name>
    <message>
        <source>Sign in %1</source>
        <extracomment>%1: a mailbox address</extracomment>
        <translation>%1 anmelden</translation>
    </message>
    <message>
        <source>Sign in as the mailbox&apos;s user (%2) in the browser that opens. SyncDesk keeps the sign-in for %1 and refreshes it by itself.</source>
        <extracomment>%1: a mailbox address, %2: a user name</extracomment>
        <translation>Melden Sie sich im Browser, der sich öffnet, als Benutzer des Postfachs (%2) an. SyncDesk behält die Anmeldung für %1 und erneuert sie selbst.</translation>
    </message>
    <message>
        <source>Opening the browser…</source>
        <translation>Browser wird geöffnet…</translation>
    </message>
    <message>
        <source>If the browser did not open, or the wrong one did, open this &amp;link:</source>
        <translation>Hat sich kein oder der falsche Browser geöffnet, diesen &amp;Link öffnen:</translation>
    </message>
    <message>
        <source>&amp;Open the browser again</source>
        <translation>Browser erneut ö&amp;ffnen</translation>
    </message>
    <message>
        <source>The profile&apos;s OAuth settings have no authorization endpoint: sign in with &apos;syncdesk-node oauth login %1&apos; on a server instead.</source>
        <translation>Die OAuth-Einstellungen des Profils haben keinen Autorisierungs-Endpunkt: melden Sie sich stattdessen auf einem Server mit &apos;syncdesk-node oauth login %1&apos; an.</translation>
    </message>
    <message>
        <source>SyncDesk received the sign-in. You can close this page.</source>
        <translation>SyncDesk hat die Anmeldung erhalten. Sie können diese Seite schließen.</translation>
    </message>
    <message>
        <source>SyncDesk cannot listen on 127.0.0.1 for the browser&apos;s answer.</source>
        <translation>SyncDesk kann auf 127.0.0.1 nicht auf die Antwort des Browsers warten.</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in the browser…</source>
        <translation>Warte auf die Anmeldung im Browser…</translation>
    </message>
    <message>
        <source>The identity provider refused the sign-in: %1 %2</source>
        <extracomment>%1: the provider&apos;s error code (access_denied, …), %2: its description</extracomment>
        <translation>Der Identitätsanbieter hat die Anmeldung abgelehnt: %1 %2</translation>
    </message>
    <message>
        <source>The identity provider issued no refresh token: add offline_access (Microsoft) to the profile&apos;s scopes, or consent again.</source>
        <translation>Der Identitätsanbieter hat kein Erneuerungstoken ausgestellt: offline_access (Microsoft) zu den Scopes des Profils hinzufügen oder erneut zustimmen.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>Co&amp;py link</source>
        <translation>Link ko&amp;pieren</translation>
    </message>
    <message>
        <source>The link is copied: paste it into a browser on this computer (the sign-in comes back to this console at %1).</source>
        <translation>Der Link ist kopiert: Fügen Sie ihn in einen Browser auf diesem Computer ein (die Anmeldung kommt an diese Konsole unter %1 zurück).</translation>
    </message>
    <message>
        <source>No web browser could be started on this computer. Copy the link below into a browser on this computer: the sign-in comes back to this console at %1.</source>
        <translation>Auf diesem Computer ließ sich kein Webbrowser starten. Kopieren Sie den Link unten in einen Browser auf diesem Computer: Die Anmeldung kommt an diese Konsole unter %1 zurück.</translation>
    </message>
</context>
<context>
    <name>SyncDesk::Smtp::Session</name>
    <message>
        <source>the SMTP server</source>
        <extracomment>stands for the server&apos;s host name when it is not known</extracomment>
        <translation>der SMTP-Server</translation>
    </message>
    <message>
        <source>no answer from %1 while %2</source>
        <extracomment>%1 is the server, %2 says what the session was doing (&quot;waiting for the greeting&quot;)</extracomment>
        <translation>%1 hat %2 nicht geantwortet</translation>
    </message>
    <message>
        <source>waiting for the greeting</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Warten auf die Begrüßung</translation>
    </message>
    <message>
        <source>connecting to %1:%2</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Verbindungsaufbau zu %1:%2</translation>
    </message>
    <message>
        <source>the SMTP session is closed; cannot send %1</source>
        <translation>die SMTP-Sitzung ist geschlossen; %1 kann nicht gesendet werden</translation>
    </message>
    <message>
        <source>waiting for the answer to %1</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Warten auf die Antwort auf %1</translation>
    </message>
    <message>
        <source>the server did not greet with an SMTP greeting; is this an SMTP port?</source>
        <translation>der Server hat sich nicht mit einer SMTP-Begrüßung gemeldet; ist dies ein SMTP-Port?</translation>
    </message>
    <message>
        <source>the SMTP server answered a command that was never sent</source>
        <translation>der SMTP-Server hat auf einen Befehl geantwortet, der nie gesendet wurde</translation>
    </message>
    <message>
        <source>the SMTP server does not offer STARTTLS; refusing to continue unencrypted</source>
        <translation>der SMTP-Server bietet kein STARTTLS an; unverschlüsselt wird nicht fortgefahren</translation>
    </message>
    <message>
        <source>the SMTP server sent unencrypted data after agreeing to STARTTLS</source>
        <translation>der SMTP-Server hat nach der Zustimmung zu STARTTLS unverschlüsselte Daten gesendet</translation>
    </message>
    <message>
        <source>negotiating TLS</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Aushandeln von TLS</translation>
    </message>
    <message>
        <source>the SMTP server offers no AUTH PLAIN or AUTH LOGIN</source>
        <translation>der SMTP-Server bietet weder AUTH PLAIN noch AUTH LOGIN an</translation>
    </message>
    <message>
        <source>the SMTP server offers no AUTH PLAIN or AUTH LOGIN on this unencrypted connection</source>
        <translation>der SMTP-Server bietet über diese unverschlüsselte Verbindung weder AUTH PLAIN noch AUTH LOGIN an</translation>
    </message>
    <message>
        <source>quitting</source>
        <extracomment>what the session was doing, as in &quot;no answer from the server while …&quot;</extracomment>
        <translation>beim Beenden der Sitzung</translation>
    </message>
    <message>
        <source>idle</source>
        <extracomment>completes &quot;the SMTP server closed the connection while …&quot; when no command was waiting for an answer</extracomment>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>the SMTP server closed the connection while %1</source>
        <extracomment>%1 says what the session was doing (&quot;waiting for the greeting&quot;)</extracomment>
        <translation>der SMTP-Server hat die Verbindung %1 geschlossen</translation>
    </message>
    <message>
        <source>the message has no recipients</source>
        <translation>die Nachricht hat keine Empfänger</translation>
    </message>
    <message>
        <source>the SMTP server answered DATA with %1 instead of 354</source>
        <translation>der SMTP-Server hat DATA mit %1 statt 354 beantwortet</translation>
    </message>
    <message>
        <source>the SMTP server offers neither AUTH OAUTHBEARER nor XOAUTH2</source>
        <translation>der SMTP-Server bietet weder AUTH OAUTHBEARER noch XOAUTH2 an</translation>
    </message>
    <message>
        <source>the SMTP server refused the access token</source>
        <translation>der SMTP-Server hat das Zugriffstoken abgelehnt</translation>
    </message>
</context>
<context>
    <name>SyncDesk::SocketStream</name>
    <message>
        <source>TLS was asked of a connection set up without TLS</source>
        <translation>TLS wurde für eine ohne TLS aufgebaute Verbindung angefordert</translation>
    </message>
    <message>
        <source>ca_file %1 holds no PEM certificate</source>
        <extracomment>ca_file is the name of a configuration setting</extracomment>
        <translation>ca_file %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>no TLS support in this build of Qt</source>
        <translation>dieser Qt-Build unterstützt kein TLS</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted</source>
        <translation>dem Zertifikat des Servers wird nicht vertraut</translation>
    </message>
    <message>
        <source>the server&apos;s certificate does not name %1</source>
        <translation>das Zertifikat des Servers ist nicht für %1 ausgestellt</translation>
    </message>
    <message>
        <source>the server&apos;s certificate has expired or is not yet valid</source>
        <translation>das Zertifikat des Servers ist abgelaufen oder noch nicht gültig</translation>
    </message>
    <message>
        <source>certificate subject %1, issuer %2, valid %3 to %4</source>
        <translation>Zertifikatsinhaber %1, Aussteller %2, gültig von %3 bis %4</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>Host %1 nicht gefunden</translation>
    </message>
    <message>
        <source>connection to %1 refused</source>
        <translation>Verbindung zu %1 abgelehnt</translation>
    </message>
    <message>
        <source>%1 did not answer</source>
        <translation>%1 hat nicht geantwortet</translation>
    </message>
    <message>
        <source>%1 closed the connection during the TLS handshake</source>
        <translation>%1 hat die Verbindung während des TLS-Handshakes geschlossen</translation>
    </message>
    <message>
        <source>%1 closed the connection</source>
        <translation>%1 hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>%1 did not answer in TLS; check that incoming.port and incoming.security match</source>
        <extracomment>incoming.port and incoming.security are names of configuration settings</extracomment>
        <translation>%1 hat nicht per TLS geantwortet; prüfen Sie, ob incoming.port und incoming.security zueinander passen</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed</source>
        <translation>TLS-Handshake mit %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>TLS error with %1</source>
        <translation>TLS-Fehler bei %1</translation>
    </message>
    <message>
        <source>network error with %1</source>
        <translation>Netzwerkfehler bei %1</translation>
    </message>
</context>
<context>
    <name>SyncDesk::StorePoller</name>
    <message>
        <source>cannot write the password file %1: %2</source>
        <extracomment>%1 is a file, %2 the system&apos;s reason</extracomment>
        <translation>Die Passwortdatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the database cannot be opened</source>
        <translation>die Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Server profiles: %1 new, %2 updated, %3 unchanged. Mailboxes: %4 new, %5 updated, %6 unchanged.</source>
        <extracomment>numbers of server profiles and of mailboxes that the configuration added, changed and left as they were</extracomment>
        <translation>Serverprofile: %1 neu, %2 aktualisiert, %3 unverändert. Postfächer: %4 neu, %5 aktualisiert, %6 unverändert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Message-ID</source>
        <extracomment>Message-ID is the name of a mail header</extracomment>
        <translation>„%1“ ist keine Message-ID</translation>
    </message>
    <message>
        <source>%1 is not a CRM record</source>
        <extracomment>%1 is a record reference, type:id</extracomment>
        <translation>%1 ist kein CRM-Datensatz</translation>
    </message>
    <message>
        <source>Alert %1 acknowledged</source>
        <extracomment>%1 is the alert&apos;s number</extracomment>
        <translation>Meldung %1 bestätigt</translation>
    </message>
    <message numerus="yes">
        <source>Re-enabled %n mailbox(es) disabled by incident %1; they sync now</source>
        <extracomment>%1 is the incident&apos;s number</extracomment>
        <translation>
            <numerusform>%n durch Vorfall %1 deaktiviertes Postfach wieder aktiviert; es wird jetzt synchronisiert</numerusform>
            <numerusform>%n durch Vorfall %1 deaktivierte Postfächer wieder aktiviert; sie werden jetzt synchronisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed item(s) will be fetched again by the next sync</source>
        <translation>
            <numerusform>%n fehlgeschlagenes Element wird bei der nächsten Synchronisierung erneut abgerufen</numerusform>
            <numerusform>%n fehlgeschlagene Elemente werden bei der nächsten Synchronisierung erneut abgerufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Verbose log switched on</source>
        <translation>Ausführliches Protokoll eingeschaltet</translation>
    </message>
    <message>
        <source>Verbose log switched off</source>
        <translation>Ausführliches Protokoll ausgeschaltet</translation>
    </message>
    <message>
        <source>Diagnostic bundle of %1 written to %2</source>
        <extracomment>%1 is a mailbox address, %2 a file</extracomment>
        <translation>Diagnosepaket von %1 in %2 gespeichert</translation>
    </message>
    <message>
        <source>Unknown outbox action &apos;%1&apos;.</source>
        <translation>Unbekannte Aktion des Postausgangs „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n email(s) changed.</source>
        <extracomment>%1: the action (retry, cancel, send-draft); %n: how many emails it changed</extracomment>
        <translation>
            <numerusform>%1: %n E-Mail geändert.</numerusform>
            <numerusform>%1: %n E-Mails geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) deleted; their mailboxes delete them from their calendars next</source>
        <translation>
            <numerusform>%n Termin gelöscht; seine Postfächer löschen ihn als Nächstes aus ihren Kalendern</numerusform>
            <numerusform>%n Termine gelöscht; ihre Postfächer löschen sie als Nächstes aus ihren Kalendern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) deleted; their mailboxes delete them from their task lists next</source>
        <translation>
            <numerusform>%n Aufgabe gelöscht; ihre Postfächer löschen sie als Nächstes aus ihren Aufgabenlisten</numerusform>
            <numerusform>%n Aufgaben gelöscht; ihre Postfächer löschen sie als Nächstes aus ihren Aufgabenlisten</numerusform>
        </translation>
    </message>
    <message>
        <source>Regarding: %1</source>
        <extracomment>%1 says what is wrong with the record reference typed</extracomment>
        <translation>Bezieht sich auf: %1</translation>
    </message>
    <message>
        <source>Appointment tracked; no mailbox holds it or syncs its owner&apos;s appointments, so it stays in the CRM.</source>
        <translation>Termin verfolgt; kein Postfach enthält ihn oder synchronisiert die Termine seines Besitzers, er bleibt also im CRM.</translation>
    </message>
    <message>
        <source>Appointment tracked; syncing it now in %1 (the schedule completes it if that fails).</source>
        <translation>Termin verfolgt; er wird jetzt in %1 synchronisiert (schlägt das fehl, holt der Zeitplan es nach).</translation>
    </message>
    <message>
        <source>this console keeps no OAuth tokens (no token store)</source>
        <translation>diese Konsole speichert keine OAuth-Tokens (kein Token-Speicher)</translation>
    </message>
    <message>
        <source>the mailbox is gone</source>
        <translation>das Postfach existiert nicht mehr</translation>
    </message>
    <message>
        <source>%1 is signed in and enabled again</source>
        <extracomment>%1: a mailbox address</extracomment>
        <translation>%1 ist angemeldet und wieder aktiviert</translation>
    </message>
    <message>
        <source>%1 is signed in</source>
        <translation>%1 ist angemeldet</translation>
    </message>
</context>
<context>
    <name>SyncDesk::SyncWorker</name>
    <message>
        <source>the mailbox is already being synced by this worker</source>
        <translation>das Postfach wird von diesem Worker bereits synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) interrupted by a stopped run and not found in Sent are sent again</source>
        <translation>
            <numerusform>%n E-Mail, die durch einen beendeten Lauf unterbrochen und nicht im Gesendet-Ordner gefunden wurde, wird erneut gesendet</numerusform>
            <numerusform>%n E-Mails, die durch einen beendeten Lauf unterbrochen und nicht im Gesendet-Ordner gefunden wurden, werden erneut gesendet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::TestConnectionDialog</name>
    <message>
        <source>Test &amp; Enable — %1</source>
        <translation>Testen &amp; aktivieren – %1</translation>
    </message>
    <message>
        <source>Test connection — %1</source>
        <translation>Verbindungstest – %1</translation>
    </message>
    <message>
        <source>Testing %1 on %2 (%3 %4:%5, %6)…</source>
        <translation>%1 wird über %2 getestet (%3 %4:%5, %6)…</translation>
    </message>
    <message>
        <source>Test progress</source>
        <translation>Testfortschritt</translation>
    </message>
    <message>
        <source>Test steps</source>
        <translation>Testschritte</translation>
    </message>
    <message>
        <source>Step</source>
        <extracomment>Column headers of the test steps</extracomment>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Abhilfe</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <extracomment>A step&apos;s duration in milliseconds</extracomment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>OK</source>
        <extracomment>A test step&apos;s result: passed</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <extracomment>A test step&apos;s result</extracomment>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <extracomment>A test step&apos;s result</extracomment>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <extracomment>The test&apos;s outcome (accessible name of its icon)</extracomment>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Cancelled after %1 ms.</source>
        <translation>Nach %1 ms abgebrochen.</translation>
    </message>
    <message>
        <source>Every step passed in %1 ms: %2 can be synced.</source>
        <translation>Alle Schritte in %1 ms bestanden: %2 kann synchronisiert werden.</translation>
    </message>
    <message>
        <source>Every step passed in %1 ms: %2 can be synced. It is already enabled.</source>
        <extracomment>%1: milliseconds, %2: the mailbox address</extracomment>
        <translation>Alle Schritte in %1 ms bestanden: %2 kann synchronisiert werden. Das Postfach ist bereits aktiviert.</translation>
    </message>
    <message>
        <source>Every step passed in %1 ms: %2 can be synced. It is enabled now and syncs at once.</source>
        <extracomment>%1: milliseconds, %2: the mailbox address</extracomment>
        <translation>Alle Schritte in %1 ms bestanden: %2 kann synchronisiert werden. Das Postfach ist jetzt aktiviert und wird sofort synchronisiert.</translation>
    </message>
    <message>
        <source>Failed at “%1”: %2: %3 The mailbox was not enabled.</source>
        <extracomment>%1: the step that failed, %2: the kind of error, %3: the error message (from the server)</extracomment>
        <translation>Fehlgeschlagen bei „%1“: %2: %3 Das Postfach wurde nicht aktiviert.</translation>
    </message>
    <message>
        <source>Failed at “%1”: %2: %3</source>
        <extracomment>%1: the step that failed, %2: the kind of error, %3: the error message (from the server)</extracomment>
        <translation>Fehlgeschlagen bei „%1“: %2: %3</translation>
    </message>
    <message>
        <source>hint id: %1</source>
        <extracomment>%1: the hint&apos;s id (kept as it is: support searches for it)</extracomment>
        <translation>Hinweis-ID: %1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Test server profile — %1</source>
        <extracomment>%1: the mailbox address. &quot;Test &amp; Enable&quot; is the action&apos;s name (not a mnemonic)</extracomment>
        <translation>Serverprofil testen – %1</translation>
    </message>
    <message>
        <source>Testing the server of %1 (%2 %3:%4, %5), without a mailbox…</source>
        <extracomment>%1: mailbox address, %2: server profile, %3: protocol (IMAP), %4: host, %5: port, %6: security (tls, starttls, none)</extracomment>
        <translation>Server von %1 wird getestet (%2 %3:%4, %5), ohne Postfach…</translation>
    </message>
    <message>
        <source>The server answered every step in %1 ms. Logging in is tested with a mailbox.</source>
        <extracomment>%1: milliseconds, %2: the mailbox address %1: milliseconds</extracomment>
        <translation>Der Server hat jeden Schritt in %1 ms beantwortet. Die Anmeldung wird mit einem Postfach getestet.</translation>
    </message>
</context>
<context>
    <name>SyncDesk::TrackAppointmentDialog</name>
    <message>
        <source>Track appointment</source>
        <translation>Termin verfolgen</translation>
    </message>
    <message>
        <source>Appointment:</source>
        <translation>Termin:</translation>
    </message>
    <message>
        <source>UID:</source>
        <extracomment>the iCalendar UID of the appointment</extracomment>
        <translation>UID:</translation>
    </message>
    <message>
        <source>&amp;Regarding:</source>
        <translation>Bezieht sich a&amp;uf:</translation>
    </message>
    <message>
        <source>The mailboxes that hold the appointment, and those of its owner, sync their calendars at once; if that fails, the next scheduled sync completes it.</source>
        <translation>Die Postfächer, die den Termin enthalten, und die seines Besitzers synchronisieren ihre Kalender sofort; schlägt das fehl, holt die nächste geplante Synchronisierung es nach.</translation>
    </message>
    <message>
        <source>Track</source>
        <extracomment>Button: track the appointment</extracomment>
        <translation>Verfolgen</translation>
    </message>
</context>
<context>
    <name>SyncDesk::TrackMessageDialog</name>
    <message>
        <source>Track message</source>
        <translation>Nachricht nachverfolgen</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Message-ID</source>
        <extracomment>The mail header&apos;s name</extracomment>
        <translation>Message-ID</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Mailbox:</source>
        <translation>&amp;Postfach:</translation>
    </message>
    <message>
        <source>M&amp;essage-ID:</source>
        <extracomment>The mail header&apos;s name</extracomment>
        <translation>M&amp;essage-ID:</translation>
    </message>
    <message>
        <source>&amp;Regarding:</source>
        <translation>&amp;Bezug:</translation>
    </message>
    <message>
        <source>The mailbox syncs at once and the message becomes an activity whatever the tracking rules say; its regarding record is set if its owner may read it. If the sync fails, the next scheduled sync completes the request. Mail clients show the Message-ID in the message source or headers.</source>
        <translation>Das Postfach wird sofort synchronisiert, und die Nachricht wird unabhängig von den Nachverfolgungsregeln zu einer Aktivität; ihr Bezugsdatensatz wird gesetzt, sofern der Besitzer des Postfachs ihn lesen darf. Schlägt die Synchronisierung fehl, schließt die nächste geplante Synchronisierung die Anfrage ab. E-Mail-Programme zeigen die Message-ID im Quelltext oder in den Kopfzeilen der Nachricht an.</translation>
    </message>
    <message>
        <source>Track</source>
        <extracomment>Button: track the message</extracomment>
        <translation>Nachverfolgen</translation>
    </message>
    <message>
        <source>There are no mailboxes.</source>
        <translation>Es gibt keine Postfächer.</translation>
    </message>
    <message>
        <source>Enter the Message-ID of the message to track.</source>
        <translation>Geben Sie die Message-ID der nachzuverfolgenden Nachricht ein.</translation>
    </message>
    <message>
        <source>This is not a Message-ID: it has spaces or angle brackets inside.</source>
        <translation>Dies ist keine Message-ID: Sie enthält Leerzeichen oder spitze Klammern.</translation>
    </message>
</context>
<context>
    <name>SyncDesk::TrackRequestModel</name>
    <message>
        <source>#</source>
        <extracomment>column: the request&apos;s number</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Message-ID</source>
        <extracomment>column: the message&apos;s Message-ID header (the header&apos;s name, usually kept as it is)</extracomment>
        <translation>Message-ID</translation>
    </message>
    <message>
        <source>Regarding</source>
        <extracomment>column: the CRM record the message is about</extracomment>
        <translation>Bezug</translation>
    </message>
    <message>
        <source>State</source>
        <extracomment>column: pending, done or failed</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Requested</source>
        <extracomment>column: when it was requested</extracomment>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Waiting for a sync of the mailbox: an immediate one was asked for; if it fails, the next scheduled sync completes it.</source>
        <translation>Wartet auf eine Synchronisierung des Postfachs: Eine sofortige wurde angefordert; schlägt sie fehl, schließt die nächste geplante Synchronisierung die Anfrage ab.</translation>
    </message>
    <message>
        <source>pending</source>
        <extracomment>state of a track request</extracomment>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>done</source>
        <extracomment>state of a track request</extracomment>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <extracomment>state of a track request</extracomment>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>SyncDesk::TroubleshootingController</name>
    <message>
        <source>&amp;Test connection…</source>
        <translation>Verbindung &amp;testen…</translation>
    </message>
    <message>
        <source>Check DNS, TCP, TLS, login and INBOX (and SMTP) of the selected mailbox, step by step</source>
        <translation>DNS, TCP, TLS, Anmeldung und INBOX (sowie SMTP) des ausgewählten Postfachs Schritt für Schritt prüfen</translation>
    </message>
    <message>
        <source>Test &amp;&amp; E&amp;nable…</source>
        <translation>Testen &amp;&amp; a&amp;ktivieren…</translation>
    </message>
    <message>
        <source>Test the selected mailbox&apos;s connection and enable it when every step passes</source>
        <translation>Verbindung des ausgewählten Postfachs testen und das Postfach aktivieren, wenn alle Schritte bestanden sind</translation>
    </message>
    <message>
        <source>&amp;Verbose log</source>
        <translation>A&amp;usführliches Protokoll</translation>
    </message>
    <message>
        <source>Log the protocol traffic of the selected mailbox (credentials hidden)</source>
        <translation>Kommunikation des ausgewählten Postfachs mit dem Server protokollieren (Anmeldedaten ausgeblendet)</translation>
    </message>
    <message>
        <source>Export dia&amp;gnostic bundle…</source>
        <translation>Dia&amp;gnosepaket exportieren…</translation>
    </message>
    <message>
        <source>Save the selected mailbox&apos;s status, runs, alerts, failures and log, without passwords or message contents</source>
        <translation>Status, Läufe, Meldungen, fehlgeschlagene Elemente und Protokoll des ausgewählten Postfachs speichern, ohne Passwörter oder Nachrichteninhalte</translation>
    </message>
    <message>
        <source>The server profile of %1 is not loaded yet</source>
        <translation>Das Serverprofil von %1 ist noch nicht geladen</translation>
    </message>
    <message>
        <source>Export diagnostic bundle</source>
        <translation>Diagnosepaket exportieren</translation>
    </message>
    <message>
        <source>Writing the diagnostic bundle of %1…</source>
        <translation>Diagnosepaket von %1 wird geschrieben…</translation>
    </message>
    <message numerus="yes">
        <source>All %n selected mailbox(es) are enabled already; Test connection tests one.</source>
        <translation>
            <numerusform>Das %n ausgewählte Postfach ist bereits aktiviert; „Verbindung testen“ testet eines.</numerusform>
            <numerusform>Alle %n ausgewählten Postfächer sind bereits aktiviert; „Verbindung testen“ testet eines.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign the selected mailbox in with its identity provider (OAuth 2.0) in the browser</source>
        <translation>Das ausgewählte Postfach im Browser bei seinem Identitätsanbieter anmelden (OAuth 2.0)</translation>
    </message>
    <message>
        <source>%1 signs in with a password</source>
        <translation>%1 meldet sich mit einem Passwort an</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>Anmeld&amp;en…</translation>
    </message>
</context>
<context>
    <name>SyncDesk::WorkerPool</name>
    <message>
        <source>cancelled</source>
        <extracomment>The message of a sync that was cancelled</extracomment>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>SyncTracker</name>
    <message>
        <source>already tracked</source>
        <translation>bereits nachverfolgt</translation>
    </message>
    <message>
        <source>%1 is not a CRM record</source>
        <translation>%1 ist kein CRM-Datensatz</translation>
    </message>
    <message>
        <source>the mailbox&apos;s owner may not read %1 [hint: items-withheld]</source>
        <extracomment>&quot;[hint: items-withheld]&quot; names a troubleshooting hint: keep it as it is</extracomment>
        <translation>der Besitzer des Postfachs darf %1 nicht lesen [hint: items-withheld]</translation>
    </message>
    <message>
        <source>already tracked; regarding set to %1</source>
        <translation>bereits nachverfolgt; Bezug auf %1 gesetzt</translation>
    </message>
    <message>
        <source>tracked, correlation %1, regarding %2:%3</source>
        <translation>nachverfolgt, Korrelation %1, Bezug %2:%3</translation>
    </message>
    <message>
        <source>tracked, correlation %1; %2:%3 withheld: the owner may not read it [hint: items-withheld]</source>
        <extracomment>&quot;[hint: items-withheld]&quot; names a troubleshooting hint: keep it as it is</extracomment>
        <translation>nachverfolgt, Korrelation %1; %2:%3 zurückgehalten: der Besitzer darf es nicht lesen [hint: items-withheld]</translation>
    </message>
    <message>
        <source>tracked, correlation %1</source>
        <translation>nachverfolgt, Korrelation %1</translation>
    </message>
    <message>
        <source>no message with Message-ID &lt;%1&gt; in %2</source>
        <translation>keine Nachricht mit Message-ID &lt;%1&gt; in %2</translation>
    </message>
</context>
<context>
    <name>TrackingOption</name>
    <message>
        <source>all email messages</source>
        <translation>alle E-Mail-Nachrichten</translation>
    </message>
    <message>
        <source>responses to tracked email</source>
        <translation>Antworten auf nachverfolgte E-Mails</translation>
    </message>
    <message>
        <source>email from accounts, contacts and leads</source>
        <translation>E-Mails von Firmen, Kontakten und Leads</translation>
    </message>
    <message>
        <source>email from any record with an email address</source>
        <translation>E-Mails von allen Datensätzen mit E-Mail-Adresse</translation>
    </message>
    <message>
        <source>no email (only tracked folders and track requests)</source>
        <translation>keine E-Mails (nur nachverfolgte Ordner und Nachverfolgungsanfragen)</translation>
    </message>
</context>
<context>
    <name>VCard</name>
    <message>
        <source>the contact card is larger than 1 MiB</source>
        <translation>die Kontaktkarte ist größer als 1 MiB</translation>
    </message>
    <message>
        <source>the contact card is empty</source>
        <translation>die Kontaktkarte ist leer</translation>
    </message>
    <message>
        <source>the contact card has more than %1 properties</source>
        <translation>die Kontaktkarte hat mehr als %1 Eigenschaften</translation>
    </message>
    <message>
        <source>the contact card has no BEGIN:VCARD line</source>
        <translation>der Kontaktkarte fehlt die Zeile BEGIN:VCARD</translation>
    </message>
    <message>
        <source>the contact card has no END:VCARD line</source>
        <translation>der Kontaktkarte fehlt die Zeile END:VCARD</translation>
    </message>
    <message>
        <source>the contact card has neither FN nor N (no name)</source>
        <translation>die Kontaktkarte hat weder FN noch N (keinen Namen)</translation>
    </message>
</context>
</TS>
