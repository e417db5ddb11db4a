#include "ui/kit/job_progress.h"

#include "core/i18n.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"

namespace rc::ui {

JobButton jobProgress(const JobProgress& p, ArrivalGuard& stopArrival) {
    if (p.finished) stopArrival.hidden();
    if (p.finished && !p.heading.empty()) text(p.heading, color::Text, fonts().medium);
    if (!p.subject.empty()) text(p.subject, color::Text, fonts().medium);
    float fraction = p.total > 0 ? static_cast<float>(p.done) / static_cast<float>(p.total) : 0.0f;
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, color::Accent);
    ImGui::ProgressBar(fraction, ImVec2(ImGui::GetContentRegionAvail().x, tappable(14)), "");
    ImGui::PopStyleColor();
    a11y::lastName(p.progress);
    text(p.progress, color::Text, fonts().medium, "status");
    if (!p.sending.empty()) text(p.sending, color::TextMuted, fonts().small);
    if (!p.counts.empty()) text(p.counts, color::TextMuted, fonts().small);
    if (!p.note.empty()) paragraph(p.note, p.noteWarns ? color::Warning : color::TextMuted, fonts().small);
    if (p.error) paragraph(describeError(*p.error), color::Danger, fonts().small);
    if (p.reportError) paragraph(describeError(*p.reportError), color::Danger, fonts().small);
    ImGui::Dummy(ImVec2(0, 6));
    std::string id = p.id;
    if (!p.finished) {
        std::string stop = p.stop + "##" + id + "-stop";
        bool takesClicks = stopArrival.settled();
        return dialogButtons(stop.c_str(), ButtonStyle::Danger, p.cancelling, p.stopGate, nullptr) == 1 && takesClicks
                   ? JobButton::Stop
                   : JobButton::None;
    }
    std::string report = p.report + "##" + id + "-report";
    std::string close = p.close + "##" + id + "-close";
    if (!p.hasReport)
        return dialogButtons(close.c_str(), ButtonStyle::Secondary, false, false, nullptr) == 1 ? JobButton::Close : JobButton::None;
    int clicked = dialogButtons(report.c_str(), ButtonStyle::Primary, p.downloading, p.reportGate, close.c_str());
    return clicked == 1 ? JobButton::Report : clicked == 2 ? JobButton::Close : JobButton::None;
}

}  // namespace rc::ui
