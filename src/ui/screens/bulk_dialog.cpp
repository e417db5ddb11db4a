#include "ui/screens/bulk_dialog.h"

#include <algorithm>

#include "core/format.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/job_progress.h"
#include "ui/kit/layout.h"
#include "ui/kit/paged_table.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

std::string count(std::int64_t n) { return format::integer(n); }

Text titleOf(BulkAction a) {
    switch (a) {
        case BulkAction::AddLicenses: return Text::BulkTitleAdd;
        case BulkAction::SetLicenses: return Text::BulkTitleSet;
        case BulkAction::ResendInvitations: return Text::BulkTitleResend;
        case BulkAction::RevokeInvitations:
        case BulkAction::Invite: break;
    }
    return Text::BulkTitleRevoke;
}

Text confirmOf(BulkAction a) {
    switch (a) {
        case BulkAction::AddLicenses: return Text::BulkConfirmAdd;
        case BulkAction::SetLicenses: return Text::BulkConfirmSet;
        case BulkAction::ResendInvitations: return Text::BulkConfirmResend;
        case BulkAction::RevokeInvitations:
        case BulkAction::Invite: break;
    }
    return Text::BulkConfirmRevoke;
}

Capability capabilityOf(BulkAction a) { return takesLicenses(a) ? Capability::ManageSubscriptions : Capability::ManageCustomers; }

// Why the action does not apply to a customer, in the reader's language (the server's words for
// a reason the console does not know).
std::string reasonText(const std::string& reason, const std::string& message) {
    static const struct {
        const char* code;
        Text text;
    } reasons[] = {
        {"not_found", Text::BulkWhyNotFound},         {"not_invited", Text::BulkWhyNotInvited},
        {"already_accepted", Text::BulkWhyAccepted},  {"domain_taken", Text::BulkWhyDomainTaken},
        {"no_subscription", Text::BulkWhyNoSubscription}, {"subscription_cancelled", Text::BulkWhyCancelled},
        {"trial", Text::BulkWhyTrial},                {"too_many_licenses", Text::BulkWhyTooMany},
        {"no_change", Text::BulkWhyNoChange},         {"not_allowed", Text::BulkWhyNotAllowed},
    };
    for (const auto& r : reasons)
        if (reason == r.code) return tr(r.text);
    return message.empty() ? reason : message;
}

std::string signedMoney(const Money& m) {
    std::string s = format::money(m);
    return m.amount > 0 ? "+" + s : s;
}

}  // namespace

void BulkDialog::draw(Store& store) {
    const AppState& st = store.state();
    const BulkActionState& a = st.bulk.action;
    bool close = false;
    std::string title = format::fill(tr(titleOf(a.action)), count(a.job ? a.job->counts.total : a.selected));
    // A job followed again after a reload shows once its first progress has said what it is.
    bool open = a.phase != BulkPhase::Closed && !(a.phase == BulkPhase::Running && !a.job) && st.session.has_value();
    if (!beginDialog("###bulk-action", title, 760, open, close)) return;
    switch (a.phase) {
        case BulkPhase::Licenses: drawLicenses(store); break;
        case BulkPhase::Preview:
            if (takesLicenses(a.action)) drawLicenses(store);
            drawPreview(store);
            break;
        case BulkPhase::Running:
        case BulkPhase::Finished: drawProgress(store); break;
        case BulkPhase::Closed: break;
    }
    if (close) store.bulk().close();  // not while the job runs: Stop first, or wait
    endDialog();
}

void BulkDialog::drawLicenses(Store& store) {
    const BulkActionState& a = store.state().bulk.action;
    limits::LicenseRange range = licenseRange(store.state().plans);
    std::string value = a.licensesText;
    bool enter = false, left = false;
    std::string error = format::fill(tr(Text::BulkLicensesInvalid), count(a.action == BulkAction::AddLicenses ? 1 : range.lo),
                                     count(range.hi));
    bool asking = a.phase == BulkPhase::Licenses;
    if (field("##bulk-licenses", tr(a.action == BulkAction::AddLicenses ? Text::BulkLicensesAdd : Text::BulkLicensesSet), value,
              nullptr, a.licensesInvalid ? &error : nullptr, enter, left, asking && ImGui::IsWindowAppearing()))
        store.bulk().setLicenses(value);
    if (!asking) return;
    std::string show = std::string(tr(Text::BulkShowPreview)) + "##bulk-preview";
    std::string cancel = std::string(tr(Text::Cancel)) + "##bulk-cancel";
    int clicked = dialogButtons(show.c_str(), ButtonStyle::Primary, false, false, cancel.c_str());
    if (clicked == 1 || enter) store.bulk().preview();
    if (clicked == 2) store.bulk().close();
}

void BulkDialog::drawPreview(Store& store) {
    stopArrival_.hidden();  // Stop comes where this preview's confirmation is
    const BulkActionState& a = store.state().bulk.action;
    std::string cancel = std::string(tr(Text::Cancel)) + "##bulk-cancel";
    if (a.previewing || a.previewError || !a.preview) {
        if (a.previewing) {
            spinner(8, color::Accent);
            ImGui::SameLine();
            textMuted(tr(Text::BulkPreviewLoading));
        } else if (a.previewError) {
            paragraph(std::string(tr(Text::BulkCouldNotPreview)) + ": " + describeError(*a.previewError), color::Danger);
        }
        ImGui::Dummy(ImVec2(0, 6));
        if (dialogButtons(cancel.c_str(), ButtonStyle::Secondary, false, false, nullptr) == 1) store.bulk().close();
        return;
    }
    const BulkPreview& p = *a.preview;
    bool licenses = takesLicenses(a.action);
    text(format::fill(tr(Text::BulkApplies), count(p.applicable), count(p.total)), color::Text, fonts().medium, "status");
    if (licenses && p.applicable > 0) {
        previewBox("##bulk-price", 0);
        previewRow(tr(Text::BulkDueNowTotal), {}, format::money(p.prorated), true);
        previewRow(tr(Text::BulkMonthlyChange), {}, signedMoney(p.monthlyChange), false);
        endPreviewBox();
    }
    if (p.notApplicable > 0) {
        text(format::fill(tr(Text::BulkNotApplicableHead), count(p.notApplicable)), color::Text, fonts().small, "label");
        for (const auto& [reason, n] : p.reasons)
            paragraph(reasonText(reason, {}) + ": " + count(n), color::TextMuted, fonts().small);
    }

    // Every customer shown (the server sends the first 500): the change, or why not.
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(8, 6));
    float rowH = tappable(ImGui::GetTextLineHeight() + 12);
    float avail = ImGui::GetContentRegionAvail().x;
    bool narrow = avail < 560;
    std::size_t shown = p.items.size();
    float listH = std::max(4 * rowH, std::min(static_cast<float>(shown) * rowH + 8, ImGui::GetMainViewport()->Size.y * 0.34f));
    int columns = narrow ? 1 : 2;
    ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_PadOuterX;
    if (shown > 0 && ImGui::BeginTable("##bulk-items", columns, flags, ImVec2(avail, listH))) {
        ImGui::TableSetupColumn("customer", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        if (!narrow) ImGui::TableSetupColumn("change", ImGuiTableColumnFlags_WidthStretch, 2.4f);
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(shown), narrow ? rowH * 2 : rowH);
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const BulkPreviewItem& item = p.items[static_cast<std::size_t>(i)];
                ImGui::TableNextRow(0, narrow ? rowH * 2 : rowH);
                ImGui::TableNextColumn();
                cellClipped(item.name.empty() ? format::integer(item.customerId) : item.name);
                if (!narrow) ImGui::TableNextColumn();
                std::string what;
                ImU32 colour = color::TextMuted;
                if (!item.applies) {
                    what = reasonText(item.reason, item.message);
                } else if (licenses) {
                    what = format::fill(tr(Text::BulkLicensesFromTo), count(item.licensesBefore), count(item.licensesAfter));
                    if (item.monthlyBefore && item.monthlyAfter)
                        what += " · " + format::fill(tr(Text::BulkMonthlyFromTo), format::money(*item.monthlyBefore),
                                                     format::money(*item.monthlyAfter));
                    if (item.prorated) what += " · " + std::string(tr(Text::PreviewDueNow)) + " " + format::money(*item.prorated);
                    colour = color::Text;
                } else {
                    what = tr(a.action == BulkAction::ResendInvitations ? Text::BulkRowResend : Text::BulkRowRevoke);
                    colour = color::Text;
                }
                cellClipped(what, colour, narrow ? fonts().small : nullptr);
                if (ImGui::IsItemHovered() && ImGui::CalcTextSize(what.c_str()).x > ImGui::GetItemRectSize().x + 1)
                    ImGui::SetTooltip("%s", what.c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    if (static_cast<int>(shown) < p.total)
        paragraph(format::fill(tr(Text::BulkMoreNotShown), count(p.total - static_cast<int>(shown))), color::TextMuted, fonts().small);
    if (p.applicable == 0) paragraph(tr(Text::BulkNothingApplies), color::Warning, fonts().small);
    if (a.error) paragraph(describeError(*a.error), color::Danger, fonts().small);
    ImGui::Dummy(ImVec2(0, 4));

    std::string confirm = (a.starting ? std::string(tr(Text::BulkStarting))
                                      : format::fill(tr(confirmOf(a.action)), count(p.applicable))) + "##bulk-confirm";
    Gate g = gate(store, capabilityOf(a.action), /*needsNetwork=*/true);
    ButtonStyle style = a.action == BulkAction::RevokeInvitations ? ButtonStyle::Danger : ButtonStyle::Primary;
    int clicked = p.applicable == 0 ? dialogButtons(confirm.c_str(), style, false, true, cancel.c_str())
                                    : dialogButtons(confirm.c_str(), style, a.starting, g, cancel.c_str());
    if (clicked == 1) store.bulk().confirm();
    if (clicked == 2) store.bulk().close();
}

void BulkDialog::drawProgress(Store& store) {
    const BulkActionState& a = store.state().bulk.action;
    JobProgress p;
    p.id = "bulk";
    p.finished = a.phase == BulkPhase::Finished;
    p.heading = a.job && a.job->status == "done" ? tr(Text::BulkFinishedDone) : tr(Text::BulkFinishedStopped);
    p.total = a.job ? a.job->counts.total : 0;
    p.done = a.job ? a.job->counts.finished() : 0;
    p.progress = format::fill(tr(Text::BulkProgress), count(p.done), count(p.total));
    if (a.job)
        p.counts = format::fill(tr(Text::BulkCounts), count(a.job->counts.done), count(a.job->counts.failed), count(a.job->counts.skipped));
    p.noteWarns = a.offline;
    if (a.offline) p.note = tr(Text::BulkWaitingNetwork);
    else if (!p.finished) p.note = tr(Text::BulkKeepsGoing);
    p.error = a.error ? &*a.error : nullptr;
    p.reportError = a.reportError ? &*a.reportError : nullptr;
    // Stopping needs what the job does (the server's rule) and the network.
    p.stop = tr(a.cancelling ? Text::BulkStopping : Text::BulkStop);
    p.cancelling = a.cancelling;
    if (!p.finished) p.stopGate = gate(store, capabilityOf(a.action), /*needsNetwork=*/true);
    p.hasReport = a.jobId && a.job;
    p.downloading = a.downloading;
    p.reportGate = networkGate(store);
    p.report = tr(Text::ImportReport);
    p.close = tr(Text::Close);
    switch (jobProgress(p, stopArrival_)) {
        case JobButton::Stop: store.bulk().cancel(); break;
        case JobButton::Report: store.bulk().downloadReport(/*excelDe=*/language() == Language::German); break;
        case JobButton::Close: store.bulk().close(); break;
        case JobButton::None: break;
    }
}

}  // namespace rc::ui
