#pragma once

#include "format/tablereader.h"
#include "import/entriesapply.h"

#include <QWizard>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QRadioButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace meetdesk {

class DocumentEditor;

// File > Import entries...: an entries table (CSV, TSV or .xlsx) into the open competition.
// Pages: the file (what was detected: encoding, delimiter, sheet, header row, each one
// changeable, and the first rows as read); the columns (by header name or OpenTrack's
// bulk-add order, each column's role in a combo, the date order where the dates leave it
// open); the preview (every row: new, merge into a bib, held with its problems, the field
// changes of merges; held athletes can be taken anyway); the clubs to create (ticked); and
// what was done. Import applies everything as one undo step; until then, Cancel changes
// nothing. Opened with open(): window-modal, no nested event loop.
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum Page { FilePage, ColumnsPage, PreviewPage, ClubsPage, DonePage };

    ImportWizard(DocumentEditor &editor, const QString &path, QWidget *parent = nullptr);
    ~ImportWizard() override;

    // Once the import has been applied: what it did.
    const std::optional<EntriesApplied> &applied() const { return m_applied; }
    // The last page's report: the summary and every row held, as copied or saved.
    QString report() const;
    // The report without its summary: the rows held and what else the user should know.
    QString details() const;

    int nextId() const override;
    void initializePage(int id) override;
    bool validateCurrentPage() override;

private:
    QWizardPage *createFilePage();
    QWizardPage *createColumnsPage();
    QWizardPage *createPreviewPage();
    QWizardPage *createClubsPage();
    QWizardPage *createDonePage();

    void chooseFile();
    // Reads the file with the options chosen, and starts the mapping afresh.
    void readFile();
    void showFile();
    void setHeaderRow(int headerRow);
    void showColumns();
    void setRole(int column, int field);
    void updateColumnNotes();
    void showPreview();
    void showClubs();
    bool isCommitPage(int id) const;
    void apply();
    void saveReport();

    DocumentEditor &m_editor;
    QString m_path;
    TableReader::Options m_options;
    TableRead m_read;
    EntriesMapping m_mapping;
    bool m_preset = false;
    std::optional<EntriesPlan> m_plan;
    std::optional<EntriesApplied> m_applied;

    // The file page.
    QLineEdit *m_file;
    QLabel *m_detected;
    QLabel *m_fileError;
    QComboBox *m_encoding;
    QComboBox *m_delimiter;
    QComboBox *m_sheet;
    QComboBox *m_headerRow;
    QTableWidget *m_rows;
    // The columns page.
    QRadioButton *m_byHeader;
    QRadioButton *m_openTrack;
    QTableWidget *m_columns;
    QComboBox *m_dateOrder;
    QLabel *m_dateNote;
    QLabel *m_columnsNote;
    // The preview page.
    QLabel *m_previewSummary;
    QCheckBox *m_onlyProblems;
    QStandardItemModel *m_preview;
    QSortFilterProxyModel *m_previewFilter;
    QTableView *m_previewView;
    // The clubs page.
    QListWidget *m_clubs;
    // The last page.
    QLabel *m_doneSummary;
    QPlainTextEdit *m_report;
};

} // namespace meetdesk
