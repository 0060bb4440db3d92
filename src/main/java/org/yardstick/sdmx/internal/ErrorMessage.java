package org.yardstick.sdmx.internal;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * An SDMX-ML 2.1 Error message ({@code <mes:Error>}, SDMXMessage.xsd): one {@code ErrorMessage} with the
 * standard code of the SDMX web services guidelines (section 5.8 / sdmx-rest "Errors") and its text in each
 * language given, for a client that asked for SDMX-ML (decision 0084). Codes: 100 no results found (404),
 * 140 syntax error (400), 150 semantic error (a well-formed query that breaks a rule: a reversed period,
 * 400), 1000 (custom) a format not served (406).
 */
public final class ErrorMessage {

    /** The media type of an SDMX-ML 2.1 error message (the SDMX REST WADL's). */
    public static final String CONTENT_TYPE = "application/vnd.sdmx.error+xml;version=2.1";

    private ErrorMessage() {}

    /** The standard SDMX error code of a refusal. */
    public static int code(SdmxRequestException e) {
        return switch (e.status()) {
            case 404 -> 100;
            case 406 -> 1000;
            default -> e.key().equals("sdmx.error.period-order") ? 150 : 140;
        };
    }

    /**
     * Whether an {@code Accept} header asks for SDMX-ML: any {@code application/vnd.sdmx.…+xml} type (structure,
     * structure-specific or generic data, error), even one this service does not serve.
     */
    public static boolean wanted(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(t -> t.getQualityValue() > 0
                    && "application".equals(t.getType()) && t.getSubtype().startsWith("vnd.sdmx.")
                    && t.getSubtype().endsWith("+xml"));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** The message, UTF-8: the code and one {@code com:Text} per language (tag → text), in the map's order. */
    public static byte[] write(int code, Map<String, String> texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("mes", StructureWriter.MES);
            w.setPrefix("com", StructureWriter.COM);
            w.writeStartElement(StructureWriter.MES, "Error");
            w.writeNamespace("mes", StructureWriter.MES);
            w.writeNamespace("com", StructureWriter.COM);
            w.writeStartElement(StructureWriter.MES, "ErrorMessage");
            w.writeAttribute("code", Integer.toString(code));
            for (Map.Entry<String, String> t : texts.entrySet()) {
                w.writeStartElement(StructureWriter.COM, "Text");
                w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", t.getKey());
                w.writeCharacters(t.getValue());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an SDMX error message", e);
        }
        return out.toByteArray();
    }
}
