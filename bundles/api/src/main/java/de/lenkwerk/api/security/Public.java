package de.lenkwerk.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a resource method of the Lenkwerk application as public: anyone may call it, also
 * without credentials (the health check, the tenant directory). Every resource method carries
 * either this or {@link Allowed}; a method with neither is refused for everybody.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Public {}
