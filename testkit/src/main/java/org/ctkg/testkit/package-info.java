/** What the tests of several modules share: HTTP helpers, stores, graph comparison. */
package org.ctkg.testkit;
