package org.retailhub.ops.replenishment;

import java.util.LinkedHashMap;
import java.util.Map;

/** Options as {@code --name value}, {@code --name=value} or a bare {@code --flag} (true); only the known names. */
final class CommandOptions {

    private CommandOptions() {
    }

    static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        Map<String, String> options = new LinkedHashMap<>(new java.util.TreeMap<>(defaults));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options: " + defaults.keySet());
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(2, equals) : arg.substring(2);
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; options: " + defaults.keySet());
            }
            String value;
            if (equals > 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            options.put(name, value);
        }
        return options;
    }
}
