#include "core/store/import.h"

#include <algorithm>

#include "core/bulk_codec.h"

namespace rc {

std::vector<std::pair<std::size_t, std::size_t>> ImportSlice::batches(const std::vector<std::string>& rows) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t first = 0, bytes = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::size_t size = rows[i].size() + 1;
        if (i > first && (i - first >= kBatchRows || bytes + size > kBatchBytes)) {
            out.emplace_back(first, i);
            first = i, bytes = 0;
        }
        bytes += size;
    }
    if (first < rows.size()) out.emplace_back(first, rows.size());
    return out;
}

std::string ImportSlice::storageKey() const {
    // One import at a time per account on this device; another account's is left alone.
    return "bulk-import:" + (state().session ? std::to_string(state().session->reseller.id) : std::string("0"));
}

std::vector<std::string> ImportSlice::batchRows(std::size_t batch) const {
    auto [first, last] = batches_.at(batch);
    return {rowJson_.begin() + static_cast<std::ptrdiff_t>(first), rowJson_.begin() + static_cast<std::ptrdiff_t>(last)};
}

void ImportSlice::open() {
    ImportState& s = state().importer;
    if (s.phase != ImportPhase::Closed) return;  // an import going on is shown as it is
    s = ImportState{};
    s.phase = ImportPhase::Choose;
}

void ImportSlice::close() {
    ImportState& s = state().importer;
    if (s.phase == ImportPhase::Sending) return;
    ++run_;
    waiting_ = false;
    table_ = {};
    rowJson_.clear();
    batches_.clear();
    s = ImportState{};
}

void ImportSlice::browse() {
    ImportPhase phase = state().importer.phase;
    if (phase == ImportPhase::Choose || phase == ImportPhase::Problem || phase == ImportPhase::Preview)
        platform().chooseFile(".csv,.txt,text/csv,text/plain");
}

void ImportSlice::fileTooLarge(const std::string& name) {
    ImportState& s = state().importer;
    if (s.phase == ImportPhase::Sending || s.phase == ImportPhase::Closed) return;
    ++run_;
    waiting_ = false;
    table_ = {};
    rowJson_.clear();
    s = ImportState{};
    s.fileName = name;
    s.phase = ImportPhase::Problem;
    s.problem = sheet::Problem::TooLarge;
}

void ImportSlice::signedOut() {
    ++run_;
    waiting_ = false;
    cancelSent_ = false;
    table_ = {};
    rowJson_.clear();
    batches_.clear();
    state().importer = ImportState{};
}

void ImportSlice::chooseFile(const std::string& name, const std::string& bytes) {
    ImportState& s = state().importer;
    if (s.phase == ImportPhase::Sending || s.phase == ImportPhase::Closed) return;
    ++run_;
    waiting_ = false;
    sheet::Result read = sheet::parse(bytes);
    s = ImportState{};
    s.fileName = name;
    if (!read.ok()) {
        // Nothing of a file that cannot be read is kept: the reseller chooses another.
        table_ = {};
        rowJson_.clear();
        s.phase = ImportPhase::Problem;
        s.problem = read.problem;
        s.problemLine = read.line;
        return;
    }
    table_ = std::move(read.table);
    s.phase = ImportPhase::Preview;
    s.header = table_.header;
    s.map = import::guessColumns(table_.header);
    readRows();
}

void ImportSlice::mapColumn(import::Field field, int column) {
    ImportState& s = state().importer;
    if (s.phase != ImportPhase::Preview) return;
    if (column < import::kNoColumn || column >= static_cast<int>(s.header.size())) return;
    if (s.map[field] == column) return;
    s.map[field] = column;
    readRows();
}

void ImportSlice::mapLastName(int column) {
    ImportState& s = state().importer;
    if (s.phase != ImportPhase::Preview) return;
    if (column < import::kNoColumn || column >= static_cast<int>(s.header.size()) || s.map.lastName == column) return;
    s.map.lastName = column;
    readRows();
}

void ImportSlice::readRows() {
    ImportState& s = state().importer;
    ++run_;  // the server's verdicts on the rows as they were are dropped
    waiting_ = false;
    s.rows = import::readRows(table_, s.map);
    s.summary = import::summarize(s.rows);
    rowJson_.clear();
    rowJson_.reserve(s.rows.size());
    for (const import::Row& row : s.rows) rowJson_.push_back(import::rowJson(row));
    batches_ = batches(rowJson_);
    s.server.assign(s.rows.size(), ImportPreviewItem{});
    s.checked = 0;
    s.alreadyThere = 0;
    s.checking = false;
    s.checkError.reset();
    // Until name, email and organization have columns every row is an error: nothing to ask.
    if (s.map.complete() && signedIn()) check(0);
}

void ImportSlice::check(std::size_t batch) {
    ImportState& s = state().importer;
    if (batch >= batches_.size()) return;
    s.checking = true;
    api().previewImport(codec::encodeImportPreview(batchRows(batch)),
                        ctx_.answer<ImportPreview>(
                            Landing::on(s.checking, &s.checkError).onlyIf([this, run = run_] { return run == run_; }),
                            [this, batch](ImportPreview preview) {
                                ImportState& s = state().importer;
                                for (const ImportPreviewItem& item : preview.items) {
                                    if (item.row < 1 || static_cast<std::size_t>(item.row) > s.server.size()) continue;
                                    s.server[item.row - 1] = item;
                                    if (item.outcome == "already_customer" || item.outcome == "already_imported")
                                        ++s.alreadyThere;
                                }
                                s.checked = batches_[batch].second;
                                if (batch + 1 < batches_.size()) check(batch + 1);
                            }));
}

void ImportSlice::confirm() {
    ImportState& s = state().importer;
    // Nothing to invite, or the columns are not all mapped: the dialog says so; a double click sends once.
    if (s.phase != ImportPhase::Preview || !signedIn() || waiting_ || rowJson_.empty() || !s.map.complete()) return;
    if (s.summary.invite == 0) return;
    ++run_;
    s.phase = ImportPhase::Sending;
    s.idempotencyKey = platform().newIdempotencyKey();
    s.error.reset();
    s.rowsSent = 0;
    s.checking = false;
    save();
    send(0);
}

void ImportSlice::save() {
    ImportState& s = state().importer;
    codec::KeptImport kept{s.idempotencyKey, s.fileName, s.jobId, rowJson_};
    platform().storagePut(storageKey(), codec::encodeKeptImport(kept),
                          [this, run = run_](Platform::StorageStatus status) {
                              // Without storage the import still goes on; it just cannot survive a reload.
                              if (run == run_) state().importer.resumable = status == Platform::StorageStatus::Ok;
                          });
}

void ImportSlice::forget() { platform().storageRemove(storageKey(), [](Platform::StorageStatus) {}); }

void ImportSlice::send(std::size_t batch) {
    ImportState& s = state().importer;
    if (batch >= batches_.size()) return poll();
    waiting_ = true;
    auto landing = Landing::quiet().onlyIf([this, run = run_] { return run == run_; });
    auto onError = [this, batch](const ApiError& e) { failed(e, [this, batch] { send(batch); }); };
    if (s.jobId == 0) {
        // The first batch makes the job; sent again after a lost answer, its key finds the same job.
        api().startBulkJob(codec::encodeImportJob(static_cast<int>(rowJson_.size()), s.fileName.substr(0, 200),
                                                  batchRows(0)),
                           s.idempotencyKey,
                           ctx_.answer<BulkJob>(landing, [this](BulkJob job) {
                               state().importer.jobId = job.id;
                               save();  // a reload now asks the job what it is missing
                               sent(job, 0);
                           }, onError));
        return;
    }
    api().sendImportRows(s.jobId, codec::encodeImportRows(batchRows(batch)),
                         ctx_.answer<BulkJob>(landing, [this, batch](BulkJob job) { sent(job, batch); }, onError));
}

void ImportSlice::sent(const BulkJob& job, std::size_t batch) {
    ImportState& s = state().importer;
    waiting_ = false;
    s.offline = false;
    s.rowsSent = static_cast<std::size_t>(job.counts.received);
    landJob(job);
    if (s.phase != ImportPhase::Sending) return;
    if (s.cancelling) return cancel();  // the job's id came with this answer
    // The server names the rows it still lacks: the next batch is the one holding the first of them.
    std::size_t next = batch + 1;
    if (!job.missingRows.empty()) {
        std::size_t row = static_cast<std::size_t>(job.missingRows.front().first) - 1;
        for (std::size_t b = 0; b < batches_.size(); ++b)
            if (row >= batches_[b].first && row < batches_[b].second) next = b;
    } else if (job.status != "receiving") {
        next = batches_.size();
    }
    send(std::min(next, batches_.size()));
}

void ImportSlice::poll() {
    ImportState& s = state().importer;
    if (s.phase != ImportPhase::Sending || s.jobId == 0) return;
    waiting_ = true;
    platform().after(kPollSeconds, [this, run = run_] {
        if (run != run_) return;
        ImportState& s = state().importer;
        api().bulkJob(s.jobId, {}, 0,
                      ctx_.answer<BulkJob>(Landing::quiet().onlyIf([this, run] { return run == run_; }),
                                           [this](BulkJob job) {
                                               waiting_ = false;
                                               state().importer.offline = false;
                                               landJob(job);
                                               if (state().importer.phase == ImportPhase::Sending) poll();
                                           },
                                           [this](const ApiError& e) { failed(e, [this] { poll(); }); }));
    });
}

void ImportSlice::landJob(const BulkJob& job) {
    ImportState& s = state().importer;
    s.job = job;
    if (!job.finished()) return;
    ++run_;
    waiting_ = false;
    s.phase = ImportPhase::Finished;
    s.cancelling = false;
    forget();
    ctx_.changed(Change::CustomerInvited);
    ctx_.toast(job.status == "done" ? ToastKind::Success : ToastKind::Info,
               job.status == "done" ? Text::ToastImportDone : Text::ToastImportStopped,
               {MessageArg::integer(job.counts.done), MessageArg::integer(job.counts.total)});
}

void ImportSlice::failed(const ApiError& error, std::function<void()> again) {
    ImportState& s = state().importer;
    waiting_ = false;
    if (error.isNetwork() || error.status == 503 || error.status == 502 || error.status == 504) {
        // The rows are confirmed and kept: they go on when the server answers again.
        s.offline = error.isNetwork();
        waiting_ = true;
        platform().after(kRetrySeconds, [this, run = run_, again = std::move(again)] {
            if (run != run_) return;
            waiting_ = false;
            again();
        });
        return;
    }
    // A refusal (a row sent with other content, a job that has ended, a role taken away): the
    // import stops and says why; what the server did stays done, and the report tells which.
    s.error = error;
    if (error.code == "job_finished" && s.jobId) {
        poll();
        return;
    }
    ++run_;
    s.phase = ImportPhase::Finished;
    forget();
}

void ImportSlice::cancel() {
    ImportState& s = state().importer;
    if (s.phase != ImportPhase::Sending || cancelSent_) return;
    s.cancelling = true;
    // Before the job's first answer its id is unknown (the server may have made it): the answer,
    // or the same request sent again with its key, brings the id and the cancel goes out then.
    if (s.jobId == 0) return;
    cancelSent_ = true;
    api().cancelBulkJob(s.jobId, ctx_.answer<BulkJob>(
                                     Landing::quiet().onlyIf([this, run = run_] { return run == run_; }),
                                     [this](BulkJob job) { cancelSent_ = false; landJob(job); },
                                     [this](const ApiError& e) {
                                         cancelSent_ = false;
                                         failed(e, [this] { cancel(); });
                                     }));
}

void ImportSlice::downloadReport(bool excelDe) {
    ImportState& s = state().importer;
    if (s.jobId == 0 || s.downloading || !signedIn()) return;
    std::string name = "import-report-" + std::to_string(s.jobId) + ".csv";
    s.downloading = true;
    s.reportError.reset();
    platform().download(api().bulkReportRequest(s.jobId, excelDe), name,
                        ctx_.downloaded(Landing::on(s.downloading, &s.reportError),
                                        [this, name] { ctx_.toast(ToastKind::Success, Text::ToastDownloaded,
                                                                  {MessageArg::plain(name)}); },
                                        [](const ApiError&) {}));
}

void ImportSlice::resume() {
    if (!signedIn() || state().importer.phase == ImportPhase::Sending) return;
    platform().storageGet(storageKey(), [this, run = ++run_](Platform::StorageStatus status, std::string value) {
        if (run != run_ || status != Platform::StorageStatus::Ok || !signedIn()) return;
        std::optional<codec::KeptImport> kept = codec::decodeKeptImport(value);
        if (!kept) return forget();
        ImportState& s = state().importer;
        if (s.phase == ImportPhase::Preview || s.phase == ImportPhase::Sending) return;  // a new file wins
        s = ImportState{};
        s.phase = ImportPhase::Sending;
        s.fileName = kept->fileName;
        s.idempotencyKey = kept->idempotencyKey;
        s.jobId = kept->jobId;
        rowJson_ = std::move(kept->rows);
        batches_ = batches(rowJson_);
        table_ = {};
        if (s.jobId == 0) return send(0);
        askJob();
    });
}

void ImportSlice::askJob() {
    // What the job has: the rows it lacks are sent, or its progress is followed.
    waiting_ = true;
    api().bulkJob(state().importer.jobId, {}, 0,
                  ctx_.answer<BulkJob>(Landing::quiet().onlyIf([this, run = run_] { return run == run_; }),
                                       [this](BulkJob job) {
                                           waiting_ = false;
                                           if (job.status == "receiving") return sent(job, batches_.size());
                                           landJob(job);
                                           poll();
                                       },
                                       [this](const ApiError& e) { failed(e, [this] { askJob(); }); }));
}

}  // namespace rc
