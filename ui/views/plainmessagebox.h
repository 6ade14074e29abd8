#pragma once

#include <QMessageBox>
#include <QString>

namespace SyncDesk {

// A message box whose texts are shown as typed, never as Qt rich text: its texts may hold what a server or
// a mail said (an error's detail, a file name), and QMessageBox's default (Qt::AutoText) would take
// "<b>…" or "<img src=…>" for markup. Control characters are replaced as for every untrusted text.
// Deletes itself when closed.
QMessageBox *plainMessageBox(QMessageBox::Icon icon, const QString &title, const QString &text,
                             const QString &informativeText, QWidget *parent);

} // namespace SyncDesk
