package org.ctkg.server.http;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * Statements that another concern adds to the VoID description of the served dataset (the
 * releases: its versions, its latest dump, the DCAT catalogue that lists them), so that this
 * package need not know about them. The description is made again when the store is written or
 * when {@link #state()} changes.
 */
public interface DatasetLinks {
    /** None. */
    DatasetLinks NONE = new DatasetLinks() {
        @Override
        public Object state() {
            return null;
        }

        @Override
        public void addTo(Graph description, Node dataset, String baseUrl) {}
    };

    /** What the statements depend on besides the store; equal states give equal statements. */
    Object state();

    /** Adds the statements about the dataset, for a server at this base URL. */
    void addTo(Graph description, Node dataset, String baseUrl);
}
