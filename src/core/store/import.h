// The store's import slice (issue 19): customers to invite from a spreadsheet. The file is read
// in the page (core/sheet.h), its columns guessed and each row checked with New customer's rules
// at once, then checked by the server (already a customer, imported before); confirmed once, the
// rows go out as one invite job in batches under the 1 MiB a request may hold, each row by its
// number, so a batch sent again adds nothing. The rows are kept in the page's storage until the
// job ends: a reload or a lost connection resumes by sending only what the server has not got.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/store/context.h"

namespace rc {

class ImportSlice : public Slice {
public:
    explicit ImportSlice(StoreContext& ctx) : Slice(ctx) {}

    void open();   // the import dialog, waiting for a file
    void close();  // not while rows are going out (cancel first); a finished import is forgotten
    // Opens the browser's file picker (the chosen file comes back as chooseFile).
    void browse();
    // The chosen or dropped file: read at once; a file that cannot be read changes nothing.
    void chooseFile(const std::string& name, const std::string& bytes);
    // A file the page did not read, being over sheet::Limits::maxBytes: the same plain message.
    void fileTooLarge(const std::string& name);
    // The reseller maps a field to another column (kNoColumn: none): every row is read again.
    void mapColumn(import::Field field, int column);
    void mapLastName(int column);
    // Sends every row as one invite job (a double click sends it once).
    void confirm();
    // Stops the job: rows not yet done are skipped; what was done stays done.
    void cancel();
    void downloadReport(bool excelDe);

    // --- for the store
    // An import the page kept (a reload, a closed tab) carries on where the server says it is.
    void resume();
    // Signed out: the import leaves the screen (the page's storage keeps it for this account).
    void signedOut();

    // A batch: at most this many rows and bytes (the server takes 5,000 rows and 1 MiB a request).
    static constexpr std::size_t kBatchRows = 5000;
    static constexpr std::size_t kBatchBytes = 900 * 1024;
    static constexpr double kPollSeconds = 1.0;
    static constexpr double kRetrySeconds = 5.0;

    // Row index ranges [first, last) of the batches, from each row's JSON (exposed for the tests).
    static std::vector<std::pair<std::size_t, std::size_t>> batches(const std::vector<std::string>& rows);

private:
    void readRows();
    void check(std::size_t batch);
    void send(std::size_t batch);
    void sent(const BulkJob& job, std::size_t batch);
    void poll();
    void askJob();
    void failed(const ApiError& error, std::function<void()> again);
    void landJob(const BulkJob& job);
    void save();
    void forget();
    std::string storageKey() const;
    std::vector<std::string> batchRows(std::size_t batch) const;

    sheet::Table table_;
    std::vector<std::string> rowJson_;  // each row as its batch sends it
    std::vector<std::pair<std::size_t, std::size_t>> batches_;
    std::uint64_t run_ = 0;  // a new file, a cancel or a close: answers for the old run are dropped
    bool waiting_ = false;   // a request or a timer of this run is out (a double click sends nothing)
    bool cancelSent_ = false;
};

}  // namespace rc
