#include "adapters/http/server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <iostream>
#include <thread>
#include <vector>

namespace kinerja::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

Request to_request(const bhttp::request<bhttp::string_body>& r, const std::string& remote) {
    Request out;
    out.method = std::string(r.method_string());
    const std::string_view target = r.target();
    const auto q = target.find('?');
    out.path = url_decode(target.substr(0, q), false);
    if (q != std::string_view::npos) out.query = std::string(target.substr(q + 1));
    for (const auto& f : r) {
        std::string name(f.name_string());
        for (auto& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto [it, fresh] = out.headers.emplace(name, std::string(f.value()));
        if (!fresh) it->second += (name == "cookie" ? "; " : ", ") + std::string(f.value());
    }
    out.body = r.body();
    out.remote = remote;
    return out;
}

bhttp::response<bhttp::string_body> to_beast(Response&& r, unsigned version, bool keep_alive) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(r.status), version};
    out.set(bhttp::field::server, "kinerja");
    out.set(bhttp::field::content_type, r.content_type);
    if (r.body_is_gzip) out.set(bhttp::field::content_encoding, "gzip");
    for (auto& [k, v] : r.headers)
        out.insert(k, v);
    out.body() = std::move(r.body);
    out.keep_alive(keep_alive);
    out.prepare_payload();
    return out;
}

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket&& socket, const Handler& handler, asio::thread_pool& workers, std::size_t max_body)
        : m_stream(std::move(socket)), m_handler(handler), m_workers(workers), m_max_body(max_body) {
        beast::error_code ec;
        const auto ep = m_stream.socket().remote_endpoint(ec);
        if (!ec) m_remote = ep.address().to_string();
    }

    void start() {
        asio::dispatch(m_stream.get_executor(), beast::bind_front_handler(&Session::read, shared_from_this()));
    }

private:
    void read() {
        m_parser.emplace();
        m_parser->body_limit(m_max_body);
        m_parser->header_limit(32 * 1024);
        m_stream.expires_after(std::chrono::seconds(60));
        bhttp::async_read(m_stream, m_buffer, *m_parser,
                          beast::bind_front_handler(&Session::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::connection_reset)
            return close();
        if (ec == bhttp::error::body_limit) {
            Response r;
            r.status = 413;
            r.content_type = "text/plain; charset=utf-8";
            r.body = "Berkas atau isian terlalu besar (batas " + std::to_string(m_max_body >> 20) + " MB)\n";
            return write(to_beast(std::move(r), 11, false));
        }
        if (ec) return close();
        auto req = m_parser->release();
        const bool keep_alive = req.keep_alive();
        const unsigned version = req.version();
        // The handler may touch the database: run it on a worker, then write back on this connection's strand.
        asio::post(m_workers, [self = shared_from_this(), req = std::move(req), keep_alive, version]() mutable {
            Response resp;
            try {
                resp = self->m_handler(to_request(req, self->m_remote));
            } catch (const std::exception& e) {
                std::cerr << "kinerja: 500 " << req.method_string() << " " << req.target() << ": " << e.what() << "\n";
                resp = Response{500, "text/plain; charset=utf-8", {}, "Terjadi kesalahan pada server\n"};
            }
            asio::post(self->m_stream.get_executor(), [self, resp = std::move(resp), keep_alive, version]() mutable {
                self->write(to_beast(std::move(resp), version, keep_alive));
            });
        });
    }

    void write(bhttp::response<bhttp::string_body>&& res) {
        auto sp = std::make_shared<bhttp::response<bhttp::string_body>>(std::move(res));
        const bool keep = sp->keep_alive();
        bhttp::async_write(m_stream, *sp, [self = shared_from_this(), sp, keep](beast::error_code ec, std::size_t) {
            if (ec || !keep) return self->close();
            self->read();
        });
    }

    void close() {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    }

    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<bhttp::request_parser<bhttp::string_body>> m_parser;
    const Handler& m_handler;
    asio::thread_pool& m_workers;
    std::size_t m_max_body;
    std::string m_remote;
};

} // namespace

struct Server::Impl {
    ServerOptions options;
    Handler handler;
    asio::io_context io;
    asio::thread_pool workers;
    tcp::acceptor acceptor{io};
    asio::signal_set signals{io, SIGINT, SIGTERM};

    Impl(ServerOptions o, Handler h)
        : options(std::move(o)), handler(std::move(h)), io(options.io_threads),
          workers(static_cast<std::size_t>(options.workers)) {}

    void accept() {
        acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
            if (ec) {
                if (ec == asio::error::operation_aborted) return;
            } else {
                std::make_shared<Session>(std::move(socket), handler, workers, options.max_body)->start();
            }
            accept();
        });
    }
};

Server::Server(ServerOptions options, Handler handler)
    : m_impl(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() {
    stop();
    m_impl->workers.join();
}

void Server::start() {
    auto& i = *m_impl;
    beast::error_code ec;
    const auto address = asio::ip::make_address(i.options.bind, ec);
    if (ec) throw std::runtime_error("alamat '" + i.options.bind + "' tidak sah");
    const tcp::endpoint ep{address, i.options.port};
    i.acceptor.open(ep.protocol(), ec);
    if (!ec) i.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) i.acceptor.bind(ep, ec);
    if (!ec) i.acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        throw std::runtime_error("tidak dapat mendengarkan di " + i.options.bind + ":" +
                                 std::to_string(i.options.port) + ": " + ec.message());
    i.signals.async_wait([this](beast::error_code, int) { stop(); });
    i.accept();
}

unsigned short Server::port() const {
    return m_impl->acceptor.local_endpoint().port();
}

void Server::run() {
    auto& i = *m_impl;
    std::vector<std::thread> extra;
    for (int k = 1; k < i.options.io_threads; ++k)
        extra.emplace_back([&i] { i.io.run(); });
    i.io.run();
    for (auto& t : extra)
        t.join();
}

void Server::stop() {
    asio::post(m_impl->io, [this] {
        beast::error_code ec;
        m_impl->acceptor.close(ec);
        m_impl->signals.cancel(ec);
        m_impl->io.stop();
    });
}

} // namespace kinerja::http
