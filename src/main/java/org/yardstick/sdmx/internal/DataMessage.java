package org.yardstick.sdmx.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * A data message written as its rows arrive, in one of the {@link DataFormat}s: nothing but the current
 * series (and, for SDMX-JSON, the index of the dimension values met) is held.
 */
public abstract class DataMessage {

    /**
     * What the header of a message says.
     *
     * @param flat observations carry every dimension ({@code AllDimensions}) instead of hanging under series
     * @param locale the language of names, in the formats that carry one name
     */
    public record Header(String id, String agency, String flow, boolean flat, OffsetDateTime prepared, Locale locale) {
        String preparedText() {
            return prepared.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }

    protected final Header header;

    DataMessage(Header header) {
        this.header = header;
    }

    public static DataMessage open(DataFormat format, OutputStream out, Header header) {
        return switch (format) {
            case STRUCTURE_SPECIFIC -> new Xml(out, header);
            case CSV -> new Csv(out, header);
            case JSON -> new Json(out, header);
        };
    }

    public abstract void row(SdmxRow row);

    /** Ends the message and flushes it. */
    public abstract void finish();

    /** The namespace of the DSD-derived schema of structure-specific data. */
    public static String namespace(String agency, boolean flat) {
        return "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=" + agency + ":" + Dsd.ID + "(" + Dsd.VERSION
                + "):ObsLevelDim:" + (flat ? "AllDimensions" : Dsd.TIME_PERIOD);
    }

    /** SDMX-ML 2.1 structure-specific data (StAX). */
    static final class Xml extends DataMessage {
        private static final String SS = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific";
        private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
        private final XMLStreamWriter w;
        private @Nullable SdmxRow series;

        Xml(OutputStream out, Header header) {
            super(header);
            try {
                w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                w.writeStartDocument("UTF-8", "1.0");
                w.writeStartElement("message", "StructureSpecificData", StructureWriter.MES);
                w.writeNamespace("message", StructureWriter.MES);
                w.writeNamespace("ss", SS);
                w.writeNamespace("common", StructureWriter.COM);
                w.writeNamespace("xsi", XSI);
                w.writeNamespace("ns1", namespace(header.agency(), header.flat()));
                w.writeStartElement("message", "Header", StructureWriter.MES);
                text("ID", header.id());
                text("Test", "false");
                text("Prepared", header.preparedText());
                w.writeEmptyElement("message", "Sender", StructureWriter.MES);
                w.writeAttribute("id", header.agency());
                w.writeStartElement("message", "Structure", StructureWriter.MES);
                w.writeAttribute("structureID", structureId());
                w.writeAttribute("namespace", namespace(header.agency(), header.flat()));
                w.writeAttribute("dimensionAtObservation", header.flat() ? "AllDimensions" : Dsd.TIME_PERIOD);
                w.writeStartElement("common", "Structure", StructureWriter.COM);
                w.writeEmptyElement("Ref");
                w.writeAttribute("agencyID", header.agency());
                w.writeAttribute("id", Dsd.ID);
                w.writeAttribute("version", Dsd.VERSION);
                w.writeEndElement();
                w.writeEndElement();
                text("DataSetAction", "Information");
                w.writeEndElement();
                w.writeStartElement("message", "DataSet", StructureWriter.MES);
                w.writeAttribute("ss", SS, "structureRef", structureId());
                w.writeAttribute("ss", SS, "dataScope", "DataStructure");
                w.writeAttribute("xsi", XSI, "type", "ns1:DataSetType");
            } catch (XMLStreamException e) {
                throw failed(e);
            }
        }

        private String structureId() {
            return header.agency() + "_" + Dsd.ID + "_" + Dsd.VERSION.replace('.', '_');
        }

        private void text(String element, String value) throws XMLStreamException {
            w.writeStartElement("message", element, StructureWriter.MES);
            w.writeCharacters(value);
            w.writeEndElement();
        }

        @Override
        public void row(SdmxRow r) {
            try {
                if (!header.flat() && !r.sameSeries(series)) {
                    if (series != null) {
                        w.writeEndElement();
                    }
                    w.writeStartElement("Series");
                    w.writeAttribute("FREQ", r.freq());
                    w.writeAttribute("REF_AREA", r.area());
                    w.writeAttribute("INDICATOR", r.indicator());
                    w.writeAttribute("BREAKDOWN", r.breakdown());
                    series = r;
                }
                w.writeEmptyElement("Obs");
                if (header.flat()) {
                    w.writeAttribute("FREQ", r.freq());
                    w.writeAttribute("REF_AREA", r.area());
                    w.writeAttribute("INDICATOR", r.indicator());
                    w.writeAttribute("BREAKDOWN", r.breakdown());
                }
                w.writeAttribute(Dsd.TIME_PERIOD, r.time());
                w.writeAttribute(Dsd.OBS_VALUE, r.valueText());
                w.writeAttribute("UNIT_MEASURE", r.unit());
                w.writeAttribute("OBS_STATUS", r.status());
                if (r.qualifier() != null) {
                    w.writeAttribute("OBS_QUALIFIER", r.qualifier());
                }
                if (r.coverage() != null) {
                    w.writeAttribute("COVERAGE", r.coverage());
                }
            } catch (XMLStreamException e) {
                throw failed(e);
            }
        }

        @Override
        public void finish() {
            try {
                if (series != null) {
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndDocument();
                w.flush();
            } catch (XMLStreamException e) {
                throw failed(e);
            }
        }

        private static RuntimeException failed(XMLStreamException e) {
            return e.getCause() instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(e);
        }
    }

    /** SDMX-CSV 1.0: one line per observation, the data flow in the first column. */
    static final class Csv extends DataMessage {
        private final Writer out;
        private final String flow;

        Csv(OutputStream stream, Header header) {
            super(header);
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            this.flow = header.agency() + ":" + header.flow() + "(" + Dsd.VERSION + ")";
            write("DATAFLOW," + String.join(",", Dsd.DIMENSIONS) + "," + Dsd.TIME_PERIOD + "," + Dsd.OBS_VALUE + ","
                    + String.join(",", Dsd.ATTRIBUTES) + "\n");
        }

        @Override
        public void row(SdmxRow r) {
            StringBuilder b = new StringBuilder(128);
            b.append(flow).append(',').append(r.freq()).append(',').append(r.area()).append(',').append(r.indicator())
                    .append(',').append(r.breakdown()).append(',').append(r.time()).append(',').append(r.valueText())
                    .append(',').append(r.unit()).append(',').append(r.status()).append(',')
                    .append(r.qualifier() == null ? "" : r.qualifier()).append(',')
                    .append(r.coverage() == null ? "" : r.coverage()).append('\n');
            write(b);
        }

        private void write(CharSequence s) {
            try {
                out.append(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * SDMX-JSON data 1.0. Data sets come first and the structure after them (members of a JSON object have
     * no order), so that the values of each dimension are indexed as met, not read twice.
     */
    static final class Json extends DataMessage {
        private final Writer out;
        private final List<Map<String, Integer>> dims = new ArrayList<>();
        private final List<Map<String, String>> dimNames = new ArrayList<>();
        private final Map<String, Integer> times = new LinkedHashMap<>();
        private final List<Map<String, Integer>> attrs = new ArrayList<>();
        private @Nullable SdmxRow series;
        private boolean firstObs = true;
        private boolean firstSeries = true;

        Json(OutputStream stream, Header header) {
            super(header);
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            for (int i = 0; i < Dsd.DIMENSIONS.size(); i++) {
                dims.add(new LinkedHashMap<>());
                dimNames.add(new LinkedHashMap<>());
            }
            for (int i = 0; i < Dsd.ATTRIBUTES.size(); i++) {
                attrs.add(new LinkedHashMap<>());
            }
            write("{\"header\":{\"id\":" + q(header.id()) + ",\"test\":false,\"prepared\":" + q(header.preparedText())
                    + ",\"sender\":{\"id\":" + q(header.agency()) + "}},\"dataSets\":[{\"action\":\"Information\","
                    + (header.flat() ? "\"observations\":{" : "\"series\":{"));
        }

        private String name(LocalizedText t) {
            String s = header.locale().getLanguage().equals("en") ? t.en() : t.zh();
            return s.isBlank() ? (t.en().isBlank() ? t.zh() : t.en()) : s;
        }

        private int index(int dimension, String code, String name) {
            Map<String, Integer> values = dims.get(dimension);
            Integer i = values.get(code);
            if (i == null) {
                i = values.size();
                values.put(code, i);
                dimNames.get(dimension).put(code, name);
            }
            return i;
        }

        private static int index(Map<String, Integer> values, String code) {
            return values.computeIfAbsent(code, c -> values.size());
        }

        private String seriesKey(SdmxRow r) {
            return index(0, r.freq(), r.freq()) + ":" + index(1, r.area(), name(r.areaName())) + ":"
                    + index(2, r.indicator(), name(r.indicatorName())) + ":" + index(3, r.breakdown(), r.breakdown());
        }

        @Override
        public void row(SdmxRow r) {
            StringBuilder b = new StringBuilder(96);
            String obsKey;
            if (header.flat()) {
                obsKey = seriesKey(r) + ":" + index(times, r.time());
                if (!firstObs) {
                    b.append(',');
                }
            } else {
                if (!r.sameSeries(series)) {
                    if (series != null) {
                        b.append("}}");
                    }
                    if (!firstSeries) {
                        b.append(',');
                    }
                    b.append(q(seriesKey(r))).append(":{\"observations\":{");
                    series = r;
                    firstSeries = false;
                    firstObs = true;
                }
                if (!firstObs) {
                    b.append(',');
                }
                obsKey = Integer.toString(index(times, r.time()));
            }
            firstObs = false;
            b.append(q(obsKey)).append(":[").append(r.valueText());
            String[] values = {r.unit(), r.status(), r.qualifier(), r.coverage()};
            for (int i = 0; i < values.length; i++) {
                b.append(',').append(values[i] == null ? "null" : Integer.toString(index(attrs.get(i), values[i])));
            }
            b.append(']');
            write(b);
        }

        @Override
        public void finish() {
            StringBuilder b = new StringBuilder(4096);
            if (!header.flat() && series != null) {
                b.append("}}");
            }
            b.append("}}],\"structure\":{\"name\":").append(q(header.flow())).append(",\"dimensions\":{\"dataSet\":[],");
            List<String> dimensionJson = new ArrayList<>();
            for (int i = 0; i < Dsd.DIMENSIONS.size(); i++) {
                StringBuilder d = new StringBuilder();
                d.append("{\"id\":").append(q(Dsd.DIMENSIONS.get(i))).append(",\"name\":").append(q(Dsd.DIMENSIONS.get(i)))
                        .append(",\"keyPosition\":").append(i).append(",\"role\":").append(i == 1 ? "\"REF_AREA\"" : "null")
                        .append(",\"values\":[");
                boolean first = true;
                for (Map.Entry<String, String> v : dimNames.get(i).entrySet()) {
                    d.append(first ? "" : ",").append("{\"id\":").append(q(v.getKey())).append(",\"name\":")
                            .append(q(v.getValue())).append('}');
                    first = false;
                }
                d.append("]}");
                dimensionJson.add(d.toString());
            }
            StringBuilder time = new StringBuilder("{\"id\":\"TIME_PERIOD\",\"name\":\"TIME_PERIOD\",\"keyPosition\":")
                    .append(Dsd.DIMENSIONS.size()).append(",\"role\":\"TIME_PERIOD\",\"values\":[");
            boolean first = true;
            for (String t : times.keySet()) {
                time.append(first ? "" : ",").append("{\"id\":").append(q(t)).append(",\"name\":").append(q(t)).append('}');
                first = false;
            }
            time.append("]}");
            if (header.flat()) {
                b.append("\"series\":[],\"observation\":[").append(String.join(",", dimensionJson)).append(',').append(time)
                        .append("]}");
            } else {
                b.append("\"series\":[").append(String.join(",", dimensionJson)).append("],\"observation\":[").append(time)
                        .append("]}");
            }
            b.append(",\"attributes\":{\"dataSet\":[],\"series\":[],\"observation\":[");
            for (int i = 0; i < Dsd.ATTRIBUTES.size(); i++) {
                b.append(i == 0 ? "" : ",").append("{\"id\":").append(q(Dsd.ATTRIBUTES.get(i))).append(",\"name\":")
                        .append(q(Dsd.ATTRIBUTES.get(i))).append(",\"values\":[");
                boolean firstValue = true;
                for (String v : attrs.get(i).keySet()) {
                    b.append(firstValue ? "" : ",").append("{\"id\":").append(q(v)).append(",\"name\":").append(q(v))
                            .append('}');
                    firstValue = false;
                }
                b.append("]}");
            }
            b.append("]}}}");
            write(b);
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(CharSequence s) {
            try {
                out.append(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A JSON string. */
        static String q(String s) {
            return org.yardstick.shared.TableDownload.quote(s);
        }
    }
}
