package dev.openapi2mcp.runtime.transport.http;

import dev.openapi2mcp.runtime.mcp.McpSession;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The live HTTP sessions. Ids are 256 random bits from {@link SecureRandom}, base64url (visible ASCII, as the spec
 * requires), so they cannot be guessed. A session ends on DELETE, on shutdown, or after {@code idleTimeout} without
 * requests and without an open stream.
 */
final class HttpSessions {
  private static final Logger LOG = Logger.getLogger(HttpSessions.class.getName());

  private final SecureRandom random = new SecureRandom();
  private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
  private final int maxSessions;
  private final int maxStreamsPerSession;
  private final long idleTimeoutNanos;
  private final LongSupplier clock;

  HttpSessions(int maxSessions, int maxStreamsPerSession, Duration idleTimeout, LongSupplier clock) {
    this.maxSessions = maxSessions;
    this.maxStreamsPerSession = maxStreamsPerSession;
    this.idleTimeoutNanos = idleTimeout.toNanos();
    this.clock = clock;
  }

  /**
   * A new session with a fresh id, not yet registered: it becomes findable once {@link #register}ed.
   *
   * @param caller the caller for the audit trail
   * @param owner the authenticated principal the session is bound to, or null without inbound auth
   */
  HttpSession create(String caller, String owner) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new HttpSession(new McpSession(id, caller), owner, new EventStreams(maxStreamsPerSession),
        clock.getAsLong());
  }

  /** Whether another session may be created (expired ones are removed first). */
  boolean hasRoom() {
    expireIdle();
    return sessions.size() < maxSessions;
  }

  /** Makes the session findable; false when the limit was reached in the meantime. */
  boolean register(HttpSession session) {
    synchronized (this) {
      if (sessions.size() >= maxSessions) {
        return false;
      }
      sessions.put(session.id(), session);
    }
    return true;
  }

  /** The live session with this id, marked as active now. */
  Optional<HttpSession> find(String id) {
    HttpSession session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (isExpired(session, clock.getAsLong())) {
      remove(id);
      return Optional.empty();
    }
    session.touch(clock.getAsLong());
    return Optional.of(session);
  }

  /** Ends and forgets a session; false when there was none. */
  boolean remove(String id) {
    HttpSession session = sessions.remove(id);
    if (session == null) {
      return false;
    }
    session.close();
    return true;
  }

  /** Keeps streams alive and ends sessions idle for longer than the timeout. */
  void maintain() {
    long now = clock.getAsLong();
    for (HttpSession session : List.copyOf(sessions.values())) {
      if (session.streams().keepAlive()) {
        session.touch(now);
      }
    }
    expireIdle();
  }

  private void expireIdle() {
    long now = clock.getAsLong();
    for (HttpSession session : List.copyOf(sessions.values())) {
      if (isExpired(session, now) && remove(session.id())) {
        LOG.fine("session expired after idle timeout");
      }
    }
  }

  private boolean isExpired(HttpSession session, long now) {
    return now - session.lastActiveNanos() > idleTimeoutNanos;
  }

  int size() {
    return sessions.size();
  }

  /** Ends all sessions. */
  void closeAll() {
    for (String id : List.copyOf(sessions.keySet())) {
      remove(id);
    }
  }
}
