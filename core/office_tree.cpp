#include "core/office_tree.h"

#include <functional>

namespace kinerja {

std::vector<TreeScore> rollup_tree(std::span<const OfficeNode> nodes,
                                   const std::map<std::int64_t, OfficeScore>& scores) {
    std::map<std::int64_t, std::vector<const OfficeNode*>> children;
    std::vector<const OfficeNode*> roots;
    for (const auto& n : nodes) {
        if (n.parent_id)
            children[*n.parent_id].push_back(&n);
        else
            roots.push_back(&n);
    }
    std::vector<TreeScore> out;
    out.reserve(nodes.size());
    // Post-order: every office's subtree is complete before the office itself is scored. The items
    // of a subtree's mean are the offices' own achievements, so a large province does not count as one.
    std::function<std::vector<RollupItem>(const OfficeNode*, BudgetTotal&, int&, int&)> visit =
        [&](const OfficeNode* n, BudgetTotal& budget, int& count, int& reporting) {
            std::vector<RollupItem> items;
            BudgetTotal sub{};
            int sub_count = 1, sub_reporting = 0;
            TreeScore t;
            t.office = n;
            if (auto it = scores.find(n->id); it != scores.end()) {
                t.own = it->second;
                items.push_back({it->second.achievement, Decimal::integer(1)});
                sub.add(it->second.budget.ceiling, it->second.budget.actual);
                if (it->second.indicators_with_actual > 0) ++sub_reporting;
            }
            if (auto c = children.find(n->id); c != children.end())
                for (const OfficeNode* child : c->second) {
                    auto child_items = visit(child, sub, sub_count, sub_reporting);
                    items.insert(items.end(), child_items.begin(), child_items.end());
                }
            t.achievement = rollup(items);
            t.budget = sub;
            t.absorption = absorption(sub);
            t.offices = sub_count;
            t.offices_reporting = sub_reporting;
            out.push_back(std::move(t));
            budget.add(sub.ceiling, sub.actual);
            count += sub_count;
            reporting += sub_reporting;
            return items;
        };
    for (const OfficeNode* r : roots) {
        BudgetTotal b{};
        int c = 0, rep = 0;
        visit(r, b, c, rep);
    }
    return out;
}

} // namespace kinerja
