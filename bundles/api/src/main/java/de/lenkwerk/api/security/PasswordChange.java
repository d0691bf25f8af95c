package de.lenkwerk.api.security;

/**
 * A new password. {@code currentPassword} is required when users change their own password and
 * ignored when an administrator sets it.
 */
public record PasswordChange(String password, String currentPassword) {}
