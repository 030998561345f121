package org.ctkg.server.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.jena.sys.JenaSystem;
import org.ctkg.loader.source.JsonLdContexts;
import org.junit.jupiter.api.Test;

/**
 * The copy of ctkg's JSON-LD context that the loader ships (so {@value JsonLdContexts#CTKG}
 * resolves without a request) is the context the server makes from the ontology; when the
 * ontology changes, regenerate the copy from {@code /context.jsonld}.
 */
class ShippedContextTest {
    @Test
    void theShippedContextIsTheServedOne() throws Exception {
        JenaSystem.init();
        try (InputStream shipped = JsonLdContexts.class.getResourceAsStream("ctkg-context.jsonld")) {
            JsonObject copy = Json.createReader(shipped).readObject();
            JsonObject made = Json.createReader(new ByteArrayInputStream(JsonLdContext.ofCtkg().document())).readObject();
            assertEquals(made, copy, "loader/src/main/resources/org/ctkg/loader/source/ctkg-context.jsonld is out of date");
        }
    }
}
