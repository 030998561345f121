package org.ctkg.cli;

import org.ctkg.loader.Access;
import org.ctkg.loader.JobSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A load job's settings as options, the same for a job run here and one sent to a server. */
final class JobOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--graph", paramLabel = "IRI", description = "put everything into this named graph (default: triples go to a graph named "
            + "after the file, https://w3id.org/ctkg/graph/{file-name}, or after the mapping; quads keep their graph)")
    String graph;

    @Option(names = "--replace", description = "replace the content of each graph written to, atomically")
    boolean replace;

    @Option(names = "--syntax", paramLabel = "LANG",
            description = "the RDF syntax (turtle, ntriples, nquads, trig, rdfxml, jsonld), default from the file name")
    String syntax;

    @Option(names = "--infer", description = "add the RDFS closure of the ontology's class and property hierarchy")
    boolean infer;

    @Option(names = "--lenient", description = "commit despite SHACL violations (reported and recorded)")
    boolean lenient;

    @Option(names = "--no-validate", description = "skip SHACL validation (trusted bulk data only; recorded as not validated)")
    boolean noValidate;

    @Option(names = "--access", paramLabel = "LEVEL", defaultValue = "public", completionCandidates = AccessLevelNames.class,
            description = "public (default) or restricted: restricted graphs are seen only by the readers allowed them and by writers; "
                    + "the store remembers it, and a public load into a restricted graph is refused")
    String access;

    @Option(names = "--change-access", description = "with --access public: make a restricted graph public (an explicit decision)")
    boolean changeAccess;

    /** The names --access takes, for help and completion. */
    static final class AccessLevelNames extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        AccessLevelNames() {
            super(java.util.List.of("public", "restricted"));
        }
    }

    /** The job's settings; a graph that is not an absolute IRI, or an unknown level, is a usage error. */
    JobSettings settings() {
        try {
            return new JobSettings(graph, replace, infer, lenient, !noValidate, syntax, Access.named(access), changeAccess);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }
}
