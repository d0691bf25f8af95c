package de.lenkwerk.api.committee;

import java.time.LocalDate;

/**
 * A request to appoint a person to a seat.
 *
 * @param seat the seat id from the tenant's rules
 * @param person the id of a person of the same tenant
 * @param role MEMBER or DEPUTY
 * @param rank for deputies: 1, 2 ... where the rules rank deputies; null for members
 * @param from first day of the appointment
 * @param until last day, or null while open
 * @param appointedBy the appointing body, e.g. "Integrationsrat der Stadt Rheine"
 * @param decisionReference its decision, e.g. "Vorlage 525/21"
 */
public record NewAppointment(String seat, Long person, AppointmentRole role, Integer rank,
    LocalDate from, LocalDate until, String appointedBy, String decisionReference) {}
