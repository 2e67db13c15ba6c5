package org.retailhub.rfid.epc;

/** The GS1 modulo-10 check digit of GTIN, SSCC, GLN and GRAI: weight 3 on the digit next to the check digit, then 1, 3, ... */
final class Gs1CheckDigit {

    private Gs1CheckDigit() {
    }

    static char of(String digits) {
        int sum = 0;
        boolean three = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            sum += three ? 3 * digit : digit;
            three = !three;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
