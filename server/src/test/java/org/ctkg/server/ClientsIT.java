package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;

/**
 * Real clients against the real server: Jena's RDFConnection, and Python's SPARQLWrapper and
 * rdflib SPARQLStore (Debian's python3-sparqlwrapper and python3-rdflib, installed by .ci/run,
 * run with Debian's /usr/bin/python3).
 */
class ClientsIT extends CuratedServerTest {

    @Test
    void jenaRdfConnection() {
        try (RDFConnection conn = RDFConnection.connect(server.baseUrl() + "/ctkg")) {
            long[] n = new long[1];
            conn.querySelect("SELECT (COUNT(*) AS ?n) { ?r a <https://w3id.org/ctkg/ontology#Recommendation> }",
                             (QuerySolution row) -> n[0] = row.getLiteral("n").getLong());
            assertEquals(7, n[0]);
            Model m = conn.fetch("https://w3id.org/ctkg/graph/tcr-2021-strategic-threat");
            assertTrue(m.size() > 100, "GSP read of a named graph");
            assertTrue(conn.queryAsk("ASK { <https://w3id.org/ctkg/id/instrument/palermo-protocol> ?p ?o }"));
        }
        try (QueryExecutionHTTP qe = QueryExecutionHTTP.service(server.sparqlUrl())
                .query("DESCRIBE <https://w3id.org/ctkg/id/instrument/palermo-protocol>").build()) {
            assertTrue(qe.execDescribe().size() > 5);
        }
    }

    @Test
    void pythonSparqlWrapperAndRdflib() throws Exception {
        Path script = Path.of(ClientsIT.class.getResource("/clients/python_clients.py").toURI());
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), server.sparqlUrl()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), "python clients failed (is python3-rdflib/python3-sparqlwrapper installed? .ci/run installs them):\n" + output);
        assertTrue(output.contains("6 passed, 0 failed"), output);
    }
}
