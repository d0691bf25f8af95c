package de.lenkwerk.api.security;

import java.util.Set;

/** The roles of the platform; a tenant role always belongs to exactly one tenant. */
public final class Roles {

  /** The hosting provider: tenants, users, bundles; not the committees' confidential contents. */
  public static final String PLATFORM_ADMIN = "platform-admin";
  /** The Geschäftsstelle: everything of its own tenant. */
  public static final String TENANT_ADMIN = "tenant-admin";
  /** The chair: sets the agenda and releases the minutes. */
  public static final String CHAIR = "chair";
  /** A member: reads its committee, submits agenda items, objects to minutes. */
  public static final String MEMBER = "member";

  /** The roles that belong to a tenant. */
  public static final Set<String> TENANT_ROLES = Set.of(TENANT_ADMIN, CHAIR, MEMBER);

  /** All roles. */
  public static final Set<String> ALL = Set.of(PLATFORM_ADMIN, TENANT_ADMIN, CHAIR, MEMBER);

  /** Tenant ids no tenant may have: the platform's own audit chain lives under this id. */
  public static final String PLATFORM_CHAIN = "platform";

  private Roles() {}
}
