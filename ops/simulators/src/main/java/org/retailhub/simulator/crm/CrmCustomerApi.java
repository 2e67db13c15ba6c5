package org.retailhub.simulator.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.retailhub.simulator.Simulator;
import org.retailhub.simulator.SimulatorServer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CRM's customer API over HTTP, served from the CRM's own database (table {@code contact}), as a real CRM
 * offers it to integrations; that database is where it keeps its state, so it needs no folder of its own. Every request signs in with HTTP Basic; the CRM records the calling user in
 * {@code modified_by}, which is how the hub recognises its own writes when CDC brings them back.
 * <ul>
 *   <li>{@code GET /crm/api/customers?changedSince=<ISO-8601>&page=<n>&size=<n>}: a page of customers by number</li>
 *   <li>{@code GET /crm/api/customers/{customerNo}}</li>
 *   <li>{@code POST /crm/api/customers}: create (201); an {@code externalRef} seen before returns that customer (200)</li>
 *   <li>{@code PUT /crm/api/customers/{customerNo}}: replace names, email, loyalty balance, active</li>
 * </ul>
 * Refusals are RFC 9457 problem details; validation errors (422) name the field, never the value (personal data).
 */
public final class CrmCustomerApi implements Simulator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String COLUMNS = "cust_no, salutation, first_name, last_name, email, phone, loyalty_points, tier, deleted, ext_ref, "
            + "modified_by, modified_at";
    private static final int MAX_PAGE = 500;

    private final JdbcTemplate crm;
    private final Map<String, String> users;
    private final ObjectMapper json = new ObjectMapper();
    private final SimulatorServer server;

    /** A refusal, answered as a problem detail. */
    private static final class Refusal extends RuntimeException {
        private final int status;
        private final List<Map<String, String>> errors;

        Refusal(int status, String detail, List<Map<String, String>> errors) {
            super(detail);
            this.status = status;
            this.errors = errors;
        }
    }

    private CrmCustomerApi(JdbcTemplate crm, Map<String, String> users, int port) {
        this.crm = crm;
        this.users = Map.copyOf(users);
        this.server = SimulatorServer.start("crm-customer-api", port, 32, Map.of("/crm/api/customers", this::handle));
    }

    /** Serves the CRM database {@code crm} on {@code port} (0: any free port) to the API users {@code users} (name → password). */
    public static CrmCustomerApi start(int port, JdbcTemplate crm, Map<String, String> users) {
        return new CrmCustomerApi(crm, users, port);
    }

    @Override
    public URI baseUrl() {
        return server.baseUrl();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Object answer;
            int status = 200;
            try {
                String user = signedIn(exchange);
                String[] path = exchange.getRequestURI().getPath().split("/"); // "", crm, api, customers, [customerNo]
                String method = exchange.getRequestMethod();
                if (path.length == 4 && "GET".equals(method)) {
                    answer = page(query(exchange.getRequestURI()));
                } else if (path.length == 5 && "GET".equals(method)) {
                    answer = find(path[4]).orElseThrow(() -> notFound(path[4]));
                } else if (path.length == 4 && "POST".equals(method)) {
                    ApiCustomer sent = valid(read(exchange));
                    Optional<ApiCustomer> known = Optional.ofNullable(sent.externalRef()).flatMap(this::byExternalRef);
                    status = known.isPresent() ? 200 : 201;
                    answer = known.orElseGet(() -> create(sent, user));
                } else if (path.length == 5 && "PUT".equals(method)) {
                    answer = update(path[4], valid(read(exchange)), user);
                } else {
                    throw new Refusal(405, method + " " + exchange.getRequestURI().getPath() + " is not offered", List.of());
                }
            } catch (Refusal r) {
                status = r.status;
                answer = problem(r);
            }
            if (status == 401) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"crm\"");
            }
            SimulatorServer.send(exchange, status, json.writeValueAsBytes(answer));
        }
    }

    private String signedIn(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Basic ")) {
            String[] login = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            if (login.length == 2 && login[1].equals(users.get(login[0]))) {
                return login[0];
            }
        }
        throw new Refusal(401, "sign in with an API user of the CRM", List.of());
    }

    private ApiCustomer read(HttpExchange exchange) throws IOException {
        try {
            return json.readValue(exchange.getRequestBody().readAllBytes(), ApiCustomer.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new Refusal(400, "the body is not a customer in JSON", List.of());
        }
    }

    private static ApiCustomer valid(ApiCustomer c) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (c.lastName() == null || c.lastName().isBlank()) {
            errors.add(Map.of("field", "lastName", "message", "is required"));
        } else if (c.lastName().length() > 40) {
            errors.add(Map.of("field", "lastName", "message", "is longer than 40 characters"));
        }
        if (c.firstName() != null && c.firstName().length() > 40) {
            errors.add(Map.of("field", "firstName", "message", "is longer than 40 characters"));
        }
        if (c.email() != null && (c.email().length() > 120 || !EMAIL.matcher(c.email()).matches())) {
            errors.add(Map.of("field", "email", "message", "is not a valid e-mail address"));
        }
        if (c.loyaltyPoints() != null && c.loyaltyPoints() < 0) {
            errors.add(Map.of("field", "loyaltyPoints", "message", "must not be negative"));
        }
        if (c.externalRef() != null && c.externalRef().length() > 32) {
            errors.add(Map.of("field", "externalRef", "message", "is longer than 32 characters"));
        }
        if (!errors.isEmpty()) {
            throw new Refusal(422, "the customer is not valid", errors);
        }
        return c;
    }

    private Map<String, Object> page(Map<String, String> query) {
        int page = number(query, "page", 0, Integer.MAX_VALUE);
        int size = number(query, "size", 100, MAX_PAGE);
        Timestamp since;
        try {
            since = query.containsKey("changedSince") ? Timestamp.from(OffsetDateTime.parse(query.get("changedSince")).toInstant())
                    : new Timestamp(0);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Refusal(400, "changedSince is not an ISO-8601 date and time with offset", List.of(Map.of("field", "changedSince",
                    "message", "is not an ISO-8601 date and time with offset")));
        }
        Long total = crm.queryForObject("select count(*) from contact where modified_at >= ?", Long.class, since);
        List<ApiCustomer> customers = crm.query("select " + COLUMNS + " from contact where modified_at >= ? order by cust_no limit ? offset ?",
                (rs, i) -> customer(rs), since, size, (long) page * size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", page);
        answer.put("size", size);
        answer.put("totalElements", total);
        answer.put("totalPages", total == null ? 0 : (total + size - 1) / size);
        answer.put("customers", customers);
        return answer;
    }

    private Optional<ApiCustomer> find(String customerNo) {
        return crm.query("select " + COLUMNS + " from contact where cust_no = ?", (rs, i) -> customer(rs), customerNo).stream().findFirst();
    }

    private Optional<ApiCustomer> byExternalRef(String externalRef) {
        return crm.query("select " + COLUMNS + " from contact where ext_ref = ?", (rs, i) -> customer(rs), externalRef).stream().findFirst();
    }

    private ApiCustomer create(ApiCustomer c, String user) {
        String number = "C" + String.format("%07d", crm.queryForObject("select nextval('contact_seq')", Long.class));
        crm.update("insert into contact (cust_no, first_name, last_name, email, loyalty_points, deleted, ext_ref, modified_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)",
                number, c.firstName(), c.lastName(), c.email(), points(c), !c.isActive(), c.externalRef(), user);
        return find(number).orElseThrow();
    }

    /** Writes only what differs, so a repeated PUT changes nothing (and CDC sees nothing). */
    private ApiCustomer update(String customerNo, ApiCustomer c, String user) {
        find(customerNo).orElseThrow(() -> notFound(customerNo));
        crm.update("update contact set first_name = ?, last_name = ?, email = ?, loyalty_points = ?, deleted = ?, modified_by = ?, modified_at = now() "
                        + "where cust_no = ? and (first_name, last_name, email, loyalty_points, deleted) is distinct from (?, ?, ?, ?, ?)",
                c.firstName(), c.lastName(), c.email(), points(c), !c.isActive(), user, customerNo,
                c.firstName(), c.lastName(), c.email(), points(c), !c.isActive());
        return find(customerNo).orElseThrow();
    }

    private static int points(ApiCustomer c) {
        return c.loyaltyPoints() == null ? 0 : c.loyaltyPoints();
    }

    private static ApiCustomer customer(ResultSet rs) throws SQLException {
        return new ApiCustomer(rs.getString("cust_no"), rs.getString("salutation"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), rs.getString("phone"), rs.getInt("loyalty_points"), rs.getString("tier"), !rs.getBoolean("deleted"),
                rs.getString("ext_ref"), rs.getString("modified_by"), rs.getObject("modified_at", OffsetDateTime.class).toString());
    }

    private static Refusal notFound(String customerNo) {
        return new Refusal(404, "no customer " + customerNo, List.of());
    }

    private static Map<String, Object> problem(Refusal r) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", switch (r.status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 404 -> "Customer not found";
            case 422 -> "Invalid customer";
            default -> "Not offered";
        });
        problem.put("status", r.status);
        problem.put("detail", r.getMessage());
        if (!r.errors.isEmpty()) {
            problem.put("errors", r.errors);
        }
        return problem;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static int number(Map<String, String> query, String name, int absent, int max) {
        try {
            int n = query.containsKey(name) ? Integer.parseInt(query.get(name)) : absent;
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Refusal(400, name + " must be a whole number from 0 to " + max, List.of(Map.of("field", name, "message", "out of range")));
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
