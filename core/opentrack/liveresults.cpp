#include "liveresults.h"

#include "payload.h"

#include "model/competition.h"
#include "model/document.h"

#include <QUndoStack>

namespace meetdesk {

namespace {

const Unit *unitOf(const Node *node)
{
    for (; node; node = node->parent()) {
        if (node->kind() == NodeKind::Unit)
            return static_cast<const Unit *>(node);
    }
    return nullptr;
}

} // namespace

LiveResults::LiveResults(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LiveResults::run);
    connect(document, &Document::nodeChanged, this, [this](Node *node, int) { nodeTouched(node); });
    connect(document, &Document::nodeInserted, this, [this](Node *node) { nodeTouched(node); });
    connect(document, &Document::nodeRemoved, this,
            [this](Node *from, ListId, int) { nodeTouched(from); });
    // A publish holds pointers to the records it sends: a record removed meanwhile stops it,
    // and its heats go again from what the document holds then.
    connect(document, &Document::nodeAboutToBeRemoved, this, [this](Node *) {
        if (m_publisher)
            m_publisher->cancel();
    });
    connect(document->undoStack(), &QUndoStack::indexChanged, this, &LiveResults::refresh);
    refresh();
}

LiveResults::~LiveResults()
{
    if (m_publisher) {
        m_publisher->disconnect(this);
        m_publisher->cancel();
        delete m_publisher;
    }
}

bool LiveResults::isOn(const Document &document)
{
    const JsonValue *live = findMember(document.meetdeskData(), u"live");
    return live && live->type() == JsonValue::Type::Bool && live->toBool();
}

bool LiveResults::isOfficial(const Unit &unit)
{
    return unit.resultsStatus == u"official";
}

void LiveResults::setServer(const QUrl &apiRoot)
{
    m_apiRoot = apiRoot;
    m_client.setApiRoot(apiRoot);
}

void LiveResults::setToken(const QString &token)
{
    m_client.setToken(token);
    m_askedLogin = false;
    if (!token.isEmpty() && !m_queue.isEmpty() && !m_publisher)
        schedule(0);
}

void LiveResults::refresh()
{
    const bool on = isOn(*m_document);
    if (on == m_enabled)
        return;
    m_enabled = on;
    if (!on) {
        m_timer.stop();
        m_queue.clear();
        m_states.clear();
        m_askedLogin = false;
        Q_EMIT stateChanged();
        return;
    }
    m_backoffMs = firstBackoffMs;
    // Heats already official and changed since they were last published go now.
    const SyncState sync = SyncState::fromMeetdesk(m_document->meetdeskData());
    for (const auto &event : m_document->competition().events) {
        for (const auto &unit : event->units) {
            if (!isOfficial(*unit))
                continue;
            const QString key = payload::naturalKey(*unit);
            const SyncState::Record *record = key.isEmpty() ? nullptr : sync.record(key);
            if (!record || record->payload != payload::toBytes(payload::of(*unit)))
                enqueue(*unit);
        }
    }
    Q_EMIT stateChanged();
}

void LiveResults::nodeTouched(const Node *node)
{
    if (!m_enabled)
        return;
    if (const Unit *unit = unitOf(node); unit && isOfficial(*unit))
        enqueue(*unit);
}

void LiveResults::enqueue(const Unit &unit)
{
    const QString key = payload::naturalKey(unit);
    if (key.isEmpty() || !m_enabled)
        return;
    m_queue.insert(key);
    setState(key, State::Queued);
    if (!m_publisher && !m_timer.isActive())
        schedule(gatherMs);
}

QStringList LiveResults::queued() const
{
    QStringList keys(m_queue.cbegin(), m_queue.cend());
    keys.sort();
    return keys;
}

LiveResults::HeatState LiveResults::stateOf(const Node &node) const
{
    if (node.kind() != NodeKind::Unit || !m_enabled)
        return {};
    return m_states.value(payload::naturalKey(node));
}

void LiveResults::setState(const QString &key, State state, const QString &message)
{
    HeatState &s = m_states[key];
    if (s.state == state && s.message == message)
        return;
    s = {state, message};
    Q_EMIT stateChanged();
}

void LiveResults::schedule(int ms)
{
    m_timer.start(ms);
}

void LiveResults::setHeld(bool held)
{
    m_held = held;
    if (!held && !m_queue.isEmpty())
        schedule(gatherMs);
}

void LiveResults::run()
{
    if (!m_enabled || m_queue.isEmpty() || m_publisher || m_held)
        return;
    if (m_client.token().isEmpty()) {
        if (!m_askedLogin) {
            m_askedLogin = true;
            Q_EMIT loginNeeded();
        }
        return; // the heats wait for a token
    }
    const QSet<QString> batch = std::exchange(m_queue, {});
    for (const QString &key : batch)
        setState(key, State::Publishing);
    auto *publisher = new Publisher(&m_client, m_document, m_apiRoot, this);
    m_publisher = publisher;
    publisher->setUnitsOnly(batch);
    // A refused token ends this publish; the heats wait for a new login.
    publisher->setReauthenticate([this](std::function<void(const QString &)> answer) {
        m_client.setToken(QString());
        answer(QString());
    });
    connect(publisher, &Publisher::planned, this, [publisher] { publisher->publish(); });
    connect(publisher, &Publisher::finished, this,
            [this, batch](const PublishReport &report) { done(batch, &report, {}); });
    connect(publisher, &Publisher::failed, this,
            [this, batch](const QString &why) { done(batch, nullptr, why); });
    Q_EMIT message(tr("Live: publishing %n heat(s)", nullptr, int(batch.size())));
    publisher->plan();
}

void LiveResults::done(const QSet<QString> &batch, const PublishReport *report,
                       const QString &failure)
{
    Publisher *publisher = m_publisher;
    m_publisher = nullptr;
    if (publisher)
        publisher->deleteLater();

    QSet<QString> again; // to be tried again
    QHash<QString, QString> problems;
    if (!report) {
        again = batch;
        for (const QString &key : batch)
            problems.insert(key, failure);
    } else {
        QSet<QString> conflicts;
        for (const PublishItem &item : report->conflicts) {
            if (batch.contains(item.key)) {
                conflicts.insert(item.key);
                QStringList fields;
                for (const FieldChange &c : item.conflicts)
                    fields.append(c.field);
                setState(item.key, State::NeedsReview,
                         tr("Changed on OpenTrack too (%1): not sent; publish by hand to choose")
                             .arg(fields.join(QStringLiteral(", "))));
            }
        }
        for (const auto *list : {&report->failures, &report->notStored}) {
            for (const PublishReport::Problem &p : *list) {
                // Trouble with any record the heats need keeps them all queued.
                const QString key = p.node ? payload::naturalKey(*p.node) : QString();
                const QString text = p.where + u": " + p.message;
                if (batch.contains(key)) {
                    again.insert(key);
                    problems.insert(key, text);
                } else {
                    for (const QString &k : batch)
                        problems.insert(k, problems.value(k, text));
                    again.unite(batch);
                }
            }
        }
        if (report->cancelled)
            again.unite(batch);
        if (!report->stopped.isEmpty()) {
            again.unite(batch);
            for (const QString &k : batch)
                problems.insert(k, problems.value(k, report->stopped));
        }
        again.subtract(conflicts);
        for (const QString &key : batch) {
            if (!again.contains(key) && !conflicts.contains(key))
                setState(key, State::Published);
        }
        Q_EMIT published(*report);
    }

    if (!m_enabled)
        return;
    if (report && report->cancelled && problems.isEmpty()) {
        // Stopped by an edit that removed a record: straight again, no backoff.
        m_queue.unite(again);
        for (const QString &key : again)
            setState(key, State::Queued);
        schedule(gatherMs);
        return;
    }
    if (!again.isEmpty()) {
        m_queue.unite(again);
        for (const QString &key : again) {
            const QString why = problems.value(key);
            setState(key, State::Failed,
                     (why.isEmpty() ? tr("not published") : why)
                         + tr("; trying again in %n s", nullptr, (m_backoffMs + 999) / 1000));
        }
        Q_EMIT message(tr("Live: publishing failed; trying again in %n s", nullptr,
                          (m_backoffMs + 999) / 1000));
        if (m_client.token().isEmpty()) {
            m_askedLogin = true;
            Q_EMIT loginNeeded();
            return;
        }
        schedule(m_backoffMs);
        m_backoffMs = std::min(m_backoffMs * 2, maxBackoffMs);
        return;
    }
    m_backoffMs = firstBackoffMs;
    if (!m_queue.isEmpty())
        schedule(gatherMs); // edits that came while publishing
}

} // namespace meetdesk
