import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * Runs one SQL query over the data lake with embedded DuckDB (the same engine the hub writes it with) and prints the
 * answer as tab-separated lines with a header. Started by {@code ops/scripts/lake-query.sh}, which finds DuckDB's JDBC jar.
 */
public class LakeQuery {

    public static void main(String[] args) throws SQLException {
        if (args.length != 1) {
            System.err.println("usage: ops/scripts/lake-query.sh \"<SQL>\"  e.g. select count(*) from read_parquet('.hub-data/lake/type=*/date=*/*.parquet')");
            System.exit(2);
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rows = duck.createStatement().executeQuery(args[0])) {
            ResultSetMetaData columns = rows.getMetaData();
            StringJoiner header = new StringJoiner("\t");
            for (int c = 1; c <= columns.getColumnCount(); c++) {
                header.add(columns.getColumnLabel(c));
            }
            System.out.println(header);
            while (rows.next()) {
                StringJoiner line = new StringJoiner("\t");
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    line.add(String.valueOf(rows.getObject(c)));
                }
                System.out.println(line);
            }
        }
    }
}
