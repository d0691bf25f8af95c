package de.lenkwerk.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered once the platform database has the current schema (all migrations applied). A
 * component that uses the {@code lenkwerk} datasource directly, rather than through
 * {@link UnitOfWork}, requires this service so that it never runs against an old schema.
 */
@ProviderType
public interface CurrentSchema {}
