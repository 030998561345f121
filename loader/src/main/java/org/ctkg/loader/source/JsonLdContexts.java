package org.ctkg.loader.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParserBuilder;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.ReaderRIOT;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.util.Context;
import org.ctkg.ontology.Ids;

/**
 * Where ctkg's JSON-LD reading gets remote contexts ({@code "@context": "https://…"}): a context
 * ctkg ships resolves from the class path, and any other is refused with an error naming it. So
 * reading a JSON-LD document never makes a request (a remote context is a fetch the author of the
 * document chooses: from a public endpoint, a probe of the network it sits in), and what a
 * document means does not depend on what another host answers that day.
 */
public final class JsonLdContexts implements DocumentLoader {
    /** ctkg's own context, the one the server also publishes at {@code /context.jsonld}. */
    public static final String CTKG = Ids.BASE + "context.jsonld";
    private static final Map<String, String> SHIPPED = Map.of(CTKG, "ctkg-context.jsonld");
    private static final JsonLdContexts INSTANCE = new JsonLdContexts();

    private JsonLdContexts() {}

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String resource = SHIPPED.get(url.toString());
        if (resource == null)
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, refusal(url.toString()));
        try (InputStream in = JsonLdContexts.class.getResourceAsStream(resource)) {
            JsonDocument document = JsonDocument.of(in);
            document.setDocumentUrl(url);
            return document;
        } catch (IOException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, e);
        }
    }

    /** Why the context at {@code iri} is not read. */
    public static String refusal(String iri) {
        return "the remote JSON-LD context <" + iri + "> is not fetched: ctkg makes no request for a JSON-LD context"
               + " (only its own, " + CTKG + ", resolves, locally); put the context in the document itself";
    }

    /** Makes this parser's JSON-LD reading (if any) take remote contexts from here. */
    public static RDFParserBuilder applyTo(RDFParserBuilder parser) {
        return parser.set(LangJSONLD11.JSONLD_OPTIONS, options());
    }

    /** Fresh options each time: Jena's reader sets the document's base on them. */
    private static JsonLdOptions options() {
        return new JsonLdOptions(INSTANCE);
    }

    /**
     * Makes every JSON-LD parse in this JVM that is not given its own JSON-LD options take remote
     * contexts from here, including those that other code (Fuseki's Graph Store uploads, SPARQL
     * {@code LOAD}) starts without a way to pass options.
     */
    public static synchronized void guardEveryReader() {
        for (Lang lang : new Lang[] {Lang.JSONLD, Lang.JSONLD11}) {
            if (RDFParserRegistry.getFactory(lang) instanceof Guarded)
                continue;
            RDFParserRegistry.registerLangQuads(lang, new Guarded());
        }
    }

    /** Jena's JSON-LD 1.1 reader, given these contexts unless the caller chose its own options. */
    private static final class Guarded implements org.apache.jena.riot.ReaderRIOTFactory {
        @Override
        public ReaderRIOT create(Lang lang, org.apache.jena.riot.system.ParserProfile profile) {
            LangJSONLD11 reader = new LangJSONLD11(lang, profile, profile.getErrorHandler());
            return new ReaderRIOT() {
                @Override
                public void read(InputStream in, String base, org.apache.jena.atlas.web.ContentType ct, org.apache.jena.riot.system.StreamRDF out, Context context) {
                    reader.read(in, base, ct, out, guarded(context));
                }

                @Override
                public void read(java.io.Reader in, String base, org.apache.jena.atlas.web.ContentType ct, org.apache.jena.riot.system.StreamRDF out, Context context) {
                    reader.read(in, base, ct, out, guarded(context));
                }
            };
        }

        private static Context guarded(Context context) {
            if (context != null && context.isDefined(LangJSONLD11.JSONLD_OPTIONS))
                return context;
            Context guarded = context == null ? new Context() : context.copy();
            guarded.set(LangJSONLD11.JSONLD_OPTIONS, options());
            return guarded;
        }
    }
}
