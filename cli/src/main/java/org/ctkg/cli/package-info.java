/** The {@code ctkg} program: its commands, the client of a remote server, the terminal progress line. */
package org.ctkg.cli;
