// Every item ImGui drew in the last frame, with its label, kind and rectangle, collected
// through Dear ImGui's IMGUI_ENABLE_TEST_ENGINE hooks (the test engine library itself is not
// used). Browser tests read it through window.resellerConsole.items(); native UI tests use
// it to find and click widgets by label.
#pragma once
#include <string>
#include <vector>

struct ImGuiContext;

namespace rc::ui {

struct DrawnItem {
    unsigned int id = 0;
    std::string label;
    std::string kind;  // button | input | checkbox | text | cell | tab | menu | link | ...
    float x = 0, y = 0, w = 0, h = 0;
    bool disabled = false;
    bool clipped = false;  // text cut short to fit (drawn ending in "…"); label has it whole
    bool checked = false;  // a checkbox that is ticked (ImGui says so in the item's status)
};

class ItemRegistry {
public:
    // Attaches to the context (its TestEngine slot) and turns the item hooks on.
    void attach(ImGuiContext* ctx);

    // Call right after ImGui::NewFrame(): items of the frame being built go to a fresh list.
    void beginFrame();
    // Call right before ImGui::Render(): the frame's list becomes the published one.
    void endFrame();

    // The kind the next item with an id is reported as (the hooks cannot tell a tab from a button).
    void setNextKind(const char* kind) { nextKind_ = kind; }
    // Items without an id (plain text, table cells) are recorded by the widget helpers; an item
    // with an id but no words (an icon button, an InvisibleButton) is named this way right after
    // it is drawn, and keeps its ImGui id.
    // A checkbox without words beside it (a list's selection) is named the same way, with its state.
    void record(const std::string& label, const char* kind, float x, float y, float w, float h, bool clipped = false,
                bool checked = false);
    // Items recorded so far in the frame being built (the accessibility mirror marks positions).
    std::size_t building() const { return building_.size(); }

    const std::vector<DrawnItem>& items() const { return published_; }
    // True when the last frame drew something other than the frame before (an item appeared,
    // moved or changed its label): the layout has not settled yet, so draw once more.
    bool changed() const { return changed_; }
    std::string toJson() const;

    // Hook entry points (called from the free functions ImGui links against).
    void onItemAdd(unsigned int id, float x0, float y0, float x1, float y1, bool disabled);
    void onItemInfo(unsigned int id, const char* label, int flags);

private:
    std::vector<DrawnItem> building_;
    std::vector<DrawnItem> published_;
    // The rectangle ItemAdd reported, waiting for ItemInfo's label.
    unsigned int pendingId_ = 0;
    float px0_ = 0, py0_ = 0, px1_ = 0, py1_ = 0;
    bool pendingDisabled_ = false;
    const char* nextKind_ = nullptr;
    bool changed_ = true;
};

// The registry of the current ImGui context (null when none is attached).
ItemRegistry* currentRegistry();

// Strips ImGui's "##id" and "###id" suffixes: what a person sees.
std::string visibleLabel(const char* label);

}  // namespace rc::ui
