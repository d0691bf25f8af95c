package de.lenkwerk.documents.internal;

/**
 * A small XHTML writer: every text goes through {@link #text} so that names and wording typed by
 * users can never become markup. openhtmltopdf needs well-formed XML.
 */
final class Xhtml {

  private final StringBuilder out = new StringBuilder(8192);

  Xhtml raw(String markup) {
    out.append(markup);
    return this;
  }

  Xhtml text(String text) {
    out.append(escape(text == null ? "" : text));
    return this;
  }

  /** An element with escaped text content, e.g. {@code el("h1", "Einladung")}. */
  Xhtml el(String tag, String text) {
    return raw("<" + tag + ">").text(text).raw("</" + tag.split(" ", 2)[0] + ">");
  }

  /** An element with a class attribute and escaped text content. */
  Xhtml el(String tag, String cssClass, String text) {
    return raw("<" + tag + " class=\"" + cssClass + "\">").text(text).raw("</" + tag + ">");
  }

  /** Text with its line breaks kept, as paragraphs. */
  Xhtml paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return this;
    }
    for (String paragraph : text.strip().split("\\R\\s*\\R")) {
      raw("<p>");
      String[] lines = paragraph.split("\\R");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          raw("<br/>");
        }
        text(lines[i]);
      }
      raw("</p>");
    }
    return this;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // XML 1.0 forbids most control characters; the services refuse them, this is the net.
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
