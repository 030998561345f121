/**
 * Query evaluation over ctkg's stores: TDB2's executor, with the triple patterns that share a
 * subject (a case record's type, country and year) answered from one read of that subject, and a
 * pattern's probes that repeat (a country's label for each of its records) answered again from memory.
 */
package org.ctkg.loader.query;
