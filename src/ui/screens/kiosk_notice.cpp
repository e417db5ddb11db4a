#include "ui/screens/kiosk_notice.h"

#include <algorithm>
#include <cfloat>
#include <string>

#include "core/format.h"
#include "core/i18n.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"

namespace rc::ui {

void kioskNotice(const Store& store) {
    const AppState& st = store.state();
    if (!st.kiosk.enabled || st.kiosk.noticeSince <= 0) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y), color::rgb(15, 23, 42, 150));
    float w = std::min(440.0f, vp->Size.x - 32);
    ImFont* title = fonts().title;
    ImFont* body = fonts().body;
    std::string heading = tr(Text::KioskStillThere);
    std::string line1 = tr(Text::KioskTouchToContinue);
    std::string line2 = format::fill(tr(Text::KioskStartsOverIn), format::integer(st.kiosk.secondsLeft));
    float wrap = w - 64;
    ImVec2 hs = title->CalcTextSizeA(title->FontSize, FLT_MAX, wrap, heading.c_str());
    ImVec2 s1 = body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, line1.c_str());
    ImVec2 s2 = body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, line2.c_str());
    float buttonH = kTapTarget + 4;
    float h = 32 + hs.y + 12 + s1.y + 6 + s2.y + 24 + buttonH + 28;
    ImVec2 p(vp->Pos.x + (vp->Size.x - w) * 0.5f, vp->Pos.y + (vp->Size.y - h) * 0.45f);
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), color::Surface, 14);
    float y = p.y + 32;
    dl->AddText(title, title->FontSize, ImVec2(p.x + (w - hs.x) * 0.5f, y), color::Text, heading.c_str(), nullptr, wrap);
    if (auto* reg = currentRegistry()) reg->record(heading, "heading", p.x + (w - hs.x) * 0.5f, y, hs.x, hs.y);
    y += hs.y + 12;
    dl->AddText(body, body->FontSize, ImVec2(p.x + (w - s1.x) * 0.5f, y), color::Text, line1.c_str(), nullptr, wrap);
    y += s1.y + 6;
    dl->AddText(body, body->FontSize, ImVec2(p.x + (w - s2.x) * 0.5f, y), color::TextMuted, line2.c_str(), nullptr, wrap);
    if (auto* reg = currentRegistry()) reg->record(line2, "text", p.x + (w - s2.x) * 0.5f, y, s2.x, s2.y);
    y += s2.y + 24;
    // The button is a picture of the answer: any touch continues.
    std::string cont = tr(Text::KioskContinue);
    ImFont* medium = fonts().medium;
    ImVec2 cs = medium->CalcTextSizeA(medium->FontSize, FLT_MAX, 0, cont.c_str());
    float bw = std::max(160.0f, cs.x + 48);
    ImVec2 bp(p.x + (w - bw) * 0.5f, y);
    dl->AddRectFilled(bp, ImVec2(bp.x + bw, bp.y + buttonH), color::Accent, 8);
    dl->AddText(medium, medium->FontSize, ImVec2(bp.x + (bw - cs.x) * 0.5f, bp.y + (buttonH - cs.y) * 0.5f), color::Surface,
                cont.c_str());
    if (auto* reg = currentRegistry()) reg->record(cont, "button", bp.x, bp.y, bw, buttonH);
}

}  // namespace rc::ui
