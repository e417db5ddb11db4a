// An invoice line said in the reader's language (the console's), from what the line is: the
// server sends each line's description in the invoice's own language (as its PDF and e-invoice
// say it) and, since schema version 12, its item (kind, plan, cycle, licenses, days).
#pragma once
#include <string>

#include "core/model.h"

namespace rc {

// The line in the current language; the server's description for a line without an item (issued
// before invoices kept it) or of a kind, plan or cycle this console does not know.
std::string invoiceLineText(const InvoiceLine& line);

}  // namespace rc
