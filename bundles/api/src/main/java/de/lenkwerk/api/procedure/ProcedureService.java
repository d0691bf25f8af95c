package de.lenkwerk.api.procedure;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The whole procedure of a tenant's committee under its rules of procedure, for callers that use
 * several parts of it (documents, screens). Every call first looks the tenant up (NOT_FOUND for
 * an unknown one), validates completely and stores nothing on error: INVALID_INPUT for malformed
 * requests, NOT_FOUND for meetings or items of other tenants, CONFLICT for a state that forbids
 * the change, RULE_VIOLATION naming the rule that refuses it. Each part is a service of its own;
 * prefer the part you need.
 */
@ProviderType
public interface ProcedureService extends MeetingService, AgendaService, AttendanceService,
    DecisionService, MinutesService, ComplianceService {}
