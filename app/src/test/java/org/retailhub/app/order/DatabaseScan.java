package org.retailhub.app.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Searches every text, JSON and binary column of every table in the hub's database (all schemas, Camunda's too). */
public final class DatabaseScan {

    private DatabaseScan() {
    }

    /** {@code schema.table.column} of each column where some row contains {@code text}. */
    public static List<String> columnsContaining(JdbcTemplate jdbc, String text) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select c.table_schema, c.table_name, c.column_name, c.data_type
                  from information_schema.columns c join information_schema.tables t
                    on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
                 where c.table_schema not in ('pg_catalog', 'information_schema')
                   and c.data_type in ('character varying', 'character', 'text', 'json', 'jsonb', 'bytea')""");
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String name = quoted(column.get("table_schema")) + "." + quoted(column.get("table_name")) + "." + quoted(column.get("column_name"));
            String table = name.substring(0, name.lastIndexOf('.'));
            String value = quoted(column.get("column_name"));
            // identifiers come from the catalogue, quoted; the searched text is a parameter
            String match = "bytea".equals(column.get("data_type")) ? "position(convert_to(?, 'UTF8') in " + value + ") > 0"
                    : "strpos(" + value + "::text, ?) > 0";
            Integer rows = jdbc.queryForObject("select count(*) from " + table + " where " + match, Integer.class, text);
            if (rows != null && rows > 0) {
                found.add(name);
            }
        }
        return found;
    }

    private static String quoted(Object identifier) {
        return "\"" + identifier.toString().replace("\"", "\"\"") + "\"";
    }
}
