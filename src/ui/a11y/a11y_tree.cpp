#include "ui/a11y/a11y_tree.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <nlohmann/json.hpp>

#include "core/i18n.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/theme.h"

namespace rc::ui::a11y {
namespace {

Mirror* gMirror = nullptr;

enum MarkType {
    BeginBanner, BeginNavigation, BeginMain, BeginGrid, BeginCalendarGrid, BeginRow, BeginHeaderRow, BeginDialog, BeginTabs, BeginList, BeginListItem, ScrollArea, End,
    // Properties of the item recorded last.
    PropSelected, PropField, PropSpin, PropAssertive, PropName, PropSort, RowAction, PropDescription, PropCurrent,
};

std::size_t itemCount();

void mark(int type, std::string name = {}, std::int64_t a = 0, std::int64_t b = 0, std::int64_t c = 0) {
    if (!gMirror) return;
    Mirror::Mark m{itemCount(), type, std::move(name), a, b, c, {}, 0};
    if (type == BeginRow || type == BeginHeaderRow) {
        // The row's cells are told apart by the columns' edges of the table being drawn.
        if (ImGuiTable* t = ImGui::GetCurrentTable())
            for (int i = 0; i < t->ColumnsCount; ++i) m.columns.push_back(t->Columns[i].MinX);
    }
    gMirror->mark(std::move(m));
}

ItemRegistry* gRegistry = nullptr;
std::size_t itemCount() { return gRegistry ? gRegistry->building() : 0; }

std::uint32_t mix(std::uint32_t h, std::uint64_t v) {
    // boost's hash_combine over a 64-bit finaliser (splitmix64): small neighbouring values spread.
    v += 0x9e3779b97f4a7c15ull;
    v = (v ^ (v >> 30)) * 0xbf58476d1ce4e5b9ull;
    v = (v ^ (v >> 27)) * 0x94d049bb133111ebull;
    v ^= v >> 31;
    return h ^ (static_cast<std::uint32_t>(v) + 0x9e3779b9u + (h << 6) + (h >> 2));
}
std::uint32_t mix(std::uint32_t h, const std::string& s) {
    std::uint32_t f = 2166136261u;
    for (unsigned char c : s) f = (f ^ c) * 16777619u;  // FNV-1a
    return mix(h, static_cast<std::uint64_t>(f));
}

// The role an item of this kind has in the mirror; "" when it has no place there.
const char* roleFor(const std::string& kind) {
    static const std::unordered_map<std::string, const char*> roles = {
        {"button", "button"}, {"search", "button"}, {"menu", "link"}, {"link", "link"}, {"input", "textbox"},
        {"checkbox", "checkbox"}, {"tab", "tab"}, {"radio", "radio"}, {"option", "option"}, {"heading", "heading"},
        {"alert", "alert"}, {"error", "error"}, {"toast", "toast"}, {"badge", "badge"},
        {"icon", ""}, {"window", ""}, {"row", "link"},
    };
    auto it = roles.find(kind);
    return it == roles.end() ? "text" : it->second;
}

// What a person hears: without Fork Awesome's icons (Unicode's private use area), trimmed.
std::string spoken(const std::string& label) {
    std::string out;
    out.reserve(label.size());
    for (std::size_t i = 0; i < label.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(label[i]);
        // U+E000..U+F8FF is EE 80 80 .. EF A3 BF in UTF-8.
        if ((c == 0xEE || (c == 0xEF && i + 1 < label.size() && static_cast<unsigned char>(label[i + 1]) <= 0xA3)) && i + 2 < label.size()) {
            i += 2;
            continue;
        }
        out += label[i];
    }
    std::size_t a = out.find_first_not_of(' '), b = out.find_last_not_of(' ');
    return a == std::string::npos ? std::string() : out.substr(a, b - a + 1);
}

// Widens `c` to hold the rectangle (x, y, w, h).
void grow(Node& c, int x, int y, int w, int h) {
    if (w <= 0 || h <= 0) return;
    if (c.w <= 0 || c.h <= 0) {
        c.x = x, c.y = y, c.w = w, c.h = h;
        return;
    }
    int x1 = std::max(c.x + c.w, x + w), y1 = std::max(c.y + c.h, y + h);
    c.x = std::min(c.x, x), c.y = std::min(c.y, y);
    c.w = x1 - c.x, c.h = y1 - c.y;
}

bool isContainer(const std::string& role) {
    return role == "banner" || role == "navigation" || role == "main" || role == "grid" || role == "row" ||
           role == "gridcell" || role == "columnheader" || role == "dialog" || role == "tablist" || role == "list" ||
           role == "listitem";
}

}  // namespace

void beginLandmark(Landmark which) {
    mark(which == Landmark::Banner ? BeginBanner : which == Landmark::Navigation ? BeginNavigation : BeginMain);
}
void beginGrid(const std::string& name, std::int64_t rowCount, int colCount) { mark(BeginGrid, name, rowCount, colCount); }
void beginCalendarGrid(const std::string& name, std::int64_t rowCount, int colCount) { mark(BeginCalendarGrid, name, rowCount, colCount); }
void beginRow(std::int64_t index, bool header) { mark(header ? BeginHeaderRow : BeginRow, {}, index); }
// Whether the current window's content goes on below (1) or above (2) what it shows.
int moreInWindow() {
    ImGuiWindow* w = ImGui::GetCurrentContext() ? ImGui::GetCurrentWindow() : nullptr;
    if (!w || w->ScrollMax.y <= 0) return 0;
    return (w->Scroll.y < w->ScrollMax.y - 0.5f ? 1 : 0) | (w->Scroll.y > 0.5f ? 2 : 0);
}

void beginDialog(const std::string& title) { mark(BeginDialog, title, moreInWindow()); }

void scrollArea() {
    if (!gMirror) return;
    if (gMirror->pageScroll_) {
        ImGui::SetScrollY(ImGui::GetScrollY() + static_cast<float>(gMirror->pageScroll_) * 0.8f * ImGui::GetWindowHeight());
        gMirror->pageScroll_ = 0;
    }
    mark(ScrollArea, {}, moreInWindow());
}
void beginTabs() { mark(BeginTabs); }
void beginList(const std::string& name) { mark(BeginList, name); }
void beginListItem(std::int64_t index, std::int64_t count) { mark(BeginListItem, {}, index, count); }
void end() { mark(End); }

void lastSelected(bool selected) {
    if (gMirror) gMirror->lastItem(PropSelected, selected ? 1 : 0);
}
void lastCurrent() {
    if (gMirror) gMirror->lastItem(PropCurrent);
}
void lastField(const std::string& value, const char* placeholder, bool readOnly) {
    if (gMirror) gMirror->lastItem(PropField, readOnly ? 1 : 0, 0, 0, value + std::string(1, '\0') + (placeholder ? placeholder : ""));
}
void lastSpin(std::int64_t min, std::int64_t max, std::int64_t value) {
    if (gMirror) gMirror->lastItem(PropSpin, min, max, value);
}
void lastAssertive() {
    if (gMirror) gMirror->lastItem(PropAssertive);
}
void rowAction() {
    if (gMirror) gMirror->lastItem(RowAction);
}
void lastSort(bool descending) {
    if (gMirror) gMirror->lastItem(PropSort, descending ? 1 : 0);
}
void lastName(const std::string& name) {
    if (gMirror) gMirror->lastItem(PropName, 0, 0, 0, name);
}
void lastDescription(const std::string& description) {
    if (gMirror) gMirror->lastItem(PropDescription, 0, 0, 0, description);
}

std::int64_t takeReveal(const std::string& name) {
    if (!gMirror || gMirror->revealRow_ < 0 || gMirror->revealList_ != name) return -1;
    std::int64_t row = gMirror->revealRow_;
    gMirror->revealRow_ = -1;
    gMirror->revealList_.clear();
    return row;
}

std::optional<std::string> takeText(unsigned id) {
    if (!gMirror || gMirror->texts_.empty()) return std::nullopt;
    auto it = gMirror->texts_.find(id);
    if (it == gMirror->texts_.end()) return std::nullopt;
    std::string text = std::move(it->second);
    gMirror->texts_.erase(it);
    return text;
}

void Mirror::attach(ItemRegistry& registry) {
    registry_ = &registry;
    gRegistry = &registry;
    gMirror = this;
}

Mirror::~Mirror() {
    if (gMirror == this) gMirror = nullptr, gRegistry = nullptr;
}

void Mirror::mark(Mark m) { marks_.push_back(std::move(m)); }

void Mirror::lastItem(int type, std::int64_t a, std::int64_t b, std::int64_t c, std::string s) {
    // The item the property is for: ImGui's last item, when it has an id, must be the one recorded last.
    marks_.push_back(Mark{itemCount(), type, std::move(s), a, b, c, {}, ImGui::GetItemID()});
}

void Mirror::beginFrame() {
    marks_.clear();
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx) return;
    ImGuiContext& g = *ctx;
    if (activateId_) {
        ImGui::ActivateItemByID(activateId_);
        activateId_ = 0;
    }
    if (focusInputId_) {
        if (g.ActiveId != focusInputId_) {
            ImGui::ActivateItemByID(focusInputId_);
            g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
        }
        focusInputId_ = 0;
    }
}

const Node* Mirror::find(std::uint32_t key) const {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &nodes_[it->second];
}

void Mirror::activate(std::uint32_t key) {
    const Node* n = find(key);
    if (!n || !n->id || (n->states & Disabled)) return;
    activateId_ = n->id;
}

bool Mirror::focus(std::uint32_t key, bool showRing, bool textQueued) {
    focusKey_ = key;
    showRing_ = showRing;
    const Node* n = find(key);
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!n || !ctx) return false;
    bool field = n->role == "textbox" || n->role == "spinbutton";
    bool tookWhole = false;
    // Focus moved on from a field ImGui is editing: it stops editing it now, so keys typed next
    // cannot land there.
    if (ctx->ActiveId && ctx->InputTextState.ID == ctx->ActiveId && ctx->ActiveId != n->id) {
        // Text typed into it that ImGui has not applied yet would be dropped with the field's
        // activity (Playwright's fill(), then the next field, between two frames): the field
        // gets the page's whole value instead, and the queued characters go nowhere else.
        ImVector<ImGuiInputEvent>& queue = ctx->InputEventsQueue;
        bool queued = textQueued;
        for (int i = 0; i < queue.Size; ++i) queued |= queue[i].Type == ImGuiInputEventType_Text;
        if (queued && typedId_ == ctx->ActiveId) {
            texts_[typedId_] = typedWhole_;
            for (int i = queue.Size - 1; i >= 0; --i)
                if (queue[i].Type == ImGuiInputEventType_Text) queue.erase(queue.Data + i);
            tookWhole = true;
        }
        typedId_ = 0;
        ImGui::ClearActiveID();
        // ImGui keeps the text it had for a field left after an edit and puts it back at the
        // field's next draw: that text lacks what was queued.
        if (tookWhole) ctx->InputTextDeactivatedState.ID = 0;
    }
    // A field focused a moment ago and left before the next frame (keys faster than frames) is
    // not edited after all: its pending activation would pull the focus back to it.
    focusInputId_ = field && n->id && !(n->states & ReadOnly) ? n->id : 0;
    imguiFocus_ = n->id;  // the page knows already
    return tookWhole;
}

bool Mirror::editing(std::uint32_t key) const {
    const Node* n = find(key);
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    return n && ctx && n->id && ctx->ActiveId == n->id && ctx->InputTextState.ID == n->id;
}

void Mirror::setText(std::uint32_t key, const std::string& text) {
    const Node* n = find(key);
    if (!n || !n->id || (n->states & (ReadOnly | Disabled))) return;
    texts_[n->id] = text;
    if (typedId_ == n->id) typedWhole_ = text;
}

void Mirror::typed(std::uint32_t key, const std::string& whole) {
    const Node* n = find(key);
    if (!n || !n->id) return;
    typedId_ = n->id;
    typedWhole_ = whole;
}

void Mirror::reveal(std::uint32_t key, std::int64_t row) {
    const Node* n = find(key);
    if (!n || row < 0) return;
    if (n->role == "main") {
        pageScroll_ = row == 1 ? 1 : -1;
        return;
    }
    if (n->role != "grid" && n->role != "list" && n->role != "dialog") return;
    revealList_ = n->name;
    revealRow_ = row;
}

void Mirror::build() {
    previous_.swap(nodes_);
    nodes_.clear();
    index_.clear();
    const std::vector<DrawnItem>& items = registry_->items();

    struct Open {
        std::uint32_t key;
        int type;
        std::vector<float> columns;
        std::int64_t rowIndex;
    };
    std::vector<Open> stack;
    std::unordered_map<std::uint64_t, int> seen;  // (parent, name, role) -> occurrences, for stable keys
    bool inMain = false, mainHeading = false;
    std::size_t lastItemNode = SIZE_MAX;
    unsigned lastItemId = 0;

    auto parentKey = [&] { return stack.empty() ? 0u : stack.back().key; };
    auto add = [&](Node n) -> std::size_t {
        auto it = index_.find(n.key);
        if (it != index_.end()) return it->second;
        index_.emplace(n.key, nodes_.size());
        nodes_.push_back(std::move(n));
        return nodes_.size() - 1;
    };
    auto container = [&](int type, const char* role, const std::string& name, std::uint32_t salt) {
        Node n;
        // A dialog is the page's top level wherever it was drawn (a date picker's popup inside the
        // main landmark): web/a11y.js makes everything but the open dialog inert.
        n.parent = type == BeginDialog ? 0 : parentKey();
        n.key = mix(mix(mix(n.parent, static_cast<std::uint64_t>(type) + 1000u), name), salt);
        n.role = role;
        n.name = name;
        add(n);
        return n.key;
    };

    std::size_t m = 0;
    auto applyMarks = [&](std::size_t upTo) {
        for (; m < marks_.size() && marks_[m].at <= upTo; ++m) {
            const Mark& mk = marks_[m];
            switch (mk.type) {
                case BeginBanner: stack.push_back({container(mk.type, "banner", {}, 0), mk.type, {}, 0}); break;
                case BeginNavigation:
                    stack.push_back({container(mk.type, "navigation", tr(Text::MainMenu), 0), mk.type, {}, 0});
                    break;
                case BeginMain:
                    stack.push_back({container(mk.type, "main", {}, 0), mk.type, {}, 0});
                    inMain = true;
                    break;
                case BeginGrid:
                case BeginCalendarGrid: {
                    std::uint32_t k = container(mk.type, "grid", mk.name, 0);
                    Node& g = nodes_[index_[k]];
                    g.attrs = "\"rowcount\":" + std::to_string(mk.a) + ",\"colcount\":" + std::to_string(mk.b);
                    if (mk.type == BeginCalendarGrid) g.attrs += ",\"calendar\":1";
                    stack.push_back({k, mk.type, {}, 0});
                    break;
                }
                case BeginRow:
                case BeginHeaderRow: {
                    std::uint32_t k = container(mk.type, "row", {}, static_cast<std::uint32_t>(mk.a));
                    nodes_[index_[k]].attrs = "\"rowindex\":" + std::to_string(mk.a);
                    stack.push_back({k, mk.type, mk.columns, mk.a});
                    break;
                }
                case BeginDialog: {
                    std::uint32_t k = container(mk.type, "dialog", mk.name, 0);
                    nodes_[index_[k]].states |= Modal;
                    if (mk.a) nodes_[index_[k]].attrs = "\"more\":" + std::to_string(mk.a);
                    stack.push_back({k, mk.type, {}, 0});
                    break;
                }
                case BeginList: stack.push_back({container(mk.type, "list", mk.name, 0), mk.type, {}, 0}); break;
                case BeginListItem: {
                    std::uint32_t k = container(mk.type, "listitem", {}, static_cast<std::uint32_t>(mk.a));
                    nodes_[index_[k]].attrs = "\"posinset\":" + std::to_string(mk.a) + ",\"setsize\":" + std::to_string(mk.b);
                    stack.push_back({k, mk.type, {}, mk.a});
                    break;
                }
                case ScrollArea:
                    // The main landmark it scrolls says how much more there is.
                    for (auto o = stack.rbegin(); o != stack.rend(); ++o)
                        if (o->type == BeginMain) {
                            if (mk.a) nodes_[index_[o->key]].attrs = "\"more\":" + std::to_string(mk.a);
                            break;
                        }
                    break;
                case BeginTabs: stack.push_back({container(mk.type, "tablist", {}, static_cast<std::uint32_t>(mk.at)), mk.type, {}, 0}); break;
                case RowAction:
                    // The row's own click target (a Selectable spanning it): the row can be activated.
                    if (!stack.empty() && (stack.back().type == BeginRow) && mk.item) nodes_[index_[stack.back().key]].id = mk.item;
                    break;
                case End:
                    if (!stack.empty()) {
                        if (stack.back().type == BeginMain) inMain = false;
                        stack.pop_back();
                    }
                    break;
                default: {
                    // A property of the item recorded last: only when that is the item ImGui drew last.
                    if (lastItemNode == SIZE_MAX || mk.at == 0 || (mk.item && mk.item != lastItemId)) break;
                    Node& n = nodes_[lastItemNode];
                    if (mk.type == PropSelected) {
                        if (mk.a) n.states |= n.role == "link" ? Current : Selected;
                        // A day picked in a calendar: its cell is the selected one (a button has no aria-selected).
                        auto cell = index_.find(n.parent);
                        if (mk.a && cell != index_.end() && nodes_[cell->second].role == "gridcell") nodes_[cell->second].states |= Selected;
                    } else if (mk.type == PropCurrent) {
                        n.states |= Current;
                    } else if (mk.type == PropField) {
                        std::size_t z = mk.name.find('\0');
                        n.value = mk.name.substr(0, z);
                        std::string placeholder = z == std::string::npos ? "" : mk.name.substr(z + 1);
                        if (!placeholder.empty()) n.attrs = "\"placeholder\":" + nlohmann::json(placeholder).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                        if (mk.a) n.states |= ReadOnly;
                    } else if (mk.type == PropSpin) {
                        n.role = "spinbutton";
                        n.attrs = "\"min\":" + std::to_string(mk.a) + ",\"max\":" + std::to_string(mk.b) + ",\"now\":" + std::to_string(mk.c);
                    } else if (mk.type == PropAssertive) {
                        n.states |= Assertive;
                    } else if (mk.type == PropName) {
                        n.name = mk.name;
                    } else if (mk.type == PropDescription) {
                        std::string desc = "\"desc\":" + nlohmann::json(mk.name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                        n.attrs = n.attrs.empty() ? desc : n.attrs + "," + desc;
                    } else if (mk.type == PropSort) {
                        auto cell = index_.find(n.parent);
                        if (cell != index_.end() && nodes_[cell->second].role == "columnheader")
                            nodes_[cell->second].attrs = mk.a ? "\"sort\":\"descending\"" : "\"sort\":\"ascending\"";
                    }
                }
            }
        }
    };

    for (std::size_t i = 0; i < items.size(); ++i) {
        applyMarks(i);
        const DrawnItem& it = items[i];
        std::string role = roleFor(it.kind);
        if (role.empty()) continue;
        std::string label = spoken(it.label);
        if (label.empty() && !it.id) continue;

        // In a table row, each item belongs to the cell of the column it sits in.
        std::uint32_t parent = parentKey();
        Open* row = !stack.empty() && (stack.back().type == BeginRow || stack.back().type == BeginHeaderRow) ? &stack.back() : nullptr;
        if (row && !row->columns.empty()) {
            float cx = it.x + it.w * 0.5f;
            int col = 0;
            for (std::size_t c = 0; c < row->columns.size(); ++c)
                if (cx >= row->columns[c]) col = static_cast<int>(c);
            Node cell;
            cell.parent = row->key;
            cell.key = mix(mix(row->key, 77u), static_cast<std::uint64_t>(col));
            cell.role = row->type == BeginHeaderRow ? "columnheader" : "gridcell";
            std::size_t at = add(cell);
            parent = cell.key;
            bool plain = role == "text" || role == "badge";
            if (plain && !it.id) {
                // Text in a cell is the cell's text: one node fewer per cell.
                Node& c = nodes_[at];
                c.name += c.name.empty() ? label : " " + label;
                int x0 = static_cast<int>(std::floor(it.x)), y0 = static_cast<int>(std::floor(it.y));
                grow(c, x0, y0, static_cast<int>(std::ceil(it.x + it.w)) - x0, static_cast<int>(std::ceil(it.y + it.h)) - y0);
                lastItemNode = at, lastItemId = 0;
                continue;
            }
            if (role == "text" && it.id) role = "button";  // a sortable column's title
        }

        // A link's own words drawn inside it (a card's name, an entry's sentence) are said once.
        if (role == "text" && !it.id && lastItemNode != SIZE_MAX && nodes_[lastItemNode].role == "link" &&
            nodes_[lastItemNode].parent == parent && nodes_[lastItemNode].name == label)
            continue;
        bool ownWords = false;  // text drawn over a control after it, carrying the control's id
        if (it.id) {
            auto found = index_.find(it.id);
            if (found != index_.end()) {
                Node& n = nodes_[found->second];
                if (role == "text" && n.role != "text") {
                    // A card's lines over its link: text of their own, the link's name said once.
                    if (n.name == label) continue;
                    ownWords = true;
                } else {
                    // The same ImGui item reported twice (its hook, then a widget naming it): the words win.
                    n.name = label;
                    lastItemNode = found->second, lastItemId = it.id;
                    continue;
                }
            }
        }
        Node n;
        n.parent = parent;
        n.role = role;
        n.name = label;
        n.id = ownWords ? 0 : it.id;
        n.x = static_cast<int>(std::floor(it.x));
        n.y = static_cast<int>(std::floor(it.y));
        n.w = static_cast<int>(std::ceil(it.x + it.w)) - n.x;
        n.h = static_cast<int>(std::ceil(it.y + it.h)) - n.y;
        if (it.disabled) n.states |= Disabled;
        if (it.checked) n.states |= Selected;  // a checkbox: aria-checked
        if (n.id) {
            n.key = n.id;
        } else {
            std::uint32_t base = mix(mix(parent, role), label);
            int nth = seen[(static_cast<std::uint64_t>(parent) << 32) | base]++;
            n.key = mix(base, static_cast<std::uint64_t>(nth));
        }
        if (role == "heading") {
            int level = inMain && !mainHeading ? 1 : 2;
            if (inMain && level == 1) mainHeading = true;
            n.attrs = "\"level\":" + std::to_string(level);
        }
        lastItemNode = add(n);
        lastItemId = n.id;
    }
    applyMarks(SIZE_MAX);

    // Containers span what they hold.
    for (std::size_t i = nodes_.size(); i-- > 0;) {
        const Node& n = nodes_[i];
        if (!n.parent || n.w <= 0 || n.h <= 0) continue;
        auto p = index_.find(n.parent);
        if (p == index_.end()) continue;
        Node& c = nodes_[p->second];
        if (isContainer(c.role)) grow(c, n.x, n.y, n.w, n.h);
    }
}

void Mirror::makeDiff() {
    diff_.clear();
    using nlohmann::json;
    json set = json::array(), gone = json::array(), order = json::array();
    std::unordered_map<std::uint32_t, const Node*> before;
    before.reserve(previous_.size());
    for (const Node& n : previous_) before.emplace(n.key, &n);
    // Each parent's children in order, now and before.
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> kids, kidsBefore;
    for (const Node& n : nodes_) kids[n.parent].push_back(n.key);
    for (const Node& n : previous_) kidsBefore[n.parent].push_back(n.key);
    for (const Node& n : nodes_) {
        auto b = before.find(n.key);
        if (b != before.end() && *b->second == n) continue;
        json attrs = n.attrs.empty() ? json::object() : json::parse("{" + n.attrs + "}");
        set.push_back(json::array({n.key, n.parent, n.role, n.name, n.value, n.x, n.y, n.w, n.h, n.states, attrs}));
    }
    for (const Node& n : previous_)
        if (!index_.count(n.key)) gone.push_back(n.key);
    for (const auto& [parent, list] : kids) {
        auto b = kidsBefore.find(parent);
        if (b != kidsBefore.end() && b->second == list) continue;
        order.push_back(json::array({parent, list}));
    }
    std::string lang = language() == Language::German ? "de" : "en";
    bool langChanged = lang != language_;
    if (set.empty() && gone.empty() && order.empty() && !focusToSend_ && !langChanged) return;
    json out;
    if (!set.empty()) out["n"] = std::move(set);
    if (!gone.empty()) out["d"] = std::move(gone);
    if (!order.empty()) out["o"] = std::move(order);
    if (focusToSend_) out["f"] = focusToSend_;
    if (langChanged) {
        language_ = lang;
        out["lang"] = lang;
        out["skip"] = tr(Text::SkipToMain);
    }
    focusToSend_ = 0;
    diff_ = out.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool Mirror::endFrame() {
    if (!registry_) return false;
    build();
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (ctx) {
        ImGuiContext& g = *ctx;
        // ImGui's own keyboard focus (a field being edited, keyboard navigation) moves the page's.
        unsigned f = 0;
        if (g.ActiveId && g.InputTextState.ID == g.ActiveId) f = g.ActiveId;
        else if (g.NavId && !g.NavDisableHighlight) f = g.NavId;
        // An item ImGui scrolls to is drawn a frame later: its node is waited for.
        if (f != imguiFocus_ && (!f || index_.count(f))) {
            imguiFocus_ = f;
            if (f && index_.count(f) && f != focusKey_) {
                focusToSend_ = f;
                focusKey_ = f;
                showRing_ = !g.NavDisableHighlight;
            }
        }
        // The focus ring: the page's elements are invisible, so the canvas draws it.
        if (showRing_) {
            if (const Node* n = find(focusKey_)) {
                ImDrawList* dl = ImGui::GetForegroundDrawList();
                dl->AddRect(ImVec2(n->x - 3.0f, n->y - 3.0f), ImVec2(n->x + n->w + 3.0f, n->y + n->h + 3.0f), color::Accent, 8.0f, 0, 2.5f);
            }
        }
    }
    makeDiff();
    return !diff_.empty();
}

}  // namespace rc::ui::a11y
