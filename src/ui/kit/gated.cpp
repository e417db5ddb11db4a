#include "ui/kit/gated.h"

#include <algorithm>
#include <vector>

#include "core/i18n.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/kit/theme.h"

namespace rc::ui {
namespace {

// Reasons of the controls drawn since the last gateNotes(), in order, each once; a list left
// from an earlier frame (a view that drew no notes) is not carried over.
struct Pending {
    int frame = -1;
    std::vector<Gate> gates;
};
Pending gPending;

void remember(const Gate& gate) {
    if (gPending.frame != ImGui::GetFrameCount()) {
        gPending.gates.clear();
        gPending.frame = ImGui::GetFrameCount();
    }
    for (const Gate& g : gPending.gates)
        if (g.reason == gate.reason) return;
    gPending.gates.push_back(gate);
}

}  // namespace

Gate roleGate(const Store& store, Capability capability) {
    Permit p = permit(store.state(), capability);
    if (p.allowed) return {};
    return Gate{Gate::Why::Role, sentence(p.reason)};
}

Gate networkGate(const Store& store) {
    if (!store.offline().isOffline()) return {};
    return Gate{Gate::Why::Network, tr(Text::NeedsNetwork)};
}

Gate gate(const Store& store, Capability capability, bool needsNetwork) {
    Gate g = roleGate(store, capability);
    if (g.open() && needsNetwork) g = networkGate(store);
    return g;
}

Gate unless(const Gate& g, bool applies, const std::string& rule) {
    if (!g.open() || !applies) return g;
    return Gate{Gate::Why::Rule, rule};
}

bool gatedButton(const char* label, const Gate& g, ButtonStyle style, ImVec2 size, bool busy, bool disabled) {
    bool pressed = button(label, style, size, busy && g.open(), disabled || !g.open());
    gateLast(g);
    return pressed && g.open();
}

void describeLast(const Gate& g) {
    if (g.open()) return;
    a11y::lastDescription(g.reason);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled | ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", g.reason.c_str());
}

void gateLast(const Gate& g) {
    if (g.open()) return;
    describeLast(g);
    remember(g);
}

float gateNotesWidth() {
    if (gPending.frame != ImGui::GetFrameCount()) return 0;
    ImGui::PushFont(fonts().small);
    float w = 0;
    for (const Gate& g : gPending.gates) {
        float lock = g.why == Gate::Why::Role ? ImGui::CalcTextSize(icon::Lock).x + 6 : 0;
        w = std::max(w, lock + ImGui::CalcTextSize(g.reason.c_str()).x);
    }
    ImGui::PopFont();
    return w;
}

bool gateNotes() {
    if (gPending.frame != ImGui::GetFrameCount() || gPending.gates.empty()) return false;
    ImGui::PushFont(fonts().small);
    ImGui::PushTextWrapPos(0);
    for (const Gate& g : gPending.gates) {
        // The lock says "your role"; the network's reason speaks for itself.
        if (g.why == Gate::Why::Role) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::TextMuted), "%s", icon::Lock);
            ImGui::SameLine(0, 6);
        }
        text(g.reason, color::TextMuted, nullptr, "note");
    }
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    gPending.gates.clear();
    return true;
}

}  // namespace rc::ui
