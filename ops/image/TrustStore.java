import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the image's Java trust store from Debian's CA certificates, as ca-certificates-java's maintainer script
 * would on an installed system: run by ops/image/base-image.sh with {@code java TrustStore.java CERT_DIR OUT}.
 */
public final class TrustStore {
  public static void main(String[] args) throws Exception {
    Path certificates = Path.of(args[0]);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    List<Path> files;
    try (Stream<Path> found = Files.walk(certificates)) {
      files = found.filter(file -> file.toString().endsWith(".crt")).sorted().toList();
    }
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        X509Certificate certificate = (X509Certificate) x509.generateCertificate(in);
        String name = file.getFileName().toString().replaceFirst("\\.crt$", ".pem").toLowerCase();
        store.setCertificateEntry("debian:" + name, certificate);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no CA certificates under " + certificates);
    }
    try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
      store.store(out, "changeit".toCharArray());
    }
    System.out.println(files.size() + " CA certificates");
  }
}
