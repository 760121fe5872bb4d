#pragma once
// The HTTP server: Boost.Beast on a few I/O threads, handlers on a worker pool so that a slow
// database call never holds up other connections. Beast stays inside server.cpp.
#include <cstddef>
#include <memory>
#include <string>

#include "adapters/http/http_types.h"

namespace kinerja::http {

struct ServerOptions {
    std::string bind = "127.0.0.1";
    unsigned short port = 8080; // 0: any free port (see Server::port)
    int io_threads = 1;
    int workers = 2;
    std::size_t max_body = 12u << 20; // larger uploads get 413 before the handler runs
};

class Server {
public:
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
