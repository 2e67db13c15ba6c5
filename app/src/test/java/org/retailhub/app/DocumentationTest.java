package org.retailhub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.shared.EventNames;

/**
 * The repository documents itself, and its documents must not drift from the code: every module, model, class and
 * port the docs name exists, every module and model is described, and every link between documents resolves.
 */
class DocumentationTest {

    /** Type names the docs use that belong to libraries the hub is built on, not to the hub. */
    private static final Set<String> LIBRARY_TYPES = Set.of(
            "EmbeddedKafkaKraftBroker", "JwtAuthenticationConverter", "RouteConfigurationBuilder", "ProblemDetail",
            "PropertiesLauncher", "JdbcTemplate", "ConfigurationProperties", "OutOfOrderSequenceException",
            "CamelSpringBootTest", "AdviceWith", "KafkaStreams", "EnvironmentPostProcessor", "BigDecimal", "DefaultValue");

    /** {@code OrderJournal} names each event after the status it records: OrderReceived, OrderPaid, ... */
    /** The events the hub names at run time ({@code OrderPaid}, {@code PaymentCaptured}): named by the code, though no literal. */
    private static final Set<String> EVENT_TYPES = Stream.concat(
                    Arrays.stream(OrderStatus.values()).map(s -> EventNames.of("Order", s)),
                    Arrays.stream(PaymentStatus.values()).map(s -> EventNames.of("Payment", s)))
            .collect(Collectors.toSet());

    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+");
    private static final Pattern MODEL_FILE = Pattern.compile("([a-z0-9-]+\\.(?:bpmn|dmn))");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

    private static Path root;
    private static List<Path> documents;
    private static Set<String> typesInCode;
    private static String mainSources;

    @BeforeAll
    static void readRepository() throws IOException {
        root = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> docs = Stream.concat(Stream.of(root.resolve("README.md"), root.resolve("CONTRIBUTING.md")),
                Stream.concat(walk(root.resolve("docs"), ".md"), walk(root.resolve("ops/runbooks"), ".md")))) {
            documents = docs.filter(Files::exists).toList();
        }
        typesInCode = new TreeSet<>();
        StringBuilder sources = new StringBuilder();
        for (Path java : javaSources()) {
            typesInCode.add(java.getFileName().toString().replace(".java", ""));
            String text = Files.readString(java);
            Matcher nested = Pattern.compile("(?:class|interface|record|enum)\\s+([A-Z]\\w*)").matcher(text);
            while (nested.find()) {
                typesInCode.add(nested.group(1));
            }
            if (java.toString().contains("/src/main/")) {
                sources.append(text).append('\n');
            }
        }
        mainSources = sources.toString();
    }

    @Test
    void theArchitecturePageDescribesExactlyTheReactorsModules() throws IOException {
        Set<String> reactor = new TreeSet<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        while (module.find()) {
            reactor.add(module.group(1));
        }
        Set<String> described = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-/]+)` \\|").matcher(Files.readString(root.resolve("docs/architecture.md")));
        while (row.find()) {
            described.add(row.group(1));
        }
        assertThat(described).as("modules in the table of docs/architecture.md").isEqualTo(reactor);
    }

    @Test
    void everyModelIsDescribedAndEveryDescribedModelExists() throws IOException {
        Set<String> models;
        try (Stream<Path> files = Stream.of("processes", "app").flatMap(m -> walk(root.resolve(m).resolve("src/main/resources"), ".bpmn", ".dmn"))) {
            models = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> named = new TreeSet<>();
        for (Path doc : documents) {
            Matcher m = MODEL_FILE.matcher(Files.readString(doc));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertThat(named).as("models the docs name").isSubsetOf(models);
        assertThat(models).as("models in the code").isSubsetOf(named);
    }

    @Test
    void everyClassTheDocsNameExists() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Path doc : documents) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher code = CODE.matcher(lines.get(i));
                while (code.find()) {
                    for (String token : code.group(1).split("[^A-Za-z0-9_]+")) {
                        if (TYPE_NAME.matcher(token).matches() && !namedByTheCode(token)) {
                            unknown.add(root.relativize(doc) + ":" + (i + 1) + " " + token);
                        }
                    }
                }
            }
        }
        assertThat(unknown).as("names in the docs that no class, interface, record, enum or string of the code has").isEmpty();
    }

    @Test
    void everyPortTheArchitecturePageListsIsAnInterfaceOfTheDomain() throws IOException {
        String page = Files.readString(root.resolve("docs/architecture.md"));
        Matcher section = Pattern.compile("(?s)\n## Ports\n(.*?)(\n## |$)").matcher(page);
        assertThat(section.find()).as("docs/architecture.md has a section '## Ports'").isTrue();
        Set<String> ports = new LinkedHashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z]\\w+)` \\|").matcher(section.group(1));
        while (row.find()) {
            ports.add(row.group(1));
        }
        assertThat(ports).as("ports listed").isNotEmpty();
        List<String> notPorts = new ArrayList<>();
        for (String port : ports) {
            Path file;
            try (Stream<Path> found = walk(root.resolve("domain/src/main/java"), ".java").filter(p -> p.getFileName().toString().equals(port + ".java"))) {
                file = found.findFirst().orElse(null);
            }
            if (file == null || !Files.readString(file).contains("interface " + port)) {
                notPorts.add(port);
            }
        }
        assertThat(notPorts).as("listed as ports but not an interface in domain").isEmpty();
    }

    @Test
    void linksBetweenDocumentsResolve() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents) {
            Matcher link = LINK.matcher(Files.readString(doc));
            while (link.find()) {
                String target = link.group(1);
                if (!target.startsWith("http") && !Files.exists(doc.getParent().resolve(target))) {
                    broken.add(root.relativize(doc) + " -> " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** A type of the hub, a string the code uses (audit actions), an order event type, or a library type named on purpose. */
    private static boolean namedByTheCode(String token) {
        return typesInCode.contains(token) || LIBRARY_TYPES.contains(token) || mainSources.contains("\"" + token + "\"")
                || EVENT_TYPES.contains(token);
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = walk(root, ".java")) {
            return files.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/")).toList();
        }
    }

    private static Stream<Path> walk(Path folder, String... suffixes) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try {
            return Files.walk(folder).filter(p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s)))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
