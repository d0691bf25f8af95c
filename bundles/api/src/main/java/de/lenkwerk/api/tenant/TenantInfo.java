package de.lenkwerk.api.tenant;

import java.util.List;

/**
 * A tenant as the directory lists it.
 *
 * @param id the tenant id
 * @param name the Kommune's name (the id where the bundle could not be read)
 * @param status ACTIVE, EXPIRED or INVALID
 * @param problems German reasons why the tenant is INVALID; empty otherwise
 * @param rulesVersion identifies the rules in force: the bundle version and a digest of the
 *     document, so that any change gives a new version; null where there are no valid rules
 * @param bundle the symbolic name and version of the tenant bundle
 */
public record TenantInfo(String id, String name, TenantStatus status, List<String> problems,
    String rulesVersion, String bundle) {}
