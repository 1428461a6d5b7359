package fr.tribunes.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * The OAI-PMH 2.0 protocol's XML schema and oai_dc's, as openarchives.org publishes them (copies in
 * {@code src/test/resources/schemas/}, their sources in {@code SOURCES.md} there), with what they import: a response
 * is checked whole, the Dublin Core inside each record included (OAI-PMH.xsd asks for strict validation of it).
 * Nothing is fetched from the network: the schemas' absolute addresses are answered with the local copies.
 */
final class OaiSchema {

    /** The schemas' imports, by the absolute address they use, to the local copy. */
    private static final Map<String, String> LOCAL = Map.of(
            "http://dublincore.org/schemas/xmls/simpledc20021212.xsd", "simpledc20021212.xsd",
            "http://www.w3.org/2001/03/xml.xsd", "xml.xsd");

    private static final Schema SCHEMA = load();

    private OaiSchema() {}

    private static Schema load() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            String local = systemId == null ? null : LOCAL.get(systemId);
            return local == null ? null : input(resource(local), publicId);
        });
        try {
            return factory.newSchema(new Source[] {source("OAI-PMH.xsd"), source("oai_dc.xsd")});
        } catch (SAXException e) {
            throw new IllegalStateException("The OAI-PMH schemas cannot be read", e);
        }
    }

    /**
     * Checks a response against the schemas.
     *
     * @throws AssertionError saying what breaks them, and where
     */
    static void validate(String xml) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError("Not valid OAI-PMH: " + e.getMessage() + "\n" + xml, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String name) {
        URL url = OaiSchema.class.getResource("/schemas/" + name);
        if (url == null) {
            throw new IllegalStateException("No schema " + name + " in src/test/resources/schemas");
        }
        return url;
    }

    private static Source source(String name) {
        return new StreamSource(resource(name).toExternalForm());
    }

    /** The local copy, named by its own address, so that what it refers to (xml.xsd's DTDs) is found beside it. */
    private static LSInput input(URL url, String publicId) {
        return new LSInput() {
            @Override
            public java.io.Reader getCharacterStream() {
                return null;
            }

            @Override
            public void setCharacterStream(java.io.Reader characterStream) {}

            @Override
            public InputStream getByteStream() {
                try {
                    return url.openStream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void setByteStream(InputStream byteStream) {}

            @Override
            public String getStringData() {
                return null;
            }

            @Override
            public void setStringData(String stringData) {}

            @Override
            public String getSystemId() {
                return url.toExternalForm();
            }

            @Override
            public void setSystemId(String systemId) {}

            @Override
            public String getPublicId() {
                return publicId;
            }

            @Override
            public void setPublicId(String publicId) {}

            @Override
            public String getBaseURI() {
                return null;
            }

            @Override
            public void setBaseURI(String baseURI) {}

            @Override
            public String getEncoding() {
                return null;
            }

            @Override
            public void setEncoding(String encoding) {}

            @Override
            public boolean getCertifiedText() {
                return false;
            }

            @Override
            public void setCertifiedText(boolean certifiedText) {}
        };
    }
}
