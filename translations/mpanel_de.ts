<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
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
</context>
<context>
    <name>mp::EmptySectionPage</name>
    <message>
        <source>Nothing is here yet.</source>
        <translation>Hier ist noch nichts.</translation>
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
        <source>Mailboxes, aliases and forwarders.</source>
        <translation>Postfächer, Aliasse und Weiterleitungen.</translation>
    </message>
    <message>
        <source>SSL certificates, their issuance and expiry.</source>
        <translation>SSL-Zertifikate, ihre Ausstellung und ihr Ablauf.</translation>
    </message>
    <message>
        <source>Security checks, fraud screening and abuse reports.</source>
        <translation>Sicherheitsprüfungen, Betrugserkennung und Missbrauchsmeldungen.</translation>
    </message>
    <message>
        <source>Uptime and health of your servers and services.</source>
        <translation>Verfügbarkeit und Zustand Ihrer Server und Dienste.</translation>
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
</TS>
