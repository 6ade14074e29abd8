<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AlertManager</name>
    <message numerus="yes">
        <source>%1 of %n mailbox(es) of server profile %2 are failing: the server, not the mailboxes, is the likely cause (latest: %3)</source>
        <translation>
            <numerusform>%1 of %n mailbox of server profile %2 is failing: the server, not the mailboxes, is the likely cause (latest: %3)</numerusform>
            <numerusform>%1 of %n mailboxes of server profile %2 are failing: the server, not the mailboxes, is the likely cause (latest: %3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was disabled after %n failure(s) in a row; the last: %2</source>
        <translation>
            <numerusform>%1 was disabled after %n failure in a row; the last: %2</numerusform>
            <numerusform>%1 was disabled after %n failures in a row; the last: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>server profile %1 works again (%2 synced); %n mailbox(es) it disabled are still disabled (%3): re-enable them from its incident, alert %4</source>
        <translation>
            <numerusform>server profile %1 works again (%2 synced); %n mailbox it disabled is still disabled (%3): re-enable it from its incident, alert %4</numerusform>
            <numerusform>server profile %1 works again (%2 synced); %n mailboxes it disabled are still disabled (%3): re-enable them from its incident, alert %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) from %1 could not be sent: %2</source>
        <extracomment>%n emails, %1 the mailbox, %2 why (the server's words)</extracomment>
        <translation>
            <numerusform>%n email from %1 could not be sent: %2</numerusform>
            <numerusform>%n emails from %1 could not be sent: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) from %1 have waited in Pending Send for %2 min; the last attempt failed: %3</source>
        <extracomment>%n emails, %1 the mailbox, %2 how long in minutes, %3 the last failure</extracomment>
        <translation>
            <numerusform>%n email from %1 has waited in Pending Send for %2 min; the last attempt failed: %3</numerusform>
            <numerusform>%n emails from %1 have waited in Pending Send for %2 min; the last attempt failed: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed both in the CRM and in the calendar or address book of %1: the mailbox's conflict rule decided which value is used, and both values were recorded</source>
        <extracomment>%n: how many fields, %1: the mailbox</extracomment>
        <translation>
            <numerusform>%n field changed both in the CRM and in the calendar or address book of %1: the mailbox's conflict rule decided which value is used, and both values were recorded</numerusform>
            <numerusform>%n fields changed both in the CRM and in the calendar or address book of %1: the mailbox's conflict rule decided which value is used, and both values were recorded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleMain</name>
    <message numerus="yes">
        <source>Monitoring only: %n syncdesk-node engine(s) run on this store (--engine runs one here too)</source>
        <extracomment>The verb agrees with the number: "1 syncdesk-node engine runs", "2 syncdesk-node engines run"</extracomment>
        <translation>
            <numerusform>Monitoring only: %n syncdesk-node engine runs on this store (--engine runs one here too)</numerusform>
            <numerusform>Monitoring only: %n syncdesk-node engines run on this store (--engine runs one here too)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrmCsvImporter</name>
    <message numerus="yes">
        <source>line %1: %2 fields, but the header names %n column(s)</source>
        <translation>
            <numerusform>line %1: %2 fields, but the header names %n column</numerusform>
            <numerusform>line %1: %2 fields, but the header names %n columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GapAlert</name>
    <message numerus="yes">
        <source>%1: the audit found %n message(s) on the server that the store does not account for</source>
        <translation>
            <numerusform>%1: the audit found %n message on the server that the store does not account for</numerusform>
            <numerusform>%1: the audit found %n messages on the server that the store does not account for</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImapResponseParser</name>
    <message numerus="yes">
        <source>lists nested deeper than %n level(s)</source>
        <translation>
            <numerusform>lists nested deeper than %n level</numerusform>
            <numerusform>lists nested deeper than %n levels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the server sent a response of at least %n byte(s), more than the %1 bytes a session may hold at once (response budget)</source>
        <extracomment>%1 is the limit, a large number of bytes (512 MiB by default)</extracomment>
        <translation>
            <numerusform>the server sent a response of at least %n byte, more than the %1 bytes a session may hold at once (response budget)</numerusform>
            <numerusform>the server sent a response of at least %n bytes, more than the %1 bytes a session may hold at once (response budget)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>line longer than %n byte(s)</source>
        <translation>
            <numerusform>line longer than %n byte</numerusform>
            <numerusform>line longer than %n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutgoingSweep</name>
    <message numerus="yes">
        <source>%n email(s) from %1 have waited in Pending Send for %2 min: %3</source>
        <extracomment>%n emails, %1 the mailbox, %2 minutes, %3 why nothing sends them</extracomment>
        <translation>
            <numerusform>%n email from %1 has waited in Pending Send for %2 min: %3</numerusform>
            <numerusform>%n emails from %1 have waited in Pending Send for %2 min: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pop3ResponseParser</name>
    <message numerus="yes">
        <source>status line longer than %n byte(s)</source>
        <translation>
            <numerusform>status line longer than %n byte</numerusform>
            <numerusform>status line longer than %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>line longer than %n byte(s)</source>
        <translation>
            <numerusform>line longer than %n byte</numerusform>
            <numerusform>line longer than %n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SmtpReplyParser</name>
    <message numerus="yes">
        <source>the SMTP server sent a line longer than %n byte(s)</source>
        <translation>
            <numerusform>the SMTP server sent a line longer than %n byte</numerusform>
            <numerusform>the SMTP server sent a line longer than %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the SMTP server sent a reply of more than %n line(s)</source>
        <translation>
            <numerusform>the SMTP server sent a reply of more than %n line</numerusform>
            <numerusform>the SMTP server sent a reply of more than %n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreCopy</name>
    <message numerus="yes">
        <source>%1 (%n row(s))</source>
        <extracomment>%1 is the name of a table</extracomment>
        <translation>
            <numerusform>%1 (%n row)</numerusform>
            <numerusform>%1 (%n rows)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::AlertsPane</name>
    <message numerus="yes">
        <source>%n mailbox(es) in this incident.</source>
        <translation>
            <numerusform>%n mailbox in this incident.</numerusform>
            <numerusform>%n mailboxes in this incident.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::BulkActions</name>
    <message numerus="yes">
        <source>Enable %n mailbox(es)?</source>
        <translation>
            <numerusform>Enable %n mailbox?</numerusform>
            <numerusform>Enable %n mailboxes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %n mailbox(es)?</source>
        <translation>
            <numerusform>Disable %n mailbox?</numerusform>
            <numerusform>Disable %n mailboxes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resync %n mailbox(es)?</source>
        <translation>
            <numerusform>Resync %n mailbox?</numerusform>
            <numerusform>Resync %n mailboxes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n mailbox(es) to the server profile %1?</source>
        <translation>
            <numerusform>Move %n mailbox to the server profile %1?</numerusform>
            <numerusform>Move %n mailboxes to the server profile %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n mailbox(es)…</source>
        <translation>
            <numerusform>Enable %n mailbox…</numerusform>
            <numerusform>Enable %n mailboxes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %n mailbox(es)…</source>
        <translation>
            <numerusform>Disable %n mailbox…</numerusform>
            <numerusform>Disable %n mailboxes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resync %n mailbox(es)…</source>
        <translation>
            <numerusform>Resync %n mailbox…</numerusform>
            <numerusform>Resync %n mailboxes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n mailbox(es)…</source>
        <translation>
            <numerusform>Move %n mailbox…</numerusform>
            <numerusform>Move %n mailboxes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %1 of %n mailbox(es)…</source>
        <translation>
            <numerusform>Enable %1 of %n mailbox…</numerusform>
            <numerusform>Enable %1 of %n mailboxes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %1 of %n mailbox(es)…</source>
        <translation>
            <numerusform>Disable %1 of %n mailbox…</numerusform>
            <numerusform>Disable %1 of %n mailboxes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resync %1 of %n mailbox(es)…</source>
        <translation>
            <numerusform>Resync %1 of %n mailbox…</numerusform>
            <numerusform>Resync %1 of %n mailboxes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %1 of %n mailbox(es)…</source>
        <translation>
            <numerusform>Move %1 of %n mailbox…</numerusform>
            <numerusform>Move %1 of %n mailboxes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enabled %1 of %n mailbox(es)</source>
        <translation>
            <numerusform>Enabled %1 of %n mailbox</numerusform>
            <numerusform>Enabled %1 of %n mailboxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %1 of %n mailbox(es)</source>
        <translation>
            <numerusform>Disabled %1 of %n mailbox</numerusform>
            <numerusform>Disabled %1 of %n mailboxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asked a sync of %1 of %n mailbox(es)</source>
        <translation>
            <numerusform>Asked a sync of %1 of %n mailbox</numerusform>
            <numerusform>Asked a sync of %1 of %n mailboxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %1 of %n mailbox(es)</source>
        <translation>
            <numerusform>Moved %1 of %n mailbox</numerusform>
            <numerusform>Moved %1 of %n mailboxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Server profile for the %n selected mailbox(es):</source>
        <translation>
            <numerusform>Server profile for the %n selected mailbox:</numerusform>
            <numerusform>Server profile for the %n selected mailboxes:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; cancelled, the other %n are unchanged</source>
        <extracomment>plural: %1; cancelled, the other %n is unchanged</extracomment>
        <translation>
            <numerusform>%1; cancelled, the other %n is unchanged</numerusform>
            <numerusform>%1; cancelled, the other %n are unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Testing %n mailbox(es)…</source>
        <translation>
            <numerusform>Testing %n mailbox…</numerusform>
            <numerusform>Testing %n mailboxes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n tested mailbox(es) passed and are enabled.</source>
        <translation>
            <numerusform>%1 of %n tested mailbox passed and is enabled.</numerusform>
            <numerusform>%1 of %n tested mailboxes passed and are enabled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed and stay disabled:
%1</source>
        <extracomment>plural: %n failed and stays disabled:
%1</extracomment>
        <translation>
            <numerusform>%n failed and stays disabled:
%1</numerusform>
            <numerusform>%n failed and stay disabled:
%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected mailbox(es) already enabled are left as they are.</source>
        <translation>
            <numerusform>%n selected mailbox is already enabled and is left as it is.</numerusform>
            <numerusform>%n selected mailboxes are already enabled and are left as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Test %n disabled mailbox(es)?</source>
        <translation>
            <numerusform>Test %n disabled mailbox?</numerusform>
            <numerusform>Test %n disabled mailboxes?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::ConnectionTest</name>
    <message numerus="yes">
        <source>%n message(s), UIDVALIDITY %1, UIDNEXT %2</source>
        <translation>
            <numerusform>%n message, UIDVALIDITY %1, UIDNEXT %2</numerusform>
            <numerusform>%n messages, UIDVALIDITY %1, UIDNEXT %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n message</numerusform>
            <numerusform>%1: %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s), %1 bytes; UIDL supported</source>
        <translation>
            <numerusform>%n message, %1 bytes; UIDL supported</numerusform>
            <numerusform>%n messages, %1 bytes; UIDL supported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first %n folder(s); the server lists more</source>
        <translation>
            <numerusform>the first %n folder; the server lists more</numerusform>
            <numerusform>the first %n folders; the server lists more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n folder</numerusform>
            <numerusform>%n folders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::FolderPickerDialog</name>
    <message numerus="yes">
        <source>The server lists more folders than the first %n shown here; type the others in the Folders field.</source>
        <translation>
            <numerusform>The server lists more folders than the first %n shown here; type the others in the Folders field.</numerusform>
            <numerusform>The server lists more folders than the first %n shown here; type the others in the Folders field.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) on the server. Check the ones to sync.</source>
        <translation>
            <numerusform>%n folder on the server. Check the ones to sync.</numerusform>
            <numerusform>%n folders on the server. Check the ones to sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::Imap::Session</name>
    <message numerus="yes">
        <source>%1 did not complete %2 in time (%3 s allowed from sending it, plus the time for %n byte(s) at %4 KiB/s)</source>
        <extracomment>%1 is the server, %2 an IMAP command (UID FETCH), %3 a number of seconds, %4 a rate in KiB per second</extracomment>
        <translation>
            <numerusform>%1 did not complete %2 in time (%3 s allowed from sending it, plus the time for %n byte at %4 KiB/s)</numerusform>
            <numerusform>%1 did not complete %2 in time (%3 s allowed from sending it, plus the time for %n bytes at %4 KiB/s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::ItemFailuresPane</name>
    <message numerus="yes">
        <source>Retr&amp;y the %n selected failure(s)</source>
        <translation>
            <numerusform>Retr&amp;y the %n selected failure</numerusform>
            <numerusform>Retr&amp;y the %n selected failures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be decoded or stored in %1; the syncs went on without them.</source>
        <translation>
            <numerusform>%n message could not be decoded or stored in %1; the syncs went on without it.</numerusform>
            <numerusform>%n messages could not be decoded or stored in %1; the syncs went on without them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be decoded or stored; the syncs went on without them.</source>
        <translation>
            <numerusform>%n message could not be decoded or stored; the syncs went on without it.</numerusform>
            <numerusform>%n messages could not be decoded or stored; the syncs went on without them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::LogViewer</name>
    <message numerus="yes">
        <source>Exporting… %Ln record(s) written</source>
        <translation>
            <numerusform>Exporting… %Ln record written</numerusform>
            <numerusform>Exporting… %Ln records written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln older record(s)</source>
        <translation>
            <numerusform>Loaded %Ln older record</numerusform>
            <numerusform>Loaded %Ln older records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln record(s)</source>
        <translation>
            <numerusform>Copied %Ln record</numerusform>
            <numerusform>Copied %Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln record(s)…</source>
        <translation>
            <numerusform>Exporting %Ln record…</numerusform>
            <numerusform>Exporting %Ln records…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln record(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln record to %1</numerusform>
            <numerusform>Exported %Ln records to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) in memory</source>
        <translation>
            <numerusform>%Ln record in memory</numerusform>
            <numerusform>%Ln records in memory</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln record(s) in memory match</source>
        <translation>
            <numerusform>%L1 of %Ln record in memory matches</numerusform>
            <numerusform>%L1 of %Ln records in memory match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Searching the database… %1 % — %Ln matching record(s) so far</source>
        <translation>
            <numerusform>Searching the database… %1 % — %Ln matching record so far</numerusform>
            <numerusform>Searching the database… %1 % — %Ln matching records so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln matching record(s) from the database</source>
        <translation>
            <numerusform>%Ln matching record from the database</numerusform>
            <numerusform>%Ln matching records from the database</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing older records read from the database; %Ln newer record(s) are not shown.</source>
        <translation>
            <numerusform>Showing older records read from the database; %Ln newer record is not shown.</numerusform>
            <numerusform>Showing older records read from the database; %Ln newer records are not shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paused: %Ln new record(s) are waiting. Resume to show them.</source>
        <translation>
            <numerusform>Paused: %Ln new record is waiting. Resume to show it.</numerusform>
            <numerusform>Paused: %Ln new records are waiting. Resume to show them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::MailboxDetailsPane</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <extracomment>withheld items, e.g. "3 items" in "3 items, 2 fields"</extracomment>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <extracomment>withheld fields, e.g. "2 fields" in "3 items, 2 fields"</extracomment>
        <translation>
            <numerusform>%n field</numerusform>
            <numerusform>%n fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style="color:%1"&gt;&lt;b&gt;%n message(s) missing&lt;/b&gt;&lt;/span&gt; — %2; Audit &amp;amp; repair fetches them again</source>
        <extracomment>rich text: keep the markup; %1 is a colour, %2 when the audit ran; "Audit &amp; repair" is the button under it</extracomment>
        <translation>
            <numerusform>&lt;span style="color:%1"&gt;&lt;b&gt;%n message missing&lt;/b&gt;&lt;/span&gt; — %2; Audit &amp;amp; repair fetches them again</numerusform>
            <numerusform>&lt;span style="color:%1"&gt;&lt;b&gt;%n messages missing&lt;/b&gt;&lt;/span&gt; — %2; Audit &amp;amp; repair fetches them again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s), the oldest %1</source>
        <translation>
            <numerusform>%n email, %1</numerusform>
            <numerusform>%n emails, the oldest %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s); Retry in the Outbox sends them again</source>
        <translation>
            <numerusform>%n email; Retry in the Outbox sends it again</numerusform>
            <numerusform>%n emails; Retry in the Outbox sends them again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on push since %1 (%n event(s))</source>
        <extracomment>%1: since when (a time), %n: new-mail events the server reported</extracomment>
        <translation>
            <numerusform>on push since %1 (%n event)</numerusform>
            <numerusform>on push since %1 (%n events)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::MailboxTableModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <extracomment>a duration in days</extracomment>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <extracomment>withheld by security permissions</extracomment>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <extracomment>withheld by security permissions</extracomment>
        <translation>
            <numerusform>%n field</numerusform>
            <numerusform>%n fields</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::MainWindow</name>
    <message numerus="yes">
        <source>%1: %2 of %n connection(s) in use</source>
        <extracomment>%1 is a server profile's name</extracomment>
        <translation>
            <numerusform>%1: %2 of %n connection in use</numerusform>
            <numerusform>%1: %2 of %n connections in use</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) selected.</source>
        <translation>
            <numerusform>%n mailbox selected.</numerusform>
            <numerusform>%n mailboxes selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resync requested for %n mailbox(es)</source>
        <translation>
            <numerusform>Resync requested for %n mailbox</numerusform>
            <numerusform>Resync requested for %n mailboxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enabled %n mailboxes; they sync now</source>
        <extracomment>plural: Enabled %n mailbox; it syncs now</extracomment>
        <translation>
            <numerusform>Enabled %n mailbox; it syncs now</numerusform>
            <numerusform>Enabled %n mailboxes; they sync now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %n mailbox(es)</source>
        <translation>
            <numerusform>Disabled %n mailbox</numerusform>
            <numerusform>Disabled %n mailboxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) — %1 OK, %2 failing, %3 syncing, %4 disabled, %5 never synced, %6 overdue</source>
        <translation>
            <numerusform>%n mailbox — %1 OK, %2 failing, %3 syncing, %4 disabled, %5 never synced, %6 overdue</numerusform>
            <numerusform>%n mailboxes — %1 OK, %2 failing, %3 syncing, %4 disabled, %5 never synced, %6 overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n mailbox(es)…</source>
        <translation>
            <numerusform>Exporting %n mailbox…</numerusform>
            <numerusform>Exporting %n mailboxes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n mailbox(es) to %1</source>
        <translation>
            <numerusform>Exported %n mailbox to %1</numerusform>
            <numerusform>Exported %n mailboxes to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>View “%1”: %2 of %n mailbox(es)</source>
        <translation>
            <numerusform>View “%1”: %2 of %n mailbox</numerusform>
            <numerusform>View “%1”: %2 of %n mailboxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected mailbox(es)</source>
        <extracomment>completes "Showing the %n mailbox(es) of %1."</extracomment>
        <translation>
            <numerusform>%n selected mailbox</numerusform>
            <numerusform>%n selected mailboxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n mailbox(es) of %1.</source>
        <extracomment>%1 says whose mailboxes they are: "3 selected mailboxes", an incident, ...</extracomment>
        <translation>
            <numerusform>Showing the %n mailbox of %1.</numerusform>
            <numerusform>Showing the %n mailboxes of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n appointment(s)?</source>
        <translation>
            <numerusform>Delete %n appointment?</numerusform>
            <numerusform>Delete %n appointments?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n task(s)?</source>
        <translation>
            <numerusform>Delete %n task?</numerusform>
            <numerusform>Delete %n tasks?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::NodeCli</name>
    <message numerus="yes">
        <source>Requested an immediate sync of %n mailbox(es); the running syncdesk-node or console picks it up within a second.</source>
        <translation>
            <numerusform>Requested an immediate sync of %n mailbox; the running syncdesk-node or console picks it up within a second.</numerusform>
            <numerusform>Requested an immediate sync of %n mailboxes; the running syncdesk-node or console picks it up within a second.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1/%n mailbox(es)</source>
        <extracomment>Progress of 'sync --once': %1 of %n mailboxes done</extracomment>
        <translation>
            <numerusform>%1/%n mailbox</numerusform>
            <numerusform>%1/%n mailboxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) stored</source>
        <translation>
            <numerusform>%Ln message stored</numerusform>
            <numerusform>%Ln messages stored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: ok, %2 new, %3 fetched, %n item(s) failed (syncdesk-node failures --mailbox %1)</source>
        <extracomment>%1: the mailbox address, %2: new activities, %3: messages fetched</extracomment>
        <translation>
            <numerusform>%1: ok, %2 new, %3 fetched, %n item failed (syncdesk-node failures --mailbox %1)</numerusform>
            <numerusform>%1: ok, %2 new, %3 fetched, %n items failed (syncdesk-node failures --mailbox %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 (%2) into %3: %4 new, %5 updated, %6 unchanged, %n invalid row(s) skipped</source>
        <extracomment>%1: the file, %2: the records ("accounts"), %3: the database, %4-%6: how many records</extracomment>
        <translation>
            <numerusform>Imported %1 (%2) into %3: %4 new, %5 updated, %6 unchanged, %n invalid row skipped</numerusform>
            <numerusform>Imported %1 (%2) into %3: %4 new, %5 updated, %6 unchanged, %n invalid rows skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>raised %1, last %2, %n occurrence(s)</source>
        <extracomment>%1: when the alert was raised, %2: when it last occurred (times in ISO 8601)</extracomment>
        <translation>
            <numerusform>raised %1, last %2, %n occurrence</numerusform>
            <numerusform>raised %1, last %2, %n occurrences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-enabled %n mailboxes disabled by incident %1: %2. They sync now.</source>
        <extracomment>plural: Re-enabled %n mailbox disabled by incident %1: %2. It syncs now.</extracomment>
        <translation>
            <numerusform>Re-enabled %n mailbox disabled by incident %1: %2. It syncs now.</numerusform>
            <numerusform>Re-enabled %n mailboxes disabled by incident %1: %2. They sync now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed item(s) will be fetched again by the next sync of their mailbox.</source>
        <translation>
            <numerusform>%n failed item will be fetched again by the next sync of its mailbox.</numerusform>
            <numerusform>%n failed items will be fetched again by the next sync of their mailbox.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed item(s) will be fetched again by the next sync of their mailbox (requested now for %1).</source>
        <extracomment>%1: how many mailboxes ("3 mailboxes")</extracomment>
        <translation>
            <numerusform>%n failed item will be fetched again by the next sync of its mailbox (requested now for %1).</numerusform>
            <numerusform>%n failed items will be fetched again by the next sync of their mailbox (requested now for %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es)</source>
        <comment>requested now for %1</comment>
        <extracomment>Inserted in "... (requested now for %1)."</extracomment>
        <translation>
            <numerusform>%n mailbox</numerusform>
            <numerusform>%n mailboxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s), last %1</source>
        <extracomment>%1: when it last failed (ISO 8601)</extracomment>
        <translation>
            <numerusform>%n attempt, last %1</numerusform>
            <numerusform>%n attempts, last %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <extracomment>A retention window</extracomment>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n mailbox(es) shown.</source>
        <extracomment>%1 of all %n mailboxes are shown (the filters leave %1)</extracomment>
        <translation>
            <numerusform>%1 of %n mailbox shown.</numerusform>
            <numerusform>%1 of %n mailboxes shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n activities to %1.</source>
        <extracomment>plural: Exported %n activity to %1.</extracomment>
        <translation>
            <numerusform>Exported %n activity to %1.</numerusform>
            <numerusform>Exported %n activities to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>engine %1: workers %2/%3 busy, %n sync(s) running, queue %4</source>
        <extracomment>%1: the engine's id, %2/%3: busy/all workers, %n: syncs running, %4: mailboxes waiting in its queue</extracomment>
        <translation>
            <numerusform>engine %1: workers %2/%3 busy, %n sync running, queue %4</numerusform>
            <numerusform>engine %1: workers %2/%3 busy, %n syncs running, queue %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2/%n connection(s), %3 overdue</source>
        <extracomment>%1: a server profile, %2 of its %n connections are in use, %3: its overdue mailboxes</extracomment>
        <translation>
            <numerusform>%1: %2/%n connection, %3 overdue</numerusform>
            <numerusform>%1: %2/%n connections, %3 overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>needs about %n connection(s) to keep every interval</source>
        <extracomment>Follows "PROFILE: 2/4 connections, 3 overdue" after a dash</extracomment>
        <translation>
            <numerusform>needs about %n connection to keep every interval</numerusform>
            <numerusform>needs about %n connections to keep every interval</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %3 row(s)</source>
        <extracomment>%1: a table, %2 of its %3 rows are copied</extracomment>
        <translation>
            <numerusform>%1: %2 of %3 row</numerusform>
            <numerusform>%1: %2 of %3 rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %1 row(s) in %2 s; every table's count verified. Start the nodes with --db %3; the SQLite file was not changed.</source>
        <extracomment>%1: how many rows, %2: seconds, %3: the target database</extracomment>
        <translation>
            <numerusform>Copied %1 row in %2 s; every table's count verified. Start the nodes with --db %3; the SQLite file was not changed.</numerusform>
            <numerusform>Copied %1 rows in %2 s; every table's count verified. Start the nodes with --db %3; the SQLite file was not changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repairing: fetching %n missing message(s) of %1 again…</source>
        <extracomment>%1: how many mailboxes ("2 mailboxes")</extracomment>
        <translation>
            <numerusform>Repairing: fetching %n missing message of %1 again…</numerusform>
            <numerusform>Repairing: fetching %n missing messages of %1 again…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es)</source>
        <comment>Repairing: fetching … of %1</comment>
        <extracomment>Inserted in "Repairing: fetching 3 missing messages of %1 again…"</extracomment>
        <translation>
            <numerusform>%n mailbox</numerusform>
            <numerusform>%n mailboxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server lists more folders than these %n; name the others in the configuration.</source>
        <translation>
            <numerusform>The server lists more folders than these %n; name the others in the configuration.</numerusform>
            <numerusform>The server lists more folders than these %n; name the others in the configuration.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the approval (the code expires in %n minute(s))...</source>
        <extracomment>%1: minutes</extracomment>
        <translation>
            <numerusform>Waiting for the approval (the code expires in %n minute)...</numerusform>
            <numerusform>Waiting for the approval (the code expires in %n minutes)...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sync(s) running</source>
        <extracomment>The one-line status systemctl status shows: workers running a sync</extracomment>
        <translation>
            <numerusform>%n sync running</numerusform>
            <numerusform>%n syncs running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::OutboxPane</name>
    <message numerus="yes">
        <source>%n recipient(s) refused</source>
        <extracomment>%n: recipients the server refused while it accepted the others</extracomment>
        <translation>
            <numerusform>%n recipient refused</numerusform>
            <numerusform>%n recipients refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) wait to be sent.</source>
        <translation>
            <numerusform>%n email waits to be sent.</numerusform>
            <numerusform>%n emails wait to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) failed; Retry sends them again.</source>
        <translation>
            <numerusform>%n email failed; Retry sends it again.</numerusform>
            <numerusform>%n emails failed; Retry sends them again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s).</source>
        <translation>
            <numerusform>%n draft.</numerusform>
            <numerusform>%n drafts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The latest %n email(s) sent.</source>
        <translation>
            <numerusform>The latest %n email sent.</numerusform>
            <numerusform>The latest %n emails sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled email(s).</source>
        <translation>
            <numerusform>%n cancelled email.</numerusform>
            <numerusform>%n cancelled emails.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The latest %n outgoing email(s).</source>
        <translation>
            <numerusform>The latest %n outgoing email.</numerusform>
            <numerusform>The latest %n outgoing emails.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::Pop3::Session</name>
    <message numerus="yes">
        <source>%1 did not complete %2 in time (%3 s allowed from sending it, plus the time for %n byte(s) at %4 KiB/s)</source>
        <extracomment>%1 is the server, %2 a POP3 command (RETR), %3 a number of seconds, %4 a rate in KiB per second</extracomment>
        <translation>
            <numerusform>%1 did not complete %2 in time (%3 s allowed from sending it, plus the time for %n byte at %4 KiB/s)</numerusform>
            <numerusform>%1 did not complete %2 in time (%3 s allowed from sending it, plus the time for %n bytes at %4 KiB/s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::StorePoller</name>
    <message numerus="yes">
        <source>Re-enabled %n mailbox(es) disabled by incident %1; they sync now</source>
        <extracomment>%1 is the incident's number</extracomment>
        <translation>
            <numerusform>Re-enabled %n mailbox disabled by incident %1; it syncs now</numerusform>
            <numerusform>Re-enabled %n mailboxes disabled by incident %1; they sync now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed item(s) will be fetched again by the next sync</source>
        <translation>
            <numerusform>%n failed item will be fetched again by the next sync</numerusform>
            <numerusform>%n failed items will be fetched again by the next sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n email(s) changed.</source>
        <extracomment>%1: the action (retry, cancel, send-draft); %n: how many emails it changed</extracomment>
        <translation>
            <numerusform>%1: %n email changed.</numerusform>
            <numerusform>%1: %n emails changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) deleted; their mailboxes delete them from their calendars next</source>
        <translation>
            <numerusform>%n appointment deleted; their mailboxes delete them from their calendars next</numerusform>
            <numerusform>%n appointments deleted; their mailboxes delete them from their calendars next</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) deleted; their mailboxes delete them from their task lists next</source>
        <translation>
            <numerusform>%n task deleted; their mailboxes delete them from their task lists next</numerusform>
            <numerusform>%n tasks deleted; their mailboxes delete them from their task lists next</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::SyncWorker</name>
    <message numerus="yes">
        <source>%n email(s) interrupted by a stopped run and not found in Sent are sent again</source>
        <translation>
            <numerusform>%n email interrupted by a stopped run and not found in Sent is sent again</numerusform>
            <numerusform>%n emails interrupted by a stopped run and not found in Sent are sent again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk::TroubleshootingController</name>
    <message numerus="yes">
        <source>All %n selected mailbox(es) are enabled already; Test connection tests one.</source>
        <translation>
            <numerusform>The %n selected mailbox is enabled already; Test connection tests one.</numerusform>
            <numerusform>All %n selected mailboxes are enabled already; Test connection tests one.</numerusform>
        </translation>
    </message>
</context>
</TS>