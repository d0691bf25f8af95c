package de.lenkwerk.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The screens' addresses: each screen adds its GET pages and POST forms, with {@code {id}} for a
 * number in the path ({@code /sitzungen/{id}/niederschrift}). A route is for the callers of a
 * tenant unless added as a platform route (Kommunen, Benutzer).
 */
final class Router {

  /** Answers one request. */
  interface Handler {
    void handle(Page p) throws IOException;
  }

  record Route(String[] segments, boolean post, boolean platform, Handler handler) {
  }

  /** The routes of one path (any method) and the numbers it carried. */
  record Match(List<Route> routes, List<Long> ids) {
    Route route(boolean post) {
      return routes.stream().filter(r -> r.post() == post).findFirst().orElse(null);
    }

    boolean platform() {
      return routes.stream().anyMatch(Route::platform);
    }
  }

  private final List<Route> routes = new ArrayList<>();

  Router get(String path, Handler h) {
    return add(path, false, false, h);
  }

  Router post(String path, Handler h) {
    return add(path, true, false, h);
  }

  Router platformGet(String path, Handler h) {
    return add(path, false, true, h);
  }

  Router platformPost(String path, Handler h) {
    return add(path, true, true, h);
  }

  private Router add(String path, boolean post, boolean platform, Handler h) {
    routes.add(new Route(path.substring(1).split("/"), post, platform, h));
    return this;
  }

  /** The routes of this path, or null when there is none. */
  Match match(String path) {
    if (!path.startsWith("/")) {
      return null;
    }
    String[] parts = path.substring(1).split("/", -1);
    List<Route> found = new ArrayList<>();
    List<Long> ids = null;
    for (Route r : routes) {
      List<Long> numbers = numbers(r.segments(), parts);
      if (numbers != null) {
        found.add(r);
        ids = numbers;
      }
    }
    return found.isEmpty() ? null : new Match(found, ids);
  }

  private static List<Long> numbers(String[] segments, String[] parts) {
    if (segments.length != parts.length) {
      return null;
    }
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].equals("{id}")) {
        if (!parts[i].matches("[0-9]{1,18}")) {
          return null;
        }
        ids.add(Long.parseLong(parts[i]));
      } else if (!segments[i].equals(parts[i])) {
        return null;
      }
    }
    return ids;
  }
}
