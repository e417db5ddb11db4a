#include "ui/a11y/item_registry.h"

#include <cstdarg>
#include <cstring>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"

namespace rc::ui {

void ItemRegistry::attach(ImGuiContext* ctx) {
    ctx->TestEngine = this;
    ctx->TestEngineHookItems = true;
}

void ItemRegistry::beginFrame() {
    building_.clear();
    pendingId_ = 0;
    nextKind_ = nullptr;
}

void ItemRegistry::endFrame() {
    changed_ = building_.size() != published_.size();
    for (std::size_t i = 0; !changed_ && i < building_.size(); ++i) {
        const DrawnItem &a = building_[i], &b = published_[i];
        changed_ = a.label != b.label || a.kind != b.kind || a.x != b.x || a.y != b.y || a.w != b.w || a.h != b.h ||
                   a.disabled != b.disabled || a.clipped != b.clipped;
    }
    published_.swap(building_);
}

void ItemRegistry::record(const std::string& label, const char* kind, float x, float y, float w, float h, bool clipped,
                          bool checked) {
    if (label.empty()) return;
    // ImGui's last item is the one being named when it has an id (text and dummies have none).
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    unsigned id = ctx ? ctx->LastItemData.ID : 0;
    bool disabled = ctx && (ctx->LastItemData.InFlags & ImGuiItemFlags_Disabled);
    building_.push_back(DrawnItem{id, label, kind, x, y, w, h, id != 0 && disabled, clipped, checked});
}

void ItemRegistry::onItemAdd(unsigned int id, float x0, float y0, float x1, float y1, bool disabled) {
    pendingId_ = id;
    px0_ = x0, py0_ = y0, px1_ = x1, py1_ = y1;
    pendingDisabled_ = disabled;
}

void ItemRegistry::onItemInfo(unsigned int id, const char* label, int flags) {
    // ItemInfo only comes for items that passed clipping, so what lands here was visible.
    if (id != pendingId_ || label == nullptr) return;
    pendingId_ = 0;
    std::string text = visibleLabel(label);
    const char* kind = nextKind_;
    nextKind_ = nullptr;
    if (!kind && ImGui::FindWindowByID(id) != nullptr) kind = "window";
    if (!kind) {
        if (flags & ImGuiItemStatusFlags_Inputable) kind = "input";
        else if (flags & ImGuiItemStatusFlags_Checkable) kind = "checkbox";
        else if (flags & ImGuiItemStatusFlags_Openable) kind = "menu";
        else kind = "button";
    }
    if (text.empty()) return;
    building_.push_back(DrawnItem{id, text, kind, px0_, py0_, px1_ - px0_, py1_ - py0_, pendingDisabled_, false,
                                  (flags & ImGuiItemStatusFlags_Checked) != 0});
}

std::string ItemRegistry::toJson() const {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& it : published_) {
        nlohmann::json j{{"label", it.label}, {"kind", it.kind}, {"x", it.x}, {"y", it.y}, {"w", it.w}, {"h", it.h}};
        if (it.disabled) j["disabled"] = true;
        if (it.clipped) j["clipped"] = true;
        if (it.checked) j["checked"] = true;
        out.push_back(std::move(j));
    }
    // Labels are UTF-8 from our own tables or the server; replace rather than throw on a bad byte.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ItemRegistry* currentRegistry() {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    return ctx ? static_cast<ItemRegistry*>(ctx->TestEngine) : nullptr;
}

std::string visibleLabel(const char* label) {
    const char* end = std::strstr(label, "##");
    return end ? std::string(label, end) : std::string(label);
}

}  // namespace rc::ui

// --- The hooks Dear ImGui calls when built with IMGUI_ENABLE_TEST_ENGINE.

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item) {
    auto* reg = static_cast<rc::ui::ItemRegistry*>(ctx->TestEngine);
    if (!reg) return;
    bool disabled = item && (item->InFlags & ImGuiItemFlags_Disabled);
    reg->onItemAdd(id, bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y, disabled);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    auto* reg = static_cast<rc::ui::ItemRegistry*>(ctx->TestEngine);
    if (reg) reg->onItemInfo(id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
