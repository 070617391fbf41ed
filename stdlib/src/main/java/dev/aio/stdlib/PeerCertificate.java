package dev.aio.stdlib;

import java.math.BigInteger;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.PyTuple;

/**
 * A peer's certificate in the dict form of CPython's {@code SSLSocket.getpeercert()}
 * ({@code _decode_certificate} in {@code _ssl.c}): subject and issuer as tuples of relative
 * distinguished names with OpenSSL's long attribute names, version, serialNumber in upper-case
 * hex, notBefore/notAfter as OpenSSL prints them, subjectAltName, OCSP, caIssuers,
 * crlDistributionPoints. Given to {@code ssl.aio} as
 * (key, value) pairs in CPython's order, which makes the dict.
 */
final class PeerCertificate {
    /** OpenSSL's long names ({@code OBJ_nid2ln}) of the attributes certificates name; others show as dotted OIDs, as OpenSSL shows them. */
    private static final Map<String, String> LONG_NAMES = Map.ofEntries(Map.entry("2.5.4.3", "commonName"), Map.entry("2.5.4.4", "surname"),
                    Map.entry("2.5.4.5", "serialNumber"), Map.entry("2.5.4.6", "countryName"), Map.entry("2.5.4.7", "localityName"),
                    Map.entry("2.5.4.8", "stateOrProvinceName"), Map.entry("2.5.4.9", "streetAddress"), Map.entry("2.5.4.10", "organizationName"),
                    Map.entry("2.5.4.11", "organizationalUnitName"), Map.entry("2.5.4.12", "title"), Map.entry("2.5.4.15", "businessCategory"),
                    Map.entry("2.5.4.17", "postalCode"), Map.entry("2.5.4.42", "givenName"), Map.entry("2.5.4.43", "initials"),
                    Map.entry("2.5.4.46", "dnQualifier"), Map.entry("2.5.4.65", "pseudonym"), Map.entry("2.5.4.97", "organizationIdentifier"),
                    Map.entry("1.2.840.113549.1.9.1", "emailAddress"), Map.entry("0.9.2342.19200300.100.1.25", "domainComponent"),
                    Map.entry("0.9.2342.19200300.100.1.1", "userId"), Map.entry("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionCountryName"),
                    Map.entry("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionStateOrProvinceName"),
                    Map.entry("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionLocalityName"));
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private PeerCertificate() {
    }

    @TruffleBoundary
    static PyTuple fields(X509Certificate cert) {
        List<Object> pairs = new ArrayList<>();
        pairs.add(PyTuple.of("subject", name(cert.getSubjectX500Principal())));
        pairs.add(PyTuple.of("issuer", name(cert.getIssuerX500Principal())));
        pairs.add(PyTuple.of("version", (long) cert.getVersion()));
        pairs.add(PyTuple.of("serialNumber", serial(cert.getSerialNumber())));
        pairs.add(PyTuple.of("notBefore", time(cert.getNotBefore().toInstant().atZone(ZoneOffset.UTC))));
        pairs.add(PyTuple.of("notAfter", time(cert.getNotAfter().toInstant().atZone(ZoneOffset.UTC))));
        PyTuple altNames = altNames(cert);
        if (altNames != null) {
            pairs.add(PyTuple.of("subjectAltName", altNames));
        }
        addIfAny(pairs, "OCSP", accessLocations(cert, OCSP));
        addIfAny(pairs, "caIssuers", accessLocations(cert, CA_ISSUERS));
        addIfAny(pairs, "crlDistributionPoints", crlDistributionPoints(cert));
        return new PyTuple(pairs.toArray());
    }

    private static void addIfAny(List<Object> pairs, String key, List<Object> uris) {
        if (!uris.isEmpty()) {
            pairs.add(PyTuple.of(key, new PyTuple(uris.toArray())));
        }
    }

    private static final String AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
    private static final String CRL_DISTRIBUTION_POINTS = "2.5.29.31";
    private static final String OCSP = "1.3.6.1.5.5.7.48.1";
    private static final String CA_ISSUERS = "1.3.6.1.5.5.7.48.2";
    /** A GeneralName's uniformResourceIdentifier: [6] IMPLICIT IA5String. */
    private static final int URI = 0x86;

    /** The DER inside an extension's value (the JDK gives it wrapped in an OCTET STRING), or null. */
    private static Der extension(X509Certificate cert, String oid) {
        byte[] value = cert.getExtensionValue(oid);
        return value == null ? null : new Der(new Der(value).content()).sequence();
    }

    /**
     * CPython's {@code _get_aia_uri}: the URIs of the Authority Information Access descriptions
     * with this method (SEQUENCE OF { accessMethod OID, accessLocation GeneralName }).
     */
    private static List<Object> accessLocations(X509Certificate cert, String method) {
        List<Object> uris = new ArrayList<>();
        Der descriptions = extension(cert, AUTHORITY_INFO_ACCESS);
        while (descriptions != null && descriptions.hasMore()) {
            Der description = descriptions.sequence();
            if (description.oid().equals(method) && description.peekTag() == URI) {
                uris.add(description.string());
            }
        }
        return uris;
    }

    /**
     * CPython's {@code _get_crl_dp}: the URIs of each distribution point's full name
     * (SEQUENCE OF { [0] { [0] fullName GeneralNames } OPTIONAL, [1] reasons, [2] cRLIssuer }).
     */
    private static List<Object> crlDistributionPoints(X509Certificate cert) {
        List<Object> uris = new ArrayList<>();
        Der points = extension(cert, CRL_DISTRIBUTION_POINTS);
        while (points != null && points.hasMore()) {
            Der point = points.sequence();
            if (point.peekTag() != 0xA0) {
                continue;
            }
            Der name = point.sequence();
            if (name.peekTag() != 0xA0) {
                continue;
            }
            Der fullName = name.sequence();
            while (fullName.hasMore()) {
                if (fullName.peekTag() == URI) {
                    uris.add(fullName.string());
                } else {
                    fullName.skip();
                }
            }
        }
        return uris;
    }

    /** {@code i2a_ASN1_INTEGER}: the magnitude's bytes in upper-case hex. */
    private static String serial(BigInteger n) {
        String hex = n.abs().toString(16).toUpperCase(Locale.ROOT);
        return (hex.length() % 2 == 1 ? "0" : "") + hex;
    }

    /** {@code ASN1_TIME_print}: {@code Nov 13 13:31:30 2126 GMT}. */
    private static String time(ZonedDateTime t) {
        return String.format(Locale.ROOT, "%s %2d %02d:%02d:%02d %d GMT", MONTHS[t.getMonthValue() - 1], t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getYear());
    }

    /** CPython's {@code _create_tuple_for_X509_NAME}: one tuple of (name, value) pairs per relative distinguished name, in the certificate's order. */
    private static PyTuple name(X500Principal principal) {
        Der names = new Der(principal.getEncoded()).sequence();
        List<Object> rdns = new ArrayList<>();
        while (names.hasMore()) {
            Der set = names.set();
            List<Object> attributes = new ArrayList<>();
            while (set.hasMore()) {
                Der attribute = set.sequence();
                String oid = attribute.oid();
                String value = attribute.string();
                attributes.add(PyTuple.of(LONG_NAMES.getOrDefault(oid, oid), value));
            }
            rdns.add(new PyTuple(attributes.toArray()));
        }
        return new PyTuple(rdns.toArray());
    }

    /** CPython's {@code _get_peer_alt_names}, or null when the certificate has none. */
    private static PyTuple altNames(X509Certificate cert) {
        Collection<List<?>> names;
        try {
            names = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return null;
        }
        if (names == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (List<?> n : names) {
            int type = (Integer) n.get(0);
            Object value = n.get(1);
            out.add(switch (type) {
                case 1 -> PyTuple.of("email", value);
                case 2 -> PyTuple.of("DNS", value);
                case 4 -> PyTuple.of("DirName", name(new X500Principal((String) value)));
                case 6 -> PyTuple.of("URI", value);
                // CPython 3.11 prints IPv6 groups in upper case, uncompressed, as the JDK does in lower case.
                case 7 -> PyTuple.of("IP Address", ((String) value).toUpperCase(Locale.ROOT));
                case 8 -> PyTuple.of("Registered ID", value);
                case 0 -> PyTuple.of("othername", "<unsupported>");
                case 3 -> PyTuple.of("X400Name", "<unsupported>");
                default -> PyTuple.of("EdiPartyName", "<unsupported>");
            });
        }
        return new PyTuple(out.toArray());
    }
}
