// The store's table-columns slice: the widths the reseller dragged and the columns they hid,
// per table, kept on this device (Platform::saveSetting) and read back at start.
#include "core/codec.h"
#include "core/store.h"

namespace rc {
namespace {

const char* settingKey(Table table) {
    return table == Table::Customers ? "resellerConsole.columns.customers" : "resellerConsole.columns.invoices";
}

}  // namespace

void Store::loadColumns() {
    state_.customerColumns = codec::decodeTableColumns(platform_.loadSetting(settingKey(Table::Customers)));
    state_.invoiceColumns = codec::decodeTableColumns(platform_.loadSetting(settingKey(Table::Invoices)));
}

void Store::saveColumns(Table table) {
    const TableColumns& c = table == Table::Customers ? state_.customerColumns : state_.invoiceColumns;
    platform_.saveSetting(settingKey(table), codec::encodeTableColumns(c));
}

void Store::setColumnWidth(Table table, const std::string& key, float width) {
    TableColumns& c = table == Table::Customers ? state_.customerColumns : state_.invoiceColumns;
    if (key.empty() || !(width >= 1 && width <= 4000)) return;
    auto it = c.widths.find(key);
    if (it != c.widths.end() && it->second == width) return;
    c.widths[key] = width;
    saveColumns(table);
}

void Store::setColumnHidden(Table table, const std::string& key, bool hidden) {
    TableColumns& c = table == Table::Customers ? state_.customerColumns : state_.invoiceColumns;
    if (key.empty() || c.hidden.count(key) == static_cast<std::size_t>(hidden)) return;
    if (hidden) c.hidden.insert(key);
    else c.hidden.erase(key);
    saveColumns(table);
}

void Store::resetColumns(Table table) {
    (table == Table::Customers ? state_.customerColumns : state_.invoiceColumns) = TableColumns{};
    saveColumns(table);
}

}  // namespace rc
