#include "importwizard.h"

#include "edit/documenteditor.h"
#include "format/documentfile.h"
#include "model/describe.h"
#include "prompts.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meetdesk {

namespace {

using Field = EntriesMapping::Field;
using Order = EntriesMapping::DateOrder;

// A page that is complete when its wizard says so (the wizard asks it to look again).
class Step : public QWizardPage
{
public:
    explicit Step(std::function<bool()> complete)
        : m_complete(std::move(complete))
    { }

    bool isComplete() const override { return m_complete(); }
    void recheck() { Q_EMIT completeChanged(); }

private:
    std::function<bool()> m_complete;
};

constexpr int previewRows = 12; // of the file, on its page
constexpr int headerChoices = 10; // rows offered as the header row
constexpr int ProblemRole = Qt::UserRole + 1; // "problem" on a preview row that has one
constexpr int PersonRole = Qt::UserRole + 2; // the athlete's index in the plan

// The roles a column can take, in the order the combo lists them.
const QList<Field> &roles()
{
    static const QList<Field> all {
        Field::Ignore,   Field::Bib,         Field::FirstName, Field::LastName,    Field::FullName,
        Field::Gender,   Field::DateOfBirth, Field::TeamId,    Field::TeamName,    Field::Events,
        Field::SeedMark, Field::Pb,          Field::Sb,        Field::Nationality, Field::AgeGroup,
        Field::Category, Field::NationalId,
    };
    return all;
}

QString joinedCells(const QStringList &cells)
{
    QStringList shown;
    for (const QString &c : cells)
        shown.append(c.simplified());
    return shown.join(QStringLiteral(" \u00B7 "));
}

QStandardItem *item(const QString &text)
{
    auto *i = new QStandardItem(text);
    i->setEditable(false);
    return i;
}

} // namespace

ImportWizard::ImportWizard(DocumentEditor &editor, const QString &path, QWidget *parent)
    : QWizard(parent)
    , m_editor(editor)
    , m_path(path)
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import entries"));
    setOption(QWizard::NoCancelButtonOnLastPage);
    setOption(QWizard::NoBackButtonOnLastPage);
    setButtonText(QWizard::CommitButton, tr("&Import"));
    setPage(FilePage, createFilePage());
    setPage(ColumnsPage, createColumnsPage());
    setPage(PreviewPage, createPreviewPage());
    setPage(ClubsPage, createClubsPage());
    setPage(DonePage, createDonePage());
    setStartId(FilePage);
    resize(980, 640);
    readFile();
}

ImportWizard::~ImportWizard() = default;

QWizardPage *ImportWizard::createFilePage()
{
    auto *page = new Step([this] { return m_read.ok(); });
    page->setObjectName(QStringLiteral("filePage"));
    page->setTitle(tr("The file"));
    page->setSubTitle(tr("Check that the names read right; change what was detected if they "
                         "do not."));

    m_file = new QLineEdit(page);
    m_file->setObjectName(QStringLiteral("file"));
    m_file->setReadOnly(true);
    m_file->setFocusPolicy(Qt::ClickFocus); // the keyboard starts on what can be changed
    auto *choose = new QPushButton(tr("C&hoose..."), page);
    choose->setAutoDefault(false); // Enter goes on to the next page
    choose->setObjectName(QStringLiteral("chooseFile"));
    connect(choose, &QPushButton::clicked, this, &ImportWizard::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(choose);

    m_detected = new QLabel(page);
    m_detected->setObjectName(QStringLiteral("detected"));
    m_fileError = new QLabel(page);
    m_fileError->setObjectName(QStringLiteral("fileError"));
    m_fileError->setWordWrap(true);
    m_fileError->setStyleSheet(QStringLiteral("color: #c0392b"));

    m_encoding = new QComboBox(page);
    m_encoding->setObjectName(QStringLiteral("encoding"));
    using Encoding = TextEncoding::Encoding;
    for (const Encoding e : {Encoding::Utf8, Encoding::Utf8Bom, Encoding::Utf16Le,
                             Encoding::Utf16Be, Encoding::Windows1252})
        m_encoding->addItem(TextEncoding::name(e), int(e));
    m_delimiter = new QComboBox(page);
    m_delimiter->setObjectName(QStringLiteral("delimiter"));
    m_delimiter->addItem(tr("Comma"), QChar(u','));
    m_delimiter->addItem(tr("Semicolon"), QChar(u';'));
    m_delimiter->addItem(tr("Tab"), QChar(u'\t'));
    m_sheet = new QComboBox(page);
    m_sheet->setObjectName(QStringLiteral("sheet"));
    m_headerRow = new QComboBox(page);
    m_headerRow->setObjectName(QStringLiteral("headerRow"));

    // What the user chooses is read at once, so the rows below show what it does.
    connect(m_encoding, &QComboBox::activated, this, [this] {
        m_options.encoding = TextEncoding::Encoding(m_encoding->currentData().toInt());
        readFile();
    });
    connect(m_delimiter, &QComboBox::activated, this, [this] {
        m_options.delimiter = m_delimiter->currentData().toChar();
        readFile();
    });
    connect(m_sheet, &QComboBox::activated, this, [this] {
        m_options.sheet = m_sheet->currentText();
        readFile();
    });
    connect(m_headerRow, &QComboBox::activated, this,
            [this] { setHeaderRow(m_headerRow->currentData().toInt()); });

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("Read as:"), m_detected);
    form->addRow(tr("&Encoding:"), m_encoding);
    form->addRow(tr("&Delimiter:"), m_delimiter);
    form->addRow(tr("&Sheet:"), m_sheet);
    form->addRow(tr("&Header row:"), m_headerRow);

    m_rows = new QTableWidget(page);
    m_rows->setObjectName(QStringLiteral("fileRows"));
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setSelectionMode(QAbstractItemView::NoSelection);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_fileError);
    layout->addWidget(new QLabel(tr("The first rows, as read:"), page));
    layout->addWidget(m_rows, 1);
    return page;
}

QWizardPage *ImportWizard::createColumnsPage()
{
    auto *page = new Step([this] {
        using F = Field;
        return m_mapping.has(F::Bib) || m_mapping.has(F::FirstName) || m_mapping.has(F::LastName)
            || m_mapping.has(F::FullName);
    });
    page->setObjectName(QStringLiteral("columnsPage"));
    page->setTitle(tr("The columns"));
    page->setSubTitle(tr("What each column holds. Change a column's role where it was not "
                         "recognised."));

    m_byHeader = new QRadioButton(tr("Columns by the &names in the header row"), page);
    m_byHeader->setObjectName(QStringLiteral("byHeader"));
    m_openTrack = new QRadioButton(tr("&OpenTrack's bulk-add order (competitor id, national id, "
                                      "first name, last name, gender, date of birth, team id, "
                                      "nationality, event, PB, SB)"),
                                   page);
    m_openTrack->setObjectName(QStringLiteral("openTrackPreset"));
    m_byHeader->setChecked(true);
    connect(m_openTrack, &QRadioButton::toggled, this, [this](bool preset) {
        m_preset = preset;
        setHeaderRow(m_headerRow->currentData().toInt());
    });

    m_columns = new QTableWidget(0, 4, page);
    m_columns->setObjectName(QStringLiteral("columns"));
    m_columns->setHorizontalHeaderLabels(
        {tr("Column"), tr("Header"), tr("First values"), tr("Holds")});
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columns->setSelectionMode(QAbstractItemView::NoSelection);
    m_columns->verticalHeader()->hide();
    m_columns->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);

    m_dateOrder = new QComboBox(page);
    m_dateOrder->setObjectName(QStringLiteral("dateOrder"));
    m_dateOrder->addItem(tr("Day first (31/12/2001)"), int(Order::DayFirst));
    m_dateOrder->addItem(tr("Month first (12/31/2001)"), int(Order::MonthFirst));
    connect(m_dateOrder, &QComboBox::activated, this,
            [this] { m_mapping.dateOrder = Order(m_dateOrder->currentData().toInt()); });
    m_dateNote = new QLabel(page);
    m_dateNote->setObjectName(QStringLiteral("dateNote"));
    m_dateNote->setWordWrap(true);
    m_columnsNote = new QLabel(page);
    m_columnsNote->setObjectName(QStringLiteral("columnsNote"));
    m_columnsNote->setWordWrap(true);
    m_columnsNote->setStyleSheet(QStringLiteral("color: #c0392b"));

    auto *dates = new QHBoxLayout;
    auto *dateLabel = new QLabel(tr("Dates of &birth:"), page);
    dateLabel->setBuddy(m_dateOrder);
    dates->addWidget(dateLabel);
    dates->addWidget(m_dateOrder);
    dates->addWidget(m_dateNote, 1);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_byHeader);
    layout->addWidget(m_openTrack);
    layout->addWidget(m_columns, 1);
    layout->addLayout(dates);
    layout->addWidget(m_columnsNote);
    return page;
}

QWizardPage *ImportWizard::createPreviewPage()
{
    auto *page = new Step([] { return true; });
    page->setObjectName(QStringLiteral("previewPage"));
    page->setTitle(tr("Preview"));
    page->setSubTitle(tr("Every row, and what the import will do with it. Rows held for review "
                         "are left out unless you tick them."));
    m_previewSummary = new QLabel(page);
    m_previewSummary->setObjectName(QStringLiteral("previewSummary"));
    m_previewSummary->setWordWrap(true);
    m_onlyProblems = new QCheckBox(tr("Show only rows with &problems"), page);
    m_onlyProblems->setObjectName(QStringLiteral("onlyProblems"));

    m_preview = new QStandardItemModel(0, 7, this);
    m_preview->setHorizontalHeaderLabels({tr("Row"), tr("Import"), tr("Bib"), tr("Name"),
                                          tr("Club"), tr("Events"), tr("Problems and changes")});
    m_previewFilter = new QSortFilterProxyModel(this);
    m_previewFilter->setSourceModel(m_preview);
    m_previewFilter->setFilterRole(ProblemRole);
    m_previewFilter->setFilterKeyColumn(0);
    connect(m_onlyProblems, &QCheckBox::toggled, this, [this](bool only) {
        m_previewFilter->setFilterFixedString(only ? QStringLiteral("problem") : QString());
    });
    m_previewView = new QTableView(page);
    m_previewView->setObjectName(QStringLiteral("preview"));
    m_previewView->setModel(m_previewFilter);
    m_previewView->setWordWrap(false);
    m_previewView->verticalHeader()->hide();
    m_previewView->horizontalHeader()->setStretchLastSection(true);
    m_previewView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_previewView->verticalHeader()->setDefaultSectionSize(m_previewView->fontMetrics().height()
                                                           + 8);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_previewSummary);
    layout->addWidget(m_onlyProblems);
    layout->addWidget(m_previewView, 1);
    return page;
}

QWizardPage *ImportWizard::createClubsPage()
{
    auto *page = new Step([] { return true; });
    page->setObjectName(QStringLiteral("clubsPage"));
    page->setTitle(tr("New clubs"));
    page->setSubTitle(tr("These club codes are not in the meet. The ticked ones are created; "
                         "the athletes of an unticked club keep its code."));
    page->setCommitPage(true);
    m_clubs = new QListWidget(page);
    m_clubs->setObjectName(QStringLiteral("clubs"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_clubs);
    return page;
}

QWizardPage *ImportWizard::createDonePage()
{
    auto *page = new Step([] { return true; });
    page->setObjectName(QStringLiteral("donePage"));
    page->setTitle(tr("Imported"));
    page->setSubTitle(tr("Edit > Undo takes the whole import back."));
    m_doneSummary = new QLabel(page);
    m_doneSummary->setObjectName(QStringLiteral("doneSummary"));
    m_doneSummary->setWordWrap(true);
    m_report = new QPlainTextEdit(page);
    m_report->setObjectName(QStringLiteral("report"));
    m_report->setReadOnly(true);
    m_report->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *copy = new QPushButton(tr("&Copy"), page);
    copy->setAutoDefault(false);
    copy->setObjectName(QStringLiteral("copyReport"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(report()); });
    auto *save = new QPushButton(tr("&Save..."), page);
    save->setAutoDefault(false);
    save->setObjectName(QStringLiteral("saveReport"));
    connect(save, &QPushButton::clicked, this, &ImportWizard::saveReport);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(copy);
    buttons->addWidget(save);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_doneSummary);
    layout->addWidget(m_report, 1);
    layout->addLayout(buttons);
    return page;
}

int ImportWizard::nextId() const
{
    switch (currentId()) {
    case FilePage:
        return ColumnsPage;
    case ColumnsPage:
        return PreviewPage;
    case PreviewPage:
        return m_plan && !m_plan->teams.isEmpty() ? ClubsPage : DonePage;
    case ClubsPage:
        return DonePage;
    default:
        return -1;
    }
}

bool ImportWizard::isCommitPage(int id) const
{
    return id == ClubsPage || (id == PreviewPage && m_plan && m_plan->teams.isEmpty());
}

void ImportWizard::initializePage(int id)
{
    switch (id) {
    case PreviewPage:
        showPreview();
        // Without new clubs, the preview is the last page before the import.
        page(PreviewPage)->setCommitPage(m_plan->teams.isEmpty());
        break;
    case ClubsPage:
        showClubs();
        break;
    case DonePage:
        if (m_applied && !m_applied->changedAnything()) {
            page(DonePage)->setTitle(tr("Nothing imported"));
            page(DonePage)->setSubTitle(tr("Nothing in the file changes the competition."));
        }
        m_doneSummary->setText(m_applied ? m_applied->summary() : QString());
        m_report->setPlainText(details());
        break;
    default:
        break;
    }
    QWizard::initializePage(id);
}

bool ImportWizard::validateCurrentPage()
{
    if (!QWizard::validateCurrentPage())
        return false;
    if (isCommitPage(currentId()) && !m_applied)
        apply();
    return true;
}

void ImportWizard::chooseFile()
{
    const QString path = Prompts::openFileName(this, tr("Import entries"),
                                               tr("Entries (*.csv *.tsv *.txt *.xlsx);;All "
                                                  "files (*)"));
    if (path.isEmpty())
        return;
    m_path = path;
    m_options = {};
    readFile();
}

void ImportWizard::readFile()
{
    m_read = TableReader::readFile(m_path, m_options);
    {
        const QSignalBlocker quiet(m_openTrack);
        m_preset = false;
        m_byHeader->setChecked(true);
    }
    m_mapping = m_read.ok()
        ? EntriesMapping::detect(m_read.table, m_editor.document().competition())
        : EntriesMapping();
    showFile();
    showColumns();
    static_cast<Step *>(page(FilePage))->recheck();
}

void ImportWizard::showFile()
{
    const Table &t = m_read.table;
    m_file->setText(QDir::toNativeSeparators(m_path));
    m_fileError->setText(m_read.error);
    m_fileError->setVisible(!m_read.ok());
    m_detected->setText(m_read.ok() ? t.description : QString());

    const bool workbook = !t.sheets.isEmpty();
    m_encoding->setEnabled(!workbook && m_read.ok());
    m_delimiter->setEnabled(!workbook && m_read.ok());
    m_sheet->setEnabled(workbook);
    // A workbook has neither: the combos show nothing rather than a guess.
    m_encoding->setCurrentIndex(t.encoding ? m_encoding->findData(int(*t.encoding)) : -1);
    m_delimiter->setCurrentIndex(t.delimiter.isNull() ? -1 : m_delimiter->findData(t.delimiter));
    m_sheet->clear();
    m_sheet->addItems(t.sheets);
    m_sheet->setCurrentText(t.sheet);

    m_headerRow->clear();
    m_headerRow->addItem(tr("None: the first row is an athlete"), -1);
    for (int r = 0; r < std::min<int>(int(t.rows.size()), headerChoices); ++r)
        m_headerRow->addItem(
            tr("Row %1: %2").arg(t.rows[r].number).arg(joinedCells(t.rows[r].cells).left(90)), r);
    m_headerRow->setCurrentIndex(m_headerRow->findData(m_mapping.headerRow));

    const int shown = std::min<int>(int(t.rows.size()), previewRows);
    const int columns = int(t.columnCount());
    m_rows->clear();
    m_rows->setRowCount(shown);
    m_rows->setColumnCount(columns);
    QStringList letters, numbers;
    for (int c = 0; c < columns; ++c)
        letters.append(Table::columnName(c));
    for (int r = 0; r < shown; ++r) {
        numbers.append(QString::number(t.rows[r].number));
        for (int c = 0; c < columns; ++c)
            m_rows->setItem(r, c, new QTableWidgetItem(t.cell(r, c).simplified()));
    }
    m_rows->setHorizontalHeaderLabels(letters);
    m_rows->setVerticalHeaderLabels(numbers);
    m_rows->resizeColumnsToContents();
}

void ImportWizard::setHeaderRow(int headerRow)
{
    const Competition &meet = m_editor.document().competition();
    if (m_preset) {
        m_mapping = EntriesMapping::openTrackPreset(m_read.table);
    } else {
        m_mapping = EntriesMapping::fromHeader(m_read.table, headerRow, meet);
        m_headerRow->setCurrentIndex(m_headerRow->findData(m_mapping.headerRow));
    }
    showColumns();
}

void ImportWizard::showColumns()
{
    const Table &t = m_read.table;
    const int columns = int(std::max(t.columnCount(), m_mapping.columns.size()));
    while (m_mapping.columns.size() < columns) {
        EntriesMapping::Column c;
        if (m_mapping.headerRow >= 0)
            c.header = t.cell(m_mapping.headerRow, m_mapping.columns.size()).trimmed();
        m_mapping.columns.append(c);
    }
    m_columns->setRowCount(columns);
    for (int c = 0; c < columns; ++c) {
        const EntriesMapping::Column &column = m_mapping.columns[c];
        QStringList values;
        for (qsizetype r = m_mapping.headerRow + 1; r < t.rows.size() && values.size() < 3; ++r) {
            const QString v = t.cell(r, c).simplified();
            if (!v.isEmpty())
                values.append(v);
        }
        m_columns->setItem(c, 0, new QTableWidgetItem(Table::columnName(c)));
        m_columns->setItem(
            c, 1,
            new QTableWidgetItem(m_mapping.headerRow >= 0 || m_preset ? column.header : QString()));
        m_columns->setItem(c, 2, new QTableWidgetItem(values.join(QStringLiteral(", "))));
        auto *role = new QComboBox(m_columns);
        role->setObjectName(QStringLiteral("role-%1").arg(Table::columnName(c)));
        for (const Field f : roles())
            role->addItem(EntriesMapping::fieldName(f), int(f));
        if (column.field == Field::EventColumn)
            role->addItem(tr("Event %1").arg(column.event), int(Field::EventColumn));
        role->setCurrentIndex(role->findData(int(column.field)));
        connect(role, &QComboBox::activated, this,
                [this, c, role] { setRole(c, role->currentData().toInt()); });
        m_columns->setCellWidget(c, 3, role);
    }
    m_columns->resizeColumnToContents(0);
    m_columns->resizeColumnToContents(1);
    m_columns->resizeColumnToContents(3);
    m_columns->setColumnWidth(3, std::max(m_columns->columnWidth(3), 170));

    updateColumnNotes();
}

void ImportWizard::setRole(int column, int field)
{
    if (column >= 0 && column < m_mapping.columns.size())
        m_mapping.columns[column].field = Field(field);
    updateColumnNotes();
}

void ImportWizard::updateColumnNotes()
{
    const auto dates = EntriesImport::dateColumn(m_read.table, m_mapping);
    m_dateOrder->setEnabled(dates.ambiguous);
    if (m_mapping.dateOrder == Order::Auto)
        m_dateOrder->setCurrentIndex(m_dateOrder->findData(int(dates.order)));
    m_dateNote->setText(!m_mapping.has(Field::DateOfBirth) ? tr("no column holds them")
                            : dates.ambiguous ? tr("every date in the file reads either way "
                                                   "(03/04/2001): say which comes first")
                                              : tr("the file's dates read this way only"));
    const bool someone = page(ColumnsPage)->isComplete();
    m_columnsNote->setText(someone ? QString()
                                   : tr("No column holds a bib or a name: choose which does, "
                                        "so each row can be matched to an athlete."));
    static_cast<Step *>(page(ColumnsPage))->recheck();
}

void ImportWizard::showPreview()
{
    const Competition &meet = m_editor.document().competition();
    m_plan = EntriesImport::plan(m_read.table, m_mapping, meet);
    const EntriesPlan &plan = *m_plan;

    struct Line
    {
        int row;
        qsizetype person; // -1: a rejected row
        bool first; // the athlete's first row
        QString message; // of a rejected row
    };
    QList<Line> lines;
    for (qsizetype i = 0; i < plan.people.size(); ++i) {
        for (qsizetype k = 0; k < plan.people[i].rows.size(); ++k)
            lines.append({plan.people[i].rows[k], i, k == 0, {}});
    }
    for (const EntriesPlan::Issue &r : plan.rejected)
        lines.append({r.row, -1, true, r.message});
    std::stable_sort(lines.begin(), lines.end(),
                     [](const Line &a, const Line &b) { return a.row < b.row; });

    QHash<int, QStringList> byNumber; // the table's rows by the row number a spreadsheet shows
    for (const Table::Row &r : m_read.table.rows)
        byNumber.insert(r.number, r.cells);
    int created = 0, merged = 0, unchanged = 0, held = 0;
    m_preview->removeRows(0, m_preview->rowCount());
    const QBrush problem(QColor(0xfd, 0xed, 0xec));
    for (const Line &line : std::as_const(lines)) {
        QList<QStandardItem *> cells;
        cells << item(QString::number(line.row));
        if (line.person < 0) {
            // What the row says, from the table: the plan gives no athlete for it.
            const QStringList &row = byNumber.value(line.row);
            const auto cell = [&](Field f) {
                return row.value(m_mapping.columnOf(f)).simplified();
            };
            const QString name = cell(Field::FullName).isEmpty()
                ? QStringList({cell(Field::FirstName), cell(Field::LastName)}).join(u' ').trimmed()
                : cell(Field::FullName);
            cells << item(tr("Not imported")) << item(cell(Field::Bib)) << item(name)
                  << item(cell(Field::TeamId)) << item(cell(Field::Events)) << item(line.message);
            for (QStandardItem *c : std::as_const(cells)) {
                c->setData(QStringLiteral("problem"), ProblemRole);
                c->setBackground(problem);
            }
            cells.last()->setToolTip(line.message);
            m_preview->appendRow(cells);
            continue;
        }
        const EntriesPlan::Person &p = plan.people[line.person];
        QStringList notes;
        for (const EntriesPlan::Issue &i : p.issues) {
            if (i.row == line.row)
                notes.append(i.column.isEmpty() ? i.message : i.column + u": " + i.message);
        }
        QStringList events;
        if (line.first) {
            for (const EntriesPlan::Change &c : p.changes)
                notes.append(tr("%1: \"%2\" becomes \"%3\"")
                                 .arg(describe::fieldTitle(QLatin1StringView(c.field.toLatin1())),
                                      c.from, c.to));
            for (const EntriesPlan::Entry &e : p.entries) {
                const QString marks
                    = QStringList({e.pb.isEmpty() ? QString() : tr("PB %1").arg(e.pb),
                                   e.sb.isEmpty() ? QString() : tr("SB %1").arg(e.sb)})
                          .join(u' ')
                          .trimmed();
                events.append(marks.isEmpty() ? e.eventId : e.eventId + u" (" + marks + u')');
            }
        }
        QString what;
        if (!line.first)
            what = tr("Same athlete as row %1").arg(p.rows.first());
        else if (p.held())
            what = tr("Held: import anyway");
        else if (p.existing && p.changes.isEmpty() && p.entries.isEmpty())
            what = tr("In the meet as bib %1").arg(p.existing->competitorId);
        else if (p.existing)
            what = tr("Merge into bib %1").arg(p.existing->competitorId);
        else
            what = tr("New");
        auto *whatItem = item(what);
        if (line.first && p.held()) {
            whatItem->setCheckable(true);
            whatItem->setCheckState(Qt::Unchecked);
            whatItem->setData(int(line.person), PersonRole);
        }
        cells << whatItem << item(p.competitorId)
              << item(QStringList({p.firstName, p.lastName}).join(u' ').trimmed()) << item(p.teamId)
              << item(events.join(QStringLiteral(", "))) << item(notes.join(QStringLiteral("; ")));
        cells.last()->setToolTip(notes.join(u'\n'));
        if (p.held()) {
            for (QStandardItem *c : std::as_const(cells)) {
                c->setData(QStringLiteral("problem"), ProblemRole);
                c->setBackground(problem);
            }
        }
        if (line.first && p.held())
            ++held;
        else if (line.first && !p.existing)
            ++created;
        else if (line.first && (!p.changes.isEmpty() || !p.entries.isEmpty()))
            ++merged;
        else if (line.first)
            ++unchanged;
        m_preview->appendRow(cells);
    }
    m_previewSummary->setText(
        tr("%1 rows: %2 new athletes, %3 merged into athletes of the meet, %4 in the meet with "
           "nothing to change, %5 athletes held for review, %6 rows that cannot be imported.")
            .arg(plan.dataRows)
            .arg(created)
            .arg(merged)
            .arg(unchanged)
            .arg(held)
            .arg(plan.rejected.size()));
    m_previewView->resizeColumnsToContents();
    for (int c = 0; c < 6; ++c)
        m_previewView->setColumnWidth(c, std::min(m_previewView->columnWidth(c), 220));
}

void ImportWizard::showClubs()
{
    m_clubs->clear();
    for (const EntriesPlan::NewTeam &t : m_plan->teams) {
        int athletes = 0;
        for (const EntriesPlan::Person &p : m_plan->people)
            athletes += p.teamId == t.teamId;
        auto *club = new QListWidgetItem(
            tr("%1  %2 (first on row %3; %4 athletes)")
                .arg(t.teamId, t.teamName.isEmpty() ? tr("no name given") : t.teamName)
                .arg(t.row)
                .arg(athletes),
            m_clubs);
        club->setData(Qt::UserRole, t.teamId);
        club->setFlags(club->flags() | Qt::ItemIsUserCheckable);
        club->setCheckState(Qt::Checked);
    }
}

void ImportWizard::apply()
{
    EntriesChoices choices;
    for (int i = 0; i < m_clubs->count() && !m_plan->teams.isEmpty(); ++i) {
        if (m_clubs->item(i)->checkState() == Qt::Checked)
            choices.teams.insert(m_clubs->item(i)->data(Qt::UserRole).toString());
    }
    for (int r = 0; r < m_preview->rowCount(); ++r) {
        const QStandardItem *what = m_preview->item(r, 1);
        if (what->isCheckable() && what->checkState() == Qt::Checked)
            choices.accepted.insert(what->data(PersonRole).toInt());
    }
    m_applied = EntriesApply::apply(m_editor, *m_plan, choices);
}

QString ImportWizard::report() const
{
    return m_applied ? m_applied->summary() + u'\n' + details() : QString();
}

QString ImportWizard::details() const
{
    if (!m_applied)
        return {};
    QStringList text;
    const auto section = [&text](const QString &title, const QStringList &lines) {
        if (lines.isEmpty())
            return;
        if (!text.isEmpty())
            text << QString();
        text << title;
        text += lines;
    };
    section(tr("Held for review, not imported:"), m_applied->heldLines());
    section(tr("Imported without the values named:"), m_applied->acceptedLines());
    section(tr("Clubs not created (their athletes keep the code):"), m_applied->teamsNotCreated);
    if (text.isEmpty())
        return tr("Every row was imported.") + u'\n';
    return text.join(u'\n') + u'\n';
}

void ImportWizard::saveReport()
{
    const QString suggested = QFileInfo(m_path).completeBaseName() + tr("-import.txt");
    const QString path = Prompts::saveFileName(this, tr("Save the import report"), suggested,
                                               tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!DocumentFile::writeFile(path, report().toUtf8(), &error))
        Prompts::warn(this, tr("Cannot save the report"),
                      tr("%1 could not be written:\n%2").arg(path, error));
}

} // namespace meetdesk
