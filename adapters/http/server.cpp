#include "adapters/http/server.h"

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace kinerja::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

// After a refusal the peer may still be sending the rest of its request; closing on unread data would send a
// reset that can destroy our answer in the peer's buffers, so we read and drop while it keeps coming (nginx's
// lingering close), within a bound.
constexpr auto k_linger_idle = std::chrono::seconds(2);
constexpr auto k_linger_total = std::chrono::seconds(30);
constexpr std::size_t k_read_size = 8192;
constexpr std::size_t k_pages_queue = 256;

Request to_request(const bhttp::request_header<>& r, std::string body, const std::string& remote) {
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
    out.body = std::move(body);
    out.remote = remote;
    return out;
}

bhttp::response<bhttp::string_body> to_beast(Response&& r, unsigned version, bool keep_alive, bool head) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(r.status), version};
    out.set(bhttp::field::server, "kinerja");
    out.set(bhttp::field::content_type, r.content_type);
    if (r.body_is_gzip) out.set(bhttp::field::content_encoding, "gzip");
    for (auto& [k, v] : r.headers)
        out.insert(k, v);
    out.body() = std::move(r.body);
    out.keep_alive(keep_alive);
    out.prepare_payload();
    // HEAD: the length a GET would have, and no body, or the peer would read the body as the next response.
    if (head) out.body().clear();
    return out;
}

Response plain(int status, std::string text) {
    return Response{status, "text/plain; charset=utf-8", {}, std::move(text)};
}

std::string size_text(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
    if (bytes >= 1024) return std::to_string(bytes >> 10) + " KB";
    return std::to_string(bytes) + " byte";
}

Response too_large(std::size_t limit) {
    return plain(413, "Berkas atau isian terlalu besar (batas " + size_text(limit) + ")\n");
}

Response still_running() {
    return plain(429, "Permintaan Anda yang sebelumnya masih diproses; tunggu sampai selesai, lalu coba lagi\n")
        .header("Retry-After", "5");
}

Response busy() {
    // Retry-After: the browser or script may come back on its own; five seconds is about one slow import step.
    return plain(503, "Server sedang sibuk; coba lagi sebentar lagi\n").header("Retry-After", "5");
}

// A request whose length two servers could read differently (Content-Length beside Transfer-Encoding, or a
// last coding other than chunked) is how requests are smuggled past a proxy: RFC 9112 6.1 and 6.3 want a 400
// and a closed connection. Beast refuses Content-Length with a chunked Transfer-Encoding but lets
// "Transfer-Encoding: gzip" pass with a Content-Length, or without one as a request with no body.
bool framing_is_sound(const bhttp::request_header<>& h) {
    const auto codings = h.count(bhttp::field::transfer_encoding);
    if (codings == 0) return true;
    return codings == 1 && h.count(bhttp::field::content_length) == 0 && h.version() == 11 &&
           beast::iequals(h[bhttp::field::transfer_encoding], "chunked");
}

bool is_urlencoded(const bhttp::request_header<>& h) {
    const std::string_view type = h[bhttp::field::content_type];
    constexpr std::string_view form = "application/x-www-form-urlencoded";
    return type.size() >= form.size() && beast::iequals(type.substr(0, form.size()), form);
}

bool is_malformed(beast::error_code ec) {
    static const bhttp::error malformed[] = {
        bhttp::error::bad_line_ending,       bhttp::error::bad_method,   bhttp::error::bad_target,
        bhttp::error::bad_version,           bhttp::error::bad_field,    bhttp::error::bad_value,
        bhttp::error::bad_content_length,    bhttp::error::bad_chunk,    bhttp::error::bad_chunk_extension,
        bhttp::error::bad_transfer_encoding, bhttp::error::bad_obs_fold, bhttp::error::multiple_content_length,
        bhttp::error::unexpected_body,
    };
    return std::any_of(std::begin(malformed), std::end(malformed), [&](bhttp::error e) { return ec == e; });
}

// One kind of work with its own threads, so a slow import or a burst of logins cannot take the threads pages
// and /healthz need.
struct Lane {
    Lane(std::string n, int threads, std::size_t queued)
        : name(std::move(n)), threads(static_cast<std::size_t>(threads)), max_queued(queued), pool(this->threads) {}

    // Takes a place; false when every thread is busy and max_queued requests already wait. Counting the running
    // ones too keeps the bound exact while a posted request has not yet been picked up by an idle thread.
    bool enter() {
        if (in_flight.fetch_add(1) < threads + max_queued) return true;
        in_flight.fetch_sub(1);
        return false;
    }
    void leave() { in_flight.fetch_sub(1); }
    bool full() const { return in_flight.load() >= threads + max_queued; }

    // A client's key while it has a request queued or running here (RoutePlan::one_at_a_time).
    bool claim(const std::string& key) {
        std::lock_guard lock(keys_mutex);
        return keys.insert(key).second;
    }
    bool claimed(const std::string& key) {
        std::lock_guard lock(keys_mutex);
        return keys.count(key) > 0;
    }
    void release(const std::string& key) {
        std::lock_guard lock(keys_mutex);
        keys.erase(key);
    }

    std::string name;
    std::size_t threads, max_queued;
    std::atomic<std::size_t> in_flight{0}; // waiting or running
    std::mutex keys_mutex;
    std::set<std::string> keys;
    asio::thread_pool pool;
};

struct Context {
    Context(ServerOptions o, Handler h) : options(std::move(o)), handler(std::move(h)) {
        std::size_t pages_queue = k_pages_queue;
        std::set<std::string> names{"pages"};
        for (const auto& l : options.lanes) {
            if (l.name == "pages") {
                pages_queue = l.max_queued;
                continue;
            }
            if (l.name.empty() || l.threads < 1) throw std::invalid_argument("lajur '" + l.name + "' tidak sah");
            if (!names.insert(l.name).second) throw std::invalid_argument("lajur '" + l.name + "' disebut dua kali");
        }
        lanes.push_back(std::make_unique<Lane>("pages", std::max(1, options.workers), pages_queue));
        for (const auto& l : options.lanes)
            if (l.name != "pages") lanes.push_back(std::make_unique<Lane>(l.name, l.threads, l.max_queued));
    }

    Lane& lane(const std::string& name) {
        for (auto& l : lanes)
            if (l->name == name) return *l;
        // A planner naming a lane nobody configured is a wiring mistake: say it once, keep serving.
        std::lock_guard lock(warned_mutex);
        if (warned.insert(name).second)
            std::cerr << "kinerja: lajur '" << name << "' tidak dikonfigurasi; permintaannya dijalankan di 'pages'\n";
        return *lanes.front();
    }

    // Lets running handlers finish and drops the requests still queued: their connections are gone with the
    // I/O threads, so nobody would read the answers.
    void stop_lanes() {
        for (auto& l : lanes)
            l->pool.stop();
        for (auto& l : lanes)
            l->pool.join();
    }

    ServerOptions options;
    Handler handler;
    std::vector<std::unique_ptr<Lane>> lanes; // the first is "pages"
    std::mutex warned_mutex;
    std::set<std::string> warned;
};

// One connection. Its steps run on the connection's strand: wait for a request, read its head within
// header_timeout, plan it, read its body while it keeps moving, run it on its lane, write the answer while
// the peer keeps reading.
class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket&& socket, Context& ctx) : m_stream(std::move(socket)), m_ctx(ctx) {
        beast::error_code ec;
        const auto ep = m_stream.socket().remote_endpoint(ec);
        if (!ec) m_remote = ep.address().to_string();
    }

    void start() {
        // A new connection gets header_timeout for its first head: an idle socket opened to hold a slot is
        // closed as soon as a slow head would be.
        asio::dispatch(m_stream.get_executor(), beast::bind_front_handler(&Session::read_head, shared_from_this()));
    }

private:
    const ServerOptions& opt() const { return m_ctx.options; }

    // Between requests on a kept-alive connection: the next one may take keep_alive_timeout to begin, and
    // header_timeout from its first byte.
    void await_next() {
        if (m_buffer.size() > 0) return read_head();
        m_stream.expires_after(opt().keep_alive_timeout);
        m_stream.async_read_some(m_buffer.prepare(k_read_size),
                                 [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                     self->m_buffer.commit(n);
                                     if (ec) return self->close();
                                     self->read_head();
                                 });
    }

    void read_head() {
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(opt().header_limit));
        // No body limit until the plan gives one: Beast would check Content-Length against its 1 MB default
        // while it parses the head.
        m_parser->body_limit(boost::none);
        m_stream.expires_after(opt().header_timeout);
        bhttp::async_read_header(m_stream, m_buffer, *m_parser,
                                 beast::bind_front_handler(&Session::on_head, shared_from_this()));
    }

    void on_head(beast::error_code ec, std::size_t) {
        if (ec) return fail(ec);
        const auto& h = m_parser->get();
        // Versions other than 1.0 and 1.1 never get here: Beast's parser refuses them (bad_version, a 400).
        if (h.method() == bhttp::verb::unknown) return refuse(plain(501, "Metode permintaan tidak dikenal\n"));
        if (!framing_is_sound(h)) return refuse(plain(400, "Permintaan tidak sah: panjang isinya tidak jelas\n"));
        const std::string_view target = h.target();
        const auto q = target.find('?');
        if (q != std::string_view::npos &&
            static_cast<std::size_t>(std::count(target.begin() + q, target.end(), '&')) >= opt().max_form_fields)
            return refuse(plain(400, "Alamat memuat terlalu banyak parameter (batas " +
                                         std::to_string(opt().max_form_fields) + ")\n"));

        RoutePlan plan;
        plan.max_body = opt().max_body;
        if (opt().planner) {
            try {
                plan = opt().planner(to_request(h, {}, m_remote));
            } catch (const std::exception& e) {
                std::cerr << "kinerja: 500 " << h.method_string() << " " << target << ": planner: " << e.what() << "\n";
                return refuse(plain(500, "Terjadi kesalahan pada server\n"));
            }
        }
        m_lane = &m_ctx.lane(plan.lane);
        m_max_body = plan.max_body;
        m_key = plan.one_at_a_time;
        if (const auto length = m_parser->content_length(); length && *length > m_max_body)
            return refuse(too_large(m_max_body));
        // Refused now rather than after an upload the lane could not take anyway.
        if (!m_parser->is_done() && m_lane->full()) return refuse(busy());
        if (!m_parser->is_done() && !m_key.empty() && m_lane->claimed(m_key)) return refuse(still_running());
        m_parser->body_limit(m_max_body);
        m_form = is_urlencoded(h);
        m_ampersands = 0;
        m_scanned = 0;
        read_body();
    }

    // The body in pieces, each within idle_timeout of the last: a slow upload that keeps moving gets through,
    // a stalled one is dropped.
    void read_body() {
        if (m_parser->is_done()) return dispatch();
        m_stream.expires_after(opt().idle_timeout);
        bhttp::async_read_some(m_stream, m_buffer, *m_parser,
                               beast::bind_front_handler(&Session::on_body, shared_from_this()));
    }

    void on_body(beast::error_code ec, std::size_t) {
        if (ec) return fail(ec);
        if (m_form) {
            // Counted as it arrives, so a form bomb is refused before it is even whole.
            const std::string& body = m_parser->get().body();
            m_ampersands += static_cast<std::size_t>(
                std::count(body.begin() + static_cast<std::ptrdiff_t>(m_scanned), body.end(), '&'));
            m_scanned = body.size();
            if (m_ampersands >= opt().max_form_fields)
                return refuse(plain(413, "Isian formulir terlalu banyak (batas " +
                                             std::to_string(opt().max_form_fields) + " isian)\n"));
        }
        read_body();
    }

    void dispatch() {
        auto req = m_parser->release();
        m_parser.reset();
        const bool keep_alive = req.keep_alive();
        const unsigned version = req.version();
        const bool head = req.method() == bhttp::verb::head;
        Lane& lane = *m_lane;
        std::string key = std::move(m_key);
        if (!key.empty() && !lane.claim(key)) return write(to_beast(still_running(), version, keep_alive, head));
        if (!lane.enter()) {
            if (!key.empty()) lane.release(key);
            return write(to_beast(busy(), version, keep_alive, head));
        }
        asio::post(lane.pool, [self = shared_from_this(), &lane, key = std::move(key), req = std::move(req), keep_alive,
                               version, head]() mutable {
            Request request = to_request(req.base(), std::move(req.body()), self->m_remote);
            Response resp;
            try {
                resp = self->m_ctx.handler(request);
            } catch (const std::exception& e) {
                std::cerr << "kinerja: 500 " << request.method << " " << request.path << ": " << e.what() << "\n";
                resp = plain(500, "Terjadi kesalahan pada server\n");
            }
            lane.leave();
            if (!key.empty()) lane.release(key);
            asio::post(self->m_stream.get_executor(),
                       [self, resp = std::move(resp), keep_alive, version, head]() mutable {
                           self->write(to_beast(std::move(resp), version, keep_alive, head));
                       });
        });
    }

    // An answer to a request we will not read to its end: then the connection closes.
    void refuse(Response&& r) {
        m_linger = true;
        write(to_beast(std::move(r), 11, false, false));
    }

    void fail(beast::error_code ec) {
        if (ec == bhttp::error::header_limit) {
            // No line end yet in what arrived: the request line alone is over the limit, i.e. its target.
            const auto data = m_buffer.cdata();
            const std::string_view seen(static_cast<const char*>(data.data()), data.size());
            if (seen.find('\n') == std::string_view::npos)
                return refuse(plain(414, "Alamat permintaan terlalu panjang\n"));
            return refuse(
                plain(431, "Kepala permintaan terlalu besar (batas " + size_text(opt().header_limit) + ")\n"));
        }
        if (ec == bhttp::error::body_limit) return refuse(too_large(m_max_body));
        if (is_malformed(ec)) return refuse(plain(400, "Permintaan tidak sah\n"));
        // End of stream, a peer gone mid-request, a timeout (the stream is already closed): nobody to answer.
        close();
    }

    // The response in pieces, each within idle_timeout of the last, so a large report reaches a slow reader.
    void write(bhttp::response<bhttp::string_body>&& res) {
        m_out = std::make_shared<Outgoing>(std::move(res));
        write_some();
    }

    void write_some() {
        m_stream.expires_after(opt().idle_timeout);
        bhttp::async_write_some(m_stream, m_out->serializer,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                    if (ec) return self->close();
                                    if (!self->m_out->serializer.is_done()) return self->write_some();
                                    const bool keep = self->m_out->message.keep_alive();
                                    self->m_out.reset();
                                    if (keep) return self->await_next();
                                    if (self->m_linger) return self->linger();
                                    self->close();
                                });
    }

    void linger() {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        m_linger_until = std::chrono::steady_clock::now() + k_linger_total;
        drain();
    }

    void drain() {
        m_buffer.consume(m_buffer.size());
        m_stream.expires_at(std::min(std::chrono::steady_clock::now() + k_linger_idle, m_linger_until));
        m_stream.async_read_some(m_buffer.prepare(k_read_size),
                                 [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                     self->m_buffer.commit(n);
                                     if (!ec) self->drain();
                                 });
    }

    void close() {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    }

    struct Outgoing {
        explicit Outgoing(bhttp::response<bhttp::string_body>&& m) : message(std::move(m)), serializer(message) {}
        bhttp::response<bhttp::string_body> message;
        bhttp::response_serializer<bhttp::string_body> serializer;
    };

    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<bhttp::request_parser<bhttp::string_body>> m_parser;
    Context& m_ctx;
    std::string m_remote;
    Lane* m_lane = nullptr;
    std::string m_key; // RoutePlan::one_at_a_time of the request being read
    std::size_t m_max_body = 0;
    bool m_form = false;
    std::size_t m_ampersands = 0, m_scanned = 0;
    bool m_linger = false;
    std::chrono::steady_clock::time_point m_linger_until;
    std::shared_ptr<Outgoing> m_out;
};

} // namespace

struct Server::Impl {
    asio::io_context io;
    Context ctx; // after io: its lanes are stopped first, while the sessions they hold can still close
    tcp::acceptor acceptor{io};
    asio::signal_set signals{io, SIGINT, SIGTERM};

    Impl(ServerOptions o, Handler h) : io(o.io_threads), ctx(std::move(o), std::move(h)) {}

    void accept() {
        acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
            if (ec) {
                if (ec == asio::error::operation_aborted) return;
            } else {
                std::make_shared<Session>(std::move(socket), ctx)->start();
            }
            accept();
        });
    }
};

Server::Server(ServerOptions options, Handler handler)
    : m_impl(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() {
    stop();
    m_impl->ctx.stop_lanes();
}

void Server::start() {
    auto& i = *m_impl;
    const auto& o = i.ctx.options;
    beast::error_code ec;
    const auto address = asio::ip::make_address(o.bind, ec);
    if (ec) throw std::runtime_error("alamat '" + o.bind + "' tidak sah");
    const tcp::endpoint ep{address, o.port};
    i.acceptor.open(ep.protocol(), ec);
    if (!ec) i.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) i.acceptor.bind(ep, ec);
    if (!ec) i.acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        throw std::runtime_error("tidak dapat mendengarkan di " + o.bind + ":" + std::to_string(o.port) + ": " +
                                 ec.message());
    i.signals.async_wait([this](beast::error_code, int) { stop(); });
    i.accept();
}

unsigned short Server::port() const {
    return m_impl->acceptor.local_endpoint().port();
}

void Server::run() {
    auto& i = *m_impl;
    std::vector<std::thread> extra;
    for (int k = 1; k < i.ctx.options.io_threads; ++k)
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
