package org.yardstick.sdmx.internal;

import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.yardstick.shared.LocalizedText;

/**
 * Writes an SDMX-ML 2.1 Structure message with StAX, as it goes (a code list of 620,000 regions is never
 * held): the data flows, code lists, the concept scheme and the data structure definition asked for.
 */
public final class StructureWriter {

    public static final String MES = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
    public static final String STR = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure";
    public static final String COM = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    /** What one message holds. */
    public record Contents(List<SdmxCatalogue.Flow> flows, Collection<SdmxCatalogue.Codelist> codelists,
                           boolean concepts, boolean dataStructure) {
        public boolean isEmpty() {
            return flows.isEmpty() && codelists.isEmpty() && !concepts && !dataStructure;
        }
    }

    private final XMLStreamWriter w;
    private final SdmxCatalogue catalogue;
    private final String agency;

    private StructureWriter(XMLStreamWriter w, SdmxCatalogue catalogue) {
        this.w = w;
        this.catalogue = catalogue;
        this.agency = catalogue.agency();
    }

    public static void write(OutputStream out, SdmxCatalogue catalogue, Contents contents, OffsetDateTime prepared) {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new StructureWriter(w, catalogue).message(contents, prepared);
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing an SDMX structure message: " + e.getMessage(), e);
        }
    }

    private void message(Contents c, OffsetDateTime prepared) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.setPrefix("mes", MES);
        w.setPrefix("str", STR);
        w.setPrefix("com", COM);
        w.writeStartElement(MES, "Structure");
        w.writeNamespace("mes", MES);
        w.writeNamespace("str", STR);
        w.writeNamespace("com", COM);
        w.writeStartElement(MES, "Header");
        text(MES, "ID", "IDREF" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        text(MES, "Test", "false");
        text(MES, "Prepared", prepared.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        w.writeEmptyElement(MES, "Sender");
        w.writeAttribute("id", agency);
        w.writeEndElement();
        if (!c.isEmpty()) {
            w.writeStartElement(MES, "Structures");
            if (!c.flows().isEmpty()) {
                w.writeStartElement(STR, "Dataflows");
                for (SdmxCatalogue.Flow f : c.flows()) {
                    dataflow(f);
                }
                w.writeEndElement();
            }
            if (!c.codelists().isEmpty()) {
                w.writeStartElement(STR, "Codelists");
                for (SdmxCatalogue.Codelist l : c.codelists()) {
                    codelist(l);
                }
                w.writeEndElement();
            }
            if (c.concepts()) {
                w.writeStartElement(STR, "Concepts");
                conceptScheme();
                w.writeEndElement();
            }
            if (c.dataStructure()) {
                w.writeStartElement(STR, "DataStructures");
                dataStructure();
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndDocument();
    }

    private String urn(String pkg, String cls, String id) {
        return "urn:sdmx:org.sdmx.infomodel." + pkg + "." + cls + "=" + agency + ":" + id + "(" + Dsd.VERSION + ")";
    }

    private void maintainable(String element, String pkg, String cls, String id, LocalizedText name,
                              LocalizedText description) throws XMLStreamException {
        w.writeStartElement(STR, element);
        w.writeAttribute("id", id);
        w.writeAttribute("urn", urn(pkg, cls, id));
        w.writeAttribute("agencyID", agency);
        w.writeAttribute("version", Dsd.VERSION);
        w.writeAttribute("isFinal", "false");
        names(name, description);
    }

    private void names(LocalizedText name, LocalizedText description) throws XMLStreamException {
        localized("Name", name);
        if (!description.zh().isBlank() || !description.en().isBlank()) {
            localized("Description", description);
        }
    }

    private void localized(String element, LocalizedText t) throws XMLStreamException {
        for (String lang : List.of("zh", "en")) {
            String value = lang.equals("zh") ? t.zh() : t.en();
            if (!value.isBlank()) {
                w.writeStartElement(COM, element);
                w.writeAttribute("xml", XML, "lang", lang);
                w.writeCharacters(value);
                w.writeEndElement();
            }
        }
        if (t.zh().isBlank() && t.en().isBlank()) {
            w.writeStartElement(COM, element);
            w.writeAttribute("xml", XML, "lang", "en");
            w.writeCharacters("-");
            w.writeEndElement();
        }
    }

    private void dataflow(SdmxCatalogue.Flow f) throws XMLStreamException {
        maintainable("Dataflow", "datastructure", "Dataflow", f.id(), f.name(), f.description());
        w.writeStartElement(STR, "Structure");
        ref(Dsd.ID, "DataStructure", "datastructure");
        w.writeEndElement();
        w.writeEndElement();
    }

    private void codelist(SdmxCatalogue.Codelist l) throws XMLStreamException {
        maintainable("Codelist", "codelist", "Codelist", l.id(), l.name(), LocalizedText.of("", ""));
        try {
            l.codes().accept(code -> {
                try {
                    w.writeStartElement(STR, "Code");
                    w.writeAttribute("id", code.id());
                    w.writeAttribute("urn", "urn:sdmx:org.sdmx.infomodel.codelist.Code=" + agency + ":" + l.id() + "("
                            + Dsd.VERSION + ")." + code.id());
                    localized("Name", code.name());
                    if (code.parent() != null) {
                        w.writeStartElement(STR, "Parent");
                        w.writeEmptyElement("Ref");
                        w.writeAttribute("id", code.parent());
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                } catch (XMLStreamException e) {
                    throw new Unchecked(e);
                }
            });
        } catch (Unchecked e) {
            throw e.cause;
        }
        w.writeEndElement();
    }

    private void conceptScheme() throws XMLStreamException {
        maintainable("ConceptScheme", "conceptscheme", "ConceptScheme", Dsd.CONCEPTS, catalogue.text("sdmx.concepts"),
                LocalizedText.of("", ""));
        for (String id : Dsd.ALL_CONCEPTS) {
            w.writeStartElement(STR, "Concept");
            w.writeAttribute("id", id);
            w.writeAttribute("urn", "urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=" + agency + ":" + Dsd.CONCEPTS + "("
                    + Dsd.VERSION + ")." + id);
            localized("Name", catalogue.text("sdmx.concept." + id));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void dataStructure() throws XMLStreamException {
        maintainable("DataStructure", "datastructure", "DataStructure", Dsd.ID, catalogue.text("sdmx.dsd"),
                LocalizedText.of("", ""));
        w.writeStartElement(STR, "DataStructureComponents");
        w.writeStartElement(STR, "DimensionList");
        w.writeAttribute("id", "DimensionDescriptor");
        for (int i = 0; i < Dsd.DIMENSIONS.size(); i++) {
            w.writeStartElement(STR, "Dimension");
            w.writeAttribute("id", Dsd.DIMENSIONS.get(i));
            w.writeAttribute("position", Integer.toString(i + 1));
            concept(Dsd.DIMENSIONS.get(i));
            enumeration(Dsd.DIMENSION_CODELISTS.get(i));
            w.writeEndElement();
        }
        w.writeStartElement(STR, "TimeDimension");
        w.writeAttribute("id", Dsd.TIME_PERIOD);
        w.writeAttribute("position", Integer.toString(Dsd.DIMENSIONS.size() + 1));
        concept(Dsd.TIME_PERIOD);
        w.writeStartElement(STR, "LocalRepresentation");
        w.writeEmptyElement(STR, "TextFormat");
        w.writeAttribute("textType", "ObservationalTimePeriod");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement(STR, "AttributeList");
        w.writeAttribute("id", "AttributeDescriptor");
        for (String a : Dsd.ATTRIBUTES) {
            w.writeStartElement(STR, "Attribute");
            w.writeAttribute("id", a);
            w.writeAttribute("assignmentStatus", a.equals("UNIT_MEASURE") || a.equals("OBS_STATUS") ? "Mandatory"
                    : "Conditional");
            concept(a);
            switch (a) {
                case "UNIT_MEASURE" -> enumeration("CL_UNIT");
                case "OBS_STATUS" -> enumeration("CL_OBS_STATUS");
                default -> {
                    w.writeStartElement(STR, "LocalRepresentation");
                    w.writeEmptyElement(STR, "TextFormat");
                    w.writeAttribute("textType", "String");
                    w.writeEndElement();
                }
            }
            w.writeStartElement(STR, "AttributeRelationship");
            w.writeStartElement(STR, "PrimaryMeasure");
            w.writeEmptyElement("Ref");
            w.writeAttribute("id", Dsd.OBS_VALUE);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeStartElement(STR, "MeasureList");
        w.writeAttribute("id", "MeasureDescriptor");
        w.writeStartElement(STR, "PrimaryMeasure");
        w.writeAttribute("id", Dsd.OBS_VALUE);
        concept(Dsd.OBS_VALUE);
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private void concept(String id) throws XMLStreamException {
        w.writeStartElement(STR, "ConceptIdentity");
        w.writeEmptyElement("Ref");
        w.writeAttribute("id", id);
        w.writeAttribute("maintainableParentID", Dsd.CONCEPTS);
        w.writeAttribute("maintainableParentVersion", Dsd.VERSION);
        w.writeAttribute("agencyID", agency);
        w.writeAttribute("class", "Concept");
        w.writeAttribute("package", "conceptscheme");
        w.writeEndElement();
    }

    private void enumeration(String codelist) throws XMLStreamException {
        w.writeStartElement(STR, "LocalRepresentation");
        w.writeStartElement(STR, "Enumeration");
        ref(codelist, "Codelist", "codelist");
        w.writeEndElement();
        w.writeEndElement();
    }

    private void ref(String id, String cls, String pkg) throws XMLStreamException {
        w.writeEmptyElement("Ref");
        w.writeAttribute("id", id);
        w.writeAttribute("version", Dsd.VERSION);
        w.writeAttribute("agencyID", agency);
        w.writeAttribute("class", cls);
        w.writeAttribute("package", pkg);
    }

    private void text(String ns, String element, String value) throws XMLStreamException {
        w.writeStartElement(ns, element);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    /** An XML error thrown through a code list's callback. */
    private static final class Unchecked extends RuntimeException {
        final XMLStreamException cause;

        Unchecked(XMLStreamException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
