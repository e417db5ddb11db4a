// The customer list's saved views (issue 19): the member's own and the team's shared ones, which
// one the list shows, and the form that saves, renames or shares one. Written by ViewsSlice only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bulk_model.h"
#include "core/model.h"

namespace rc {

struct ViewForm {
    bool open = false;
    std::int64_t editing = 0;  // 0: saves the list as it is now under a new name; else renames/shares that view
    std::string name;
    bool shared = false;
    bool saving = false;
    std::optional<ApiError> error;
};

struct SavedViewsState {
    std::vector<SavedView> items;  // as GET /views lists them
    bool loaded = false, loading = false;
    std::optional<ApiError> error;
    std::int64_t active = 0;    // the view the list shows (picked, or opened by its link); 0: none
    std::int64_t opening = 0;   // a link's view, applied once the views have arrived
    std::int64_t deleting = 0;  // a delete on its way
    ViewForm form;

    const SavedView* find(std::int64_t id) const {
        for (const SavedView& v : items)
            if (v.id == id) return &v;
        return nullptr;
    }
};

}  // namespace rc
