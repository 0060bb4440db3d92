package org.yardstick.sdmx;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The official SDMX-ML 2.1 schemas (test resources {@code sdmx/xsd}, see its LICENCE.md) and the schemas
 * derived from Yardstick's DSD ({@code sdmx/derived}), for validating messages.
 */
final class SdmxSchemas {

    private static Schema message;
    private static Schema timeSeries;
    private static Schema flat;

    private SdmxSchemas() {}

    /** SDMXMessage.xsd alone: structure messages fully; data messages only up to their abstract data set. */
    static synchronized Schema message() throws Exception {
        if (message == null) {
            message = load("sdmx/xsd/SDMXMessage.xsd");
        }
        return message;
    }

    /** SDMXMessage.xsd with the DSD-derived schema of a data message. */
    static synchronized Schema data(boolean allDimensions) throws Exception {
        if (allDimensions) {
            if (flat == null) {
                flat = load("sdmx/xsd/SDMXMessage.xsd", "sdmx/derived/flat.xsd");
            }
            return flat;
        }
        if (timeSeries == null) {
            timeSeries = load("sdmx/xsd/SDMXMessage.xsd", "sdmx/derived/ts.xsd");
        }
        return timeSeries;
    }

    private static Schema load(String... resources) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        StreamSource[] sources = new StreamSource[resources.length];
        for (int i = 0; i < resources.length; i++) {
            URL url = SdmxSchemas.class.getClassLoader().getResource(resources[i]);
            sources[i] = new StreamSource(url.openStream(), url.toExternalForm());
        }
        return factory.newSchema(sources);
    }

    /** Every error the schema finds in a document; empty when it is valid. */
    static List<String> errors(Schema schema, byte[] document) throws Exception {
        List<String> errors = new ArrayList<>();
        Validator v = schema.newValidator();
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        try {
            v.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXParseException e) {
            // recorded by the handler
        }
        return errors;
    }
}
