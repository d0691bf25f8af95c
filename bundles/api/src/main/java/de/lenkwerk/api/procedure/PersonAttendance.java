package de.lenkwerk.api.procedure;

/**
 * The attendance of one committee person (member or deputy) at a meeting. A late arrival or an
 * early leave is recorded against agenda items: the person was present for the items from
 * {@code fromItem} up to {@code untilItem} (both included, by their place on the agenda); null
 * means from the start or until the end.
 *
 * @param person the person's id (required)
 * @param status PRESENT, EXCUSED or ABSENT (required)
 * @param fromItem the id of the first agenda item the person was present for (late arrival), or
 *     null; only for PRESENT
 * @param untilItem the id of the last agenda item the person was present for (early leave), or
 *     null; only for PRESENT
 */
public record PersonAttendance(Long person, AttendanceStatus status, Long fromItem,
    Long untilItem) {}
