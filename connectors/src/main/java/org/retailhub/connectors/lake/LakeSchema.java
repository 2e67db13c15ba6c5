package org.retailhub.connectors.lake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one event type in the lake, with a version. Every row carries its {@code schema_version}; a change
 * that is not just a new nullable column at the end gets a new version, and {@code _schema/<type>/v<n>.json}
 * describes each version.
 *
 * @param type    the event type, the {@code type=} partition (e.g. {@code order})
 * @param version the schema version, the {@code schema_version} column
 * @param columns the event type's own columns, after the ones every type shares ({@link #COMMON})
 */
record LakeSchema(String type, int version, List<Column> columns) {

    /** A column: its name, its DuckDB/Parquet type and what it means. */
    record Column(String name, String sqlType, String meaning) {
    }

    /** Columns every event type starts with. */
    static final List<Column> COMMON = List.of(
            new Column("schema_version", "INTEGER", "the version of this type's schema the row was written with"),
            new Column("source", "VARCHAR", "where the event came from: <topic>/<partition>/<offset>, unique per row"),
            new Column("occurred_at", "TIMESTAMPTZ", "when it happened; its UTC day is the date= partition"),
            new Column("customer", "VARCHAR", "the customer's pseudonym (HMAC-SHA256 under a key erased with the customer), null if none"));

    /** The shared columns followed by the type's own. */
    List<Column> allColumns() {
        List<Column> all = new ArrayList<>(COMMON);
        all.addAll(columns);
        return all;
    }

    /** The description written to {@code _schema/<type>/v<version>.json}. */
    Map<String, Object> description() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("version", version);
        out.put("layout", "type=" + type + "/date=<yyyy-mm-dd>/<topic>-<partition>-<first offset>.parquet");
        out.put("columns", allColumns().stream().map(c -> Map.of("name", c.name(), "type", c.sqlType(), "meaning", c.meaning())).toList());
        return out;
    }
}
