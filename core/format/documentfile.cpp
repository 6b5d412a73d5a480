#include "documentfile.h"

#include "opentrackreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::DocumentFile", text);
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// The type and permission bits of what path names (links followed), or nothing (errno says why).
std::optional<mode_t> modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return std::nullopt;
    return info.st_mode;
}

// What a path that is not a regular file is, for messages.
QString otherKind(mode_t mode)
{
    if (S_ISDIR(mode))
        return tr("a folder");
    if (S_ISFIFO(mode))
        return tr("a named pipe");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return tr("a device");
    if (S_ISSOCK(mode))
        return tr("a socket");
    return tr("not a regular file");
}

DocumentFile::Bytes readRegular(const QString &path, qint64 maxBytes)
{
    DocumentFile::Bytes bytes;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        bytes.error = tr("cannot open the file: %1").arg(file.errorString());
    } else if (file.size() > maxBytes) {
        bytes.error = tr("the file is %1 MB; Meetdesk reads competitions of up to %2 MB")
                          .arg(file.size() / (1024 * 1024))
                          .arg(maxBytes / (1024 * 1024));
    } else {
        bytes.data = file.readAll();
        if (file.error() != QFileDevice::NoError)
            bytes.error = tr("cannot read the file: %1").arg(file.errorString());
    }
    if (!bytes.ok())
        bytes.data.clear();
    return bytes;
}

// A pipe or a device: opened without blocking (a named pipe nobody writes to would block
// open() itself), then read as bytes come, each wait bounded.
DocumentFile::Bytes readStream(const QString &path, const DocumentFile::ReadLimits &limits)
{
    DocumentFile::Bytes bytes;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        bytes.error = tr("cannot open the file: %1").arg(systemError(errno));
        return bytes;
    }
    std::vector<char> buffer(64 * 1024);
    for (;;) {
        pollfd wanted {fd, POLLIN, 0};
        const int ready = ::poll(&wanted, 1, limits.idleMs);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0) {
            bytes.error = tr("cannot read the file: %1").arg(systemError(errno));
            break;
        }
        if (ready == 0) {
            bytes.error = tr("nothing came from it for %1 seconds; is anything writing to it?")
                              .arg(limits.idleMs / 1000.0);
            break;
        }
        const ssize_t got = ::read(fd, buffer.data(), buffer.size());
        if (got > 0) {
            if (bytes.data.size() + got > limits.maxBytes) {
                bytes.error = tr("more than %1 MB came from it; Meetdesk reads competitions of "
                                 "up to %1 MB")
                                  .arg(limits.maxBytes / (1024 * 1024));
                break;
            }
            bytes.data.append(buffer.data(), got);
            continue;
        }
        if (got == 0)
            break; // the writer is done
        if (errno == EAGAIN || errno == EINTR)
            continue;
        bytes.error = tr("cannot read the file: %1").arg(systemError(errno));
        break;
    }
    ::close(fd);
    if (!bytes.ok())
        bytes.data = QByteArray();
    return bytes;
}

} // namespace

DocumentFile::Bytes DocumentFile::readBytes(const QString &path, const ReadLimits &limits)
{
    const std::optional<mode_t> mode = modeOf(path);
    if (!mode || S_ISDIR(*mode)) {
        Bytes bytes;
        bytes.error = mode ? tr("it is a folder, not a file")
                           : tr("cannot open the file: %1").arg(systemError(errno));
        return bytes;
    }
    return S_ISREG(*mode) ? readRegular(path, limits.maxBytes) : readStream(path, limits);
}

DocumentFile::Loaded DocumentFile::load(const QString &path)
{
    Loaded loaded;
    ReadResult read = OpenTrackReader::readFile(path);
    loaded.findings = std::move(read.findings);
    if (!read.ok()) {
        loaded.error = read.error;
        return loaded;
    }
    if (const JsonValue *version = findMember(read.meetdesk, u"format_version")) {
        if (version->isNumber() && version->text().toInt() > formatVersion) {
            loaded.findings.append(
                {Finding::Severity::Warning, QStringLiteral("meetdesk.format_version"),
                 Document::tr("written by a newer Meetdesk (format %1); what it added is kept "
                              "but not understood")
                     .arg(version->text()),
                 nullptr});
        }
    }
    loaded.document = std::make_unique<Document>(std::move(read.competition));
    loaded.document->setMeetdeskData(std::move(read.meetdesk));
    loaded.document->setFilePath(path);
    return loaded;
}

QByteArray DocumentFile::serialize(const Competition &competition, const JsonObject &meetdeskData)
{
    return serialize(competition, meetdeskData, OpenTrackWriter::Flavor::Current);
}

QByteArray DocumentFile::serialize(const Competition &competition, const JsonObject &meetdeskData,
                                   OpenTrackWriter::Flavor flavor)
{
    if (flavor != OpenTrackWriter::Flavor::Current)
        return OpenTrackWriter::write(competition, flavor);
    JsonObject meta;
    meta.push_back(
        {QStringLiteral("format_version"), JsonValue::number(QString::number(formatVersion))});
    for (const JsonMember &m : meetdeskData) {
        if (m.key != u"format_version")
            meta.push_back(m);
    }
    // A "meetdesk" value that is no object (reported when read) is the file's own: written back
    // as it was while Meetdesk has nothing of its own to keep, else kept inside Meetdesk's object.
    if (const JsonValue *kept = findMember(competition.extras, u"meetdesk")) {
        if (meetdeskData.empty())
            return OpenTrackWriter::write(competition, flavor);
        meta.push_back({QStringLiteral("previous_value"), *kept});
    }
    return OpenTrackWriter::write(competition, flavor, &meta);
}

bool DocumentFile::writeFile(const QString &path, const QByteArray &data, QString *error)
{
    // QSaveFile would put a new regular file in the place of a pipe or a device: refuse.
    if (const std::optional<mode_t> mode = modeOf(path); mode && !S_ISREG(*mode)) {
        if (error)
            *error = tr("it is %1, not a regular file; Meetdesk writes only to regular files")
                         .arg(otherKind(*mode));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool DocumentFile::save(Document &document, const QString &path, QString *error)
{
    const QByteArray data = serialize(document.competition(), document.meetdeskData());
    if (!writeFile(path, data, error))
        return false;
    document.setFilePath(path);
    document.markSaved();
    return true;
}

} // namespace meetdesk
