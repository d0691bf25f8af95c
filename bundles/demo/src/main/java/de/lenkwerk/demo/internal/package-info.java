/** The demo data of ./run. Not exported. */
package de.lenkwerk.demo.internal;
