package de.lenkwerk.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** A closed-loop load driver over loopback HTTP: a fixed number of connections, bounded in time. */
final class Load {

  /** What one run measured. */
  record Result(int connections, long requests, long errors, double seconds, long[] latenciesNanos) {
    double rps() {
      return requests / seconds;
    }

    double p50Millis() {
      return percentile(0.50);
    }

    double p99Millis() {
      return percentile(0.99);
    }

    double percentile(double p) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1);
      return latenciesNanos[Math.max(0, index)] / 1e6;
    }
  }

  private Load() {}

  /**
   * Runs {@code connections} loops for the warm-up and then for {@code duration}; the request of a
   * loop comes from {@code request} (given the loop's index). A non-2xx answer counts as an error.
   */
  static Result run(int connections, Duration warmUp, Duration duration, IntFunction<HttpRequest> request)
      throws Exception {
    if (!warmUp.isZero()) {
      measure(connections, warmUp, request, Long.MAX_VALUE);
    }
    return measure(connections, duration, request, Long.MAX_VALUE);
  }

  /** Runs until {@code total} requests are done (or the time is up). */
  static Result count(int connections, long total, Duration limit, IntFunction<HttpRequest> request)
      throws Exception {
    return measure(connections, limit, request, total);
  }

  private static Result measure(int connections, Duration duration, IntFunction<HttpRequest> request,
      long total) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger issued = new AtomicInteger();
    List<Future<long[]>> loops = new ArrayList<>();
    AtomicInteger errors = new AtomicInteger();
    long started = System.nanoTime();
    long end = started + duration.toNanos();
    for (int c = 0; c < connections; c++) {
      loops.add(pool.submit(() -> {
        long[] latencies = new long[1024];
        int n = 0;
        while (running.get() && System.nanoTime() < end) {
          int index = issued.getAndIncrement();
          if (index >= total) {
            break;
          }
          HttpRequest r = request.apply(index);
          long t0 = System.nanoTime();
          try {
            HttpResponse<Void> response = Instance.CLIENT.send(r, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          if (n == latencies.length) {
            latencies = Arrays.copyOf(latencies, n * 2);
          }
          latencies[n++] = System.nanoTime() - t0;
        }
        return Arrays.copyOf(latencies, n);
      }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : loops) {
      all.add(f.get());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    running.set(false);
    pool.shutdown();
    int size = all.stream().mapToInt(a -> a.length).sum();
    long[] merged = new long[size];
    int at = 0;
    for (long[] a : all) {
      System.arraycopy(a, 0, merged, at, a.length);
      at += a.length;
    }
    Arrays.sort(merged);
    return new Result(connections, size, errors.get(), seconds, merged);
  }
}
