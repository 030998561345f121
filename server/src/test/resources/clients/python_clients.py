"""Queries a running ctkg endpoint with SPARQLWrapper and rdflib's SPARQLStore; prints one line per check.

Usage: python3 python_clients.py SPARQL_URL
Exits 0 only when every check passes.
"""
import sys

from SPARQLWrapper import SPARQLWrapper, JSON, TURTLE
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore

endpoint = sys.argv[1]
PALERMO = "https://w3id.org/ctkg/id/instrument/palermo-protocol"
UNTOC = "https://w3id.org/ctkg/id/instrument/untoc"
failures = 0


def check(name, ok, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + name + ((": " + str(detail)) if detail and not ok else ""))
    if not ok:
        failures += 1


# SPARQLWrapper: SELECT as JSON, over GET and POST
for method in ("GET", "POST"):
    w = SPARQLWrapper(endpoint)
    w.setMethod(method)
    w.setQuery("PREFIX ctkg: <https://w3id.org/ctkg/ontology#> SELECT ?c WHERE { <%s> ctkg:supplements ?c }" % PALERMO)
    w.setReturnFormat(JSON)
    rows = w.query().convert()["results"]["bindings"]
    check("SPARQLWrapper SELECT " + method, [r["c"]["value"] for r in rows] == [UNTOC], rows)

# SPARQLWrapper: ASK and CONSTRUCT
w = SPARQLWrapper(endpoint)
w.setQuery("ASK { ?r a <https://w3id.org/ctkg/ontology#Recommendation> }")
w.setReturnFormat(JSON)
check("SPARQLWrapper ASK", w.query().convert().get("boolean") is True)

w = SPARQLWrapper(endpoint)
w.setQuery("CONSTRUCT { <%s> ?p ?o } WHERE { <%s> ?p ?o }" % (PALERMO, PALERMO))
w.setReturnFormat(TURTLE)
g = rdflib.Graph()
g.parse(data=w.query().convert(), format="turtle")
check("SPARQLWrapper CONSTRUCT (Turtle)",
      (rdflib.URIRef(PALERMO), rdflib.URIRef("https://w3id.org/ctkg/ontology#supplements"), rdflib.URIRef(UNTOC)) in g, len(g))

# rdflib SPARQLStore
store = SPARQLStore(endpoint)
graph = rdflib.Graph(store=store)
rows = list(graph.query("SELECT (COUNT(?r) AS ?n) WHERE { ?r a <https://w3id.org/ctkg/ontology#Recommendation> }"))
check("rdflib SPARQLStore SELECT", int(rows[0][0]) == 7, rows)
labels = list(graph.objects(rdflib.URIRef(PALERMO), rdflib.RDFS.label))
check("rdflib SPARQLStore triples()", [str(l) for l in labels] == ["Palermo Protocol"], labels)

print("%d passed, %d failed" % (6 - failures, failures))
sys.exit(1 if failures else 0)
