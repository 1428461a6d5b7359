package fr.tribunes.harvest;

import fr.tribunes.article.ArticleDocument;
import fr.tribunes.facet.ArticleCard;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An op-ed as an OAI-PMH {@code oai_dc} record (simple Dublin Core): title; each author as « Family, Given » when
 * editors gave the name's parts, else the name as printed; the date to its known precision in W3CDTF
 * ({@code 2015-10}: harvesters read no approximation mark, so an approximate date is said in {@code dc:description});
 * the original publisher; the original address as {@code source}; the archive's address as {@code identifier};
 * themes as {@code subject}; the standfirst; the language; the rights as editors entered them, and the licence's
 * address when there is one.
 */
final class DublinCore {

    static final String PREFIX = "oai_dc";

    static final String NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/";

    static final String SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";

    static final String DC = "http://purl.org/dc/elements/1.1/";

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private DublinCore() {}

    static void write(XMLStreamWriter xml, ArticleDocument article, String url) throws XMLStreamException {
        xml.writeStartElement("oai_dc", "dc", NAMESPACE);
        xml.writeNamespace("oai_dc", NAMESPACE);
        xml.writeNamespace("dc", DC);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute(XSI, "schemaLocation", NAMESPACE + " " + SCHEMA);
        french(xml, "title", article.title());
        for (ArticleCard.Byline byline : article.bylines()) {
            dc(xml, "creator", byline.inverted());
        }
        for (ArticleDocument.Named topic : article.topics()) {
            french(xml, "subject", topic.name());
        }
        if (article.standfirst() != null) {
            french(xml, "description", article.standfirst());
        }
        if (article.dateApproximate()) {
            french(xml, "description", "Date de publication approximative\u202F: " + article.date() + ".");
        }
        if (article.originalPublisher() != null) {
            dc(xml, "publisher", article.originalPublisher());
        }
        dc(xml, "date", article.isoDate());
        dc(xml, "type", "Text");
        dc(xml, "format", "text/html");
        dc(xml, "identifier", url);
        if (article.originalUrl() != null) {
            dc(xml, "source", article.originalUrl());
        }
        dc(xml, "language", "fr");
        if (article.rights().known()) {
            french(xml, "rights", article.rights().statement());
        }
        if (article.rights().license() != null) {
            dc(xml, "rights", article.rights().license());
        }
        xml.writeEndElement();
    }

    private static void dc(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement("dc", name, DC);
        xml.writeCharacters(xmlSafe(text));
        xml.writeEndElement();
    }

    private static void french(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement("dc", name, DC);
        xml.writeAttribute("xml", XML_NS, "lang", "fr");
        xml.writeCharacters(xmlSafe(text));
        xml.writeEndElement();
    }

    /** The text without the characters XML 1.0 cannot hold (they cannot be typed in a form, but a file may). */
    static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || c >= 0xE000
                    ? c != 0xFFFE && c != 0xFFFF
                    : Character.isSurrogate(c) && validSurrogate(text, i);
            if (!allowed && safe == null) {
                safe = new StringBuilder(text.substring(0, i));
            }
            if (safe != null && allowed) {
                safe.append(c);
            }
        }
        return safe == null ? text : safe.toString();
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
