package org.retailhub.rfid.epc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ops/scripts/epc.sh}: decodes one EPC from hex, or encodes one from a tag, pure identity or GS1 Digital Link URI,
 * and prints it in all its forms as JSON, as the hub's API answers it. Exit code 0, 1 for an invalid EPC (its
 * problem printed as JSON), 2 for a wrong command line.
 */
public final class EpcCommand {

    static final String USAGE = """
            usage: epc.sh <hex>
                   epc.sh <uri> [--filter 0-7] [--bits 96|170|195|198|202] [--company-prefix-digits 6-12]
              <hex>  a tag's EPC as a reader reports it, e.g. 3074257BF7194E4000001A85
              <uri>  urn:epc:tag:sgtin-96:3.0614141.812345.6789, urn:epc:id:sgtin:0614141.812345.6789
                     or https://id.gs1.org/01/80614141123458/21/6789 (needs --company-prefix-digits)
              --filter                 filter value for a pure identity or Digital Link URI (default 0, All Others)
              --bits                   encoding length (default: 96 bits where the EPC fits, else the longer one)
              --company-prefix-digits  digits of the GS1 Company Prefix in a Digital Link URI
            """;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void main(String[] args) {
        System.exit(new EpcCommand().run(args, System.out, System.err));
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(USAGE);
            return 0;
        }
        if (args.length == 0 || args.length % 2 == 0) {
            err.print(USAGE);
            return 2;
        }
        try {
            String input = args[0];
            boolean uri = input.contains(":");
            if (!uri && args.length > 1) {
                throw new IllegalArgumentException("options apply to a URI; hex says everything itself");
            }
            TagEpc tag = uri ? EpcUris.parse(input, choices(args)) : EpcBinaryEncoding.decode(input);
            out.println(write(EpcView.of(tag)));
            return 0;
        } catch (InvalidEpcException e) {
            Map<String, String> problem = new LinkedHashMap<>();
            problem.put("reason", e.problem().slug());
            problem.put("input", e.input());
            problem.put("detail", e.detail());
            out.println(write(problem));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }

    private static EncodingChoices choices(String[] args) {
        int filter = 0;
        Integer bits = null;
        Integer prefix = null;
        for (int i = 1; i < args.length; i += 2) {
            int value = number(args[i], args[i + 1]);
            switch (args[i]) {
                case "--filter" -> filter = value;
                case "--bits" -> bits = value;
                case "--company-prefix-digits" -> prefix = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new EncodingChoices(filter, bits, prefix);
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
