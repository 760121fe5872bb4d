#pragma once
// The storage port: the narrow ports of app/ports/, one per use case, together. A backend implements
// them all; a use case that needs only one part may take that part (app::OfficeReads& for the
// roll-up), so that it can be tested against a fake of that part alone. Every write is one transaction.
//
//   ports/user_store.h          users, sessions, failed logins
//   ports/office_reads.h        an office, its year, the office tree, every office's year, data generation
//   ports/monthly_work_store.h  the month's actuals, statuses, evidence rows, spending, obstacles
//   ports/planning_store.h      targets, action months, agreement revisions, LKj narratives
//   ports/dataset_store.h       dump, restore, import of a document, web import drafts, backup, start check
//   ports/audit_trail.h         the office's audit log
#include <functional>
#include <memory>

#include "app/ports/audit_trail.h"
#include "app/ports/dataset_store.h"
#include "app/ports/monthly_work_store.h"
#include "app/ports/office_reads.h"
#include "app/ports/planning_store.h"
#include "app/ports/user_store.h"

namespace kinerja::app {

class Repository : public UserStore,
                   public OfficeReads,
                   public MonthlyWorkStore,
                   public PlanningStore,
                   public DatasetStore,
                   public AuditTrail {
public:
    ~Repository() override = default;
};

// Opens a store: a web worker's own connection to the database, or the empty scratch store the
// document checks load documents into. Only apps/kinerja knows which backend it opens.
using RepositoryFactory = std::function<Result<std::unique_ptr<Repository>>()>;

} // namespace kinerja::app
