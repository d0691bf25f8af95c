package de.lenkwerk.api.tenant;

import java.util.List;

/**
 * What uploading a Geschäftsordnung would change, found without any effect: the document was read
 * and checked as the upload checks it, and compared with the rules in force.
 *
 * @param tenant the tenant id
 * @param rulesVersion the version of the rules in force now, null before the first document
 * @param changes the changes in plain German, seats first, then each rule whose content changes
 *     (empty when only sources differ); for a first document one sentence saying so
 * @param warnings German notes on the new document the tenant admin should look at (never a refusal)
 * @param sha256 the SHA-256 of the document, so that the confirmed upload can be checked to be
 *     the previewed one
 */
public record DocumentPreview(String tenant, String rulesVersion, List<String> changes,
    List<String> warnings, String sha256) {}
