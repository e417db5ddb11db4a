// The store's bulk slice (issue 19): the customer list's selection and one action over it. The
// reseller picks customers one by one, a page at a time, or every customer the list's search and
// status match (then the server acts by that filter, with the count seen as its precondition,
// never by a list of 100,000 ids). An action (add or set licenses, resend or revoke invitations)
// opens with the server's preview (POST /bulk-jobs/preview: whom it applies to, why not, what it
// costs), is confirmed once (one Idempotency-Key: a double click starts one job) and then runs
// on the server as a job whose progress the console follows. The job's id is kept in the page's
// storage until it ends, so a reload shows its progress again.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/store/context.h"

namespace rc {

class BulkSlice : public Slice {
public:
    explicit BulkSlice(StoreContext& ctx) : Slice(ctx) {}

    // --- the selection (the list's search and status at the time)
    void toggle(std::int64_t customerId);
    // "Select this page": the rows on screen picked (on) or let go (off).
    void selectPage(const std::vector<std::int64_t>& customerIds, bool on);
    // Every customer the list's filter matches, as many as the list says (acted on by filter).
    void selectAllMatching();
    void clearSelection();
    // Phones: a tap on a card picks it instead of opening it; leaving the mode clears the selection.
    void setSelectMode(bool on);

    // --- an action over the selection
    // Opens its dialog: a license action asks for the count first; the others ask the server at once.
    void open(BulkAction action);
    void setLicenses(const std::string& text);
    // Checks the count and asks the server what the action would do.
    void preview();
    // Starts the job the preview showed (a double click starts one).
    void confirm();
    // Stops the job: customers not done yet are skipped; what was done stays done.
    void cancel();
    // Closes the dialog (not while the job runs: it is followed to its end, or stopped).
    void close();
    void downloadReport(bool excelDe);

    // --- for the store
    // The list shows another search or status: the selection made under the old one goes.
    void filterChanged(const std::string& q, const std::string& status);
    // Signed in (a reload too): a job this device started and did not see end is followed again.
    void resume();
    void signedOut();

    static constexpr double kPollSeconds = 1.0;
    static constexpr double kRetrySeconds = 5.0;
    // Picked one by one: at most what POST /bulk-jobs takes as ids (more go by filter).
    static constexpr std::size_t kMaxIds = 10000;

private:
    void ask();
    void started(const BulkJob& job);
    void poll(double after);
    void landJob(const BulkJob& job);
    void save();
    void forget();
    std::string storageKey() const;

    std::uint64_t run_ = 0;  // a new dialog, a close or a sign-out: answers for the old one are dropped
    bool polling_ = false;   // a poll or its timer is out
    bool cancelSent_ = false;
};

}  // namespace rc
