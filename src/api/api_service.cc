#include "api/api_service.h"

#include <filesystem>

#include "api/api_state.h"
#include "api/router.h"
#include "security/key_file.h"
#include "store/open_store.h"

namespace spoorboek::api {
namespace {

class Service final : public ApiService {
 public:
  explicit Service(std::unique_ptr<ApiState> state) : state_(std::move(state)) {}

  void register_routes(Router& router) override {
    register_meta_routes(router, *state_);
    register_auth_routes(router, *state_);
    register_case_routes(router, *state_);
    register_admin_routes(router, *state_);
    register_calendar_routes(router, *state_);
  }

  ApiState& state() override { return *state_; }

  std::vector<std::string> startup_warnings() override {
    std::vector<std::string> warnings;
    auto lease = state_->borrow();
    if (!lease.ok()) return {"cannot read the database: " + lease.error().message};
    auto demo = (*lease)->accounts->demo_mode();
    if (demo.ok() && *demo) {
      warnings.emplace_back(
          "*** DEMO: this database holds the demo accounts (admin@demo.test, casemanager@, "
          "doctor@, coach@, manager@, employee@demo.test) with the password 'demo', and "
          "two-factor login is not required. Never use it for real people. ***");
    }
    return warnings;
  }

  void shutdown() override { state_->shutdown(); }

 private:
  std::unique_ptr<ApiState> state_;
};

}  // namespace

core::Result<std::unique_ptr<ApiService>> ApiService::open(const ApiConfig& config) {
  if (config.db_path.empty()) return core::make_error("missing_field", "--db", "is required");
  if (store::backend_of(config.db_path) == store::Backend::sqlite &&
      !std::filesystem::exists(config.db_path)) {
    return core::make_error("not_found", "--db",
                            "no database at '" + config.db_path +
                                "' (create one with spoorboek init or spoorboek demo)");
  }
  ApiConfig resolved = config;
  if (resolved.key_file.empty()) {
    const auto beside = store::key_file_beside(config.db_path);
    if (!beside) {
      return core::make_error("missing_field", "--key-file",
                              "a PostgreSQL database needs the medical key file named");
    }
    resolved.key_file = *beside;
  }
  // The server refuses to run without the key: medical data would be neither readable nor
  // writable, and a new key would make the stored data unreadable for ever.
  auto key = security::load_key_file(resolved.key_file);
  if (!key.ok()) return key.error();
  {
    auto store = store::open_store(config.db_path, store::OpenMode::must_exist);
    if (!store.ok()) return store.error();
    auto version = (*store)->schema_version();
    if (!version.ok()) return version.error();
    // Brings an older database up to date before any request: all connections see one schema.
    if (auto migrated = (*store)->migrate(); !migrated.ok()) return migrated.error();
  }
  auto recorder = ReadRecorder::open(config.db_path);
  if (!recorder.ok()) return recorder.error();
  auto state = std::make_unique<ApiState>(resolved, std::move(*key), std::move(*recorder));
  return std::unique_ptr<ApiService>(std::make_unique<Service>(std::move(state)));
}

}  // namespace spoorboek::api
