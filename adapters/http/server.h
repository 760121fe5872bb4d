#pragma once
// The HTTP server: Boost.Beast on a few I/O threads, handlers on lanes (one thread pool each) so that a slow
// import or a burst of logins never holds up pages or /healthz. Beast stays inside server.cpp.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "adapters/http/http_types.h"

namespace kinerja::http {

// A lane: its own threads and a bounded queue. When `max_queued` requests are already waiting (running ones
// not counted), the next one is answered 503 with Retry-After at once, without running the handler.
struct LaneOptions {
    std::string name;
    int threads = 1;
    std::size_t max_queued = 64;
};

// Where a request runs and how large its body may be.
struct RoutePlan {
    std::string lane = "pages";
    std::size_t max_body = 12u << 20; // a larger body is answered 413 before the handler runs
    // When set (a session's credential, say), a request whose key already has one queued or running on the
    // lane is answered 429 at once: one client cannot fill a lane's queue with its own work.
    std::string one_at_a_time;
};

// Called on the I/O thread once the request head has arrived (body empty in the Request): where the request
// runs and how large its body may be. Must be cheap and must not touch the database. A lane name that is not
// configured is a programming error: the request runs on "pages" and the name is logged once.
using Planner = std::function<RoutePlan(const Request& head)>;

struct ServerOptions {
    std::string bind = "127.0.0.1";
    unsigned short port = 8080; // 0: any free port (see Server::port)
    int io_threads = 1;
    int workers = 2;                  // threads of the "pages" lane
    std::size_t max_body = 12u << 20; // the limit when there is no planner
    // Lanes besides "pages". A "pages" entry here only sets that lane's queue bound (its threads are `workers`);
    // without one, "pages" queues up to 256 requests (at most one per connection waits at a time).
    std::vector<LaneOptions> lanes;
    Planner planner; // empty: everything on "pages" with `max_body`
    // Slowloris: the whole head of a request must arrive within this time, or the connection is closed.
    std::chrono::milliseconds header_timeout{30'000};
    // Silence allowed while a body is read or a response written: a slow upload that keeps moving succeeds.
    std::chrono::milliseconds idle_timeout{30'000};
    // A kept-alive connection may wait this long for its next request.
    std::chrono::milliseconds keep_alive_timeout{60'000};
    std::size_t header_limit = 32u << 10; // request line and header fields together; larger: 431 (or 414)
    // Fields of an application/x-www-form-urlencoded body, or of the query string; more: 413 (400 for the
    // query) before the handler runs, so a form bomb never becomes a map of a million entries.
    std::size_t max_form_fields = k_max_form_fields;
};

class Server {
public:
    // Throws std::invalid_argument for a lane without a name or threads, or a name given twice.
    Server(ServerOptions options, Handler handler);
    ~Server();
    // Binds and listens; throws std::runtime_error with the reason when the address is taken.
    void start();
    unsigned short port() const;
    // Serves until stop() or SIGINT/SIGTERM.
    void run();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kinerja::http
