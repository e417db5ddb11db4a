// A list's table columns on screen: measured from the rows shown, fitted into the table's width
// by kit/columns.h with the reseller's choices on this device, and the header's own controls —
// a handle on each column's right edge to resize it, and the Columns menu to hide, show and
// reset them. The customer and invoice tables share it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/model.h"
#include "core/store.h"
#include "imgui.h"
#include "ui/kit/columns.h"

namespace rc::ui {

struct TableColumn {
    ColumnSpec spec;
    Text title;
    bool right = false;             // numbers and money line up on the right
    const char* sortKey = nullptr;  // the server's sort key: its title sorts the list
    bool control = false;           // holds a control (Manage), not text; the Columns menu sits in its header
};

// A drag on a resize handle that ended, or a change made in the Columns menu.
struct ColumnChange {
    enum Kind { Width, Hidden, Reset } kind = Width;
    std::string key;
    float width = 0;
    bool hidden = false;
};

class FittedColumns {
public:
    explicit FittedColumns(std::vector<TableColumn> columns);

    // Before measuring a frame's rows: widths grow, never shrink, while the same result is
    // scrolled; another result or another language starts again.
    void beginMeasure(bool otherResult);
    // The widest text of a column's cell seen in a row on screen (cell padding is added here).
    void measure(int column, float textWidth);
    // Places the shown columns in `width`, the table's inner width; measures the headers itself.
    void fit(const TableColumns& user, float width);

    const std::vector<ColumnPlacement>& placed() const { return placed_; }
    // The table column a spec column is drawn in, or -1 while it is not shown.
    int at(int column) const { return shownAt_[static_cast<std::size_t>(column)]; }
    bool shown(int column) const { return at(column) >= 0; }
    const TableColumn& column(int i) const { return columns_[static_cast<std::size_t>(i)]; }
    int count() const { return static_cast<int>(columns_.size()); }

    // Sets up the ImGui table's columns from the placement (call right after BeginTable).
    void setupTable() const;
    // Resize handles on the header's column edges, drawn after the header row; `top` is the
    // header's top-left corner on screen. Returns a finished drag.
    std::optional<ColumnChange> resizeHandles(ImVec2 top, float headerHeight);
    // The Columns button (in the header's last cell) and its menu.
    std::optional<ColumnChange> columnsMenu(const TableColumns& user);

private:
    std::vector<TableColumn> columns_;
    std::vector<float> content_;
    std::vector<ColumnPlacement> placed_;
    std::vector<int> shownAt_;
    Language measuredIn_ = Language::English;
    int dragging_ = -1;  // the spec column being resized
    float dragStartWidth_ = 0, dragStartX_ = 0, dragWidth_ = 0;
};

// Saves a change on this device (the store keeps it per table).
void applyColumnChange(Store& store, Table table, const ColumnChange& change);

// Cell padding each side, as the tables draw it (ImGui's CellPadding.x).
float cellPadding();

}  // namespace rc::ui
