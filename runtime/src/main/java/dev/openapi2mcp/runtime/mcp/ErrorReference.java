package dev.openapi2mcp.runtime.mcp;

import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Failures whose message is not for the client. Text sent to the client reaches the model, which an attacker may
 * steer, and an exception's message may quote arguments, file paths, upstream URLs or a library's internals; so the
 * client is told only that something failed, with a reference, and the server's log holds the same reference with
 * the exception.
 *
 * <p>Only the exception's class goes to the log at {@code WARNING}; its message and stack trace go at {@code FINE},
 * as the message may quote a secret argument. A reference is 8 random hex digits: it tells nothing about the call.
 */
public final class ErrorReference {
  private ErrorReference() {}

  /**
   * Logs {@code failure} under a new reference.
   *
   * @param what what failed, for the log, e.g. {@code tool 'x' failed}
   * @return the words for the client, {@code error reference 0a1b2c3d in the server's log}
   */
  public static String log(Logger log, String what, Throwable failure) {
    String reference = String.format("%08x", ThreadLocalRandom.current().nextInt());
    log.warning(() -> what + " with " + failure.getClass().getName() + " (error reference " + reference
        + "; the exception is logged at FINE)");
    log.log(Level.FINE, what + " (error reference " + reference + ")", failure);
    return "error reference " + reference + " in the server's log";
  }
}
