package org.ctkg.loader.report;

import java.io.PrintStream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;

/** SHACL reports for people (one line per violation: focus node, path, message, value) or as Turtle. */
public final class Reports {
    private static final int MAX_LINES = 200;

    private Reports() {}

    public static void printText(ValidationReport report, PrintStream out) {
        int n = 0;
        for (ReportEntry e : report.getEntries()) {
            if (++n > MAX_LINES) {
                out.println("  … and " + (report.getEntries().size() - MAX_LINES) + " more");
                break;
            }
            StringBuilder sb = new StringBuilder("  ").append(str(e.focusNode()));
            if (e.resultPath() != null)
                sb.append(" ").append(e.resultPath());
            sb.append(": ").append(e.message());
            if (e.value() != null)
                sb.append(" (value: ").append(str(e.value())).append(")");
            out.println(sb);
        }
    }

    public static void printTurtle(ValidationReport report, PrintStream out) {
        RDFDataMgr.write(out, report.getModel(), Lang.TURTLE);
    }

    private static String str(Node n) {
        if (n.isURI())
            return "<" + n.getURI() + ">";
        return n.toString();
    }
}
