package de.lenkwerk.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares who may call a resource method of the Lenkwerk application: a caller with at least one
 * of the {@link #value() roles} ({@link Roles}). Read by the platform's access feature before the
 * method runs; every resource method carries either this or {@link Public}, a method with neither
 * is refused for everybody.
 *
 * <p>On a tenant path ({@code tenants/{tenant}/...}) only users of that tenant pass: for everybody
 * else, except a platform administrator, the tenant does not exist (404, the same answer as for an
 * unknown tenant). A platform administrator passes only where {@link Roles#PLATFORM_ADMIN} is one of
 * the roles.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {

  /** The roles that may call the method; at least one. */
  String[] value();

  /**
   * The path parameter naming the tenant whose users alone may call the method; {@code "tenant"}
   * by default. A path that starts with {@code tenants/{x}} must name its parameter here,
   * otherwise the method is refused.
   */
  String tenant() default "tenant";

  /**
   * Whether anonymous callers reach the method as well. The method then decides itself what they
   * may see (released public minutes) and refuses the rest as unauthenticated.
   */
  boolean anonymous() default false;
}
