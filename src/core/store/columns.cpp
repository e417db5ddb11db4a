#include "core/store/columns.h"

#include "core/codec.h"

namespace rc {
namespace {

const char* settingKey(Table table) {
    return table == Table::Customers ? "resellerConsole.columns.customers" : "resellerConsole.columns.invoices";
}

}  // namespace

TableColumns& ColumnsSlice::of(Table table) const {
    return table == Table::Customers ? state().customerColumns : state().invoiceColumns;
}

void ColumnsSlice::load() {
    state().customerColumns = codec::decodeTableColumns(platform().loadSetting(settingKey(Table::Customers)));
    state().invoiceColumns = codec::decodeTableColumns(platform().loadSetting(settingKey(Table::Invoices)));
}

void ColumnsSlice::forget() {
    state().customerColumns = TableColumns{};
    state().invoiceColumns = TableColumns{};
    platform().saveSetting(settingKey(Table::Customers), {});  // an empty value removes the key
    platform().saveSetting(settingKey(Table::Invoices), {});
}

void ColumnsSlice::save(Table table) { platform().saveSetting(settingKey(table), codec::encodeTableColumns(of(table))); }

void ColumnsSlice::setWidth(Table table, const std::string& key, float width) {
    TableColumns& c = of(table);
    if (key.empty() || !(width >= 1 && width <= 4000)) return;
    auto it = c.widths.find(key);
    if (it != c.widths.end() && it->second == width) return;
    c.widths[key] = width;
    save(table);
}

void ColumnsSlice::setHidden(Table table, const std::string& key, bool hidden) {
    TableColumns& c = of(table);
    if (key.empty() || c.hidden.count(key) == static_cast<std::size_t>(hidden)) return;
    if (hidden) c.hidden.insert(key);
    else c.hidden.erase(key);
    save(table);
}

void ColumnsSlice::reset(Table table) {
    of(table) = TableColumns{};
    save(table);
}

}  // namespace rc
