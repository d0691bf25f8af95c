package de.lenkwerk.security.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The body of an upload must arrive within the configured total time, whatever its rate. */
class TenantUploadsTest {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  /** Sends one byte every {@code pauseMillis}, forever: each read returns, but the whole never ends. */
  private static InputStream trickle(long pauseMillis) {
    return new InputStream() {
      @Override
      public int read() throws java.io.IOException {
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException("interrupted");
        }
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        b[off] = (byte) read();
        return 1;
      }
    };
  }

  @Test
  void aTricklingBodyIsCutOffAtTheDeadline() {
    long start = System.nanoTime();
    DomainException e = assertThrows(DomainException.class,
        () -> TenantUploads.read(trickle(20), 1 << 20, 300, timer));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(408, e.kind().status());
    assertTrue(e.detail().contains("nicht innerhalb"), e.detail());
    assertTrue(millis < 2_000, "cut off after " + millis + " ms");
    assertFalse(Thread.currentThread().isInterrupted(), "the alarm does not leak into later work");
  }

  @Test
  void aBodyThatBlocksIsInterruptedAtTheDeadline() {
    long start = System.nanoTime();
    DomainException e = assertThrows(DomainException.class,
        () -> TenantUploads.read(trickle(60_000), 1 << 20, 200, timer));
    assertEquals(408, e.kind().status());
    assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000);
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void aQuickBodyIsReadWholeAndAnOversizedOneStopsEarly() {
    byte[] body = "format: 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertArrayEquals(body, TenantUploads.read(new ByteArrayInputStream(body), 100, 5_000, timer));
    assertEquals(11, TenantUploads.read(new ByteArrayInputStream(new byte[1000]), 10, 5_000, timer).length,
        "one byte more than allowed, so that the reader can answer 413");
  }
}
