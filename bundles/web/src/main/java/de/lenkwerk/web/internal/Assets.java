package de.lenkwerk.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/** The vendored design system, htmx and fonts under {@code /static/}, from this bundle only. */
final class Assets {

  private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "woff2", "font/woff2", "md", "text/plain; charset=utf-8",
      "png", "image/png", "txt", "text/plain; charset=utf-8");

  private Assets() {
  }

  static void serve(String name, HttpServletResponse resp) throws IOException {
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
    URL url = name.contains("..") || name.contains("//") || type == null ? null
        : Assets.class.getClassLoader().getResource("static/" + name);
    if (url == null) {
      resp.setStatus(404);
      resp.setContentType("text/plain; charset=utf-8");
      resp.getWriter().write("Nicht gefunden");
      return;
    }
    resp.setContentType(type);
    resp.setHeader("Cache-Control", "public, max-age=86400");
    try (InputStream in = url.openStream(); OutputStream out = resp.getOutputStream()) {
      in.transferTo(out);
    }
  }
}
