package de.lenkwerk.api.procedure;

import java.time.LocalDate;

/**
 * An objection (Änderungswunsch) to released minutes.
 *
 * @param by the id of the person objecting: a member or deputy of the committee on the meeting day
 * @param receivedOn the day the Geschäftsstelle received it
 * @param text what should change
 */
public record NewObjection(Long by, LocalDate receivedOn, String text) {}
