#include "guardian/incremental_reader.h"

#include "core/errors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace mp::guardian {

namespace {

struct FileState {
    quint64 inode = 0;
    qint64 size = 0;
};

bool statFile(const QString &path, FileState &state)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    state.inode = static_cast<quint64>(st.st_ino);
    state.size = static_cast<qint64>(st.st_size);
    return true;
}

QByteArray headOf(const QString &path, qsizetype bytes)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
}

bool sameFile(const QString &path, const FileState &state, const LogCursor &cursor)
{
    return state.inode == cursor.inode && state.size >= cursor.offset &&
           headOf(path, cursor.head.size()) == cursor.head;
}

// The file the cursor was reading, now under a rotated name: by inode (a rename), else by its
// first bytes (copytruncate's copy); empty when there is none.
QString rotatedFile(const QString &path, const LogCursor &cursor)
{
    const QFileInfo info(path);
    const QDir dir = info.dir();
    const QStringList names = dir.entryList({info.fileName() + u'*'}, QDir::Files, QDir::Name);
    QString copy;
    for (const QString &name : names) {
        if (name == info.fileName() || name.endsWith(QLatin1String(".gz")) ||
            name.endsWith(QLatin1String(".xz")) || name.endsWith(QLatin1String(".bz2")) ||
            name.endsWith(QLatin1String(".zst")))
            continue;
        FileState state;
        const QString candidate = dir.filePath(name);
        if (!statFile(candidate, state) || state.size < cursor.offset ||
            headOf(candidate, cursor.head.size()) != cursor.head)
            continue;
        if (state.inode == cursor.inode)
            return candidate;
        if (copy.isEmpty() && !cursor.head.isEmpty())
            copy = candidate;
    }
    return copy;
}

// Complete lines from `offset` (all the rest when `wholeRest`: a rotated file gets no more lines),
// at most about `maxBytes`.
Result<LogPiece> readFrom(const QString &path, LogCursor &cursor, bool wholeRest, qint64 maxBytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(errors::Internal, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    if (!f.seek(cursor.offset))
        return makeError(errors::Internal, QStringLiteral("cannot seek in %1").arg(path));
    QByteArray data = f.read(maxBytes);
    qsizetype keep = data.size();
    if (!wholeRest || data.size() == maxBytes)
        keep = data.lastIndexOf('\n') + 1;
    data.truncate(keep);
    LogPiece piece{path, data, cursor.lines + 1};
    cursor.offset += keep;
    cursor.lines += data.count('\n');
    if (wholeRest && !data.isEmpty() && !data.endsWith('\n'))
        ++cursor.lines;
    return piece;
}

} // namespace

Result<ReadResult> IncrementalReader::readNew(const QString &path, LogCursor &cursor, qint64 maxBytes)
{
    ReadResult result;
    FileState now;
    const bool exists = statFile(path, now);
    if (cursor.inode != 0 && (!exists || !sameFile(path, now, cursor))) {
        // Rotated or truncated: finish the old file first.
        const QString old = rotatedFile(path, cursor);
        FileState oldState;
        if (!old.isEmpty() && statFile(old, oldState)) {
            if (oldState.size > cursor.offset) {
                auto piece = readFrom(old, cursor, true, maxBytes);
                if (!piece)
                    return piece.error();
                result.pieces.append(*piece);
                if (cursor.offset < oldState.size)
                    return result; // more than one read's worth left in the old file
            }
        } else {
            result.lostRotatedTail = true;
        }
        cursor = LogCursor{};
    }
    if (!exists)
        return result;
    cursor.inode = now.inode;
    if (cursor.head.size() < LogCursor::kHeadBytes)
        cursor.head = headOf(path, LogCursor::kHeadBytes);
    if (now.size > cursor.offset) {
        auto piece = readFrom(path, cursor, false, maxBytes);
        if (!piece)
            return piece.error();
        if (!piece->data.isEmpty())
            result.pieces.append(*piece);
    }
    return result;
}

} // namespace mp::guardian
