package de.lenkwerk.persistence.internal;

/**
 * Registered as a service by {@link SchemaMigrator} once the datasource's schema is current. The
 * {@link JpaTenantStore} requires it, so nothing reads or writes before the schema is there.
 */
public final class MigratedSchema {

  private final int applied;

  MigratedSchema(int applied) {
    this.applied = applied;
  }

  /** How many change sets this node applied at its start. */
  public int applied() {
    return applied;
  }
}
