<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>No %1</source>
        <translation>Keine %1</translation>
    </message>
    <message>
        <source>%1 %2 · total %3</source>
        <translation>%1 %2 · Summe %3</translation>
    </message>
    <message>
        <source>resetting or reinstalling a pod is for support, admins and owners</source>
        <translation>Zurücksetzen oder Neuinstallieren eines Pods ist Support, Admins und Inhabern vorbehalten</translation>
    </message>
    <message>
        <source>Only owners and admins manage the mail settings.</source>
        <translation>Nur Inhaber und Administratoren verwalten die E-Mail-Einstellungen.</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>mPanel console</source>
        <translation>mPanel-Konsole</translation>
    </message>
    <message>
        <source>Read settings from &lt;file&gt;.</source>
        <translation>Einstellungen aus &lt;file&gt; lesen.</translation>
    </message>
    <message>
        <source>Save a picture of the main window to &lt;file&gt; once it is ready, then quit.</source>
        <translation>Ein Bild des Hauptfensters nach &lt;file&gt; speichern, sobald es bereit ist, und dann beenden.</translation>
    </message>
    <message>
        <source>mPanel</source>
        <translation>mPanel</translation>
    </message>
    <message>
        <source>The configuration cannot be read: %1</source>
        <translation>Die Konfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Show tab &lt;title&gt; (e.g. Findings) of that section first.</source>
        <translation>Zuerst den Reiter &lt;title&gt; (z. B. Befunde) dieses Bereichs anzeigen.</translation>
    </message>
    <message>
        <source>Show section &lt;name&gt; first: its id or English name (e.g. billing or Billing) in any language, or its name as shown.</source>
        <translation>Zuerst den Bereich &lt;name&gt; zeigen: seine ID oder sein englischer Name (z. B. billing oder Billing) in jeder Sprache, oder sein angezeigter Name.</translation>
    </message>
</context>
<context>
    <name>mp::AlertTableModel</name>
    <message>
        <source>Check down</source>
        <translation>Prüfung meldet Ausfall</translation>
    </message>
    <message>
        <source>Node down</source>
        <translation>Knoten ausgefallen</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>Speicherplatz voll</translation>
    </message>
    <message>
        <source>Slow query</source>
        <translation>Langsame Abfrage</translation>
    </message>
    <message>
        <source>Jobs failing</source>
        <translation>Jobs schlagen fehl</translation>
    </message>
    <message>
        <source>open (flapping)</source>
        <translation>offen (schwankend)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>aufgehoben</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Festgestellt</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Aufgehoben</translation>
    </message>
</context>
<context>
    <name>mp::BillingPage</name>
    <message>
        <source>&amp;Overdue only</source>
        <translation>&amp;Nur überfällige</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Invoices:</source>
        <translation>Rechnungen:</translation>
    </message>
    <message>
        <source>Orders:</source>
        <translation>Bestellungen:</translation>
    </message>
    <message>
        <source>Only this &amp;customer</source>
        <translation>Nur dieser &amp;Kunde</translation>
    </message>
    <message>
        <source>&amp;Open invoice…</source>
        <translation>Rechnung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Billing&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Abrechnung&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Customer: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Kunde: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>Bestellungen</translation>
    </message>
</context>
<context>
    <name>mp::BusinessOverviewPanel</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>provisioning</source>
        <translation>in Bereitstellung</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>gekündigt</translation>
    </message>
    <message>
        <source>Revenue this month</source>
        <translation>Umsatz in diesem Monat</translation>
    </message>
    <message>
        <source>Monthly recurring revenue</source>
        <translation>Monatlich wiederkehrender Umsatz</translation>
    </message>
    <message>
        <source>Open invoices</source>
        <translation>Offene Rechnungen</translation>
    </message>
    <message>
        <source>Overdue invoices</source>
        <translation>Überfällige Rechnungen</translation>
    </message>
    <message>
        <source>Renewals in 7 days</source>
        <translation>Verlängerungen in 7 Tagen</translation>
    </message>
    <message>
        <source>New customers this month</source>
        <translation>Neue Kunden in diesem Monat</translation>
    </message>
    <message>
        <source>CloudPods</source>
        <translation>CloudPods</translation>
    </message>
    <message>
        <source>Jobs in the last 24 hours</source>
        <translation>Jobs in den letzten 24 Stunden</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <source>Could not read the figures: %1</source>
        <translation>Die Kennzahlen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>paid invoices, %1</source>
        <translation>bezahlte Rechnungen, %1</translation>
    </message>
    <message>
        <source>active subscriptions, per month</source>
        <translation>aktive Abonnements, pro Monat</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>completed; %1 failed, %2 waiting</source>
        <translation>abgeschlossen; %1 fehlgeschlagen, %2 wartend</translation>
    </message>
    <message>
        <source>Revenue by month (paid invoices)</source>
        <translation>Umsatz nach Monat (bezahlte Rechnungen)</translation>
    </message>
</context>
<context>
    <name>mp::CatalogPage</name>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>Any visibility</source>
        <translation>Jede Sichtbarkeit</translation>
    </message>
    <message>
        <source>Search products…</source>
        <translation>Produkte suchen…</translation>
    </message>
    <message>
        <source>&amp;New product…</source>
        <translation>&amp;Neues Produkt…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>CloudPod templates</source>
        <translation>CloudPod-Vorlagen</translation>
    </message>
    <message>
        <source>TLD prices</source>
        <translation>TLD-Preise</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Catalog&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Katalog&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Delete product</source>
        <translation>Produkt löschen</translation>
    </message>
    <message>
        <source>Delete %1? A product that was ever ordered is retired instead: it stays for its subscriptions and invoices but cannot be ordered again.</source>
        <translation>%1 löschen? Ein Produkt, das schon einmal bestellt wurde, wird stattdessen eingestellt: Es bleibt für seine Abonnements und Rechnungen erhalten, kann aber nicht mehr bestellt werden.</translation>
    </message>
    <message>
        <source>%1 could not be deleted: %2</source>
        <translation>%1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>%1 was ordered before, so it was retired, not deleted.</source>
        <translation>%1 wurde bereits bestellt und daher eingestellt, nicht gelöscht.</translation>
    </message>
    <message>
        <source>%1 was deleted.</source>
        <translation>%1 wurde gelöscht.</translation>
    </message>
</context>
<context>
    <name>mp::CheckStatusModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
</context>
<context>
    <name>mp::CloudPodDetailDialog</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>&amp;Unsuspend</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>&amp;Terminate…</source>
        <translation>&amp;Kündigen…</translation>
    </message>
    <message>
        <source>CloudPod</source>
        <translation>CloudPod</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation>Hostname:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Letzter Fehler:</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>No log lines</source>
        <translation>Keine Protokollzeilen</translation>
    </message>
    <message>
        <source>Jobs (select one for its log):</source>
        <translation>Jobs (einen auswählen, um sein Protokoll zu sehen):</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>not placed yet</source>
        <translation>noch nicht platziert</translation>
    </message>
    <message>
        <source>%1 / %2, VMID %3 (%4)</source>
        <translation>%1 / %2, VMID %3 (%4)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>Terminate CloudPod</source>
        <translation>CloudPod kündigen</translation>
    </message>
    <message>
        <source>Terminate %1? Its guest is stopped and destroyed with its disks, and its address and node capacity are released. This cannot be undone.</source>
        <translation>%1 kündigen? Der Gast wird angehalten und samt seinen Datenträgern gelöscht; seine Adresse und die Knotenkapazität werden freigegeben. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>&amp;Passwort zurücksetzen…</translation>
    </message>
    <message>
        <source>Re&amp;install…</source>
        <translation>Neu &amp;installieren…</translation>
    </message>
    <message>
        <source>Connect:</source>
        <translation>Verbinden:</translation>
    </message>
    <message>
        <source>once it has an address</source>
        <translation>sobald er eine Adresse hat</translation>
    </message>
    <message>
        <source>The new password of %1 on %2:

%3

Copy it now: it is shown this once and mPanel keeps no copy once the pod has it.</source>
        <translation>Das neue Passwort von %1 auf %2:

%3

Kopieren Sie es jetzt: Es wird nur dieses eine Mal gezeigt, und mPanel behält keine Kopie, sobald der Pod es hat.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Reinstall CloudPod</source>
        <translation>CloudPod neu installieren</translation>
    </message>
    <message>
        <source>Reinstall %1 from its template? Everything on its disk is erased. It keeps its name, address, VMID and SSH keys.</source>
        <translation>%1 aus seiner Vorlage neu installieren? Alles auf seiner Festplatte wird gelöscht. Name, Adresse, VMID und SSH-Schlüssel bleiben erhalten.</translation>
    </message>
    <message>
        <source>Generate a new root password</source>
        <translation>Ein neues Root-Passwort erzeugen</translation>
    </message>
    <message>
        <source>Reinstalled: new root password</source>
        <translation>Neu installiert: neues Root-Passwort</translation>
    </message>
</context>
<context>
    <name>mp::CloudPodFindingModel</name>
    <message>
        <source>Orphan guest</source>
        <translation>Verwaister Gast</translation>
    </message>
    <message>
        <source>Guest missing</source>
        <translation>Gast fehlt</translation>
    </message>
    <message>
        <source>Resolved %1</source>
        <translation>Behoben am %1</translation>
    </message>
    <message>
        <source>no pod</source>
        <translation>kein Pod</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Cluster / node</source>
        <translation>Cluster / Knoten</translation>
    </message>
    <message>
        <source>VMID</source>
        <translation>VMID</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Erkannt</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>mp::CloudPodTableModel</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Gekündigt</translation>
    </message>
    <message>
        <source>%1, terminating</source>
        <translation>%1, wird gekündigt</translation>
    </message>
    <message>
        <source>%1, suspending</source>
        <translation>%1, wird gesperrt</translation>
    </message>
    <message>
        <source>%1, resuming</source>
        <translation>%1, wird entsperrt</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>mp::CloudPodTemplateModel</name>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n Kern</numerusform>
            <numerusform>%n Kerne</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>, VLAN %1</source>
        <translation>, VLAN %1</translation>
    </message>
    <message>
        <source>, %1 Mbit/s</source>
        <translation>, %1 Mbit/s</translation>
    </message>
    <message>
        <source>, unlimited</source>
        <translation>, unbegrenzt</translation>
    </message>
    <message>
        <source>LXC %1</source>
        <translation>LXC %1</translation>
    </message>
    <message>
        <source>QEMU clone of %1</source>
        <translation>QEMU-Klon von %1</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>pool %1</source>
        <translation>Pool %1</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Platzierung</translation>
    </message>
</context>
<context>
    <name>mp::CloudPodsPage</name>
    <message>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Any node</source>
        <translation>Jeder Knoten</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <source>Only this &amp;customer</source>
        <translation>Nur dieser &amp;Kunde</translation>
    </message>
    <message>
        <source>&amp;Open pod…</source>
        <translation>Pod ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Customer: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Kunde: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>mp::ConsoleController</name>
    <message>
        <source>Connection restored.</source>
        <translation>Verbindung wiederhergestellt.</translation>
    </message>
    <message>
        <source>Your session ended: %1</source>
        <translation>Ihre Sitzung wurde beendet: %1</translation>
    </message>
    <message>
        <source>Starting the embedded database…</source>
        <translation>Die eingebettete Datenbank wird gestartet…</translation>
    </message>
    <message>
        <source>Connecting to the database…</source>
        <translation>Verbindung zur Datenbank wird hergestellt…</translation>
    </message>
    <message>
        <source>The database is not available: %1</source>
        <translation>Die Datenbank ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Reading the remembered password…</source>
        <translation>Das gespeicherte Passwort wird gelesen…</translation>
    </message>
    <message>
        <source>The remembered password could not be read: %1</source>
        <translation>Das gespeicherte Passwort konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>Anmeldung als %1…</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The password could not be kept in the keychain: %1</source>
        <translation>Das Passwort konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The login or the password is not right. Check both and try again.</source>
        <translation>Anmeldename oder Passwort stimmen nicht. Prüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>mp::Countries</name>
    <message>
        <source>Andorra</source>
        <translation>Andorra</translation>
    </message>
    <message>
        <source>United Arab Emirates</source>
        <translation>Vereinigte Arabische Emirate</translation>
    </message>
    <message>
        <source>Afghanistan</source>
        <translation>Afghanistan</translation>
    </message>
    <message>
        <source>Antigua And Barbuda</source>
        <translation>Antigua und Barbuda</translation>
    </message>
    <message>
        <source>Anguilla</source>
        <translation>Anguilla</translation>
    </message>
    <message>
        <source>Albania</source>
        <translation>Albanien</translation>
    </message>
    <message>
        <source>Armenia</source>
        <translation>Armenien</translation>
    </message>
    <message>
        <source>Angola</source>
        <translation>Angola</translation>
    </message>
    <message>
        <source>Antarctica</source>
        <translation>Antarktis</translation>
    </message>
    <message>
        <source>Argentina</source>
        <translation>Argentinien</translation>
    </message>
    <message>
        <source>American Samoa</source>
        <translation>Amerikanisch-Samoa</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>Österreich</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australien</translation>
    </message>
    <message>
        <source>Aruba</source>
        <translation>Aruba</translation>
    </message>
    <message>
        <source>Aland Islands</source>
        <translation>Åland</translation>
    </message>
    <message>
        <source>Azerbaijan</source>
        <translation>Aserbaidschan</translation>
    </message>
    <message>
        <source>Bosnia And Herzegovina</source>
        <translation>Bosnien und Herzegowina</translation>
    </message>
    <message>
        <source>Barbados</source>
        <translation>Barbados</translation>
    </message>
    <message>
        <source>Bangladesh</source>
        <translation>Bangladesch</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>Belgien</translation>
    </message>
    <message>
        <source>Burkina Faso</source>
        <translation>Burkina Faso</translation>
    </message>
    <message>
        <source>Bulgaria</source>
        <translation>Bulgarien</translation>
    </message>
    <message>
        <source>Bahrain</source>
        <translation>Bahrain</translation>
    </message>
    <message>
        <source>Burundi</source>
        <translation>Burundi</translation>
    </message>
    <message>
        <source>Benin</source>
        <translation>Benin</translation>
    </message>
    <message>
        <source>Saint Barthelemy</source>
        <translation>Saint-Barthélemy</translation>
    </message>
    <message>
        <source>Bermuda</source>
        <translation>Bermuda</translation>
    </message>
    <message>
        <source>Brunei</source>
        <translation>Brunei</translation>
    </message>
    <message>
        <source>Bolivia</source>
        <translation>Bolivien</translation>
    </message>
    <message>
        <source>Caribbean Netherlands</source>
        <translation>Karibische Niederlande</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation>Brasilien</translation>
    </message>
    <message>
        <source>Bahamas</source>
        <translation>Bahamas</translation>
    </message>
    <message>
        <source>Bhutan</source>
        <translation>Bhutan</translation>
    </message>
    <message>
        <source>Bouvet Island</source>
        <translation>Bouvet-Insel</translation>
    </message>
    <message>
        <source>Botswana</source>
        <translation>Botsuana</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>Belarus</translation>
    </message>
    <message>
        <source>Belize</source>
        <translation>Belize</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Kanada</translation>
    </message>
    <message>
        <source>Cocos Islands</source>
        <translation>Kokosinseln</translation>
    </message>
    <message>
        <source>Congo Kinshasa</source>
        <translation>Kongo (Kinshasa)</translation>
    </message>
    <message>
        <source>Central African Republic</source>
        <translation>Zentralafrikanische Republik</translation>
    </message>
    <message>
        <source>Congo Brazzaville</source>
        <translation>Kongo (Brazzaville)</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Schweiz</translation>
    </message>
    <message>
        <source>Ivory Coast</source>
        <translation>Elfenbeinküste</translation>
    </message>
    <message>
        <source>Cook Islands</source>
        <translation>Cookinseln</translation>
    </message>
    <message>
        <source>Chile</source>
        <translation>Chile</translation>
    </message>
    <message>
        <source>Cameroon</source>
        <translation>Kamerun</translation>
    </message>
    <message>
        <source>China</source>
        <translation>China</translation>
    </message>
    <message>
        <source>Colombia</source>
        <translation>Kolumbien</translation>
    </message>
    <message>
        <source>Costa Rica</source>
        <translation>Costa Rica</translation>
    </message>
    <message>
        <source>Cuba</source>
        <translation>Kuba</translation>
    </message>
    <message>
        <source>Cape Verde</source>
        <translation>Kap Verde</translation>
    </message>
    <message>
        <source>Curacao</source>
        <translation>Curaçao</translation>
    </message>
    <message>
        <source>Christmas Island</source>
        <translation>Weihnachtsinseln</translation>
    </message>
    <message>
        <source>Cyprus</source>
        <translation>Zypern</translation>
    </message>
    <message>
        <source>Czechia</source>
        <translation>Tschechien</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Deutschland</translation>
    </message>
    <message>
        <source>Djibouti</source>
        <translation>Dschibuti</translation>
    </message>
    <message>
        <source>Denmark</source>
        <translation>Dänemark</translation>
    </message>
    <message>
        <source>Dominica</source>
        <translation>Dominica</translation>
    </message>
    <message>
        <source>Dominican Republic</source>
        <translation>Dominikanische Republik</translation>
    </message>
    <message>
        <source>Algeria</source>
        <translation>Algerien</translation>
    </message>
    <message>
        <source>Ecuador</source>
        <translation>Ecuador</translation>
    </message>
    <message>
        <source>Estonia</source>
        <translation>Estland</translation>
    </message>
    <message>
        <source>Egypt</source>
        <translation>Ägypten</translation>
    </message>
    <message>
        <source>Western Sahara</source>
        <translation>Westsahara</translation>
    </message>
    <message>
        <source>Eritrea</source>
        <translation>Eritrea</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>Spanien</translation>
    </message>
    <message>
        <source>Ethiopia</source>
        <translation>Äthiopien</translation>
    </message>
    <message>
        <source>Finland</source>
        <translation>Finnland</translation>
    </message>
    <message>
        <source>Fiji</source>
        <translation>Fidschi</translation>
    </message>
    <message>
        <source>Falkland Islands</source>
        <translation>Falklandinseln</translation>
    </message>
    <message>
        <source>Micronesia</source>
        <translation>Mikronesien</translation>
    </message>
    <message>
        <source>Faroe Islands</source>
        <translation>Färöer-Inseln</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Frankreich</translation>
    </message>
    <message>
        <source>Gabon</source>
        <translation>Gabun</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Vereinigtes Königreich</translation>
    </message>
    <message>
        <source>Grenada</source>
        <translation>Grenada</translation>
    </message>
    <message>
        <source>Georgia</source>
        <translation>Georgien</translation>
    </message>
    <message>
        <source>French Guiana</source>
        <translation>Französisch-Guyana</translation>
    </message>
    <message>
        <source>Guernsey</source>
        <translation>Guernsey</translation>
    </message>
    <message>
        <source>Ghana</source>
        <translation>Ghana</translation>
    </message>
    <message>
        <source>Gibraltar</source>
        <translation>Gibraltar</translation>
    </message>
    <message>
        <source>Greenland</source>
        <translation>Grönland</translation>
    </message>
    <message>
        <source>Gambia</source>
        <translation>Gambia</translation>
    </message>
    <message>
        <source>Guinea</source>
        <translation>Guinea</translation>
    </message>
    <message>
        <source>Guadeloupe</source>
        <translation>Guadeloupe</translation>
    </message>
    <message>
        <source>Equatorial Guinea</source>
        <translation>Äquatorialguinea</translation>
    </message>
    <message>
        <source>Greece</source>
        <translation>Griechenland</translation>
    </message>
    <message>
        <source>South Georgia And South Sandwich Islands</source>
        <translation>Südgeorgien und die Südlichen Sandwichinseln</translation>
    </message>
    <message>
        <source>Guatemala</source>
        <translation>Guatemala</translation>
    </message>
    <message>
        <source>Guam</source>
        <translation>Guam</translation>
    </message>
    <message>
        <source>Guinea Bissau</source>
        <translation>Guinea-Bissau</translation>
    </message>
    <message>
        <source>Guyana</source>
        <translation>Guyana</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>Hongkong</translation>
    </message>
    <message>
        <source>Heard And McDonald Islands</source>
        <translation>Heard und McDonaldinseln</translation>
    </message>
    <message>
        <source>Honduras</source>
        <translation>Honduras</translation>
    </message>
    <message>
        <source>Croatia</source>
        <translation>Kroatien</translation>
    </message>
    <message>
        <source>Haiti</source>
        <translation>Haiti</translation>
    </message>
    <message>
        <source>Hungary</source>
        <translation>Ungarn</translation>
    </message>
    <message>
        <source>Indonesia</source>
        <translation>Indonesien</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irland</translation>
    </message>
    <message>
        <source>Israel</source>
        <translation>Israel</translation>
    </message>
    <message>
        <source>Isle Of Man</source>
        <translation>Isle of Man</translation>
    </message>
    <message>
        <source>India</source>
        <translation>Indien</translation>
    </message>
    <message>
        <source>British Indian Ocean Territory</source>
        <translation>Britisches Territorium im Indischen Ozean</translation>
    </message>
    <message>
        <source>Iraq</source>
        <translation>Irak</translation>
    </message>
    <message>
        <source>Iran</source>
        <translation>Iran</translation>
    </message>
    <message>
        <source>Iceland</source>
        <translation>Island</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>Italien</translation>
    </message>
    <message>
        <source>Jersey</source>
        <translation>Jersey</translation>
    </message>
    <message>
        <source>Jamaica</source>
        <translation>Jamaika</translation>
    </message>
    <message>
        <source>Jordan</source>
        <translation>Jordanien</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Japan</translation>
    </message>
    <message>
        <source>Kenya</source>
        <translation>Kenia</translation>
    </message>
    <message>
        <source>Kyrgyzstan</source>
        <translation>Kirgisistan</translation>
    </message>
    <message>
        <source>Cambodia</source>
        <translation>Kambodscha</translation>
    </message>
    <message>
        <source>Kiribati</source>
        <translation>Kiribati</translation>
    </message>
    <message>
        <source>Comoros</source>
        <translation>Komoren</translation>
    </message>
    <message>
        <source>Saint Kitts And Nevis</source>
        <translation>St. Kitts und Nevis</translation>
    </message>
    <message>
        <source>North Korea</source>
        <translation>Nordkorea</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>Südkorea</translation>
    </message>
    <message>
        <source>Kuwait</source>
        <translation>Kuwait</translation>
    </message>
    <message>
        <source>Cayman Islands</source>
        <translation>Cayman-Inseln</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Kasachstan</translation>
    </message>
    <message>
        <source>Laos</source>
        <translation>Laos</translation>
    </message>
    <message>
        <source>Lebanon</source>
        <translation>Libanon</translation>
    </message>
    <message>
        <source>Saint Lucia</source>
        <translation>St. Lucia</translation>
    </message>
    <message>
        <source>Liechtenstein</source>
        <translation>Liechtenstein</translation>
    </message>
    <message>
        <source>Sri Lanka</source>
        <translation>Sri Lanka</translation>
    </message>
    <message>
        <source>Liberia</source>
        <translation>Liberia</translation>
    </message>
    <message>
        <source>Lesotho</source>
        <translation>Lesotho</translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation>Litauen</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>Luxemburg</translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation>Lettland</translation>
    </message>
    <message>
        <source>Libya</source>
        <translation>Libyen</translation>
    </message>
    <message>
        <source>Morocco</source>
        <translation>Marokko</translation>
    </message>
    <message>
        <source>Monaco</source>
        <translation>Monaco</translation>
    </message>
    <message>
        <source>Moldova</source>
        <translation>Moldau</translation>
    </message>
    <message>
        <source>Montenegro</source>
        <translation>Montenegro</translation>
    </message>
    <message>
        <source>Saint Martin</source>
        <translation>Saint-Martin</translation>
    </message>
    <message>
        <source>Madagascar</source>
        <translation>Madagaskar</translation>
    </message>
    <message>
        <source>Marshall Islands</source>
        <translation>Marshallinseln</translation>
    </message>
    <message>
        <source>Macedonia</source>
        <translation>Nordmazedonien</translation>
    </message>
    <message>
        <source>Mali</source>
        <translation>Mali</translation>
    </message>
    <message>
        <source>Myanmar</source>
        <translation>Myanmar</translation>
    </message>
    <message>
        <source>Mongolia</source>
        <translation>Mongolei</translation>
    </message>
    <message>
        <source>Macao</source>
        <translation>Macao</translation>
    </message>
    <message>
        <source>Northern Mariana Islands</source>
        <translation>Nördliche Marianen</translation>
    </message>
    <message>
        <source>Martinique</source>
        <translation>Martinique</translation>
    </message>
    <message>
        <source>Mauritania</source>
        <translation>Mauretanien</translation>
    </message>
    <message>
        <source>Montserrat</source>
        <translation>Montserrat</translation>
    </message>
    <message>
        <source>Malta</source>
        <translation>Malta</translation>
    </message>
    <message>
        <source>Mauritius</source>
        <translation>Mauritius</translation>
    </message>
    <message>
        <source>Maldives</source>
        <translation>Malediven</translation>
    </message>
    <message>
        <source>Malawi</source>
        <translation>Malawi</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>Mexiko</translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation>Malaysia</translation>
    </message>
    <message>
        <source>Mozambique</source>
        <translation>Mosambik</translation>
    </message>
    <message>
        <source>Namibia</source>
        <translation>Namibia</translation>
    </message>
    <message>
        <source>New Caledonia</source>
        <translation>Neukaledonien</translation>
    </message>
    <message>
        <source>Niger</source>
        <translation>Niger</translation>
    </message>
    <message>
        <source>Norfolk Island</source>
        <translation>Norfolkinsel</translation>
    </message>
    <message>
        <source>Nigeria</source>
        <translation>Nigeria</translation>
    </message>
    <message>
        <source>Nicaragua</source>
        <translation>Nicaragua</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Niederlande</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation>Norwegen</translation>
    </message>
    <message>
        <source>Nepal</source>
        <translation>Nepal</translation>
    </message>
    <message>
        <source>Nauru</source>
        <translation>Nauru</translation>
    </message>
    <message>
        <source>Niue</source>
        <translation>Niue</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>Neuseeland</translation>
    </message>
    <message>
        <source>Oman</source>
        <translation>Oman</translation>
    </message>
    <message>
        <source>Panama</source>
        <translation>Panama</translation>
    </message>
    <message>
        <source>Peru</source>
        <translation>Peru</translation>
    </message>
    <message>
        <source>French Polynesia</source>
        <translation>Französisch-Polynesien</translation>
    </message>
    <message>
        <source>Papua New Guinea</source>
        <translation>Papua-Neuguinea</translation>
    </message>
    <message>
        <source>Philippines</source>
        <translation>Philippinen</translation>
    </message>
    <message>
        <source>Pakistan</source>
        <translation>Pakistan</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>Polen</translation>
    </message>
    <message>
        <source>Saint Pierre And Miquelon</source>
        <translation>Saint-Pierre und Miquelon</translation>
    </message>
    <message>
        <source>Pitcairn</source>
        <translation>Pitcairn</translation>
    </message>
    <message>
        <source>Puerto Rico</source>
        <translation>Puerto Rico</translation>
    </message>
    <message>
        <source>Palestinian Territories</source>
        <translation>Palästinensische Gebiete</translation>
    </message>
    <message>
        <source>Portugal</source>
        <translation>Portugal</translation>
    </message>
    <message>
        <source>Palau</source>
        <translation>Palau</translation>
    </message>
    <message>
        <source>Paraguay</source>
        <translation>Paraguay</translation>
    </message>
    <message>
        <source>Qatar</source>
        <translation>Katar</translation>
    </message>
    <message>
        <source>Reunion</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>Romania</source>
        <translation>Rumänien</translation>
    </message>
    <message>
        <source>Serbia</source>
        <translation>Serbien</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Russland</translation>
    </message>
    <message>
        <source>Rwanda</source>
        <translation>Ruanda</translation>
    </message>
    <message>
        <source>Saudi Arabia</source>
        <translation>Saudi-Arabien</translation>
    </message>
    <message>
        <source>Solomon Islands</source>
        <translation>Salomoninseln</translation>
    </message>
    <message>
        <source>Seychelles</source>
        <translation>Seychellen</translation>
    </message>
    <message>
        <source>Sudan</source>
        <translation>Sudan</translation>
    </message>
    <message>
        <source>Sweden</source>
        <translation>Schweden</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>Singapur</translation>
    </message>
    <message>
        <source>Saint Helena</source>
        <translation>St. Helena</translation>
    </message>
    <message>
        <source>Slovenia</source>
        <translation>Slowenien</translation>
    </message>
    <message>
        <source>Svalbard And Jan Mayen</source>
        <translation>Svalbard und Jan Mayen</translation>
    </message>
    <message>
        <source>Slovakia</source>
        <translation>Slowakei</translation>
    </message>
    <message>
        <source>Sierra Leone</source>
        <translation>Sierra Leone</translation>
    </message>
    <message>
        <source>San Marino</source>
        <translation>San Marino</translation>
    </message>
    <message>
        <source>Senegal</source>
        <translation>Senegal</translation>
    </message>
    <message>
        <source>Somalia</source>
        <translation>Somalia</translation>
    </message>
    <message>
        <source>Suriname</source>
        <translation>Suriname</translation>
    </message>
    <message>
        <source>South Sudan</source>
        <translation>Südsudan</translation>
    </message>
    <message>
        <source>Sao Tome And Principe</source>
        <translation>São Tomé und Príncipe</translation>
    </message>
    <message>
        <source>El Salvador</source>
        <translation>El Salvador</translation>
    </message>
    <message>
        <source>Sint Maarten</source>
        <translation>Sint Maarten</translation>
    </message>
    <message>
        <source>Syria</source>
        <translation>Syrien</translation>
    </message>
    <message>
        <source>Eswatini</source>
        <translation>Eswatini</translation>
    </message>
    <message>
        <source>Turks And Caicos Islands</source>
        <translation>Turks- und Caicosinseln</translation>
    </message>
    <message>
        <source>Chad</source>
        <translation>Tschad</translation>
    </message>
    <message>
        <source>French Southern Territories</source>
        <translation>Französische Süd- und Antarktisgebiete</translation>
    </message>
    <message>
        <source>Togo</source>
        <translation>Togo</translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation>Thailand</translation>
    </message>
    <message>
        <source>Tajikistan</source>
        <translation>Tadschikistan</translation>
    </message>
    <message>
        <source>Tokelau</source>
        <translation>Tokelau</translation>
    </message>
    <message>
        <source>Timor-Leste</source>
        <translation>Timor-Leste</translation>
    </message>
    <message>
        <source>Turkmenistan</source>
        <translation>Turkmenistan</translation>
    </message>
    <message>
        <source>Tunisia</source>
        <translation>Tunesien</translation>
    </message>
    <message>
        <source>Tonga</source>
        <translation>Tonga</translation>
    </message>
    <message>
        <source>Turkey</source>
        <translation>Türkei</translation>
    </message>
    <message>
        <source>Trinidad And Tobago</source>
        <translation>Trinidad und Tobago</translation>
    </message>
    <message>
        <source>Tuvalu</source>
        <translation>Tuvalu</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>Taiwan</translation>
    </message>
    <message>
        <source>Tanzania</source>
        <translation>Tansania</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>Ukraine</translation>
    </message>
    <message>
        <source>Uganda</source>
        <translation>Uganda</translation>
    </message>
    <message>
        <source>United States Outlying Islands</source>
        <translation>Amerikanische Überseeinseln</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Vereinigte Staaten</translation>
    </message>
    <message>
        <source>Uruguay</source>
        <translation>Uruguay</translation>
    </message>
    <message>
        <source>Uzbekistan</source>
        <translation>Usbekistan</translation>
    </message>
    <message>
        <source>Vatican City</source>
        <translation>Vatikanstadt</translation>
    </message>
    <message>
        <source>Saint Vincent And Grenadines</source>
        <translation>St. Vincent und die Grenadinen</translation>
    </message>
    <message>
        <source>Venezuela</source>
        <translation>Venezuela</translation>
    </message>
    <message>
        <source>British Virgin Islands</source>
        <translation>Britische Jungferninseln</translation>
    </message>
    <message>
        <source>United States Virgin Islands</source>
        <translation>Amerikanische Jungferninseln</translation>
    </message>
    <message>
        <source>Vietnam</source>
        <translation>Vietnam</translation>
    </message>
    <message>
        <source>Vanuatu</source>
        <translation>Vanuatu</translation>
    </message>
    <message>
        <source>Wallis And Futuna</source>
        <translation>Wallis und Futuna</translation>
    </message>
    <message>
        <source>Samoa</source>
        <translation>Samoa</translation>
    </message>
    <message>
        <source>Yemen</source>
        <translation>Jemen</translation>
    </message>
    <message>
        <source>Mayotte</source>
        <translation>Mayotte</translation>
    </message>
    <message>
        <source>South Africa</source>
        <translation>Südafrika</translation>
    </message>
    <message>
        <source>Zambia</source>
        <translation>Sambia</translation>
    </message>
    <message>
        <source>Zimbabwe</source>
        <translation>Simbabwe</translation>
    </message>
</context>
<context>
    <name>mp::CountryPicker</name>
    <message>
        <source>Type a country or its code, e.g. Germany or DE</source>
        <translation>Land oder Ländercode eingeben, z. B. Deutschland oder DE</translation>
    </message>
</context>
<context>
    <name>mp::CustomerAlertsPart</name>
    <message>
        <source>No monitoring alert on this customer&apos;s services.</source>
        <translation>Kein Überwachungsalarm für die Dienste dieses Kunden.</translation>
    </message>
    <message>
        <source>Monitoring alerts</source>
        <translation>Überwachungsalarme</translation>
    </message>
    <message>
        <source>Monitoring alerts could not be read: %1</source>
        <translation>Die Überwachungsalarme konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>mp::CustomerDetailPage</name>
    <message>
        <source>← All customers</source>
        <translation>← Alle Kunden</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Online payments</source>
        <translation>Onlinezahlungen</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>CloudPods</source>
        <translation>CloudPods</translation>
    </message>
    <message>
        <source>Shown here once the %1 module is installed.</source>
        <translation>Wird hier angezeigt, sobald das Modul %1 installiert ist.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Loading…&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Wird geladen…&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Customer&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Kunde&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Portal sign-in</source>
        <translation>Portal-Anmeldung</translation>
    </message>
    <message>
        <source>has a password</source>
        <translation>hat ein Passwort</translation>
    </message>
    <message>
        <source>no password yet</source>
        <translation>noch kein Passwort</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Saved cards: %1</source>
        <translation>Gespeicherte Karten: %1</translation>
    </message>
    <message>
        <source>No saved card: renewals wait for the customer to pay.</source>
        <translation>Keine gespeicherte Karte: Verlängerungen warten auf die Zahlung des Kunden.</translation>
    </message>
    <message>
        <source>%1 •••• %2, %3/%4%5</source>
        <translation>%1 •••• %2, %3/%4%5</translation>
    </message>
    <message>
        <source> (charged for renewals)</source>
        <translation> (wird für Verlängerungen belastet)</translation>
    </message>
    <message>
        <source>Saved cards:</source>
        <translation>Gespeicherte Karten:</translation>
    </message>
    <message>
        <source>DNS zones</source>
        <translation>DNS-Zonen</translation>
    </message>
    <message>
        <source>Monitoring alerts</source>
        <translation>Überwachungsalarme</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>mp::CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Firma:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Postal code:</source>
        <translation>&amp;Postleitzahl:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>&amp;Tax ID:</source>
        <translation>&amp;USt-IdNr.:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>No&amp;tizen:</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>From the country</source>
        <translation>Nach dem Land</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
</context>
<context>
    <name>mp::CustomerMailPart</name>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>mp::CustomerPodsPart</name>
    <message>
        <source>CloudPods</source>
        <translation>CloudPods</translation>
    </message>
</context>
<context>
    <name>mp::CustomerTableModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>mp::CustomerZonesPart</name>
    <message>
        <source>DNS zones</source>
        <translation>DNS-Zonen</translation>
    </message>
</context>
<context>
    <name>mp::CustomersPage</name>
    <message>
        <source>Search name, e-mail or company…</source>
        <translation>Name, E-Mail oder Firma suchen…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>&amp;Neuer Kunde…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Customers&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Kunden&lt;/h2&gt;</translation>
    </message>
</context>
<context>
    <name>mp::DashboardPage</name>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Related to</source>
        <translation>Bezug</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Dashboard&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Übersicht&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <source>Could not read the job figures: %1</source>
        <translation>Die Job-Kennzahlen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No jobs yet: provisioning, invoicing and other background work will show here once it runs.</source>
        <translation>Noch keine Jobs: Bereitstellung, Rechnungsstellung und andere Hintergrundarbeiten erscheinen hier, sobald sie laufen.</translation>
    </message>
    <message>
        <source>No job failed in the last 24 hours.</source>
        <translation>In den letzten 24 Stunden ist kein Job fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>Failed, will retry</source>
        <translation>Fehlgeschlagen, wird wiederholt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Jobs by status&lt;/b&gt;</source>
        <translation>&lt;b&gt;Jobs nach Status&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Failures in the last 24 hours&lt;/b&gt;</source>
        <translation>&lt;b&gt;Fehlschläge in den letzten 24 Stunden&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>mp::DnsPage</name>
    <message>
        <source>No DNS zones yet. Register a PowerDNS server (POST /api/dns/servers), then zones come with CloudPods once a pod zone is set, or are created with POST /api/dns/zones.</source>
        <translation>Noch keine DNS-Zonen. Registrieren Sie einen PowerDNS-Server (POST /api/dns/servers); dann entstehen Zonen mit den CloudPods, sobald eine Pod-Zone eingestellt ist, oder mit POST /api/dns/zones.</translation>
    </message>
    <message>
        <source>Zones on your PowerDNS servers. Changes are checked before PowerDNS sees them and go out as one update per zone; the serial moves once per update.</source>
        <translation>Zonen auf Ihren PowerDNS-Servern. Änderungen werden geprüft, bevor PowerDNS sie sieht, und gehen als eine Aktualisierung je Zone hinaus; die Seriennummer steigt einmal je Aktualisierung.</translation>
    </message>
    <message>
        <source>Record sets</source>
        <translation>Eintragsgruppen</translation>
    </message>
    <message>
        <source>Record sets of %1</source>
        <translation>Eintragsgruppen von %1</translation>
    </message>
    <message>
        <source> · serial %1</source>
        <translation> · Seriennummer %1</translation>
    </message>
    <message>
        <source> · signed, DS %1</source>
        <translation> · signiert, DS %1</translation>
    </message>
    <message numerus="yes">
        <source> · %n change(s) pending</source>
        <translation>
            <numerusform> · %n Änderung ausstehend</numerusform>
            <numerusform> · %n Änderungen ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a zone to see its record sets.</source>
        <translation>Wählen Sie eine Zone, um ihre Eintragsgruppen zu sehen.</translation>
    </message>
    <message>
        <source>This zone has no record sets besides its SOA yet.</source>
        <translation>Diese Zone hat außer ihrem SOA noch keine Eintragsgruppen.</translation>
    </message>
</context>
<context>
    <name>mp::DnsRecordTableModel</name>
    <message>
        <source>Made for %1 %2; removed with it</source>
        <translation>Angelegt für %1 %2; wird mit ihm entfernt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Ausgeliefert</translation>
    </message>
    <message>
        <source>Served (automatic)</source>
        <translation>Ausgeliefert (automatisch)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>mp::DnsZoneTableModel</name>
    <message>
        <source>Being created</source>
        <translation>Wird angelegt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Being deleted</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>(tenant)</source>
        <translation>(Mandant)</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signiert</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) pending</source>
        <translation>
            <numerusform>%n Änderung ausstehend</numerusform>
            <numerusform>%n Änderungen ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>DNSSEC</source>
        <translation>DNSSEC</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
</context>
<context>
    <name>mp::DomainTableModel</name>
    <message>
        <source>Being registered</source>
        <translation>Wird registriert</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Registration failed</source>
        <translation>Registrierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Transfer pending</source>
        <translation>Transfer ausstehend</translation>
    </message>
    <message>
        <source>Transfer failed</source>
        <translation>Transfer fehlgeschlagen</translation>
    </message>
    <message>
        <source>Expired (grace period)</source>
        <translation>Abgelaufen (Karenzzeit)</translation>
    </message>
    <message>
        <source>Redemption period</source>
        <translation>Wiederherstellungsfrist</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Gekündigt</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Name servers</source>
        <translation>Nameserver</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
</context>
<context>
    <name>mp::DomainsPage</name>
    <message numerus="yes">
        <source>Expiring within %n day(s)</source>
        <translation>
            <numerusform>Ablauf innerhalb von %n Tag</numerusform>
            <numerusform>Ablauf innerhalb von %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Domains held at your registrar for your customers. A paid order registers the domain, makes its DNS zone and records the registrar&apos;s expiry; renewal invoices renew it.</source>
        <translation>Domains, die Sie bei Ihrem Registrar für Ihre Kunden halten. Eine bezahlte Bestellung registriert die Domain, legt ihre DNS-Zone an und übernimmt das Ablaufdatum des Registrars; Verlängerungsrechnungen verlängern sie.</translation>
    </message>
    <message numerus="yes">
        <source>No domain expires within %n day(s).</source>
        <translation>
            <numerusform>Keine Domain läuft innerhalb von %n Tag ab.</numerusform>
            <numerusform>Keine Domain läuft innerhalb von %n Tagen ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>No domains yet. Set up the registrar account (PUT /api/domains/registrar) and sell domain products: a paid order registers the domain here.</source>
        <translation>Noch keine Domains. Richten Sie das Registrar-Konto ein (PUT /api/domains/registrar) und verkaufen Sie Domainprodukte: Eine bezahlte Bestellung registriert die Domain hier.</translation>
    </message>
</context>
<context>
    <name>mp::EmptySectionPage</name>
    <message>
        <source>Nothing is here yet.</source>
        <translation>Hier ist noch nichts.</translation>
    </message>
</context>
<context>
    <name>mp::FindingsPage</name>
    <message>
        <source>&amp;Open pod…</source>
        <translation>Pod ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>Compare the clusters&apos; guests with the pods now instead of at the next quarter hour</source>
        <translation>Die Gäste der Cluster jetzt mit den Pods abgleichen statt zur nächsten Viertelstunde</translation>
    </message>
    <message>
        <source>Open findings</source>
        <translation>Offene Befunde</translation>
    </message>
    <message>
        <source>All findings, with resolved</source>
        <translation>Alle Befunde, auch behobene</translation>
    </message>
    <message>
        <source>Reconciliation compares every cluster&apos;s guests with the pods every 15 minutes. It reports and never deletes; a finding is resolved by the first run that no longer sees it.</source>
        <translation>Der Abgleich vergleicht alle 15 Minuten die Gäste jedes Clusters mit den Pods. Er meldet nur und löscht nie; ein Befund gilt als behoben, sobald ein Lauf ihn nicht mehr sieht.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Queueing a reconciliation…</source>
        <translation>Abgleich wird eingereiht…</translation>
    </message>
    <message>
        <source>Could not queue a reconciliation: %1</source>
        <translation>Der Abgleich konnte nicht eingereiht werden: %1</translation>
    </message>
    <message>
        <source>Reconciliation queued (job %1); the table updates when it has run.</source>
        <translation>Abgleich eingereiht (Job %1); die Tabelle wird aktualisiert, sobald er gelaufen ist.</translation>
    </message>
    <message>
        <source>A reconciliation is already pending (job %1); it covers this too.</source>
        <translation>Ein Abgleich steht bereits aus (Job %1); er deckt auch dies ab.</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Last checked %1.</source>
        <translation>Zuletzt geprüft %1.</translation>
    </message>
    <message>
        <source>No check has run yet. Reconciliation compares the clusters&apos; guests with the pods every 15 minutes; &quot;Check now&quot; runs it at once.</source>
        <translation>Es ist noch keine Prüfung gelaufen. Der Abgleich vergleicht alle 15 Minuten die Gäste der Cluster mit den Pods; „Jetzt prüfen&quot; startet ihn sofort.</translation>
    </message>
    <message>
        <source>Reconciliation has reported nothing (last checked %1).</source>
        <translation>Der Abgleich hat nichts gemeldet (zuletzt geprüft %1).</translation>
    </message>
    <message>
        <source>No open findings at the last check (%1): every guest mPanel tagged belongs to a live pod, and every live pod&apos;s guest is there.</source>
        <translation>Keine offenen Befunde bei der letzten Prüfung (%1): Jeder von mPanel markierte Gast gehört zu einem laufenden Pod, und der Gast jedes laufenden Pods ist vorhanden.</translation>
    </message>
</context>
<context>
    <name>mp::GuardianPage</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Address or account</source>
        <translation>Adresse oder Konto</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Verstoß</translation>
    </message>
    <message>
        <source>Ban (s)</source>
        <translation>Sperre (s)</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Beheben</translation>
    </message>
    <message>
        <source>No scan has run yet. Add the log files of your hosts with POST /api/guardian/sources (sshd, Postfix, Dovecot, nginx, BIND, NSD, PowerDNS); the schedule scans them every minute, and findings, remediation tasks and blocks show here.</source>
        <translation>Es wurde noch kein Prüflauf ausgeführt. Fügen Sie die Protokolldateien Ihrer Hosts mit POST /api/guardian/sources hinzu (sshd, Postfix, Dovecot, nginx, BIND, NSD, PowerDNS); der Zeitplan prüft sie jede Minute, und Befunde, Abhilfeaufgaben und Sperren erscheinen hier.</translation>
    </message>
    <message>
        <source>Select a finding to see the log lines that made it.</source>
        <translation>Wählen Sie einen Befund, um die Protokollzeilen zu sehen, aus denen er entstanden ist.</translation>
    </message>
    <message>
        <source>Remediation queue</source>
        <translation>Abhilfe-Warteschlange</translation>
    </message>
    <message>
        <source>Blocks in force</source>
        <translation>Aktive Sperren</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Prüfläufe</translation>
    </message>
    <message>
        <source>Guardian could not be read: %1</source>
        <translation>Die Guardian-Daten konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open finding(s)</source>
        <translation>
            <numerusform>%n offener Befund</numerusform>
            <numerusform>%n offene Befunde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n high</source>
        <translation>
            <numerusform>%n hoch</numerusform>
            <numerusform>%n hoch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) waiting</source>
        <translation>
            <numerusform>%n Aufgabe wartet</numerusform>
            <numerusform>%n Aufgaben warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) in force</source>
        <translation>
            <numerusform>%n aktive Sperre</numerusform>
            <numerusform>%n aktive Sperren</numerusform>
        </translation>
    </message>
    <message>
        <source>%1:%2  %3</source>
        <translation>%1:%2  %3</translation>
    </message>
</context>
<context>
    <name>mp::InvoiceDetailDialog</name>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Ausstellen</translation>
    </message>
    <message>
        <source>Mark &amp;paid…</source>
        <translation>Als &amp;bezahlt markieren…</translation>
    </message>
    <message>
        <source>&amp;Cancel invoice…</source>
        <translation>Rechnung s&amp;tornieren…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>PDF &amp;speichern…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Pay &amp;online</source>
        <translation>&amp;Online bezahlen</translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation>&amp;Erstatten…</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Draft invoice</source>
        <translation>Rechnungsentwurf</translation>
    </message>
    <message>
        <source>Invoice %1</source>
        <translation>Rechnung %1</translation>
    </message>
    <message>
        <source>Starting the online payment…</source>
        <translation>Onlinezahlung wird gestartet…</translation>
    </message>
    <message>
        <source>Could not start the payment: %1</source>
        <translation>Die Zahlung konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Could not open %1; give the customer this link.</source>
        <translation>%1 konnte nicht geöffnet werden; geben Sie dem Kunden diesen Link.</translation>
    </message>
    <message>
        <source>could not open the browser</source>
        <translation>der Browser konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Checkout opened on the Stripe sandbox (no real money moves): %1</source>
        <translation>Checkout in der Stripe-Sandbox geöffnet (keine echten Zahlungen): %1</translation>
    </message>
    <message>
        <source>Checkout opened: %1</source>
        <translation>Checkout geöffnet: %1</translation>
    </message>
    <message>
        <source>Refunding…</source>
        <translation>Wird erstattet…</translation>
    </message>
    <message>
        <source>Refund failed: %1</source>
        <translation>Erstattung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Refunded.</source>
        <translation>Erstattet.</translation>
    </message>
    <message>
        <source>Issued from the console</source>
        <translation>Über die Konsole ausgestellt</translation>
    </message>
    <message>
        <source>Cancel invoice</source>
        <translation>Rechnung stornieren</translation>
    </message>
    <message>
        <source>Why is it cancelled?</source>
        <translation>Warum wird sie storniert?</translation>
    </message>
    <message>
        <source>Save invoice PDF</source>
        <translation>Rechnungs-PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>%1 drucken</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>An %1 gesendet.</translation>
    </message>
    <message>
        <source>Printed to %1.</source>
        <translation>In die Datei %1 gedruckt.</translation>
    </message>
    <message>
        <source>Rendering the PDF…</source>
        <translation>PDF wird erstellt…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Could not save the PDF: %1</source>
        <translation>Das PDF konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>mp::InvoiceTableModel</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>Unbezahlt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <translation>Teilweise erstattet</translation>
    </message>
    <message>
        <source>(draft)</source>
        <translation>(Entwurf)</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1, überfällig</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
</context>
<context>
    <name>mp::JobTableModel</name>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Running, cancel requested</source>
        <translation>Läuft, Abbruch angefordert</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Related to</source>
        <translation>Bezug</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>mp::JobsPage</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Ca&amp;ncel job</source>
        <translation>Job a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Kind, e.g. cloudpod.provision</source>
        <translation>Art, z. B. cloudpod.provision</translation>
    </message>
    <message>
        <source>Related type</source>
        <translation>Bezugstyp</translation>
    </message>
    <message>
        <source>Related id</source>
        <translation>Bezugs-ID</translation>
    </message>
    <message>
        <source>Select a job to see its log.</source>
        <translation>Wählen Sie einen Job, um sein Protokoll zu sehen.</translation>
    </message>
    <message>
        <source>Queue a failed, dead or cancelled job again, due now</source>
        <translation>Einen fehlgeschlagenen, aufgegebenen oder abgebrochenen Job erneut einreihen, sofort fällig</translation>
    </message>
    <message>
        <source>Cancel a queued or failed job; a running job is asked to stop</source>
        <translation>Einen eingereihten oder fehlgeschlagenen Job abbrechen; ein laufender Job wird zum Anhalten aufgefordert</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Jobs&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Jobs&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Job %1: %2</source>
        <translation>Job %1: %2</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Running, cancel requested</source>
        <translation>Läuft, Abbruch angefordert</translation>
    </message>
    <message>
        <source>&lt;b&gt;Job %1&lt;/b&gt; · %2 · &lt;b&gt;%3&lt;/b&gt; · attempt %4 of %5 · due %6</source>
        <translation>&lt;b&gt;Job %1&lt;/b&gt; · %2 · &lt;b&gt;%3&lt;/b&gt; · Versuch %4 von %5 · fällig %6</translation>
    </message>
    <message>
        <source> · %1 %2</source>
        <translation> · %1 %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;Last error: %1</source>
        <translation>&lt;br&gt;Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>This job has no log lines yet.</source>
        <translation>Dieser Job hat noch keine Protokollzeilen.</translation>
    </message>
    <message>
        <source>No job selected.</source>
        <translation>Kein Job ausgewählt.</translation>
    </message>
    <message>
        <source>Retry job %1</source>
        <translation>Job %1 wiederholen</translation>
    </message>
    <message>
        <source>Cancel job %1</source>
        <translation>Job %1 abbrechen</translation>
    </message>
</context>
<context>
    <name>mp::JsonRowsModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>mp::LazyTableView</name>
    <message>
        <source>Could not load: %1</source>
        <translation>Laden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>%1 loaded, more as you scroll</source>
        <translation>%1 geladen, weitere beim Scrollen</translation>
    </message>
</context>
<context>
    <name>mp::MailAliasTableModel</name>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Delivers to</source>
        <translation>Zustellen an</translation>
    </message>
</context>
<context>
    <name>mp::MailDomainTableModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Being deleted</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>(tenant)</source>
        <translation>(Mandant)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Mail host</source>
        <translation>Mail-Host</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>DKIM selector</source>
        <translation>DKIM-Selektor</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>Probleme: %1</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
</context>
<context>
    <name>mp::MailPage</name>
    <message>
        <source>No mail domains yet. Register a mail host (POST /api/mail/hosts); domains come with paid email subscriptions or are created with POST /api/mail/domains.</source>
        <translation>Noch keine Mail-Domains. Registrieren Sie einen Mail-Host (POST /api/mail/hosts); Domains entstehen mit bezahlten E-Mail-Abonnements oder mit POST /api/mail/domains.</translation>
    </message>
    <message>
        <source>Domains on your mail hosts (Postfix and Dovecot). Their MX, SPF, DKIM and DMARC records are published through DNS.</source>
        <translation>Domains auf Ihren Mail-Hosts (Postfix und Dovecot). Ihre MX-, SPF-, DKIM- und DMARC-Einträge werden über DNS veröffentlicht.</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>Select a mail domain to see its mailboxes.</source>
        <translation>Wählen Sie eine Mail-Domain, um ihre Postfächer zu sehen.</translation>
    </message>
    <message>
        <source>This domain has no mailboxes yet.</source>
        <translation>Diese Domain hat noch keine Postfächer.</translation>
    </message>
    <message>
        <source>Mailboxes and aliases of %1</source>
        <translation>Postfächer und Aliasse von %1</translation>
    </message>
    <message>
        <source>DNS not checked yet: Check DNS asks the authoritative servers for MX, SPF, DKIM and DMARC.</source>
        <translation>DNS noch nicht geprüft: „DNS prüfen“ fragt die autoritativen Server nach MX, SPF, DKIM und DMARC.</translation>
    </message>
    <message>
        <source>DNS healthy (checked %1): MX, SPF, DKIM and DMARC are served as published.</source>
        <translation>DNS in Ordnung (geprüft %1): MX, SPF, DKIM und DMARC werden wie veröffentlicht ausgeliefert.</translation>
    </message>
    <message>
        <source>DNS not checked (%1): %2</source>
        <translation>DNS nicht geprüft (%1): %2</translation>
    </message>
    <message>
        <source>DNS problems (checked %1):
%2</source>
        <translation>DNS-Probleme (geprüft %1):
%2</translation>
    </message>
    <message>
        <source>Check DNS</source>
        <translation>DNS prüfen</translation>
    </message>
    <message>
        <source>New mailbox…</source>
        <translation>Neues Postfach…</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Passwort ändern…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Delete mailbox…</source>
        <translation>Postfach löschen…</translation>
    </message>
    <message>
        <source>Delete mailbox</source>
        <translation>Postfach löschen</translation>
    </message>
    <message>
        <source>Delete the selected mailbox? It stops logging in and receiving at once; its mail is removed by a job.</source>
        <translation>Das ausgewählte Postfach löschen? Anmeldung und Empfang enden sofort; seine E-Mails werden von einem Job entfernt.</translation>
    </message>
    <message>
        <source>New alias…</source>
        <translation>Neuer Alias…</translation>
    </message>
    <message>
        <source>Delete alias</source>
        <translation>Alias löschen</translation>
    </message>
    <message>
        <source>New mailbox</source>
        <translation>Neues Postfach</translation>
    </message>
    <message>
        <source>Address (the part before the @):</source>
        <translation>Adresse (der Teil vor dem @):</translation>
    </message>
    <message>
        <source>Password (at least 10 characters):</source>
        <translation>Passwort (mindestens 10 Zeichen):</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Neues Passwort:</translation>
    </message>
    <message>
        <source>New alias</source>
        <translation>Neuer Alias</translation>
    </message>
    <message>
        <source>Alias (the part before the @):</source>
        <translation>Alias (der Teil vor dem @):</translation>
    </message>
    <message>
        <source>Delivers to (addresses, comma-separated):</source>
        <translation>Zustellen an (Adressen, durch Kommas getrennt):</translation>
    </message>
    <message>
        <source>Select a mail domain first.</source>
        <translation>Wählen Sie zuerst eine Mail-Domain.</translation>
    </message>
    <message>
        <source>The DNS check failed: %1</source>
        <translation>Die DNS-Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>DNS is healthy.</source>
        <translation>DNS ist in Ordnung.</translation>
    </message>
    <message>
        <source>DNS has problems: see above what to fix.</source>
        <translation>DNS hat Probleme: Was zu beheben ist, steht oben.</translation>
    </message>
    <message>
        <source>Mailbox %1 created.</source>
        <translation>Postfach %1 angelegt.</translation>
    </message>
    <message>
        <source>The mailbox was not created: %1</source>
        <translation>Das Postfach wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <source>Select a mailbox first.</source>
        <translation>Wählen Sie zuerst ein Postfach.</translation>
    </message>
    <message>
        <source>The mailbox was not changed: %1</source>
        <translation>Das Postfach wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>%1 is enabled.</source>
        <translation>%1 ist aktiviert.</translation>
    </message>
    <message>
        <source>%1 is disabled: it can neither log in nor receive mail.</source>
        <translation>%1 ist deaktiviert: Es kann sich weder anmelden noch E-Mails empfangen.</translation>
    </message>
    <message>
        <source>The password of %1 is changed.</source>
        <translation>Das Passwort von %1 wurde geändert.</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>Das Passwort wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>The mailbox is deleted; job %1 removes its mail.</source>
        <translation>Das Postfach ist gelöscht; Job %1 entfernt seine E-Mails.</translation>
    </message>
    <message>
        <source>The mailbox was not deleted: %1</source>
        <translation>Das Postfach wurde nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Alias %1 created.</source>
        <translation>Alias %1 angelegt.</translation>
    </message>
    <message>
        <source>The alias was not created: %1</source>
        <translation>Der Alias wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <source>Select an alias first.</source>
        <translation>Wählen Sie zuerst einen Alias.</translation>
    </message>
    <message>
        <source>Alias %1 deleted.</source>
        <translation>Alias %1 gelöscht.</translation>
    </message>
    <message>
        <source>The alias was not deleted: %1</source>
        <translation>Der Alias wurde nicht gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>mp::MailSettingsForm</name>
    <message>
        <source>Remove the stored password</source>
        <translation>Gespeichertes Passwort entfernen</translation>
    </message>
    <message>
        <source>Send notification mail</source>
        <translation>Benachrichtigungen per E-Mail senden</translation>
    </message>
    <message>
        <source>&amp;Save mail settings</source>
        <translation>E-Mail-Einstellungen &amp;speichern</translation>
    </message>
    <message>
        <source>billing@your-company.example</source>
        <translation>rechnung@ihre-firma.example</translation>
    </message>
    <message>
        <source>Empty: your seller name</source>
        <translation>Leer: Ihr Verkäufername</translation>
    </message>
    <message>
        <source>smtp.your-provider.example</source>
        <translation>smtp.ihr-anbieter.example</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (Port 587)</translation>
    </message>
    <message>
        <source>TLS from the start (port 465)</source>
        <translation>TLS von Anfang an (Port 465)</translation>
    </message>
    <message>
        <source>None (a relay on this machine only)</source>
        <translation>Keine (nur ein Mailserver auf diesem Rechner)</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> Tage vorher</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>Absenderadresse:</translation>
    </message>
    <message>
        <source>Sender name:</source>
        <translation>Absendername:</translation>
    </message>
    <message>
        <source>Reply to:</source>
        <translation>Antwort an:</translation>
    </message>
    <message>
        <source>SMTP relay:</source>
        <translation>SMTP-Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Verschlüsselung:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Attempts before failing:</source>
        <translation>Versuche bis zum Fehlschlag:</translation>
    </message>
    <message>
        <source>Renewal notice:</source>
        <translation>Verlängerungshinweis:</translation>
    </message>
    <message>
        <source>Mail is not set up yet: notification mail waits in the outbox until a relay is saved here.</source>
        <translation>E-Mail ist noch nicht eingerichtet: Benachrichtigungen warten im Postausgang, bis hier ein Mailserver gespeichert ist.</translation>
    </message>
    <message>
        <source>Notification mail goes out through %1.</source>
        <translation>Benachrichtigungen werden über %1 versendet.</translation>
    </message>
    <message>
        <source>Notification mail is switched off: it waits in the outbox.</source>
        <translation>Benachrichtigungen sind ausgeschaltet: sie warten im Postausgang.</translation>
    </message>
    <message>
        <source>Stored; type to replace</source>
        <translation>Gespeichert; zum Ersetzen eingeben</translation>
    </message>
    <message>
        <source>None stored</source>
        <translation>Keines gespeichert</translation>
    </message>
</context>
<context>
    <name>mp::MailboxTableModel</name>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Being deleted</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>%1 of %2 MB</source>
        <translation>%1 von %2 MB</translation>
    </message>
</context>
<context>
    <name>mp::MainWindow</name>
    <message>
        <source>mPanel</source>
        <translation>mPanel</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About mPanel</source>
        <translation>Ü&amp;ber mPanel</translation>
    </message>
    <message>
        <source>About mPanel</source>
        <translation>Über mPanel</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;mPanel %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Billing and provisioning for hosting companies.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;mPanel %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Abrechnung und Bereitstellung für Hosting-Unternehmen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>mp::MarkPaidDialog</name>
    <message>
        <source>Mark %1 paid</source>
        <translation>%1 als bezahlt markieren</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Other (manual)</source>
        <translation>Sonstige (manuell)</translation>
    </message>
    <message>
        <source>the bank&apos;s reference</source>
        <translation>Referenz der Bank</translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation>Zahlung erhalten</translation>
    </message>
    <message>
        <source>Mark paid</source>
        <translation>Als bezahlt markieren</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Zahlungsart:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referenz:</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>&amp;Grund:</translation>
    </message>
</context>
<context>
    <name>mp::MonitoringOverview</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Monitoring&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Überwachung&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Monitoring could not be read: %1</source>
        <translation>Die Überwachungsdaten konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) down</source>
        <translation>
            <numerusform>%n Dienst ausgefallen</numerusform>
            <numerusform>%n Dienste ausgefallen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n degraded</source>
        <translation>
            <numerusform>%n beeinträchtigt</numerusform>
            <numerusform>%n beeinträchtigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open alert(s)</source>
        <translation>
            <numerusform>%n offener Alarm</numerusform>
            <numerusform>%n offene Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>No open alert: every monitored service answers.</source>
        <translation>Kein offener Alarm: Jeder überwachte Dienst antwortet.</translation>
    </message>
    <message>
        <source>Nothing is monitored yet: nodes and checks are added in the Monitoring section&apos;s API (see its empty state).</source>
        <translation>Noch wird nichts überwacht: Knoten und Prüfungen werden über die API des Bereichs Überwachung angelegt (siehe dessen leere Ansicht).</translation>
    </message>
</context>
<context>
    <name>mp::MonitoringPage</name>
    <message>
        <source>CPU, memory and disk use (%)</source>
        <translation>Auslastung von CPU, Arbeitsspeicher und Speicherplatz (%)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Fullest disk</source>
        <translation>Vollster Datenträger</translation>
    </message>
    <message>
        <source>Load average</source>
        <translation>Lastdurchschnitt</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>Nothing is monitored yet. Register a node&apos;s node_exporter with POST /api/monitoring/nodes and define HTTP, TCP or TLS checks with POST /api/monitoring/checks; their status and the node&apos;s charts show here.</source>
        <translation>Noch wird nichts überwacht. Registrieren Sie den node_exporter eines Knotens mit POST /api/monitoring/nodes und legen Sie HTTP-, TCP- oder TLS-Prüfungen mit POST /api/monitoring/checks an; ihr Status und die Diagramme des Knotens erscheinen hier.</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 48 hours</source>
        <translation>Letzte 48 Stunden</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Monitoring could not be read: %1</source>
        <translation>Die Überwachungsdaten konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) down</source>
        <translation>
            <numerusform>%n Dienst ausgefallen</numerusform>
            <numerusform>%n Dienste ausgefallen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n degraded</source>
        <translation>
            <numerusform>%n beeinträchtigt</numerusform>
            <numerusform>%n beeinträchtigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open alert(s)</source>
        <translation>
            <numerusform>%n offener Alarm</numerusform>
            <numerusform>%n offene Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>Status board</source>
        <translation>Statusübersicht</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Slow queries</source>
        <translation>Langsame Abfragen</translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n open)</source>
        <translation>
            <numerusform>Alarme (%n offen)</numerusform>
            <numerusform>Alarme (%n offen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mp::NavigationModel</name>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>SSL</source>
        <translation>SSL</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <source>Revenue, open invoices, renewals due and service health of your company.</source>
        <translation>Umsatz, offene Rechnungen, fällige Verlängerungen und der Zustand der Dienste Ihres Unternehmens.</translation>
    </message>
    <message>
        <source>The products, plans and prices you sell.</source>
        <translation>Die Produkte, Tarife und Preise, die Sie verkaufen.</translation>
    </message>
    <message>
        <source>Your customers, their contacts and their accounts.</source>
        <translation>Ihre Kunden, deren Kontakte und Konten.</translation>
    </message>
    <message>
        <source>Invoices, payments, credit notes and dunning.</source>
        <translation>Rechnungen, Zahlungen, Gutschriften und Mahnwesen.</translation>
    </message>
    <message>
        <source>What each customer has subscribed to and when it renews.</source>
        <translation>Was jeder Kunde abonniert hat und wann es sich verlängert.</translation>
    </message>
    <message>
        <source>Hosting accounts created, suspended and removed on your servers.</source>
        <translation>Hosting-Konten, die auf Ihren Servern angelegt, gesperrt und entfernt werden.</translation>
    </message>
    <message>
        <source>Domain registrations, transfers and renewals.</source>
        <translation>Domainregistrierungen, -transfers und -verlängerungen.</translation>
    </message>
    <message>
        <source>DNS zones and records of your customers&apos; domains.</source>
        <translation>DNS-Zonen und -Einträge der Domains Ihrer Kunden.</translation>
    </message>
    <message>
        <source>SSL certificates, their issuance and expiry.</source>
        <translation>SSL-Zertifikate, ihre Ausstellung und ihr Ablauf.</translation>
    </message>
    <message>
        <source>Uptime and health of your servers and services.</source>
        <translation>Verfügbarkeit und Zustand Ihrer Server und Dienste.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Mail to your customers: invoices, receipts, reminders; the relay.</source>
        <translation>E-Mails an Ihre Kunden: Rechnungen, Quittungen, Erinnerungen; der Mailserver.</translation>
    </message>
    <message>
        <source>Mail domains, mailboxes, aliases and forwarders.</source>
        <translation>Mail-Domains, Postfächer, Aliasse und Weiterleitungen.</translation>
    </message>
    <message>
        <source>Security scans of mail, web, DNS and SSH logs, and remediation.</source>
        <translation>Sicherheitsprüfungen der Mail-, Web-, DNS- und SSH-Protokolle sowie Abhilfe.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Your company on invoices: address, VAT ID, bank, logo, numbering and tax rates.</source>
        <translation>Ihre Firma auf Rechnungen: Adresse, USt-IdNr., Bank, Logo, Nummernkreise und Steuersätze.</translation>
    </message>
</context>
<context>
    <name>mp::NodeCapacityModel</name>
    <message>
        <source>Cluster %1 is mpanel-proxmox-emulator: no real machines</source>
        <translation>Cluster %1 ist mpanel-proxmox-emulator: keine echten Maschinen</translation>
    </message>
    <message>
        <source>Cluster %1 is a Proxmox VE: real guests</source>
        <translation>Cluster %1 ist ein Proxmox VE: echte Gäste</translation>
    </message>
    <message>
        <source>%1 / %2 (%3%)</source>
        <translation>%1 / %2 (%3 %)</translation>
    </message>
    <message>
        <source>%1 / %2 GB (%3%)</source>
        <translation>%1 / %2 GB (%3 %)</translation>
    </message>
    <message>
        <source>%1 / %2 (disabled)</source>
        <translation>%1 / %2 (deaktiviert)</translation>
    </message>
    <message>
        <source>sandbox (emulator)</source>
        <translation>Sandbox (Emulator)</translation>
    </message>
    <message>
        <source>Cluster / node</source>
        <translation>Cluster / Knoten</translation>
    </message>
    <message>
        <source>Cluster mode</source>
        <translation>Cluster-Modus</translation>
    </message>
    <message>
        <source>Placement group</source>
        <translation>Platzierungsgruppe</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Cores committed</source>
        <translation>Vergebene Kerne</translation>
    </message>
    <message>
        <source>RAM committed</source>
        <translation>Vergebener RAM</translation>
    </message>
    <message>
        <source>Disk committed</source>
        <translation>Vergebener Speicherplatz</translation>
    </message>
</context>
<context>
    <name>mp::NotificationsPage</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Send a failed or waiting message again now, with a fresh attempt budget</source>
        <translation>Eine fehlgeschlagene oder wartende Nachricht jetzt erneut senden, mit neuen Versuchen</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Mail settings</source>
        <translation>E-Mail-Einstellungen</translation>
    </message>
    <message>
        <source>Message to %1 queued again.</source>
        <translation>Nachricht an %1 erneut eingereiht.</translation>
    </message>
</context>
<context>
    <name>mp::OrderTableModel</name>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n weitere)</numerusform>
            <numerusform>%1 (+%n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Bestellt am</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Placed by</source>
        <translation>Bestellt von</translation>
    </message>
</context>
<context>
    <name>mp::OutboxTableModel</name>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
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
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
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
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>mp::PasswordStore</name>
    <message>
        <source>The keychain did not answer.</source>
        <translation>Der Schlüsselbund hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>No keychain is available on this system.</source>
        <translation>Auf diesem System ist kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <source>The keychain refused access.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert.</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet.</translation>
    </message>
</context>
<context>
    <name>mp::PaymentListModel</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <translation>Teilweise erstattet</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Angefochten</translation>
    </message>
    <message>
        <source>%1, held for review</source>
        <translation>%1, zur Prüfung zurückgehalten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Decline reason</source>
        <translation>Ablehnungsgrund</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>Anfechtung</translation>
    </message>
</context>
<context>
    <name>mp::ProductDialog</name>
    <message>
        <source>Cycle</source>
        <translation>Abrechnungszyklus</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Setup fee</source>
        <translation>Einrichtungsgebühr</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Jahre</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Neues Produkt</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n core(s), %2 MB RAM, %3 GB disk)</source>
        <translation>
            <numerusform>%1 (%n Kern, %2 MB RAM, %3 GB Speicherplatz)</numerusform>
            <numerusform>%1 (%n Kerne, %2 MB RAM, %3 GB Speicherplatz)</numerusform>
        </translation>
    </message>
    <message>
        <source>com, co.uk</source>
        <translation>com, co.uk</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Visibility:</source>
        <translation>&amp;Sichtbarkeit:</translation>
    </message>
    <message>
        <source>Tem&amp;plate:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>T&amp;LD:</source>
        <translation>T&amp;LD:</translation>
    </message>
    <message>
        <source>Prices:</source>
        <translation>Preise:</translation>
    </message>
    <message>
        <source>Domain prices:</source>
        <translation>Domainpreise:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>mp::ProductTableModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Verborgen</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Eingestellt</translation>
    </message>
    <message>
        <source>%1 / year</source>
        <translation>%1 / Jahr</translation>
    </message>
    <message>
        <source>%1 / %2 years</source>
        <translation>%1 / %2 Jahre</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(+%n weitere)</numerusform>
            <numerusform>(+%n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Setup fee</source>
        <translation>Einrichtungsgebühr</translation>
    </message>
    <message>
        <source>TLD</source>
        <translation>TLD</translation>
    </message>
</context>
<context>
    <name>mp::ProductTypes</name>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>SSL</source>
        <translation>SSL</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>CloudPod</source>
        <translation>CloudPod</translation>
    </message>
</context>
<context>
    <name>mp::ProviderIndicator</name>
    <message>
        <source> at %1</source>
        <translation> unter %1</translation>
    </message>
    <message>
        <source> (disabled)</source>
        <translation> (deaktiviert)</translation>
    </message>
    <message>
        <source>%1: %2%3%4 — %5</source>
        <translation>%1: %2%3%4 — %5</translation>
    </message>
    <message>
        <source>Stripe sandbox — no real money moves (the Stripe emulator at %1)</source>
        <translation>Stripe-Sandbox — keine echten Zahlungen (der Stripe-Emulator unter %1)</translation>
    </message>
    <message>
        <source>Stripe test mode — test cards only, no real money moves</source>
        <translation>Stripe-Testmodus — nur Testkarten, keine echten Zahlungen</translation>
    </message>
    <message>
        <source>Stripe live — real money moves</source>
        <translation>Stripe live — echte Zahlungen</translation>
    </message>
    <message>
        <source>Online payment is off: %1</source>
        <translation>Onlinezahlung ist ausgeschaltet: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no %1</source>
        <translation>kein %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: no %2 connected</source>
        <translation>%1: kein %2 verbunden</translation>
    </message>
</context>
<context>
    <name>mp::ProviderSources</name>
    <message>
        <source>cluster</source>
        <translation>Cluster</translation>
    </message>
</context>
<context>
    <name>mp::ProvisioningPage</name>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>CloudPods</source>
        <translation>CloudPods</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Provisioning&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Bereitstellung&lt;/h2&gt;</translation>
    </message>
</context>
<context>
    <name>mp::RefundDialog</name>
    <message>
        <source>&amp;Full: %1</source>
        <translation>&amp;Vollständig: %1</translation>
    </message>
    <message>
        <source>&amp;Part of it:</source>
        <translation>&amp;Teilbetrag:</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>%1 erstatten</translation>
    </message>
    <message>
        <source>amount in %1</source>
        <translation>Betrag in %1</translation>
    </message>
    <message>
        <source>Requested by the customer</source>
        <translation>Vom Kunden gewünscht</translation>
    </message>
    <message>
        <source>Duplicate payment</source>
        <translation>Doppelte Zahlung</translation>
    </message>
    <message>
        <source>Fraudulent</source>
        <translation>Betrügerisch</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Erstatten…</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Refund %1 to the customer&apos;s card?</source>
        <translation>%1 auf die Karte des Kunden erstatten?</translation>
    </message>
</context>
<context>
    <name>mp::SessionStatusBar</name>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Connected: embedded database</source>
        <translation>Verbunden: eingebettete Datenbank</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Verbunden: %1</translation>
    </message>
    <message>
        <source>Tenant: %1</source>
        <translation>Mandant: %1</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Rolle: %1</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Connection lost. Reconnect attempt %1 in %2 s.</source>
        <translation>Verbindung verloren. Neuer Verbindungsversuch %1 in %2 s.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
</context>
<context>
    <name>mp::SettingsPage</name>
    <message>
        <source>Reverse charge for EU businesses with a VAT ID</source>
        <translation>Reverse-Charge für EU-Unternehmen mit USt-IdNr.</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Logo entfernen</translation>
    </message>
    <message>
        <source>&amp;Save company settings</source>
        <translation>Firmeneinstellungen &amp;speichern</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>&amp;Add rate</source>
        <translation>Steuersatz &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Remove rate</source>
        <translation>Steuersatz entfernen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Settings&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Einstellungen&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Your company on invoices</source>
        <translation>Ihre Firma auf Rechnungen</translation>
    </message>
    <message>
        <source>Street and number
Postcode and city</source>
        <translation>Straße und Hausnummer
PLZ und Ort</translation>
    </message>
    <message>
        <source>IBAN, BIC and bank: printed on unpaid invoices</source>
        <translation>IBAN, BIC und Bank: werden auf unbezahlte Rechnungen gedruckt</translation>
    </message>
    <message>
        <source>e.g. DE123456789</source>
        <translation>z. B. DE123456789</translation>
    </message>
    <message>
        <source>{YYYY} or {YY} is the year, {NNNN} the running number with as many digits as Ns.</source>
        <translation>{YYYY} oder {YY} ist das Jahr, {NNNN} die laufende Nummer mit so vielen Stellen, wie N angegeben sind.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Prices exclude tax (tax is added)</source>
        <translation>Preise ohne Steuer (Steuer wird aufgeschlagen)</translation>
    </message>
    <message>
        <source>Prices include tax</source>
        <translation>Preise inklusive Steuer</translation>
    </message>
    <message>
        <source>A business in another EU country with a valid-looking VAT ID pays no VAT; the invoice says the recipient accounts for it.</source>
        <translation>Ein Unternehmen in einem anderen EU-Land mit plausibler USt-IdNr. zahlt keine Umsatzsteuer; die Rechnung weist darauf hin, dass der Leistungsempfänger die Steuer schuldet.</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>Firmenname:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <source>VAT ID:</source>
        <translation>USt-IdNr.:</translation>
    </message>
    <message>
        <source>Billing e-mail:</source>
        <translation>Rechnungs-E-Mail:</translation>
    </message>
    <message>
        <source>Bank details:</source>
        <translation>Bankverbindung:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <source>Invoice numbers:</source>
        <translation>Rechnungsnummern:</translation>
    </message>
    <message>
        <source>Credit note numbers:</source>
        <translation>Gutschriftsnummern:</translation>
    </message>
    <message>
        <source>Payment terms:</source>
        <translation>Zahlungsziel:</translation>
    </message>
    <message>
        <source>Prices:</source>
        <translation>Preise:</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Logo auswählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Tax rates by buyer&apos;s country</source>
        <translation>Steuersätze nach Land des Käufers</translation>
    </message>
    <message>
        <source>VAT, USt.</source>
        <translation>USt., MwSt.</translation>
    </message>
    <message>
        <source>An invoice is taxed at the rate of the buyer&apos;s country valid on its issue date, else the default rate. To change a rate, end the old one and add the new one from the next day; issued invoices keep their rate.</source>
        <translation>Eine Rechnung wird mit dem Steuersatz besteuert, der an ihrem Ausstellungsdatum im Land des Käufers gilt, sonst mit dem Standardsatz. Um einen Steuersatz zu ändern, beenden Sie den alten und legen Sie den neuen ab dem Folgetag an; ausgestellte Rechnungen behalten ihren Steuersatz.</translation>
    </message>
    <message>
        <source>Buyer&apos;s country:</source>
        <translation>Land des Käufers:</translation>
    </message>
    <message>
        <source>Rate (%):</source>
        <translation>Steuersatz (%):</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Kein Logo</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>mp::SignInDialog</name>
    <message>
        <source>Embedded database</source>
        <translation>Eingebettete Datenbank</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL-Server</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Sign in to mPanel</source>
        <translation>Bei mPanel anmelden</translation>
    </message>
    <message>
        <source>Host name, or socket directory</source>
        <translation>Hostname oder Socket-Verzeichnis</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain. Signing out forgets it.</source>
        <translation>Das Passwort im Schlüsselbund des Systems aufbewahren. Beim Abmelden wird es vergessen.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Connect to:</source>
        <translation>Verbinden mit:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or socket directory.</source>
        <translation>Geben Sie den Hostnamen oder das Socket-Verzeichnis des Servers ein.</translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation>Geben Sie den Namen der Datenbank ein.</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Geben Sie Ihren Login ein.</translation>
    </message>
    <message>
        <source>A login has at most 63 characters.</source>
        <translation>Ein Login hat höchstens 63 Zeichen.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
</context>
<context>
    <name>mp::SlowQueryModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
</context>
<context>
    <name>mp::SslCertificateTableModel</name>
    <message>
        <source>Being issued</source>
        <translation>Wird ausgestellt</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Renewing</source>
        <translation>Wird erneuert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Namen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Next renewal</source>
        <translation>Nächste Erneuerung</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>mp::SslPage</name>
    <message>
        <source>No certificates yet. Ask the ACME CA for one with POST /api/ssl/certificates; mPanel renews it when a third of its lifetime is left.</source>
        <translation>Noch keine Zertifikate. Fordern Sie eines mit POST /api/ssl/certificates bei der ACME-CA an; mPanel erneuert es, wenn noch ein Drittel seiner Laufzeit übrig ist.</translation>
    </message>
</context>
<context>
    <name>mp::SubscriptionTableModel</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Past due</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Gekündigt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Vierteljährlich</translation>
    </message>
    <message>
        <source>Semi-annually</source>
        <translation>Halbjährlich</translation>
    </message>
    <message>
        <source>Annually</source>
        <translation>Jährlich</translation>
    </message>
    <message>
        <source>Biennially</source>
        <translation>Alle zwei Jahre</translation>
    </message>
    <message>
        <source>Triennially</source>
        <translation>Alle drei Jahre</translation>
    </message>
    <message>
        <source>%1, ends at period end</source>
        <translation>%1, endet zum Periodenende</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Abrechnungszyklus</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Period ends</source>
        <translation>Periode endet</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Nächste Fälligkeit</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
</context>
<context>
    <name>mp::SubscriptionsPage</name>
    <message>
        <source>&amp;Due within</source>
        <translation>&amp;Fällig innerhalb von</translation>
    </message>
    <message>
        <source>All customers and products</source>
        <translation>Alle Kunden und Produkte</translation>
    </message>
    <message>
        <source>Cancel &amp;now…</source>
        <translation>Sofor&amp;t kündigen…</translation>
    </message>
    <message>
        <source>Cancel at period &amp;end</source>
        <translation>Zum Periodenende kündi&amp;gen</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>&amp;Unsuspend</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Issue &amp;renewal invoice now</source>
        <translation>&amp;Verlängerungsrechnung jetzt ausstellen</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Only this &amp;customer</source>
        <translation>Nur dieser &amp;Kunde</translation>
    </message>
    <message>
        <source>Only this &amp;product</source>
        <translation>Nur dieses &amp;Produkt</translation>
    </message>
    <message>
        <source>Select a subscription to see its invoices, payments and history.</source>
        <translation>Wählen Sie ein Abonnement, um seine Rechnungen, Zahlungen und seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Subscriptions&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Abonnements&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Cancel this subscription now? Its service ends at once and no credit is given.</source>
        <translation>Dieses Abonnement sofort kündigen? Der Dienst endet sofort, und es wird keine Gutschrift erteilt.</translation>
    </message>
    <message>
        <source>Cancel this subscription at the end of its current period? It will not renew.</source>
        <translation>Dieses Abonnement zum Ende der laufenden Periode kündigen? Es wird nicht verlängert.</translation>
    </message>
    <message>
        <source>Suspend this subscription and its service?</source>
        <translation>Dieses Abonnement und seinen Dienst sperren?</translation>
    </message>
    <message>
        <source>Issue the invoice for the next period now?</source>
        <translation>Die Rechnung für die nächste Periode jetzt ausstellen?</translation>
    </message>
    <message>
        <source>Customer: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Kunde: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Product: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Produkt: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1, ends at period end</source>
        <translation>%1, endet zum Periodenende</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>%1 × %2, %3</source>
        <translation>%1 × %2, %3</translation>
    </message>
    <message>
        <source>Current period</source>
        <translation>Laufende Periode</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Nächste Fälligkeit</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Noch keine.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>No online payments.</source>
        <translation>Keine Onlinezahlungen.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Now %1.</source>
        <translation>Jetzt %1.</translation>
    </message>
    <message>
        <source>Renewal invoice issued.</source>
        <translation>Verlängerungsrechnung ausgestellt.</translation>
    </message>
</context>
<context>
    <name>mp::TaxRateTableModel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Default (any other country)</source>
        <translation>Standard (jedes andere Land)</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>Open-ended</source>
        <translation>Unbefristet</translation>
    </message>
    <message>
        <source>Buyer&apos;s country</source>
        <translation>Land des Käufers</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Steuersatz</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
</context>
<context>
    <name>mp::TldPriceModel</name>
    <message>
        <source>Register</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Verlängerung</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>TLD</source>
        <translation>TLD</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Jahre</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
</context>
</TS>
