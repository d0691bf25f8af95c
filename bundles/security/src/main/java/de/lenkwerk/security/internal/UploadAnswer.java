package de.lenkwerk.security.internal;

import de.lenkwerk.api.tenant.TenantStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of an upload (PUT .../bundle and .../document), as it always was: the tenant, the
 * bundle the platform built and its version, the tenant's status, rules version and problems.
 */
record UploadAnswer(String tenant, String bundle, String version, TenantStatus status,
    String rulesVersion, List<String> problems) {

  /** The same fields as a map, for the audit entry (which adds the digests). */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("tenant", tenant);
    map.put("bundle", bundle);
    map.put("version", version);
    map.put("status", status);
    map.put("rulesVersion", rulesVersion);
    map.put("problems", problems);
    return map;
  }
}
