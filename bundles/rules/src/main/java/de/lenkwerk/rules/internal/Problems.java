package de.lenkwerk.rules.internal;

import java.util.ArrayList;
import java.util.List;

/** Collects the German problems and warnings of one document, each naming its field path. */
public final class Problems {

  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  /** A problem that makes the document invalid. An empty path means the whole document. */
  public void add(String path, String message) {
    problems.add(path == null || path.isEmpty() ? "Dokument: " + message : path + ": " + message);
  }

  /** A warning: the document is valid, but something looks wrong. */
  public void warn(String path, String message) {
    warnings.add(path == null || path.isEmpty() ? "Dokument: " + message : path + ": " + message);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
