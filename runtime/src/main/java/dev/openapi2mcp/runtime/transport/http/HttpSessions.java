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
 * requests; an open GET stream does not count as use, since a client can hold one open without ever reading it.
 *
 * <p>Invariants: at most {@code maxSessions} sessions exist, and at most {@code maxPerHolder} of them share one
 * holder (the authenticated principal, or the remote address without inbound auth), so one client cannot take every
 * session from the others.
 */
final class HttpSessions {
  private static final Logger LOG = Logger.getLogger(HttpSessions.class.getName());

  /** Whether a new session may be registered, and if not, which limit stands in the way. */
  enum Admission { ADMITTED, SERVER_FULL, HOLDER_FULL }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
  private final int maxSessions;
  private final int maxPerHolder;
  private final int maxStreamsPerSession;
  private final long idleTimeoutNanos;
  private final LongSupplier clock;

  HttpSessions(int maxSessions, int maxPerHolder, int maxStreamsPerSession, Duration idleTimeout,
      LongSupplier clock) {
    this.maxSessions = maxSessions;
    this.maxPerHolder = maxPerHolder;
    this.maxStreamsPerSession = maxStreamsPerSession;
    this.idleTimeoutNanos = idleTimeout.toNanos();
    this.clock = clock;
  }

  /**
   * A new session with a fresh id, not yet registered: it becomes findable once {@link #register}ed.
   *
   * @param caller the caller for the audit trail
   * @param owner the authenticated principal the session is bound to, or null without inbound auth
   * @param holder whose share of the sessions it counts against: the principal, or the remote address
   */
  HttpSession create(String caller, String owner, String holder) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new HttpSession(new McpSession(id, caller), owner, holder, new EventStreams(maxStreamsPerSession),
        clock.getAsLong());
  }

  /** Whether a session for this holder may be created now (expired sessions are removed first). */
  Admission admission(String holder) {
    expireIdle();
    synchronized (this) {
      return admissionLocked(holder);
    }
  }

  /** Makes the session findable, unless a limit was reached in the meantime. */
  Admission register(HttpSession session) {
    synchronized (this) {
      Admission admission = admissionLocked(session.holder());
      if (admission == Admission.ADMITTED) {
        sessions.put(session.id(), session);
      }
      return admission;
    }
  }

  private Admission admissionLocked(String holder) {
    if (sessions.size() >= maxSessions) {
      return Admission.SERVER_FULL;
    }
    long held = sessions.values().stream().filter(session -> session.holder().equals(holder)).count();
    return held >= maxPerHolder ? Admission.HOLDER_FULL : Admission.ADMITTED;
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

  /**
   * Writes a keep-alive comment to every open stream (dropping streams that fail) and ends sessions idle for longer
   * than the timeout, open streams or not.
   */
  void maintain() {
    for (HttpSession session : List.copyOf(sessions.values())) {
      session.streams().keepAlive();
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
