/** Implementation of authentication, authorization, users, bundle upload and the audit trail. */
package de.lenkwerk.security.internal;
