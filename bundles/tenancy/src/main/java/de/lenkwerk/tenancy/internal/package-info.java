/** Implementation of the tenant directory: the extender, the whiteboard and the tenant table. */
package de.lenkwerk.tenancy.internal;
