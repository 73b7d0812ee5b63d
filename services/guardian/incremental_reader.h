#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mp::guardian {

// Where the reading of one log stopped: the file (by inode, which a rotation's rename keeps,
// and by its first bytes, since a new file may get the inode of one just deleted), the byte
// after the last complete line read, and how many lines that was (so line numbers go on).
struct LogCursor {
    static constexpr qsizetype kHeadBytes = 64;
    quint64 inode = 0;
    QByteArray head;
    qint64 offset = 0;
    qint64 lines = 0;
};

// Complete lines read from one file, the first numbered `firstLine`.
struct LogPiece {
    QString path;
    QByteArray data;
    qint64 firstLine = 1;
};

struct ReadResult {
    QList<LogPiece> pieces;
    // The file read before was replaced and is nowhere to be found (compressed or removed, or
    // truncated without a copy): lines written to it after the last read may be lost.
    bool lostRotatedTail = false;
};

// Reads what was appended to a log since its cursor, and moves the cursor; the caller stores
// the cursor with what it made of the lines, in one transaction, so no line is read twice.
//   - A partial last line stays for the next read (a writer may be half-way through it).
//   - Rotation (the path names another file): the rest of the old file is read first, found
//     among its rotated names (`<name>.1`, `<name>-20261207`...) by its inode and first bytes,
//     then the new file from its start.
//   - Truncation (copytruncate): the copy is found by its first bytes and read to its end,
//     then the truncated file from its start.
class IncrementalReader {
public:
    static Result<ReadResult> readNew(const QString &path, LogCursor &cursor, qint64 maxBytes = 256LL << 20);
};

} // namespace mp::guardian
