// The store's table-columns slice: the widths the reseller dragged and the columns they hid,
// per table, kept on this device (Platform::saveSetting) and read back at start.
#pragma once
#include <string>

#include "core/store/context.h"

namespace rc {

class ColumnsSlice : public Slice {
public:
    explicit ColumnsSlice(StoreContext& ctx) : Slice(ctx) {}

    void setWidth(Table table, const std::string& key, float width);
    void setHidden(Table table, const std::string& key, bool hidden);
    void reset(Table table);

    // --- for the store
    void load();
    // Sign-out on a shared computer: back to the defaults, and nothing left in storage.
    void forget();

private:
    void save(Table table);
    TableColumns& of(Table table) const;
};

}  // namespace rc
