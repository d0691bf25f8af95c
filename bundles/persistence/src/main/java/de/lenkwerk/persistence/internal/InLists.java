package de.lenkwerk.persistence.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Queries over many ids with {@code IN :ids}, in chunks: Derby compiles every parameter of an IN
 * list into its statement's class (thousands exceed the class file's limits) and PostgreSQL takes
 * at most 32,767 parameters. A year's meetings are one chunk; all of a tenant's are a few.
 */
final class InLists {

  static final int CHUNK = 500;

  private InLists() {}

  static <T> List<T> query(Collection<Long> ids, Function<List<Long>, List<T>> query) {
    List<Long> distinct = ids.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return List.of();
    }
    if (distinct.size() <= CHUNK) {
      return query.apply(distinct);
    }
    List<T> result = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      result.addAll(query.apply(distinct.subList(from, Math.min(distinct.size(), from + CHUNK))));
    }
    return result;
  }
}
