package de.lenkwerk.api.procedure;

/**
 * Who released a version of the minutes: a person, not a role.
 *
 * @param person the id of the person the releasing login is linked to, or null where it is not
 * @param name that person's name, else the user name
 * @param user the user name of the login that released it
 */
public record ReleasedBy(Long person, String name, String user) {}
