/**
 * Query evaluation over ctkg's stores: TDB2's executor, with the triple patterns that share a
 * subject (a case record's type, country and year) answered from one read of that subject.
 */
package org.ctkg.loader.query;
