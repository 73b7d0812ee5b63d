// Incremental reading of a log: a partial line waits for its end, and across rotation (rename,
// with lines still written to the old file before the writer reopens), copytruncate and a
// rotated file that is already gone, every line is read exactly once, numbered on.
#include "guardian/incremental_reader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mp;
using namespace mp::guardian;

namespace {

void append(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Append));
    QCOMPARE(f.write(text), text.size());
}

// Everything one read returns, as "path-suffix:firstLine:data" per piece.
QByteArray readAll(const QString &path, LogCursor &cursor, qint64 maxBytes = 256LL << 20)
{
    auto r = IncrementalReader::readNew(path, cursor, maxBytes);
    if (!r)
        qFatal("%s", qPrintable(r.error().message));
    QByteArray out;
    for (const LogPiece &p : std::as_const(r->pieces))
        out += p.data;
    return out;
}

} // namespace

class TestGuardianReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void partialLinesWait()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("auth.log"));
        LogCursor cursor;
        QCOMPARE(readAll(log, cursor), QByteArray()); // no file yet
        append(log, "one\ntw");
        QCOMPARE(readAll(log, cursor), QByteArray("one\n"));
        QCOMPARE(readAll(log, cursor), QByteArray());
        append(log, "o\nthree\n");
        auto r = IncrementalReader::readNew(log, cursor);
        QVERIFY(r);
        QCOMPARE(r->pieces.size(), 1);
        QCOMPARE(r->pieces.first().data, QByteArray("two\nthree\n"));
        QCOMPARE(r->pieces.first().firstLine, 2); // numbering goes on
        QCOMPARE(cursor.lines, 3);
    }

    void rotationReadsTheOldFileToItsEndFirst()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("mail.log"));
        LogCursor cursor;
        append(log, "a1\na2\n");
        QCOMPARE(readAll(log, cursor), QByteArray("a1\na2\n"));
        append(log, "a3\n");
        QVERIFY(QFile::rename(log, log + QStringLiteral(".1")));
        append(log + QStringLiteral(".1"), "a4\n"); // the writer has not reopened yet
        append(log, "b1\nb2\n");
        auto r = IncrementalReader::readNew(log, cursor);
        QVERIFY(r);
        QCOMPARE(r->pieces.size(), 2);
        QCOMPARE(r->pieces.at(0).path, log + QStringLiteral(".1"));
        QCOMPARE(r->pieces.at(0).data, QByteArray("a3\na4\n"));
        QCOMPARE(r->pieces.at(0).firstLine, 3);
        QCOMPARE(r->pieces.at(1).data, QByteArray("b1\nb2\n"));
        QCOMPARE(r->pieces.at(1).firstLine, 1); // a new file counts from 1
        QVERIFY(!r->lostRotatedTail);
        QCOMPARE(readAll(log, cursor), QByteArray()); // nothing twice
        append(log, "b3\n");
        QCOMPARE(readAll(log, cursor), QByteArray("b3\n"));
    }

    void rotationInSmallReads()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("access.log"));
        LogCursor cursor;
        append(log, "x\n");
        QCOMPARE(readAll(log, cursor), QByteArray("x\n"));
        append(log, "line-1\nline-2\nline-3\n");
        QVERIFY(QFile::rename(log, log + QStringLiteral("-20261207")));
        append(log, "new-1\n");
        QByteArray all;
        for (int i = 0; i < 10; ++i)
            all += readAll(log, cursor, 8); // a read of 8 bytes holds one line
        QCOMPARE(all, QByteArray("line-1\nline-2\nline-3\nnew-1\n"));
    }

    // Truncated without a copy: the new lines are read from the start.
    void truncationStartsOver()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("syslog"));
        LogCursor cursor;
        append(log, "old-1\nold-2\n");
        QCOMPARE(readAll(log, cursor), QByteArray("old-1\nold-2\n"));
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(0)); // copytruncate
        f.close();
        append(log, "new\n");
        QCOMPARE(readAll(log, cursor), QByteArray("new\n"));
        QCOMPARE(cursor.lines, 1);
        QCOMPARE(readAll(log, cursor), QByteArray());
    }

    void copytruncateReadsTheCopysTail()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("nginx.log"));
        LogCursor cursor;
        append(log, "one\n");
        QCOMPARE(readAll(log, cursor), QByteArray("one\n"));
        append(log, "two\n");
        QVERIFY(QFile::copy(log, log + QStringLiteral(".1")));
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(0));
        f.close();
        append(log, "three-is-longer\n");
        QCOMPARE(readAll(log, cursor), QByteArray("two\nthree-is-longer\n"));
        QCOMPARE(readAll(log, cursor), QByteArray());
    }

    void rotatedFileGoneIsReported()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("daemon.log"));
        LogCursor cursor;
        append(log, "a\n");
        QCOMPARE(readAll(log, cursor), QByteArray("a\n"));
        append(log, "lost\n");
        QVERIFY(QFile::rename(log, log + QStringLiteral(".1")));
        QVERIFY(QFile::remove(log + QStringLiteral(".1"))); // compressed away before the scan
        append(log, "b\n");
        auto r = IncrementalReader::readNew(log, cursor);
        QVERIFY(r);
        QVERIFY(r->lostRotatedTail);
        QCOMPARE(r->pieces.size(), 1);
        QCOMPARE(r->pieces.first().data, QByteArray("b\n"));
    }
};

QTEST_GUILESS_MAIN(TestGuardianReader)
#include "tst_guardian_reader.moc"
