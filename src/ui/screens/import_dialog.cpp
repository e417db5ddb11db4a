#include "ui/screens/import_dialog.h"

#include <algorithm>

#include "core/format.h"
#include "core/i18n.h"
#include "core/validation.h"
#include "imgui.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/job_progress.h"
#include "ui/kit/layout.h"
#include "ui/kit/paged_table.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/text/shown_text.h"

namespace rc::ui {
namespace {

using import::Field;

constexpr Field kFields[] = {Field::Name, Field::Email, Field::GoogleDomain, Field::Organization};

Text fieldTitle(Field f) {
    switch (f) {
        case Field::Name: return Text::FieldName;
        case Field::Email: return Text::FieldEmail;
        case Field::GoogleDomain: return Text::ColDomain;
        case Field::Organization: return Text::FieldOrganization;
    }
    return Text::FieldName;
}

std::string count(std::size_t n) { return format::integer(static_cast<std::int64_t>(n)); }

std::string problemText(const ImportState& s) {
    std::string line = count(s.problemLine);
    switch (s.problem) {
        case sheet::Problem::Empty: return tr(Text::ImportProblemEmpty);
        case sheet::Problem::Binary: return tr(Text::ImportProblemBinary);
        case sheet::Problem::Workbook: return tr(Text::ImportProblemWorkbook);
        case sheet::Problem::TooLarge: return tr(Text::ImportProblemTooLarge);
        case sheet::Problem::TooManyColumns: return format::fill(tr(Text::ImportProblemTooManyColumns), line);
        case sheet::Problem::LineTooLong: return format::fill(tr(Text::ImportProblemLineTooLong), line);
        case sheet::Problem::TooManyRows: return tr(Text::ImportProblemTooManyRows);
        case sheet::Problem::UnclosedQuote: return format::fill(tr(Text::ImportProblemUnclosedQuote), line);
        case sheet::Problem::NoRows: return tr(Text::ImportProblemNoRows);
        case sheet::Problem::None: break;
    }
    return {};
}

// What will happen to a row: the file's own checks first, then the server's verdict.
std::string outcome(const import::Row& row, const ImportPreviewItem* server, ImU32& colour) {
    colour = color::Danger;
    if (row.verdict == import::Verdict::Invalid) {
        for (Field f : kFields) {
            if (!row.invalidField(f)) continue;
            std::optional<std::string> why = f == Field::Email          ? validate::email(row[f])
                                             : f == Field::GoogleDomain ? validate::googleDomain(row[f])
                                                                        : validate::name(row[f]);
            return format::fill(tr(Text::ImportOutcomeError), tr(fieldTitle(f)), why.value_or(""));
        }
    }
    colour = color::TextMuted;
    if (row.verdict == import::Verdict::Duplicate) return format::fill(tr(Text::ImportOutcomeDuplicate), count(row.duplicateOf));
    if (server && server->outcome == "already_customer") return tr(Text::ImportOutcomeCustomer);
    if (server && server->outcome == "already_imported") return tr(Text::ImportOutcomeImported);
    colour = color::Danger;
    if (server && server->outcome == "domain_taken") return tr(Text::ImportOutcomeDomainTaken);
    if (server && server->outcome == "invalid") return server->message;
    colour = color::Success;
    return tr(Text::ImportOutcomeInvite);
}

// One field's column: a button naming the column, opening a menu of the file's columns.
void columnChoice(Store& store, const ImportState& s, Field f, float width) {
    int column = s.map[f];
    std::string current = column == import::kNoColumn
                              ? std::string(tr(f == Field::GoogleDomain ? Text::ImportDomainFromEmail : Text::ImportNoColumn))
                              : s.header[static_cast<std::size_t>(column)];
    if (f == Field::Name && s.map.lastName != import::kNoColumn && column != s.map.lastName)
        current += " + " + s.header[static_cast<std::size_t>(s.map.lastName)];
    ImGui::PushID(static_cast<int>(f));
    ImGui::BeginGroup();
    text(tr(fieldTitle(f)), color::TextMuted, fonts().small, "label");
    std::string label = current + "  " + icon::CaretDown + "##map";
    bool missing = column == import::kNoColumn && f != Field::GoogleDomain;
    if (button(label.c_str(), missing ? ButtonStyle::Danger : ButtonStyle::Secondary, ImVec2(width, tappable(34))))
        ImGui::OpenPopup("##map-menu");
    a11y::lastName(std::string(tr(fieldTitle(f))) + ": " + current);
    ImGui::EndGroup();
    if (ImGui::BeginPopup("##map-menu")) {
        auto pick = [&](int c, const std::string& name) {
            std::string item = name + "##col-" + std::to_string(c);
            if (button(item.c_str(), c == column ? ButtonStyle::Primary : ButtonStyle::Ghost, ImVec2(std::max(200.0f, width), tappable(30)))) {
                store.importer().mapColumn(f, c);
                ImGui::CloseCurrentPopup();
            }
        };
        pick(import::kNoColumn, tr(f == Field::GoogleDomain ? Text::ImportDomainFromEmail : Text::ImportNoColumn));
        for (std::size_t c = 0; c < s.header.size(); ++c)
            pick(static_cast<int>(c), s.header[c].empty() ? format::fill(tr(Text::ImportColumnN), count(c + 1)) : s.header[c]);
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

// The file picker's button (primary) and Cancel, at the dialog's bottom.
void chooseOrCancel(Store& store, Text chooseText) {
    std::string choose = std::string(tr(chooseText)) + "##import-choose";
    std::string cancel = std::string(tr(Text::Cancel)) + "##import-cancel";
    int clicked = dialogButtons(choose.c_str(), ButtonStyle::Primary, false, false, cancel.c_str());
    if (clicked == 1) store.importer().browse();
    if (clicked == 2) store.importer().close();
}

}  // namespace

void ImportDialog::draw(Store& store) {
    const AppState& st = store.state();
    const ImportState& s = st.importer;
    bool close = false;
    if (!beginDialog("###import-customers", tr(Text::ImportTitle), 880, s.phase != ImportPhase::Closed && st.session.has_value(), close))
        return;
    switch (s.phase) {
        case ImportPhase::Choose: drawChoose(store); break;
        case ImportPhase::Problem: drawProblem(store); break;
        case ImportPhase::Preview: drawPreview(store); break;
        case ImportPhase::Sending:
        case ImportPhase::Finished: drawProgress(store); break;
        case ImportPhase::Closed: break;
    }
    if (close) store.importer().close();  // not while rows go out: Stop import first
    endDialog();
}

void ImportDialog::drawChoose(Store& store) {
    paragraph(tr(Text::ImportChooseBody));
    ImGui::Dummy(ImVec2(0, 6));
    if (!shell().touch) {
        // Desktop: a box to drop the file on (the whole page takes it; the box says so).
        float w = ImGui::GetContentRegionAvail().x, h = 96;
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + w, at.y + h), color::Border, 10, 0, 2);
        const char* drop = tr(Text::ImportDropHere);
        ImVec2 size = ImGui::CalcTextSize(drop);
        ImGui::SetCursorScreenPos(ImVec2(at.x + (w - size.x) * 0.5f, at.y + (h - size.y) * 0.5f));
        text(drop, color::TextMuted);
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h + 12));
    }
    chooseOrCancel(store, Text::ImportChooseFile);
}

void ImportDialog::drawProblem(Store& store) {
    const ImportState& s = store.state().importer;
    text(s.fileName, color::Text, fonts().medium);
    ImGui::Dummy(ImVec2(0, 2));
    paragraph(problemText(s), color::Danger);
    paragraph(tr(Text::ImportNothingChanged), color::TextMuted, fonts().small);
    ImGui::Dummy(ImVec2(0, 6));
    chooseOrCancel(store, Text::ImportChooseOther);
}

void ImportDialog::drawPreview(Store& store) {
    stopArrival_.hidden();  // Stop comes where this preview's confirmation is
    const ImportState& s = store.state().importer;
    text(s.fileName, color::Text, fonts().medium);
    // Columns: four choices side by side where they fit, else two or one a line.
    text(tr(Text::ImportColumnsLabel), color::TextMuted, fonts().small, "label");
    float avail = ImGui::GetContentRegionAvail().x;
    int perLine = avail >= 720 ? 4 : avail >= 320 ? 2 : 1;
    float w = (avail - 12.0f * static_cast<float>(perLine - 1)) / static_cast<float>(perLine);
    float left = ImGui::GetCursorPosX(), top = ImGui::GetCursorPosY();
    for (int i = 0; i < 4; ++i) {
        // Each line of choices starts level: a label, then its button.
        if (i % perLine) ImGui::SetCursorPos(ImVec2(left + static_cast<float>(i % perLine) * (w + 12), top));
        else top = ImGui::GetCursorPosY();
        columnChoice(store, s, kFields[i], w);
    }
    ImGui::Dummy(ImVec2(0, 4));
    if (!s.map.complete()) paragraph(tr(Text::ImportMapMissing), color::Danger, fonts().small);

    // What will happen, in one line; then every row.
    std::size_t total = s.rows.size();
    std::size_t inviting = s.summary.invite > static_cast<std::size_t>(s.alreadyThere) ? s.summary.invite - s.alreadyThere : 0;
    if (!s.map.complete()) inviting = 0;
    text(format::fill(tr(Text::ImportSummary), count(total), count(inviting), count(total - inviting)), color::Text, fonts().medium);
    if (s.checking) {
        ImGui::SameLine(0, 12);
        text(tr(Text::ImportChecking), color::TextMuted, fonts().small);
    }
    // Rows exactly this tall (cell padding and one line), so the list's height is known ahead.
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(8, 6));
    float rowH = tappable(ImGui::GetTextLineHeight() + 12);
    bool narrow = avail < 600;
    // The list takes at most about half the screen (buttons stay in sight); at least six rows.
    float listH = std::max(6 * rowH, std::min(static_cast<float>(total + 1) * rowH + 8, ImGui::GetMainViewport()->Size.y * 0.42f));
    int columns = narrow ? 3 : 5;
    ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("##import-rows", columns, flags, ImVec2(avail, listH))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(Text::ImportColRow), ImGuiTableColumnFlags_WidthFixed, 48);
        ImGui::TableSetupColumn(tr(Text::FieldName), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        if (!narrow) {
            ImGui::TableSetupColumn(tr(Text::FieldEmail), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn(tr(Text::FieldOrganization), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        }
        ImGui::TableSetupColumn(tr(Text::ImportColOutcome), ImGuiTableColumnFlags_WidthStretch, narrow ? 1.2f : 1.4f);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, rowH);
        for (int c = 0; c < columns; ++c) {
            ImGui::TableSetColumnIndex(c);
            cellText(ImGui::TableGetColumnName(c), color::TextMuted, fonts().small);
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(total));  // it measures the first row
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const import::Row& row = s.rows[static_cast<std::size_t>(i)];
                const ImportPreviewItem* server =
                    static_cast<std::size_t>(i) < s.server.size() && !s.server[static_cast<std::size_t>(i)].outcome.empty()
                        ? &s.server[static_cast<std::size_t>(i)]
                        : nullptr;
                ImGui::TableNextRow(0, rowH);
                ImGui::TableNextColumn();
                cellText(count(row.number), color::TextFaint);
                ImGui::TableNextColumn();
                cellClipped(row[Field::Name].empty() ? row[Field::Email] : row[Field::Name]);
                if (!narrow) {
                    ImGui::TableNextColumn();
                    cellClipped(row[Field::Email], color::TextMuted);
                    ImGui::TableNextColumn();
                    cellClipped(row[Field::Organization], color::TextMuted);
                }
                ImU32 colour = 0;
                std::string what = outcome(row, server, colour);
                ImGui::TableNextColumn();
                cellClipped(what, colour);
                if (ImGui::IsItemHovered() && ImGui::CalcTextSize(what.c_str()).x > ImGui::GetItemRectSize().x + 1)
                    ImGui::SetTooltip("%s", what.c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    ImGui::Dummy(ImVec2(0, 4));

    std::string invite = inviting == 1 ? std::string(tr(Text::ImportInviteOne))
                                        : format::fill(tr(Text::ImportInviteN), count(inviting));
    invite += "##import-confirm";
    std::string choose = std::string(tr(Text::ImportChooseOther)) + "##import-choose";
    // Inviting needs the Sales or Admin role, and the network (an import is not queued offline).
    Gate g = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
    int clicked = inviting == 0 ? dialogButtons(invite.c_str(), ButtonStyle::Primary, false, true, choose.c_str())
                                : dialogButtons(invite.c_str(), ButtonStyle::Primary, false, g, choose.c_str());
    if (clicked == 1) store.importer().confirm();
    if (clicked == 2) store.importer().browse();
}

void ImportDialog::drawProgress(Store& store) {
    const ImportState& s = store.state().importer;
    JobProgress p;
    p.id = "import";
    p.finished = s.phase == ImportPhase::Finished;
    p.heading = s.job && s.job->status == "done" ? tr(Text::ImportFinishedDone) : tr(Text::ImportFinishedStopped);
    p.subject = s.fileName;
    p.total = s.job ? s.job->counts.total : static_cast<int>(s.rows.size());
    p.done = s.job ? s.job->counts.finished() : 0;
    p.progress = format::fill(tr(Text::ImportProgress), format::integer(p.done), format::integer(p.total));
    if (!p.finished && s.job && s.job->counts.received < p.total)
        p.sending = format::fill(tr(Text::ImportUploading), format::integer(s.job->counts.received), format::integer(p.total));
    if (s.job)
        p.counts = format::fill(tr(Text::ImportCounts), format::integer(s.job->counts.done), format::integer(s.job->counts.failed),
                                format::integer(s.job->counts.skipped));
    p.noteWarns = s.offline;
    if (s.offline) p.note = tr(Text::ImportWaitingNetwork);
    else if (!p.finished && s.resumable) p.note = tr(Text::ImportKeepsGoing);
    p.error = s.error ? &*s.error : nullptr;
    p.reportError = s.reportError ? &*s.reportError : nullptr;
    p.stop = tr(s.cancelling ? Text::ImportCancelling : Text::ImportCancel);
    p.cancelling = s.cancelling;
    p.hasReport = s.jobId != 0;
    p.downloading = s.downloading;
    p.reportGate = networkGate(store);
    p.report = tr(Text::ImportReport);
    p.close = tr(Text::Close);
    switch (jobProgress(p, stopArrival_)) {
        case JobButton::Stop: store.importer().cancel(); break;
        case JobButton::Report: store.importer().downloadReport(/*excelDe=*/language() == Language::German); break;
        case JobButton::Close: store.importer().close(); break;
        case JobButton::None: break;
    }
}

}  // namespace rc::ui
