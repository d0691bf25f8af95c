/** Authentication, authorization and the request scope, users, bundle upload, the audit trail over REST. */
package de.lenkwerk.security.internal;
