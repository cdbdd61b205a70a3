/** The built-in actions {@code off}, {@code error}, {@code panic} and {@code delay}; found as services, not exported. */
package dev.cnifp.core.actions;
