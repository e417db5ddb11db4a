#include "core/invoice_text.h"

#include "core/format.h"
#include "core/i18n.h"

namespace rc {
namespace {

bool knownPlan(const std::string& p) { return p == "basic" || p == "professional" || p == "enterprise"; }
bool knownCycle(const std::string& c) { return c == "flexible" || c == "annual_monthly" || c == "annual_yearly"; }

std::string licenses(std::int64_t n) { return n == 1 ? tr(Text::LineLicenseOne) : format::fill(tr(Text::LineLicenses), format::integer(n)); }
std::string additional(std::int64_t n) {
    return n == 1 ? tr(Text::LineAdditionalOne) : format::fill(tr(Text::LineAdditional), format::integer(n));
}
// ", prorated for 25 of 30 days" and its kin.
std::string days(Text pattern, const InvoiceLineItem& i) { return format::fill(tr(pattern), format::integer(i.days), format::integer(i.periodDays)); }

}  // namespace

std::string invoiceLineText(const InvoiceLine& line) {
    if (!line.item) return line.description;
    const InvoiceLineItem& i = *line.item;
    const std::string& k = i.kind;
    // What each kind needs; anything missing or unknown keeps the server's words.
    bool prorated = i.days >= 0 && i.periodDays > 0;
    bool cycle = knownCycle(i.cycle), held = i.licenses >= 0, changed = i.count >= 0;
    if (!knownPlan(i.plan) || ((k == "upgrade" || k == "downgrade") && !knownPlan(i.fromPlan))) return line.description;
    std::string plan = planLabel(i.plan);
    if (k == "period" && cycle && held) return format::fill(tr(Text::LinePlanWhat), planWithCycle(i.plan, i.cycle), licenses(i.licenses));
    if (k == "added" && changed && prorated)
        return format::fill(tr(Text::LinePlanWhat), plan, additional(i.count)) + days(Text::LineProrated, i);
    if (k == "removed" && changed && prorated)
        return format::fill(tr(Text::LineRemoved), plan, licenses(i.count)) + days(Text::LineCredited, i);
    if (k == "upgrade" && held && prorated)
        return format::fill(tr(Text::LineUpgrade), planLabel(i.fromPlan), plan, licenses(i.licenses)) + days(Text::LineProrated, i);
    if (k == "downgrade" && held && prorated)
        return format::fill(tr(Text::LineDowngrade), planLabel(i.fromPlan), plan, licenses(i.licenses)) +
               days(Text::LineDifferenceCredited, i);
    if (k == "cancelled" && held && prorated)
        return format::fill(tr(Text::LineCancelled), plan, licenses(i.licenses)) + days(Text::LineUnusedCredited, i);
    if (k == "resumed" && cycle && held && prorated)
        return format::fill(tr(Text::LineResumed), planWithCycle(i.plan, i.cycle), licenses(i.licenses)) + days(Text::LineProrated, i);
    return line.description;
}

}  // namespace rc
