package de.lenkwerk.persistence.internal;

import de.lenkwerk.persistence.CurrentSchema;

/**
 * Registered as {@link CurrentSchema} by {@link SchemaMigrator} once the datasource's schema is
 * current. The {@link JpaUnitOfWork} and every direct user of the datasource require it, so
 * nothing reads or writes before the schema is there.
 */
public final class MigratedSchema implements CurrentSchema {}
