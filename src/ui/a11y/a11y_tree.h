// The accessibility mirror's producer: from the items a frame drew (the ItemRegistry's hooks) and
// the structure views mark while drawing (landmarks, tables and rows, dialogs, tab lists), a tree
// of roles, names, values, states and rectangles per frame, and what changed since the last one
// as a compact JSON diff for the page (web/a11y.js keeps an off-screen DOM tree in step with it).
// It also takes the page's requests back: activate an item, focus it, replace a field's text.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rc::ui {

class ItemRegistry;

namespace a11y {

// --- Structure marks, called by views while they draw (nothing happens without a mirror).
enum class Landmark { Banner, Navigation, Main };
void beginLandmark(Landmark which);
// A table of `rowCount` rows in the whole list (header row included), `colCount` columns.
void beginGrid(const std::string& name, std::int64_t rowCount, int colCount);
// A date picker's month: a grid whose arrow and page keys go to the console (which moves the
// chosen day), not to the page's row navigation; one day of it is the Tab stop (lastCurrent()).
void beginCalendarGrid(const std::string& name, std::int64_t rowCount, int colCount);
// A row of the current grid; `index` counts from 1 in the whole list (the header row is 1).
void beginRow(std::int64_t index, bool header = false);
void beginDialog(const std::string& title);
// A list of `count` entries in all (the phone's cards, the dashboard's rows); each entry is
// between beginListItem(index, count) and end(), `index` counting from 1 in the whole list.
void beginList(const std::string& name);
void beginListItem(std::int64_t index, std::int64_t count);
void beginTabs();
// Closes the innermost landmark, grid, row, dialog or tab list.
void end();

// Call right after BeginChild of a page's scrolling area (the dashboard, a customer's page): the
// main landmark says whether more lies below or above, and the page's Tab past the last control
// drawn (Shift+Tab before the first) scrolls it by most of a screen.
void scrollArea();

// --- What the last recorded item is, beyond its kind and label.
void lastSelected(bool selected);  // a tab: aria-selected; a menu entry: aria-current; a grid's cell: aria-selected
void lastCurrent();  // the day a calendar grid's keys start from: its one Tab stop
void lastField(const std::string& value, const char* placeholder, bool readOnly);
void lastSpin(std::int64_t min, std::int64_t max, std::int64_t value);
void lastAssertive();  // a toast that reports an error: role=alert rather than status
void lastName(const std::string& name);  // what an icon-only button is called
// Why the last item is disabled ("Needs the Buyer or Admin role"): its accessible description.
void lastDescription(const std::string& description);
void lastSort(bool descending);  // the last item, a column's title, sorts the list: aria-sort on its header
void rowAction();  // the last item (a Selectable spanning the current row) opens the row

// The row (from 0 in the whole list) the page asked the grid or list called `name` to show
// whole (the arrow keys, Page Up/Down, Home/End on its rows); -1 when none. For a dialog
// (Tab past the last control drawn, Shift+Tab before the first): 1 a screen on, 0 a screen back.
std::int64_t takeReveal(const std::string& name);

// A field's text the page asked for (screen reader, dictation, Playwright's fill), applied by
// the text-field widget when it draws the item with ImGui id `id`.
std::optional<std::string> takeText(unsigned id);

struct Node {
    std::uint32_t key = 0;
    std::uint32_t parent = 0;
    std::string role;
    std::string name;
    std::string value;
    int x = 0, y = 0, w = 0, h = 0;
    unsigned id = 0;     // ImGui id, 0 when the item has none
    std::uint32_t states = 0;
    std::string attrs;   // role-specific attributes as a JSON object's members ("min":1,...)
    bool operator==(const Node& o) const {
        return key == o.key && parent == o.parent && role == o.role && name == o.name && value == o.value && x == o.x &&
               y == o.y && w == o.w && h == o.h && id == o.id && states == o.states && attrs == o.attrs;
    }
};

enum State : std::uint32_t {
    Disabled = 1, Selected = 2, Invalid = 4, ReadOnly = 8, Current = 16, Assertive = 32, Modal = 64,
};

class Mirror {
public:
    // Becomes the mirror the marks above go to, reading items from `registry`.
    void attach(ItemRegistry& registry);
    ~Mirror();

    // Call right before ImGui::NewFrame(): hands the page's requests (activate, focus) to ImGui's
    // navigation, which acts on them in that frame, and starts the frame's marks.
    void beginFrame();
    // Call after the registry's endFrame() and before ImGui::Render(): builds the tree, draws
    // the keyboard focus ring and works out the diff. True when the page has something to do.
    bool endFrame();
    // The diff of the last endFrame() as JSON ("" when nothing changed).
    const std::string& diff() const { return diff_; }
    const std::vector<Node>& nodes() const { return nodes_; }

    // The page's requests, by node key.
    void activate(std::uint32_t key);
    // `textQueued`: the page holds typed text ImGui has not been given yet. True when the field
    // left gets the page's value of it instead of the queued text (the caller drops its queue).
    bool focus(std::uint32_t key, bool showRing, bool textQueued = false);
    void setText(std::uint32_t key, const std::string& text);
    // Text typed into the field ImGui edits went into ImGui's input queue (in order with the keys);
    // `whole` is the page's value of that field after it. If the focus moves on before a frame
    // applied the queued text, the field gets `whole` instead (see focus()).
    void typed(std::uint32_t key, const std::string& whole);
    void reveal(std::uint32_t key, std::int64_t row);
    // True when ImGui is editing the field of this node now (typed text can go in at its caret).
    bool editing(std::uint32_t key) const;

    // Internal, for the marks.
    struct Mark {
        std::size_t at;  // the registry's item count when it was made
        int type;
        std::string name;
        std::int64_t a = 0, b = 0, c = 0;
        std::vector<float> columns;  // a row: its table's column edges
        unsigned item = 0;           // a property: the ImGui id of the item it is for (0: any)
    };
    void mark(Mark m);
    void lastItem(int type, std::int64_t a = 0, std::int64_t b = 0, std::int64_t c = 0, std::string s = {});

private:
    void build();
    void makeDiff();
    const Node* find(std::uint32_t key) const;

    ItemRegistry* registry_ = nullptr;
    std::vector<Mark> marks_;
    std::vector<Node> nodes_, previous_;
    std::unordered_map<std::uint32_t, std::size_t> index_;  // key -> position in nodes_
    std::string diff_;
    std::string language_;
    // The page's requests, applied at the next frame.
    unsigned activateId_ = 0;
    unsigned focusInputId_ = 0;
    std::uint32_t focusKey_ = 0;
    bool showRing_ = false;
    // What ImGui's keyboard focus was last frame, so a change can move the page's focus.
    unsigned imguiFocus_ = 0;
    std::uint32_t focusToSend_ = 0;
    std::unordered_map<unsigned, std::string> texts_;  // field text waiting for its widget, by ImGui id
    unsigned typedId_ = 0;     // the field typed() was last told about, by ImGui id
    std::string typedWhole_;   // and the page's value of it then
    std::string revealList_;  // the grid or list the page asked to show a row of, by name
    std::int64_t revealRow_ = -1;
    int pageScroll_ = 0;  // the main landmark's scrolling area: a screen on (1) or back (-1)
    friend std::optional<std::string> takeText(unsigned id);
    friend std::int64_t takeReveal(const std::string& name);
    friend void scrollArea();
};

}  // namespace a11y
}  // namespace rc::ui
