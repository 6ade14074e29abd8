// libFuzzer target: the IMAP and POP3 session state machines (not only their parsers), driven through a
// whole sync-like conversation while the "server" is the fuzz input, delivered over an in-memory stream in
// pieces of arbitrary size. The first bytes choose the protocol, the security, the options, how the input
// is split, when time passes (timers fire) and how the connection ends; the rest is what the server says.
//
// Every operation is issued from the completion of the one before, whatever its result, as a sync does.
// Invariants checked (abort() when broken): every callback handed to a session runs exactly once, none
// after the session is gone, failed() is emitted at most once, and nothing is written after close().
// No real time passes: timeouts are either an hour (never) or zero (they fire exactly at the event-loop
// turns the input asks for); once the input is exhausted the session is ended, so each run is quick.

#include "logging/logger.h"
#include "memorybytestream.h"
#include "protocol/imap/imapfetch.h"
#include "protocol/imap/imapsession.h"
#include "protocol/pop3/pop3session.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

namespace {

const QString kMailbox = u"fuzz@example.test"_s;

[[noreturn]] void violated(const std::string &what)
{
    std::fprintf(stderr, "fuzz_sessions: invariant violated: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

// The callbacks handed to a session: each must run exactly once, and never once the session is gone.
class Ledger
{
public:
    template <typename Callback>
    auto once(const char *name, Callback callback)
    {
        const int id = m_nextId++;
        m_outstanding.emplace(id, name);
        return [this, id, name, callback = std::move(callback)](auto &&...arguments) {
            if (m_sessionGone) {
                violated(std::string(name) + " ran after the session was destroyed");
            }
            if (m_outstanding.erase(id) == 0) {
                violated(std::string(name) + " ran twice");
            }
            callback(std::forward<decltype(arguments)>(arguments)...);
        };
    }

    void checkAllRan() const
    {
        if (!m_outstanding.empty()) {
            std::string names;
            for (const auto &[id, name] : m_outstanding) {
                names += ' ' + name;
            }
            violated("callbacks never ran:" + names);
        }
    }
    void sessionDestroyed() { m_sessionGone = true; }

private:
    std::map<int, std::string> m_outstanding;
    int m_nextId = 0;
    bool m_sessionGone = false;
};

struct Config
{
    bool pop3 = false;
    Security security = Security::None;
    bool zeroTimeouts = false;
    bool smallLimits = false;
    bool oneInFlight = false;
    bool earlyEnd = false; // log out while the last batch is in flight
    bool loginCommand = false;
    int ending = 0; // 0 server closes, 1 connection breaks, 2 abort(), 3 log out, then the server closes
    int tickOdds = 0;
};

// Splits the server's bytes into pieces and decides, after each piece, whether the event loop turns.
class Splitter
{
public:
    Splitter(const uint8_t *data, size_t size, quint8 sizeClass, quint8 seed)
        : m_data(data)
        , m_size(size)
        , m_state(0x9e3779b9u ^ (quint32(sizeClass) << 8) ^ seed)
    {
        static const size_t kMaxPiece[] = {1, 2, 3, 5, 8, 16, 64, 256, 1024, 65536};
        m_maxPiece = kMaxPiece[sizeClass % std::size(kMaxPiece)];
    }
    bool atEnd() const { return m_at >= m_size; }
    QByteArray next()
    {
        const size_t length = std::min(m_size - m_at, 1 + size_t(random() % m_maxPiece));
        const QByteArray piece(reinterpret_cast<const char *>(m_data) + m_at, qsizetype(length));
        m_at += length;
        return piece;
    }
    quint32 random()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return m_state;
    }

private:
    const uint8_t *m_data;
    size_t m_size;
    size_t m_at = 0;
    size_t m_maxPiece = 1;
    quint32 m_state;
};

void turn(bool timePasses)
{
    // Without timers, the event loop only delivers the stream's queued signals; with them, every
    // zero-length watchdog that is armed fires now.
    QCoreApplication::processEvents(timePasses ? QEventLoop::AllEvents : QEventLoop::X11ExcludeTimers);
}

void driveImap(Imap::Session &session, Ledger &ledger, const Config &config)
{
    auto logout = [&session, &ledger] {
        session.logout(ledger.once("logout", [] {}));
    };
    auto fetchBatch = [&session, &ledger, &config, logout] {
        auto onFetch = [](const Imap::Response &response) {
            if (auto message = Imap::parseFetch(response)) {
                (void)message->body;
            }
        };
        Imap::Command listing("UID FETCH");
        listing.atom("1:*").raw("(UID RFC822.SIZE INTERNALDATE)").expectBytes(800);
        session.execute(listing, onFetch, ledger.once("listing", [](const Result<Imap::Response> &) {}));
        Imap::Command bodies("UID FETCH");
        bodies.atom("1:3").raw("(UID RFC822.SIZE BODY.PEEK[])").expectBytes(4096);
        session.execute(bodies, onFetch, ledger.once("bodies", [](const Result<Imap::Response> &) {}));
        // A string with a line break goes as a literal: a continuation when the server lacks LITERAL+.
        Imap::Command search("UID SEARCH");
        search.atom("HEADER").atom("Message-ID").string("<a@example.test>\r\nX");
        session.execute(search, nullptr, ledger.once("search", [](const Result<Imap::Response> &) {}));
        Imap::Command store("UID STORE");
        store.atom("1:3").raw("+FLAGS.SILENT ($Tracked)");
        if (config.earlyEnd) {
            session.execute(store, nullptr, ledger.once("store", [](const Result<Imap::Response> &) {}));
            logout();
            return;
        }
        session.execute(store, nullptr, ledger.once("store", [logout](const Result<Imap::Response> &) { logout(); }));
    };
    auto afterLogin = [&session, &ledger, &config, fetchBatch] {
        session.enable({"CONDSTORE", "QRESYNC", "UTF8=ACCEPT"}, ledger.once("enable", [](Status) {}));
        // Waits for ENABLE's answer, which decides how folder names are encoded.
        session.status({u"INBOX"_s, u"Sent"_s, u"Entwürfe"_s},
                       ledger.once("status", [](Result<Imap::StatusReport>) {}));
        session.select(u"INBOX"_s, config.security == Security::None,
                       ledger.once("select", [fetchBatch](Result<Imap::SelectInfo> selected) {
                           if (selected) {
                               (void)selected->canKeepKeyword("$Tracked");
                           }
                           fetchBatch();
                       }));
    };
    session.open(
        u"imap.example.test"_s, 993, config.security, ledger.once("open", [&session, &ledger, afterLogin](Status) {
            (void)session.isUsable();
            session.login(u"alice"_s, u"sécret"_s, ledger.once("login", [afterLogin](Status) { afterLogin(); }));
        }));
}

void drivePop3(Pop3::Session &session, Ledger &ledger, const Config &config)
{
    auto quit = [&session, &ledger] {
        session.quit(ledger.once("quit", [] {}));
    };
    auto ignore = [](const Result<Pop3::Response> &result) {
        if (result) {
            (void)result->lines();
        }
    };
    auto retrieve = [&session, &ledger, &config, quit, ignore] {
        session.execute("RETR 1", true, ledger.once("retr 1", ignore), false, 2048);
        session.execute("RETR 2", true, ledger.once("retr 2", ignore), false, 100);
        if (config.earlyEnd) {
            session.execute("TOP 3 0", true, ledger.once("top", ignore));
            quit();
            return;
        }
        session.execute("TOP 3 0", true, ledger.once("top", [quit](const Result<Pop3::Response> &) { quit(); }));
    };
    auto afterLogin = [&session, &ledger, retrieve, ignore] {
        session.execute("STAT", false, ledger.once("stat", ignore));
        session.execute("UIDL", true, ledger.once("uidl", ignore));
        session.execute("LIST", true, ledger.once("list", [retrieve](const Result<Pop3::Response> &) { retrieve(); }));
    };
    session.open(
        u"pop.example.test"_s, 995, config.security, ledger.once("open", [&session, &ledger, afterLogin](Status) {
            (void)session.loginDelaySeconds();
            session.login(u"alice"_s, u"sécret"_s, ledger.once("login", [afterLogin](Status) { afterLogin(); }));
        }));
}

Config readConfig(const uint8_t *data)
{
    Config config;
    config.pop3 = data[0] & 1;
    static const Security kSecurity[] = {Security::None, Security::StartTls, Security::Tls, Security::StartTls};
    config.security = kSecurity[(data[0] >> 1) & 3];
    Logger::instance().setVerboseMailboxes(data[0] & 8 ? QSet<QString>{kMailbox} : QSet<QString>{});
    config.smallLimits = data[0] & 16;
    config.zeroTimeouts = data[0] & 32;
    config.oneInFlight = data[0] & 64;
    config.earlyEnd = data[0] & 128;
    config.ending = data[1] & 3;
    config.loginCommand = data[1] & 8;
    config.tickOdds = data[1] >> 4;
    return config;
}

template <typename Options>
void setTimeouts(Options &options, const Config &config)
{
    options.connectTimeoutMs = config.zeroTimeouts ? 0 : 3600 * 1000;
    options.commandTimeoutMs = config.zeroTimeouts ? 0 : 3600 * 1000;
    options.minBytesPerSecond = qint64(1) << 40; // no deadline ever grows with the expected size
    options.mailbox = kMailbox;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static int qtArgc = 1;
    static char *qtArgv[] = {(*argc > 0 ? (*argv)[0] : const_cast<char *>("fuzz_sessions")), nullptr};
    new QCoreApplication(qtArgc, qtArgv); // for the whole process
    Logger::instance().setCapacity(64, 64);
    Logger::instance().setEchoLevel(std::nullopt);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4) {
        return 0;
    }
    const Config config = readConfig(data);
    Splitter splitter(data + 4, size - 4, data[2], data[3]);

    auto owned = std::make_unique<Testing::MemoryByteStream>();
    Testing::MemoryByteStream *stream = owned.get();
    stream->setTlsFails(data[1] & 4);
    Ledger ledger;
    int failures = 0;
    std::unique_ptr<QObject> session;
    std::function<void()> end;
    if (config.pop3) {
        Pop3::SessionOptions options;
        setTimeouts(options, config);
        options.maxInFlight = config.oneInFlight ? 1 : 8;
        if (config.smallLimits) {
            options.limits.maxLineLength = 64;
            options.limits.maxResponseSize = 256;
        }
        auto pop3 = std::make_unique<Pop3::Session>(std::move(owned), options);
        QObject::connect(pop3.get(), &Pop3::Session::failed, [&failures] { ++failures; });
        drivePop3(*pop3, ledger, config);
        end = [pop3 = pop3.get(), &ledger, &config] {
            if (config.ending == 3) {
                pop3->quit(ledger.once("final quit", [] {}));
            } else {
                pop3->abort(SyncError::make(ErrorClass::Cancelled, u"cancelled"_s, u"the fuzz input ended"_s));
            }
        };
        session = std::move(pop3);
    } else {
        Imap::SessionOptions options;
        setTimeouts(options, config);
        options.maxInFlight = config.oneInFlight ? 1 : 4;
        if (config.loginCommand) {
            options.saslMechanisms.clear();
        }
        if (config.smallLimits) {
            options.limits.maxLineLength = 64;
            options.limits.maxLiteralSize = 256;
            options.limits.maxNesting = 4;
        }
        auto imap = std::make_unique<Imap::Session>(std::move(owned), options);
        QObject::connect(imap.get(), &Imap::Session::failed, [&failures] { ++failures; });
        driveImap(*imap, ledger, config);
        end = [imap = imap.get(), &ledger, &config] {
            if (config.ending == 3) {
                imap->logout(ledger.once("final logout", [] {}));
            } else {
                imap->abort(SyncError::make(ErrorClass::Cancelled, u"cancelled"_s, u"the fuzz input ended"_s));
            }
        };
        session = std::move(imap);
    }

    // The server's bytes, piece by piece, only when a real socket could deliver them (connected, no
    // handshake under way).
    while (!splitter.atEnd() && !stream->isFinished()) {
        for (int spins = 0; spins < 4 && !stream->acceptsData() && !stream->isFinished(); ++spins) {
            turn(false);
        }
        if (!stream->acceptsData()) {
            break;
        }
        stream->deliver(splitter.next());
        const quint32 dice = splitter.random();
        if (int(dice & 15) < config.tickOdds) {
            turn(config.zeroTimeouts && (dice & 0x30) == 0);
        }
    }
    turn(false);
    // The input is exhausted: the server goes away, or the client ends the session.
    switch (config.ending) {
    case 0:
        stream->serverCloses();
        break;
    case 1:
        stream->breaks();
        break;
    default:
        break;
    }
    turn(false);
    end();
    if (config.ending == 3) {
        turn(false);
        stream->serverCloses();
    }
    turn(false);

    if (failures > 1) {
        violated("failed() was emitted " + std::to_string(failures) + " times");
    }
    if (stream->writesAfterClose() > 0) {
        violated("the session wrote after closing the stream");
    }
    ledger.checkAllRan();
    if (qEnvironmentVariableIsSet("FUZZ_SESSIONS_VERBOSE")) { // what the client said, to check the seeds
        std::fprintf(stderr, "--- client:\n%s\n", stream->written().constData());
    }
    session.reset();
    ledger.sessionDestroyed();
    turn(true);
    return 0;
}
