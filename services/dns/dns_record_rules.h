#pragma once

#include "core/result.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// The checks a DNS engineer expects before PowerDNS sees a record, so PowerDNS never receives one
// it would refuse. Every error names the field by its path in the request ("changes[2].records[0]").
namespace mp::dns {

inline constexpr int kMinTtl = 60;
inline constexpr int kMaxTtl = 604800;
inline constexpr int kMaxRecordsPerSet = 100;
inline constexpr int kMaxTxtBytes = 4000;

// The record types mPanel manages (SOA is the server's, DNSSEC types are PowerDNS's).
const QStringList &recordTypes();

// One change as the API takes it.
struct RecordChange {
    QString name; // relative ("www", "@") or absolute ("www.example.com.")
    QString type;
    std::optional<int> ttl;
    QStringList records; // presentation format: "192.0.2.1", "10 mail", "v=spf1 -all"
    bool remove = false; // changetype DELETE (or REPLACE with no records)
    QString path;        // "changes[2]"
};

// A change checked and put in PowerDNS's form: absolute owner, content as PowerDNS stores it
// (targets absolute, TXT quoted and split into 255-byte strings, CAA value quoted).
struct RecordSet {
    QString name;
    QString type;
    int ttl = 3600;
    QStringList records; // empty: the set goes
    QString path;

    bool removes() const { return records.isEmpty(); }
};

// One change on its own: owner inside `zone`, type, TTL bounds, each record's syntax.
Result<RecordSet> checkChange(const RecordChange &change, const QString &zone, int defaultTtl);

// The content of one record of `type` in PowerDNS's form; `field` names it in errors.
Result<QString> recordContent(const QString &type, const QString &input, const QString &owner,
                              const QString &zone, const QString &field);

// What a batch does to the zone as a whole: no name and type twice in one batch, no CNAME at
// the apex, and a name with a CNAME has nothing else (RFC 1034 3.6.2). `existing` holds the
// types each touched name has now (before the batch).
Status checkBatch(const QList<RecordSet> &sets, const QString &zone,
                  const QMap<QString, QSet<QString>> &existing);

// TXT: text -> one or more quoted strings of at most 255 bytes each; text that already starts
// with a quote is taken as quoted strings (checked, not split again).
Result<QString> txtContent(const QString &input, const QString &field);

} // namespace mp::dns
