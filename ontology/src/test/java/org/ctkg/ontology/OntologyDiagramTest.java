package org.ctkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The diagram in docs/ontology.md is the one the ontology makes now. */
class OntologyDiagramTest {
    @Test
    void diagramDrawsTheMainClassesAndLinks() {
        String diagram = OntologyDiagram.mermaid();
        for (String expected : new String[] {"Recommendation -->|would change| Instrument", "Claim -->|stated in| SourceDocument", "Statistic -->|estimated by| Actor",
                                             "Recommendation -->|targets crime| CrimeType", "Treaty -->|supplements| Treaty"})
            assertTrue(diagram.contains(expected), "diagram lacks: " + expected);
    }

    @Test
    void docsShowTheCurrentDiagram() throws Exception {
        Path doc = Path.of("..", "docs", "ontology.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        assertEquals(OntologyDiagram.mermaid(), OntologyDiagram.extractFrom(text),
                "docs/ontology.md is out of date: regenerate it with OntologyDiagram (see the end of that page)");
    }
}
