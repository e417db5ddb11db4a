// The paged table both list screens use: every row of a server-side result under one scroll bar
// (kit/list_scroller.h), only the rows on screen drawn — as a table with fitted, resizable columns
// (kit/fitted_columns.h) or, on phones, as cards (kit/list_cards.h) — placeholders for rows whose
// block is on its way, the loading, error and empty states, the accessibility marks (a grid with
// the whole result's row count, or a list of cards) and the footer ("8–16 of 41 customers").
// A screen says what its rows are (columns, how to measure, draw and open one, its card); the
// table does the rest.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/store.h"
#include "imgui.h"
#include "ui/kit/fitted_columns.h"
#include "ui/kit/list_scroller.h"

namespace rc::ui {

struct PagedTableSpec {
    const char* id = "";     // names its window and table ("customers": ###customers-card, ###customers)
    Text name{};             // what the grid or the list of cards is called (the screen's title)
    Text loading{};          // said while the first block is on its way
    Text range{}, none{};    // the footer: "{1}–{2} of {3} customers", "0 customers"
    Text loadFailed{};       // "Could not load customers" (the error follows)
    Table table{};           // whose column choices, kept per device
    float rowHeight = 46;    // a table row
    float cardHeight = 92;   // a card, on phones
    std::vector<TableColumn> columns;  // left to right
};

// One table row being drawn: the screen moves from cell to cell through it.
class TableRow {
public:
    TableRow(const FittedColumns& columns, float textY, ImVec2 start) : columns_(columns), textY_(textY), start_(start) {}
    // Goes to the cell of `column`, a line of text centred in the row (moved by `dy`); false
    // when the column is not shown now.
    bool cell(int column, float dy = 0) const;
    // Goes to the top of the cell of `column` (for a control that centres itself); false when not shown.
    bool cellTop(int column) const;
    // The first shown column's top-left corner and the offset that centres a line of text.
    ImVec2 start() const { return start_; }
    float textY() const { return textY_; }

private:
    const FittedColumns& columns_;
    float textY_;
    ImVec2 start_;
};

// A cell's text, as items() reports it ("cell"): plain, cut with "…" where it does not fit its
// column (items() keeps it whole and says so), or flush right (numbers, money).
void cellText(const std::string& s, ImU32 color = 0, ImFont* font = nullptr);
void cellClipped(const std::string& s, ImU32 color = 0, ImFont* font = nullptr);
void cellRight(const std::string& s, ImU32 color = 0, ImFont* font = nullptr);

// What a list screen gives the table this frame: the list's state, and its rows by their
// place in the whole result (from 0). A screen derives from ListRows (below), which fetches a
// row and hands it over typed.
class PagedRows {
public:
    std::int64_t total = 0;      // the result's length (the scroll bar spans it)
    bool loaded = false;         // the first block has arrived
    bool settled = false;        // no block on its way
    bool blocksHeld = false;     // some rows are held
    std::int64_t viewFirst = 0, viewLast = 0;  // the rows on screen as the store last heard
    std::optional<ApiError> error;  // the latest failure
    bool newResult = false;      // another filter or sort than last frame: back to the top
    std::string sortedBy;        // the result's sort ("name", "-licenses"), for the headers' arrows
    bool covered = false;        // something is open over the list: it leaves the keys alone
    const TableColumns* columns = nullptr;  // the reseller's widths and hidden columns

    virtual bool has(std::int64_t i) const = 0;                          // row i has arrived
    virtual void measure(FittedColumns& columns, std::int64_t i) const = 0;  // its cells' widths
    virtual bool row(const TableRow& row, std::int64_t i) = 0;           // draws its cells; true: open it
    virtual bool card(std::int64_t i, float width) = 0;                  // draws its card; true: tapped
    virtual void open(std::int64_t i) = 0;                               // it was chosen
    virtual void empty() = 0;                                            // the result is empty: say so
    virtual void view(std::int64_t first, std::int64_t last) = 0;        // rows first..last are on screen
    virtual void reload() = 0;                                           // the first block failed: Retry
    virtual void retry() = 0;                                            // a later block failed: Retry
    virtual void sort(const std::string&) {}                             // a sortable title was clicked
    // Draws a control in column's header cell instead of its title (the list's "select this page"); false: none.
    virtual bool headerControl(int /*column*/, float /*headerHeight*/) { return false; }

protected:
    ~PagedRows() = default;
};

class PagedTable {
public:
    explicit PagedTable(PagedTableSpec spec);

    // Draws the list into `width` and the height left above its footer, then the footer.
    void draw(Store& store, PagedRows& rows, float width);
    // Back to the first row (a kiosk's next visitor).
    void toTop() { scroller_.toTop(); }

private:
    void drawRows(Store& store, PagedRows& rows, bool cards);
    void drawTable(Store& store, PagedRows& rows, std::int64_t first, std::int64_t last, ImVec2 origin, float width,
                   float headerHeight);
    void headerCell(const PagedRows& rows, const TableColumn& column);
    void footer(PagedRows& rows);
    // The columns drawn as text (a row on its way gets a bar in each); controls come last.
    int textColumns() const;
    // A column holds controls (Manage): the Columns menu goes in its header, rows tint lighter.
    bool hasControls() const;

    PagedTableSpec spec_;
    ListScroller scroller_;
    FittedColumns columns_;
    std::optional<std::string> sortClicked_;
    bool toTop_ = false;      // another result arrived: start at its top
    bool remeasure_ = false;  // and measure its columns afresh
};

// A screen's rows from one of the store's lists (core ListState): the list's state filled in,
// and each row fetched and handed to the screen typed. (Virtual functions rather than a
// std::function per hook: each of those costs app.wasm a few hundred bytes.)
template <class Item, class Filter>
class ListRows : public PagedRows {
public:
    ListRows(Store& store, const ListState<Item, Filter>& list, const TableColumns& user) : store_(store), list_(list) {
        total = list.rows.total();
        loaded = list.loaded;
        settled = list.rows.settled();
        blocksHeld = list.rows.blocksHeld() > 0;
        viewFirst = list.first, viewLast = list.last;
        error = list.remote.error;
        columns = &user;
    }
    const ListState<Item, Filter>& list() const { return list_; }

    bool has(std::int64_t i) const override { return list_.rows.row(i) != nullptr; }
    void measure(FittedColumns& c, std::int64_t i) const override { measureRow(c, *list_.rows.row(i)); }
    bool row(const TableRow& r, std::int64_t i) override { return drawRow(r, *list_.rows.row(i)); }
    bool card(std::int64_t i, float width) override { return drawCard(*list_.rows.row(i), width); }
    void open(std::int64_t i) override { openRow(*list_.rows.row(i)); }

protected:
    ~ListRows() = default;
    virtual void measureRow(FittedColumns& columns, const Item& item) const = 0;
    virtual bool drawRow(const TableRow& row, const Item& item) = 0;
    virtual bool drawCard(const Item& item, float width) = 0;
    virtual void openRow(const Item& item) = 0;

    Store& store_;  // for the screen's intents

private:
    const ListState<Item, Filter>& list_;
};

// The paged table over one of the store's lists: keeps which result the scroll position and
// the column widths belong to.
template <class Item, class Filter>
class PagedList {
public:
    explicit PagedList(PagedTableSpec spec) : table_(std::move(spec)) {}
    void draw(Store& store, ListRows<Item, Filter>& rows, float width) {
        rows.newResult = rows.list().filter != shown_;
        shown_ = rows.list().filter;
        table_.draw(store, rows, width);
    }
    void toTop() { table_.toTop(); }

private:
    PagedTable table_;
    Filter shown_;  // the result the scroll position and the column widths belong to
};

}  // namespace rc::ui
