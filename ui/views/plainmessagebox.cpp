#include "plainmessagebox.h"

#include "model/untrustedtext.h"

#include <QLabel>

namespace SyncDesk {

QMessageBox *plainMessageBox(QMessageBox::Icon icon, const QString &title, const QString &text,
                             const QString &informativeText, QWidget *parent)
{
    auto *box = new QMessageBox(icon, title, UntrustedText::withoutControls(text), QMessageBox::Ok, parent);
    box->setTextFormat(Qt::PlainText);
    if (!informativeText.isEmpty()) {
        box->setInformativeText(UntrustedText::withoutControls(informativeText));
    }
    // QMessageBox applies its text format to the main text only: the informative label gets it here.
    for (QLabel *label : box->findChildren<QLabel *>()) {
        if (!label->text().isEmpty() && label->pixmap().isNull()) {
            label->setTextFormat(Qt::PlainText);
        }
    }
    box->setAttribute(Qt::WA_DeleteOnClose);
    return box;
}

} // namespace SyncDesk
