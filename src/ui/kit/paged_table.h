// The paged table both list screens use: every row of a server-side result under one scroll bar
// (kit/list_scroller.h), only the rows on screen drawn — as a table with fitted, resizable columns
// (kit/fitted_columns.h) or, on phones, as cards (kit/list_cards.h) — placeholders for rows whose
// block is on its way, the loading, error and empty states, the accessibility marks (a grid with
// the whole result's row count, or a list of cards) and the footer ("8–16 of 41 customers").
// A screen says what its rows are (columns, how to measure, draw and open one, its card); the
// table does the rest.
#pragma once
#include <cstdint>
#include <functional>
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

// What a list screen gives the table this frame. Rows are addressed by their place in the
// whole result, from 0.
struct PagedRows {
    std::int64_t total = 0;      // the result's length (the scroll bar spans it)
    bool loaded = false;         // the first block has arrived
    bool settled = false;        // no block on its way
    bool blocksHeld = false;     // some rows are held
    std::int64_t viewFirst = 0, viewLast = 0;  // the rows on screen as the store last heard
    std::optional<ApiError> error;  // the latest failure
    bool newResult = false;      // another filter or sort than last frame: back to the top
    std::string sortedBy;        // the result's sort ("name", "-licenses"), for the headers' arrows
    bool covered = false;        // something is open over the list: it leaves the keys alone
    std::function<bool(std::int64_t)> has;                       // row i has arrived
    std::function<void(FittedColumns&, std::int64_t)> measure;   // row i's cells' widths
    std::function<bool(const TableRow&, std::int64_t)> row;      // draws row i's cells; true: it asked to open
    std::function<bool(std::int64_t, float width)> card;         // draws row i's card; true: tapped
    std::function<void(std::int64_t)> open;                      // row i was chosen
    std::function<void()> empty;                                 // the result is empty: say so
    std::function<void(std::int64_t, std::int64_t)> view;        // rows first..last are on screen
    std::function<void()> reload, retry;                         // the first block failed / a later one
    std::function<void(const std::string&)> sort;                // a sortable header was clicked
    const TableColumns* columns = nullptr;                       // the reseller's widths and hidden columns
};

class PagedTable {
public:
    explicit PagedTable(PagedTableSpec spec);

    // Draws the list into `width` and the height left above its footer, then the footer.
    void draw(Store& store, const PagedRows& rows, float width);
    // Back to the first row (a kiosk's next visitor).
    void toTop() { scroller_.toTop(); }

private:
    void drawRows(Store& store, const PagedRows& rows, bool cards);
    void drawTable(Store& store, const PagedRows& rows, std::int64_t first, std::int64_t last, ImVec2 origin, float width,
                   float headerHeight);
    void headerCell(const PagedRows& rows, const TableColumn& column);
    void footer(const PagedRows& rows);
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

// The paged table over one of the store's lists (core ListState): keeps which result the scroll
// position and the column widths belong to, and hands the rows to the screen typed.
template <class Item, class Filter>
class PagedList {
public:
    // What the screen says of its rows: how to measure, draw and open one, its card, what to
    // say when there are none, and its intents for the rows on screen.
    struct Rows {
        std::function<void(FittedColumns&, const Item&)> measure;
        std::function<bool(const TableRow&, const Item&)> row;
        std::function<bool(const Item&, float width)> card;
        std::function<void(const Item&)> open;
        std::function<void()> empty;
        std::function<void(std::int64_t, std::int64_t)> view;
        std::function<void()> reload, retry;
        std::function<void(const std::string&)> sort;
        std::string sortedBy;
        bool covered = false;
    };

    explicit PagedList(PagedTableSpec spec) : table_(std::move(spec)) {}

    void draw(Store& store, const ListState<Item, Filter>& list, const TableColumns& user, const Rows& s, float width) {
        const auto& rows = list.rows;
        PagedRows p;
        p.total = rows.total();
        p.loaded = list.loaded;
        p.settled = rows.settled();
        p.blocksHeld = rows.blocksHeld() > 0;
        p.viewFirst = list.first, p.viewLast = list.last;
        p.error = list.remote.error;
        p.newResult = list.filter != shown_;
        shown_ = list.filter;
        p.sortedBy = s.sortedBy;
        p.covered = s.covered;
        p.columns = &user;
        p.has = [&](std::int64_t i) { return rows.row(i) != nullptr; };
        p.measure = [&](FittedColumns& c, std::int64_t i) { s.measure(c, *rows.row(i)); };
        p.row = [&](const TableRow& r, std::int64_t i) { return s.row(r, *rows.row(i)); };
        p.card = [&](std::int64_t i, float w) { return s.card(*rows.row(i), w); };
        p.open = [&](std::int64_t i) { s.open(*rows.row(i)); };
        p.empty = s.empty, p.view = s.view, p.reload = s.reload, p.retry = s.retry, p.sort = s.sort;
        table_.draw(store, p, width);
    }
    void toTop() { table_.toTop(); }

private:
    PagedTable table_;
    Filter shown_;  // the result the scroll position and the column widths belong to
};

}  // namespace rc::ui
