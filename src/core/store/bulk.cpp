#include "core/store/bulk.h"

#include <algorithm>
#include <cctype>

#include "core/access.h"
#include "core/bulk_codec.h"

namespace rc {
namespace {

Capability capabilityOf(BulkAction action) {
    // The server's rule (routing.ByAction): licenses are subscriptions, invitations are customers.
    return takesLicenses(action) ? Capability::ManageSubscriptions : Capability::ManageCustomers;
}

Change changeOf(BulkAction action) {
    if (takesLicenses(action)) return Change::SubscriptionChanged;
    if (action == BulkAction::RevokeInvitations) return Change::InvitationRevoked;
    return Change::InvitedAgain;  // a resent invitation: its link and expiry in the list
}

}  // namespace

std::string BulkSlice::storageKey() const {
    // A job per account on this device; another account's is left alone.
    return "bulk-job:" + (state().session ? std::to_string(state().session->reseller.id) : std::string("0"));
}

// --- the selection

void BulkSlice::filterChanged(const std::string& q, const std::string& status) {
    BulkSelectionState& sel = state().bulk.selection;
    if (sel.q == q && sel.status == status) return;
    sel.ids.clear();
    sel.allMatching = false;
    sel.matching = 0;
    sel.q = q, sel.status = status;
}

void BulkSlice::toggle(std::int64_t id) {
    const CustomerListState& list = state().customers;
    filterChanged(list.filter.search, list.filter.status);
    BulkSelectionState& sel = state().bulk.selection;
    if (sel.allMatching) {
        // Letting one go of "all matching": the rows on screen stay picked, that one goes.
        sel.allMatching = false;
        sel.ids.clear();
        for (std::int64_t i = list.first; i <= list.last; ++i)
            if (const Customer* c = list.rows.row(i)) sel.ids.insert(c->id);
        sel.ids.erase(id);
        return;
    }
    if (sel.ids.erase(id)) return;
    if (sel.ids.size() < kMaxIds) sel.ids.insert(id);
}

void BulkSlice::selectPage(const std::vector<std::int64_t>& ids, bool on) {
    const CustomerListState& list = state().customers;
    filterChanged(list.filter.search, list.filter.status);
    BulkSelectionState& sel = state().bulk.selection;
    if (sel.allMatching) {
        if (on) return;
        sel.allMatching = false;  // "select this page" unticked: nothing stays picked
        sel.ids.clear();
        return;
    }
    for (std::int64_t id : ids) {
        if (!on) sel.ids.erase(id);
        else if (sel.ids.size() < kMaxIds) sel.ids.insert(id);
    }
}

void BulkSlice::selectAllMatching() {
    const CustomerListState& list = state().customers;
    if (!list.loaded || list.rows.total() <= 0) return;
    filterChanged(list.filter.search, list.filter.status);
    BulkSelectionState& sel = state().bulk.selection;
    sel.allMatching = true;
    sel.matching = list.rows.total();
    sel.ids.clear();
}

void BulkSlice::clearSelection() {
    BulkSelectionState& sel = state().bulk.selection;
    sel.ids.clear();
    sel.allMatching = false;
    sel.matching = 0;
}

void BulkSlice::setSelectMode(bool on) {
    BulkSelectionState& sel = state().bulk.selection;
    sel.selectMode = on;
    if (!on) clearSelection();
}

// --- an action

void BulkSlice::open(BulkAction action) {
    BulkState& b = state().bulk;
    if (!signedIn() || b.action.phase != BulkPhase::Closed || b.selection.empty() || action == BulkAction::Invite) return;
    if (!allowed(state(), capabilityOf(action))) return;
    ++run_;
    polling_ = false;
    BulkActionState a;
    a.action = action;
    a.selected = b.selection.count();
    a.selection.byFilter = b.selection.allMatching;
    if (b.selection.allMatching) {
        a.selection.q = b.selection.q;
        a.selection.status = b.selection.status;
        a.selection.expectedTotal = b.selection.matching;
    } else {
        a.selection.ids.assign(b.selection.ids.begin(), b.selection.ids.end());
    }
    if (takesLicenses(action)) {
        a.phase = BulkPhase::Licenses;
        a.licensesText = action == BulkAction::AddLicenses ? "1" : "";
        b.action = std::move(a);
        return;
    }
    a.phase = BulkPhase::Preview;
    b.action = std::move(a);
    ask();
}

void BulkSlice::setLicenses(const std::string& text) {
    BulkActionState& a = state().bulk.action;
    if (a.phase != BulkPhase::Licenses && a.phase != BulkPhase::Preview) return;
    if (!takesLicenses(a.action) || text == a.licensesText) return;
    a.licensesText = text;
    a.licensesInvalid = false;
    // Another count is another proposal: its preview is asked for again.
    ++run_;
    a.phase = BulkPhase::Licenses;
    a.preview.reset();
    a.previewing = false;
    a.previewError.reset();
    a.error.reset();
}

void BulkSlice::preview() {
    BulkActionState& a = state().bulk.action;
    if (a.phase != BulkPhase::Licenses) return;
    const std::string& t = a.licensesText;
    limits::LicenseRange range = licenseRange(state().plans);
    bool digits = !t.empty() && t.size() <= 6 && std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isdigit(c); });
    int n = digits ? std::stoi(t) : 0;
    // Adding counts from one; setting is a subscription's count, in the plans' range.
    int lo = a.action == BulkAction::AddLicenses ? 1 : range.lo;
    if (!digits || n < lo || n > range.hi) {
        a.licensesInvalid = true;
        return;
    }
    a.licenses = n;
    a.phase = BulkPhase::Preview;
    ask();
}

void BulkSlice::ask() {
    BulkActionState& a = state().bulk.action;
    a.preview.reset();
    a.previewing = true;
    a.previewError.reset();
    // One key per proposal: confirming it twice (a double click, an answer lost) starts one job.
    a.idempotencyKey = platform().newIdempotencyKey();
    api().previewBulk(a.action, a.selection, takesLicenses(a.action) ? a.licenses : 0,
                      ctx_.answer<BulkPreview>(Landing::on(a.previewing, &a.previewError).onlyIf([this, run = run_] { return run == run_; }),
                                               [this](BulkPreview p) {
                                                   BulkActionState& a = state().bulk.action;
                                                   // What the reseller confirms is the preview's count: a filter
                                                   // that selects others by then is refused (selection_changed).
                                                   if (a.selection.byFilter) a.selection.expectedTotal = p.total;
                                                   a.preview = std::move(p);
                                               }));
}

void BulkSlice::confirm() {
    BulkActionState& a = state().bulk.action;
    if (a.phase != BulkPhase::Preview || !a.preview || a.preview->applicable == 0 || a.starting || !signedIn()) return;
    if (!allowed(state(), capabilityOf(a.action))) return;
    a.starting = true;
    a.error.reset();
    api().startBulkJob(codec::encodeBulkJob(a.action, a.selection, takesLicenses(a.action) ? a.licenses : 0), a.idempotencyKey,
                       ctx_.answer<BulkJob>(Landing::on(a.starting, &a.error).onlyIf([this, run = run_] { return run == run_; }),
                                            [this](BulkJob job) { started(job); },
                                            [this](const ApiError& e) {
                                                // Others now match the filter: nothing started; the preview is
                                                // asked for again, the error stays above it.
                                                if (e.code == "selection_changed") ask();
                                            }));
}

void BulkSlice::started(const BulkJob& job) {
    BulkState& b = state().bulk;
    b.action.phase = BulkPhase::Running;
    b.action.jobId = job.id;
    b.action.offline = false;
    // The customers are being acted on: the selection has done its work.
    clearSelection();
    save();
    landJob(job);
    if (b.action.phase == BulkPhase::Running) poll(kPollSeconds);
}

void BulkSlice::poll(double after) {
    if (polling_) return;
    polling_ = true;
    platform().after(after, [this, run = run_] {
        if (run != run_) return;
        BulkActionState& a = state().bulk.action;
        if (a.phase != BulkPhase::Running || a.jobId == 0 || !signedIn()) {
            polling_ = false;
            return;
        }
        api().bulkJob(a.jobId, {}, 0,
                      ctx_.answer<BulkJob>(Landing::quiet().onlyIf([this, run] { return run == run_; }),
                                           [this](BulkJob job) {
                                               polling_ = false;
                                               state().bulk.action.offline = false;
                                               landJob(job);
                                               if (state().bulk.action.phase == BulkPhase::Running) poll(kPollSeconds);
                                           },
                                           [this](const ApiError& e) {
                                               polling_ = false;
                                               BulkActionState& a = state().bulk.action;
                                               if (e.status == 404) {
                                                   // The job is gone (a kiosk's reset): nothing to follow.
                                                   forget();
                                                   a.error = e;
                                                   a.phase = BulkPhase::Finished;
                                                   return;
                                               }
                                               // The job goes on on the server; it is asked again when the network is back.
                                               a.offline = e.isNetwork();
                                               poll(kRetrySeconds);
                                           }));
    });
}

void BulkSlice::landJob(const BulkJob& job) {
    BulkActionState& a = state().bulk.action;
    a.job = job;
    if (auto action = bulkActionFromName(job.action)) a.action = *action;
    if (!job.finished() || a.phase == BulkPhase::Finished) return;
    a.phase = BulkPhase::Finished;
    a.cancelling = false;
    forget();
    ctx_.changed(changeOf(a.action));
    ctx_.toast(job.status == "done" ? ToastKind::Success : ToastKind::Info,
               job.status == "done" ? Text::ToastBulkDone : Text::ToastBulkStopped,
               {MessageArg::integer(job.counts.done), MessageArg::integer(job.counts.total)});
}

void BulkSlice::save() {
    platform().storagePut(storageKey(), std::to_string(state().bulk.action.jobId), [](Platform::StorageStatus) {});
}

void BulkSlice::forget() { platform().storageRemove(storageKey(), [](Platform::StorageStatus) {}); }

void BulkSlice::cancel() {
    BulkActionState& a = state().bulk.action;
    if (a.phase != BulkPhase::Running || a.jobId == 0 || cancelSent_) return;
    a.cancelling = true;
    cancelSent_ = true;
    api().cancelBulkJob(a.jobId, ctx_.answer<BulkJob>(Landing::quiet().onlyIf([this, run = run_] { return run == run_; }),
                                                      [this](BulkJob job) {
                                                          cancelSent_ = false;
                                                          landJob(job);
                                                      },
                                                      [this](const ApiError& e) {
                                                          cancelSent_ = false;
                                                          BulkActionState& a = state().bulk.action;
                                                          a.cancelling = false;
                                                          a.error = e;  // the job goes on; Stop can be pressed again
                                                      }));
}

void BulkSlice::close() {
    BulkActionState& a = state().bulk.action;
    if (a.phase == BulkPhase::Running) return;
    ++run_;
    polling_ = false;
    a = BulkActionState{};
}

void BulkSlice::downloadReport(bool excelDe) {
    BulkActionState& a = state().bulk.action;
    if (a.jobId == 0 || a.downloading || !signedIn()) return;
    std::string name = "bulk-report-" + std::to_string(a.jobId) + ".csv";
    a.downloading = true;
    a.reportError.reset();
    platform().download(api().bulkReportRequest(a.jobId, excelDe), name,
                        ctx_.downloaded(Landing::on(a.downloading, &a.reportError),
                                        [this, name] { ctx_.toast(ToastKind::Success, Text::ToastDownloaded, {MessageArg::plain(name)}); },
                                        [](const ApiError&) {}));
}

void BulkSlice::resume() {
    if (!signedIn() || state().bulk.action.phase == BulkPhase::Running) return;
    platform().storageGet(storageKey(), [this, run = ++run_](Platform::StorageStatus status, std::string value) {
        if (run != run_ || status != Platform::StorageStatus::Ok || !signedIn()) return;
        std::int64_t id = 0;
        bool digits = !value.empty() && value.size() <= 18 &&
                      std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); });
        if (digits) id = std::stoll(value);
        if (id <= 0) return forget();
        BulkActionState& a = state().bulk.action;
        if (a.phase != BulkPhase::Closed) return;  // a dialog the reseller opened meanwhile wins
        a = BulkActionState{};
        a.phase = BulkPhase::Running;
        a.jobId = id;
        polling_ = false;
        poll(0);
    });
}

void BulkSlice::signedOut() {
    ++run_;
    polling_ = false;
    cancelSent_ = false;
    state().bulk = BulkState{};
}

}  // namespace rc
