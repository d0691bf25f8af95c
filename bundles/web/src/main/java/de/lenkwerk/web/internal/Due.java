package de.lenkwerk.web.internal;

/**
 * One line of the Übersicht: what is due, and what to do about it (the link's text and address).
 *
 * @param text what is due, in German
 * @param action the link's text, e.g. "Tagesordnung festsetzen"
 * @param href where that is done
 */
public record Due(String text, String action, String href) {}
