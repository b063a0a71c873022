// The parts of libxml2 archivist uses, and small C helpers Swift cannot express or should not:
// xmlFree is a global function pointer (Swift 6 rejects it as shared mutable state) and
// LIBXML_DOTTED_VERSION a macro; the entity-declaration guard is a SAX callback.
#include <stdio.h>
#include <string.h>
// libxml2 here is built with ICU, and its encoding.h then includes ICU's headers, whose UErrorCode
// clashes with Foundation's own ICU in any module that sees both. archivist never touches
// xmlCharEncodingHandler's ICU members (the only declarations that depend on this), so the
// headers are read without them; the library itself is unchanged.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>
#include <libxml/relaxng.h>

static inline void archivist_xml_free(void *pointer) { xmlFree(pointer); }

static inline const char *archivist_xml_version(void) { return LIBXML_DOTTED_VERSION; }

/// What the entity guard saw: the first entity declaration it refused.
typedef struct {
    int refused;
    int type;
    char name[128];
} archivist_entity_guard;

/// Lets through only internal parameter entities whose value is plain text (the INCLUDE/IGNORE
/// switches of TEI's DTD customisations); any general entity, any external entity and any value
/// that could expand further stops the parse before anything is expanded.
static inline void archivist_entity_decl(void *context, const xmlChar *name, int type, const xmlChar *publicId,
                                         const xmlChar *systemId, xmlChar *content) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)context;
    archivist_entity_guard *guard = (archivist_entity_guard *)ctxt->_private;
    int harmless = type == XML_INTERNAL_PARAMETER_ENTITY && content != NULL
        && strpbrk((const char *)content, "%&<") == NULL;
    if (!harmless) {
        if (!guard->refused) {
            guard->refused = 1;
            guard->type = type;
            strncpy(guard->name, name ? (const char *)name : "", sizeof(guard->name) - 1);
            guard->name[sizeof(guard->name) - 1] = 0;
        }
        xmlStopParser(ctxt);
        return;
    }
    xmlSAX2EntityDecl(context, name, type, publicId, systemId, content);
}

/// The outcome of a parse: the document (NULL on failure) and the first error.
typedef struct {
    xmlDocPtr doc;
    int errorCode;
    int errorLine;
    char message[512];
} archivist_parse_result;

/// Parses `size` bytes with `options`, refusing entity declarations through the guard.
static inline archivist_parse_result archivist_parse(const char *buffer, int size, int options, archivist_entity_guard *guard) {
    archivist_parse_result result;
    memset(&result, 0, sizeof(result));
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL) {
        result.errorCode = -1;
        strcpy(result.message, "libxml2 could not create a parser");
        return result;
    }
    xmlCtxtUseOptions(ctxt, options);
    ctxt->sax->entityDecl = archivist_entity_decl;
    ctxt->_private = guard;
    xmlParseDocument(ctxt);
    if (ctxt->wellFormed && !guard->refused) {
        result.doc = ctxt->myDoc;
    } else {
        if (ctxt->myDoc != NULL) xmlFreeDoc(ctxt->myDoc);
        xmlErrorPtr error = xmlCtxtGetLastError(ctxt);
        if (error != NULL) {
            result.errorCode = error->code;
            result.errorLine = error->line;
            if (error->message != NULL) {
                strncpy(result.message, error->message, sizeof(result.message) - 1);
            }
        }
    }
    ctxt->myDoc = NULL;
    xmlFreeParserCtxt(ctxt);
    return result;
}

/// Collects validation messages (up to a bound) into a caller-owned buffer.
typedef struct {
    int count;
    int firstLine;
    char text[4096];
} archivist_messages;

static inline void archivist_collect_error(void *context, xmlErrorPtr error) {
    archivist_messages *messages = (archivist_messages *)context;
    if (error == NULL) return;
    messages->count += 1;
    if (messages->count == 1) messages->firstLine = error->line;
    size_t used = strlen(messages->text);
    if (error->message != NULL && used + 64 < sizeof(messages->text) && messages->count <= 20) {
        snprintf(messages->text + used, sizeof(messages->text) - used, "line %d: %s", error->line, error->message);
    }
}

/// Refuses every external resource a schema or document might ask for (imports, includes, DTDs
/// over the network); local schema files are read only when named by the caller.
static inline xmlParserInputPtr archivist_no_network_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    if (url != NULL && (strncmp(url, "http:", 5) == 0 || strncmp(url, "https:", 6) == 0 || strncmp(url, "ftp:", 4) == 0)) {
        return NULL;
    }
    return xmlNoNetExternalEntityLoader(url, id, ctxt);
}

// Called once, before any parse, from Swift's thread-safe one-time initialisation: libxml2 2.9
// wants xmlInitParser to have run before several threads parse at once (its lazy start is not
// thread-safe), and the loader is set for the whole process.
static inline void archivist_install_loader(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(archivist_no_network_loader);
}

/// Validates a parsed document against an XSD (kind 0) or RELAX NG (kind 1) schema file.
/// Returns 0 valid, 1 invalid, -1 the schema could not be read (messages says why).
static inline int archivist_validate(xmlDocPtr doc, const char *schemaPath, int kind, archivist_messages *messages) {
    int outcome = -1;
    if (kind == 0) {
        xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(schemaPath);
        if (parser == NULL) return -1;
        xmlSchemaSetParserStructuredErrors(parser, archivist_collect_error, messages);
        xmlSchemaPtr schema = xmlSchemaParse(parser);
        xmlSchemaFreeParserCtxt(parser);
        if (schema == NULL) return -1;
        messages->count = 0;
        messages->text[0] = 0;
        xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(schema);
        xmlSchemaSetValidStructuredErrors(valid, archivist_collect_error, messages);
        int code = xmlSchemaValidateDoc(valid, doc);
        outcome = code == 0 ? 0 : (code > 0 ? 1 : -1);
        xmlSchemaFreeValidCtxt(valid);
        xmlSchemaFree(schema);
    } else {
        xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt(schemaPath);
        if (parser == NULL) return -1;
        xmlRelaxNGSetParserStructuredErrors(parser, archivist_collect_error, messages);
        xmlRelaxNGPtr schema = xmlRelaxNGParse(parser);
        xmlRelaxNGFreeParserCtxt(parser);
        if (schema == NULL) return -1;
        messages->count = 0;
        messages->text[0] = 0;
        xmlRelaxNGValidCtxtPtr valid = xmlRelaxNGNewValidCtxt(schema);
        xmlRelaxNGSetValidStructuredErrors(valid, archivist_collect_error, messages);
        int code = xmlRelaxNGValidateDoc(valid, doc);
        outcome = code == 0 ? 0 : (code > 0 ? 1 : -1);
        xmlRelaxNGFreeValidCtxt(valid);
        xmlRelaxNGFree(schema);
    }
    return outcome;
}
