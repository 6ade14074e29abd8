#pragma once

#include "config/configfile.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QVBoxLayout;

namespace SyncDesk {

class ConsoleBackend;

// Base of the dialogs that add or edit configuration (a mailbox, a server profile). A subclass builds
// the configuration-file JSON for what the user entered; validation uses the very same ConfigParser as
// 'config import', so the rules are the same everywhere, and each problem, located by its JSON path,
// is shown next to the field it concerns. The store is written by the backend's thread; the dialog
// closes when the write succeeded.
class ConfigEditDialog : public QDialog
{
    Q_OBJECT
public:
    ConfigEditDialog(ConsoleBackend *backend, QWidget *parent = nullptr);
    ~ConfigEditDialog() override;

    void accept() override;
    // The problem shown right under a field (nullptr when it has none).
    QLabel *issueLabelFor(QWidget *field) const { return m_inline.value(field); }

protected:
    // The configuration JSON to apply. Passwords typed in go to `secrets` (file path → password) and
    // the JSON names that file; `forValidation` asks for a variant that does not need the file yet.
    virtual QJsonObject buildConfig(QHash<QString, QString> &secrets, bool forValidation) const = 0;
    // The field a JSON path points at, for highlighting; nullptr when none.
    virtual QWidget *fieldFor(const QString &jsonPath) const = 0;

    // A problem in words about the form: what the field is called there, not a JSON path. `field` is the
    // one fieldFor() found, or nullptr. The default names the field by its label.
    virtual QString describeIssue(const QString &jsonPath, const QString &message, QWidget *field) const;

    QVBoxLayout *contentLayout() const { return m_content; }
    QDialogButtonBox *buttonBox() const { return m_buttons; }
    ConsoleBackend *backend() const { return m_backend; }
    // What the form says, checked as Save checks it; nullopt (the problems shown under their fields) when
    // it is not valid.
    std::optional<ConfigFile> validatedForm();
    // "PATH: message" lines, as the parser gives them.
    void showIssues(const QStringList &issues);

private:
    void onApplied(const QString &origin, const QStringList &issues, const QString &summary,
                   const QStringList &warnings);

    ConsoleBackend *m_backend;
    QVBoxLayout *m_content = nullptr;
    QLabel *m_issues = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_origin;
    QList<QWidget *> m_marked;
    QHash<QWidget *, QLabel *> m_inline; // field → the problem shown under it
};

} // namespace SyncDesk
